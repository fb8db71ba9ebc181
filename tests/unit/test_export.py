"""Exports: what the list shows, typed, in order, and never a formula when opened."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.exporting.tables import neutralise
from app.services.container import Services
from app.services.deals.export import ExportFormat
from app.services.deals.filters import DealFilter, Status
from app.services.deals.queries import DealSort

COLUMNS = [
    ("id", "ID"),
    ("title", "Title"),
    ("amount", "Amount"),
    ("currency", "Currency"),
    ("source", "Source"),
]


def test_formula_starts_are_neutralised() -> None:
    assert [neutralise(t) for t in ("=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "Müller", "")] == [
        "'=1+1",
        "'+49 30",
        "'-5",
        "'@SUM(A1)",
        "'\tx",
        "Müller",
        "",
    ]


def test_csv_of_a_selection_reads_back(services: Services, tmp_path: Path) -> None:
    evil = services.deals.create(title='=HYPERLINK("http://evil.example","click")', amount="1234.50")
    plain = services.deals.create(title="Stühle für Müller & Söhne", amount="99", source="website")
    target = tmp_path / "deals.csv"
    written = services.deal_export.export(
        target,
        ExportFormat.CSV,
        COLUMNS,
        ids=[plain.id, evil.id],
        value_names={"source": {"website": "Website"}},
    )
    assert written == 2
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["ID", "Title", "Amount", "Currency", "Source"],
        [str(plain.id), "Stühle für Müller & Söhne", "99.00", "EUR", "Website"],
        [str(evil.id), '\'=HYPERLINK("http://evil.example","click")', "1234.50", "EUR", ""],
    ]
    assert not list(tmp_path.glob("*.partial"))


def test_german_csv_uses_semicolons_and_decimal_commas(services: Services, tmp_path: Path) -> None:
    deal = services.deals.create(title="Tische", amount="1234.5")
    target = tmp_path / "de.csv"
    services.deal_export.export(
        target, ExportFormat.CSV, COLUMNS[:3], ids=[deal.id], delimiter=";", decimal_comma=True
    )
    assert target.read_text(encoding="utf-8-sig").splitlines()[1] == f"{deal.id};Tische;1234,50"
    # Rates (floats) too: a chart's "Win rate %" of 12.5 reads as a number in a German spreadsheet.
    from app.exporting.tables import write_csv

    rates = tmp_path / "rates.csv"
    write_csv(
        rates, ["Source", "Win rate %", "Deals"], [["call", 12.5, 3]], delimiter=";", decimal_comma=True
    )
    assert rates.read_text(encoding="utf-8-sig").splitlines()[1] == "call;12,5;3"


def test_xlsx_of_everything_a_filter_matches_in_list_order(demo_services: Services, tmp_path: Path) -> None:
    target = tmp_path / "won.xlsx"
    won = DealFilter(status=Status.WON)
    sort = DealSort("amount", descending=True)
    seen: list[int] = []
    written = demo_services.deal_export.export(
        target,
        ExportFormat.XLSX,
        COLUMNS,
        matching=(won, sort),
        progress=lambda done, total: seen.append(done),
    )
    expected = demo_services.deal_queries.page(won, sort, 0, 1000)
    assert written == len(expected) > 0
    assert seen[-1] == written
    book = load_workbook(target, read_only=True)  # read-only keeps the file open until closed
    try:
        rows = list(book.active.iter_rows(values_only=True))
    finally:
        book.close()
    assert rows[0] == ("ID", "Title", "Amount", "Currency", "Source")
    assert [r[0] for r in rows[1:]] == [d.id for d in expected]
    assert Decimal(str(rows[1][2])) == expected[0].amount  # a number cell, to the cent
