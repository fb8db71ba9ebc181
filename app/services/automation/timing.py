"""When a rule runs once its deal entered the stage: at once, after a delay, some days before or after
one of the deal's dates, at a time of day; on working days (and hours) only if asked — the office's
calendar of working days and hours is an office setting."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems

MSG_MINUTES = QT_TRANSLATE_NOOP("errors", "A delay is between 1 minute and 365 days.")
MSG_DAYS = QT_TRANSLATE_NOOP("errors", "Days before or after a date are between 0 and 365.")
MSG_DATE_FIELD = QT_TRANSLATE_NOOP("errors", "Choose the deal's date the rule counts from.")
MSG_AT = QT_TRANSLATE_NOOP("errors", "'{value}' is not a time of day (HH:MM).")
DATE_FIELDS = ("close_date", "begin_date")  # and custom date fields: "uf:<code>"


class When(enum.StrEnum):
    NOW = "now"
    DELAY = "delay"  # `minutes` after entering the stage
    BEFORE = "before"  # `days` before the deal's `field` (a date), at `at` (default 09:00)
    AFTER = "after"
    AT = "at"  # the next `at` (HH:MM) after entering the stage


@dataclass(frozen=True)
class Timing:
    when: When = When.NOW
    minutes: int = 0
    days: int = 0
    field: str | None = None
    at: str | None = None  # "HH:MM" on this office's clock
    working_days: bool = False

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, 0, False)}
        data["when"] = self.when.value
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Timing:
        raw: dict[str, Any] = json.loads(text or "{}")
        return cls(
            When(raw.get("when", "now")),
            int(raw.get("minutes", 0)),
            int(raw.get("days", 0)),
            raw.get("field"),
            raw.get("at"),
            bool(raw.get("working_days", False)),
        )

    def check(self, problems: Problems) -> None:
        if self.when is When.DELAY and not 1 <= self.minutes <= 365 * 24 * 60:
            problems.add("minutes", MSG_MINUTES)
        if self.when in (When.BEFORE, When.AFTER):
            if not 0 <= self.days <= 365:
                problems.add("days", MSG_DAYS)
            if not self.field or not (self.field in DATE_FIELDS or self.field.startswith("uf:")):
                problems.add("field", MSG_DATE_FIELD)
        if (self.when is When.AT or self.at) and _clock(self.at) is None:
            problems.add("at", MSG_AT, value=self.at or "")


@dataclass(frozen=True)
class OfficeHours:
    """The office's working week: which weekdays (0 = Monday) and from when to when."""

    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(9)
    end: time = time(17)

    def to_json(self) -> str:
        return json.dumps(
            {
                "weekdays": list(self.weekdays),
                "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"),
            }
        )

    @classmethod
    def from_json(cls, text: str | None) -> OfficeHours:
        if not text:
            return cls()
        raw = json.loads(text)
        return cls(
            tuple(int(d) for d in raw.get("weekdays", (0, 1, 2, 3, 4))),
            _clock(raw.get("start")) or time(9),
            _clock(raw.get("end")) or time(17),
        )

    def next_working(self, local: datetime) -> datetime:
        """The moment itself if it falls in working hours, else the next start of working hours."""
        if not self.weekdays:
            return local
        moment = local
        for _ in range(15):
            if moment.weekday() in self.weekdays:
                if moment.time() < self.start:
                    return moment.replace(
                        hour=self.start.hour, minute=self.start.minute, second=0, microsecond=0
                    )
                if moment.time() < self.end:
                    return moment
            moment = (moment + timedelta(days=1)).replace(
                hour=self.start.hour, minute=self.start.minute, second=0, microsecond=0
            )
            if moment.weekday() in self.weekdays:
                return moment
        return local


def due_at(
    timing: Timing,
    entered: datetime,
    dates: dict[str, date | None],
    hours: OfficeHours,
    zone: tzinfo | None = None,
) -> datetime | None:
    """When the rule runs (UTC, naive) for a deal that entered the stage at `entered` (UTC, naive);
    None when it counts from a date the deal does not have."""
    local = entered.replace(tzinfo=UTC).astimezone(zone)
    if timing.when is When.DELAY:
        local = local + timedelta(minutes=timing.minutes)
    elif timing.when in (When.BEFORE, When.AFTER):
        day = dates.get(timing.field or "")
        if day is None:
            return None
        shift = timedelta(days=timing.days if timing.when is When.AFTER else -timing.days)
        clock = _clock(timing.at) or time(9)
        local = datetime.combine(day + shift, clock, local.tzinfo)
        if local < entered.replace(tzinfo=UTC):  # already past when the deal came: at once
            local = entered.replace(tzinfo=UTC).astimezone(zone)
    elif timing.when is When.AT:
        clock = _clock(timing.at) or time(9)
        candidate = local.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)
        local = candidate if candidate >= local else candidate + timedelta(days=1)
    if timing.working_days:
        local = hours.next_working(local)
    return local.astimezone(UTC).replace(tzinfo=None)


def _clock(text: str | None) -> time | None:
    if not text:
        return None
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return None
