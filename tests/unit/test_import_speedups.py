"""The fast paths of the import pipeline give exactly what the simple paths give.

``html_to_text`` tokenizes slimmed HTML with one regular expression and leaves unusual markup
to ``html.parser``; ``iter_mbox`` reads an mbox in blocks instead of line by line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sellerdesk.domain.mail import html_text
from sellerdesk.domain.mail.html_text import html_to_text, slim_html
from sellerdesk.domain.mail.mime import parse_bytes, part_text
from sellerdesk.services import importer

TRICKY_HTML = [
    "<p>Tom &amp; Jerry &lt;td&gt; &#65;&#x42; &nbsp;x</p>",
    "<!DOCTYPE html><html><body><p>Hello</p></body></html>",
    "<?xml version='1.0'?><p>a < b and 3<4</p>",
    "<table><tr><th>#</th><th>ASIN</th></tr><tr><td>1</td><td>B0ABCDEFGH</td></tr></TABLE>",
    "<TABLE BORDER=1><TR><TD>a</TD><TD>b</TD></TR></TABLE>",
    "<td >x</ td>",
    "<a href=\"https://example.com/?a=1&amp;b=2\">link</a> <A HREF='u&amp;v'>x</A>",
    '<a href=foo"bar>odd</a>',
    "<pre>  two\n  lines </pre> after",
    "<![CDATA[hidden?]]><p>text</p>",
    "<![if !mso]><p>outlook</p><![endif]>",
    "unterminated <table",
    "ends with <",
    "<!x>bogus<!>comment<!-x>",
    "<p>a<br>b<br><br>c</p><ul><li>one</li><li>two</li></ul>",
    "<span style='display:none'>preheader</span><div>shown</div>",
    "&copy 2026 &#xe000; private use",
    "</>empty end</",
]


def _slow(html: str) -> tuple[str, tuple[str, ...]]:
    builder = html_text._parse_slow(slim_html(html))
    return builder.result(), tuple(builder.links)


@pytest.mark.parametrize("html", TRICKY_HTML)
def test_fast_tokenizer_matches_html_parser(html: str) -> None:
    converted = html_to_text(html)
    assert (converted.text, converted.links) == _slow(html)


def test_fast_tokenizer_matches_html_parser_on_every_sample(samples_dir: Path) -> None:
    compared = 0
    for path in sorted(samples_dir.glob("*.eml")):
        for part in parse_bytes(path.read_bytes()).walk():
            if part.get_content_type() == "text/html":
                html = part_text(part)
                converted = html_to_text(html)
                assert (converted.text, converted.links) == _slow(html), path.name
                compared += 1
    assert compared > 50


def _line_by_line(path: Path) -> list[bytes]:
    """What an mbox holds, split the obvious way (every "From " line starts a message)."""
    messages: list[list[bytes]] = []
    for line in path.read_bytes().splitlines(keepends=True):
        if line.startswith(b"From "):
            messages.append([])
        elif messages:
            messages[-1].append(line)
    out = []
    for lines in messages:
        raw = b"".join(lines)
        raw = raw[:-1] if raw.endswith(b"\n") else raw
        raw = raw.replace(b"\n>From ", b"\nFrom ")
        out.append(raw[1:] if raw.startswith(b">From ") else raw)
    return out


@pytest.mark.parametrize("block_bytes", [1, 5, 64, 1024 * 1024])
def test_mbox_blocks_split_messages_like_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block_bytes: int
) -> None:
    mbox = tmp_path / "mail.mbox"
    mbox.write_bytes(
        b"ignored preamble\n"
        b"From a@example Thu Nov 26 08:00:00 2026\nSubject: one\n\nbody\n>From here\n\n"
        b"From b@example Thu Nov 26 08:00:00 2026\r\nSubject: two\r\n\r\nFrom-less\r\n\n"
        b"From c@example\nSubject: three\n\nno final newline"
    )
    monkeypatch.setattr(importer, "MBOX_BLOCK_BYTES", block_bytes)
    items = list(importer.iter_mbox(mbox))
    assert [item.raw for item in items] == _line_by_line(mbox)
    assert [item.source for item in items] == [f"{mbox}, message {n}" for n in (1, 2, 3)]
    assert items[0].raw == b"Subject: one\n\nbody\nFrom here\n"


def test_typical_mail_html_needs_no_html_parser(
    samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(html: str) -> None:
        raise AssertionError("html.parser used for typical mail HTML")

    monkeypatch.setattr(html_text, "_parse_slow", refuse)
    assert html_to_text("<!DOCTYPE html>" + TRICKY_HTML[3] + TRICKY_HTML[0]).text
    converted = 0
    for path in sorted(samples_dir.glob("*.eml")):
        for part in parse_bytes(path.read_bytes()).walk():
            if part.get_content_type() == "text/html":
                assert html_to_text(part_text(part)).text, path.name
                converted += 1
    assert converted > 50
