"""The import's values step: every name in the file that Dealdesk doesn't know — a stage, a person,
a source, a product, a list choice — once, with how many rows hold it and what it most likely
means; the user says what each one is (or leaves it blank), instead of reading one error per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COL_FIELD, COL_VALUE, COL_ROWS, COL_MEANS = range(4)
UNMAPPED = None  # "— choose —": stays a problem
BLANK = ""  # left blank


class ValuesPage(QWidget):
    """The file's unknown names, each with a choice of what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setObjectName("valuesIntro")
        self.intro.setWordWrap(True)
        self.values = QTableWidget(0, 4)
        self.values.setObjectName("values")
        self.values.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In the file"), self.tr("Rows"), self.tr("Means")]
        )
        self.values.verticalHeader().setVisible(False)
        self.values.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.values.horizontalHeader()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ROWS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MEANS, QHeaderView.ResizeMode.Stretch)
        self.create_missing = QCheckBox(
            self.tr("Create companies, contacts and products Dealdesk doesn't know yet")
        )
        self.create_missing.setObjectName("createMissing")
        self.create_missing.setChecked(True)
        self.create_people = QCheckBox(self.tr("Create people for responsible names Dealdesk doesn't know"))
        self.create_people.setObjectName("createPeople")
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.addItem(self.tr("are refused: nothing is imported twice"), "refuse")
        self.duplicates.addItem(self.tr("are skipped"), "skip")
        self.duplicates.addItem(
            self.tr("are updated from the file (unless changed in Dealdesk since)"), "update"
        )
        duplicates = QHBoxLayout()
        duplicates.addWidget(QLabel(self.tr("Deals imported before (the same ID)")))
        duplicates.addWidget(self.duplicates, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.values, 1)
        layout.addWidget(self.create_missing)
        layout.addWidget(self.create_people)
        layout.addLayout(duplicates)
        self._targets: list[tuple[str, str]] = []  # (target, value) per row

    def show_unknown(
        self,
        unknown: Sequence[Any],
        field_label: Callable[[str], str],
        choices: Callable[[str], list[str]],
        chosen: dict[str, dict[str, str]],
    ) -> None:
        """One row per unknown name; `chosen` keeps what the user said before (a new check)."""
        self.values.setRowCount(0)
        self._targets = []
        people = [u for u in unknown if u.target == "responsible"]
        shown = [u for u in unknown if not (u.target == "responsible" and self.create_people.isChecked())]
        if not shown:
            self.intro.setText(self.tr("Every name in the file is known to Dealdesk."))
        else:
            self.intro.setText(
                self.tr(
                    "%Ln name(s) in the file are not known to Dealdesk. Say what each one means, or leave "
                    "it blank; suggestions are preselected.",
                    "",
                    len(shown),
                )
            )
        self.create_people.setEnabled(bool(people) or self.create_people.isChecked())
        for row, item in enumerate(shown):
            self.values.insertRow(row)
            self.values.setItem(row, COL_FIELD, QTableWidgetItem(field_label(item.target)))
            self.values.setItem(row, COL_VALUE, QTableWidgetItem(item.value))
            self.values.setItem(row, COL_ROWS, QTableWidgetItem(QLocale().toString(item.rows)))
            combo = QComboBox()
            combo.setObjectName(f"means_{row}")
            combo.addItem(self.tr("— choose —"), UNMAPPED)
            combo.addItem(self.tr("(leave blank)"), BLANK)
            for name in choices(item.target):
                combo.addItem(name, name)
            before = chosen.get(item.target, {}).get(item.value)
            wanted = before if before is not None else item.suggestion
            if wanted is not None:
                combo.setCurrentIndex(max(0, combo.findData(wanted)))
            self.values.setCellWidget(row, COL_MEANS, combo)
            self._targets.append((item.target, item.value))

    def show_kind(self, deals: bool) -> None:
        """Deals can bring new people along; other records only companies (contacts)."""
        self.create_people.setVisible(deals)

    def value_combo(self, row: int) -> QComboBox:
        widget = self.values.cellWidget(row, COL_MEANS)
        assert isinstance(widget, QComboBox)
        return widget

    def chosen(self) -> dict[str, dict[str, str]]:
        """target -> {value in the file: known name, or "" for blank}, for what the user chose."""
        out: dict[str, dict[str, str]] = {}
        for row, (target, value) in enumerate(self._targets):
            means = self.value_combo(row).currentData()
            if means is not UNMAPPED:
                out.setdefault(target, {})[value] = means
        return out
