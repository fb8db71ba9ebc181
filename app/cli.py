"""`dealdesk`: opens the app; `dealdesk <command>` runs a headless command on the same services."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import (
    __version__,
    cli_automation,
    cli_backups,
    cli_import,
    cli_invoices,
    cli_moving,
    cli_people,
    cli_tasks,
    cli_workflows,
)
from app.cli_usage import (
    EXIT_BUSY,
    EXIT_DAMAGED,
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_NO_DATABASE,
    EXIT_OK,
    EXIT_READ_ONLY,
    EXIT_STATUSES,
    EXIT_USAGE,
    UsageError,
)
from app.config import DEMO_DEALS, demo_database, resolve_database, resolve_user

if TYPE_CHECKING:
    from app.services.container import Services


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $DEALDESK_DB, else the user data folder)",
    )
    common.add_argument(
        "--user",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="act as this user (default: $DEALDESK_USER)",
    )

    parser = argparse.ArgumentParser(
        prog="dealdesk",
        description="Dealdesk, a desktop CRM for deals. Without a command it opens the app.",
        parents=[common],
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Dealdesk {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"open the demo database in the user data folder (made with {DEMO_DEALS:,} deals on first use)",
    )
    parser.add_argument(
        "--lang", choices=("en", "de"), help="language of the window (default: settings, else system)"
    )
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--first-run",
        action="store_true",
        help="show the first-start assistant again (language, database, company)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", parents=[common], help="create a database with the default pipeline")
    init.add_argument("--language", choices=("en", "de"), default="en", help="language of default names")

    demo = commands.add_parser("demo", parents=[common], help="fill a new database with demo data")
    demo.add_argument("--deals", type=_count, required=True, metavar="N", help="how many deals")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (same seed, same data)")
    demo.add_argument("--language", choices=("en", "de"), default="en", help="language of names in the data")
    demo.add_argument("--replace", action="store_true", help="delete an existing SQLite file first")

    deals = commands.add_parser("deals", help="list, move and import deals")
    deal_commands = deals.add_subparsers(dest="deals_command", metavar="ACTION", required=True)
    listing = deal_commands.add_parser("list", parents=[common], help="list deals, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--stage", metavar="S", help="only deals in this stage (name or ID)")
    listing.add_argument("--pipeline", metavar="P", help="only deals in this pipeline (name or ID)")
    listing.add_argument("--limit", type=_count, default=50, metavar="N", help="at most N deals (default 50)")
    move = deal_commands.add_parser("move", parents=[common], help="move a deal to another stage")
    move.add_argument("deal_id", type=_positive_id, metavar="ID")
    move.add_argument("stage", metavar="STAGE", help="stage name or ID in the deal's pipeline")
    move.add_argument("--reason", help="loss reason, when moving to a lost stage")

    importing = deal_commands.add_parser(
        "import", parents=[common], help="import deals from a CSV or XLSX file (all rows or none)"
    )
    cli_import.add_import_options(importing)
    cli_import.add_parser(commands, common)

    doc = commands.add_parser("doc", help="documents from templates")
    doc_commands = doc.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    rendering = doc_commands.add_parser(
        "render", parents=[common], help="render a template for a deal (a stored template keeps the document)"
    )
    rendering.add_argument(
        "--template", required=True, metavar="NAME_OR_FILE", help="a stored template's name, or a .docx"
    )
    rendering.add_argument("--deal", required=True, type=_positive_id, metavar="ID")
    rendering.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the .docx to write (.pdf: via LibreOffice)"
    )
    rendering.add_argument(
        "--lang", choices=("en", "de"), help="how a .docx template writes amounts and dates"
    )

    report = commands.add_parser(
        "report",
        parents=[common],
        help="write the Analytics charts (images) and their data (tables) to a folder",
    )
    report.add_argument("--out", required=True, type=Path, metavar="DIR")
    report.add_argument(
        "--period",
        default="this_year",
        choices=(
            "this_month",
            "this_quarter",
            "this_year",
            "last_month",
            "last_quarter",
            "last_year",
            "last_12_months",
        ),
        help="deals closed (won or lost) in this period; default this_year",
    )
    report.add_argument("--from", dest="first", type=_day, metavar="YYYY-MM-DD", help="first day (with --to)")
    report.add_argument("--to", dest="last", type=_day, metavar="YYYY-MM-DD", help="last day (with --from)")
    report.add_argument("--pipeline", metavar="NAME", help="only this pipeline")
    report.add_argument("--responsible", metavar="LOGIN", help="only this person's deals")
    report.add_argument("--department", metavar="NAME", help="only the deals of this department's people")
    report.add_argument("--format", dest="images", choices=("png", "svg", "pdf"), default="png")
    report.add_argument("--data", choices=("csv", "xlsx"), default="csv")
    report.add_argument("--lang", choices=("en", "de"), default="en", help="language of titles and numbers")

    shots = commands.add_parser("shots", parents=[common], help="render every view to PNG files, offscreen")
    shots.add_argument("--out", required=True, type=Path, metavar="DIR")
    shots.add_argument("--lang", choices=("en", "de"), default="en")
    shots.add_argument(
        "--deals", type=_count, default=2_000, metavar="N", help="demo deals when no --db is given"
    )

    cli_people.add_parsers(commands, common)
    cli_tasks.add_parsers(commands, common)
    cli_workflows.add_parsers(commands, common)
    cli_automation.add_parsers(commands, common)
    cli_invoices.add_parsers(commands, common)
    cli_backups.add_parsers(commands, common)
    cli_moving.add_parsers(commands, common)
    return parser


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be at least 1")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _positive_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a deal ID (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a deal ID (IDs start at 1)")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--render-worker"]:  # a frozen Dealdesk as the bounded template worker
        from app.services.documents.worker import serve

        serve()
        return EXIT_OK
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`dealdesk deals list | head`): stop quietly, as other tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        return 141
    except Exception as exc:
        from app.services.core.errors import (
            ConflictError,
            DatabaseError,
            NotFoundError,
            ServiceError,
            ValidationError,
        )

        if isinstance(exc, DatabaseError):
            print(f"dealdesk: error: {exc}", file=sys.stderr)
            return _storage_exits().get(exc.problem, EXIT_FAILED)
        if isinstance(exc, (ValidationError, NotFoundError)):
            return _fail(str(exc))
        if isinstance(exc, (ConflictError, ServiceError)):
            print(f"dealdesk: {exc}", file=sys.stderr)
            return EXIT_FAILED
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """A fault in Dealdesk: one line for the person, the traceback for the log file."""
    from app.logs import log_exception

    where = log_exception(exc, "dealdesk command failed")
    details = f"the details are in {where}" if where is not None else "the log file could not be written"
    print(f"dealdesk: internal error: {type(exc).__name__}: {exc} ({details})", file=sys.stderr)
    return EXIT_INTERNAL


def _storage_exits() -> dict[object, int]:
    from app.storage.failures import Problem

    return {
        Problem.BUSY: EXIT_BUSY,
        Problem.READ_ONLY: EXIT_READ_ONLY,
        Problem.DISK_FULL: EXIT_READ_ONLY,
        Problem.MISSING: EXIT_NO_DATABASE,
        Problem.UNREACHABLE: EXIT_NO_DATABASE,
        Problem.NOT_DEALDESK: EXIT_NO_DATABASE,
        Problem.DAMAGED: EXIT_DAMAGED,
    }


def _fail(message: str) -> int:
    print(f"dealdesk: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    db_option = getattr(args, "db", None)
    user = resolve_user(getattr(args, "user", None))
    if args.command is None:
        from app.gui.launch import run_gui

        database = demo_database() if args.demo and not db_option else resolve_database(db_option)
        if args.demo and not db_option:
            _ensure_demo(database)
        return run_gui(
            database,
            login=user,
            language=args.lang,
            exit_when_shown=args.exit_when_shown,
            first_run=args.first_run,
        )
    database = resolve_database(db_option)
    if args.command == "init":
        return _init(database, args.language)
    if args.command == "demo":
        return _demo(database, args.deals, args.seed, args.language, replace=args.replace)
    if args.command == "shots":
        from app.gui.shots import render_shots

        written = render_shots(args.out, database=db_option, language=args.lang, deals=args.deals)
        print(f"Wrote {len(written)} screenshots to {args.out}")
        return EXIT_OK
    if args.command == "restore":  # never opens the database through the app: it may be damaged
        return cli_backups.run_restore(database, args)
    if args.command == "copy":
        database = cli_moving.source_of(args, database)
    services = _open(database, user, create=False)
    try:
        cli_people.sign_in(services)  # when the database asks who signs in
        if args.command not in ("copy", "backup"):
            _warn_if_moved(services)
        if args.command in ("users", "departments"):
            return cli_people.run(services, args)
        if args.command == "deals" and args.deals_command == "list":
            return _deals_list(services, args)
        if args.command == "deals" and args.deals_command == "move":
            return _deals_move(services, args)
        if args.command == "deals" and args.deals_command == "import":
            return cli_import.import_deals(services, args)
        if args.command == "import":
            return cli_import.run(services, args)
        if args.command == "imports":
            return cli_import.run_imports(services, args)
        if args.command == "export":
            return cli_import.run_export(services, args)
        if args.command == "tasks":
            return cli_tasks.run(services, args)
        if args.command == "automation":
            return cli_automation.run(services, args)
        if args.command == "workflows":
            return cli_workflows.run(services, args)
        if args.command == "invoices":
            return cli_invoices.run(services, args)
        if args.command == "backup":
            return cli_backups.run_backup(services, args)
        if args.command == "copy":
            return cli_moving.run_copy(services, args)
        if args.command == "doc":
            return _doc_render(services, args)
        if args.command == "report":
            return _report(services, args)
    finally:
        services.close()
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE  # not reached: parser.error exits


def _report(services: Services, args: argparse.Namespace) -> int:
    from app.gui.report import ReportOptions, write_report
    from app.services.analytics.service import AnalyticsFilter, Period, period_days

    if (args.first is None) != (args.last is None):
        raise UsageError("--from and --to go together.")
    if args.first is not None and args.last < args.first:
        raise UsageError("--to is before --from.")
    today = date.today()  # noqa: DTZ011 - the user's calendar
    if args.first is not None:
        first, last = args.first, args.last
    else:
        first, last = period_days(Period(args.period), today)
    pipeline_id = services.pipelines.find_pipeline(args.pipeline).id if args.pipeline else None
    people: tuple[int, ...] = ()
    if args.responsible:
        person = services.users.by_login(args.responsible)
        if person is None:
            raise UsageError(f"No user with the login '{args.responsible}'.")
        people = (person.id,)
    department_id = None
    if args.department:
        departments = {u.department_name: u.department_id for u in services.users.list() if u.department_name}
        wanted = args.department.casefold()
        department_id = next((i for name, i in departments.items() if name.casefold() == wanted), None)
        if department_id is None:
            known = ", ".join(sorted(departments))
            raise UsageError(f"No department '{args.department}' (known: {known or 'none'}).")
    written = write_report(
        services,
        AnalyticsFilter(first, last, pipeline_id, people, department_id),
        args.out,
        ReportOptions(images=args.images, data=args.data, language=args.lang),
    )
    print(f"Wrote {len(written)} files for {first.isoformat()} to {last.isoformat()} to {args.out}")
    return EXIT_OK


def _warn_if_moved(services: Services) -> None:
    """A file moved onto a server still opens (to look something up), with a word of warning."""
    moved = services.moving.moved_to()
    if moved is not None:
        print(
            f"dealdesk: warning: {services.database.display_name} was moved to {moved.to} on "
            f"{moved.at:%Y-%m-%d}; changes made here do not reach the server (open it with --db).",
            file=sys.stderr,
        )


def _open(database: str, login: str | None, *, create: bool = True) -> Services:
    from app.services.container import open_services

    return open_services(database, login=login, create=create)


def _init(database: str, language: str) -> int:
    from app.services.container import open_services

    services = open_services(database, language=language)
    try:
        pipelines = services.pipelines.list()
        print(f"Database ready: {services.database.display_name}")
        for pipeline in pipelines:
            print(f"  {pipeline.name}: {' / '.join(s.name for s in pipeline.stages)}")
    finally:
        services.close()
    return EXIT_OK


def _demo(database: str, deals: int, seed: int, language: str, *, replace: bool) -> int:
    from app.cli_progress import ProgressBar
    from app.demo import DemoCancelled, DemoError, generate_demo
    from app.services.container import open_services, sqlite_file

    path = sqlite_file(database)
    if replace:
        if path is None:
            raise UsageError("--replace only deletes SQLite files; empty a server database yourself.")
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)
    created = path is not None and not path.exists()
    services = open_services(database, language=language)
    bar = ProgressBar()
    try:
        stats = generate_demo(
            services.database, deals, seed=seed, language=language, progress=bar, scratch_file=created
        )
    except DemoError as exc:
        raise UsageError(str(exc)) from exc
    except (DemoCancelled, KeyboardInterrupt):
        bar.finish()
        services.close()
        if created and path is not None:
            path.unlink(missing_ok=True)
        print("Cancelled; nothing was written.", file=sys.stderr)
        return 130
    finally:
        bar.finish()
    services.close()
    print(
        f"Demo data in {services.database.display_name}: {stats.deals:,} deals, "
        f"{stats.companies:,} companies, {stats.contacts:,} contacts, {stats.users} users, "
        f"{stats.products} products, {stats.product_rows:,} product rows, {stats.tasks:,} tasks, "
        f"{stats.leads:,} leads, {stats.invoices:,} invoices, {stats.quotes:,} quotes."
    )
    return EXIT_OK


def _ensure_demo(database: str) -> None:
    if Path(database).exists():
        return
    print(f"Making the demo database ({DEMO_DEALS:,} deals) in {database} ...", file=sys.stderr)
    if _demo(database, DEMO_DEALS, seed=1, language="en", replace=False) != EXIT_OK:
        raise UsageError("The demo database could not be made.")


# The keys of a listed deal that show a field (the field access rules name fields).
ROW_KEYS_OF_FIELD = {
    "amount": ("amount", "currency"),
    "company_id": ("company_id", "company_title"),
    "contact_ids": ("contact_name",),
    "responsible_id": ("responsible_id", "responsible_name"),
}


def _deals_list(services: Services, args: argparse.Namespace) -> int:
    from app.services.deals.queries import DealFilter, DealSort

    pipeline_id = services.pipelines.find_pipeline(args.pipeline).id if args.pipeline else None
    stage_ids: tuple[int, ...] = ()
    if args.stage:
        stage_ids = (services.pipelines.find_stage(args.stage, pipeline_id).id,)
    deal_filter = DealFilter(pipeline_id=pipeline_id, stage_ids=stage_ids)
    rows = services.deal_queries.page(deal_filter, DealSort("id", descending=True), 0, args.limit)
    if args.json:
        from app.models import EntityType

        hidden = services.field_rules.hidden_for_me(EntityType.DEAL)
        left_out = {key for field in hidden for key in ROW_KEYS_OF_FIELD.get(field, (field,))}
        json.dump(
            [{k: _jsonable(v) for k, v in asdict(row).items() if k not in left_out} for row in rows],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return EXIT_OK
    total = services.deal_queries.count(deal_filter)
    table = [("ID", "Title", "Stage", "Amount", "Company", "Responsible", "Close date")]
    table += [
        (
            str(r.id),
            _clip(r.title, 40),
            r.stage_name,
            f"{r.amount:,.2f} {r.currency}",
            _clip(r.company_title or "", 28),
            r.responsible_name or "",
            r.close_date.isoformat() if r.close_date else "",
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for n, row in enumerate(table):
        cells = [
            cell.rjust(w) if i in (0, 3) else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"{len(rows):,} of {total:,} deals")
    return EXIT_OK


def _deals_move(services: Services, args: argparse.Namespace) -> int:
    deal = services.deals.get(args.deal_id)
    stage = services.pipelines.find_stage(args.stage, deal.pipeline_id)
    moved = services.deals.move_stage(
        deal.id, stage.id, expected_version=deal.version, loss_reason=args.reason
    )
    if moved.stage_id == deal.stage_id:
        print(f"Deal {deal.id} '{deal.title}' is already in {deal.stage_name}.")
    else:
        print(f"Deal {deal.id} '{deal.title}' moved from {deal.stage_name} to {moved.stage_name}.")
    return EXIT_OK


def _doc_render(services: Services, args: argparse.Namespace) -> int:
    from app.services.documents.worker import render

    documents = services.documents

    document_templates = services.document_templates
    wanted = args.template
    stored = next(
        (
            t
            for t in document_templates.templates()
            if t.name.casefold() == wanted.casefold() or str(t.id) == wanted
        ),
        None,
    )
    pdf = args.out.suffix.lower() == ".pdf"
    if stored is not None:
        made = documents.make(args.deal, stored.id)
        if pdf:
            made = documents.make_pdf(made.id)
        _name, content = documents.content(made.id, pdf=pdf)
        args.out.write_bytes(content)
        print(f"{made.number}: {made.title} -> {args.out}")
        return EXIT_OK
    source = Path(wanted)
    if not source.is_file():
        names = ", ".join(t.name for t in document_templates.templates()) or "none stored"
        raise UsageError(f"--template {wanted!r}: no stored template of that name ({names}) and no such file")
    if pdf:
        raise UsageError("a .docx file template renders to .docx only (store it as a template for PDF)")
    language = args.lang or ("de" if services.office.language() == "de" else "en")
    content = source.read_bytes()
    document_templates.check_template(content, source.name)
    context = documents.context(args.deal, language)
    context["document"] = {"number": "DRAFT", "date": "", "kind": "other", "title": context["deal"]["title"]}
    args.out.write_bytes(render(content, context, language=language))
    print(
        f"draft of {source.name} for deal {args.deal} -> {args.out}"
        " (not kept: store the template to number it)"
    )
    return EXIT_OK


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value
