"""The sales plan: each person's target per month of a year, typed per month or per quarter (a
quarter's target is spread over its three months), in the base currency; saved all at once."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, InvalidOperation

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.formatting import parse_money
from app.ui.i18n import error_text

CENT = Decimal("0.01")
MONTHS = tuple((m,) for m in range(1, 13))
QUARTERS = ((1, 2, 3), (4, 5, 6), (7, 8, 9), (10, 11, 12))


def spread(amount: Decimal, months: int) -> list[Decimal]:
    """An amount over `months` months in whole cents, the last taking what is left over."""
    share = (amount / months).quantize(CENT, ROUND_DOWN)
    return [share] * (months - 1) + [amount - share * (months - 1)]


class PlanDialog(QDialog):
    def __init__(self, services: Services, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Sales plan"))
        self.resize(1100, 420)
        self._services = services
        self.users = services.users.list()
        self._year = year
        self._values: dict[tuple[int, int], Decimal] = {}  # (user id, month) -> target, as edited
        self._saved: dict[tuple[int, int], Decimal] = {}  # as stored
        self._shown: dict[tuple[int, int], str] = {}  # (row, column) -> the text filled in
        self.year = QSpinBox()
        self.year.setObjectName("planYear")
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year)
        self.per = QComboBox()
        self.per.setObjectName("planPer")
        self.per.addItem(self.tr("Month"), MONTHS)
        self.per.addItem(self.tr("Quarter"), QUARTERS)
        self.table = QTableWidget(len(self.users), 12)
        self.table.setObjectName("planTable")
        self.table.setVerticalHeaderLabels([u.name for u in self.users])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "Targets per person, in the base currency; an empty cell has none. "
                "A quarter's target is spread evenly over its three months."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        per_label = QLabel(self.tr("&Targets per:"))
        per_label.setBuddy(self.per)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(per_label)
        top.addWidget(self.per)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self._on_year)
        self.per.currentIndexChanged.connect(self._on_per)
        self._load()
        self._fill()

    # -- between the table and the values ------------------------------------------------------------

    def _columns(self) -> tuple[tuple[int, ...], ...]:
        columns: tuple[tuple[int, ...], ...] = self.per.currentData()
        return columns

    def _load(self) -> None:
        self._values = {
            key: amount for key, amount in self._services.analytics.targets(self._year).items() if amount
        }
        self._saved = dict(self._values)

    def _fill(self) -> None:
        columns = self._columns()
        locale = QLocale()
        self.table.setColumnCount(len(columns))
        if columns is QUARTERS:
            headers = [self.tr("Q%1").replace("%1", str(n)) for n in range(1, 5)]
        else:
            headers = [locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for (m,) in columns]
        self.table.setHorizontalHeaderLabels(headers)
        self._shown.clear()
        for row, user in enumerate(self.users):
            for column, months in enumerate(columns):
                amounts = [self._values[(user.id, m)] for m in months if (user.id, m) in self._values]
                text = locale.toString(float(sum(amounts)), "f", 2) if amounts else ""
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
                self._shown[(row, column)] = text

    def _take(self) -> bool:
        """The cells typed into since the table was filled, into the values; False (and a
        message, the values unchanged) when one is not an amount."""
        columns = self._columns()
        typed: dict[tuple[int, int], Decimal | None] = {}
        for row, user in enumerate(self.users):
            for column, months in enumerate(columns):
                cell = self.table.item(row, column)
                text = cell.text().strip() if cell is not None else ""
                if text == self._shown.get((row, column), ""):
                    continue
                try:
                    amount = Decimal(parse_money(text)).quantize(CENT) if text else None
                except (InvalidOperation, ValueError):
                    self.table.setCurrentCell(row, column)
                    QMessageBox.warning(
                        self,
                        self.tr("Plan not saved"),
                        self.tr("'%1' is not an amount.").replace("%1", text),
                    )
                    return False
                if amount is not None and amount < 0:
                    self.table.setCurrentCell(row, column)
                    QMessageBox.warning(
                        self, self.tr("Plan not saved"), self.tr("A target is an amount from 0 upward.")
                    )
                    return False
                shares = spread(amount, len(months)) if amount else [None] * len(months)
                for month, share in zip(months, shares, strict=True):
                    typed[(user.id, month)] = share
        for key, value in typed.items():
            if value:
                self._values[key] = value
            else:
                self._values.pop(key, None)
        return True

    def _changes(self) -> dict[int, dict[int, Decimal | None]]:
        plan: dict[int, dict[int, Decimal | None]] = {}
        for key in set(self._values) | set(self._saved):
            if self._values.get(key) != self._saved.get(key):
                user_id, month = key
                plan.setdefault(user_id, {})[month] = self._values.get(key)
        return plan

    def _save(self) -> bool:
        changes = self._changes()
        if not changes:
            return True
        try:
            self._services.analytics.set_plan(self._year, changes)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Plan not saved"), error_text(exc))
            return False
        self._saved = dict(self._values)
        return True

    # -- user actions ---------------------------------------------------------------------------------------

    def _on_per(self, _index: int) -> None:
        if not self._take():
            self.per.blockSignals(True)
            self.per.setCurrentIndex(1 - self.per.currentIndex())
            self.per.blockSignals(False)
            return
        self._fill()

    def _on_year(self, year: int) -> None:
        question = self.tr("Save the plan of %1 first?").replace("%1", str(self._year))
        if not self._take() or not self._settle(question):
            self.year.blockSignals(True)
            self.year.setValue(self._year)
            self.year.blockSignals(False)
            return
        self._year = year
        self._load()
        self._fill()

    def _settle(self, question: str) -> bool:
        """Unsaved targets: save or drop them as the user says; False: stay as it is."""
        if not self._changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Sales plan"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._save()
        return answer == QMessageBox.StandardButton.Discard

    def _on_save(self) -> None:
        if self._take() and self._save():
            self.accept()

    def reject(self) -> None:
        edited = bool(self._changes()) or any(
            (cell := self.table.item(row, column)) is not None and cell.text().strip() != text
            for (row, column), text in self._shown.items()
        )
        if edited:
            answer = QMessageBox.question(
                self,
                self.tr("Sales plan"),
                self.tr("Close without saving the changed targets?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
