"""The mail parser on hand-made e-mails: charsets, encodings, HTML, forwards, look-alikes and
broken input (each refused with a plain reason)."""

from __future__ import annotations

import base64
import quopri

import pytest

from sellerdesk.domain.mail import MailError, parse_mail
from sellerdesk.domain.mail.fields import find_amount
from sellerdesk.domain.mail.html_text import html_to_text

ORDER = "111-2223334-5556667"


def mail(
    headers: str,
    body: bytes | str,
    *,
    charset: str = "utf-8",
    cte: str = "8bit",
    content_type: str = "text/plain",
) -> bytes:
    """A one-part e-mail: ``headers`` (without MIME headers) and the encoded body."""
    data = body.encode(charset) if isinstance(body, str) else body
    if cte == "base64":
        data = base64.encodebytes(data)
    elif cte == "quoted-printable":
        data = quopri.encodestring(data)
    mime = (
        f"MIME-Version: 1.0\nContent-Type: {content_type}; charset={charset}\n"
        f"Content-Transfer-Encoding: {cte}\n\n"
    )
    return headers.strip().encode("ascii") + b"\n" + mime.encode("ascii") + data


BUYER_HEADERS = f"""
Date: Tue, 04 Mar 2025 10:00:00 +0100
From: Emily - Amazon Marketplace <abcdefghij12345+a1b2@marketplace.amazon.com>
To: seller@example.com
Message-ID: <m1@example.com>
Subject: Inquiry from Amazon customer Emily (Order: {ORDER})
"""
BUYER_BODY = f"""Order ID {ORDER}:
1 of Oak Shelf 60 cm [ASIN: B0ABCDEFGH]

------------- Begin message -------------

Where is my parcel? Ça va “vite”?

------------- End message -------------

For Your Information: we retain all messages for two years.
"""


def test_plain_buyer_message_fields() -> None:
    parsed = parse_mail(mail(BUYER_HEADERS, BUYER_BODY))
    assert parsed.kind == "buyer_message"
    assert parsed.marketplace == "US"
    assert parsed.order_id == ORDER
    assert parsed.asins == ["B0ABCDEFGH"]
    assert parsed.item_title == "Oak Shelf 60 cm"
    assert parsed.buyer_name == "Emily"
    assert parsed.relay_address == "abcdefghij12345+a1b2@marketplace.amazon.com"
    assert parsed.buyer_text == "Where is my parcel? Ça va “vite”?"
    assert parsed.received_at == "2025-03-04T09:00:00Z"
    assert parsed.message_key == "m1@example.com"
    assert parsed.extra["template_lang"] == "en"


@pytest.mark.parametrize("cte", ["base64", "quoted-printable", "8bit"])
def test_windows_1252_labelled_latin1_in_every_transfer_encoding(cte: str) -> None:
    raw = mail(BUYER_HEADERS, BUYER_BODY.encode("cp1252"), charset="iso-8859-1", cte=cte)
    parsed = parse_mail(raw)
    assert parsed.buyer_text == "Where is my parcel? Ça va “vite”?"


def test_us_ascii_label_on_utf8_bytes() -> None:
    parsed = parse_mail(mail(BUYER_HEADERS, BUYER_BODY.encode("utf-8"), charset="us-ascii"))
    assert parsed.buyer_text == "Where is my parcel? Ça va “vite”?"


@pytest.mark.parametrize("charset", ["gb18030", "gb2312", "shift_jis", "iso-2022-jp", "utf-8"])
def test_cjk_charsets(charset: str) -> None:
    text = "你好，包裹在哪里？" if charset.startswith("gb") else "荷物はどこですか？"
    body = BUYER_BODY.replace("Where is my parcel? Ça va “vite”?", text)
    parsed = parse_mail(mail(BUYER_HEADERS, body, charset=charset, cte="base64"))
    assert parsed.buyer_text == text


def test_encoded_word_headers_and_raw_8bit_subject() -> None:
    encoded = BUYER_HEADERS.replace(
        "From: Emily - Amazon Marketplace",
        "From: =?gb18030?B?" + base64.b64encode("王芳".encode("gb18030")).decode() + "?=",
    )
    assert parse_mail(mail(encoded, BUYER_BODY)).buyer_name == "王芳"
    raw = (
        mail(BUYER_HEADERS, BUYER_BODY)
        .replace(b"customer Emily", "customer Zoé".encode())
        .replace(b"From: Emily - ", b"From: ")
    )
    parsed = parse_mail(raw)
    assert parsed.subject == f"Inquiry from Amazon customer Zoé (Order: {ORDER})"
    assert parsed.buyer_name == "Zoé"


def test_html_only_mail_is_clean_text_with_nothing_remote() -> None:
    html = f"""<html><head><style>p {{color: red}}</style><script>fetch('x')</script></head>
    <body><div style="display:none">Preheader text</div>
    <img src="https://tracker.example/pixel.gif" alt="">
    <p>Order ID {ORDER}:<br>1 of
    <a href="https://www.amazon.com/dp/B0ABCDEFGH">Oak &amp; Ash Shelf</a>
    [ASIN: B0ABCDEFGH]</p>
    <p>------------- Begin message -------------</p>
    <div class="message">Hello,<br><br>Where   is it?</div>
    <p>------------- End message -------------</p></body></html>"""
    parsed = parse_mail(mail(BUYER_HEADERS, html, content_type="text/html", cte="base64"))
    assert parsed.buyer_text == "Hello,\n\nWhere is it?"
    assert parsed.item_title == "Oak & Ash Shelf"
    for hidden in ("Preheader", "pixel", "fetch", "color"):
        assert hidden not in parsed.body_text


def test_html_tables_render_as_rows() -> None:
    html = (
        "<table><tr><th>#</th><th>ASIN</th><th>Product name</th></tr>"
        "<tr><td><p>1</p></td><td>B0ABCDEFGH</td><td>Shelf</td></tr></table>"
    )
    assert html_to_text(html).text == "# | ASIN | Product name\n1 | B0ABCDEFGH | Shelf"


def test_look_alike_domain_is_other_without_order() -> None:
    headers = BUYER_HEADERS.replace(
        "@marketplace.amazon.com>", "@marketplace.amazon.com.evil.example>"
    )
    parsed = parse_mail(mail(headers, BUYER_BODY))
    assert parsed.kind == "other"
    assert parsed.order_id is None
    assert parsed.marketplace is None
    assert parsed.relay_address is None


def test_forwarded_as_rfc822_attachment() -> None:
    inner = mail(BUYER_HEADERS, BUYER_BODY).decode()
    outer = f"""Date: Wed, 05 Mar 2025 12:00:00 +0000
From: Max <max@seller.example>
To: support@seller.example
Message-ID: <fwd1@seller.example>
Subject: Fwd: Inquiry
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/plain; charset=utf-8

Please handle.
--XX
Content-Type: message/rfc822

{inner}
--XX--
""".encode()
    parsed = parse_mail(outer)
    assert parsed.extra["wrapped"] == "rfc822"
    assert parsed.kind == "buyer_message"
    assert parsed.order_id == ORDER
    assert parsed.message_id == "fwd1@seller.example"
    assert parsed.received_at == "2025-03-05T12:00:00Z"
    assert parsed.attachments == []


def test_forwarded_inline_by_outlook() -> None:
    body = f"""FYI

-----Original Message-----
From: Emily - Amazon Marketplace [mailto:abcdefghij12345@marketplace.amazon.com]
Sent: Tuesday, March 4, 2025 10:00 AM
To: seller@example.com
Subject: Inquiry from Amazon customer Emily (Order: {ORDER})

{BUYER_BODY}"""
    headers = """Date: Wed, 05 Mar 2025 12:00:00 +0000
From: Max <max@seller.example>
Message-ID: <fwd2@seller.example>
Subject: FW: Inquiry from Amazon customer Emily"""
    parsed = parse_mail(mail(headers, body))
    assert parsed.extra["wrapped"] == "inline"
    assert (parsed.kind, parsed.order_id, parsed.buyer_name) == ("buyer_message", ORDER, "Emily")
    assert parsed.relay_address == "abcdefghij12345@marketplace.amazon.com"


def test_attachments_kept_with_decoded_size_and_rfc2231_name() -> None:
    photo = bytes(range(256)) * 4
    raw = f"""{BUYER_HEADERS.strip()}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain; charset=utf-8

{BUYER_BODY}
--B
Content-Type: image/jpeg
Content-Disposition: attachment; filename*=utf-8''Foto%20%C3%A4.jpg
Content-Transfer-Encoding: base64

{base64.encodebytes(photo).decode()}
--B
Content-Type: image/png
Content-ID: <logo>
Content-Disposition: inline

aGVsbG8=
--B--
""".encode()
    parsed = parse_mail(raw)
    assert [a.describe() for a in parsed.attachments] == [
        {"filename": "Foto ä.jpg", "content_type": "image/jpeg", "size": 1024}
    ]
    assert parsed.attachments[0].data == photo


def test_atoz_claim_amount_and_deadline() -> None:
    headers = f"""Date: Sat, 15 Apr 2023 19:29:56 +0000
From: Amazon A-to-z Guarantee <atoz-guarantee-no-reply@amazon.co.uk>
Message-ID: <az1@amazon.co.uk>
Subject: A-to-z Guarantee claim received for order {ORDER}
X-Space-Notification-Type: A_Z_CLAIM_RESPONDENT_NOTIFY"""
    body = (
        f"We have received an A-to-z Guarantee claim of £1,011.90 for order {ORDER}.\n"
        "You must respond within 3 calendar days.\n"
    )
    parsed = parse_mail(mail(headers, body))
    assert parsed.kind == "atoz_claim"
    assert parsed.marketplace == "UK"
    assert (parsed.extra["amount"], parsed.extra["currency"]) == ("1011.90", "GBP")
    assert parsed.extra["deadline_days"] == 3
    assert parsed.extra["deadline"] == "2023-04-18T19:29:56Z"


@pytest.mark.parametrize(
    ("text", "marketplace", "expected"),
    [
        ("refund of 1.234,56 € for", "DE", ("1234.56", "EUR")),
        ("refund of $1,234.50 for", "US", ("1234.50", "USD")),
        ("remboursement de 14,90 $ à", "CA", ("14.90", "CAD")),
        ("Erstattung in Höhe von EUR 90.94", "DE", ("90.94", "EUR")),
        ("no money here 2023-05-08", "US", (None, None)),
    ],
)
def test_amounts(text: str, marketplace: str, expected: tuple[str | None, str | None]) -> None:
    assert find_amount(text, marketplace) == expected


def test_japanese_markers_and_marketplace() -> None:
    headers = BUYER_HEADERS.replace("marketplace.amazon.com", "marketplace.amazon.co.jp")
    body = (
        f"注文番号 {ORDER}:\n\n------------- メッセージはここから -------------\n"
        "届きません。\n------------- メッセージはここまで -------------\n"
    )
    parsed = parse_mail(mail(headers, body, charset="iso-2022-jp", cte="7bit"))
    assert (parsed.marketplace, parsed.buyer_text) == ("JP", "届きません。")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (bytes(range(256)) * 40, "not an e-mail"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "not an e-mail"),
        (b"Date: Tue, 04 Mar 2025 10:00:00 +0100\nFrom: a@b.example\nSubject: cut", "cut off"),
        (b"From: a@b.example\nSubject: x\x00\xff\xfe\x01\n\nbody", r"invalid \(binary\) bytes"),
        (
            b"From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; boundary=Q\n\n"
            b"--Q\nContent-Type: text/plain\n\nhello, this part never ends",
            "cut off",
        ),
    ],
)
def test_broken_input_raises_plain_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(MailError, match=reason):
        parse_mail(raw)


def test_oversized_message_is_refused() -> None:
    raw = mail(BUYER_HEADERS, b"x" * (26 * 1024 * 1024))
    with pytest.raises(MailError, match="larger than"):
        parse_mail(raw)


def test_message_without_message_id_is_keyed_by_hash() -> None:
    raw = mail(BUYER_HEADERS.replace("Message-ID: <m1@example.com>\n", ""), BUYER_BODY)
    parsed = parse_mail(raw)
    assert parsed.message_id is None
    assert parsed.message_key.startswith("sha256:") and len(parsed.message_key) == 71
