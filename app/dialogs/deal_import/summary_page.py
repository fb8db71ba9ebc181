"""The import's last step: the dry run's summary — how many deals, and what the import would create
("2,400 deals, 60 new companies, 12 new people") —, what the check assumed, the columns left out,
and the problems grouped by kind; Import only when there are none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.ui.i18n import translate_message

PROBLEM_COLOR = "#b3261e"
NOTE_COLOR = "#5f4b00"
OK_COLOR = "#1e6b2e"


class SummaryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.details = QListWidget()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read, not to pick from
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)

    def show_check(self, check: Any) -> None:
        if not hasattr(check, "deals"):  # companies, contacts, leads, products
            parts = [self.tr("%Ln new record(s)", "", check.new)]
            if check.updates:
                parts.append(self.tr("%Ln to update", "", check.updates))
            if check.skipped:
                parts.append(self.tr("%Ln there already, skipped", "", check.skipped))
            if check.new_companies:
                parts.append(self.tr("%Ln new compan(y/ies)", "", check.new_companies))
            self._show(check, ", ".join(parts))
            return
        parts = [self.tr("%Ln deal(s)", "", check.deals)]
        for count, text in (
            (check.new_companies, self.tr("%Ln new compan(y/ies)", "", check.new_companies)),
            (check.new_contacts, self.tr("%Ln new contact(s)", "", check.new_contacts)),
            (check.new_people, self.tr("%Ln new person/people", "", check.new_people)),
            (check.new_products, self.tr("%Ln new product(s)", "", check.new_products)),
        ):
            if count:
                parts.append(text)
        if check.updates:
            parts.append(self.tr("%Ln to update", "", check.updates))
        if check.skipped:
            parts.append(self.tr("%Ln imported before, skipped", "", check.skipped))
        if check.notes:
            parts.append(self.tr("%Ln note(s)", "", len(check.notes)))
        self._show(check, ", ".join(parts))

    def _show(self, check: Any, line: str) -> None:
        if check.ok:
            self.summary.setText(self.tr("Ready to import: %1.").replace("%1", line))
            self.summary.setStyleSheet("")
        else:
            kinds = len(check.problems) + check.more_problems
            self.summary.setText(
                self.tr(
                    "%Ln kind(s) of problem in the file: nothing can be imported yet (%1).", "", kinds
                ).replace("%1", line)
            )
            self.summary.setStyleSheet(f"color: {PROBLEM_COLOR};")
        self.details.clear()
        for problem in check.problems:
            self._add(translate_message(problem.message), PROBLEM_COLOR)
        if check.more_problems:
            self._add(self.tr("… and %Ln more kind(s) of problem.", "", check.more_problems), PROBLEM_COLOR)
        for note in getattr(check, "notes", ()):
            self._add(translate_message(note), NOTE_COLOR)
        if check.unmapped:
            columns = ", ".join(check.unmapped)
            self._add(self.tr("Not imported (no field chosen): %1").replace("%1", columns), NOTE_COLOR)
        if check.ok and not self.details.count():
            self._add(self.tr("Every row passed the check: nothing needs your attention."), OK_COLOR)

    def show_problems(self, messages: list[str]) -> None:
        self.details.clear()
        for text in messages:
            self._add(text, PROBLEM_COLOR)

    def _add(self, text: str, color: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QBrush(QColor(color)))
        self.details.addItem(item)
