"""``SelectionHub``: the app-wide signals that let controllers stay unaware of each other.

The inbox controller announces the selected conversation; the reader, composer, policy and
returns controllers listen. Anything that changes stored mail (import, status change, a sent
draft) announces ``data_changed`` so views re-query.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

NO_CONVERSATION = -1


class SelectionHub(QObject):
    conversation_selected = Signal(int)  # conversation id, or NO_CONVERSATION
    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current_conversation = NO_CONVERSATION
        self.conversation_selected.connect(self._remember)

    def _remember(self, conversation_id: int) -> None:
        self.current_conversation = conversation_id
