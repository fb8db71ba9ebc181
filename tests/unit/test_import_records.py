"""Importing companies, contacts (also from vCard), leads and products: the deal import's rules —
checked first, all or none, problems grouped, names looked up, existing records refused, skipped or
updated as chosen."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.services.container import Services
from app.services.importing.records import RecordImportRejectedError, RecordOptions

VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Anna;;;\r\nFN:Anna Müller\r\nORG:Krause KG;Einkauf\r\n"
    "TITLE:Einkäuferin\r\nEMAIL;TYPE=INTERNET:anna@krause.de\r\nTEL;TYPE=WORK:+49 30 555\r\n"
    "ADR;TYPE=WORK:;;Hauptstr. 1;Berlin;;10115;Deutschland\r\nNOTE:Ruft gern\\, aber spät an\r\n"
    "  (nach 16 Uhr)\r\nEND:VCARD\r\n"  # folded: the first space of the line only folds it
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=B6hm;J=C3=BCrgen\r\n"
    "ORG:Neue Firma AG\r\nEND:VCARD\r\n"
)


def _table(services: Services, tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return services.deal_import.open(path)


def _count(services: Services, table: str) -> int:
    with services.database.session() as session:
        from sqlalchemy import text

        return session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _options(services: Services, kind: str, table, **more) -> RecordOptions:
    return RecordOptions(mapping=services.record_import.guess(kind, table.header), **more)


def test_companies_are_checked_first_and_existing_ones_are_refused_skipped_or_updated(
    services: Services, tmp_path: Path
) -> None:
    importer = services.record_import
    text = (
        "Firma;Telefon;E-Mail;Branche;Webseite;Nr\nKrause KG;+49 30 123;info@krause.de;Handel;krause.de;K1\n"
    )
    bad = _table(services, tmp_path, "bad.csv", text + "Lindner GmbH;;kontakt@lindner;Bau;;K2\n")
    assert {bad.header[c]: t for c, t in importer.guess("companies", bad.header).items()} == {
        "Firma": "title",
        "Telefon": "phone",
        "E-Mail": "email",
        "Branche": "industry",
        "Webseite": "website",
        "Nr": "external_id",
    }
    with pytest.raises(RecordImportRejectedError, match="Row 3: 'kontakt@lindner' is not an e-mail address"):
        importer.run("companies", bad, _options(services, "companies", bad))
    assert _count(services, "company") == 0  # nothing of it

    good = _table(services, tmp_path, "good.csv", text + "Lindner GmbH;;kontakt@lindner.de;Bau;;K2\n")
    made = importer.run("companies", good, _options(services, "companies", good))
    assert len(made.created) == 2
    with pytest.raises(RecordImportRejectedError, match="Krause KG is in Dealdesk already"):
        importer.run("companies", good, _options(services, "companies", good))
    skipped = importer.run("companies", good, _options(services, "companies", good, duplicates="skip"))
    assert (skipped.created, skipped.skipped) == ((), 2)
    changed = _table(services, tmp_path, "changed.csv", "Nr;Firma;Branche\nK1;Krause & Söhne KG;Großhandel\n")
    updated = importer.run(
        "companies", changed, _options(services, "companies", changed, duplicates="update")
    )
    assert updated.updated == (made.created[0],)  # found by its ID from the first import, renamed
    with services.database.session() as session:
        from app.models import Company

        krause = session.get(Company, made.created[0])
        assert (krause.title, krause.industry, krause.phone) == (
            "Krause & Söhne KG",
            "Großhandel",
            "+49 30 123",
        )


def test_contacts_from_vcard_with_their_companies(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "kontakte.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    table = services.deal_import.open(path)
    importer = services.record_import
    check = importer.check("contacts", table, _options(services, "contacts", table))
    assert (check.rows, check.new, check.new_companies) == (2, 2, 2)
    result = importer.run("contacts", table, _options(services, "contacts", table))
    assert len(result.created) == 2
    with services.database.session() as session:
        from app.models import Contact

        contact = session.get(Contact, result.created[0])
        assert (contact.first_name, contact.last_name, contact.position, contact.email, contact.phone) == (
            "Anna",
            "Müller",
            "Einkäuferin",
            "anna@krause.de",
            "+49 30 555",
        )
        assert contact.address == "Hauptstr. 1, Berlin, 10115, Deutschland"
        assert contact.comments == "Ruft gern, aber spät an (nach 16 Uhr)"
        assert [c.title for c in contact.companies] == ["Krause KG"]
        second = session.get(Contact, result.created[1])
        assert (second.first_name, second.last_name) == ("Jürgen", "Böhm")  # vCard 2.1, quoted-printable


def test_products_with_a_decimal_comma_and_leads_by_name(services: Services, tmp_path: Path) -> None:
    importer = services.record_import
    products = _table(
        services,
        tmp_path,
        "artikel.csv",
        "Artikel;Artikelnummer;Preis;MwSt;Einheit\nSchreibtisch;ST-1;1.234,50;19;Stk\n",
    )
    made = importer.run("products", products, _options(services, "products", products))
    [product] = [p for p in services.products.list() if p.id in made.created]
    assert (product.name, product.sku, product.price, product.tax_rate, product.unit) == (
        "Schreibtisch",
        "ST-1",
        Decimal("1234.50"),
        Decimal("19.00"),
        "Stk",
    )
    leads = _table(
        services,
        tmp_path,
        "leads.csv",
        "Betreff;Vorname;Nachname;Firma;Quelle;Verantwortlich\n"
        "Anfrage Büro;Petra;Krause;Krause KG;Website;Administrator\n"
        "Anfrage Lager;Ulf;Lind;Lind AG;Messe;Bob Stone\n"
        "Anfrage Werk;Eva;Stein;Stein AG;Website;Bob Stone\n",
    )
    check = importer.check("leads", leads, _options(services, "leads", leads))
    assert [str(p.message) for p in check.problems] == [
        "Row 3: 'Messe' is not one of the sources.",
        "Rows 3, 4: There is no user named 'Bob Stone'.",
    ]
    mapped = _options(
        services,
        "leads",
        leads,
        values={"responsible": {"Bob Stone": "Administrator"}, "source": {"Messe": "exhibition"}},
    )
    result = importer.run("leads", leads, mapped)
    assert len(result.created) == 3


def test_an_import_of_companies_is_undone_like_one_of_deals(services: Services, tmp_path: Path) -> None:
    table = _table(services, tmp_path, "firmen.csv", "Firma\nKrause KG\nLindner GmbH\n")
    result = services.record_import.run("companies", table, _options(services, "companies", table))
    [made] = services.deal_import.imports()
    assert (made.kind, made.deals, made.file) == ("company", 2, "firmen.csv")
    undone = services.deal_import.undo(result.operation_id)
    assert (undone.companies_removed, undone.records_removed) == (2, 2)
    assert _count(services, "company") == 0


def test_a_column_no_field_holds_becomes_a_custom_field_of_its_companies(
    services: Services, tmp_path: Path
) -> None:
    from app.models import EntityType

    table = _table(services, tmp_path, "firmen.csv", "Firma;Steuernummer\nKrause KG;DE123\n")
    options = RecordOptions(mapping={0: "title", 1: "new_field"})
    check = services.record_import.check("companies", table, options)
    assert [str(n) for n in check.notes] == [
        "New custom fields (text) are made for the columns Steuernummer."
    ]
    result = services.record_import.run("companies", table, options)
    [field] = services.custom_fields.list(EntityType.COMPANY)
    assert field.label == "Steuernummer"
    values = services.custom_fields.values(EntityType.COMPANY, list(result.created), [field])
    assert values[result.created[0]][field.id] == "DE123"
