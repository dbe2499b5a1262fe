"""The theme list: each theme a check box with its title and description, ticked by mouse, Space or Return."""

from __future__ import annotations

from html import escape
from typing import Iterable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from ..catalogue import Entry
from . import colours

TOGGLE_KEYS = (Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Select)


class ThemeList(QListWidget):
    """Emits `changed` when a theme is ticked or unticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._viewport = self.viewport()
        self.setObjectName("themeList")
        self.setAccessibleName("Themes")
        self.setToolTip("Tick the themes the brief covers: click, or press Space or Return on a theme")
        self.setWordWrap(True)
        self.setSpacing(1)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps to the list's width instead
        self._apply_style()
        self._viewport.installEventFilter(self)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def _apply_style(self) -> None:
        """Colours with at least 4.5:1 contrast, selected or not, and a focus border that shows."""
        self.setStyleSheet(f"QListWidget {{ border: 2px solid {colours.BORDER}; background: {colours.BASE}; "
                           f"color: {colours.TEXT}; selection-background-color: {colours.SELECTION}; "
                           f"selection-color: {colours.SELECTED_TEXT}; }}"
                           f"QListWidget:focus {{ border: 2px solid {colours.FOCUS}; }}"
                           f"QListWidget::item:selected {{ background: {colours.SELECTION}; }}"
                           f"QListWidget::item:focus {{ border: 1px dotted {colours.FOCUS}; }}")

    def fill(self, themes: Iterable[Entry], chosen: Iterable[str] = ()) -> None:
        """List `themes`, ticking those in `chosen`, without a change signal."""
        chosen = set(chosen)
        self.blockSignals(True)
        self.clear()
        for theme in themes:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, theme.id)
            item.setData(Qt.AccessibleTextRole, f"{theme.title}. {theme.description}")
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if theme.id in chosen else Qt.Unchecked)
            item.setToolTip(theme.description)
            self.addItem(item)
            label = QLabel(f"<b style='color:{colours.TEXT}'>{escape(theme.title)}</b><br>"
                           f"<span style='color:{colours.MUTED}'>{escape(theme.description)}</span>")
            label.setWordWrap(True)
            label.setContentsMargins(26, 3, 4, 3)  # leave room for the item's own check box
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            self.setItemWidget(item, label)
        self.blockSignals(False)
        self._fit_items()

    def _fit_items(self) -> None:
        """Each theme as tall as its wrapped text at the list's current width."""
        width = max(self.viewport().width() - 2 * self.spacing() - 4, 160)
        blocked = self.blockSignals(True)  # a size hint is item data: Qt reports it as itemChanged, not a choice
        for i in range(self.count()):
            label = self.itemWidget(self.item(i))
            if label is None:  # an item being added while the list is refilled: fitted once its label is set
                continue
            label.ensurePolished()
            self.item(i).setSizeHint(QSize(width, label.heightForWidth(width - 16) + 12))
        self.blockSignals(blocked)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_items()

    def title_colour(self) -> QColor:
        return QColor(colours.TEXT)

    def description_colour(self) -> QColor:
        return QColor(colours.MUTED)

    def chosen(self) -> list[str]:
        return [self.item(i).data(Qt.UserRole) for i in range(self.count()) if self.item(i).checkState() == Qt.Checked]

    def set_chosen(self, themes: Iterable[str]) -> None:
        """Tick exactly `themes`, emitting `changed` once."""
        wanted = set(themes)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)
        self.blockSignals(False)
        self.changed.emit()

    @staticmethod
    def _toggle(item: QListWidgetItem) -> None:
        item.setCheckState(Qt.Unchecked if item.checkState() == Qt.Checked else Qt.Checked)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Space or Return ticks the current theme (the first one, if none is current yet)."""
        if event.key() in TOGGLE_KEYS and not event.modifiers() & ~Qt.KeypadModifier and self.count():
            if self.currentItem() is None:
                self.setCurrentRow(0)
            self._toggle(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """A click anywhere on a theme, box or text, ticks or unticks it exactly once."""
        if (watched is self._viewport and event.type() == QEvent.MouseButtonRelease
                and event.button() == Qt.LeftButton):
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                self.setCurrentItem(item)
                self._toggle(item)
                return True  # handled here, so the view does not toggle the box a second time
        return super().eventFilter(watched, event)
