"""The Word documents of quotes, invoices and payment reminders: rendered from the office's templates
of that kind (or the ones Dealdesk ships) with what the record says — its number, lines, totals, dates
and, on an invoice in euros, a SEPA payment code (GiroCode, EPC069-12) — and kept with the record as
it went out. A template sees everything a deal's document sees (deal, contact, custom fields …) plus
`invoice`, `quote` or `reminder`; `rows`, `totals`, `document` and `company` are the record's own."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AppSetting,
    BillingDocument,
    Deal,
    DocumentTemplate,
    Invoice,
    Quote,
)
from app.services.access.rights import Action
from app.services.access.scope import require_deal
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import NotFoundError, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.iban import format_iban, iban_problem
from app.services.documents import formatting as fmt
from app.services.documents.office import read_my_company
from app.services.documents.render_context import deal_context
from app.services.documents.worker import render
from app.services.invoices.lines import invoice_lines, quote_lines
from app.services.invoices.money import Line, line_net, sums
from app.services.setup.defaults import shipped_templates


@dataclass(frozen=True, slots=True)
class Template:
    content: bytes
    language: str


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a record's document is rendered from, read before the write that numbers the record."""

    template: Template
    base: dict[str, Any]


def prepare(ctx: ServiceContext, kind: str, deal_id: int | None) -> Prepared:
    with ctx.read() as session:
        template = choose_template(session, kind)
    return Prepared(template, deal_part(ctx, deal_id, template.language))


def render_and_keep(
    uow: UnitOfWork, owner: Invoice | Quote, prepared: Prepared, reminder: dict[str, Any] | None = None
) -> BillingDocument:
    """Render the record's document in the write that changes it (a template that fails raises a
    ValidationError: the write rolls back, nothing is half done) and keep it with the record."""
    language = prepared.template.language
    if isinstance(owner, Invoice):
        context = invoice_context(uow.session, owner, prepared.base, language)
    else:
        context = quote_context(uow.session, owner, prepared.base, language)
    kind = "quote" if isinstance(owner, Quote) else "invoice"
    if reminder is not None:
        context["reminder"] = reminder
        context["_girocode"] = ""
        kind = "reminder"
    content = render(prepared.template.content, context, language=language)
    return keep(uow.session, owner, kind, content, uow.actor_id, int(reminder["level"]) if reminder else 0)


def choose_template(session: Session, kind: str) -> Template:
    """The office's template of this kind in the office's language (else in any language), else the
    one Dealdesk ships."""
    stored = session.get(AppSetting, "language")
    language = stored.value if stored else "en"
    found = session.execute(
        select(DocumentTemplate.content, DocumentTemplate.language)
        .where(DocumentTemplate.kind == kind)
        .order_by((DocumentTemplate.language == language).desc(), DocumentTemplate.id)
        .limit(1)
    ).first()
    if found is not None:
        return Template(bytes(found[0]), found[1])
    shipped = {(k, lang): path for _name, k, lang, path in shipped_templates()}
    path = shipped.get((kind, language)) or shipped.get((kind, "en"))
    if path is None:  # a broken installation: say which file is missing
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no template for '{kind}'."), kind=kind)
    return Template(path.read_bytes(), language if (kind, language) in shipped else "en")


def deal_part(ctx: ServiceContext, deal_id: int | None, language: str) -> dict[str, Any]:
    """What the record's deal adds to its document (empty when the deal is gone or not readable)."""
    if deal_id is None:
        return {"deal": {}, "custom": {}, "company": {}, "contact": {}, "responsible": {}, "my_company": {}}
    try:
        return deal_context(ctx, deal_id, language)
    except (NotFoundError, PermissionDeniedError):
        return {"deal": {}, "custom": {}, "company": {}, "contact": {}, "responsible": {}, "my_company": {}}


def _rows(lines: list[Line], currency: str, language: str) -> list[dict[str, Any]]:
    out = []
    for position, line in enumerate(lines, start=1):
        net = line_net(line, currency)
        out.append(
            {
                "position": position,
                "name": line.name,
                "quantity": fmt.quantity(line.quantity, language),
                "unit": line.unit,
                "price": fmt.money(line.price, currency, language),
                "discount": fmt.percent(line.discount_percent, language) if line.discount_percent else "",
                "tax_rate": fmt.percent(line.tax_rate, language),
                "net": fmt.money(net, currency, language),
                "total": fmt.money(net, currency, language),
                "tax": "",
                "gross": "",
            }
        )
    return out


def _totals(lines: list[Line], currency: str, language: str) -> dict[str, Any]:
    summed = sums(lines, currency)
    return {
        "net": fmt.money(summed.net, currency, language),
        "tax": fmt.money(summed.tax, currency, language),
        "gross": fmt.money(summed.gross, currency, language),
        "discount": "",
        "taxes": [
            {"rate": fmt.percent(g.rate, language), "amount": fmt.money(g.tax, currency, language)}
            for g in summed.groups
            if g.tax
        ],
    }


def _buyer(base: dict[str, Any], name: str, address: str | None, vat_id: str | None) -> dict[str, Any]:
    company = dict(base.get("company") or {})
    company.update({"title": name, "address": address or "", "vat_id": vat_id or ""})
    return company


def invoice_context(
    session: Session, invoice: Invoice, base: dict[str, Any], language: str
) -> dict[str, Any]:
    """The document's context of an invoice (a draft says "draft" where its number will be)."""
    lines = invoice_lines(session, invoice.id)
    currency = invoice.currency
    office = read_my_company(session)
    open_amount = invoice.gross - invoice.paid
    cancels = session.get(Invoice, invoice.cancels_id) if invoice.cancels_id else None
    girocode = ""
    if invoice.kind != "cancellation" and open_amount > 0 and invoice.number:
        girocode = girocode_png(
            office.get("name", ""),
            office.get("iban", ""),
            office.get("bic", ""),
            currency,
            open_amount,
            invoice.number or "",
        )
    number = invoice.number or ""
    context = dict(base)
    context.update(
        {
            "rows": _rows(lines, currency, language),
            "totals": _totals(lines, currency, language),
            "company": _buyer(base, invoice.buyer_name, invoice.buyer_address, invoice.buyer_vat_id),
            "document": {
                "number": number,
                "date": fmt.day(invoice.issue_date, language),
                "kind": "invoice",
                "title": number,
            },
            "invoice": {
                "number": number,
                "kind": invoice.kind,
                "date": fmt.day(invoice.issue_date, language),
                "due_date": fmt.day(invoice.due_date, language),
                "payment_days": invoice.payment_days,
                "gross": fmt.money(invoice.gross, currency, language),
                "paid": fmt.money(invoice.paid, currency, language) if invoice.paid else "",
                "open": fmt.money(open_amount, currency, language),
                "cancels": cancels.number if cancels is not None and cancels.number else "",
                "cancels_date": fmt.day(cancels.issue_date, language) if cancels is not None else "",
                "buyer_reference": invoice.buyer_reference or "",
                "iban": format_iban(office.get("iban", "")),
                "bic": office.get("bic", ""),
                "girocode": "",
            },
            "_girocode": girocode,
        }
    )
    return _with_office(context, office)


def quote_context(session: Session, quote: Quote, base: dict[str, Any], language: str) -> dict[str, Any]:
    lines = quote_lines(session, quote.id)
    currency = quote.currency
    number = quote.number if quote.revision == 1 else f"{quote.number} rev. {quote.revision}"
    context = dict(base)
    context.update(
        {
            "rows": _rows(lines, currency, language),
            "totals": _totals(lines, currency, language),
            "company": _buyer(base, quote.buyer_name, quote.buyer_address, None),
            "document": {
                "number": number,
                "date": fmt.day(quote.issue_date, language),
                "kind": "quote",
                "title": number,
            },
            "quote": {
                "number": number,
                "revision": quote.revision,
                "date": fmt.day(quote.issue_date, language),
                "valid_until": fmt.day(quote.valid_until, language),
                "terms": quote.terms or "",
            },
        }
    )
    office = read_my_company(session)
    return _with_office(context, office)


def _with_office(context: dict[str, Any], office: dict[str, str]) -> dict[str, Any]:
    """The office's details as the letterhead's (read in the record's own session), its logo apart."""
    context["my_company"] = {
        **(context.get("my_company") or {}),
        **{k: v for k, v in office.items() if k != "logo"},
    }
    context["_logo"] = office.get("logo") or ""
    return context


def reminder_part(
    invoice: Invoice, level: int, sent_on: date, pay_by: date, fee: Decimal, language: str
) -> dict[str, Any]:
    open_amount = invoice.gross - invoice.paid
    currency = invoice.currency
    return {
        "level": level,
        "date": fmt.day(sent_on, language),
        "pay_by": fmt.day(pay_by, language),
        "fee": fmt.money(fee, currency, language) if fee else "",
        "open": fmt.money(open_amount, currency, language),
        "total": fmt.money(open_amount + fee, currency, language),
        "days_overdue": (sent_on - invoice.due_date).days if invoice.due_date else 0,
    }


def keep(
    session: Session,
    owner: Invoice | Quote,
    kind: str,
    content: bytes,
    actor_id: int | None,
    level: int = 0,
) -> BillingDocument:
    """Store a rendered document with its record (a quote's draft document is replaced)."""
    title = owner.buyer_name or ""
    number = owner.number or "draft"
    if isinstance(owner, Quote) and owner.revision > 1:
        number = f"{number} rev. {owner.revision}"
    suffix = f" reminder {level}" if kind == "reminder" else ""
    document = BillingDocument(
        invoice_id=owner.id if isinstance(owner, Invoice) else None,
        quote_id=owner.id if isinstance(owner, Quote) else None,
        kind=kind,
        level=level,
        file_name=f"{safe_name(number)}{suffix} {safe_name(title)[:60]}".strip() + ".docx",
        content=content,
        created_by_id=actor_id,
    )
    session.add(document)
    session.flush()
    return document


def latest(
    session: Session, *, invoice_id: int | None = None, quote_id: int | None = None, kind: str | None = None
) -> BillingDocument | None:
    query = select(BillingDocument).order_by(BillingDocument.id.desc()).limit(1)
    if invoice_id is not None:
        query = query.where(BillingDocument.invoice_id == invoice_id)
    if quote_id is not None:
        query = query.where(BillingDocument.quote_id == quote_id)
    if kind is not None:
        query = query.where(BillingDocument.kind == kind)
    return session.scalar(query)


def readable_deal(session: Session, actor_id: int | None, deal_id: int | None) -> None:
    if deal_id is not None:
        deal = session.get(Deal, deal_id)
        if deal is not None:
            require_deal(session, actor_id, deal, Action.READ)


# -- payment code and IBAN -------------------------------------------------------------------------------


def girocode_png(name: str, iban: str, bic: str, currency: str, amount: Decimal, reference: str) -> str:
    """A GiroCode (EPC QR code) to pay `amount` to the office's account, as base64 PNG; empty unless the
    invoice is in euros and the office's IBAN is a real one (a wrong code is worse than none)."""
    from segno import helpers

    plain_iban = "".join(iban.split()).upper()
    if currency != "EUR" or not name or not plain_iban or iban_problem(plain_iban) is not None:
        return ""
    if not Decimal("0.01") <= amount <= Decimal("999999999.99"):
        return ""
    code = helpers.make_epc_qr(
        name=name[:70],
        iban=plain_iban,
        amount=amount,
        text=re.sub(r"\s+", " ", reference)[:140] or None,
        bic="".join(bic.split()).upper() or None,
    )
    out = io.BytesIO()
    code.save(out, kind="png", scale=6, border=4)
    return base64.b64encode(out.getvalue()).decode()


def safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip()
