"""Return-related notices as the returns checklist reads them.

The importer stores each Amazon notice as a ``messages`` row (kind ``return_request``,
``refund_issued`` or ``atoz_claim``) with parsed fields in columns and in the JSON ``extra``.
:func:`notice_details` reads those fields, falling back to the labelled lines of the
notice's plain text (``Return shipping carrier: Evri``) for details the parser does not keep,
so a case shows carrier, tracking, quantity and authorisation whatever the parser version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sellerdesk.domain.timeutil import from_iso

RETURN_REQUEST = "return_request"
REFUND_ISSUED = "refund_issued"
ATOZ_CLAIM = "atoz_claim"
NOTICE_KINDS = (RETURN_REQUEST, REFUND_ISSUED, ATOZ_CLAIM)


@dataclass(frozen=True)
class Notice:
    """One imported notice about an order's return, refund or A-to-z claim."""

    rowid: int
    message_key: str
    kind: str
    order_id: str
    marketplace: str | None
    received_at: dt.datetime
    conversation_id: int | None = None
    item_title: str | None = None
    asins: tuple[str, ...] = ()
    buyer_text: str | None = None
    body_text: str | None = None
    subject: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NoticeDetails:
    """What one notice tells about the case; None where it says nothing."""

    reason: str | None = None
    buyer_comment: str | None = None
    quantity: int | None = None
    sku: str | None = None
    carrier: str | None = None
    tracking: str | None = None
    in_policy: bool | None = None
    authorization_required: bool | None = None
    amount: float | None = None
    currency: str | None = None
    deadline: dt.datetime | None = None
    deadline_days: int | None = None
    deadline_hours: int | None = None


# Labels of Amazon's return-request notice in the marketplaces' languages (lower case).
_LABELS: dict[str, tuple[str, ...]] = {
    "carrier": (
        "return shipping carrier", "versanddienst der rücksendung", "transporteur du retour",
        "corriere del reso", "transportista de la devolución", "返品配送業者", "退货承运人",
    ),
    "tracking": (
        "tracking number", "sendungsnummer", "numéro de suivi", "numero di tracciamento",
        "número de seguimiento", "追跡番号", "追踪编码", "追踪编号",
    ),
    "policy": (
        "return policy check", "prüfung der rückgaberichtlinien",
        "vérification de la politique de retour", "verifica delle condizioni di reso",
        "comprobación de la política de devoluciones", "返品ポリシーの確認", "退货政策检查",
    ),
    "authorization": (
        "authorization", "authorisation", "genehmigung", "autorisation", "autorizzazione",
        "autorización", "承認", "授权",
    ),
    "quantity": (
        "return quantity", "rücksendemenge", "quantité retournée", "quantità restituita",
        "cantidad devuelta", "返品数量", "退货数量",
    ),
    "reason": (
        "return reason", "rücksendegrund", "motif du retour", "motivo del reso",
        "motivo de la devolución", "返品理由", "退货原因",
    ),
    "comment": (
        "customer comments", "kundenkommentar", "commentaire du client",
        "commenti del cliente", "comentarios del cliente", "購入者のコメント", "买家评论",
    ),
    "sku": ("sku",),
}
_IN_POLICY = ("in policy", "entspricht den richtlinien", "conforme", "idoneo", "conforme a",
              "ポリシー内", "符合政策")
_OUT_OF_POLICY = ("out of policy", "entspricht nicht", "non conforme", "non idoneo",
                  "no conforme", "ポリシー外", "不符合")
_AUTO_AUTHORIZED = ("automatically", "automatisch", "automatiquement", "automaticamente",
                    "automáticamente", "自動", "自动")


def _label_index(labels: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Each label to its field name (the first field listing a label wins)."""
    index: dict[str, str] = {}
    for name, field_labels in labels.items():
        for label in field_labels:
            index.setdefault(label, name)
    return index


_FIELD_OF_LABEL = _label_index(_LABELS)
_LABEL_LINE = re.compile(r"^[\s*\-•·]*(?P<label>[^:：|]{2,60}?)\s*[:：]\s*(?P<value>.*?)\s*$")


def notice_details(notice: Notice) -> NoticeDetails:
    """The case facts one notice carries, from ``extra`` first, then from its text."""
    extra = notice.extra
    text = _labelled_values(notice.body_text or "")
    reason = _first_text(extra, "return_reason", "reason") or text.get("reason")
    comment = notice.buyer_text if notice.kind == RETURN_REQUEST else None
    comment = comment or _first_text(extra, "buyer_comment", "customer_comment")
    comment = comment or text.get("comment")
    return NoticeDetails(
        reason=reason,
        buyer_comment=comment,
        quantity=_to_int(_first(extra, "quantity", "return_quantity") or text.get("quantity")),
        sku=_first_text(extra, "sku") or text.get("sku"),
        carrier=_first_text(extra, "carrier", "return_carrier") or text.get("carrier"),
        tracking=_first_text(extra, "tracking", "tracking_number") or text.get("tracking"),
        in_policy=_in_policy(extra, text.get("policy")),
        authorization_required=_authorization_required(extra, text.get("authorization")),
        amount=_to_float(_first(extra, "amount")),
        currency=_first_text(extra, "currency"),
        deadline=_to_datetime(_first(extra, "deadline", "deadline_at")),
        deadline_days=_to_int(_first(extra, "deadline_days")),
        deadline_hours=_to_int(_first(extra, "deadline_hours")),
    )


def _labelled_values(body: str) -> dict[str, str]:
    """``label: value`` lines and ``a | b | c`` tables of the notice text, by field name."""
    values: dict[str, str] = {}
    lines = [line for line in body.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if "|" in line and index + 1 < len(lines) and "|" in lines[index + 1]:
            _read_table(line, lines[index + 1], values)
            continue
        # A label line has a colon: the others (most of a notice) skip the regex.
        match = _LABEL_LINE.match(line) if ":" in line or "：" in line else None
        if match:
            name = _field_for_label(match["label"])
            if name and match["value"] and name not in values:
                values[name] = match["value"]
    return values


def _read_table(header: str, row: str, values: dict[str, str]) -> None:
    for label, value in zip(header.split("|"), row.split("|"), strict=False):
        name = _field_for_label(label)
        if name and value.strip() and name not in values:
            values[name] = value.strip()


def _field_for_label(label: str) -> str | None:
    return _FIELD_OF_LABEL.get(label.strip().casefold())


def _first(extra: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = extra.get(key)
        if value not in (None, ""):
            return value
    return None


def _first_text(extra: Mapping[str, Any], *keys: str) -> str | None:
    value = _first(extra, *keys)
    return str(value).strip() or None if value is not None else None


def _in_policy(extra: Mapping[str, Any], text_value: str | None) -> bool | None:
    value = _first(extra, "in_policy")
    if isinstance(value, bool):
        return value
    label = (str(value) if value is not None else text_value or "").casefold()
    if not label:
        return None
    if any(marker in label for marker in _OUT_OF_POLICY):
        return False
    return True if any(marker in label for marker in _IN_POLICY) else None


def _authorization_required(extra: Mapping[str, Any], text_value: str | None) -> bool | None:
    value = _first(extra, "authorization_required")
    if isinstance(value, bool):
        return value
    value = _first(extra, "authorization", "authorisation", "authorized_automatically")
    if isinstance(value, bool):
        return not value
    label = (str(value) if value is not None else text_value or "").casefold()
    if not label:
        return None
    return not any(marker in label for marker in _AUTO_AUTHORIZED)


def _to_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _to_float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    text = re.sub(r"[^\d,.\-]", "", str(value))
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _to_datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return from_iso(value.strip())
    except ValueError:
        return None
