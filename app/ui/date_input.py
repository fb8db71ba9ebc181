"""A date that may be empty: typed in the locale's way (27.11.2026, 27/11/2026, 11/27/2026 in US
English) or as ISO (2026-11-27), or picked from a calendar that opens on the date, or on today."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from app.ui.formatting import date_format, short_date


def parse_date(text: str) -> date | None:
    """The date a user typed, or None when the text is no date (empty included).

    ISO first, then the locale's short format (two- or four-digit years, with or without leading
    zeros, any of . / - as separator)."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        year, month, day = (int(p) for p in text.split("-"))
        return _valid(year, month, day)
    parts = re.split(r"[./\-\s]+", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    order = _field_order(date_format())
    values = dict(zip(order, (int(p) for p in parts), strict=True))
    year = values["y"]
    if len(parts[order.index("y")]) <= 2:
        year += 2000 if year < 70 else 1900
    return _valid(year, values["M"], values["d"])


def _field_order(pattern: str) -> tuple[str, str, str]:
    """'dd.MM.yyyy' -> ('d', 'M', 'y'): the order the locale writes day, month and year."""
    seen: list[str] = []
    for char in pattern:
        if char in "dMy" and char not in seen:
            seen.append(char)
    return (seen[0], seen[1], seen[2]) if len(seen) == 3 else ("d", "M", "y")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateInput(QWidget):
    """`date_changed` when the typed or picked date changes; `is_valid()` is False while the text
    is no date (the field is marked, and nothing typed is thrown away)."""

    date_changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setClearButtonEnabled(True)
        self.line.setToolTip(
            self.tr("Type a date (%1, or 2026-11-27) or pick one from the calendar.").replace(
                "%1",
                short_date(date.today()),  # noqa: DTZ011 - the user's calendar
            )
        )
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self._last: date | None = None
        self.calendar: QCalendarWidget | None = None
        self.line.textChanged.connect(self._on_text)
        self.line.editingFinished.connect(self._on_finished)
        self.button.clicked.connect(self.open_calendar)

    def date(self) -> date | None:
        return parse_date(self.line.text())

    def set_date(self, value: date | None) -> None:
        self.line.setText(short_date(value) if value else "")

    def is_valid(self) -> bool:
        return not self.line.text().strip() or self.date() is not None

    def open_calendar(self) -> None:
        """A calendar under the field, on the date shown, or on today when there is none."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("datePicker")
        shown = self.date() or date.today()  # noqa: DTZ011 - the user's calendar
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.clicked.connect(lambda chosen: self._on_picked(calendar, chosen))
        calendar.activated.connect(lambda chosen: self._on_picked(calendar, chosen))
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        self.calendar = calendar

    def _on_picked(self, calendar: QCalendarWidget, chosen: QDate) -> None:
        self.set_date(date(chosen.year(), chosen.month(), chosen.day()))
        calendar.close()
        self.line.setFocus()

    def _on_text(self) -> None:
        self.line.setStyleSheet("" if self.is_valid() else "QLineEdit { background: #fdecea; }")
        current = self.date()
        if current != self._last and (current is not None or not self.line.text().strip()):
            self._last = current
            self.date_changed.emit()

    def _on_finished(self) -> None:
        """A date typed in any accepted way is shown again in the locale's own way."""
        current = self.date()
        if current is not None and self.line.text() != short_date(current):
            self.line.setText(short_date(current))
