"""Undo and redo for choices: each change of the choices panel is one QUndoCommand; typing merges."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from .choices import ChoicesPanel

TEXT_KEYS = ("title", "author", "organisation")
NAMES = {"audience": "audience", "themes": "themes", "length": "length", "lang": "language", "title": "title",
         "author": "author",
         "organisation": "organisation", "date": "date"}


class ChoiceCommand(QUndoCommand):
    """From one state of the choices to the next; typing in one text box is merged into one command."""

    def __init__(self, history: ChoiceHistory, before: dict[str, Any], after: dict[str, Any]) -> None:
        self.keys = tuple(key for key in after if before.get(key) != after[key])
        super().__init__("change " + ", ".join(NAMES[key] for key in self.keys))
        self.history, self.before, self.after = history, before, after
        self._done = True  # pushed after the change was made

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if len(self.keys) == 1 and self.keys[0] in TEXT_KEYS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ChoiceCommand) or other.keys != self.keys:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.apply(self.after)

    def undo(self) -> None:
        self.history.apply(self.before)


class ChoiceHistory(QObject):
    """Watches a ChoicesPanel and records its changes on `stack`."""

    def __init__(self, panel: ChoicesPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.stack = QUndoStack(self)
        self._state = panel.state()
        self._applying = False
        panel.changed.connect(self._record)

    def _record(self) -> None:
        state = self.panel.state()
        if self._applying or state == self._state:
            return
        before, self._state = self._state, state
        self.stack.push(ChoiceCommand(self, before, state))

    def apply(self, state: dict[str, Any]) -> None:
        self._applying = True
        try:
            self.panel.apply_state(state)
        finally:
            self._applying = False
        self._state = self.panel.state()

    def reset(self) -> None:
        """Start afresh from the panel's current state (after a brief is opened, say)."""
        self._state = self.panel.state()
