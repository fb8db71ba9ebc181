"""What people type in a spreadsheet's cells, read as values: names compared as people mean them,
numbers with either decimal mark, dates in the usual orders, yes and no in English and German.

The decimal mark is decided for the whole file, never per cell: "1054,00" read with a decimal
point would be 105,400 — so `decimal_mark` looks at every number first and says which mark the
file uses, and which cell shows it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

YES = frozenset({"1", "y", "yes", "true", "x", "ja", "j", "wahr", "✓"})
NO = frozenset({"0", "n", "no", "false", "nein", "falsch", "-"})
_CURRENCY_MARKS = re.compile(r"^[A-Z]{3}\s*|\s*[A-Z]{3}$|[€$£¥%]")
_SEPARATORS = re.compile(r"[\s_\-./:'\"()\[\]]+")
# 1,234 or 1,234,567 (and the same with points): thousands or three decimals, can't be told apart.
_GROUPED = {",": re.compile(r"[+-]?\d{1,3}(,\d{3})+"), ".": re.compile(r"[+-]?\d{1,3}(\.\d{3})+")}
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_GERMAN_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DATE_FORMATS_DAY_FIRST = ("%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y")
_DATE_FORMATS_MONTH_FIRST = ("%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y")


def fold(value: Any) -> str:
    """Compare names as people mean them: any case, any spacing, composed umlauts."""
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def fold_name(value: Any) -> str:
    """A column's name compared as people mean it: also "deal_stage", "Deal-Stage" and
    "deal.stage" are "deal stage"."""
    return fold(_SEPARATORS.sub(" ", str(value)))


def squeeze(value: Any) -> str:
    """A name without any spaces or separators, for near misses: "WidgetPro" and "Widget Pro"."""
    return _SEPARATORS.sub("", fold(value))


def text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def split(value: Any) -> list[Any]:
    if not isinstance(value, str):
        return [value]
    return [part.strip() for part in re.split(r"[;,\n]", value) if part.strip()]


def _bare(value: str) -> str:
    return _CURRENCY_MARKS.sub("", value.strip()).replace("\u00a0", "").replace(" ", "").replace("'", "")


def number(value: Any, decimal_comma: bool) -> Decimal | None:
    """1234.5, "1.234,50 €", "EUR 1,234.50", "60 %": a Decimal; None if it isn't a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    bare = _bare(str(value))
    if "," in bare and "." in bare:
        decimal = "," if bare.rfind(",") > bare.rfind(".") else "."
    else:
        decimal = "," if decimal_comma else "."
    thousands = "." if decimal == "," else ","
    bare = bare.replace(thousands, "").replace(decimal, ".")
    if not _PLAIN_NUMBER.fullmatch(bare):
        return None
    try:
        return Decimal(bare)
    except InvalidOperation:
        return None


def mark_shown(value: Any) -> str | None:
    """The decimal mark a typed number can only mean: "," for "1054,00" or "1.234,5", "." for
    "12.5" or "1,234.50"; None when either reading is possible ("1,234", "1054") or it is a number
    already (Excel's cells)."""
    if not isinstance(value, str):
        return None
    bare = _bare(value)
    if "," in bare and "." in bare:
        return "," if bare.rfind(",") > bare.rfind(".") else "."
    for mark in ",.":
        if mark in bare:
            if _GROUPED[mark].fullmatch(bare):
                return None  # thousands, or three decimals
            if _PLAIN_NUMBER.fullmatch(bare.replace(mark, ".")) and bare.count(mark) == 1:
                return mark
    return None


@dataclass(frozen=True)
class DecimalMark:
    """What a file's numbers say about their decimal mark: the first cell showing each mark."""

    comma: tuple[int, str, str] | None = None  # (row, column, cell) of the first "1054,00"
    point: tuple[int, str, str] | None = None  # of the first "12.5"

    @property
    def mixed(self) -> bool:
        return self.comma is not None and self.point is not None


def decimal_mark(cells: Iterable[tuple[int, str, Any]]) -> DecimalMark:
    """Look at every (row, column name, cell) of the number columns."""
    comma = point = None
    for row, column, value in cells:
        mark = mark_shown(value)
        if mark == "," and comma is None:
            comma = (row, column, str(value).strip())
        elif mark == "." and point is None:
            point = (row, column, str(value).strip())
        if comma is not None and point is not None:
            break
    return DecimalMark(comma, point)


def date_of(value: Any, day_first: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    when = datetime_of(text(value), day_first)
    return when.date() if when is not None else None


def datetime_of(value: Any, day_first: bool) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    typed = " ".join(text(value).replace("T", " ").split())
    day_text, _, time_text = typed.partition(" ")
    day: date | None
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        day = _german_day(day_text)
    if day is None:
        for pattern in _DATE_FORMATS_DAY_FIRST if day_first else _DATE_FORMATS_MONTH_FIRST:
            try:
                day = datetime.strptime(day_text, pattern).date()  # noqa: DTZ007 - a calendar day
                break
            except ValueError:
                continue
    if day is None:
        return None
    if not time_text:
        return datetime.combine(day, time())
    try:
        return datetime.combine(day, time.fromisoformat(time_text.removesuffix(" Uhr").removesuffix("Z")))
    except ValueError:
        return None


def _german_day(typed: str) -> date | None:
    """27.11.2026 without strptime (an import reads hundreds of thousands of them)."""
    found = _GERMAN_DAY.fullmatch(typed)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def has_time(value: Any) -> bool:
    """Whether a cell gives a time of day, not just a day."""
    if isinstance(value, datetime):
        return value.time() != time()
    if isinstance(value, date):
        return False
    return ":" in text(value)


def yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    folded = fold(value)
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None
