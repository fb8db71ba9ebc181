"""`dealdesk workflows list|start|instances|stop|approve|reject|export|import|ready-made`: workflows
from the command line. They run in `dealdesk automation run` (or any open Dealdesk), like the rules."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services
    from app.services.workflows.service import InstanceInfo


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    flows = commands.add_parser("workflows", help="workflow templates, starting them, their runs, approvals")
    actions = flows.add_subparsers(dest="workflows_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="the workflow templates")
    listing.add_argument("--entity", choices=("deal", "contact", "company", "lead", "invoice"))
    listing.add_argument("--json", action="store_true", help="JSON instead of a table")
    start = actions.add_parser("start", parents=[common], help="start a workflow on records")
    start.add_argument("template", metavar="TEMPLATE", help="the template's ID or name")
    start.add_argument(
        "records", metavar="ID", type=int, nargs="+", help="the records (deals, ...) to run it on"
    )
    start.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter it asks for"
    )
    start.add_argument("--json", action="store_true", help="the new runs' IDs as JSON")
    runs = actions.add_parser(
        "instances", parents=[common], help="workflow runs (everyone's: administrators)"
    )
    runs.add_argument("--status", choices=("live", "running", "waiting", "finished", "failed", "stopped"))
    runs.add_argument("--template", metavar="TEMPLATE", help="only this template's (ID or name)")
    runs.add_argument("--entity", choices=("deal", "contact", "company", "lead", "invoice"))
    runs.add_argument("--record", type=int, metavar="ID", help="only this record's (with --entity)")
    runs.add_argument("--path", action="store_true", help="with the steps each took")
    runs.add_argument("--limit", type=int, default=200)
    runs.add_argument("--json", action="store_true", help="JSON instead of a table")
    stop = actions.add_parser("stop", parents=[common], help="stop a running workflow")
    stop.add_argument("instance", type=int, metavar="RUN")
    for verb in ("approve", "reject"):
        answer = actions.add_parser(verb, parents=[common], help=f"{verb} what an approval task asks")
        answer.add_argument("task", type=int, metavar="TASK")
        answer.add_argument("--comment", default="")
    export = actions.add_parser("export", parents=[common], help="a template as a file")
    export.add_argument("template", metavar="TEMPLATE")
    export.add_argument("--out", required=True, metavar="FILE.json")
    imported = actions.add_parser("import", parents=[common], help="a template from a file")
    imported.add_argument("file", metavar="FILE.json")
    imported.add_argument("--name", help="under another name")
    actions.add_parser("ready-made", parents=[common], help="add the three ready-made templates")


def run(services: Services, args: argparse.Namespace) -> int:
    flows = services.workflows
    command = args.workflows_command
    if command == "list":
        templates = flows.templates(args.entity)
        if args.json:
            print(json.dumps([_template_json(t) for t in templates], indent=2, ensure_ascii=False))
            return EXIT_OK
        if not templates:
            print("No workflows yet (`dealdesk workflows ready-made` adds three examples).")
        for t in templates:
            starts = ", ".join(
                name
                for name, on in (
                    ("by hand", t.start_manual),
                    ("new", t.start_on_create),
                    ("change", t.start_on_change),
                )
                if on
            )
            state = "" if t.active else "  (off)"
            print(f"{t.id:>4}  {t.entity:<8} v{t.number:<3} {t.name}  [{starts}]  {t.running} running{state}")
        return EXIT_OK
    if command == "start":
        template = _template(services, args.template)
        parameters = dict(_pair(p) for p in args.param)
        ids = flows.start(template.id, args.records, parameters)
        if args.json:
            print(json.dumps(ids))
        else:
            print(f"Started '{template.name}' on {len(ids)} records: runs {_span(ids)}.")
        return EXIT_OK
    if command == "instances":
        template_id = _template(services, args.template).id if args.template else None
        if args.record is not None and args.entity is None:
            raise UsageError("--record needs --entity (deal, contact, company, lead or invoice).")
        found = flows.instances(
            status=args.status,
            template_id=template_id,
            entity=args.entity,
            record_id=args.record,
            limit=args.limit,
        )
        if args.json:
            print(json.dumps([_instance_json(i) for i in found], indent=2, ensure_ascii=False, default=str))
            return EXIT_OK
        for i in found:
            waits = f" (waits for {', '.join(i.waiting_for)})" if i.waiting_for else ""
            print(
                f"{i.id:>6}  {i.status:<8}{waits:<24} {i.template_name} v{i.version_number}  "
                f"{i.entity} {i.record_id}  started {i.started_at:%Y-%m-%d %H:%M} by {i.started_by or '-'}"
            )
            if args.path:
                for entry in i.path:
                    step = entry.get("step") or ""
                    print(f"          {entry.get('at', '')}  {step:<12} {_said(entry.get('result'))}")
        return EXIT_OK
    if command == "stop":
        flows.stop(args.instance)
        print(f"Workflow run {args.instance} stopped.")
        return EXIT_OK
    if command in ("approve", "reject"):
        flows.answer(args.task, approve=command == "approve", comment=args.comment)
        print(f"{'Approved' if command == 'approve' else 'Rejected'} (task {args.task}).")
        return EXIT_OK
    if command == "export":
        template = _template(services, args.template)
        Path(args.out).write_text(flows.export_template(template.id), encoding="utf-8")
        print(f"Wrote '{template.name}' to {args.out}.")
        return EXIT_OK
    if command == "import":
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"Can't read {args.file}: {exc.strerror}.") from exc
        made = flows.import_template(text, args.name)
        print(f"Imported '{made.name}' (workflow {made.id}).")
        return EXIT_OK
    from app.services.workflows.ready_made import install_ready_made

    made = install_ready_made(services)
    print(f"Added {len(made)} workflows: {', '.join(t.name for t in made)}.")
    return EXIT_OK


def _template(services: Services, given: str) -> Any:
    templates = services.workflows.templates()
    found = [t for t in templates if str(t.id) == given or t.name.casefold() == given.casefold()]
    if not found:
        raise UsageError(f"There is no workflow '{given}' (see `dealdesk workflows list`).")
    return found[0]


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--param {text!r}: write NAME=VALUE.")
    return name.strip(), value


def _span(ids: list[int]) -> str:
    return ", ".join(map(str, ids)) if len(ids) <= 5 else f"{ids[0]}–{ids[-1]}"


def _said(stored: Any) -> str:
    from app.services.automation.running import said_message

    return str(said_message(stored) or "")


def _template_json(t: Any) -> dict[str, Any]:
    return {
        "id": t.id,
        "name": t.name,
        "entity": t.entity,
        "version": t.number,
        "active": t.active,
        "start_manual": t.start_manual,
        "start_on_create": t.start_on_create,
        "start_on_change": t.start_on_change,
        "change_fields": t.change_fields,
        "running": t.running,
        "steps": len(t.definition.get("steps", [])),
    }


def _instance_json(i: InstanceInfo) -> dict[str, Any]:
    return {
        "id": i.id,
        "template_id": i.template_id,
        "template": i.template_name,
        "version": i.version_number,
        "entity": i.entity,
        "record_id": i.record_id,
        "status": i.status,
        "waiting_for": i.waiting_for,
        "started_at": i.started_at.isoformat(),
        "finished_at": i.finished_at.isoformat() if i.finished_at else None,
        "started_by": i.started_by,
        "error": _said(i.error) if i.error else None,
        "path": [{**entry, "result": _said(entry.get("result"))} for entry in i.path],
    }
