"""`dealdesk automation list|run|log`: the rules of each pipeline, the engine run headless (once, or
for ever: an office's server keeps automation going with no PC open), and the run log."""

from __future__ import annotations

import argparse
import json
import signal
import time
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    automation = commands.add_parser("automation", help="automation rules, the engine, its run log")
    actions = automation.add_subparsers(dest="automation_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="the rules and triggers of each pipeline")
    listing.add_argument("--json", action="store_true", help="JSON instead of a list")
    run = actions.add_parser("run", parents=[common], help="run due jobs and send the outbox")
    how = run.add_mutually_exclusive_group()
    how.add_argument("--once", action="store_true", help="what is due now, then stop (the default)")
    how.add_argument("--forever", action="store_true", help="keep running (a server's service)")
    run.add_argument("--interval", type=float, default=15.0, metavar="S", help="seconds between rounds")
    run.add_argument("--json", action="store_true")
    log = actions.add_parser("log", parents=[common], help="what ran, for which deal, with what outcome")
    log.add_argument(
        "--status", choices=("waiting", "running", "done", "failed", "skipped", "cancelled", "late")
    )
    log.add_argument("--deal", type=int, metavar="ID")
    log.add_argument("--limit", type=int, default=100)
    log.add_argument("--json", action="store_true")


def run(services: Services, args: argparse.Namespace) -> int:
    if args.automation_command == "list":
        return _list(services, args.json)
    if args.automation_command == "log":
        return _log(services, args)
    return _run(services, args)


def _list(services: Services, as_json: bool) -> int:
    out = []
    for pipeline in services.pipelines.list():
        for stage in services.automation.board(pipeline.id):
            for rule in stage.rules:
                out.append(
                    {
                        "pipeline": pipeline.name,
                        "stage": stage.stage_name,
                        "type": "rule",
                        "id": rule.id,
                        "name": rule.name,
                        "action": rule.action,
                        "does": str(rule.description),
                        "when": rule.timing.when.value,
                        "active": rule.active,
                        "acts_as": rule.created_by_name,
                    }
                )
            for trigger in stage.triggers:
                out.append(
                    {
                        "pipeline": pipeline.name,
                        "stage": stage.stage_name,
                        "type": "trigger",
                        "id": trigger.id,
                        "name": trigger.name,
                        "kind": trigger.kind,
                        "active": trigger.active,
                    }
                )
    if as_json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not out:
        print("No automation rules or triggers yet.")
    for item in out:
        what = item.get("does") or item.get("kind")
        state = "" if item["active"] else "  (off)"
        print(
            f"{item['pipeline']} › {item['stage']}: {item['type']} {item['id']}"
            f" '{item['name']}': {what}{state}"
        )
    return EXIT_OK


def _log(services: Services, args: argparse.Namespace) -> int:
    jobs = services.automation_log.jobs(status=args.status, deal_id=args.deal, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": j.id,
                        "kind": j.kind,
                        "name": j.name,
                        "deal_id": j.deal_id,
                        "deal": j.deal_title,
                        "due_at": j.due_at.isoformat(),
                        "status": j.status,
                        "attempts": j.attempts,
                        "result": str(j.result) if j.result else None,
                        "finished_at": j.finished_at.isoformat() if j.finished_at else None,
                    }
                    for j in jobs
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for j in jobs:
        result = f": {j.result}" if j.result else ""
        print(
            f"{j.id:>7}  {j.status:<9} {j.due_at:%Y-%m-%d %H:%M}"
            f"  deal {j.deal_id} '{j.deal_title}'  {j.name}{result}"
        )
    if not jobs:
        print("Nothing ran yet.")
    return EXIT_OK


def _run(services: Services, args: argparse.Namespace) -> int:
    if args.interval <= 0:
        raise UsageError("--interval must be more than 0 seconds")
    engine = services.automation_engine()
    stop = {"now": False}

    def halt(_signum: int, _frame: Any) -> None:
        stop["now"] = True

    if args.forever:
        signal.signal(signal.SIGTERM, halt)
        signal.signal(signal.SIGINT, halt)
    while True:
        outcome = engine.run_due()
        if args.json:
            print(json.dumps(vars(outcome)), flush=True)
        elif outcome.anything or not args.forever:
            print(
                f"done {outcome.done}, failed {outcome.failed}, skipped {outcome.skipped}, "
                f"cancelled {outcome.cancelled}, late {outcome.late}; "
                f"e-mails sent {outcome.sent}, not sent {outcome.send_failed}",
                flush=True,
            )
        if not args.forever:
            return EXIT_OK
        waited = 0.0
        while waited < args.interval and not stop["now"]:
            time.sleep(0.2)
            waited += 0.2
        if stop["now"]:
            return EXIT_OK
