"""`dealdesk import FILE --entity deals|users` (and `dealdesk deals import FILE`): the import engine
of the GUI's wizard on the command line — columns matched by name or `--map`, the file's names for
stages, people, sources and products mapped with `--value`, every row checked before anything is
written; the check's assumptions, the columns left out and the names found nowhere are printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from app.services.container import Services
    from app.services.importing.deals import ImportCheck

ENTITIES = ("deals", "companies", "contacts", "leads", "products", "users")


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """The options of a deal import (shared by `import` and `deals import`)."""
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="import a column as a field (title, amount, stage, company, contacts, created_at, closed_at, "
        "external_id, product, ..., a custom field's code, or entered:STAGE for the date a deal entered a "
        "stage); columns are otherwise matched by name; FIELD empty skips the column",
    )
    parser.add_argument(
        "--value",
        action="append",
        default=[],
        metavar="FIELD:VALUE=NAME",
        help="the file's VALUE in FIELD means NAME (e.g. 'stage:Engaging=In progress', "
        "'responsible:Bob S.=Robert Smith'); NAME empty leaves it blank",
    )
    parser.add_argument("--check", action="store_true", help="only check the rows, import nothing")
    parser.add_argument("--pipeline", metavar="P", help="pipeline of rows that name none (name or ID)")
    marks = parser.add_mutually_exclusive_group()
    marks.add_argument("--decimal-comma", action="store_true", help="numbers are written 1.234,56")
    marks.add_argument("--decimal-point", action="store_true", help="numbers are written 1,234.56")
    parser.add_argument("--month-first", action="store_true", help="dates are written 12/31/2026")
    parser.add_argument("--encoding", metavar="NAME", help="the file's encoding (e.g. cp1252), if not UTF-8")
    parser.add_argument(
        "--no-create", action="store_true", help="refuse rows naming unknown companies, contacts or products"
    )
    parser.add_argument(
        "--create-people", action="store_true", help="unknown responsible people become new people"
    )
    parser.add_argument(
        "--duplicates",
        choices=("refuse", "skip", "update"),
        default="refuse",
        help="rows whose ID an earlier import brought in: refuse the file (default), skip them, or update "
        "those deals (never one changed in Dealdesk since)",
    )
    parser.add_argument(
        "--preset",
        choices=("bitrix24", "pipedrive", "hubspot", "none"),
        help="the CRM whose export this is (default: recognised from the column names)",
    )
    parser.add_argument("--mapping", metavar="NAME", help="read the columns as in this saved mapping")
    parser.add_argument(
        "--save-mapping", metavar="NAME", help="keep this file's columns and --value choices under a name"
    )
    parser.add_argument(
        "--system", default="", help="the program the IDs come from (default: the preset's, else 'file')"
    )


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "import", parents=[common], help="import deals or people from a CSV or XLSX file (all rows or none)"
    )
    parser.add_argument("--entity", choices=ENTITIES, default="deals", help="what the file holds")
    parser.add_argument(
        "--all", action="store_true", help="FILE is a folder written by 'export --all': bring all of it in"
    )
    add_import_options(parser)
    export = commands.add_parser(
        "export", parents=[common], help="export everything as CSV files and the documents (administrators)"
    )
    export.add_argument("--all", action="store_true", required=True, help="every record of every kind")
    export.add_argument("folder", type=Path, metavar="DIR")
    made = commands.add_parser("imports", help="the imports made so far; undo one")
    actions = made.add_subparsers(dest="imports_command", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="every import, newest first")
    undo = actions.add_parser(
        "undo", parents=[common], help="remove what an import created and nobody has changed since"
    )
    undo.add_argument("import_id", type=int, metavar="ID")


def run_imports(services: Services, args: argparse.Namespace) -> int:
    if args.imports_command == "list":
        made = services.deal_import.imports()
        if not made:
            print("No imports yet.")
        for item in made:
            state = f", undone {item.undone_at:%Y-%m-%d %H:%M}" if item.undone_at else ""
            print(
                f"{item.operation_id:>5}  {item.at:%Y-%m-%d %H:%M}  {item.file}  {item.deals:,} deals"
                f"  by {item.user_name or '-'}{state}"
            )
        return EXIT_OK
    undone = services.deal_import.undo(args.import_id)
    print(
        f"Removed {undone.deals_removed:,} deals, {undone.companies_removed:,} companies, "
        f"{undone.contacts_removed:,} contacts and {undone.products_removed:,} products the import made."
    )
    if undone.changed:
        print(f"Kept {len(undone.changed):,} deals changed since the import:")
        for ident, title in undone.changed:
            print(f"  {ident}  {title}")
    if undone.refused:
        print(f"Kept {undone.refused:,} deals your role may not delete.")
    if undone.people_kept:
        who = "person" if undone.people_kept == 1 else "people"
        print(f"Kept {undone.people_kept:,} {who} it created (people are never deleted; deactivate them).")
    return EXIT_OK


def run_export(services: Services, args: argparse.Namespace) -> int:
    from app.cli_progress import ProgressBar

    bar = ProgressBar()
    try:
        done = services.export_all.export_all(args.folder, progress=lambda d, t: bar("export", d, t))
    finally:
        bar.finish()
    rows = sum(count for name, count in done.files.items() if name != "documents.csv")
    print(
        f"Exported {len(done.files)} files ({rows:,} rows) and {done.documents:,} documents to {done.folder}."
    )
    return EXIT_OK


def run(services: Services, args: argparse.Namespace) -> int:
    if getattr(args, "all", False):
        from app.cli_progress import ProgressBar

        bar = ProgressBar()
        try:
            made = services.import_all.import_all(args.file, progress=lambda d, t: bar("import", d, t))
        finally:
            bar.finish()
        print(
            f"Imported {made.deals:,} deals; new: {made.pipelines} pipelines, {made.stages} stages, "
            f"{made.custom_fields} custom fields, {made.products:,} products, {made.people} people, "
            f"{made.companies:,} companies, {made.contacts:,} contacts."
        )
        return EXIT_OK
    if getattr(args, "entity", "deals") in ("companies", "contacts", "leads", "products"):
        return import_records(services, args)
    if getattr(args, "entity", "deals") == "users":
        from app.cli_people import import_people_file

        return import_people_file(services, args.file)
    return import_deals(services, args)


def import_deals(services: Services, args: argparse.Namespace) -> int:
    from app.cli_progress import ProgressBar
    from app.services.importing.deals import ImportOptions, ImportRejectedError

    importer = services.deal_import
    table = importer.open(args.file, args.encoding)
    targets = importer.targets()
    labels = {key: [str(label)] for key, label in targets}
    preset = None if args.preset == "none" else args.preset
    if args.preset is None:
        from app.services.importing.presets import recognise

        found = recognise(table.header)
        if found is not None:
            preset = found.key
            print(f"Recognised an export of {found.name} (--preset none to read it as a plain table).")
    mapping = importer.guess(table.header, labels, preset)
    values = _values(args.value)
    if args.mapping:
        saved = services.import_mappings.get(args.mapping)
        if saved is None:
            known = ", ".join(m.name for m in services.import_mappings.list()) or "none"
            raise UsageError(f"--mapping {args.mapping!r}: there is no saved mapping of that name ({known})")
        mapping = saved.mapping_for(table.header)
        values = {**{k: dict(v) for k, v in saved.values.items()}, **values}
        preset = preset or saved.preset
    mapping = _mapped(services, table.header, targets, mapping, args.map)
    pipeline_id = services.pipelines.find_pipeline(args.pipeline).id if args.pipeline else None
    options = ImportOptions(
        mapping=mapping,
        pipeline_id=pipeline_id,
        create_missing=not args.no_create,
        create_users=args.create_people,
        decimal_comma=True if args.decimal_comma else False if args.decimal_point else None,
        day_first=not args.month_first,
        values=values,
        system=args.system,
        duplicates=args.duplicates,
        preset=preset,
    )
    if args.save_mapping:
        services.import_mappings.save(
            args.save_mapping,
            table.header,
            mapping,
            values=values,
            preset=preset,
            decimal_comma=options.decimal_comma,
            day_first=options.day_first,
        )
        print(f"Saved the mapping {args.save_mapping!r}.")
    names = dict(targets)
    for column, target in sorted(mapping.items()):
        print(f"  {table.header[column]} -> {names[target]}")
    bar = ProgressBar()
    check: ImportCheck
    try:
        if args.check:
            check = importer.check(table, options, progress=lambda d, t: bar("check", d, t))
        else:
            presence = services.presence()  # others waiting for the file read whose import it is
            try:
                if presence is not None:
                    presence.set_activity(f"importing {args.file.name} (dealdesk import)")
                result = importer.run(table, options, progress=lambda d, t: bar("import", d, t))
            except ImportRejectedError as exc:
                check = exc.check
            else:
                bar.finish()
                count = len(result.deals)
                print(
                    f"Imported {count:,} deal{'' if count == 1 else 's'} ({result.new_companies:,} new"
                    f" companies, {result.new_contacts:,} new contacts, {result.new_people:,} new people,"
                    f" {result.new_products:,} new products"
                    + (f"; {len(result.updated):,} updated" if result.updated else "")
                    + (f"; {result.skipped:,} imported before, skipped" if result.skipped else "")
                    + ")."
                )
                return EXIT_OK
            finally:
                if presence is not None:
                    presence.stop()
    finally:
        bar.finish()
    _report(check)
    if check.ok:
        print(
            f"All {check.deals:,} deals can be imported ({check.new_companies:,} new companies, "
            f"{check.new_contacts:,} new contacts, {check.new_people:,} new people, "
            f"{check.new_products:,} new products)."
        )
        return EXIT_OK
    for problem in check.problems:
        print(problem.message, file=sys.stderr)
    if check.more_problems:
        print(f"... and {check.more_problems:,} more kinds of problems.", file=sys.stderr)
    print("Nothing was imported.", file=sys.stderr)
    return EXIT_USAGE


def import_records(services: Services, args: argparse.Namespace) -> int:
    """Companies, contacts, leads or products from a table: every row checked, then all or none."""
    from app.cli_progress import ProgressBar
    from app.services.importing.records import RecordImportRejectedError, RecordOptions

    importer = services.record_import
    kind = args.entity
    table = services.deal_import.open(args.file, args.encoding)
    targets = importer.targets(kind)
    known = {key for key, _label in targets}
    mapping = _with_maps(table.header, importer.guess(kind, table.header), args.map, known)
    options = RecordOptions(
        mapping=mapping,
        decimal_comma=True if args.decimal_comma else False if args.decimal_point else None,
        create_missing=not args.no_create,
        duplicates=args.duplicates,
        values=_values(args.value),
        system=args.system or "file",
    )
    names = dict(targets)
    for column, target in sorted(mapping.items()):
        print(f"  {table.header[column]} -> {names[target]}")
    bar = ProgressBar()
    try:
        if args.check:
            check = importer.check(kind, table, options, progress=lambda d, t: bar("check", d, t))
        else:
            try:
                result = importer.run(kind, table, options, progress=lambda d, t: bar("import", d, t))
            except RecordImportRejectedError as exc:
                check = exc.check
            else:
                bar.finish()
                extra = f" ({result.new_companies:,} new companies)" if result.new_companies else ""
                print(
                    f"Imported {len(result.created):,} {kind}, updated {len(result.updated):,}, "
                    f"skipped {result.skipped:,}{extra}."
                )
                return EXIT_OK
    finally:
        bar.finish()
    if check.unmapped:
        print("Not imported (no field chosen): " + ", ".join(check.unmapped))
    if check.ok:
        print(f"All {check.rows:,} rows can be imported ({check.new:,} new, {check.updates:,} to update).")
        return EXIT_OK
    for problem in check.problems:
        print(problem.message, file=sys.stderr)
    if check.more_problems:
        print(f"... and {check.more_problems:,} more kinds of problems.", file=sys.stderr)
    print("Nothing was imported.", file=sys.stderr)
    return EXIT_USAGE


def _report(check: ImportCheck) -> None:
    for note in check.notes:
        print(f"Note: {note}")
    if check.unmapped:
        print("Not imported (no field chosen): " + ", ".join(check.unmapped))
    if check.unknown:
        print("Names found nowhere (map them with --value FIELD:VALUE=NAME):")
        for item in check.unknown:
            hint = f" - did you mean '{item.suggestion}'?" if item.suggestion else ""
            print(f"  {item.target}: '{item.value}' ({item.rows:,} rows){hint}")


def _mapped(
    services: Services,
    header: tuple[str, ...],
    targets: list[tuple[str, Any]],
    mapping: dict[int, str],
    items: list[str],
) -> dict[int, str]:
    codes = {f.code: f"uf:{f.id}" for f in services.custom_fields.list()}
    stages = {
        name.casefold(): f"entered:{stage.id}"
        for pipeline in services.pipelines.list()
        for stage in pipeline.stages
        for name in (stage.name, str(stage.id))
    }

    def named(target: str) -> str:  # a stage by name, a custom field by its code
        if target.startswith("entered:"):
            target = stages.get(target.removeprefix("entered:").casefold(), target)
        return codes.get(target.removeprefix("uf:"), target) if target else ""

    return _with_maps(header, mapping, items, {key for key, _label in targets}, named)


def _with_maps(
    header: tuple[str, ...],
    mapping: dict[int, str],
    items: list[str],
    known: set[str],
    named: Callable[[str], str] = lambda target: target,
) -> dict[int, str]:
    """The guessed mapping with each --map COLUMN=FIELD applied (FIELD empty: the column is left out)."""
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or column not in header:
            raise UsageError(f"--map {item!r}: the file has no column {column!r} ({', '.join(header)})")
        target = named(target)
        if target and target not in known:
            raise UsageError(f"--map {item!r}: there is no field {target!r} ({', '.join(sorted(known))})")
        index = header.index(column)
        mapping = {c: t for c, t in mapping.items() if t != target and c != index}
        if target:
            mapping[index] = target
    return mapping


def _values(items: list[str]) -> dict[str, dict[str, str]]:
    values: dict[str, dict[str, str]] = {}
    for item in items:
        target, colon, rest = item.partition(":")
        value, equals, name = rest.partition("=")
        if not colon or not equals or not target or not value:
            raise UsageError(f"--value {item!r}: write FIELD:VALUE=NAME, e.g. 'stage:Engaging=In progress'")
        values.setdefault(target, {})[value] = name
    return values
