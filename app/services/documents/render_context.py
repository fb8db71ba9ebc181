"""What a template sees of a deal: its fields, customer, products and totals, the office's details,
with amounts and dates written in the template's language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.models import CustomFieldDefinition, EntityType, User
from app.services.core.context import ServiceContext
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.customers.service import CompanyService, ContactService
from app.services.deals.form import DealFormService
from app.services.deals.pricing import line_totals, totals
from app.services.documents import formatting as fmt
from app.services.documents.office import DocumentSettingsService
from app.services.fields.custom_fields import field_info
from app.services.fields.field_rules import field_access

CONTEXT_NAMES = (
    "deal",
    "custom",
    "company",
    "contact",
    "responsible",
    "rows",
    "totals",
    "document",
    "my_company",
    "invoice",  # filled when the document is an invoice's, a quote's or a payment reminder's
    "quote",
    "reminder",
)


def deal_context(ctx: ServiceContext, deal_id: int, language: str) -> dict[str, Any]:
    """Everything a template may use, with amounts and dates written in its language."""
    form = DealFormService(ctx).load(deal_id)
    deal = form.deal
    currency = deal.currency
    with ctx.read() as session:
        definitions = session.scalars(
            select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.DEAL)
        ).all()
        fields = {d.id: field_info(d) for d in definitions}
        hidden, _read_only = field_access(session, EntityType.DEAL, ctx.actor_id)
        responsible = session.get(User, deal.responsible_id) if deal.responsible_id else None
        responsible_values = {
            "name": responsible.name if responsible else "",
            "email": (responsible.email or "") if responsible else "",
        }
    company: dict[str, Any] = {}
    if deal.company_id and "company_id" not in hidden:
        c = CompanyService(ctx).get(deal.company_id)
        company = {
            k: getattr(c, k) or ""
            for k in ("title", "industry", "phone", "email", "website", "address", "vat_id", "leitweg_id")
        }
    contact: dict[str, Any] = {}
    if form.contacts and "contact_ids" not in hidden:
        p = ContactService(ctx).get(form.contacts[0].id)
        contact = {
            "name": p.full_name,
            **{
                k: getattr(p, k) or ""
                for k in ("first_name", "last_name", "position", "phone", "email", "address")
            },
        }
    lines = list(form.products)
    summed = totals(lines, currency)
    rows = []
    for position, line in enumerate(lines, start=1):
        computed = line_totals(line, currency)
        rows.append(
            {
                "position": position,
                "name": line.name,
                "quantity": fmt.quantity(line.quantity, language),
                "unit": line.unit,
                "price": fmt.money(line.price, currency, language),
                "discount": (
                    fmt.percent(line.discount, language)
                    if line.discount and line.discount_type.value == "percent"
                    else fmt.money(line.discount, currency, language)
                    if line.discount
                    else ""
                ),
                "tax_rate": fmt.percent(line.tax_rate, language),
                "net": fmt.money(computed.net, currency, language),
                "tax": fmt.money(computed.tax, currency, language),
                "total": fmt.money(computed.net, currency, language),
                "gross": fmt.money(computed.gross, currency, language),
            }
        )
    custom = {}
    for field_id, value in form.custom.items():
        info = fields.get(field_id)
        if info is not None and f"uf:{info.code}" not in hidden:
            custom[info.code] = _custom_text(info, value, language)
    office = DocumentSettingsService(ctx).my_company()
    my_company: dict[str, Any] = {k: v for k, v in office.items() if k != "logo"}
    source = DEAL_SOURCES.get(deal.source or "")
    context: dict[str, Any] = {
        "deal": {
            "id": deal.id,
            "title": deal.title,
            "amount": fmt.money(deal.amount, currency, language),
            "currency": currency,
            "stage": deal.stage_name,
            "pipeline": deal.pipeline_name,
            "begin_date": fmt.day(deal.begin_date, language),
            "close_date": fmt.day(deal.close_date, language),
            "probability": fmt.percent(Decimal(deal.probability), language)
            if deal.probability is not None
            else "",
            "source": source.template if source else (deal.source or ""),
            "comments": deal.comments or "",
            "responsible": responsible_values["name"],
        },
        "custom": custom,
        "company": company,
        "contact": contact,
        "responsible": responsible_values,
        "rows": rows,
        "totals": {
            "net": fmt.money(summed.net, currency, language),
            "tax": fmt.money(summed.tax, currency, language),
            "gross": fmt.money(summed.gross if lines else deal.amount, currency, language),
            "discount": fmt.money(summed.discount, currency, language),
            "taxes": [
                {"rate": fmt.percent(rate, language), "amount": fmt.money(amount, currency, language)}
                for rate, amount in sorted(summed.tax_by_rate.items())
                if amount
            ],
        },
        "document": {},
        "my_company": my_company,
        "invoice": {},
        "quote": {},
        "reminder": {},
        "_logo": office.get("logo") or "",
    }
    # Fields the person may not see are not in their documents either (blank, never the value).
    for field in hidden:
        key = _DEAL_KEYS.get(field, field)
        if key in context["deal"]:
            context["deal"][key] = ""
        if field == "responsible_id":
            context["responsible"] = {"name": "", "email": ""}
        if field == "amount":
            context["totals"] = {k: ([] if k == "taxes" else "") for k in context["totals"]}
    return context


# The template's key of a deal field, where the names differ.
_DEAL_KEYS = {"responsible_id": "responsible", "pipeline_id": "pipeline"}


def _custom_text(info: Any, value: Any, language: str) -> str:
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        if item is None:
            continue
        if info.options:
            out.append(info.option_label(item) or str(item))
        elif isinstance(item, (date, datetime)):
            out.append(fmt.day(item, language))
        elif isinstance(item, bool):
            out.append(("ja" if item else "nein") if language == "de" else ("yes" if item else "no"))
        elif isinstance(item, Decimal):
            out.append(fmt.number(item, language))
        else:
            out.append(str(item))
    return ", ".join(out)
