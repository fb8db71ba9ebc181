"""Writes the document templates Dealdesk ships (resources/templates): a quote, an invoice and a
payment reminder, in English and German, as Word files with docxtpl placeholders. Run it after
changing their layout:

    python -m tools.make_document_templates
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parents[1] / "resources" / "templates"

WORDS = {
    "en": {
        "quote": "Quote",
        "invoice": "Invoice",
        "number": "Number",
        "date": "Date",
        "for": "For",
        "dear": "Dear {{ contact.name or 'Sir or Madam' }},",
        "quote_intro": "thank you for your interest. We are pleased to offer you:",
        "invoice_intro": "for our services we invoice you as follows:",
        "pos": "Pos.",
        "item": "Item",
        "qty": "Qty",
        "unit": "Unit",
        "price": "Unit price",
        "discount": "Discount",
        "total": "Total",
        "net": "Net total",
        "tax": "VAT {{ t.rate }}",
        "gross": "Total due",
        "valid": "This quote is valid until {{ deal.close_date or 'further notice' }}.",
        "terms": "Payment terms: "
        "{{ my_company.payment_terms or 'payable within 14 days without deduction' }}.",
        "regards": "Kind regards",
        "tax_id": "Tax ID",
        "bank": "Bank",
        "invoice_title": "{% if invoice.kind == 'cancellation' %}Cancellation invoice"
        "{% elif invoice.kind == 'down_payment' %}Down-payment invoice"
        "{% elif invoice.kind == 'final' %}Final invoice{% else %}Invoice{% endif %}",
        "due": "{% if invoice.due_date %}\nPayable by: {{ invoice.due_date }}{% endif %}"
        "{% if invoice.cancels %}\nCancels invoice {{ invoice.cancels }} of {{ invoice.cancels_date }}"
        "{% endif %}{% if company.vat_id %}\nYour VAT ID: {{ company.vat_id }}{% endif %}"
        "{% if invoice.buyer_reference %}\nYour reference: {{ invoice.buyer_reference }}{% endif %}",
        "pay": "{% if invoice.due_date and not invoice.cancels %}Please transfer {{ invoice.open }} by "
        "{{ invoice.due_date }} to IBAN {{ invoice.iban }}{% if invoice.bic %} (BIC {{ invoice.bic }})"
        "{% endif %}, quoting {{ invoice.number }}.{% else %}{{ '' }}{% endif %}",
        "scan": "Scan with your banking app to pay:",
        "paid": "Paid so far",
        "open": "Open",
        "valid_quote": "{% if quote.valid_until %}This quote is valid until {{ quote.valid_until }}."
        "{% else %}This quote is valid until {{ deal.close_date or 'further notice' }}.{% endif %}"
        "{% if quote.terms %}\n{{ quote.terms }}{% endif %}",
        "reminder_title": "{% if reminder.level == 1 %}Payment reminder{% elif reminder.level == 2 %}"
        "Second reminder{% else %}Final reminder{% endif %}",
        "reminder_text": "according to our records, invoice {{ invoice.number }} of {{ invoice.date }} "
        "over {{ invoice.gross }} was due on {{ invoice.due_date }} and is still open"
        "{% if invoice.paid %} ({{ invoice.paid }} received){% endif %}. "
        "{% if reminder.level == 1 %}Perhaps it was simply overlooked. {% endif %}"
        "Please transfer {{ reminder.total }} by {{ reminder.pay_by }} to IBAN {{ invoice.iban }}, "
        "quoting {{ invoice.number }}.",
        "open_amount": "Open amount",
        "fee": "Reminder fee",
        "total_due": "Now due",
        "ignore": "If you have paid in the meantime, please disregard this letter.",
    },
    "de": {
        "quote": "Angebot",
        "invoice": "Rechnung",
        "number": "Nummer",
        "date": "Datum",
        "for": "Für",
        "dear": "{% if contact.name %}Guten Tag {{ contact.name }},{% else %}Sehr geehrte Damen und Herren,"
        "{% endif %}",
        "quote_intro": "vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen an:",
        "invoice_intro": "für unsere Leistungen stellen wir Ihnen in Rechnung:",
        "pos": "Pos.",
        "item": "Bezeichnung",
        "qty": "Menge",
        "unit": "Einheit",
        "price": "Einzelpreis",
        "discount": "Rabatt",
        "total": "Gesamt",
        "net": "Summe netto",
        "tax": "MwSt. {{ t.rate }}",
        "gross": "Gesamtbetrag",
        "valid": "Dieses Angebot gilt bis {{ deal.close_date or 'auf Widerruf' }}.",
        "terms": "Zahlungsbedingungen: "
        "{{ my_company.payment_terms or 'zahlbar innerhalb von 14 Tagen ohne Abzug' }}.",
        "regards": "Mit freundlichen Grüßen",
        "tax_id": "USt-IdNr.",
        "bank": "Bank",
        "invoice_title": "{% if invoice.kind == 'cancellation' %}Stornorechnung"
        "{% elif invoice.kind == 'down_payment' %}Anzahlungsrechnung"
        "{% elif invoice.kind == 'final' %}Schlussrechnung{% else %}Rechnung{% endif %}",
        "due": "{% if invoice.due_date %}\nZahlbar bis: {{ invoice.due_date }}{% endif %}"
        "{% if invoice.cancels %}\nStorniert Rechnung {{ invoice.cancels }} vom {{ invoice.cancels_date }}"
        "{% endif %}{% if company.vat_id %}\nIhre USt-IdNr.: {{ company.vat_id }}{% endif %}"
        "{% if invoice.buyer_reference %}\nIhre Leitweg-ID: {{ invoice.buyer_reference }}{% endif %}",
        "pay": "{% if invoice.due_date and not invoice.cancels %}Bitte überweisen Sie {{ invoice.open }} bis "
        "{{ invoice.due_date }} auf IBAN {{ invoice.iban }}{% if invoice.bic %} (BIC {{ invoice.bic }})"
        "{% endif %} unter Angabe von {{ invoice.number }}.{% else %}{{ '' }}{% endif %}",
        "scan": "Mit der Banking-App scannen und bezahlen:",
        "paid": "Bereits bezahlt",
        "open": "Offen",
        "valid_quote": "{% if quote.valid_until %}Dieses Angebot gilt bis {{ quote.valid_until }}."
        "{% else %}Dieses Angebot gilt bis {{ deal.close_date or 'auf Widerruf' }}.{% endif %}"
        "{% if quote.terms %}\n{{ quote.terms }}{% endif %}",
        "reminder_title": "{% if reminder.level == 1 %}Zahlungserinnerung{% elif reminder.level == 2 %}"
        "1. Mahnung{% else %}Letzte Mahnung{% endif %}",
        "reminder_text": "laut unserer Buchhaltung ist die Rechnung {{ invoice.number }} vom "
        "{{ invoice.date }} über {{ invoice.gross }} seit dem {{ invoice.due_date }} fällig und noch offen"
        "{% if invoice.paid %} ({{ invoice.paid }} erhalten){% endif %}. "
        "{% if reminder.level == 1 %}Sicher haben Sie sie nur übersehen. {% endif %}"
        "Bitte überweisen Sie {{ reminder.total }} bis zum {{ reminder.pay_by }} auf IBAN "
        "{{ invoice.iban }} unter Angabe von {{ invoice.number }}.",
        "open_amount": "Offener Betrag",
        "fee": "Mahngebühr",
        "total_due": "Jetzt fällig",
        "ignore": "Sollten Sie inzwischen bezahlt haben, "
        "betrachten Sie dieses Schreiben bitte als gegenstandslos.",
    },
}


COLUMN_CM = {"en": (1.3, 3.8, 1.3, 1.3, 2.4, 2.4, 2.5), "de": (1.3, 3.1, 1.8, 1.9, 2.6, 1.8, 2.5)}


def build(kind: str, language: str) -> Path:
    w = WORDS[language]
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    head = doc.add_paragraph()
    head.add_run("{{ my_company.logo }}")
    letterhead = doc.add_paragraph()
    letterhead.add_run("{{ my_company.name }}").bold = True
    letterhead.add_run("\n{{ my_company.address }}")
    letterhead.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    address = doc.add_paragraph()
    address.add_run("{{ company.title }}\n{{ contact.name }}\n{{ company.address }}")
    if kind == "reminder":
        return _reminder(doc, w, language)
    title = doc.add_paragraph()
    heading = w["invoice_title"] if kind == "invoice" else w[kind]
    run = title.add_run(f"{heading} {{{{ document.number }}}}")
    run.bold = True
    run.font.size = Pt(16)
    meta = doc.add_paragraph()
    meta.add_run(f"{w['date']}: {{{{ document.date }}}}\n{w['for']}: {{{{ deal.title }}}}")
    if kind == "invoice":
        meta.add_run(w["due"])
    doc.add_paragraph(w["dear"])
    doc.add_paragraph(w["quote_intro"] if kind == "quote" else w["invoice_intro"])
    headers = [w["pos"], w["item"], w["qty"], w["unit"], w["price"], w["discount"], w["total"]]
    table = doc.add_table(rows=3, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for paragraph in cell.paragraphs:
            for r in paragraph.runs:
                r.bold = True
    table.autofit = False
    # The item wide, the numbers and the headings (bold, in the template's language) on one line.
    widths = [Cm(x) for x in COLUMN_CM[language]]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # the cells Word reads
    # docxtpl repeats the row between {%tr for %} and {%tr endfor %} once per product row.
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    values = [
        "{{ row.position }}",
        "{{ row.name }}",
        "{{ row.quantity }}",
        "{{ row.unit }}",
        "{{ row.price }}",
        "{{ row.discount }}",
        "{{ row.total }}",
    ]
    loop_row = table.add_row()
    for cell, text, width in zip(loop_row.cells, values, widths, strict=True):
        cell.text = text
        cell.width = width
    table.rows[2].cells[0].text = "{%tr endfor %}"
    # order: header, {%tr for %}, values, {%tr endfor %}
    table._tbl.remove(loop_row._tr)
    table.rows[1]._tr.addnext(loop_row._tr)
    sums = doc.add_paragraph()
    sums.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sums.add_run(f"{w['net']}: {{{{ totals.net }}}}\n")
    sums.add_run("{% for t in totals.taxes %}" + w["tax"] + ": {{ t.amount }}\n{% endfor %}")
    total = sums.add_run(f"{w['gross']}: {{{{ totals.gross }}}}")
    total.bold = True
    if kind == "quote":
        doc.add_paragraph(w["valid_quote"])
        doc.add_paragraph(w["terms"])
    else:
        sums.add_run(
            f"{{% if invoice.paid %}}\n{w['paid']}: {{{{ invoice.paid }}}}"
            f"\n{w['open']}: {{{{ invoice.open }}}}{{% endif %}}"
        )
        doc.add_paragraph("{% if invoice.number %}" + w["pay"] + "{% else %}" + w["terms"] + "{% endif %}")
        # docxtpl's paragraph tags: the whole block is left out when there is no payment code.
        doc.add_paragraph("{%p if invoice.girocode %}")
        doc.add_paragraph(w["scan"])
        doc.add_paragraph("{{ invoice.girocode }}")
        doc.add_paragraph("{%p endif %}")
    doc.add_paragraph(f"{w['regards']}\n{{{{ responsible.name }}}}\n{{{{ my_company.name }}}}")
    return _finish(doc, w, kind, language)


def _reminder(doc: Document, w: dict[str, str], language: str) -> Path:  # type: ignore[valid-type]
    title = doc.add_paragraph()
    run = title.add_run(w["reminder_title"])
    run.bold = True
    run.font.size = Pt(16)
    meta = doc.add_paragraph()
    meta.add_run(f"{w['date']}: {{{{ reminder.date }}}}\n{w['invoice']}: {{{{ invoice.number }}}}")
    doc.add_paragraph(w["dear"])
    doc.add_paragraph(w["reminder_text"])
    sums = doc.add_paragraph()
    sums.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sums.add_run(f"{w['open_amount']}: {{{{ reminder.open }}}}\n")
    sums.add_run(f"{{% if reminder.fee %}}{w['fee']}: {{{{ reminder.fee }}}}\n{{% endif %}}")
    sums.add_run(f"{w['total_due']}: {{{{ reminder.total }}}}").bold = True
    doc.add_paragraph(w["ignore"])
    doc.add_paragraph(f"{w['regards']}\n{{{{ my_company.name }}}}")
    return _finish(doc, w, "reminder", language)


def _finish(doc: Document, w: dict[str, str], kind: str, language: str) -> Path:  # type: ignore[valid-type]
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = (
        f"{{{{ my_company.name }}}} · {w['tax_id']} {{{{ my_company.tax_id }}}} · "
        f"{w['bank']} {{{{ my_company.bank }}}} · {{{{ my_company.email }}}}"
    )
    footer.runs[0].font.size = Pt(8)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{kind}_{language}.docx"
    doc.save(path)
    return path


def main() -> None:
    for kind in ("quote", "invoice", "reminder"):
        for language in ("en", "de"):
            print(build(kind, language))


if __name__ == "__main__":
    main()
