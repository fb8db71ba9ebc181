"""E-invoices: an issued invoice as CII XML in the EN 16931 profile (what XRechnung's CII syntax and
ZUGFeRD / Factur-X carry), built with drafthorse and checked against the Factur-X EN 16931 schema it
ships — an invoice the schema refuses is never handed out. Seller from My company (VAT ID, address,
IBAN), buyer from the invoice (name, address, VAT ID, a public client's Leitweg-ID as buyer
reference), lines, the tax per rate, payment terms and means (SEPA transfer to the IBAN)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from app.models import Invoice
from app.services.core.context import ServiceContext
from app.services.core.errors import NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.documents.office import read_my_company
from app.services.invoices.lines import invoice_lines
from app.services.invoices.money import Line, sums

SCHEMA = "FACTUR-X_EN16931"
XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
EN16931 = "urn:cen.eu:en16931:2017"
UNITS = {  # UN/ECE Recommendation 20 codes; German names as a German office writes them
    "pcs": "H87",
    "stk.": "H87",
    "stk": "H87",
    "stück": "H87",
    "h": "HUR",
    "std.": "HUR",
    "stunde": "HUR",
    "tag": "DAY",
    "monat": "MON",
    "hour": "HUR",
    "day": "DAY",
    "month": "MON",
    "kg": "KGM",
    "m": "MTR",
    "m²": "MTK",
    "t": "TNE",
}
TYPE_CODES = {"full": "380", "final": "380", "down_payment": "386", "cancellation": "381"}
MSG_NOT_ISSUED = QT_TRANSLATE_NOOP("errors", "Only an issued invoice can be an e-invoice.")
MSG_SELLER = QT_TRANSLATE_NOOP(
    "errors", "An e-invoice needs the office's name, address and VAT ID (Settings › Documents › My company)."
)
MSG_INVALID = QT_TRANSLATE_NOOP("errors", "The e-invoice did not pass the EN 16931 schema: {why}")


def einvoice_xml(ctx: ServiceContext, invoice_id: int, *, xrechnung: bool = True) -> bytes:
    """The invoice as CII XML (XRechnung's guideline, or plain EN 16931 for ZUGFeRD), schema-checked."""
    from drafthorse.models.accounting import ApplicableTradeTax
    from drafthorse.models.document import Document
    from drafthorse.models.party import TaxRegistration
    from drafthorse.models.payment import PaymentMeans, PaymentTerms
    from drafthorse.models.tradelines import LineItem

    with ctx.read() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no invoice {id} (any more)."), id=invoice_id
            )
        if invoice.state == "draft" or invoice.number is None or invoice.issue_date is None:
            raise ValidationError.single("state", MSG_NOT_ISSUED)
        office = read_my_company(session)
        stored_lines = invoice_lines(session, invoice.id)
        session.expunge(invoice)
    if not office.get("name") or not office.get("address") or not office.get("tax_id"):
        raise ValidationError.single("my_company", MSG_SELLER)
    credit = invoice.kind == "cancellation"  # a credit note: its amounts written positive
    sign = Decimal(-1) if credit else Decimal(1)
    lines = [replace(line, quantity=line.quantity * sign) for line in stored_lines]
    total = sums(lines, invoice.currency)
    doc = Document()
    doc.context.guideline_parameter.id = XRECHNUNG if xrechnung else EN16931
    doc.header.id = invoice.number
    doc.header.type_code = TYPE_CODES.get(invoice.kind, "380")
    doc.header.issue_date_time = invoice.issue_date
    trade = doc.trade
    seller = trade.agreement.seller
    seller.name = office["name"]
    _address(seller.address, office["address"])
    scheme = "VA" if re.match(r"^[A-Z]{2}[0-9A-Z]{2,12}$", office["tax_id"].replace(" ", "")) else "FC"
    seller.tax_registrations.add(TaxRegistration(id=(scheme, office["tax_id"].replace(" ", ""))))
    if office.get("email"):
        seller.electronic_address.uri_ID = ("EM", office["email"])
    buyer = trade.agreement.buyer
    buyer.name = invoice.buyer_name or "-"
    _address(buyer.address, invoice.buyer_address or "")
    if invoice.buyer_vat_id:
        buyer.tax_registrations.add(TaxRegistration(id=("VA", invoice.buyer_vat_id.replace(" ", ""))))
    trade.agreement.buyer_reference = invoice.buyer_reference or invoice.number
    trade.delivery.event.occurrence = invoice.issue_date
    settlement = trade.settlement
    settlement.currency_code = invoice.currency
    means = PaymentMeans()
    means.type_code = "58" if office.get("iban") else "1"  # SEPA credit transfer, else not said
    if office.get("iban"):
        means.payee_account.iban = office["iban"].replace(" ", "")
    settlement.payment_means.add(means)
    if invoice.due_date is not None:
        terms = PaymentTerms()
        terms.description = f"Due {invoice.due_date.isoformat()}"
        terms.due = invoice.due_date
        settlement.terms.add(terms)
    for position, (line, net) in enumerate(zip(lines, total.line_nets, strict=True), start=1):
        item = LineItem()
        item.document.line_id = str(position)
        item.product.name = line.name
        unit = UNITS.get(line.unit.strip().lower(), "C62")
        item.agreement.net.amount = _net_price(line, net)
        item.delivery.billed_quantity = (line.quantity, unit)
        item.settlement.trade_tax.type_code = "VAT"
        item.settlement.trade_tax.category_code = _category(line.tax_rate)
        item.settlement.trade_tax.rate_applicable_percent = line.tax_rate
        item.settlement.monetary_summation.total_amount = net
        trade.items.add(item)
    for group in total.groups:
        tax = ApplicableTradeTax()
        tax.calculated_amount = group.tax
        tax.basis_amount = group.basis
        tax.type_code = "VAT"
        tax.category_code = _category(group.rate)
        if not group.rate:
            tax.exemption_reason = "Not subject to VAT"
        tax.rate_applicable_percent = group.rate
        settlement.trade_tax.add(tax)
    summary = settlement.monetary_summation
    summary.line_total = total.net
    summary.charge_total = Decimal("0.00")
    summary.allowance_total = Decimal("0.00")
    summary.tax_basis_total = total.net
    summary.tax_total = (total.tax, invoice.currency)
    summary.grand_total = total.gross
    summary.prepaid_total = Decimal("0.00") if credit else invoice.paid
    summary.due_amount = total.gross - (Decimal(0) if credit else invoice.paid)
    try:
        return bytes(doc.serialize(schema=SCHEMA))
    except Exception as exc:  # the schema refused it: said, never handed out
        raise ValidationError.single("xml", MSG_INVALID, why=str(exc)[:500]) from exc


def _category(rate: Decimal) -> str:
    return "S" if rate else "Z"


def _net_price(line: Line, net: Decimal) -> Decimal:
    """The net price per unit (BT-146) as the line's net over its quantity."""
    if not line.quantity:
        return Decimal("0.00")
    return (net / line.quantity).quantize(Decimal("0.0001")) if net else Decimal("0.00")


def _address(target: Any, text: str) -> None:
    """A postal address from the lines people type: street, then "12345 City", then a country."""
    parts = [p.strip() for p in text.replace(",", "\n").splitlines() if p.strip()]
    country = "DE"
    if parts and re.fullmatch(r"[A-Z]{2}", parts[-1]):
        country = parts.pop()
    elif parts and parts[-1].lower() in ("deutschland", "germany"):
        parts.pop()
    city_line = next((p for p in reversed(parts) if re.match(r"^\d{4,5}\s+\S", p)), None)
    if city_line is not None:
        postcode, city = city_line.split(None, 1)
        target.postcode = postcode
        target.city_name = city
        parts.remove(city_line)
    if parts:
        target.line_one = parts[0]
    target.country_id = country
