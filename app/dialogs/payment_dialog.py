"""A payment received for an invoice: the amount (the open amount offered), the day, how it came."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.invoices.service import InvoiceInfo
from app.ui.formatting import money, parse_money
from app.ui.i18n import error_text


class PaymentDialog(QDialog):
    def __init__(self, services: Services, invoice: InvoiceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment for %1").replace("%1", invoice.number or ""))
        self._services = services
        self._invoice = invoice
        self.saved: InvoiceInfo | None = None
        self.amount = QLineEdit(str(invoice.open_amount).replace(".", QLocale().decimalPoint()))
        self.amount.setObjectName("paymentAmount")
        today = date.today()  # noqa: DTZ011
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("paymentDate")
        self.day.setCalendarPopup(True)
        self.method = QComboBox()
        self.method.setObjectName("paymentMethod")
        for key, label in (
            ("transfer", self.tr("Bank transfer")),
            ("cash", self.tr("Cash")),
            ("card", self.tr("Card")),
            ("other", self.tr("Other")),
        ):
            self.method.addItem(label, key)
        self.note = QLineEdit()
        self.note.setObjectName("paymentNote")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Open"), QLabel(money(invoice.open_amount, invoice.currency)))
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Paid on"), self.day)
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.problem)
        form.addRow(buttons)

    def save(self) -> None:
        text = self.amount.text().strip()
        value: Decimal | str = parse_money(text) if text else ""
        try:
            self.saved = self._services.invoices.add_payment(
                self._invoice.id,
                value,
                paid_on=self.day.date().toPython(),  # type: ignore[arg-type]
                method=self.method.currentData(),
                note=self.note.text(),
            )
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
