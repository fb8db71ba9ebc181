"""Quotes: every quote the person may see (filtered by state, expiring soon first when asked) or a
deal's own (its Quotes tab: a new quote from the deal, a revision, sent, accepted — optionally onto
the deal's products and amount —, declined, invoiced)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.lines_dialog import LinesDialog
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.core.events import DomainEvent
from app.services.invoices.quotes import QuoteInfo
from app.ui.formatting import money, short_date
from app.ui.i18n import error_text
from app.views.invoices.invoice_files import InvoiceFiles

QuoteRole = Qt.ItemDataRole.UserRole + 1
SOON_DAYS = 7


def quote_states() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("QuotesView", "Draft"),
        "sent": QCoreApplication.translate("QuotesView", "Sent"),
        "accepted": QCoreApplication.translate("QuotesView", "Accepted"),
        "declined": QCoreApplication.translate("QuotesView", "Declined"),
        "expired": QCoreApplication.translate("QuotesView", "Expired"),
    }


class QuotesView(QWidget):
    open_deal_requested = Signal(int)
    message = Signal(str)
    invoiced = Signal(int)  # an invoice was made from a quote (its id)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, deal_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quotes" if deal_id is None else "dealQuotes")
        self._services = services
        self._deal_id = deal_id
        self._shown_once = False
        self.show_what = QComboBox()
        self.show_what.setObjectName("quoteFilter")
        for key, label in (
            ("", self.tr("All quotes")),
            ("open", self.tr("Open (draft or sent)")),
            ("soon", self.tr("Expiring within a week")),
            ("accepted", self.tr("Accepted")),
        ):
            self.show_what.addItem(label, key)
        self.new_button = QPushButton(self.tr("+ Quote"))
        self.new_button.setObjectName("newQuote")
        self.revise_button = QPushButton(self.tr("Revise"))
        self.sent_button = QPushButton(self.tr("Sent"))
        self.accept_button = QPushButton(self.tr("Accepted…"))
        self.accept_button.setObjectName("acceptQuote")
        self.decline_button = QPushButton(self.tr("Declined"))
        self.invoice_button = QPushButton(self.tr("Invoice it"))
        self.invoice_button.setObjectName("invoiceQuote")
        self.lines_button = QPushButton(self.tr("Edit lines…"))
        self.lines_button.setObjectName("quoteLines")
        self.document_button = QPushButton(self.tr("Document"))
        self.document_button.setObjectName("quoteDocument")
        self.document_button.setToolTip(self.tr("Open the quote's document (as its lines are now)"))
        self.files = InvoiceFiles(services, self)
        bar = QHBoxLayout()
        bar.addWidget(self.show_what)
        bar.addStretch(1)
        for button in (
            self.new_button,
            self.revise_button,
            self.sent_button,
            self.accept_button,
            self.decline_button,
            self.invoice_button,
            self.lines_button,
            self.document_button,
        ):
            bar.addWidget(button)
        if deal_id is None:
            self.new_button.hide()
        else:
            self.show_what.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("quoteList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Customer"),
                self.tr("Date"),
                self.tr("Valid until"),
                self.tr("Total"),
                self.tr("State"),
            ]
        )
        for column in range(6):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No quotes yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self.show_what.currentIndexChanged.connect(self.reload)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        self.tree.itemActivated.connect(self._activated)
        self.new_button.clicked.connect(self.new_quote)
        self.revise_button.clicked.connect(
            lambda: self._act(lambda q: self._services.quotes.revise(q.id, q.version))
        )
        self.sent_button.clicked.connect(
            lambda: self._act(lambda q: self._services.quotes.set_state(q.id, q.version, "sent"))
        )
        self.decline_button.clicked.connect(
            lambda: self._act(lambda q: self._services.quotes.set_state(q.id, q.version, "declined"))
        )
        self.accept_button.clicked.connect(self.accept)
        self.invoice_button.clicked.connect(self.invoice)
        self.document_button.clicked.connect(self.open_document)
        self.lines_button.clicked.connect(lambda: self.edit_lines())
        self._enable()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def on_changed(self, event: DomainEvent) -> None:
        if self._shown_once and event.entity in ("quote", "*"):
            self.reload()

    def reload(self) -> None:
        today = date.today()  # noqa: DTZ011
        wanted = self.show_what.currentData() or ""
        quotes = self._services.quotes.list(
            deal_id=self._deal_id, show=wanted, today=today, soon_days=SOON_DAYS
        )
        names = quote_states()
        chosen = self.current()
        self.tree.clear()
        for quote in quotes:
            status = quote.status(today)
            item = QTreeWidgetItem(
                [
                    quote.label,
                    quote.buyer_name,
                    short_date(quote.issue_date),
                    short_date(quote.valid_until) if quote.valid_until else "",
                    money(quote.gross, quote.currency),
                    names.get(status, status),
                ]
            )
            item.setData(0, QuoteRole, quote)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            color = {"accepted": "#1e7b34", "declined": "#8a939e", "expired": "#b3261e"}.get(status)
            if color:
                item.setForeground(5, QBrush(QColor(color)))
            self.tree.addTopLevelItem(item)
            if chosen is not None and chosen.id == quote.id:
                self.tree.setCurrentItem(item)
        self.tree.setVisible(bool(quotes))
        self.empty.setVisible(not quotes)
        self._enable()

    def current(self) -> QuoteInfo | None:
        item = self.tree.currentItem()
        return item.data(0, QuoteRole) if item is not None else None

    def select(self, quote_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, QuoteRole).id == quote_id:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))

    def _enable(self) -> None:
        quote = self.current()
        open_ = quote is not None and quote.state in ("draft", "sent")
        for button in (self.sent_button, self.accept_button, self.decline_button):
            button.setEnabled(open_)
        self.revise_button.setEnabled(quote is not None and quote.state != "accepted")
        self.invoice_button.setEnabled(quote is not None and quote.state == "accepted")
        self.document_button.setEnabled(quote is not None)
        self.lines_button.setEnabled(open_)

    def edit_lines(self) -> QuoteInfo | None:
        quote = self.current()
        if quote is None:
            return None
        full = self._services.quotes.get(quote.id)
        quotes = self._services.quotes
        dialog = LinesDialog(
            self.tr("Lines of %1").replace("%1", full.label),
            full.currency,
            full.lines,
            lambda lines: quotes.update_lines(full.id, full.version, lines),
            self,
        )
        if not dialog.exec():
            return None
        self.reload()
        self.select(quote.id)
        return dialog.saved

    def open_document(self) -> None:
        quote = self.current()
        if quote is not None:
            self.files.open_quote_document(quote.id)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        quote = item.data(0, QuoteRole)
        if quote is not None and quote.deal_id is not None and self._deal_id is None:
            self.open_deal_requested.emit(quote.deal_id)

    def _act(self, work: Any) -> Any:
        quote = self.current()
        if quote is None:
            return None
        try:
            done = work(quote)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Quotes"), error_text(exc))
            return None
        self.reload()
        if isinstance(done, QuoteInfo):
            self.select(done.id)
        return done

    def new_quote(self) -> QuoteInfo | None:
        if self._deal_id is None:
            return None
        try:
            made = self._services.quotes.create_from_deal(self._deal_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Quotes"), error_text(exc))
            return None
        self.reload()
        self.select(made.id)
        return made

    def accept(self) -> QuoteInfo | None:
        quote = self.current()
        if quote is None:
            return None
        asked = QMessageBox.question(
            self,
            self.tr("Quote accepted"),
            self.tr("Put the quote's lines on the deal (its products and amount)?"),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if asked == QMessageBox.StandardButton.Cancel:
            return None
        update = asked == QMessageBox.StandardButton.Yes
        return self._act(lambda q: self._services.quotes.accept(q.id, q.version, update_deal=update))

    def invoice(self) -> Any:
        made = self._act(lambda q: self._services.quotes.invoice(q.id))
        if made is not None:
            self.message.emit(self.tr("A draft invoice was made from the quote."))
            self.invoiced.emit(made.id)
        return made
