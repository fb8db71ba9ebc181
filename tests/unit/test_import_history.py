"""Moving a company's history in: two years of opportunities imported keep their dates, stages,
products and people, so analytics over the imported years give the source's own figures; and the
traps of real files (a decimal comma, an 8-bit encoding, near-miss names, a second import) are
caught instead of corrupting the data."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.analytics.service import AnalyticsFilter
from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.importing import writing
from app.services.importing.deals import SKIP, ImportOptions, ImportRejectedError
from tests.unit.import_samples import AGENTS, PRODUCTS, sales_history, write_csv

IN_PROGRESS = 4  # the default pipeline's stage "In progress"
STAGE_NAMES = {"Prospecting": "New", "Engaging": "In progress", "Won": "Won", "Lost": "Lost"}


def _catalog(services: Services) -> None:
    for name, price in PRODUCTS.items():
        if name != "GTK 500":  # one product the catalog lacks
            services.products.create(name=name, price=Decimal(price), currency="EUR")


def _options(services: Services, table, **more) -> ImportOptions:
    labels = {key: [str(label)] for key, label in services.deal_import.targets()}
    mapping = services.deal_import.guess(table.header, labels)
    mapping[table.header.index("engage_date")] = f"entered:{IN_PROGRESS}"
    values = {"stage": STAGE_NAMES}
    return ImportOptions(mapping=mapping, create_users=True, values=values, **more)


def _history(services: Services, tmp_path: Path, rows: int = 2400):
    _catalog(services)
    opportunities = sales_history(rows)
    table = services.deal_import.open(write_csv(tmp_path / "sales_pipeline.csv", opportunities))
    return opportunities, table


def test_two_years_of_history_give_the_sources_figures(services: Services, tmp_path: Path) -> None:
    opportunities, table = _history(services, tmp_path)
    options = _options(services, table)
    header = table.header
    guessed = {header[c]: t for c, t in options.mapping.items()}
    assert guessed == {
        "opportunity_id": "external_id",
        "sales_agent": "responsible",
        "product": "product",
        "account": "company",
        "deal_stage": "stage",  # "deal_stage" is "Deal stage": separators don't matter
        "engage_date": f"entered:{IN_PROGRESS}",
        "close_date": "close_date",
        "close_value": "amount",
    }
    check = services.deal_import.check(table, options)
    assert check.ok, check.problems
    assert check.unmapped == ()
    assert (check.rows, check.new_people, check.new_products) == (2400, len(AGENTS), 1)
    notes = [str(n) for n in check.notes]
    assert any("closed on their close date ('close_date')" in n for n in notes)  # said, not silent
    assert any("earliest date the file gives" in n for n in notes)

    result = services.deal_import.run(table, options)
    assert len(result.deals) == 2400

    # Won revenue and counts by month of closing, as the source has them.
    won_by_month: dict[date, Decimal] = defaultdict(Decimal)
    counts: Counter[tuple[date, str]] = Counter()
    for o in opportunities:
        if o.stage in ("Won", "Lost"):
            assert o.closed is not None
            month = o.closed.replace(day=1)
            counts[month, o.stage] += 1
            if o.stage == "Won":
                won_by_month[month] += o.value or 0
    period = AnalyticsFilter(date(2024, 1, 1), date(2026, 6, 30))  # the years imported
    board = services.analytics.dashboard(period, today=date(2026, 7, 1))
    months = {m.month: m for m in board.months}
    assert set(won_by_month) <= set(months)
    for month, amount in won_by_month.items():
        assert months[month].won_amount == amount, month
        assert months[month].won == counts[month, "Won"]
        assert months[month].lost == counts[month, "Lost"]

    # Time to close: engaged (the earliest date known, so "created") to closed, in days.
    won = [o for o in opportunities if o.stage == "Won"]
    days = sum((o.closed - o.engaged).days for o in won if o.closed and o.engaged) / len(won)
    assert board.average_days_to_close == pytest.approx(days, abs=0.01)

    # The funnel: every engaged deal, lost ones too, came as far as "In progress".
    engaged = sum(1 for o in opportunities if o.engaged is not None)
    steps = {s.stage_id: s for s in board.funnel}
    assert steps[IN_PROGRESS].reached == engaged
    assert steps[1].reached == engaged  # the prospects without a date were created today: not in the period

    # Products: every won deal's product row adds up to its amount; the products chart has them all.
    products = {bar.label: bar.value for bar in board.products}
    for name in PRODUCTS:
        expected = sum((o.value or 0 for o in won if o.product == name), Decimal(0))
        assert products[name] == expected, name

    # People: one person per salesperson, their deals theirs.
    people = {u.name for u in services.users.list()}
    assert set(AGENTS) <= people
    anna = next(u for u in services.users.list() if u.name == AGENTS[0])
    assert services.deal_queries.count(DealFilter(responsible_ids=(anna.id,))) == sum(
        1 for o in opportunities if o.agent == AGENTS[0]
    )


def test_a_deal_keeps_its_dates_and_stays(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text(
        "ID;Title;Stage;Created;Closed on;Begin date;Date entered In progress\n"
        "A-1;Lost one;Lost;2024-03-02 09:15;2024-05-20;;2024-04-01\n"
        "A-2;Open one;Invoice;02.01.2025;;;\n",
        encoding="utf-8",
    )
    table = services.deal_import.open(path)
    labels = {key: [str(label)] for key, label in services.deal_import.targets()}
    mapping = services.deal_import.guess(table.header, labels)
    assert set(mapping.values()) == {
        "external_id",
        "title",
        "stage",
        "created_at",
        "closed_at",
        "begin_date",
        "entered:4",
    }
    result = services.deal_import.run(table, ImportOptions(mapping=mapping))
    lost, open_one = (services.deals.get(i) for i in result.deals)
    assert lost.closed_at is not None
    assert lost.closed_at.date() == date(2024, 5, 20)
    assert lost.created_at.date() == date(2024, 3, 2)
    assert (lost.begin_date, open_one.begin_date) == (None, None)  # blank stays blank
    visits = services.deals.stage_visits(lost.id)
    assert [(v.stage_name, v.entered_at.date(), v.left_at.date() if v.left_at else None) for v in visits] == [
        ("In progress", date(2024, 4, 1), date(2024, 5, 20)),
        ("Lost", date(2024, 5, 20), None),
    ]
    assert open_one.created_at.date() == date(2025, 1, 2)
    assert open_one.closed_at is None


def test_a_decimal_comma_is_never_read_as_a_hundred_times_the_amount(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "semicolons.csv"
    path.write_text("Title;Amount\nBig;1054,00\nSmall;12\n", encoding="utf-8")
    table = services.deal_import.open(path)
    mapping = {0: "title", 1: "amount"}
    with pytest.raises(ImportRejectedError) as refused:  # told "decimal point": refused, with the cell
        services.deal_import.run(table, ImportOptions(mapping=mapping, decimal_comma=False))
    assert "'1054,00' in column 'Amount' (row 2) only makes sense with a decimal comma" in str(refused.value)
    assert services.deal_queries.count(DealFilter()) == 0

    check = services.deal_import.check(table, ImportOptions(mapping=mapping))  # not told: decided
    assert (check.ok, check.decimal_comma) == (True, True)
    assert "decimal comma (as '1054,00' in column 'Amount', row 2)" in str(check.notes[0])
    result = services.deal_import.run(table, ImportOptions(mapping=mapping))
    assert [services.deals.get(i).amount for i in result.deals] == [Decimal("1054.00"), Decimal("12.00")]

    path.write_text("Title;Amount\nA;1054,00\nB;12.50\n", encoding="utf-8")
    mixed = services.deal_import.check(services.deal_import.open(path), ImportOptions(mapping=mapping))
    assert not mixed.ok
    assert "with a decimal comma ('1054,00', row 2) and with a decimal point ('12.50', row 3)" in str(
        mixed.problems[0].message
    )


def test_an_umlaut_late_in_a_windows_file_is_read_right(services: Services, tmp_path: Path) -> None:
    lines = ["Title;Company"] + [f"Deal {n};Plain {n}" for n in range(4000)] + ["Küche;Müller & Söhne"]
    path = tmp_path / "windows.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    assert path.stat().st_size > 64 * 1024
    table = services.deal_import.open(path)
    assert (table.encoding, table.encoding_sure) == ("cp1252", False)
    check = services.deal_import.check(table, ImportOptions(mapping={0: "title", 1: "company"}))
    assert "Windows-1252" in str(check.notes[0])
    result = services.deal_import.run(table, ImportOptions(mapping={0: "title", 1: "company"}))
    last = services.deals.get(result.deals[-1])
    assert (last.title, last.company_title) == ("Küche", "Müller & Söhne")

    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes("\n".join(lines).encode("utf-8"))
    assert services.deal_import.open(utf8).encoding_sure
    with pytest.raises(Exception, match="can't be read as utf-8"):
        services.deal_import.open(path, encoding="utf-8")  # the user's wrong choice: said, not garbled


def test_names_found_nowhere_are_listed_once_with_the_likeliest_known_one(
    services: Services, tmp_path: Path
) -> None:
    _catalog(services)
    path = tmp_path / "names.csv"
    rows = ["Title,Responsible,Product"] + [f"Deal {n},Bob Stone,WidgetPro" for n in range(300)]
    rows += ["Odd,Administrater,GTX Pro"]
    path.write_text("\n".join(rows), encoding="utf-8")
    services.products.create(name="Widget Pro", price=Decimal(10), currency="EUR")
    table = services.deal_import.open(path)
    options = ImportOptions(mapping={0: "title", 1: "responsible", 2: "product"})
    check = services.deal_import.check(table, options)
    messages = [str(p.message) for p in check.problems]
    assert len(messages) == 3  # one line per kind, not 600
    assert "Rows 2, 3, 4, 5, 6 and 295 more: There is no user named 'Bob Stone'." in messages
    assert "Row 302: There is no user named 'Administrater'. Did you mean 'Administrator'?" in messages
    assert any(
        m.endswith("There is no product named 'WidgetPro'. Did you mean 'Widget Pro'?") for m in messages
    )
    unknown = {(u.target, u.value): (u.rows, u.suggestion) for u in check.unknown}
    assert unknown[("responsible", "Bob Stone")] == (300, None)
    assert unknown[("product", "WidgetPro")] == (300, "Widget Pro")

    # The values step: each name mapped once; a new person for Bob.
    mapped = ImportOptions(
        mapping=options.mapping,
        create_users=True,
        values={"responsible": {"Administrater": "Administrator"}, "product": {"WidgetPro": "Widget Pro"}},
    )
    result = services.deal_import.run(table, mapped)
    assert (result.new_people, result.new_products) == (1, 0)
    form = services.deal_form.load(result.deals[0])
    assert [p.name for p in form.products] == ["Widget Pro"]
    assert form.deal.responsible_name == "Bob Stone"


def test_a_second_import_of_the_same_file_is_refused_or_skipped(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("ID,Title\n7,Seven\n8,Eight\n", encoding="utf-8")
    table = services.deal_import.open(path)
    options = ImportOptions(mapping={0: "external_id", 1: "title"})
    first = services.deal_import.run(table, options)
    assert len(first.deals) == 2
    with pytest.raises(ImportRejectedError) as again:
        services.deal_import.run(table, options)
    assert "Rows 2, 3: These deals were imported before" in str(again.value)
    skipped = services.deal_import.run(table, ImportOptions(mapping=options.mapping, duplicates=SKIP))
    assert (len(skipped.deals), skipped.skipped) == (0, 2)
    assert services.deal_queries.count(DealFilter()) == 2

    path.write_text("ID,Title\n9,Nine\n9,Nine again\n", encoding="utf-8")
    twice = services.deal_import.check(services.deal_import.open(path), options)
    assert "Row 3: The ID '9' is in the file more than once." in [str(p.message) for p in twice.problems]


def test_a_bad_last_row_is_refused_before_anything_is_written(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad_last.csv"
    path.write_text("Title,Amount\n" + "".join(f"Deal {n},{n}\n" for n in range(3000)) + "Broken,12abc\n")
    written: list[int] = []
    real = writing.insert_imported_deals
    monkeypatch.setattr(writing, "insert_imported_deals", lambda *a, **k: written.append(1) or real(*a, **k))
    with pytest.raises(ImportRejectedError, match="Row 3002: '12abc' in column 'Amount' is not a number"):
        services.deal_import.run(
            services.deal_import.open(path), ImportOptions(mapping={0: "title", 1: "amount"})
        )
    assert written == []  # not inserted and rolled back: never inserted


def test_unmapped_columns_are_named(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("Title,Colour,Weight\nA,red,3\n", encoding="utf-8")
    check = services.deal_import.check(services.deal_import.open(path), ImportOptions(mapping={0: "title"}))
    assert check.unmapped == ("Colour", "Weight")


@pytest.mark.parametrize("bulk", [False, True], ids=["row by row", "made anew at the end"])
def test_running_totals_and_search_agree_after_an_import(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    from tests.unit.test_rollups import assert_totals_exact

    monkeypatch.setattr(writing, "BULK_AT_LEAST", 100 if bulk else 10**9)
    services.deals.create(title="There before", stage_id=6)  # a won deal the import must not disturb
    opportunities, table = _history(services, tmp_path, rows=600)
    services.deal_import.run(table, _options(services, table))
    assert_totals_exact(services)  # and the visited stages as the visits say
    with services.database.engine.begin() as conn:
        triggers = {
            name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert {"rollup_deal_insert", "rollup_visit_insert"} <= triggers  # back after the import
    assert services.deal_queries.count(DealFilter(search=opportunities[0].account.split()[0])) > 0
    assert services.deal_queries.count(DealFilter(search="There before")) == 1


def test_undo_import_removes_what_it_made_and_keeps_what_changed_since(
    services: Services, tmp_path: Path
) -> None:
    from tests.unit.test_rollups import assert_totals_exact

    opportunities, table = _history(services, tmp_path, rows=300)
    before = {
        "deals": services.deal_queries.count(DealFilter()),
        "products": len(services.products.list()),
        "people": len(services.users.list()),
    }
    result = services.deal_import.run(table, _options(services, table))
    [made] = services.deal_import.imports()
    assert (made.operation_id, made.file, made.deals, made.undone_at) == (
        result.operation_id,
        "sales_pipeline.csv",
        300,
        None,
    )
    kept = services.deals.get(result.deals[0])
    services.deals.move_stage(kept.id, 2, expected_version=kept.version)  # somebody works on one deal

    undone = services.deal_import.undo(made.operation_id)
    assert undone.deals_removed == 299
    assert undone.changed == ((kept.id, kept.title),)  # listed, and kept
    assert undone.products_removed == 1  # GTK 500 was made by the import; the others were there
    assert undone.people_kept == len(AGENTS)  # people are never deleted
    assert services.deal_queries.count(DealFilter()) == before["deals"] + 1
    assert len(services.products.list()) == before["products"] + (
        1 if opportunities[0].product == "GTK 500" else 0
    )
    assert services.deals.get(kept.id).company_title == opportunities[0].account  # its company stays
    assert_totals_exact(services)
    again = services.deal_import.run(
        table, ImportOptions(**{**_options(services, table).__dict__, "duplicates": SKIP})
    )
    assert (len(again.deals), again.skipped) == (
        299,
        1,
    )  # the removed ones can come again; the kept one is skipped


def test_a_second_import_can_update_what_the_first_made_but_never_what_changed_since(
    services: Services, tmp_path: Path
) -> None:
    from app.services.importing.deals import UPDATE

    path = tmp_path / "ids.csv"
    path.write_text(
        "ID,Title,Amount,Stage\n7,Seven,100,New\n8,Eight,200,New\n9,Nine,300,New\n", encoding="utf-8"
    )
    mapping = {0: "external_id", 1: "title", 2: "amount", 3: "stage"}
    first = services.deal_import.run(services.deal_import.open(path), ImportOptions(mapping=mapping))
    seven, eight, _nine = (services.deals.get(i) for i in first.deals)
    services.deals.update(eight.id, eight.version, amount=Decimal("250"))  # somebody's change in Dealdesk
    path.write_text(
        "ID,Title,Amount,Stage\n7,Seven (renewed),150,Invoice\n8,Eight,999,New\n9,Nine,300,New\n"
        "10,Ten,50,New\n",
        encoding="utf-8",
    )
    table = services.deal_import.open(path)
    options = ImportOptions(mapping=mapping, duplicates=UPDATE)
    check = services.deal_import.check(table, options)
    assert check.ok, check.problems
    notes = [str(n) for n in check.notes]
    assert "2 deals imported before (the same ID) are updated with the file's values." in notes
    assert (
        "1 deals imported before were changed in Dealdesk since (or deleted) and stay as they are: 8" in notes
    )
    result = services.deal_import.run(table, options)
    assert len(result.deals) == 1  # "Ten" is new
    assert set(result.updated) == {seven.id}  # "Nine" had nothing new
    renewed = services.deals.get(seven.id)
    assert (renewed.title, renewed.amount, renewed.stage_name) == (
        "Seven (renewed)",
        Decimal("150.00"),
        "Invoice",
    )
    assert services.deals.get(eight.id).amount == Decimal("250.00")  # never overwritten
    assert services.deal_queries.count(DealFilter()) == 4
    again = services.deal_import.check(table, options)  # what the update left counts as "unchanged since"
    assert "1 deals imported before were changed in Dealdesk since (or deleted) and stay as they are: 8" in [
        str(n) for n in again.notes
    ]


def test_a_column_no_field_holds_becomes_a_custom_field_of_its_own(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("Title,Colour\nA,red\nB,\n", encoding="utf-8")
    table = services.deal_import.open(path)
    options = ImportOptions(mapping={0: "title", 1: "new_field"})
    check = services.deal_import.check(table, options)
    assert "New custom fields (text) are made for the columns Colour." in [str(n) for n in check.notes]
    assert [f.label for f in services.custom_fields.list()] == []  # a check makes nothing
    result = services.deal_import.run(table, options)
    [colour] = services.custom_fields.list()
    assert colour.label == "Colour"
    values = services.custom_fields.values(colour.entity_type, list(result.deals), [colour])
    assert [values.get(i, {}).get(colour.id) for i in result.deals] == ["red", None]
