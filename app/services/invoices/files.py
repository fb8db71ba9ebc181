"""The files of quotes, invoices and payment reminders: the Word document kept with the record, and its
PDF (made once by LibreOffice and kept). An issued invoice's PDF is its ZUGFeRD / Factur-X e-invoice:
a PDF/A-3 of the rendered invoice with the EN 16931 XML embedded (by `factur-x`, which checks the XML
against its schema on the way in)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.models import BillingDocument, Invoice, InvoiceReminder, Quote
from app.services.core.context import ServiceContext
from app.services.core.errors import NotFoundError, ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.documents.pdf import docx_to_pdf
from app.services.documents.worker import render
from app.services.invoices.documents import invoice_context, latest, prepare, render_and_keep
from app.services.invoices.einvoice import einvoice_xml
from app.services.invoices.quotes import MSG_NO_QUOTE, QuoteService
from app.services.invoices.service import MSG_NO_INVOICE, InvoiceService

MSG_NO_REMINDER = QT_TRANSLATE_NOOP("errors", "There is no payment reminder {id} (any more).")
MSG_EMBED = QT_TRANSLATE_NOOP("errors", "The e-invoice could not be put into the PDF: {why}")


class BillingFileService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def invoice_file(self, invoice_id: int, *, pdf: bool = False) -> tuple[str, bytes]:
        """(file name, bytes) of the invoice's document as issued, or its (ZUGFeRD) PDF. A draft gets a
        preview, rendered now and not kept; an invoice issued without one (imported, demo) gets its
        document made and kept now."""
        info = InvoiceService(self._ctx).get(invoice_id)  # may the person read it
        if info.state == "draft":
            prepared = prepare(self._ctx, "invoice", info.deal_id)
            with self._ctx.read() as session:
                invoice = session.get(Invoice, invoice_id)
                if invoice is None:
                    raise NotFoundError(MSG_NO_INVOICE, id=invoice_id)
                context = invoice_context(session, invoice, prepared.base, prepared.template.language)
            content = render(prepared.template.content, context, language=prepared.template.language)
            name = f"draft {info.buyer_name}".strip()[:60] + ".docx"
            return (_pdf_name(name), docx_to_pdf(name, content, pdfa=True)) if pdf else (name, content)
        document_id = self._kept(Invoice, invoice_id, info.deal_id)
        return self._file(document_id, pdf, einvoice_of=invoice_id)

    def quote_file(self, quote_id: int, *, pdf: bool = False) -> tuple[str, bytes]:
        """The quote's document (made now if it has none) or its PDF."""
        info = QuoteService(self._ctx).get(quote_id)
        return self._file(self._kept(Quote, quote_id, info.deal_id), pdf)

    def _kept(self, model: type[Invoice] | type[Quote], record_id: int, deal_id: int | None) -> int:
        """The id of the record's kept document; one made and kept now when it has none (an invoice
        issued before documents were kept, an imported quote)."""
        kind = "invoice" if model is Invoice else "quote"
        with self._ctx.read() as session:
            document = (
                latest(session, invoice_id=record_id, kind=kind)
                if model is Invoice
                else latest(session, quote_id=record_id, kind=kind)
            )
            if document is not None:
                return document.id
        prepared = prepare(self._ctx, kind, deal_id)
        with self._ctx.write() as uow:
            record = (
                uow.session.get(Invoice, record_id) if model is Invoice else uow.session.get(Quote, record_id)
            )
            if record is None:
                raise NotFoundError(MSG_NO_INVOICE if model is Invoice else MSG_NO_QUOTE, id=record_id)
            return render_and_keep(uow, record, prepared).id

    def reminder_file(self, reminder_id: int, *, pdf: bool = False) -> tuple[str, bytes]:
        with self._ctx.read() as session:
            found = session.execute(
                select(InvoiceReminder.invoice_id, InvoiceReminder.document_id).where(
                    InvoiceReminder.id == reminder_id
                )
            ).first()
        if found is None or found[1] is None:
            raise NotFoundError(MSG_NO_REMINDER, id=reminder_id)
        InvoiceService(self._ctx).get(found[0])
        return self._file(found[1], pdf)

    def _file(self, document_id: int, pdf: bool, einvoice_of: int | None = None) -> tuple[str, bytes]:
        with self._ctx.read() as session:
            document = session.get(BillingDocument, document_id)
            if document is None:
                raise NotFoundError(MSG_NO_REMINDER, id=document_id)
            name, content, made = document.file_name, bytes(document.content), document.pdf
        if not pdf:
            return name, content
        if made is None:
            made = docx_to_pdf(name, content, pdfa=True)  # slow (about a second): outside any write
            if einvoice_of is not None:
                made = embed_einvoice(made, einvoice_xml(self._ctx, einvoice_of, xrechnung=False))
            with self._ctx.write() as uow:
                stored = uow.session.get(BillingDocument, document_id)
                if stored is not None:
                    stored.pdf = made
        return _pdf_name(name), bytes(made)


def embed_einvoice(pdf: bytes, xml: bytes) -> bytes:
    """The PDF/A-3 with the Factur-X XML attached as factur-x.xml (profile EN 16931)."""
    from facturx import generate_from_binary

    try:
        return bytes(generate_from_binary(pdf, xml, flavor="factur-x", level="en16931", check_xsd=True))
    except Exception as exc:  # factur-x raises plain Exceptions for a refused XML or PDF
        raise ServiceError(MSG_EMBED, why=str(exc)[:200]) from exc


def _pdf_name(name: str) -> str:
    return str(Path(name).with_suffix(".pdf"))
