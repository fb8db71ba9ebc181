"""The history of an imported deal: when it was created and closed, and the stages it went through
with their dates, from the columns that say so — or, where none does, from what comes closest
(the close date of a won or lost deal), each assumption said in the check's summary.

A date without a time is taken as noon, so that it stays on its day in every time zone; a date with
a time is the time on the importing computer's clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from app.services.importing.cells import datetime_of, has_time

NOON = time(12)


def moment(value: Any, day_first: bool) -> datetime | None:
    """A cell as a stored moment (UTC, naive as the database keeps them); None if not a date."""
    when = datetime_of(value, day_first)
    if when is None:
        return None
    if not has_time(value):
        return datetime.combine(when.date(), NOON)
    if when.tzinfo is None:
        when = when.astimezone()  # the local clock's time
    return when.astimezone(UTC).replace(tzinfo=None)


def day_moment(day: date) -> datetime:
    return datetime.combine(day, NOON)


def stays(
    stage_id: int,
    final_entered: datetime,
    entered: Mapping[int, datetime],
    order: Mapping[int, int],
) -> list[tuple[int, datetime, datetime | None]]:
    """A deal's stays (stage, entered, left): the stages it entered on known dates in the order of
    those dates (the pipeline's order on the same day), its current stage last and still open."""
    earlier = sorted(
        ((when, order.get(stage, 0), stage) for stage, when in entered.items() if stage != stage_id),
        key=lambda item: (item[0], item[1]),
    )
    last = max([final_entered, *(when for when, _sort, _stage in earlier)])
    out: list[tuple[int, datetime, datetime | None]] = []
    for n, (when, _sort, stage) in enumerate(earlier):
        left = earlier[n + 1][0] if n + 1 < len(earlier) else last
        out.append((stage, when, left))
    out.append((stage_id, last, None))
    return out
