"""Controller of the policy feature: the contact advisor, live draft checks and the override.

- Listens to ``SelectionHub.conversation_selected`` / ``data_changed``: reloads the advisor's
  facts for the conversation (``services.policy``) and shows the answer for the purpose picked
  in the sidebar.
- :meth:`PolicyController.attach_editor` puts a :class:`DraftHighlighter` on any text editor;
  every check (after a short typing pause) uses the conversation's facts, the sidebar's
  purpose and the subject, and fills the sidebar's findings.
- :meth:`PolicyController.release_guard` is the composer's copy/save/send guard: a draft with
  a block finding goes out only after an explicit override naming the rule(s).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.domain.policy.advisor import Advice, ContactFacts, advise
from sellerdesk.domain.policy.checker import check_draft
from sellerdesk.domain.policy.model import CheckResult, DraftContext, override_required
from sellerdesk.domain.policy.rules import RuleBook, load_rules
from sellerdesk.errors import StoreUnavailable
from sellerdesk.gui.draft_highlighter import (
    DraftHighlighter,
    Editor,
    attach_highlighter,
)
from sellerdesk.gui.hub import NO_CONVERSATION, SelectionHub
from sellerdesk.gui.language import rules_language
from sellerdesk.gui.main_window import POLICY_DOCK
from sellerdesk.gui.models.findings_model import FindingsModel
from sellerdesk.gui.views.policy_sidebar import PolicySidebar
from sellerdesk.services.context import AppContext
from sellerdesk.services.policy import PolicyService, draft_context_from_facts

GLANCE_RULES: tuple[str, ...] = (
    "RT-24H",
    "MSG-PROACTIVE-30D",
    "MSG-REVIEW-ONCE",
    "MSG-NO-INCENTIVE",
    "MSG-NO-POSITIVE-ONLY",
    "CNT-LINK",
    "CNT-EMAIL",
    "MSG-NO-MARKETING",
    "MSG-CRITICAL-IMPORTANT",
    "CNT-LENGTH",
)

__all__ = ["GLANCE_RULES", "PolicyController", "install", "override_required"]


class PolicyController(QObject):
    """Owns the sidebar's state and the checks of every attached editor."""

    findings_changed = Signal(object)  # CheckResult
    purpose_changed = Signal(str)  # "reply" or a proactive purpose picked in the sidebar

    def __init__(
        self,
        context: AppContext,
        hub: SelectionHub,
        sidebar: PolicySidebar,
        parent: QObject | None = None,
        rules: RuleBook | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.hub = hub
        self.sidebar = sidebar
        self.rules = rules or load_rules()
        self.language = rules_language(sidebar)
        self.service = PolicyService(context.store)
        self.conversation_id = NO_CONVERSATION
        self.facts = ContactFacts(has_order=False)
        self.advice: Advice | None = None
        self.highlighters: list[DraftHighlighter] = []
        self._subject_providers: dict[int, Callable[[], str]] = {}
        # Dialog hook (tests replace it to answer without a modal loop).
        self.ask_override: Callable[[QWidget | None, list[str], str], bool] = self._ask_override
        sidebar.set_rules(self.rules, self.language, GLANCE_RULES)
        sidebar.model.set_language(self.language)
        sidebar.purpose_changed.connect(self._on_purpose)
        hub.conversation_selected.connect(self.show_conversation)
        hub.data_changed.connect(self.refresh)
        self.show_conversation(hub.current_conversation)

    # -- conversation and advisor ----------------------------------------------------------
    @property
    def purpose(self) -> str:
        return self.sidebar.purpose()

    def show_conversation(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the facts from the store, then re-answer and re-check."""
        if self.conversation_id == NO_CONVERSATION:
            self.facts = ContactFacts(has_order=False)
        else:
            try:
                self.facts = self.service.facts(self.conversation_id)
            except StoreUnavailable as error:
                self.hub.status_message.emit(str(error))
                self.facts = ContactFacts(has_order=False)
        self._update_advice()
        self.recheck()

    def _update_advice(self) -> None:
        if self.conversation_id == NO_CONVERSATION:
            self.advice = None
        else:
            self.advice = advise(self.purpose, self.facts)
        self.sidebar.show_advice(self.advice)

    def _on_purpose(self, purpose: str) -> None:
        self._update_advice()
        self.recheck()
        self.purpose_changed.emit(purpose)

    def draft_context(self) -> DraftContext:
        """The checker's context: the sidebar's purpose and the conversation's facts."""
        return draft_context_from_facts(self.facts, self.purpose)

    # -- checking --------------------------------------------------------------------------
    def check(self, text: str, subject: str = "") -> CheckResult:
        return check_draft(text, subject, self.draft_context(), self.rules)

    def attach_editor(
        self, editor: Editor, subject_provider: Callable[[], str] | None = None
    ) -> DraftHighlighter:
        """Underline findings in ``editor`` as the seller types and list them in the sidebar.

        ``subject_provider`` returns the current subject (checked for ``[Important]``, e-mail
        addresses...); call :meth:`DraftHighlighter.schedule` when it changes.
        """
        provider = subject_provider or (lambda: "")

        def checker(text: str) -> CheckResult:
            return self.check(text, provider())

        highlighter = attach_highlighter(editor, checker, self.rules, self.language)
        highlighter.checked.connect(lambda result, h=highlighter: self._on_checked(h, result))
        self.highlighters.append(highlighter)
        return highlighter

    def recheck(self) -> None:
        for highlighter in self.highlighters:
            highlighter.check_now()

    def _on_checked(self, highlighter: DraftHighlighter, result: CheckResult) -> None:
        document = highlighter.document()
        text = document.toPlainText() if document is not None else ""
        self.sidebar.model.set_findings(result.findings, text)
        blocks = sum(1 for f in result.findings if f.severity == "block")
        warnings = sum(1 for f in result.findings if f.severity == "warn")
        self.sidebar.show_summary(blocks, warnings)
        self.findings_changed.emit(result)

    # -- the composer's guard --------------------------------------------------------------
    def release_guard(self, parent: QWidget | None, subject: str, body: str, action: str) -> bool:
        """True if the draft may go out: no block finding, or the seller overrode them."""
        rule_ids = override_required(self.check(body, subject).findings)
        if not rule_ids:
            return True
        return self.ask_override(parent, rule_ids, action)

    def _ask_override(self, parent: QWidget | None, rule_ids: list[str], action: str) -> bool:
        verbs = {"copy": self.tr("copy"), "eml": self.tr("save"), "send": self.tr("send")}
        verb = verbs.get(action, action)
        lines = "\n".join(
            f"• {rule_id}: {self.rules.get(rule_id).title.text(self.language)}"
            for rule_id in rule_ids
        )
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("This draft breaks Amazon's rules"))
        box.setText(
            self.tr("Amazon would likely block this message and may restrict your messaging:")
            + "\n\n"
            + lines
        )
        override = box.addButton(
            self.tr("Override {rules} and {verb}").format(rules=", ".join(rule_ids), verb=verb),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is override


def install(window, context: AppContext, hub: SelectionHub) -> QObject:  # type: ignore[no-untyped-def]
    """Feature installer: the policy sidebar dock, wired to the composer if there is one."""
    model = FindingsModel()
    sidebar = PolicySidebar(model)
    model.setParent(sidebar)
    controller = PolicyController(context, hub, sidebar, parent=window)
    window.add_dock(
        POLICY_DOCK,
        QCoreApplication.translate("PolicyController", "Policy"),
        sidebar,
        Qt.DockWidgetArea.RightDockWidgetArea,
        "Ctrl+Shift+Y",
    )
    _wire_composer(window, controller)
    return controller


def _wire_composer(window, controller: PolicyController) -> None:  # type: ignore[no-untyped-def]
    """Attach to the composer: highlighter on the body, guard on the exits."""
    from sellerdesk.gui.controllers.composer_controller import ComposerController

    composer = window.findChild(ComposerController)
    if composer is None:
        return
    view = composer.view
    highlighter = controller.attach_editor(view.body_edit, view.subject_edit.text)
    view.subject_edit.textChanged.connect(lambda _text: highlighter.schedule())
    composer.release_guard = controller.release_guard
    # Sent drafts record their purpose (review-request...), which the advisor reads back.
    controller.purpose_changed.connect(composer.set_purpose)
