"""Documents from templates: the shipped ones rendered and read back, safety, numbering, formats."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import pytest
from docx import Document
from docx_templates import store_unchecked, word_file

from app.services.container import Services
from app.services.core.errors import ServiceError, ValidationError
from app.services.deals.pricing import DiscountType, ProductLine
from app.services.documents import formatting as fmt
from app.services.fields.custom_fields import EntityType, FieldType


def _deal(services: Services):
    region = services.custom_fields.create(EntityType.DEAL, "Region", FieldType.LIST, options=["Nord", "Süd"])
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Büro & Küche <neu>", "close_date": date(2026, 12, 31)},
        custom={region.id: region.options[1].id},
        products=[
            ProductLine("Schreibtisch", D("1234.50"), D(2), tax_rate=D(19)),
            ProductLine("Kaffee", D("18.90"), D("1.5"), unit="kg", tax_rate=D(7)),
            ProductLine(
                "Stuhl", D("100.00"), D(3), discount_type=DiscountType.PERCENT, discount=D(10), tax_rate=D(19)
            ),
        ],
        amount_from_products=True,
        new_company="Müller & Söhne GmbH",
        new_contacts=["Anna Müller"],
    )
    return saved.deal


def _text(content: bytes) -> tuple[str, list[list[str]]]:
    document = Document(io.BytesIO(content))
    body = "\n".join(p.text for p in document.paragraphs)
    table = [[c.text for c in row.cells] for row in document.tables[0].rows] if document.tables else []
    return body, table


def test_the_shipped_german_invoice_reads_back_right(services: Services) -> None:
    deal = _deal(services)
    services.document_settings.set_my_company(
        {"name": "Dealdesk Demo GmbH", "tax_id": "DE123456789", "bank": "Sparkasse"}
    )
    assert {t.name for t in services.document_templates.add_shipped_templates()} == {
        "Angebot",
        "Rechnung",
        "Zahlungserinnerung",
    }
    templates = {t.name: t for t in services.document_templates.templates()}
    assert set(templates) == {
        "Quote",
        "Invoice",
        "Payment reminder",
        "Angebot",
        "Rechnung",
        "Zahlungserinnerung",
    }
    made = services.documents.make(deal.id, templates["Rechnung"].id, on=date(2026, 11, 27))
    assert made.number == "INV-2026-0001"
    _name, content = services.documents.content(made.id)
    body, table = _text(content)
    assert "Rechnung INV-2026-0001" in body
    assert "Datum: 27.11.2026" in body
    assert "Für: Büro & Küche <neu>" in body  # & and < kept: autoescape on
    assert "Müller & Söhne GmbH" in body
    assert [row[1] for row in table[1:]] == ["Schreibtisch", "Kaffee", "Stuhl"]  # the rows loop
    assert table[1][2:5] == ["2", "pcs", "1.234,50 €"]
    assert table[2][2] == "1,5"
    assert table[3][5] == "10 %"
    assert table[3][6] == "270,00 €"
    assert "Summe netto: 2.767,35 €" in body  # 2,469.00 + 28.35 + 270.00
    assert "MwSt. 7 %: 1,98 €" in body
    assert "MwSt. 19 %: 520,41 €" in body  # (2,469 + 270) × 19 %
    assert "Gesamtbetrag: 3.289,74 €" in body


def test_the_english_quote_writes_english_numbers_and_dates(services: Services) -> None:
    deal = _deal(services)
    quote = next(t for t in services.document_templates.templates() if t.name == "Quote")
    made = services.documents.make(deal.id, quote.id, on=date(2026, 11, 27))
    body, table = _text(services.documents.content(made.id)[1])
    assert made.number == "QUO-2026-0001"
    assert "Date: 27 Nov 2026" in body
    assert "valid until 31 Dec 2026" in body
    assert table[1][4] == "€1,234.50"
    assert "Total due: €3,289.74" in body


def test_unsafe_and_broken_templates_are_refused_and_nothing_is_kept(services: Services) -> None:
    deal = services.deals.create(title="Safe")
    unsafe = word_file("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(ValidationError, match="reach inside Dealdesk"):  # test-rendered when stored
        services.document_templates.add_template("Bad", "other", unsafe, "bad.docx")
    assert "Bad" not in {t.name for t in services.document_templates.templates()}
    bad = store_unchecked(services, "Bad", unsafe)
    with pytest.raises(ValidationError, match="reach inside Dealdesk"):
        services.documents.make(deal.id, bad)
    assert services.documents.documents(deal.id) == []
    with pytest.raises(ValidationError, match="error near"):
        services.document_templates.add_template(
            "Broken", "other", word_file("Hello {{ deal.title "), "broken.docx"
        )
    with pytest.raises(ValidationError, match="not a Word document"):
        services.document_templates.add_template("Not", "other", b"plain text", "notes.txt")
    used, unknown = services.document_templates.check_template(
        word_file("{{ deal.title }} {{ colour }} {{ rows }}")
    )
    assert used == ["colour", "deal", "rows"]
    assert unknown == ["colour"]


def test_missing_values_render_empty(services: Services) -> None:
    deal = services.deals.create(title="Bare")
    template = services.document_templates.add_template(
        "Letter",
        "other",
        word_file("To {{ company.title }}|{{ contact.name }}|{{ deal.custom_x.y }}|{{ deal.title }}"),
        "letter.docx",
    )
    made = services.documents.make(deal.id, template.id)
    body, _table = _text(services.documents.content(made.id)[1])
    assert body.strip() == "To |||Bare"
    assert made.number.startswith("DOC-")


def test_number_patterns_and_years(services: Services) -> None:
    deal = services.deals.create(title="N")
    template = services.document_templates.add_template(
        "Contract", "contract", word_file("{{ document.number }}"), "c.docx"
    )
    services.document_settings.set_number_pattern("contract", "V{YY}/{NNN}")
    first = services.documents.make(deal.id, template.id, on=date(2026, 3, 1))
    second = services.documents.make(deal.id, template.id, on=date(2026, 3, 2))
    next_year = services.documents.make(deal.id, template.id, on=date(2027, 1, 2))
    assert [first.number, second.number, next_year.number] == ["V26/001", "V26/002", "V27/001"]
    with pytest.raises(ValidationError, match="running number"):
        services.document_settings.set_number_pattern("contract", "NO-NUMBER")


def test_two_processes_never_get_the_same_number(services: Services, tmp_path: Path) -> None:
    deal = services.deals.create(title="Busy office")
    template = services.document_templates.add_template(
        "Invoice", "invoice", word_file("{{ document.number }}"), "i.docx"
    )
    database = services.database.display_name
    script = tmp_path / "make.py"
    script.write_text(
        "import sys\n"
        "from app.services.container import open_services\n"
        "s = open_services(sys.argv[1])\n"
        f"for _ in range(15):\n    s.documents.make({deal.id}, {template.id})\n"
        "s.close()\n"
    )
    workers = [subprocess.Popen([sys.executable, str(script), database]) for _ in range(2)]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    numbers = [d.number for d in services.documents.documents(deal.id)]
    assert len(numbers) == 30
    assert len(set(numbers)) == 30
    assert sorted(numbers)[-1].endswith("0030")


def test_pdf_says_plainly_when_libreoffice_is_missing(services: Services, monkeypatch) -> None:
    deal = services.deals.create(title="P")
    template = services.document_templates.add_template("T", "other", word_file("x"), "t.docx")
    made = services.documents.make(deal.id, template.id)
    monkeypatch.setattr("shutil.which", lambda _name: None)
    with pytest.raises(ServiceError, match="needs LibreOffice"):
        services.documents.make_pdf(made.id)


def test_formats_by_language() -> None:
    assert fmt.money(D("1234.5"), "EUR", "de") == "1.234,50 €"
    assert fmt.money(D("1234.5"), "EUR", "en") == "€1,234.50"
    assert fmt.money(D("-0.5"), "CHF", "en") == "CHF -0.50"
    assert fmt.day(date(2026, 11, 27), "de") == "27.11.2026"
    assert fmt.quantity(D("1.500"), "de") == "1,5"
    assert fmt.percent(D("19.00"), "de") == "19 %"
    assert fmt.number(D("1234567.891"), "en") == "1,234,567.89"


def test_a_new_database_can_make_a_quote_and_an_invoice_in_its_language(tmp_path) -> None:
    from app.services.container import open_services

    for language, names in (
        ("en", {"Quote", "Invoice", "Payment reminder"}),
        ("de", {"Angebot", "Rechnung", "Zahlungserinnerung"}),
    ):
        opened = open_services(str(tmp_path / f"{language}.sqlite"), language=language)
        try:
            templates = opened.document_templates.templates()
            assert {t.name for t in templates} == names
            assert {t.language for t in templates} == {language}
        finally:
            opened.close()


def test_a_field_someone_may_not_see_is_blank_in_their_documents(services: Services) -> None:
    from app.models import EntityType

    services.users.create(login="anna", name="Anna Berg")
    deal = services.deals.create(title="Secret price", amount="4321.00", source="call")
    services.field_rules.set_access(
        EntityType.DEAL, "amount", visible_to=[services.actor.id], editable_by=None
    )
    template = services.document_templates.add_template(
        "Letter",
        "other",
        word_file("{{ deal.title }}|{{ deal.amount }}|{{ totals.gross }}|{{ deal.source }}"),
        "l.docx",
    )
    mine = services.documents.make(deal.id, template.id)
    assert "4,321.00" in _text(services.documents.content(mine.id)[1])[0]
    anna = services.as_user("anna")
    theirs = anna.documents.make(deal.id, template.id)
    body, _table = _text(anna.documents.content(theirs.id)[1])
    assert body.strip() == "Secret price|||Call"


def test_documents_follow_their_deal_and_the_roles_document_levels(services: Services) -> None:
    from app.services.access.rights import RoleRights
    from app.services.core.errors import NotFoundError, PermissionDeniedError

    anna = services.users.create(login="anna", name="Anna Berg")
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    rights = RoleRights.from_json(
        {"entities": {"deal": {"read": "all"}, "document": {"read": "own", "add": "own"}}}
    )
    role = services.roles.create("Sales", rights)
    services.roles.assign(role.id, user_id=anna.id)
    deal = services.deals.create(title="Shared deal")
    template = services.document_templates.add_template(
        "Letter", "other", word_file("{{ deal.title }}"), "l.docx"
    )
    by_admin = services.documents.make(deal.id, template.id)
    as_anna = services.as_user("anna")
    hers = as_anna.documents.make(deal.id, template.id)
    assert [d.id for d in as_anna.documents.documents(deal.id)] == [hers.id]  # not the administrator's
    with pytest.raises(NotFoundError):
        as_anna.documents.content(by_admin.id)
    assert len(services.documents.documents(deal.id)) == 2
    services.roles.update(
        role.id, role.version, rights=RoleRights.from_json({"entities": {"deal": {"read": "all"}}})
    )
    with pytest.raises(PermissionDeniedError, match="make documents"):
        as_anna.documents.make(deal.id, template.id)
