"""The lines of a quote or a draft invoice, edited: item, quantity, unit, price, discount and VAT per
row, rows added and removed, the totals as EN 16931 sums them while typing. Numbers in the user's
notation (1.234,50 in German). Saving goes through the caller's service call; what it refuses is said
here and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.core.errors import ServiceError
from app.services.invoices.money import Line, sums
from app.ui.formatting import money, parse_money
from app.ui.i18n import error_text

NAME, QUANTITY, UNIT, PRICE, DISCOUNT, TAX = range(6)


class LinesDialog(QDialog):
    def __init__(
        self,
        title: str,
        currency: str,
        lines: Sequence[Line],
        save: Callable[[list[Line]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linesDialog")
        self.setWindowTitle(title)
        self.resize(760, 420)
        self._currency = currency
        self._save = save
        self._kept = dict(enumerate(lines))  # product links and tax-included kept
        self.saved: Any = None
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("lines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Quantity"),
                self.tr("Unit"),
                self.tr("Price"),
                self.tr("Discount %"),
                self.tr("VAT %"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("+ Line"))
        self.add_button.setObjectName("addLine")
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.setObjectName("removeLine")
        self.totals = QLabel()
        self.totals.setObjectName("lineTotals")
        self.problem = QLabel()
        self.problem.setObjectName("linesProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(lambda: self._add(None))
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(lambda _item: self._show_totals())
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for line in lines:
            self._add(line)
        self._show_totals()

    # -- rows -------------------------------------------------------------------------------------------

    def _add(self, line: Line | None) -> None:
        locale = QLocale()
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        values = (
            ("", "1", self.tr("pcs"), "", "0", "19")
            if line is None
            else (
                line.name,
                _number(locale, line.quantity),
                line.unit,
                _number(locale, line.price, 2),
                _number(locale, line.discount_percent),
                _number(locale, line.tax_rate),
            )
        )
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if column not in (NAME, UNIT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        if line is None:
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))
        self._show_totals()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._kept = {n - (n > row): line for n, line in self._kept.items() if n != row}
            self._show_totals()

    # -- reading ----------------------------------------------------------------------------------------

    def lines(self) -> list[Line]:
        """The rows as lines; a ValueError names the first that is not one."""
        out = []
        for row in range(self.table.rowCount()):
            texts = [
                (self.table.item(row, c).text() if self.table.item(row, c) else "").strip() for c in range(6)
            ]
            name = texts[NAME]
            if not name:
                raise ValueError(self.tr("Line %1 needs an item.").replace("%1", str(row + 1)))
            try:
                quantity, price, discount, tax = (
                    Decimal(parse_money(texts[c])) for c in (QUANTITY, PRICE, DISCOUNT, TAX)
                )
            except InvalidOperation:
                raise ValueError(
                    self.tr("Line %1: quantity, price, discount and VAT are numbers.").replace(
                        "%1", str(row + 1)
                    )
                ) from None
            if not (0 <= discount <= 100 and 0 <= tax <= 100):
                raise ValueError(
                    self.tr("Line %1: discount and VAT are between 0 and 100 %.").replace("%1", str(row + 1))
                )
            kept = self._kept.get(row)
            out.append(
                Line(
                    name[:255],
                    quantity,
                    price,
                    tax,
                    texts[UNIT][:20] or "pcs",
                    discount,
                    kept.tax_included if kept is not None else False,
                    kept.product_id if kept is not None else None,
                )
            )
        return out

    def _show_totals(self) -> None:
        try:
            summed = sums(self.lines(), self._currency)
        except ValueError:
            self.totals.setText("")
            return
        self.totals.setText(
            self.tr("Net %1 · VAT %2 · Total %3")
            .replace("%1", money(summed.net, self._currency))
            .replace("%2", money(summed.tax, self._currency))
            .replace("%3", money(summed.gross, self._currency))
        )

    def save(self) -> None:
        try:
            lines = self.lines()
            if not lines:
                raise ValueError(self.tr("Keep at least one line."))
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        try:
            self.saved = self._save(lines)
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()


def _number(locale: QLocale, value: Decimal, places: int | None = None) -> str:
    """1.5 -> "1,5" in German; a price with its two decimals."""
    text = f"{value:.{places}f}" if places is not None else format(value.normalize(), "f")
    return text.replace(".", locale.decimalPoint())
