"""The headless commands: same services, clear messages, exit 2 on bad arguments."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.config import resolve_database
from app.services.container import open_services


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_database_precedence(tmp_path: Path) -> None:
    env = {"DEALDESK_DB": str(tmp_path / "env.sqlite")}
    assert resolve_database(str(tmp_path / "flag.sqlite"), env) == str(tmp_path / "flag.sqlite")
    assert resolve_database(None, env) == str(tmp_path / "env.sqlite")
    default = resolve_database(None, {})
    assert default.endswith("dealdesk.sqlite")
    assert "Dealdesk" in default


def test_init_creates_the_default_pipeline(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "init", "--db", str(tmp_path / "x.sqlite"), "--language", "de")
    assert code == 0
    assert "Vertrieb: Neu / Dokumente vorbereiten / Rechnung / In Bearbeitung / Schlussrechnung" in out


def test_demo_then_list_and_move(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "demo.sqlite")
    code, out, _ = run(capsys, "demo", "--deals", "120", "--seed", "2", "--db", db)
    assert code == 0
    assert "120 deals" in out

    code, out, _ = run(capsys, "deals", "list", "--db", db, "--limit", "5")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "Title", "Stage"]
    assert lines[-1] == "5 of 120 deals"

    code, out, _ = run(capsys, "deals", "list", "--json", "--pipeline", "Sales", "--stage", "New", "--db", db)
    deals = json.loads(out)
    assert code == 0
    assert deals
    assert {d["stage_name"] for d in deals} == {"New"}
    assert {d["pipeline_name"] for d in deals} == {"Sales"}
    first = deals[0]
    assert isinstance(first["amount"], str)
    assert "." in first["amount"]

    code, out, _ = run(capsys, "deals", "move", str(first["id"]), "won", "--db", db)
    assert code == 0
    assert out.strip() == f"Deal {first['id']} '{first['title']}' moved from New to Won."
    services = open_services(db)
    assert services.deals.get(first["id"]).closed
    services.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deals", "move", "999", "Won"], "Deal 999 does not exist"),
        (["deals", "move", "1", "Nowhere"], "There is no stage 'Nowhere'"),
        (["deals", "list", "--pipeline", "Nope"], "There is no pipeline 'Nope' (there are: Sales)"),
        (["deals", "list", "--limit", "0"], "'0' must be at least 1"),
        (["deals", "list", "--limit", "many"], "'many' is not a whole number"),
        (["deals", "move", "abc", "Won"], "'abc' is not a deal ID"),
        (["demo", "--deals", "-5"], "must be at least 1"),
    ],
)
def test_bad_arguments_exit_2_with_a_clear_message(tmp_path: Path, capsys, args, message) -> None:
    db = tmp_path / "bad.sqlite"
    services = open_services(str(db))
    services.deals.create(title="The only deal")
    services.close()
    code, out, err = run(capsys, *args, "--db", str(db))
    assert code == 2
    assert message in err
    assert out == ""


def test_not_a_database_exits_5(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello " * 200)
    code, _out, err = run(capsys, "deals", "list", "--db", str(bogus))
    assert code == 5
    assert "is not a Dealdesk database" in err
    assert "Traceback" not in err


def test_demo_refuses_a_database_with_deals_unless_replaced(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "d.sqlite")
    assert run(capsys, "demo", "--deals", "10", "--db", db)[0] == 0
    code, _out, err = run(capsys, "demo", "--deals", "10", "--db", db)
    assert code == 2
    assert "new, empty database" in err
    code, out, _err = run(capsys, "demo", "--deals", "12", "--db", db, "--replace")
    assert code == 0
    assert "12 deals" in out


def test_backup_command(tmp_path: Path, capsys) -> None:
    db = tmp_path / "d.sqlite"
    open_services(str(db)).close()
    code, out, _ = run(capsys, "backup", "--db", str(db), "--out", str(tmp_path / "copy.sqlite"))
    assert code == 0
    assert (tmp_path / "copy.sqlite").exists()
    assert "Backed up" in out
    code, _out, err = run(
        capsys, "backup", "--db", str(tmp_path / "missing.sqlite"), "--out", str(tmp_path / "c")
    )
    assert code == 5  # no database there: created only by `init`
    assert "Is the network drive connected?" in err
    assert not (tmp_path / "missing.sqlite").exists()


def test_environment_variable_chooses_the_database(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("DEALDESK_DB", str(db))
    assert run(capsys, "init")[0] == 0
    assert db.exists()


def test_headless_commands_do_not_load_qt(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite"
    code = (
        "import sys; from app.cli import main; "
        f"main(['init', '--db', {str(db)!r}]); main(['deals', 'list', '--db', {str(db)!r}]); "
        "print('QT', any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "QT False" in out


def test_python_dash_m_app_is_the_same_command(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "app", "init", "--db", str(tmp_path / "m.sqlite")], capture_output=True
    )
    assert made.returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "app", "deals", "list", "--db", str(tmp_path / "m.sqlite")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "0 of 0 deals" in result.stdout
    bad = subprocess.run([sys.executable, "-m", "app", "frobnicate"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "invalid choice" in bad.stderr


def test_version_matches_pyproject() -> None:
    import tomllib

    import app

    root = Path(__file__).resolve().parents[2]
    assert app.__version__ == tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]


def test_import_checks_then_imports_a_csv(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    source = tmp_path / "old.csv"
    source.write_text("Name;Wert;Note\nDesk;1.234,50;first\nChair;zwei;second\n", encoding="utf-8")
    code, out, err = run(
        capsys, "deals", "import", str(source), "--db", db, "--decimal-comma", "--map", "Note=comments"
    )
    assert code == 2
    assert "Row 3: 'zwei' in column 'Wert' is not a number." in err
    assert "Nothing was imported." in err
    source.write_text("Name;Wert;Note\nDesk;1.234,50;first\n", encoding="utf-8")
    code, out, err = run(
        capsys, "deals", "import", str(source), "--db", db, "--decimal-comma", "--map", "Note=comments"
    )
    assert code == 0, err
    assert "Name -> Title" in out
    assert "Note -> Comments" in out
    assert "Imported 1 deal (0 new companies, 0 new contacts, 0 new people, 0 new products)." in out
    code, out, _ = run(capsys, "deals", "list", "--json", "--db", db)
    [deal] = json.loads(out)
    assert (deal["title"], deal["amount"]) == ("Desk", "1234.50")
    code, _, err = run(capsys, "deals", "import", str(source), "--db", db, "--map", "Nope=title")
    assert code == 2
    assert "the file has no column 'Nope'" in err


def test_import_command_maps_values_creates_people_and_refuses_a_second_import(
    tmp_path: Path, capsys
) -> None:
    db = str(tmp_path / "x.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    source = tmp_path / "history.csv"
    source.write_text(
        "opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value,colour\n"
        "O1,Anna Adler,Won,2024-02-01,2024-03-15,1054.00,red\n"
        "O2,Anna Adler,Engaging,2024-05-02,,,blue\n",
        encoding="utf-8",
    )
    common = ["import", str(source), "--entity", "deals", "--db", db, "--value", "stage:Engaging=In progress"]
    code, out, err = run(capsys, *common, "--check")
    assert code == 2
    assert "Rows 2, 3: There is no user named 'Anna Adler'." in err
    assert "responsible: 'Anna Adler' (2 rows)" in out  # listed once, for --value or --create-people
    assert "Not imported (no field chosen): colour" in out
    code, out, err = run(capsys, *common, "--create-people", "--map", "engage_date=entered:In progress")
    assert code == 0, err
    assert "engage_date -> Entered In progress (Sales)" in out
    assert "Imported 2 deals (0 new companies, 0 new contacts, 1 new people, 0 new products)." in out
    code, out, _ = run(capsys, "deals", "list", "--json", "--db", db)
    won = next(d for d in json.loads(out) if d["stage_name"] == "Won")
    assert (won["created_at"][:10], won["stage_changed_at"][:10]) == ("2024-02-01", "2024-03-15")
    code, _, err = run(capsys, *common, "--create-people")
    assert code == 2
    assert "were imported before" in err
    code, out, _ = run(capsys, *common, "--create-people", "--duplicates", "skip")
    assert code == 0
    assert "Imported 0 deals" in out
    code, out, _ = run(capsys, "imports", "list", "--db", db)
    assert "history.csv  2 deals  by Administrator" in out
    first = int(out.splitlines()[-1].split()[0])  # the oldest: the one that made the deals
    code, out, _ = run(capsys, "imports", "undo", str(first), "--db", db)
    assert code == 0
    assert "Removed 2 deals, 0 companies, 0 contacts and 0 products the import made." in out
    assert "Kept 1 person it created" in out
    code, out, _ = run(capsys, "deals", "list", "--json", "--db", db)
    assert json.loads(out) == []


def test_doc_render_with_a_stored_template_and_a_file(tmp_path: Path, capsys) -> None:
    from docx import Document

    from app.services.container import open_services

    db = str(tmp_path / "x.sqlite")
    services = open_services(db)
    deal = services.deals.create(title="Kitchen & more")
    services.document_templates.add_shipped_templates()
    services.close()
    out = tmp_path / "invoice.docx"
    code, stdout, err = run(
        capsys,
        "doc",
        "render",
        "--template",
        "invoice",
        "--deal",
        str(deal.id),
        "--out",
        str(out),
        "--db",
        db,
    )
    assert code == 0, err
    assert "INV-" in stdout
    assert any("Kitchen & more" in p.text for p in Document(str(out)).paragraphs)
    own = tmp_path / "own.docx"
    document = Document()
    document.add_paragraph("Deal: {{ deal.title }} / {{ document.number }}")
    document.save(str(own))
    draft = tmp_path / "draft.docx"
    code, stdout, err = run(
        capsys,
        "doc",
        "render",
        "--template",
        str(own),
        "--deal",
        str(deal.id),
        "--out",
        str(draft),
        "--db",
        db,
    )
    assert code == 0, err
    assert Document(str(draft)).paragraphs[0].text == "Deal: Kitchen & more / DRAFT"
    code, _out, err = run(
        capsys, "doc", "render", "--template", "nope", "--deal", str(deal.id), "--out", str(draft), "--db", db
    )
    assert code == 2
    assert "no stored template" in err


@pytest.mark.slow  # renders every chart of a demo database (~17 s)
def test_report_writes_every_chart_and_its_data(tmp_path: Path, capsys, qapp) -> None:
    # qapp: the GUI tests that follow need a QApplication, not the QCoreApplication the command makes.
    from datetime import date

    from openpyxl import load_workbook

    from app.reports.charts import CHARTS
    from app.services.analytics.service import AnalyticsFilter

    db = str(tmp_path / "r.sqlite")
    assert run(capsys, "demo", "--db", db, "--deals", "400")[0] == 0
    out = tmp_path / "report"
    code, said, _ = run(
        capsys, "report", "--db", db, "--out", str(out), "--from", "2000-01-01", "--to", "2100-12-31"
    )
    assert code == 0, said
    assert "Wrote 18 files" in said
    for chart in CHARTS:
        assert (out / f"{chart}.png").read_bytes()[:4] == b"\x89PNG"
        assert (out / f"{chart}.csv").stat().st_size > 0
    services = open_services(db)
    try:
        data = services.analytics.dashboard(AnalyticsFilter(date(2000, 1, 1), date(2100, 12, 31)))
    finally:
        services.close()
    lines = (out / "sources.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Source,Amount (EUR),Won deals,Win rate %"
    assert sum(int(line.split(",")[2]) for line in lines[1:]) == sum(b.count for b in data.sources)

    german = tmp_path / "bericht"
    code, _, _ = run(
        capsys,
        "report",
        "--db",
        db,
        "--out",
        str(german),
        "--lang",
        "de",
        "--data",
        "xlsx",
        "--format",
        "pdf",
        "--from",
        "2000-01-01",
        "--to",
        "2100-12-31",
    )
    assert code == 0
    assert (german / "months.pdf").read_bytes()[:4] == b"%PDF"
    book = load_workbook(german / "products.xlsx", read_only=True)
    try:
        rows = list(book.active.iter_rows(values_only=True))
    finally:
        book.close()
    assert rows[0] == ("Produkt", "Betrag (EUR)")
    assert [(r[0], round(float(r[1]), 2)) for r in rows[1:]] == [
        (b.label, round(float(b.value), 2)) for b in data.products
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-01-01"), "--from and --to go together"),
        (("--from", "2026-02-01", "--to", "2026-01-01"), "--to is before --from"),
        (("--responsible", "nobody"), "No user with the login 'nobody'"),
        (("--pipeline", "Nowhere"), "Nowhere"),
    ],
)
def test_report_refuses_bad_filters(tmp_path: Path, capsys, qapp, args, message) -> None:
    db = str(tmp_path / "r.sqlite")
    run(capsys, "init", "--db", db)
    code, _, err = run(capsys, "report", "--db", db, "--out", str(tmp_path / "out"), *args)
    assert code == 2
    assert message in err
    assert not (tmp_path / "out").exists()


def test_a_saved_mapping_reads_the_next_file_of_the_same_kind(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    first = tmp_path / "march.csv"
    first.write_text("Vorgang;Wert;Zustand\nA;10;Offen\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "import",
        str(first),
        "--db",
        db,
        "--map",
        "Vorgang=title",
        "--map",
        "Wert=amount",
        "--map",
        "Zustand=stage",
        "--value",
        "stage:Offen=New",
        "--save-mapping",
        "Our old CRM",
    )
    assert code == 0, err
    assert "Saved the mapping 'Our old CRM'." in out
    second = tmp_path / "april.csv"
    second.write_text("Zustand;Vorgang;Wert;Extra\nOffen;B;20;x\n", encoding="utf-8")  # other order
    code, out, err = run(capsys, "import", str(second), "--db", db, "--mapping", "Our old CRM")
    assert code == 0, err
    assert "Imported 1 deal" in out
    code, out, _ = run(capsys, "deals", "list", "--json", "--db", db)
    assert sorted((d["title"], d["amount"], d["stage_name"]) for d in json.loads(out)) == [
        ("A", "10.00", "New"),
        ("B", "20.00", "New"),
    ]
    code, _, err = run(capsys, "import", str(second), "--db", db, "--mapping", "Nope")
    assert code == 2
    assert "there is no saved mapping of that name (Our old CRM)" in err


def test_import_companies_and_contacts_from_vcard(tmp_path: Path, capsys) -> None:
    from tests.unit.test_import_records import VCARDS

    db = str(tmp_path / "x.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    companies = tmp_path / "firmen.csv"
    companies.write_text("Firma;Telefon\nKrause KG;+49 30 123\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(companies), "--entity", "companies", "--db", db)
    assert code == 0, err
    assert "Firma -> Company name" in out
    assert "Imported 1 companies, updated 0, skipped 0." in out
    cards = tmp_path / "kontakte.vcf"
    cards.write_text(VCARDS, encoding="utf-8")
    code, out, err = run(capsys, "import", str(cards), "--entity", "contacts", "--db", db, "--check")
    assert code == 0, err
    assert "All 2 rows can be imported (2 new, 0 to update)." in out
    code, out, err = run(capsys, "import", str(cards), "--entity", "contacts", "--db", db)
    assert "Imported 2 contacts, updated 0, skipped 0 (1 new companies)." in out  # Krause KG was there


def test_tasks_add_list_done(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    code, out, err = run(
        capsys,
        "tasks",
        "add",
        "--title",
        "Call Meyer",
        "--kind",
        "call",
        "--due",
        "2020-01-02 10:00",
        "--db",
        db,
    )
    assert code == 0, err
    assert "Task 1 'Call Meyer' added, due 2020-01-02 10:00." in out
    run(capsys, "tasks", "add", "--title", "Someday", "--db", db)
    code, out, _ = run(capsys, "tasks", "list", "--overdue", "--json", "--db", db)
    assert [t["title"] for t in json.loads(out)["overdue"]] == ["Call Meyer"]
    code, out, _ = run(capsys, "tasks", "done", "1", "--result", "wants a quote", "--db", db)
    assert "Task 1 'Call Meyer' is done." in out
    code, out, _ = run(capsys, "tasks", "list", "--done", "--db", db)
    assert "No date (1)" in out
    assert "-> wants a quote" in out
    code, _, err = run(capsys, "tasks", "add", "--title", "X", "--due", "soon", "--db", db)
    assert code == 2
    assert "write '2026-12-04 10:30' or '2026-12-04'" in err


def test_a_listing_piped_into_head_stops_quietly(tmp_path: Path) -> None:
    """`dealdesk deals list | head -1`: the reader goes away; no error, no traceback."""
    import subprocess
    import sys

    db = str(tmp_path / "p.sqlite")
    made = subprocess.run(
        [sys.executable, "-m", "app", "demo", "--db", db, "--deals", "3000"], capture_output=True
    )
    assert made.returncode == 0
    listing = subprocess.Popen(
        [sys.executable, "-m", "app", "deals", "list", "--db", db, "--limit", "3000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None
    assert listing.stderr is not None
    listing.stdout.readline()
    listing.stdout.close()  # as head does after its line
    error = listing.stderr.read()
    listing.stderr.close()
    assert listing.wait(timeout=60) in (0, 141)
    assert error == b""
