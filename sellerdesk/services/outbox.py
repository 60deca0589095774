"""Ways a reply leaves SellerDesk: an .eml file, or the seller's own SMTP server.

Both address the buyer's anonymised relay address (``...@marketplace.amazon.<tld>``), the only
e-mail channel Amazon allows (rule MSG-CHANNEL), as plain text (rule CNT-STYLE) and threaded
on the buyer's last message (In-Reply-To / References).

SMTP settings live in the ``settings`` table (keys ``smtp.*``) except the password, which is
kept only in the operating system's keyring through the ``keyring`` package. Nothing here
sends on its own: the GUI calls ``send`` after an explicit click and a confirmation that names
the recipient.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from sellerdesk.errors import SellerDeskError, UsageError
from sellerdesk.store.drafts_repo import ReplyFacts
from sellerdesk.store.store import Store, write_setting

if TYPE_CHECKING:
    import smtplib

KEYRING_SERVICE = "SellerDesk SMTP"
SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
_SETTING_KEYS = ("host", "port", "security", "username", "from_address", "from_name")
SMTP_TIMEOUT_SECONDS = 30.0


class OutboxError(SellerDeskError):
    """A reply could not leave: no relay address, no keyring, or the SMTP server refused."""


@dataclass(frozen=True)
class SmtpSettings:
    """The seller's outgoing mail server (the password is not here: see the keyring)."""

    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    from_address: str = ""
    from_name: str = ""

    def is_complete(self) -> bool:
        return bool(self.host and self.port and self.from_address)

    def keyring_account(self) -> str:
        """The keyring entry's account name: one password per user and server."""
        return f"{self.username or self.from_address}@{self.host}:{self.port}"

    def sender(self) -> str:
        if not self.from_name:
            return self.from_address
        return formataddr((self.from_name, self.from_address))


@dataclass(frozen=True)
class SendResult:
    recipient: str
    message_id: str


def validate_settings(settings: SmtpSettings) -> SmtpSettings:
    """Checked copy of ``settings``; ``UsageError`` naming the field that is wrong."""
    host = settings.host.strip()
    if not host or any(ch.isspace() for ch in host):
        raise UsageError("enter the SMTP server's host name")
    if settings.security not in SECURITY_MODES:
        raise UsageError(f"security must be one of {', '.join(SECURITY_MODES)}")
    if not 0 < int(settings.port) < 65536:
        raise UsageError("the SMTP port must be between 1 and 65535")
    address = settings.from_address.strip()
    if "@" not in address or any(ch.isspace() for ch in address):
        raise UsageError("enter the e-mail address you send from (registered with Amazon)")
    return SmtpSettings(
        host=host,
        port=int(settings.port),
        security=settings.security,
        username=settings.username.strip(),
        from_address=address,
        from_name=settings.from_name.strip(),
    )


# --- settings and password -------------------------------------------------------------------
def load_settings(store: Store) -> SmtpSettings:
    values = {key: store.get_setting(f"smtp.{key}") for key in _SETTING_KEYS}
    security = values["security"] or "starttls"
    try:
        port = int(values["port"] or DEFAULT_PORTS.get(security, 587))
    except ValueError:
        port = DEFAULT_PORTS.get(security, 587)
    return SmtpSettings(
        host=values["host"] or "",
        port=port,
        security=security,
        username=values["username"] or "",
        from_address=values["from_address"] or "",
        from_name=values["from_name"] or "",
    )


def save_settings(store: Store, settings: SmtpSettings) -> SmtpSettings:
    """Validate and store the SMTP settings, all in one transaction (never half of them)."""
    checked = validate_settings(settings)
    with store.write() as db:
        for key in _SETTING_KEYS:
            write_setting(db, f"smtp.{key}", str(getattr(checked, key)))
    return checked


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
    except ImportError as error:
        raise OutboxError(
            "Sending needs the 'keyring' package to keep your password safe; install it."
        ) from error
    return keyring


def store_password(settings: SmtpSettings, password: str) -> None:
    """Keep the SMTP password in the OS keyring (never in SellerDesk's database)."""
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_account(), password)
    except keyring.errors.KeyringError as error:
        raise OutboxError(f"The system keyring refused to store the password: {error}") from error


def load_password(settings: SmtpSettings) -> str | None:
    keyring = _keyring()
    try:
        return keyring.get_password(KEYRING_SERVICE, settings.keyring_account())
    except keyring.errors.KeyringError as error:
        raise OutboxError(f"The system keyring could not be read: {error}") from error


def forget_password(settings: SmtpSettings) -> None:
    keyring = _keyring()
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, settings.keyring_account())


# --- building the message ---------------------------------------------------------------------
def reply_subject(facts: ReplyFacts, subject: str) -> str:
    """The draft's subject, else "Re: " and the conversation's subject."""
    if subject.strip():
        return subject.strip()
    original = (facts.subject or "").strip()
    if not original:
        return f"Order {facts.order_id}" if facts.order_id else "Re:"
    return original if original.lower().startswith("re:") else f"Re: {original}"


def build_message(
    facts: ReplyFacts,
    subject: str,
    body: str,
    sender: str | None = None,
    now: dt.datetime | None = None,
    unsent: bool = False,
) -> EmailMessage:
    """A plain-text reply to the buyer's relay address, threaded on the buyer's last message.

    ``unsent`` adds ``X-Unsent: 1`` so mail programs open a saved .eml as a draft to send.
    """
    if not facts.relay_address:
        raise OutboxError(
            "This conversation has no buyer relay address (…@marketplace.amazon…); reply in "
            "Seller Central instead, for example by copying the text to the clipboard."
        )
    if not body.strip():
        raise UsageError("the reply has no text")
    message = EmailMessage(policy=policy.SMTP)
    message["To"] = facts.relay_address
    if sender:
        message["From"] = sender
    message["Subject"] = reply_subject(facts, subject)
    message["Date"] = format_datetime((now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
    domain = sender.rsplit("@", 1)[-1].strip("> ") if sender and "@" in sender else None
    message["Message-ID"] = make_msgid(domain=domain or "sellerdesk.invalid")
    if facts.last_message_id:
        message["In-Reply-To"] = _angle(facts.last_message_id)
        message["References"] = " ".join(_angle(ref) for ref in facts.references)
    if unsent:
        message["X-Unsent"] = "1"
    message["X-Mailer"] = "SellerDesk"
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8")
    return message


def _angle(message_id: str) -> str:
    text = message_id.strip()
    return text if text.startswith("<") else f"<{text}>"


def save_eml(message: EmailMessage, path: Path) -> Path:
    """Write ``message`` as an .eml file (CRLF line ends, as mail programs expect)."""
    target = Path(path)
    if target.suffix.lower() != ".eml":
        target = target.with_suffix(".eml")
    try:
        target.write_bytes(message.as_bytes(policy=policy.SMTP))
    except OSError as error:
        raise OutboxError(f"Cannot write {target}: {error.strerror or error}") from error
    return target


# --- sending ----------------------------------------------------------------------------------
def _connect(settings: SmtpSettings, timeout: float) -> smtplib.SMTP:
    import smtplib
    import ssl

    if settings.security == "ssl":
        context = ssl.create_default_context()
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    if settings.security == "starttls":
        client.starttls(context=ssl.create_default_context())
    return client


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """Log in; non-ASCII credentials go as UTF-8 AUTH PLAIN (smtplib only encodes ASCII)."""
    import smtplib

    if username.isascii() and password.isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    if not client.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("the server offers no AUTH")
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code == 535:
        raise smtplib.SMTPAuthenticationError(code, reply)
    if code not in (235, 503):
        raise smtplib.SMTPResponseException(code, reply)


def send(
    message: EmailMessage,
    settings: SmtpSettings,
    password: str | None,
    timeout: float = SMTP_TIMEOUT_SECONDS,
) -> SendResult:
    """Hand ``message`` to the seller's SMTP server; ``OutboxError`` in plain words if refused."""
    import smtplib
    import ssl

    checked = validate_settings(settings)
    recipient = str(message["To"])
    if "From" not in message:
        message["From"] = checked.sender()
    if message.get("X-Unsent"):
        del message["X-Unsent"]
    try:
        with _connect(checked, timeout) as client:
            if checked.username:
                if not password:
                    raise OutboxError("No SMTP password is stored; enter it in SMTP settings.")
                _login(client, checked.username, password)
            refused = client.send_message(message, checked.from_address, [recipient])
    except smtplib.SMTPAuthenticationError as error:
        raise OutboxError(f"The SMTP server rejected the user name or password: {error}") from error
    except smtplib.SMTPException as error:
        raise OutboxError(f"The SMTP server refused the message: {error}") from error
    except (OSError, ssl.SSLError) as error:
        raise OutboxError(
            f"Cannot reach the SMTP server {checked.host}:{checked.port}: {error}"
        ) from error
    if refused:
        raise OutboxError(f"The SMTP server refused the recipient {recipient}: {refused}")
    return SendResult(recipient=recipient, message_id=str(message["Message-ID"]))
