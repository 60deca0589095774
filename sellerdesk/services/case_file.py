"""The case file of a return case, as HTML for print-out or PDF (for an A-to-z or SAFE-T claim).

It holds what Amazon asks for when a seller disputes a claim: the order and item, a timeline of
every notice, message and step, the checklist with its deadlines, the guardrails in force (with
rule ids), the messages, and the evidence list with thumbnails. The HTML is built here,
Qt-free; ``sellerdesk.gui.printing.case_file_pdf`` typesets it and supplies the thumbnail
images named in :attr:`CaseFile.thumbnails`. Captions are SellerDesk's own, in English or
Simplified Chinese; rule titles and explanations come from the rules file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from sellerdesk.domain.policy.rules import load_rules
from sellerdesk.domain.returns.guardrails import Guardrail
from sellerdesk.domain.timeutil import from_iso, utc_now
from sellerdesk.services import returns
from sellerdesk.services.evidence import evidence_path
from sellerdesk.store.store import Store

MAX_MESSAGE_CHARS = 1500
THUMBNAIL_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Return case file: order {order}", "退货案例档案：订单 {order}"),
    "generated": ("Generated {when} ({zone})", "生成时间 {when}（{zone}）"),
    "footer": ("Return case file · order {order}", "退货案例档案 · 订单 {order}"),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "details": ("Case details", "案例详情"),
    "timeline": ("Timeline", "时间线"),
    "checklist": ("Checklist", "检查清单"),
    "guardrails": ("Rules in force", "适用规则"),
    "messages": ("Messages", "消息"),
    "evidence": ("Evidence", "证据"),
    "none": ("None", "无"),
    "marketplace": ("Marketplace", "站点"),
    "item": ("Item", "商品"),
    "asin": ("ASIN", "ASIN"),
    "sku": ("SKU", "SKU"),
    "quantity": ("Quantity", "数量"),
    "reason": ("Return reason", "退货原因"),
    "comment": ("Buyer comment", "买家评论"),
    "carrier": ("Carrier / tracking", "承运人 / 追踪编码"),
    "amount": ("Amount", "金额"),
    "policy": ("Return policy check", "退货政策检查"),
    "authorization": ("Authorisation", "授权"),
    "in_policy": ("In policy", "符合政策"),
    "out_of_policy": ("Out of policy", "不符合政策"),
    "needs_authorization": ("Authorisation required", "需要授权"),
    "auto_authorized": ("Authorised automatically by Amazon", "亚马逊自动授权"),
    "unknown": ("Unknown", "未知"),
    "step": ("Step", "步骤"),
    "due": ("Due", "截止时间"),
    "status": ("Status", "状态"),
    "done_at": ("Done", "完成时间"),
    "note": ("Note", "备注"),
    "when": ("When", "时间"),
    "event": ("What happened", "事件"),
    "file": ("File", "文件"),
    "type": ("Type", "类型"),
    "size": ("Size", "大小"),
    "added": ("Added", "添加时间"),
    "open": ("Open", "待办"),
    "done": ("Done", "已完成"),
    "not_applicable": ("Not applicable", "不适用"),
    "overdue": ("Overdue", "已逾期"),
    "opened": ("Case opened ({by})", "案例创建（{by}）"),
    "import": ("from an Amazon notice", "来自亚马逊通知"),
    "hand": ("by hand", "手动"),
    "received_item": ("Returned item received", "收到退货商品"),
    "decision": ("A-to-z decision received", "收到亚马逊商城交易保障索赔决定"),
    "step_event": ("{step}: {status}", "{step}：{status}"),
    "evidence_added": ("Evidence added: {name}", "添加证据：{name}"),
    "return_request": ("Return request", "退货请求"),
    "refund_issued": ("Refund issued", "已退款"),
    "atoz_claim": ("A-to-z Guarantee claim", "亚马逊商城交易保障索赔"),
    "buyer_message": ("Buyer message", "买家消息"),
    "reply_copy": ("Your reply", "您的回复"),
    "message": ("Message", "消息"),
    # Guardrail situations (``Guardrail.kind``).
    "fee_on_seller_fault": (
        "No restocking fee on a seller-fault return: drop the {fee}% fee",
        "卖家过错的退货不得收取重新入库费：请取消 {fee}% 的费用",
    ),
    "fee_on_in_policy": (
        "A {fee}% fee on an in-policy return only if the item came back used or damaged",
        "符合政策的退货仅在商品被使用或损坏时才可收取 {fee}% 的费用",
    ),
    "no_fee_seller_fault": ("Seller-fault reason: no restocking fee", "卖家过错：不收取重新入库费"),
    "no_fee_in_policy": (
        "In-policy return: no restocking fee if it comes back in original condition",
        "符合政策的退货：原样退回时不收取重新入库费",
    ),
    "photo_required": (
        "A {fee}% fee needs a photo of the item", "{fee}% 的费用需要提供商品照片"
    ),
    "photo_attached": ("Photo attached for the {fee}% fee", "已为 {fee}% 的费用附上照片"),
    "refund_due": ("Refund by {due}", "请在 {due} 前退款"),
    "safet_window": ("SAFE-T claim possible until {due}", "可在 {due} 前提出 SAFE-T 索赔"),
    "intl_option_due": (
        "Offer an international return option by {due}", "请在 {due} 前提供国际退货方案"
    ),
    "appeal_window": ("Appeal the A-to-z decision by {due}", "请在 {due} 前对索赔决定提出申诉"),
    "refund_closes_claim": (
        "A full refund closes the open A-to-z claim", "全额退款可关闭未决的亚马逊商城交易保障索赔"
    ),
}


@dataclass(frozen=True)
class Thumbnail:
    """An evidence image the printer must supply under ``resource`` (an ``<img src>``)."""

    resource: str
    path: Path


@dataclass(frozen=True)
class CaseFile:
    order_id: str
    title: str
    html: str
    thumbnails: tuple[Thumbnail, ...]
    language: str = "en"


def page_footer(case_file: CaseFile, page: int, pages: int) -> tuple[str, str]:
    """Left and right footer texts of ``page`` (1-based) of ``pages``: order id, page number."""
    left = _label("footer", case_file.language, order=case_file.order_id)
    return left, _label("page", case_file.language, page=page, pages=pages)


def _label(key: str, language: str, **values: Any) -> str:
    en, zh = LABELS[key]
    return (zh if language.startswith("zh") else en).format(**values)


def _local(moment: dt.datetime | str | None, tz: dt.tzinfo) -> str:
    if moment is None or moment == "":
        return "—"
    if isinstance(moment, str):
        moment = from_iso(moment)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def build_case_file(
    store: Store, case_id: int, language: str = "en", now: dt.datetime | None = None
) -> CaseFile:
    """Everything of one case, laid out as HTML."""
    view = returns.get_case(store, case_id)
    messages = returns.case_messages(store, view)
    now = now or utc_now()
    title = _label("title", language, order=view.order_id)
    thumbnails = tuple(_thumbnails(store, view.evidence))
    zone = getattr(view.tz, "key", None) or str(view.tz)
    parts = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(_label("generated", language, when=_local(now, view.tz), zone=zone))}</p>',  # noqa: E501
        _details_html(view, language),
        _timeline_html(view, messages, language),
        _checklist_html(view, language, now),
        _guardrails_html(view.guardrails, view.tz, language),
        _messages_html(messages, view.tz, language),
        _evidence_html(view, {t.resource for t in thumbnails}, language),
    ]
    html = f"<html><head><style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"
    return CaseFile(view.order_id, title, html, thumbnails, language)


def _thumbnails(store: Store, items: list[dict[str, Any]]) -> list[Thumbnail]:
    """Images among the evidence whose stored file can be named safely."""
    found = []
    for item in items:
        if item["content_type"] not in THUMBNAIL_TYPES:
            continue
        try:
            path = evidence_path(store, item["stored_name"])
        except ValueError:
            continue
        found.append(Thumbnail(f"evidence-{item['id']}", path))
    return found


_STYLE = """
body { color: #1a1a1a; }
h1 { font-size: 15pt; }
h2 { font-size: 11.5pt; color: #1d4f91; margin-top: 12px; }
.meta { color: #555555; }
th { background-color: #e8eef7; text-align: left; }
.overdue { color: #b00020; font-weight: bold; }
.done { color: #2e7d32; }
.na { color: #777777; }
.rule { color: #1d4f91; font-weight: bold; }
.block { color: #b00020; font-weight: bold; }
.warn { color: #a15c00; font-weight: bold; }
.small { color: #555555; }
"""
_TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="99%">'


def _table(headers: list[str], rows: list[list[str]], widths: tuple[int, ...] = ()) -> str:
    head = "".join(
        f'<th width="{widths[i]}%">{escape(h)}</th>' if i < len(widths) else f"<th>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    # A <thead> row is repeated at the top of every page the table continues on.
    return f"{_TABLE}{f'<thead><tr>{head}</tr></thead>' if headers else ''}{body}</table>"


def _h2(key: str, language: str) -> str:
    return f"<h2>{escape(_label(key, language))}</h2>"


def _details_html(view: returns.CaseView, language: str) -> str:
    case, data = view.case, view.case.get("data") or {}
    policy = {True: "in_policy", False: "out_of_policy"}.get(data.get("in_policy"), "unknown")
    auth = {True: "needs_authorization", False: "auto_authorized"}.get(
        data.get("authorization_required"), "unknown"
    )
    amount = f"{case['amount']:.2f} {case['currency'] or ''}" if case["amount"] is not None else ""
    carrier = " / ".join(v for v in (case["carrier"], case["tracking"]) if v)
    rows = [
        ("marketplace", case["marketplace"]),
        ("item", case["item_title"]),
        ("asin", case["asin"]),
        ("sku", data.get("sku")),
        ("quantity", case["quantity"]),
        ("reason", case["reason"]),
        ("comment", case["buyer_comment"]),
        ("carrier", carrier),
        ("amount", amount),
        ("policy", _label(policy, language)),
        ("authorization", _label(auth, language)),
    ]
    cells = [[f"<b>{escape(_label(k, language))}</b>", escape(str(v))] for k, v in rows if v]
    return _h2("details", language) + _table([], cells).replace("<td>", '<td width="30%">', 1)


def _timeline_html(view: returns.CaseView, messages: list[dict], language: str) -> str:
    events: list[tuple[str, str]] = [
        (view.case["opened_at"], _label("opened", language, by=_label(
            "import" if view.case["opened_by"] == "import" else "hand", language)))
    ]
    for message in messages:
        kind = message["kind"] if message["kind"] in LABELS else "message"
        text = _label(kind, language)
        if message["subject"]:
            text += f" — {message['subject']}"
        events.append((message["received_at"], text))
    if view.case["item_received_at"]:
        events.append((view.case["item_received_at"], _label("received_item", language)))
    decided = (view.case.get("data") or {}).get("atoz_decided_at")
    if decided:
        events.append((decided, _label("decision", language)))
    titles = returns.step_titles(language)
    for step in view.checklist.steps:
        if step.done_at is not None and step.status != "open":
            status = _label(step.status, language)
            text = _label("step_event", language, step=titles[step.step_id], status=status)
            events.append((returns.iso(step.done_at), text))
    for item in view.evidence:
        name = _label("evidence_added", language, name=item["original_name"])
        events.append((item["added_at"], name))
    events.sort(key=lambda event: event[0])
    rows = [[_local(when, view.tz), escape(text)] for when, text in events]
    headers = [_label("when", language), _label("event", language)]
    return _h2("timeline", language) + _table(headers, rows, (20, 80))


def _checklist_html(view: returns.CaseView, language: str, now: dt.datetime) -> str:
    titles = returns.step_titles(language)
    rows = []
    for step in view.checklist.steps:
        urgency = step.urgency(now)
        css = {"overdue": "overdue", "done": "done", "not_applicable": "na"}.get(urgency, "")
        status = _label("overdue" if urgency == "overdue" else step.status, language)
        rows.append([
            escape(titles[step.step_id]),
            _local(step.due, view.tz),
            f'<span class="{css}">{escape(status)}</span>',
            _local(step.done_at, view.tz) if step.status != "open" else "",
            escape(step.note),
        ])
    headers = [_label(k, language) for k in ("step", "due", "status", "done_at", "note")]
    return _h2("checklist", language) + _table(headers, rows, (34, 16, 12, 16, 22))


def _guardrails_html(guardrails: list[Guardrail], tz: dt.tzinfo, language: str) -> str:
    if not guardrails:
        return _h2("guardrails", language) + f"<p>{escape(_label('none', language))}</p>"
    book = load_rules()
    items = []
    for guardrail in guardrails:
        rule = book.get(guardrail.rule_id)
        fee = f"{guardrail.figure:g}" if guardrail.figure is not None else ""
        headline = (
            _label(guardrail.kind, language, fee=fee, due=_local(guardrail.due, tz))
            if guardrail.kind in LABELS
            else rule.title.text(language)
        )
        items.append(
            f'<li><span class="rule">[{escape(rule.id)}]</span> '
            f'<span class="{guardrail.level}">{escape(headline)}</span><br/>'
            f"<i>{escape(rule.title.text(language))}</i>: "
            f"{escape(rule.explanation.text(language))}</li>"
        )
    return _h2("guardrails", language) + f"<ul>{''.join(items)}</ul>"


def _messages_html(messages: list[dict], tz: dt.tzinfo, language: str) -> str:
    if not messages:
        return _h2("messages", language) + f"<p>{escape(_label('none', language))}</p>"
    blocks = []
    for message in messages:
        kind = message["kind"] if message["kind"] in LABELS else "message"
        text = (
            message["buyer_text"] or message["seller_text"] or message["body_text"] or ""
        ).strip()
        if len(text) > MAX_MESSAGE_CHARS:
            text = text[:MAX_MESSAGE_CHARS].rstrip() + " …"
        body = escape(text).replace("\n", "<br/>")
        blocks.append(
            f"<p><b>{escape(_label(kind, language))}</b> · {_local(message['received_at'], tz)}"
            f"<br/><i>{escape(message['subject'] or '')}</i><br/>{body}</p>"
        )
    return _h2("messages", language) + "".join(blocks)


def _evidence_html(view: returns.CaseView, thumbnails: set[str], language: str) -> str:
    if not view.evidence:
        return _h2("evidence", language) + f"<p>{escape(_label('none', language))}</p>"
    rows = []
    for item in view.evidence:
        resource = f"evidence-{item['id']}"
        image = f'<img src="{resource}" width="140"/>' if resource in thumbnails else ""
        caption = escape(item["original_name"])
        if item["note"]:
            caption += f"<br/><span class=\"small\">{escape(item['note'])}</span>"
        rows.append([
            image + ("<br/>" if image else "") + caption,
            escape(item["content_type"] or ""),
            f"{item['size']:,} B",
            _local(item["added_at"], view.tz),
        ])
    headers = [_label(k, language) for k in ("file", "type", "size", "added")]
    return _h2("evidence", language) + _table(headers, rows, (46, 18, 14, 22))
