"""What the Invoices list does with files: opens an invoice's Word document, saves the e-invoice
(XRechnung XML, or the ZUGFeRD PDF that LibreOffice makes off the GUI thread), sends the next payment
reminder and opens its letter, exports the list as CSV or Excel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.invoices.dunning import DEFAULT_FEES, LAST_LEVEL, ReminderInfo
from app.services.invoices.service import InvoiceInfo
from app.ui.formatting import money, short_date
from app.ui.i18n import error_text
from app.ui.open_file import open_document
from app.ui.operations import Operation

XML_FILTER = "XRechnung (CII) (*.xml)"
PDF_FILTER = "ZUGFeRD / Factur-X PDF (*.pdf)"


class InvoiceFiles(QObject):
    message = Signal(str)
    reminded = Signal(int)  # the invoice's id

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._running: Operation | None = None
        self.opened: list[Path] = []  # what was handed to the system's viewer (tests look)

    # -- an invoice's document ----------------------------------------------------------------------------

    def open_document(self, invoice: InvoiceInfo) -> None:
        """The invoice's Word document as issued (a draft: a preview) in the system's word processor."""
        files = self._services.billing_files
        self._run(
            self.tr("Making the document…"),
            lambda: files.invoice_file(invoice.id),
            self._open,
        )

    def open_quote_document(self, quote_id: int) -> None:
        files = self._services.billing_files
        self._run(self.tr("Making the document…"), lambda: files.quote_file(quote_id), self._open)

    def save_einvoice(self, invoice: InvoiceInfo, path: str | None = None, chosen: str = XML_FILTER) -> None:
        """XRechnung XML, or the ZUGFeRD PDF (the rendered invoice with the XML inside)."""
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Save e-invoice"),
                str(Path(QDir.homePath()) / f"{invoice.number}.xml"),
                f"{XML_FILTER};;{PDF_FILTER}",
            )
            if not path:
                return
        target = Path(path)
        as_pdf = target.suffix.lower() == ".pdf" or (chosen == PDF_FILTER and target.suffix.lower() != ".xml")
        if as_pdf:
            target = target.with_suffix(".pdf")
        files, invoices = self._services.billing_files, self._services.invoices

        def work() -> bytes:
            if as_pdf:
                return files.invoice_file(invoice.id, pdf=True)[1]
            return invoices.einvoice(invoice.id)

        def done(content: bytes) -> None:
            target.write_bytes(content)
            self.message.emit(self.tr("Saved the e-invoice %1.").replace("%1", str(target)))

        self._run(self.tr("Making the e-invoice…"), work, done)

    # -- dunning ----------------------------------------------------------------------------------------

    def remind(self, invoice: InvoiceInfo, fee: Decimal | None = None) -> None:
        """Ask for the fee, send the invoice's next reminder, open its letter."""
        level = invoice.dunning_level + 1
        if fee is None:
            names = {1: self.tr("Payment reminder"), 2: self.tr("Second reminder")}
            value, ok = QInputDialog.getDouble(
                self._parent,
                self.tr("Payment reminder"),
                self.tr("%1 for invoice %2, open %3.\nReminder fee:")
                .replace("%1", names.get(level, self.tr("Final reminder")))
                .replace("%2", invoice.number or "")
                .replace("%3", money(invoice.open_amount, invoice.currency)),
                float(DEFAULT_FEES.get(level, DEFAULT_FEES[LAST_LEVEL])),
                0,
                10_000,
                2,
            )
            if not ok:
                return
            fee = Decimal(str(value)).quantize(Decimal("0.01"))
        dunning, files = self._services.dunning, self._services.billing_files

        def work() -> tuple[ReminderInfo, tuple[str, bytes]]:
            sent = dunning.remind(invoice.id, invoice.version, fee=fee)
            return sent, files.reminder_file(sent.id)

        def done(result: tuple[ReminderInfo, tuple[str, bytes]]) -> None:
            sent, letter = result
            self.reminded.emit(invoice.id)
            self.message.emit(
                self.tr("Reminder %1 for %2: payment by %3.")
                .replace("%1", str(sent.level))
                .replace("%2", invoice.number or "")
                .replace("%3", short_date(sent.pay_by))
            )
            self._open(letter)

        self._run(self.tr("Writing the reminder…"), work, done)

    # -- the list ---------------------------------------------------------------------------------------

    def export(self, invoices: Sequence[InvoiceInfo], path: str | None = None) -> Path | None:
        from app.services.invoices.export import export_invoices

        if path is None:
            path, _chosen = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Export invoices"),
                str(Path(QDir.homePath()) / f"invoices-{date.today().isoformat()}.xlsx"),  # noqa: DTZ011
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
            )
            if not path:
                return None
        target = Path(path)
        try:
            count = export_invoices(target, invoices)
        except OSError as exc:
            QMessageBox.warning(self._parent, self.tr("Export invoices"), str(exc))
            return None
        self.message.emit(
            self.tr("Exported %1 invoices to %2.").replace("%1", str(count)).replace("%2", str(target))
        )
        return target

    # -- helpers ----------------------------------------------------------------------------------------

    def _run(self, label: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, ServiceError | DatabaseError):
                QMessageBox.warning(self._parent, self.tr("Invoices"), error_text(error))
            else:
                raise error

        self._running = Operation(self._parent, label, lambda _progress: work(), done, failed)
        self._running.start()

    def _open(self, file: tuple[str, bytes]) -> None:
        self.opened.append(open_document(self._parent, *file))
