"""Exports of other CRMs, written as their documented formats write them, import without typing a
mapping: Pipedrive's "Deal - …" columns and its won deals that keep their last stage, HubSpot's
"Closed Won" and stage dates, Bitrix24's German list with one row per product."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.models import ImportKey
from app.services.container import Services
from app.services.importing.deals import ImportOptions
from app.services.importing.presets import recognise

PIPEDRIVE = (
    '"Deal - ID","Deal - Title","Deal - Value","Deal - Currency","Deal - Pipeline","Deal - Stage",'
    '"Deal - Status","Deal - Owner","Deal - Organization","Deal - Contact person","Deal - Deal created",'
    '"Deal - Close time","Deal - Expected close date","Deal - Lost reason"\n'
    '"101","Fleet renewal","15000","EUR","Pipeline","Proposal Made","won","Administrator","Acme GmbH",'
    '"Jana Roth","2024-02-05 09:30:00","2024-04-18 16:00:00","2024-04-30",""\n'
    '"102","Printer lease","800","EUR","Pipeline","Qualified","lost","Administrator","Beta AG","",'
    '"2024-03-01 10:00:00","2024-03-20 11:00:00","","Price too high"\n'
    '"103","Service plan","1200","EUR","Pipeline","Qualified","open","Administrator","Beta AG","",'
    '"2024-05-02 08:00:00","","2024-08-01",""\n'
)
HUBSPOT = (
    "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner,Associated Company,"
    '"Date entered ""Presentation Scheduled (Sales Pipeline)"""\n'
    "9001,Kitchen for Meyer,Closed Won,Sales Pipeline,12500.50,2024-06-30,2024-05-01,Administrator,"
    "Meyer & Söhne,2024-05-20\n"
    "9002,Shop fitting,Presentation Scheduled,Sales Pipeline,4000,2024-09-30,2024-06-01,Administrator,"
    "Krause KG,2024-06-15\n"
)
BITRIX24 = (
    "ID;Name des Auftrags;Phase;Betrag;Währung;Verantwortliche Person;Erstellt am;Abschlussdatum;"
    "Unternehmen;Kontakt;Produkt;Menge;Preis\n"
    "1;Büroausstattung Krause;Erfolgreich;1.500,00;EUR;Administrator;02.03.2024 14:05:00;15.04.2024;"
    "Krause KG;Petra Krause;Schreibtisch;2;500,00\n"
    "1;;;;;;;;;;Stuhl;4;125,00\n"
    "2;Wartung 2025;Neu;800,00;EUR;Administrator;10.01.2025 09:00:00;;Lindner GmbH;;Wartung;1;800,00\n"
)


def _open(services: Services, tmp_path: Path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return services.deal_import.open(path)


def _guess(services: Services, table, preset: str) -> dict[str, str]:
    labels = {key: [str(label)] for key, label in services.deal_import.targets()}
    mapping = services.deal_import.guess(table.header, labels, preset)
    return {table.header[c]: t for c, t in mapping.items()}, mapping


def _keys(services: Services) -> set[tuple[str, str]]:
    with services.database.session() as session:
        return {(k.system, k.external_id) for k in session.query(ImportKey)}


def test_a_pipedrive_export(services: Services, tmp_path: Path) -> None:
    table = _open(services, tmp_path, "deals-export.csv", PIPEDRIVE)
    assert recognise(table.header).key == "pipedrive"
    named, mapping = _guess(services, table, "pipedrive")
    assert named == {
        "Deal - ID": "external_id",
        "Deal - Title": "title",
        "Deal - Value": "amount",
        "Deal - Currency": "currency",
        "Deal - Pipeline": "pipeline",
        "Deal - Stage": "stage",
        "Deal - Status": "status",
        "Deal - Owner": "responsible",
        "Deal - Organization": "company",
        "Deal - Contact person": "contacts",
        "Deal - Deal created": "created_at",
        "Deal - Close time": "closed_at",
        "Deal - Expected close date": "close_date",
        "Deal - Lost reason": "loss_reason",
    }
    values = {
        "pipeline": {"Pipeline": "Sales"},
        "stage": {"Qualified": "Preparing documents", "Proposal Made": "Invoice"},
    }
    options = ImportOptions(mapping=mapping, preset="pipedrive", values=values)
    check = services.deal_import.check(table, options)
    assert check.ok, check.problems
    result = services.deal_import.run(table, options)
    won, lost, open_ = (services.deals.get(i) for i in result.deals)
    assert (won.stage_name, lost.stage_name, open_.stage_name) == ("Won", "Lost", "Preparing documents")
    assert won.closed_at.date() == date(2024, 4, 18)
    assert won.created_at.date() == date(2024, 2, 5)
    assert lost.loss_reason == "Price too high"
    # A won deal keeps its last stage as how far it came: the funnel counts it there.
    assert [v.stage_name for v in services.deals.stage_visits(won.id)] == ["Invoice", "Won"]
    assert [v.stage_name for v in services.deals.stage_visits(lost.id)] == ["Preparing documents", "Lost"]
    assert _keys(services) == {("pipedrive", "101"), ("pipedrive", "102"), ("pipedrive", "103")}


def test_a_hubspot_export(services: Services, tmp_path: Path) -> None:
    table = _open(services, tmp_path, "hubspot-crm-exports-all-deals.csv", HUBSPOT)
    assert recognise(table.header).key == "hubspot"
    named, mapping = _guess(services, table, "hubspot")
    stage_column = 'Date entered "Presentation Scheduled (Sales Pipeline)"'
    assert named == {
        "Record ID": "external_id",
        "Deal Name": "title",
        "Deal Stage": "stage",
        "Pipeline": "pipeline",
        "Amount": "amount",
        "Close Date": "close_date",
        "Create Date": "created_at",
        "Deal owner": "responsible",
        "Associated Company": "company",
    }
    mapping[table.header.index(stage_column)] = "entered:4"  # its stage is ours "In progress"
    values = {"pipeline": {"Sales Pipeline": "Sales"}, "stage": {"Presentation Scheduled": "In progress"}}
    check = services.deal_import.check(table, ImportOptions(mapping=mapping, preset="hubspot", values=values))
    assert check.ok, check.problems
    assert any("closed on their close date ('Close Date')" in str(n) for n in check.notes)
    result = services.deal_import.run(table, ImportOptions(mapping=mapping, preset="hubspot", values=values))
    won, open_ = (services.deals.get(i) for i in result.deals)
    assert won.stage_name == "Won"  # "Closed Won" is the pipeline's won stage
    assert (won.amount, won.closed_at.date(), won.created_at.date()) == (
        Decimal("12500.50"),
        date(2024, 6, 30),
        date(2024, 5, 1),
    )
    assert [(v.stage_name, v.entered_at.date()) for v in services.deals.stage_visits(won.id)] == [
        ("In progress", date(2024, 5, 20)),
        ("Won", date(2024, 6, 30)),
    ]
    assert [(v.stage_name, v.entered_at.date()) for v in services.deals.stage_visits(open_.id)] == [
        ("In progress", date(2024, 6, 15))
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_a_bitrix24_export_with_a_row_per_product(services: Services, tmp_path: Path, encoding: str) -> None:
    table = _open(services, tmp_path, "auftraege.csv", BITRIX24, encoding)
    assert recognise(table.header).key == "bitrix24"
    named, mapping = _guess(services, table, "bitrix24")
    assert named == {
        "ID": "external_id",
        "Name des Auftrags": "title",
        "Phase": "stage",
        "Betrag": "amount",
        "Währung": "currency",
        "Verantwortliche Person": "responsible",
        "Erstellt am": "created_at",
        "Abschlussdatum": "close_date",
        "Unternehmen": "company",
        "Kontakt": "contacts",
        "Produkt": "product",
        "Menge": "product_quantity",
        "Preis": "product_price",
    }
    options = ImportOptions(mapping=mapping, preset="bitrix24", values={"stage": {"Neu": "New"}})
    check = services.deal_import.check(table, options)
    assert check.ok, check.problems
    assert (check.rows, check.deals, check.new_products, check.decimal_comma) == (3, 3, 3, True)
    result = services.deal_import.run(table, options)
    assert len(result.deals) == 2  # two rows of deal 1 are one deal with two products
    office = services.deal_form.load(result.deals[0])
    assert office.deal.stage_name == "Won"  # "Erfolgreich"
    assert office.deal.amount == Decimal("1500.00")
    assert office.deal.closed_at.date() == date(2024, 4, 15)
    assert [(p.name, p.quantity, p.price) for p in office.products] == [
        ("Schreibtisch", Decimal("2"), Decimal("500.00")),
        ("Stuhl", Decimal("4"), Decimal("125.00")),
    ]
    assert _keys(services) == {("bitrix24", "1"), ("bitrix24", "2")}
