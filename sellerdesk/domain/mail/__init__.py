"""Parsing Amazon's notification e-mails (Qt-free): ``parse_mail(raw) -> ParsedMail``."""

from sellerdesk.domain.mail.parse import (
    PARSER_VERSION,
    Attachment,
    MailError,
    ParsedMail,
    parse_mail,
)

__all__ = ["PARSER_VERSION", "Attachment", "MailError", "ParsedMail", "parse_mail"]
