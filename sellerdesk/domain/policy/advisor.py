"""The contact advisor: may the seller write to this buyer now, for this purpose?

:func:`advise` answers **allowed**, **allowed with conditions** or **not allowed** for a
purpose (``"reply"`` or one of :data:`~sellerdesk.domain.policy.model.PURPOSES`) given the
facts about the order and conversation (:class:`ContactFacts`, gathered from the store by
``sellerdesk.services.policy``). Every answer lists its reasons, each tied to a rule id, in
English and Simplified Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.domain.policy.model import (
    CRITICAL_PURPOSES,
    PROACTIVE_WINDOW_DAYS,
    PURPOSES,
    REVIEW_WINDOW_DAYS,
)

REPLY = "reply"
ADVISOR_PURPOSES: tuple[str, ...] = (REPLY, *PURPOSES)

ALLOWED = "allowed"
CONDITIONAL = "conditional"
NOT_ALLOWED = "not_allowed"

# Status of one reason: it supports the answer, sets a condition, forbids, or just informs.
OK = "ok"
CONDITION = "condition"
BLOCKED = "blocked"
INFO = "info"

PURPOSE_LABELS: dict[str, tuple[str, str]] = {
    REPLY: ("Reply to the buyer", "回复买家"),
    "fulfilment-problem": ("Problem fulfilling the order", "订单配送问题"),
    "info-needed": ("Information needed for the order", "完成订单所需的信息"),
    "return-question": ("Question about a return", "退货相关问题"),
    "invoice": ("Send an invoice", "发送发票"),
    "review-request": ("Ask for a review (once)", "请求评论（一次）"),
    "delivery-scheduling": ("Schedule delivery of a bulky item", "预约大件商品配送"),
    "custom-design": ("Confirm a custom design", "确认定制设计"),
    "other": ("Other (truly needed for the order)", "其他（订单确实需要）"),
}


@dataclass(frozen=True)
class ContactFacts:
    """What the store knows about the order and the conversation.

    ``delivered_days_ago``/``order_age_days`` are None when unknown; ``buyer_wrote`` is True
    when the buyer has written in this conversation (a reply is then possible).
    """

    buyer_wrote: bool = False
    delivered_days_ago: int | None = None
    order_age_days: int | None = None
    review_requested: bool = False
    buyer_opted_out: bool = False
    has_order: bool = True


@dataclass(frozen=True)
class Reason:
    """One reason behind an answer: the rule, its effect and the explanation."""

    rule: str
    status: str
    en: str
    zh_cn: str

    def text(self, language: str = "en") -> str:
        return self.zh_cn if language.lower().startswith("zh") else self.en


@dataclass(frozen=True)
class Advice:
    purpose: str
    reasons: tuple[Reason, ...]

    @property
    def status(self) -> str:
        statuses = {reason.status for reason in self.reasons}
        if BLOCKED in statuses:
            return NOT_ALLOWED
        if CONDITION in statuses:
            return CONDITIONAL
        return ALLOWED

    @property
    def proactive(self) -> bool:
        return self.purpose != REPLY


def advise(purpose: str, facts: ContactFacts) -> Advice:
    """The advisor's answer for ``purpose`` (``"reply"`` or a proactive purpose)."""
    if purpose not in ADVISOR_PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}; expected one of {ADVISOR_PURPOSES}")
    reasons = _reply(facts) if purpose == REPLY else _proactive(purpose, facts)
    return Advice(purpose=purpose, reasons=tuple(reasons))


def _reply(facts: ContactFacts) -> list[Reason]:
    if not facts.buyer_wrote:
        return [
            Reason(
                "MSG-PROACTIVE-REASONS",
                BLOCKED,
                "The buyer has not written in this conversation, so this would be a proactive "
                "message: pick the reason you are writing for.",
                "买家尚未在此对话中发消息，因此这将是一条主动消息：请选择您联系买家的原因。",
            )
        ]
    reasons = [
        Reason(
            "MSG-SCOPE",
            OK,
            "Answering the buyer's own question is always a permitted message.",
            "回答买家自己的问题始终属于允许的消息。",
        ),
        Reason(
            "MSG-PROACTIVE-30D",
            INFO,
            "Replies have no time limit; the 30-day window applies only to messages you start.",
            "回复没有时间限制；30 天期限只适用于您主动发起的消息。",
        ),
        Reason(
            "RT-24H",
            INFO,
            "Reply within 24 hours, weekends included.",
            "请在24小时内回复（含周末）。",
        ),
    ]
    if facts.buyer_opted_out:
        reasons.append(
            Reason(
                "MSG-CRITICAL-IMPORTANT",
                INFO,
                "The buyer opted out of unsolicited messages, but an opt-out never blocks a reply "
                "on the thread the buyer started.",
                "买家已退订主动消息，但退订不会阻止您在买家发起的对话中回复。",
            )
        )
    return reasons


def _proactive(purpose: str, facts: ContactFacts) -> list[Reason]:
    reasons = [_reason_reason(purpose)]
    reasons.extend(_window(facts))
    if purpose == "review-request":
        reasons.extend(_review(facts))
    reasons.extend(_opt_out(purpose, facts))
    if purpose in ("fulfilment-problem", "other"):
        reasons.append(
            Reason(
                "MSG-NO-CONFIRMATION",
                INFO,
                "Do not send a plain order, shipping or delivery confirmation; Amazon sends those.",
                "不要发送单纯的订单、发货或送达确认，亚马逊会自动发送。",
            )
        )
    reasons.append(
        Reason(
            "MSG-ORDER-ID",
            INFO,
            "Put the full order id (3-7-7 digits) in the message.",
            "在消息中写明完整的订单编号（3-7-7 位数字）。",
        )
    )
    return reasons


def _reason_reason(purpose: str) -> Reason:
    label_en, label_zh = PURPOSE_LABELS[purpose]
    if purpose == "other":
        return Reason(
            "MSG-PROACTIVE-REASONS",
            CONDITION,
            "Only if the buyer truly needs this message to receive the purchase; never for "
            "thanks, check-ins, tips or marketing.",
            "仅当买家收货确实需要这条消息时才可发送；不能用于感谢、问候、使用技巧或营销。",
        )
    return Reason(
        "MSG-PROACTIVE-REASONS",
        OK,
        f"“{label_en}” is one of the reasons Amazon allows for a message you start.",
        f"“{label_zh}”属于亚马逊允许主动联系买家的理由。",
    )


def _days(facts: ContactFacts) -> tuple[int | None, bool]:
    """Days since delivery (or, failing that, since the order) and whether it is the order date."""
    if facts.delivered_days_ago is not None:
        return facts.delivered_days_ago, False
    return facts.order_age_days, True


def _window(facts: ContactFacts) -> list[Reason]:
    days, from_order = _days(facts)
    if days is None:
        return [
            Reason(
                "MSG-PROACTIVE-30D",
                CONDITION,
                "The delivery date is unknown: send only within 30 days of delivery.",
                "送达日期未知：只能在送达后 30 天内发送。",
            )
        ]
    since_en, since_zh = ("the order", "下单") if from_order else ("delivery", "送达")
    if days > PROACTIVE_WINDOW_DAYS:
        return [
            Reason(
                "MSG-PROACTIVE-30D",
                BLOCKED,
                f"{days} days since {since_en}: messages you start must be sent within "
                f"{PROACTIVE_WINDOW_DAYS} days.",
                f"距{since_zh}已 {days} 天：主动消息必须在 {PROACTIVE_WINDOW_DAYS} 天内发送。",
            )
        ]
    left = PROACTIVE_WINDOW_DAYS - days
    status = CONDITION if from_order else OK
    return [
        Reason(
            "MSG-PROACTIVE-30D",
            status,
            f"{days} days since {since_en}: inside the 30-day window ({left} days left)"
            + (
                "; the delivery date is unknown, so count from delivery if you know it."
                if from_order
                else "."
            ),
            f"距{since_zh} {days} 天：在 30 天期限内（还剩 {left} 天）"
            + ("；送达日期未知，如知道请按送达日期计算。" if from_order else "。"),
        )
    ]


def _review(facts: ContactFacts) -> list[Reason]:
    if facts.review_requested:
        return [
            Reason(
                "MSG-REVIEW-ONCE",
                BLOCKED,
                "A review was already requested for this order (Request a Review button or an "
                "earlier message); only one request per order is allowed.",
                "此订单已请求过评论（“请求评论”按钮或之前的消息）；每个订单只能请求一次。",
            )
        ]
    low, high = REVIEW_WINDOW_DAYS
    days = facts.delivered_days_ago
    if days is None:
        return [
            Reason(
                "MSG-REVIEW-ONCE",
                CONDITION,
                f"The delivery date is unknown: ask only from day {low} to day {high} after "
                "delivery, once, in neutral words.",
                f"送达日期未知：只能在送达后第 {low} 至第 {high} 天之间用中性措辞请求一次。",
            )
        ]
    if days < low:
        return [
            Reason(
                "MSG-REVIEW-ONCE",
                BLOCKED,
                f"Delivered {days} days ago: review requests are allowed from day {low} "
                f"(in {low - days} days).",
                f"{days} 天前送达：评论请求要从第 {low} 天开始（还需 {low - days} 天）。",
            )
        ]
    if days > high:
        return [
            Reason(
                "MSG-REVIEW-ONCE",
                BLOCKED,
                f"Delivered {days} days ago: the review-request window closed on day {high}.",
                f"{days} 天前送达：评论请求期限已于第 {high} 天结束。",
            )
        ]
    return [
        Reason(
            "MSG-REVIEW-ONCE",
            OK,
            f"Delivered {days} days ago: inside the {low}-{high} day window. Ask once, in neutral "
            "words, or use Amazon's Request a Review button instead.",
            f"{days} 天前送达：在第 {low}-{high} 天的期限内。"
            "请用中性措辞只请求一次，或改用亚马逊的“请求评论”按钮。",
        )
    ]


def _opt_out(purpose: str, facts: ContactFacts) -> list[Reason]:
    if not facts.buyer_opted_out:
        if purpose in CRITICAL_PURPOSES:
            return []
        return [
            Reason(
                "MSG-CRITICAL-IMPORTANT",
                INFO,
                "Do not put [Important] in the subject: it is only for critical messages.",
                "主题中不要加 [Important]：它只用于关键消息。",
            )
        ]
    if purpose in CRITICAL_PURPOSES:
        return [
            Reason(
                "MSG-CRITICAL-IMPORTANT",
                CONDITION,
                "The buyer opted out of unsolicited messages; this critical message reaches them "
                "only with [Important] in the subject.",
                "买家已退订主动消息；这条关键消息只有在主题中加上 [Important] 才能送达。",
            )
        ]
    if purpose == "fulfilment-problem":
        return [
            Reason(
                "MSG-CRITICAL-IMPORTANT",
                CONDITION,
                "The buyer opted out: only a shipping-address problem counts as critical (subject "
                "with [Important]); for delays or stock problems cancel or ship instead.",
                "买家已退订：只有收货地址问题属于关键消息（主题加 [Important]）；"
                "延迟或缺货请直接取消订单或发货。",
            )
        ]
    return [
        Reason(
            "MSG-CRITICAL-IMPORTANT",
            BLOCKED,
            "The buyer opted out of unsolicited messages and this purpose is not critical: Amazon "
            "will not deliver it, and [Important] must not be used for it.",
            "买家已退订主动消息，而此目的不属于关键消息："
            "亚马逊不会投递，也不能为此使用 [Important]。",
        )
    ]
