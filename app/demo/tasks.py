"""The demo's done tasks — about 1.8 a deal — written by the database itself (INSERT … SELECT over the
deals), since a million rows built in Python would cost the demo most of its minute.

Every deal had a first contact when it was made; a closed deal had a last one when it was closed; an
open deal that moved on had one when it entered its stage. Which kind, title and result each took
follows from the deal's id (spread like a random draw, the same on every run)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, case, false, insert, literal, select, true

from app.models import Deal, Task

if TYPE_CHECKING:
    from app.demo.vocabulary import Words

_COLUMNS = [
    "title",
    "kind",
    "result",
    "due_at",
    "done",
    "completed_at",
    "deal_id",
    "responsible_id",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
    "all_day",
]


def _pick(options: list[Any], salt: int) -> ColumnElement[Any]:
    """One of the options, chosen by the deal's id."""
    n = len(options)
    return case({k: literal(v) for k, v in enumerate(options)}, value=(Deal.id * 7919 + salt) % n)


def write_done_tasks(conn: Connection, words: Words) -> int:
    """The done tasks of every deal; returns how many."""
    combos = [
        (kind, title, result)
        for kind, title in words.task_titles
        for result in (*words.task_results[kind], None)  # some were done without a note
    ]
    kinds, titles, results = ([c[i] for c in combos] for i in range(3))
    written = 0
    for moment, condition, salt in (
        (Deal.created_at, true(), 1),  # the first contact
        (Deal.closed_at, Deal.closed.is_(True), 5),  # the last one, as it was won or lost
        (Deal.stage_changed_at, (Deal.closed.is_(False)) & (Deal.id % 3 == 0), 11),  # a step further
    ):
        done = conn.execute(
            insert(Task).from_select(
                _COLUMNS,
                select(
                    _pick(titles, salt),
                    _pick(kinds, salt),
                    _pick(results, salt),
                    moment,
                    true(),
                    moment,
                    Deal.id,
                    Deal.responsible_id,
                    Deal.responsible_id,
                    moment,
                    moment,
                    literal(2),
                    false(),
                ).where(condition, moment.is_not(None)),
            )
        )
        written += done.rowcount
    return written
