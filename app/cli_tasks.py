"""`dealdesk tasks list|add|done`: a person's tasks from the command line, grouped as the Tasks area
groups them (in this computer's time zone)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services

_BUCKET_NAMES = {
    "overdue": "Overdue",
    "today": "Today",
    "tomorrow": "Tomorrow",
    "this_week": "This week",
    "later": "Later",
    "no_date": "No date",
    "done": "Done",
}


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    tasks = commands.add_parser("tasks", help="list, add and complete tasks (calls, meetings, to-dos)")
    actions = tasks.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="tasks grouped by when they are due")
    listing.add_argument("--mine", action="store_true", help="only the acting person's (the default)")
    listing.add_argument("--all", action="store_true", help="every task the acting person may see")
    listing.add_argument("--overdue", action="store_true", help="only overdue ones")
    listing.add_argument("--done", action="store_true", help="done ones too")
    listing.add_argument("--json", action="store_true", help="JSON instead of a list")
    add = actions.add_parser("add", parents=[common], help="a new task")
    add.add_argument("--title", required=True)
    add.add_argument("--kind", choices=("todo", "call", "meeting", "email"), default="todo")
    add.add_argument("--deal", type=int, metavar="ID", help="the deal it is about")
    add.add_argument(
        "--due", metavar="WHEN", help="'2026-12-04 10:30' (local time) or a day '2026-12-04' (all day)"
    )
    add.add_argument("--minutes", type=int, help="a meeting's length")
    add.add_argument("--remind", type=int, metavar="MINUTES", help="a reminder this many minutes before")
    add.add_argument("--for", dest="responsible", metavar="LOGIN", help="whose task it is (default: yours)")
    add.add_argument("--description")
    done = actions.add_parser("done", parents=[common], help="mark a task done")
    done.add_argument("task_id", type=int, metavar="ID")
    done.add_argument("--result", help="what came of it")


def _person(services: Services, login: str | None) -> int | None:
    if login is None:
        return None
    person = services.users.by_login(login)
    if person is None:
        raise UsageError(f"There is no user '{login}'.")
    return person.id


def run(services: Services, args: argparse.Namespace) -> int:
    if args.tasks_command == "add":
        made = services.tasks.create(
            args.title,
            kind=args.kind,
            due=_when(args.due),
            duration_minutes=args.minutes,
            deal_id=args.deal,
            description=args.description,
            remind_minutes=args.remind,
            responsible_id=_person(services, args.responsible),
        )
        print(f"Task {made.id} '{made.title}' added{_due_text(made)}.")
        return EXIT_OK
    if args.tasks_command == "done":
        current = services.tasks.get(args.task_id)
        finished = services.tasks.complete(current.id, current.version, args.result)
        print(f"Task {finished.id} '{finished.title}' is done.")
        return EXIT_OK
    groups = services.tasks.grouped(mine=not args.all)
    wanted = ["overdue"] if args.overdue else [b for b in _BUCKET_NAMES if b != "done" or args.done]
    if args.json:
        out = {
            bucket: [_as_json(t) for t in groups[bucket]]  # type: ignore[index]
            for bucket in wanted
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return EXIT_OK
    for bucket in wanted:
        found = groups[bucket]  # type: ignore[index]
        if not found:
            continue
        print(f"{_BUCKET_NAMES[bucket]} ({len(found)})")
        for task in found:
            about = f"  [deal {task.deal_id}: {task.deal_title}]" if task.deal_id else ""
            result = f"  -> {task.result}" if task.result else ""
            print(f"  {task.id:>6}  {task.kind:<7} {task.title}{_due_text(task)}{about}{result}")
    return EXIT_OK


def _when(text: str | None) -> datetime | date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text) if len(text.strip()) == 10 else datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--due {text!r}: write '2026-12-04 10:30' or '2026-12-04'") from exc


def _local(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC).astimezone()


def _due_text(task: Any) -> str:
    if task.due_at is None:
        return ""
    local = _local(task.due_at)
    return f", due {local:%Y-%m-%d}" if task.all_day else f", due {local:%Y-%m-%d %H:%M}"


def _as_json(task: Any) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "kind": task.kind,
        "due_at": _local(task.due_at).isoformat() if task.due_at else None,
        "all_day": task.all_day,
        "done": task.done,
        "result": task.result,
        "deal_id": task.deal_id,
        "deal_title": task.deal_title,
        "responsible": task.responsible_name,
    }
