"""Numbers, money and dates the way the user's language writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def money(amount: Decimal, currency: str) -> str:
    """1.234,56 € in German, €1,234.56 in English: the locale's separators, exact to the cent."""
    locale = QLocale()
    # Integer and fraction apart: going through float would round large amounts.
    sign = "-" if amount < 0 else ""
    units, cents = divmod(int(abs(amount).quantize(Decimal("0.01")) * 100), 100)
    text = f"{locale.toString(units)}{locale.decimalPoint()}{cents:02d}"
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if locale.language() != QLocale.Language.German and len(symbol) == 1:
        return f"{sign}{symbol}{text}"
    return f"{sign}{text}\u00a0{symbol}"


def number(value: int) -> str:
    return QLocale().toString(value)


def date_format() -> str:
    """The locale's short date with a four-digit year: dd.MM.yyyy in German."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def short_moment(stored: datetime) -> str:
    """A moment as stored (UTC, without a zone) on the user's wall clock, in the locale's short date
    and time (04.12.26 10:30 in German). Handed to Qt as a wall-clock time with a fixed offset:
    one it must find the local zone's rules for takes 10x longer to write (25 us; a list of tasks
    writes hundreds)."""
    local = stored.replace(tzinfo=UTC).astimezone() if stored.tzinfo is None else stored.astimezone()
    wall = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.utc(),
    )
    locale = QLocale()
    return locale.toString(wall, locale.dateTimeFormat(QLocale.FormatType.ShortFormat))


def short_date(value: date | datetime | None, pattern: str | None = None) -> str:
    """The day in the locale's short format with a four-digit year; `pattern`: date_format(), when
    the caller writes many days (a list) and asks for it once."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern or date_format())


def parse_money(text: str) -> str:
    """User input in the locale's notation -> plain '1234.56' for the services (which validate it).

    A lone separator that is not followed by exactly three digits is read as the decimal point,
    so '99.5' works in German and '99,5' in English too.
    """
    locale = QLocale()
    point, group = locale.decimalPoint(), locale.groupSeparator()
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    for symbol in CURRENCY_SYMBOLS.values():
        cleaned = cleaned.replace(symbol, "")
    if point in cleaned:
        return cleaned.replace(group, "").replace(point, ".")
    if cleaned.count(group) == 1 and len(cleaned.split(group)[1]) != 3:
        return cleaned.replace(group, ".")
    return cleaned.replace(group, "")
