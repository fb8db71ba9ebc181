"""Importing deals from CSV/XLSX: mapping, conversion of what people type, all rows or none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import pytest

from app.models import EntityType, FieldType
from app.services.container import Services
from app.services.core.errors import CancelledError, ValidationError
from app.services.core.events import DomainEvent
from app.services.deals.export import ExportFormat
from app.services.deals.filters import DealFilter
from app.services.deals.paging import DealSort
from app.services.importing.cells import number as _number
from app.services.importing.deals import ImportOptions, ImportRejectedError

HEADER = "Titel;Betrag;Phase;Unternehmen;Kontakt;Abschlussdatum;Region;Notizen\n"


def _fields(services: Services):
    region = services.custom_fields.create(EntityType.DEAL, "Region", FieldType.LIST, options=["Nord", "Süd"])
    start = services.custom_fields.create(EntityType.DEAL, "Vertragsbeginn", FieldType.DATE)
    return region, start


def _write(tmp_path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "deals.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _options(mapping: dict[int, str], **kwargs) -> ImportOptions:
    return ImportOptions(mapping=mapping, decimal_comma=True, **kwargs)


def test_a_german_excel_csv_is_read_converted_and_stored_in_one_go(
    services: Services, tmp_path: Path
) -> None:
    region, start = _fields(services)
    stages = services.pipelines.list()[0].stages
    path = _write(
        tmp_path,
        HEADER.replace(";Notizen", ";Vertragsbeginn")
        + f"Büromöbel Müller;1.234,50 €;{stages[1].name.upper()};Müller GmbH;Anna Müller;31.12.2026;süd;"
        + "01.02.2027\n"
        + 'Stühle Müller;99;;müller gmbh;"Anna Müller; Ben Koch";2027-01-15;;\n'
        + ";;;;;;;\n",  # a blank line is skipped
        encoding="cp1252",  # older Excel writes Windows-1252
    )
    table = services.deal_import.open(path)
    assert table.delimiter == ";"
    assert table.header[0] == "Titel"
    labels = {
        "title": ["Titel"],
        "amount": ["Betrag"],
        "stage": ["Phase"],
        "company": ["Unternehmen"],
        "contacts": ["Kontakte"],
        "close_date": ["Abschlussdatum"],
        f"uf:{region.id}": ["Region"],
        f"uf:{start.id}": ["Vertragsbeginn"],
    }
    mapping = services.deal_import.guess(table.header, labels)
    assert mapping == {
        0: "title",
        1: "amount",
        2: "stage",
        3: "company",
        4: "contacts",  # "Kontakt" is not the label "Kontakte" but a common column name for it
        5: "close_date",
        6: f"uf:{region.id}",
        7: f"uf:{start.id}",
    }
    events: list[DomainEvent] = []
    services.events.subscribe(events.append)
    options = _options(mapping)
    check = services.deal_import.check(table, options)
    assert check.ok
    assert check.rows == 2
    assert (check.new_companies, check.new_contacts) == (1, 2)
    before = services.deal_queries.count(DealFilter())
    result = services.deal_import.run(table, options)
    assert len(result.deals) == 2
    assert services.deal_queries.count(DealFilter()) == before + 2
    first = services.deal_form.load(result.deals[0])
    assert first.deal.title == "Büromöbel Müller"
    assert first.deal.amount == D("1234.50")
    assert first.deal.stage_id == stages[1].id
    assert first.deal.close_date == date(2026, 12, 31)
    assert first.deal.company_title == "Müller GmbH"
    assert first.custom == {region.id: region.options[1].id, start.id: date(2027, 2, 1)}
    second = services.deal_form.load(result.deals[1])
    assert second.deal.company_id == first.deal.company_id  # "müller gmbh" is the company made for row 2
    assert [c.name for c in second.contacts] == ["Anna Müller", "Ben Koch"]
    assert second.contacts[0].id == first.contacts[0].id
    assert second.deal.stage_id == stages[0].id  # no stage given: the pipeline's first
    assert services.deals.history(result.deals[0])[-1].action == "created"
    created = [e for e in events if e.name == "deal.created"]
    assert [e.ids for e in created] == [result.deals]  # one event: lists refresh once


def test_rows_with_problems_are_all_listed_and_nothing_is_stored(services: Services, tmp_path: Path) -> None:
    region, _start = _fields(services)
    path = _write(
        tmp_path,
        HEADER
        + "Gut;10;;Neue Firma;;;;\n"
        + "Schlecht;zehn;Gibt es nicht;;;32.13.2026;Ost;\n"
        + ";5;;;;;;\n",
    )
    table = services.deal_import.open(path)
    mapping = {0: "title", 1: "amount", 2: "stage", 3: "company", 5: "close_date", 6: f"uf:{region.id}"}
    check = services.deal_import.check(table, _options(mapping))
    pipeline = services.pipelines.list()[0].name
    texts = [str(p.message) for p in check.problems]
    assert texts == [
        "Row 3: 'zehn' in column 'Betrag' is not a number.",
        "Row 3: '32.13.2026' in column 'Abschlussdatum' is not a date (write 27.11.2026 or 2026-11-27).",
        "Row 3: 'Ost' is not one of the choices of Region.",
        f"Row 3: Pipeline '{pipeline}' has no stage named 'Gibt es nicht'.",
        "Row 4: Title is required.",
    ]
    companies_before = services.companies.count()
    deals_before = services.deal_queries.count(DealFilter())
    with pytest.raises(ImportRejectedError) as caught:
        services.deal_import.run(table, _options(mapping))
    assert len(caught.value.check.problems) == len(check.problems)
    assert services.deal_queries.count(DealFilter()) == deals_before
    assert services.companies.count() == companies_before  # "Neue Firma" of the good row is not kept


def test_required_fields_and_stage_requirements_are_checked_per_row(
    services: Services, tmp_path: Path
) -> None:
    priority = services.custom_fields.create(EntityType.DEAL, "Priorität", FieldType.INTEGER, required=True)
    pipeline = services.pipelines.list()[0]
    services.field_rules.set_required_from(EntityType.DEAL, "close_date", pipeline.id, pipeline.stages[1].id)
    path = _write(tmp_path, "Titel;Prio;Phase\nA;1;\nB;;\nC;2;" + pipeline.stages[1].name + "\n")
    table = services.deal_import.open(path)
    check = services.deal_import.check(table, _options({0: "title", 1: f"uf:{priority.id}", 2: "stage"}))
    assert [p.message.params["row"] for p in check.problems] == [3, 4]
    assert "Priorität is required" in str(check.problems[0].message)
    assert "Close date" in str(check.problems[1].message)


def test_the_mapping_needs_a_title_and_each_field_once(services: Services, tmp_path: Path) -> None:
    table = services.deal_import.open(_write(tmp_path, "A;B\nx;1\n"))
    with pytest.raises(ValidationError, match="titles"):
        services.deal_import.check(table, _options({1: "amount"}))
    with pytest.raises(ValidationError, match="'A' and 'B' are both imported as Title"):
        services.deal_import.check(table, _options({0: "title", 1: "title"}))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "The file is empty."),
        (b"not a zip", "broken.xlsx", "not an Excel workbook"),
        (b"Title\n", "header_only.csv", "no rows below its header"),
    ],
)
def test_unreadable_files_say_why(
    services: Services, tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    def read() -> None:
        table = services.deal_import.open(path)
        services.deal_import.check(table, _options({0: "title"}))

    with pytest.raises(ValidationError, match=message):
        read()


def test_cancelling_rolls_everything_back(services: Services, tmp_path: Path) -> None:
    rows = "".join(f"Deal {i};{i}\n" for i in range(1000))
    table = services.deal_import.open(_write(tmp_path, "Title;Amount\n" + rows))
    before = services.deal_queries.count(DealFilter())

    def cancel_late(done: int, total: int) -> None:
        if done >= 600:
            raise CancelledError

    with pytest.raises(CancelledError):
        services.deal_import.run(table, _options({0: "title", 1: "amount"}), progress=cancel_late)
    assert services.deal_queries.count(DealFilter()) == before


def test_an_exported_workbook_imports_back_to_the_same_deals(demo_services: Services, tmp_path: Path) -> None:
    region = next(f for f in demo_services.custom_fields.list(EntityType.DEAL) if f.code == "region")
    sort = DealSort("id")
    originals = demo_services.deal_queries.page(DealFilter(), sort, 0, 30)
    columns = [
        ("title", "Title"),
        ("stage", "Stage"),
        ("pipeline", "Pipeline"),
        ("amount", "Amount"),
        ("currency", "Currency"),
        ("company", "Company"),
        ("responsible", "Responsible"),
        ("close_date", "Close date"),
        (f"uf:{region.id}", "Region"),
        ("created_at", "Created"),
    ]
    path = tmp_path / "deals.xlsx"
    demo_services.deal_export.export(path, ExportFormat.XLSX, columns, ids=[d.id for d in originals])
    service = demo_services.deal_import
    table = service.open(path)
    labels = {key: [str(label)] for key, label in service.targets()}
    mapping = service.guess(table.header, labels)
    assert mapping[table.header.index("Created")] == "created_at"  # history kept
    result = service.run(table, ImportOptions(mapping=mapping, create_missing=False))
    copies = demo_services.deal_queries.rows(list(result.deals))
    values = demo_services.custom_fields.values(EntityType.DEAL, list(result.deals), [region])
    originals_values = demo_services.custom_fields.values(
        EntityType.DEAL, [d.id for d in originals], [region]
    )
    for original, copy in zip(originals, copies, strict=True):
        assert (copy.title, copy.stage_id, copy.amount, copy.currency) == (
            original.title,
            original.stage_id,
            original.amount,
            original.currency,
        )
        assert (copy.company_title, copy.responsible_name, copy.close_date) == (
            original.company_title,
            original.responsible_name,
            original.close_date,
        )
        assert values.get(copy.id, {}).get(region.id) == originals_values.get(original.id, {}).get(region.id)
        assert copy.created_at.replace(second=0, microsecond=0) == original.created_at.replace(
            second=0, microsecond=0
        )


def test_formula_protection_of_our_export_is_undone(services: Services, tmp_path: Path) -> None:
    table = services.deal_import.open(_write(tmp_path, "Title,Comments\n'=1+1,'-minus\n"))
    result = services.deal_import.run(table, ImportOptions(mapping={0: "title", 1: "comments"}))
    deal = services.deals.get(result.deals[0])
    assert (deal.title, deal.comments) == ("=1+1", "-minus")


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        ("1.234,56", True, D("1234.56")),
        ("1,234.56", True, D("1234.56")),  # both marks: the last one is the decimal point
        ("1,234.56", False, D("1234.56")),
        ("1234,5", True, D("1234.5")),
        ("1,234", False, D("1234")),
        ("EUR 99", False, D("99")),
        ("99 €", True, D("99")),
        ("60 %", False, D("60")),
        ("-5", False, D("-5")),
        ("12abc", False, None),
        ("1.2.3", False, None),
        (1234.5, False, D("1234.5")),
        (True, False, None),
    ],
)
def test_numbers_as_people_write_them(text, decimal_comma: bool, expected) -> None:
    assert _number(text, decimal_comma) == expected
