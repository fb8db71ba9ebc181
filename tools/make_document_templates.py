"""Writes the document templates Dealdesk ships (resources/templates): a quote and an invoice, in
English and German, as Word files with docxtpl placeholders. Run it after changing their layout:

    python -m tools.make_document_templates
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

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
    },
    "de": {
        "quote": "Angebot",
        "invoice": "Rechnung",
        "number": "Nummer",
        "date": "Datum",
        "for": "Für",
        "dear": "Sehr geehrte Damen und Herren{{ ', ' ~ contact.name if contact.name else '' }},",
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
    },
}


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
    title = doc.add_paragraph()
    run = title.add_run(f"{w[kind]} {{{{ document.number }}}}")
    run.bold = True
    run.font.size = Pt(16)
    meta = doc.add_paragraph()
    meta.add_run(f"{w['date']}: {{{{ document.date }}}}\n{w['for']}: {{{{ deal.title }}}}")
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
    for cell, text in zip(loop_row.cells, values, strict=True):
        cell.text = text
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
        doc.add_paragraph(w["valid"])
    doc.add_paragraph(w["terms"])
    doc.add_paragraph(f"{w['regards']}\n{{{{ responsible.name }}}}\n{{{{ my_company.name }}}}")
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
    for kind in ("quote", "invoice"):
        for language in ("en", "de"):
            print(build(kind, language))


if __name__ == "__main__":
    main()
