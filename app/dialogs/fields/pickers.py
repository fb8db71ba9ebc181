"""Pickers for records (company, contacts, links): search as you type, or name a new one inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.fields.editors import FieldEditor

Search = Callable[[str], list[tuple[int, str]]]
MIN_CHARS = 2


class _SearchLine(QLineEdit):
    """A line that offers the records whose names start with what is typed."""

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.matches: dict[str, int] = {}
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._on_typed)

    def _on_typed(self, text: str) -> None:
        found = self._search(text) if len(text.strip()) >= MIN_CHARS else []
        matches: dict[str, int] = {}
        for ident, name in found:
            shown = name if name not in matches else f"{name} (#{ident})"
            matches[shown] = ident
        self.matches = matches
        self._names.setStringList(list(matches))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter takes what is typed (or the suggestion shown); it never reaches the dialog's Save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def chosen(self) -> tuple[int | None, str | None]:
        """(id, None) for a record found, (None, name) for a new name, (None, None) when empty."""
        text = " ".join(self.text().split())
        if not text:
            return None, None
        found = self.matches.get(text)
        if found is None:
            found = next((i for name, i in self.matches.items() if name.casefold() == text.casefold()), None)
        return (found, None) if found is not None else (None, text)


class RecordPicker(FieldEditor):
    """One record (a company, or a custom link field); with `new_hint`, a new name creates one."""

    def __init__(
        self,
        key: str,
        search: Search,
        names: Callable[[list[int]], dict[int, str]],
        *,
        placeholder: str,
        new_hint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(key, parent)
        self._names = names
        self._new_hint = new_hint
        self._id: int | None = None
        self.line = _SearchLine(search)
        self.line.setObjectName(self.safe_key)
        self.line.setPlaceholderText(placeholder)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #5b6470;")
        self.hint.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.line)
        column.addWidget(self.hint)
        self._layout.addLayout(column, 1)
        self.line.textChanged.connect(self._on_text)
        self.line.textEdited.connect(lambda _t: self.changed.emit())

    def _on_text(self) -> None:
        found, new = self.line.chosen()
        self._id = found
        show = new is not None and self._new_hint is not None
        if show:
            self.hint.setText(self._new_hint.replace("%1", new or ""))  # type: ignore[union-attr]
        self.hint.setVisible(show)

    def value(self) -> int | None:
        return self._id

    def new_name(self) -> str | None:
        """The name typed for a record to create with the deal (None when one was picked)."""
        found, new = self.line.chosen()
        return new if found is None and self._new_hint is not None else None

    def unknown_name(self) -> str | None:
        """A name typed that matches nothing, where no new record can be made."""
        found, new = self.line.chosen()
        return new if found is None and self._new_hint is None else None

    def set_value(self, value: Any) -> None:
        ident = int(value) if value else None
        name = self._names([ident]).get(ident, "") if ident else ""
        self.line.matches = {name: ident} if ident else {}
        self.line.setText(name)
        self._id = ident

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def focus_widget(self) -> QWidget:
        return self.line


class RecordsPicker(FieldEditor):
    """Several records in order (a deal's contacts): a list with remove buttons and a line to add."""

    def __init__(
        self,
        key: str,
        search: Search,
        names: Callable[[list[int]], dict[int, str]],
        *,
        placeholder: str,
        allow_new: bool,
        remove_tip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(key, parent)
        self._names = names
        self._allow_new = allow_new
        self._remove_tip = remove_tip
        self.list = QListWidget()
        self.list.setObjectName("chosen")
        self.list.setMaximumHeight(80)
        self.line = _SearchLine(search)
        self.line.setObjectName(self.safe_key)
        self.line.setPlaceholderText(placeholder)
        self.line.returnPressed.connect(self._add_typed)
        self.line.completer().activated.connect(lambda _text: self._add_typed())
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.list)
        column.addWidget(self.line)
        self._layout.addLayout(column, 1)
        self._refresh_height()

    def _add_typed(self) -> None:
        found, new = self.line.chosen()
        if found is not None:
            self._add(found, next((n for n, i in self.line.matches.items() if i == found), ""))
        elif new is not None and self._allow_new:
            self._add(None, new)
        else:
            return
        self.line.clear()
        # A suggestion picked from the list writes its text back after this: clear once more after it.
        QTimer.singleShot(0, self.line.clear)
        self.changed.emit()

    def pending_name(self) -> str | None:
        """A name still typed in the line that matches no record (and could not be added)."""
        found, new = self.line.chosen()
        return new if found is None else None

    def add_record(self, ident: int, name: str) -> None:
        """Add a record made just now for the name typed (the line is cleared)."""
        self._add(ident, name)
        self.line.clear()
        self.changed.emit()

    def add_typed(self) -> None:
        """Take what is in the line (as Enter does); the form calls it before saving."""
        if self.line.text().strip():
            self._add_typed()

    def _add(self, ident: int | None, name: str) -> None:
        if ident is not None and ident in self.value():
            return
        item = QListWidgetItem(name if ident is not None else f"{name} (+)")
        item.setData(Qt.ItemDataRole.UserRole, ident)
        item.setData(Qt.ItemDataRole.UserRole + 1, name)
        self.list.addItem(item)
        remove = QToolButton()
        remove.setText("×")
        remove.setToolTip(self._remove_tip)
        remove.setAutoRaise(True)
        remove.clicked.connect(lambda: self._remove(item))
        self.list.setItemWidget(item, _RightAligned(remove))
        self._refresh_height()

    def _remove(self, item: QListWidgetItem) -> None:
        self.list.takeItem(self.list.row(item))
        self._refresh_height()
        self.changed.emit()

    def _refresh_height(self) -> None:
        self.list.setVisible(self.list.count() > 0)
        self.list.setFixedHeight(min(4, max(1, self.list.count())) * 24 + 4)

    def value(self) -> list[int]:
        ids = [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]
        return [i for i in ids if i is not None]

    def new_names(self) -> list[str]:
        return [
            self.list.item(n).data(Qt.ItemDataRole.UserRole + 1)
            for n in range(self.list.count())
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) is None
        ]

    def set_value(self, value: Any) -> None:
        self.list.clear()
        ids = [int(i) for i in value or []]
        names = self._names(ids) if ids else {}
        for ident in ids:
            self._add(ident, names.get(ident, f"#{ident}"))
        self._refresh_height()

    def set_read_only(self, read_only: bool) -> None:
        self.line.setVisible(not read_only)
        self.list.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.line


class _RightAligned(QWidget):
    def __init__(self, button: QToolButton) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 4, 0)
        row.addStretch(1)
        row.addWidget(button)
