"""The sales plan: each person's target per month of a year (a quarter's target fills its three
months), in the base currency."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
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

from app.services import DatabaseError, ServiceError, Services
from app.ui.formatting import parse_money
from app.ui.i18n import error_text


class PlanDialog(QDialog):
    def __init__(self, services: Services, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Sales plan"))
        self.resize(1100, 420)
        self._services = services
        self.users = services.users.list()
        self.year = QSpinBox()
        self.year.setObjectName("planYear")
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year)
        self.table = QTableWidget(len(self.users), 12)
        self.table.setObjectName("planTable")
        locale = QLocale()
        self.table.setHorizontalHeaderLabels(
            [locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)]
        )
        self.table.setVerticalHeaderLabels([u.name for u in self.users])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("Targets per person and month, in the base currency; an empty cell has none."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(lambda _v: self._fill())
        self._fill()

    def _fill(self) -> None:
        targets = self._services.analytics.targets(self.year.value())
        locale = QLocale()
        for row, user in enumerate(self.users):
            for month in range(1, 13):
                value = targets.get((user.id, month))
                item = QTableWidgetItem(locale.toString(float(value), "f", 2) if value else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, month - 1, item)

    def _on_save(self) -> None:
        try:
            for row, user in enumerate(self.users):
                months: dict[int, Decimal | None] = {}
                for month in range(1, 13):
                    text = (
                        self.table.item(row, month - 1).text() if self.table.item(row, month - 1) else ""
                    ).strip()
                    try:
                        months[month] = Decimal(parse_money(text)) if text else None
                    except InvalidOperation:
                        QMessageBox.warning(
                            self,
                            self.tr("Plan not saved"),
                            self.tr("'%1' is not an amount.").replace("%1", text),
                        )
                        return
                self._services.analytics.set_targets(user.id, self.year.value(), months)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Plan not saved"), error_text(exc))
            return
        self.accept()
