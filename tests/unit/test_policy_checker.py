"""The draft checker on hand-picked drafts: exact spans, traps that must stay silent, the
verdict, the override helper, and ``sellerdesk check`` (JSON, exit codes, no Qt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sellerdesk.domain.policy.checker import check_draft
from sellerdesk.domain.policy.model import DraftContext, override_required

REPO_ROOT = Path(__file__).resolve().parents[2]
OID = "111-2223334-4445556"


def spans(
    text: str, context: DraftContext | None = None, subject: str = ""
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check_draft(text, subject, context).findings:
        found.setdefault(finding.rule, []).append(text[finding.start : finding.end])
    return found


def test_incentive_span_covers_the_exchange() -> None:
    assert spans("Leave a review and we will refund your shipping.") == {
        "MSG-NO-INCENTIVE": ["Leave a review and we will refund"]
    }


@pytest.mark.parametrize(
    "text",
    [
        f"Your order {OID} ships with UPS 1Z999AA10123456784 on 2026-11-28 at 14:00.",
        "The charger (ASIN B07XJ8C8F5, model XK-2000-B) costs $19.99.",
        "We will review your request and reply within 24 hours.",
        "We will send you a free replacement today; no need to return the broken one.",
        "The manufacturer's warranty line is 1-800-555-0199.",
        "Call the UPS customer service at 1-800-742-5877 about the delivery.",
        "Size chart: https://www.amazon.com/dp/B07XJ8C8F5 (medium fits 96-101 cm).",
        "Please upload your logo here (needed for your custom order): https://up.example.com/o/1",
        "Thank you for your patience: the replacement left today, tracking AB123456789GB.",
        "Dates like 01.12.2026 or 12/01/2026 and prices like 24,99 € are not phone numbers.",
        "Thanks for your feedback about the delay; we upgraded the shipping for free.",
    ],
)
def test_traps_are_not_flagged(text: str) -> None:
    result = check_draft(text)
    assert result.verdict == "ok", [(f.rule, text[f.start : f.end]) for f in result.findings]


@pytest.mark.parametrize(
    ("text", "rule", "excerpt"),
    [
        ("Write to support at mybrand dot com.", "CNT-EMAIL", "support at mybrand dot com"),
        ("Mail: help(at)mybrand(dot)com", "CNT-EMAIL", "help(at)mybrand(dot)com"),
        ("Write to support@mybrand.com", "CNT-EMAIL", "support@mybrand.com"),
        ("Email us: service艾特shop点com", "CNT-EMAIL", "service艾特shop点com"),
        ("Call us on +1 555 0100 today.", "CNT-PHONE", "+1 555 0100"),
        ("Add us on WeChat for faster service.", "CNT-SOCIAL", "WeChat"),
        ("Visit www.mybrand.com today.", "CNT-LINK", "www.mybrand.com"),
        ("The manual: bit.ly/3xYzAbc", "CNT-LINK", "bit.ly/3xYzAbc"),
        ("Thanks 😊", "CNT-EMOJI-GIF", "😊"),
        ("<b>Note</b> the date.", "CNT-HTML", "<b>"),
        (
            "Please mention the fast shipping in your review.",
            "CNT-REVIEW-INSTRUCTIONS",
            "mention the fast shipping in your review",
        ),
        (
            "Could you now delete your 1-star review?",
            "MSG-NO-REVIEW-CHANGE",
            "delete your 1-star review",
        ),
        ("If you love it, please leave 5 stars.", "MSG-NO-POSITIVE-ONLY", "If you love it"),
        ("Use code SAVE10 on your next order!", "MSG-NO-MARKETING", "Use code"),
        (
            "Order directly from our website for 15% less.",
            "PRO-DIVERT",
            "Order directly from our website",
        ),
        (
            "We are out of stock, please cancel your order.",
            "MSG-NO-ASK-CANCEL",
            "please cancel your order",
        ),
        ("To unsubscribe, reply STOP.", "MSG-NO-OPTOUT-LINK", "unsubscribe"),
        ("If you don't pay we will take legal action.", "CNT-SENSITIVE", "legal action"),
        (
            "如果满意的话请给我们五星好评，好评返现10美元！",
            "MSG-NO-INCENTIVE",
            "五星好评，好评返现10美元",
        ),
        (
            "Wenn Sie eine Bewertung hinterlassen, erstatten wir die Versandkosten.",
            "MSG-NO-INCENTIVE",
            "eine Bewertung hinterlassen, erstatten",
        ),
        ("レビューの削除をお願いできますか。", "MSG-NO-REVIEW-CHANGE", "レビューの削除"),
    ],
)
def test_violations_are_flagged_at_the_offending_words(text: str, rule: str, excerpt: str) -> None:
    found = spans(text)
    assert rule in found, found
    assert excerpt in found[rule], found[rule]


def test_context_rules_for_proactive_messages() -> None:
    proactive = DraftContext(proactive=True, purpose="fulfilment-problem", delivered_days_ago=45)
    result = check_draft(
        "Hi, about your purchase: the colour is delayed until Friday.", "", proactive
    )
    rules = result.rule_ids
    assert {"MSG-ORDER-ID", "MSG-PROACTIVE-30D"} <= rules
    whole = [f for f in result.findings if f.whole_message]
    assert all(f.start == f.end == 0 for f in whole)
    as_reply = check_draft("Hi, about your purchase: the colour is delayed until Friday.")
    assert as_reply.verdict == "ok"


def test_confirmation_and_thanks_only_are_flagged_only_when_proactive() -> None:
    text = f"Good news! Your order {OID} has shipped. Thank you for your purchase!"
    assert "MSG-NO-CONFIRMATION" in check_draft(text, "", DraftContext(proactive=True)).rule_ids
    assert check_draft(text).verdict == "ok"
    thanks = f"Order {OID}: thank you for your purchase! Contact us if anything goes wrong."
    assert check_draft(thanks, "", DraftContext(proactive=True)).rule_ids == {"MSG-NO-THANKS-ONLY"}


def test_review_request_window_and_once() -> None:
    text = f"Order {OID}: if you have a moment, please share your experience on Amazon."
    ok = DraftContext(proactive=True, purpose="review-request", delivered_days_ago=10)
    assert check_draft(text, "", ok).verdict == "ok"
    early = DraftContext(proactive=True, purpose="review-request", delivered_days_ago=2)
    assert check_draft(text, "", early).rule_ids == {"MSG-REVIEW-ONCE"}
    again = DraftContext(
        proactive=True, purpose="review-request", delivered_days_ago=10, review_requested=True
    )
    assert check_draft(text, "", again).rule_ids == {"MSG-REVIEW-ONCE"}


def test_important_tag_only_for_critical_messages() -> None:
    review = DraftContext(proactive=True, purpose="review-request", delivered_days_ago=10)
    text = f"Order {OID}: please share your experience with this product on Amazon."
    result = check_draft(text, "[Important] Please review your purchase", review)
    finding = next(f for f in result.findings if f.rule == "MSG-CRITICAL-IMPORTANT")
    assert finding.field == "subject"
    address = DraftContext(proactive=True, purpose="fulfilment-problem")
    fine = check_draft(
        f"Order {OID}: the house number is missing from your address.",
        "[Important] Address needed",
        address,
    )
    assert "MSG-CRITICAL-IMPORTANT" not in fine.rule_ids


def test_length_limit_and_offsets_on_long_text() -> None:
    text = "We are sorry for the delay. " * 80
    result = check_draft(text)
    length = next(f for f in result.findings if f.rule == "CNT-LENGTH")
    assert (length.start, length.end, length.severity) == (2000, len(text), "warn")
    assert result.verdict == "warn"


def test_subject_is_checked_too() -> None:
    result = check_draft("Your replacement ships today.", "Write to support@mybrand.com")
    assert [(f.rule, f.field) for f in result.findings] == [("CNT-EMAIL", "subject")]


def test_full_width_characters_keep_offsets() -> None:
    text = "请联系ｓｕｐｐｏｒｔ＠ｍｙｂｒａｎｄ．ｃｏｍ谢谢"
    found = spans(text)
    assert found["CNT-EMAIL"] == ["ｓｕｐｐｏｒｔ＠ｍｙｂｒａｎｄ．ｃｏｍ"]


def test_override_required_names_block_rules_only() -> None:
    result = check_draft("Visit www.mybrand.com 😊. " + "x" * 2100)
    assert override_required(result.findings) == ["CNT-EMOJI-GIF", "CNT-LINK"]
    assert override_required(check_draft("We are sorry. " * 200).findings) == []


def test_every_finding_carries_rule_text() -> None:
    result = check_draft("Leave a review and get a free gift card at www.mybrand.com")
    for finding in result.findings:
        assert finding.message and finding.severity in ("block", "warn", "info")


def test_unknown_purpose_is_rejected() -> None:
    with pytest.raises(ValueError, match="purpose"):
        DraftContext(proactive=True, purpose="newsletter")


# -- the command line ---------------------------------------------------------------------


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sellerdesk", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        timeout=60,
    )


def test_cli_json_verdict_block_exits_1(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    text = "Leave a review and we will refund your shipping.\r\nVisit www.mybrand.com"
    draft.write_bytes(text.encode("utf-8"))
    done = run_cli(str(draft), "--json")
    assert done.returncode == 1, done.stderr
    payload = json.loads(done.stdout)
    assert payload["verdict"] == "block"
    assert set(payload["findings"][0]) == {"rule", "severity", "start", "end", "message"}
    link = next(f for f in payload["findings"] if f["rule"] == "CNT-LINK")
    assert text[link["start"] : link["end"]] == "www.mybrand.com"


def test_cli_reads_stdin_and_exits_0_for_ok_and_warn() -> None:
    ok = run_cli("-", "--json", stdin="Your parcel left today, tracking 1Z999AA10123456784.")
    assert ok.returncode == 0 and json.loads(ok.stdout) == {"verdict": "ok", "findings": []}
    warn = run_cli(
        "--json",
        "--proactive",
        "--purpose",
        "fulfilment-problem",
        stdin="Sorry, your parcel is delayed by two days.",
    )
    assert warn.returncode == 0
    assert json.loads(warn.stdout)["verdict"] == "warn"


def test_cli_context_flags() -> None:
    text = f"Order {OID}: if you have a moment, please share your experience on Amazon."
    args = ("--json", "--proactive", "--purpose", "review-request", "--delivered-days-ago")
    assert run_cli(*args, "10", stdin=text).returncode == 0
    again = run_cli(*args, "10", "--review-requested", stdin=text)
    assert again.returncode == 1
    assert [f["rule"] for f in json.loads(again.stdout)["findings"]] == ["MSG-REVIEW-ONCE"]
    subject = run_cli(*args, "10", "--subject", "[Important] review", stdin=text)
    assert "MSG-CRITICAL-IMPORTANT" in subject.stdout


def test_cli_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run_cli("--purpose", "newsletter").returncode == 2
    assert run_cli("--delivered-days-ago", "-3", stdin="x").returncode == 2
    assert run_cli(str(tmp_path / "missing.txt")).returncode == 2
    binary = tmp_path / "draft.bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert run_cli(str(binary)).returncode == 2


def test_cli_human_output() -> None:
    done = run_cli(stdin="Call us on +1 555 0100.")
    assert done.returncode == 1
    assert "CNT-PHONE" in done.stdout and "verdict: block" in done.stdout


def test_check_does_not_import_qt() -> None:
    code = (
        "import sys, io\n"
        "from sellerdesk.app import main\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'Visit www.mybrand.com'))\n"
        "status = main(['check', '--json'])\n"
        "assert status == 1, status\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "assert not qt, qt\n"
        "print('no-qt')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "no-qt" in done.stdout


# -- real replies must pass ---------------------------------------------------------------


def test_sample_seller_replies_are_not_blocked(samples_dir: Path) -> None:
    """The seller replies in the sample corpus (copies from Seller Central, 7 languages)."""
    rows = [
        json.loads(line)
        for line in (samples_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    replies = [row["extra"]["seller_text"] for row in rows if row["extra"].get("seller_text")]
    assert len(replies) >= 40
    blocked = [text for text in replies if check_draft(text).verdict == "block"]
    assert blocked == []


def test_starter_templates_pass_the_checker() -> None:
    from sellerdesk.services.templates import starter_library

    _version, templates = starter_library()
    assert templates
    blocked = [
        (t.key, t.language) for t in templates if check_draft(t.body, t.subject).verdict == "block"
    ]
    assert blocked == []
