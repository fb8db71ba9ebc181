"""The Invoices area (every invoice the person may see: what is open and overdue per currency, filtered
by state) and a deal's Invoices tab (its invoices; a new full, down-payment or final invoice from the
deal; issue a draft; record a payment; cancel; save the e-invoice)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.lines_dialog import LinesDialog
from app.dialogs.payment_dialog import PaymentDialog
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.core.events import DomainEvent
from app.services.invoices.dunning import LAST_LEVEL, PAY_DAYS
from app.services.invoices.service import InvoiceInfo
from app.ui.formatting import date_format, money, short_date
from app.ui.i18n import error_text
from app.views.invoices.invoice_files import XML_FILTER, InvoiceFiles
from app.views.workflows.record_workflows import open_record_workflows

InvoiceRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#b3261e")
PAID = QColor("#1e7b34")
MUTED = QColor("#8a939e")


def status_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("InvoicesView", "Draft"),
        "issued": QCoreApplication.translate("InvoicesView", "Issued"),
        "partly_paid": QCoreApplication.translate("InvoicesView", "Partly paid"),
        "paid": QCoreApplication.translate("InvoicesView", "Paid"),
        "overdue": QCoreApplication.translate("InvoicesView", "Overdue"),
        "cancelled": QCoreApplication.translate("InvoicesView", "Cancelled"),
    }


def kind_names() -> dict[str, str]:
    return {
        "full": QCoreApplication.translate("InvoicesView", "Invoice"),
        "down_payment": QCoreApplication.translate("InvoicesView", "Down payment"),
        "final": QCoreApplication.translate("InvoicesView", "Final invoice"),
        "cancellation": QCoreApplication.translate("InvoicesView", "Cancellation"),
    }


class InvoicesView(QWidget):
    open_deal_requested = Signal(int)
    message = Signal(str)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, deal_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesArea" if deal_id is None else "dealInvoices")
        self._services = services
        self._deal_id = deal_id
        self._shown_once = False
        title = QLabel(self.tr("Invoices"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.show_what = QComboBox()
        self.show_what.setObjectName("invoiceFilter")
        for key, label in (
            ("", self.tr("All invoices")),
            ("open", self.tr("Open")),
            ("overdue", self.tr("Overdue")),
            ("draft", self.tr("Drafts")),
        ):
            self.show_what.addItem(label, key)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setObjectName("invoiceTotals")
        self.new_button = QToolButton()
        self.new_button.setObjectName("newInvoice")
        self.new_button.setText(self.tr("+ Invoice"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.new_button)
        menu.addAction(self.tr("Invoice for the deal"), lambda: self.new_invoice("full"))
        menu.addAction(self.tr("Down payment…"), lambda: self.new_invoice("down_payment"))
        menu.addAction(self.tr("Final invoice"), lambda: self.new_invoice("final"))
        self.new_button.setMenu(menu)
        self.lines_button = QPushButton(self.tr("Edit lines…"))
        self.lines_button.setObjectName("invoiceLines")
        self.lines_button.setToolTip(self.tr("Change a draft's lines before it is issued"))
        self.issue_button = QPushButton(self.tr("Issue"))
        self.issue_button.setObjectName("issueInvoice")
        self.pay_button = QPushButton(self.tr("Payment…"))
        self.pay_button.setObjectName("payInvoice")
        self.cancel_button = QPushButton(self.tr("Cancel invoice…"))
        self.cancel_button.setObjectName("cancelInvoice")
        self.xml_button = QPushButton(self.tr("E-invoice…"))
        self.xml_button.setObjectName("einvoice")
        self.xml_button.setToolTip(self.tr("Save as XRechnung (XML) or as a ZUGFeRD PDF"))
        self.document_button = QPushButton(self.tr("Document"))
        self.document_button.setObjectName("invoiceDocument")
        self.document_button.setToolTip(self.tr("Open the invoice as it was issued (a draft: a preview)"))
        self.remind_button = QPushButton(self.tr("Reminder…"))
        self.remind_button.setObjectName("remindInvoice")
        self.remind_button.setToolTip(self.tr("Send the next payment reminder for an overdue invoice"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportInvoices")
        self.files = InvoiceFiles(services, self)
        self.files.message.connect(self.message)
        self.files.reminded.connect(lambda _id: self.reload())
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.show_what)
        bar.addStretch(1)
        for button in (
            self.new_button,
            self.lines_button,
            self.issue_button,
            self.pay_button,
            self.cancel_button,
            self.remind_button,
            self.document_button,
            self.xml_button,
            self.export_button,
        ):
            bar.addWidget(button)
        if deal_id is None:
            self.new_button.hide()  # invoices are made from their deal
        else:
            self.export_button.hide()
            title.hide()
            self.show_what.hide()
            self.totals.hide()  # the area's figures, not a deal's
        self.tree = QTreeWidget()
        self.tree.setObjectName("invoices")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Kind"),
                self.tr("Customer"),
                self.tr("Issued"),
                self.tr("Due"),
                self.tr("Total"),
                self.tr("Paid"),
                self.tr("State"),
                self.tr("Reminders"),
            ]
        )
        header = self.tree.header()
        for column in range(9):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr("No invoices yet: “+ Invoice” makes one from the deal.")
            if deal_id is not None
            else self.tr("No invoices here: a deal's Invoices tab makes them.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("noInvoices")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.totals)  # its own line: several currencies make it long
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self.show_what.currentIndexChanged.connect(self.reload)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        self.tree.itemActivated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.issue_button.clicked.connect(self.issue)
        self.lines_button.clicked.connect(lambda: self.edit_lines())
        self.pay_button.clicked.connect(self.pay)
        self.cancel_button.clicked.connect(self.cancel)
        self.xml_button.clicked.connect(lambda: self.save_einvoice())
        self.document_button.clicked.connect(lambda: self.open_document())
        self.remind_button.clicked.connect(lambda: self.remind())
        self.export_button.clicked.connect(lambda: self.export())
        self._enable()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def on_changed(self, event: DomainEvent) -> None:
        if self._shown_once and event.entity in ("invoice", "*"):
            self.reload()

    # -- showing --------------------------------------------------------------------------------------

    def reload(self) -> None:
        today = date.today()  # noqa: DTZ011
        wanted = self.show_what.currentData() or ""
        invoices = self._services.invoices.list(deal_id=self._deal_id, show=wanted, today=today)
        names, kinds = status_names(), kind_names()
        chosen = self.current()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        days = date_format()
        colors = {"overdue": OVERDUE, "paid": PAID, "cancelled": MUTED, "draft": MUTED}
        brushes = {status: QBrush(color) for status, color in colors.items()}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        self.tree.clear()
        items = []
        current = None
        for invoice in invoices:
            status = invoice.status(today)
            item = QTreeWidgetItem(
                [
                    invoice.number or self.tr("(draft)"),
                    kinds.get(invoice.kind, invoice.kind),
                    invoice.buyer_name,
                    short_date(invoice.issue_date, days),
                    short_date(invoice.due_date, days),
                    money(invoice.gross, invoice.currency),
                    money(invoice.paid, invoice.currency) if invoice.paid else "",
                    names.get(status, status),
                    self._reminders(invoice),
                ]
            )
            item.setData(0, InvoiceRole, invoice)
            item.setTextAlignment(5, right)
            item.setTextAlignment(6, right)
            brush = brushes.get(status)
            if brush is not None:
                item.setForeground(7, brush)
            if status == "overdue":
                item.setFont(7, bold)
            items.append(item)
            if chosen is not None and invoice.id == chosen.id:
                current = item
        self.tree.addTopLevelItems(items)  # at once: one insertion for the view, not one per invoice
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.setVisible(bool(invoices))
        self.empty.setVisible(not invoices)
        if self._deal_id is None:  # the area's totals (a deal's tab has none)
            receivables = self._services.invoices.receivables(today)
            # Per currency, the largest first: "Open €235,821.33, of it overdue €201,152.59 · CHF …"
            parts = []
            for currency, amount in sorted(receivables.open.items(), key=lambda kv: -kv[1]):
                late = receivables.overdue.get(currency)
                parts.append(
                    self.tr("%1, of it overdue %2")
                    .replace("%1", money(amount, currency))
                    .replace("%2", money(late, currency))
                    if late
                    else money(amount, currency)
                )
            self.totals.setText(self.tr("Open: %1").replace("%1", " · ".join(parts)) if parts else "")
        self._enable()

    def _menu(self, position: Any) -> QMenu | None:
        """The invoice's own actions that need no room in the bar: its workflows."""
        invoice = self.current()
        if invoice is None:
            return None
        menu = QMenu(self)
        menu.addAction(
            self.tr("Workflows…"),
            lambda: open_record_workflows(self._services, "invoice", invoice.id, self),
        )
        menu.popup(self.tree.viewport().mapToGlobal(position))
        return menu

    def current(self) -> InvoiceInfo | None:
        item = self.tree.currentItem()
        return item.data(0, InvoiceRole) if item is not None else None

    def select(self, invoice_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, InvoiceRole).id == invoice_id:
                self.tree.setCurrentItem(item)
                return

    def _enable(self) -> None:
        invoice = self.current()
        status = invoice.status() if invoice else ""
        self.issue_button.setEnabled(invoice is not None and invoice.state == "draft")
        self.lines_button.setEnabled(invoice is not None and invoice.state == "draft")
        self.pay_button.setEnabled(
            status in ("issued", "partly_paid", "overdue")
            and invoice is not None
            and invoice.kind != "cancellation"
        )
        self.cancel_button.setEnabled(
            invoice is not None and invoice.state == "issued" and invoice.kind != "cancellation"
        )
        self.xml_button.setEnabled(invoice is not None and invoice.state != "draft")
        self.document_button.setEnabled(invoice is not None)
        self.remind_button.setEnabled(
            status == "overdue"
            and invoice is not None
            and invoice.dunning_level < LAST_LEVEL
            and self._may_remind_again(invoice)
        )
        self.export_button.setEnabled(self.tree.topLevelItemCount() > 0)

    @staticmethod
    def _may_remind_again(invoice: InvoiceInfo) -> bool:
        """Once the date the last reminder gave has passed (the service checks it exactly)."""
        if invoice.reminded_on is None:
            return True
        return invoice.reminded_on + timedelta(days=PAY_DAYS) < date.today()  # noqa: DTZ011

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        invoice = item.data(0, InvoiceRole)
        if invoice is not None and invoice.deal_id is not None and self._deal_id is None:
            self.open_deal_requested.emit(invoice.deal_id)

    # -- acting ---------------------------------------------------------------------------------------

    def _try(self, work: Any) -> Any:
        try:
            return work()
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Invoices"), error_text(exc))
            return None

    def new_invoice(self, kind: str, percent: str | None = None) -> InvoiceInfo | None:
        if self._deal_id is None:
            return None
        if kind == "down_payment" and percent is None:
            value, ok = QInputDialog.getDouble(
                self, self.tr("Down payment"), self.tr("Share of the deal (%)"), 30, 0.01, 100, 2
            )
            if not ok:
                return None
            percent = str(value)
        made = self._try(
            lambda: self._services.invoices.draft_from_deal(self._deal_id, kind, percent=percent)
        )
        self.reload()
        if made is not None:
            self.select(made.id)
            self.message.emit(self.tr("A draft invoice was made: issue it to give it its number."))
        return made

    def edit_lines(self) -> InvoiceInfo | None:
        invoice = self.current()
        if invoice is None:
            return None
        full = self._services.invoices.get(invoice.id)
        invoices = self._services.invoices
        dialog = LinesDialog(
            self.tr("Lines of the draft invoice"),
            full.currency,
            full.lines,
            lambda lines: invoices.update_lines(full.id, full.version, lines),
            self,
        )
        if not dialog.exec():
            return None
        self.reload()
        self.select(invoice.id)
        return dialog.saved

    def issue(self) -> InvoiceInfo | None:
        invoice = self.current()
        if invoice is None:
            return None
        issued = self._try(lambda: self._services.invoices.issue(invoice.id, invoice.version))
        self.reload()
        if issued is not None:
            self.select(issued.id)
            self.message.emit(self.tr("Invoice %1 issued.").replace("%1", issued.number or ""))
        return issued

    def pay(self) -> InvoiceInfo | None:
        invoice = self.current()
        if invoice is None:
            return None
        dialog = PaymentDialog(self._services, invoice, self)
        if not dialog.exec():
            return None
        self.reload()
        if dialog.saved is not None:
            self.select(dialog.saved.id)
        return dialog.saved

    def cancel(self) -> InvoiceInfo | None:
        invoice = self.current()
        if invoice is None:
            return None
        asked = QMessageBox.question(
            self,
            self.tr("Cancel invoice"),
            self.tr(
                "Cancel %1? A cancellation invoice with the next number is issued; %1 keeps its number."
            ).replace("%1", invoice.number or ""),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return None
        storno = self._try(lambda: self._services.invoices.cancel(invoice.id, invoice.version))
        self.reload()
        return storno

    def save_einvoice(self, path: str | None = None, chosen: str = XML_FILTER) -> None:
        invoice = self.current()
        if invoice is not None:
            self.files.save_einvoice(invoice, path, chosen)

    def open_document(self) -> None:
        invoice = self.current()
        if invoice is not None:
            self.files.open_document(invoice)

    def remind(self, fee: Decimal | None = None) -> None:
        invoice = self.current()
        if invoice is not None:
            self.files.remind(invoice, fee)

    def export(self, path: str | None = None) -> Path | None:
        shown = [self.tree.topLevelItem(n).data(0, InvoiceRole) for n in range(self.tree.topLevelItemCount())]
        return self.files.export(shown, path)

    def _reminders(self, invoice: InvoiceInfo) -> str:
        if not invoice.dunning_level:
            return ""
        text = self.tr("Level %1").replace("%1", str(invoice.dunning_level))
        return f"{text} · {short_date(invoice.reminded_on)}" if invoice.reminded_on else text
