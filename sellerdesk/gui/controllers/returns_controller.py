"""Controller of the returns checklist pane and the due-today view.

It follows ``SelectionHub.conversation_selected`` to show the case of the selected order,
reloads on ``data_changed``, turns the views' intents (mark a step, set a fact, attach
evidence, export the case file, open a case by hand) into ``services.returns`` /
``services.evidence`` calls, and re-tints overdue and due-soon rows every minute while either
view is on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.domain.policy.rules import load_rules
from sellerdesk.domain.returns.calendar import marketplace_country
from sellerdesk.domain.returns.guardrails import Guardrail
from sellerdesk.domain.timeutil import utc_now
from sellerdesk.errors import SellerDeskError
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.language import rules_language
from sellerdesk.gui.main_window import DUE_TODAY_DOCK, RETURNS_DOCK
from sellerdesk.gui.views.due_today import DueTodayView
from sellerdesk.gui.views.returns_pane import EvidenceLine, GuardrailLine, ReturnsPane
from sellerdesk.services import evidence, returns
from sellerdesk.services.returns import CaseView
from sellerdesk.store.store import Store

CLOCK_TICK_MS = 60_000
DUE_SOON_WINDOW = dt.timedelta(hours=24)
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
SHORTCUT_DUE_TODAY = "Ctrl+Shift+R"


class ReturnsController(QObject):
    """Keeps the returns pane on the selected order's case and the due-today list current."""

    def __init__(
        self,
        store: Store,
        pane: ReturnsPane,
        due_view: DueTodayView,
        hub: SelectionHub,
        parent: QObject | None = None,
        now: Callable[[], dt.datetime] = utc_now,
        language: str | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._warn = warn or self._message_box
        self.store = store
        self.pane = pane
        self.due_view = due_view
        self.hub = hub
        self._now = now
        self.language = language or rules_language()
        self.titles = returns.step_titles(self.language)
        self.help_texts = {
            step_id: (text.what, text.why, text.figure)
            for step_id, text in returns.step_help(self.language).items()
        }
        self.conversation_id = NO_CONVERSATION
        self.case_id: int | None = None
        self._only_soon = False
        hub.conversation_selected.connect(self.show_conversation)
        hub.data_changed.connect(self.reload)
        pane.mark_requested.connect(self.mark_step)
        pane.facts_requested.connect(self.set_facts)
        pane.attach_requested.connect(self.attach)
        pane.export_requested.connect(self.export_pdf)
        pane.open_case_requested.connect(self.open_case)
        due_view.case_activated.connect(self.show_case_from_list)
        due_view.filter_changed.connect(self._set_only_soon)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self.tick)
        # Tick only while the pane or the due list is on screen: the window closes before the
        # app closes the store, and closed widgets are not always deleted (deleteLater needs a
        # running event loop), so stopping on ``destroyed`` alone ticked on into a closed store.
        for view in (pane, due_view):
            view.installEventFilter(self)
            view.destroyed.connect(self._clock.stop)
        self._follow_visibility()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_due_list()
        self._reload_pane()

    def reload_due_list(self) -> None:
        now = self._now()
        window = DUE_SOON_WINDOW if self._only_soon else None
        cases = self._guard(lambda: returns.list_cases(self.store, due_within=window, now=now))
        self.due_view.model.set_cases(cases or [], self.titles, now)
        self.due_view.refresh_summary()

    def show_conversation(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        if conversation_id == NO_CONVERSATION:
            self.case_id = None
            self.pane.show_nothing()
            return
        view = self._guard(lambda: returns.case_for_conversation(self.store, conversation_id))
        self.case_id = view.case_id if view else None
        self._show(view)

    def show_case(self, case_id: int) -> None:
        self.case_id = case_id
        self._reload_pane()

    def show_case_from_list(self, case_id: int, conversation_id: object) -> None:
        """Open a case picked in the due-today list (and its conversation, if any)."""
        self.show_case(case_id)
        if isinstance(conversation_id, int) and conversation_id != self.conversation_id:
            self.conversation_id = conversation_id
            self.hub.conversation_selected.emit(conversation_id)

    def _reload_pane(self) -> None:
        if self.case_id is not None:
            case_id = self.case_id
            self._show(self._guard(lambda: returns.get_case(self.store, case_id)))
        elif self.conversation_id != NO_CONVERSATION:
            self.show_conversation(self.conversation_id)
        else:
            self.pane.show_nothing()

    def _show(self, view: CaseView | None) -> None:
        if view is None:
            order_id = None
            if self.conversation_id != NO_CONVERSATION:
                conversation_id = self.conversation_id
                order_id = self._guard(
                    lambda: returns.order_for_conversation(self.store, conversation_id)
                )
            self.pane.show_no_case(order_id)
            return
        self.pane.set_order(view.order_id)
        self.pane.set_checklist(
            view.checklist.steps, self.titles, view.tz, self._now(), self.help_texts
        )
        self.pane.show_case(
            self._title_html(view),
            self._details_html(view),
            [self._guardrail_line(g, view.tz) for g in view.guardrails],
            self._evidence_lines(view),
            {
                "item_received_at": view.facts.item_received_at,
                "restocking_fee_percent": view.facts.restocking_fee_percent,
                "international": view.facts.international,
                "has_claim": view.facts.atoz_claim_at is not None,
            },
            view.tz,
        )

    def tick(self) -> None:
        """Re-tint at the new time; re-sort the due list when a case has just become overdue."""
        now = self._now()
        self.pane.model.set_now(now)
        overdue_before = self.due_view.model.overdue_count()
        self.due_view.model.set_now(now)
        if self.due_view.model.overdue_count() != overdue_before:
            self.reload_due_list()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._follow_visibility()
        return False

    def _follow_visibility(self) -> None:
        """Run the clock while a view is visible; on showing again, catch up at once."""
        if self.pane.isVisible() or self.due_view.isVisible():
            if not self._clock.isActive():
                self._clock.start()
                self.tick()
        else:
            self._clock.stop()

    def _set_only_soon(self, only_soon: bool) -> None:
        self._only_soon = only_soon
        self.reload_due_list()

    # -- texts ---------------------------------------------------------------------------------
    def _title_html(self, view: CaseView) -> str:
        status = self.tr("open") if view.case["status"] == "open" else self.tr("closed")
        text = self.tr("Return case · order {order} ({marketplace}) · {status}").format(
            order=view.order_id, marketplace=view.case["marketplace"] or "?", status=status
        )
        return f'<span style="font-size:13pt; font-weight:600">{escape(text)}</span>'

    def _details_html(self, view: CaseView) -> str:
        case = view.case
        rows: list[tuple[str, str]] = []
        item = case["item_title"] or ""
        if case["asin"]:
            item += f"  ·  {case['asin']}"
        if case["quantity"]:
            item += "  ·  " + self.tr("qty {n}").format(n=case["quantity"])
        rows.append((self.tr("Item"), item))
        reason = case["reason"] or ""
        if view.facts.seller_fault is True:
            reason += "  " + self.tr("(seller fault)")
        rows.append((self.tr("Reason"), reason))
        rows.append((self.tr("Buyer comment"), case["buyer_comment"] or ""))
        tracking = " / ".join(v for v in (case["carrier"], case["tracking"]) if v)
        rows.append((self.tr("Carrier / tracking"), tracking))
        if case["amount"] is not None:
            rows.append((self.tr("Amount"), f"{case['amount']:.2f} {case['currency'] or ''}"))
        rows.append((self.tr("Rules in force"), self._rules_in_force(view)))
        cells = "".join(
            f'<tr><td style="color:#555; padding-right:8px">{escape(label)}</td>'
            f"<td>{escape(value)}</td></tr>"
            for label, value in rows
            if value
        )
        return f"<table>{cells}</table>"

    def _rules_in_force(self, view: CaseView) -> str:
        country, subdivision = marketplace_country(view.case["marketplace"])
        region = f"{country}-{subdivision}" if subdivision else country
        zone = getattr(view.tz, "key", None) or str(view.tz)
        return self.tr(
            "{marketplace} marketplace: business days skip weekends and {region} public "
            "holidays; deadlines shown in {zone}"
        ).format(marketplace=view.case["marketplace"] or "?", region=region, zone=zone)

    def _guardrail_line(self, guardrail: Guardrail, tz: dt.tzinfo) -> GuardrailLine:
        rule = load_rules().get(guardrail.rule_id)
        due = guardrail.due.astimezone(tz).strftime("%Y-%m-%d %H:%M") if guardrail.due else ""
        fee = f"{guardrail.figure:g}" if guardrail.figure is not None else ""
        headlines = {
            "fee_on_seller_fault": self.tr(
                "No restocking fee on a seller-fault return: drop the {fee}% fee"
            ),
            "fee_on_in_policy": self.tr(
                "A {fee}% fee on an in-policy return only if the item came back used or damaged"
            ),
            "no_fee_seller_fault": self.tr("Seller-fault reason: no restocking fee"),
            "no_fee_in_policy": self.tr(
                "In-policy return: no restocking fee if it comes back in original condition"
            ),
            "photo_required": self.tr("A {fee}% fee needs a photo of the item: attach one"),
            "photo_attached": self.tr("Photo attached for the {fee}% fee"),
            "refund_due": self.tr("Refund by {due}"),
            "safet_window": self.tr("SAFE-T claim possible until {due}"),
            "intl_option_due": self.tr("Offer an international return option by {due}"),
            "appeal_window": self.tr("Appeal the A-to-z decision by {due}"),
            "refund_closes_claim": self.tr("A full refund closes the open A-to-z claim"),
        }
        headline = headlines.get(guardrail.kind, rule.title.text(self.language))
        return GuardrailLine(
            rule_id=rule.id,
            level=guardrail.level,
            headline=headline.format(fee=fee, due=due),
            explanation=f"{rule.title.text(self.language)}: {rule.explanation.text(self.language)}",
        )

    def _evidence_lines(self, view: CaseView) -> list[EvidenceLine]:
        lines = []
        for item in view.evidence:
            try:
                path = str(evidence.evidence_path(self.store, item["stored_name"]))
            except ValueError:
                continue
            lines.append(
                EvidenceLine(
                    name=item["original_name"],
                    path=path,
                    is_image=item["content_type"] in IMAGE_TYPES,
                    note=item["note"],
                )
            )
        return lines

    # -- intents -------------------------------------------------------------------------------
    def mark_step(self, step_id: str, status: str, when: object, note: str) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        at = when if isinstance(when, dt.datetime) else None
        if self._guard(lambda: returns.mark_step(self.store, case_id, step_id, status, at=at,
                                                  note=note)):
            self._changed()

    def set_facts(self, facts: dict) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        if self._guard(lambda: returns.set_case_facts(self.store, case_id, **facts)):
            self._changed()

    def attach(self, paths: list[str]) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        for path in paths:
            self._guard(lambda p=path: evidence.attach_evidence(self.store, case_id, p))
        self._changed()

    def export_pdf(self, path: str) -> None:
        if self.case_id is None:
            return
        from sellerdesk.gui.printing.case_file_pdf import write_pdf
        from sellerdesk.services.case_file import build_case_file

        case_id = self.case_id
        case_file = self._guard(lambda: build_case_file(self.store, case_id, self.language))
        if case_file is None:
            return
        try:
            pages = write_pdf(case_file, Path(path))
        except OSError as error:
            self._warn(self.tr("The case file could not be written: {error}").format(error=error))
            return
        self.hub.status_message.emit(
            self.tr("Case file written: {path} ({pages} pages)").format(path=path, pages=pages)
        )

    def open_case(self) -> None:
        if self.conversation_id == NO_CONVERSATION:
            return
        conversation_id = self.conversation_id
        order_id = self._guard(lambda: returns.order_for_conversation(self.store, conversation_id))
        if not order_id:
            return
        view = self._guard(lambda: returns.open_case(self.store, order_id))
        if view is not None:
            self.case_id = view.case_id
            self._changed()

    def _changed(self) -> None:
        self.hub.data_changed.emit()

    # -- errors --------------------------------------------------------------------------------
    def _guard(self, call):  # type: ignore[no-untyped-def]
        """Run a service call; user-facing failures become a message box, bugs propagate."""
        try:
            return call()
        except SellerDeskError as error:
            self._warn(str(error))
            return None

    def _message_box(self, text: str) -> None:
        parent = self.pane.window() if isinstance(self.pane, QWidget) else None
        QMessageBox.warning(parent, self.tr("Returns"), text)


def install(window, context, hub: SelectionHub) -> QObject:  # type: ignore[no-untyped-def]
    """Feature installer: the returns checklist dock, the due-today dock and their menu."""
    pane = ReturnsPane()
    due_view = DueTodayView()
    controller = ReturnsController(context.store, pane, due_view, hub, parent=window)
    window.add_dock(
        RETURNS_DOCK, QCoreApplication.translate("ReturnsController", "Return checklist"), pane
    )
    due_dock = window.add_dock(
        DUE_TODAY_DOCK,
        QCoreApplication.translate("ReturnsController", "Returns due"),
        due_view,
        Qt.DockWidgetArea.BottomDockWidgetArea,
        SHORTCUT_DUE_TODAY,
    )
    due_dock.toggleViewAction().setText(
        QCoreApplication.translate("ReturnsController", "Returns &Due Today")
    )
    window.menu("returns").addAction(due_dock.toggleViewAction())
    export = window.add_action(
        "returns",
        QCoreApplication.translate("ReturnsController", "&Export Case File PDF…"),
        pane.request_export,
    )
    export.setObjectName("action_returns_export_case_file")
    controller.reload_due_list()
    # The inbox may have chosen a conversation already (this dock is installed after it).
    controller.show_conversation(hub.current_conversation)
    return controller
