"""Document numbers: a pattern per kind ({PREFIX}-{YYYY}-{NNNN}) and a counter per kind and year
that two PCs never share."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import DealDocument, DocumentCounter
from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP

PREFIXES = {"quote": "QUO", "invoice": "INV", "reminder": "REM", "contract": "CON", "other": "DOC"}

DEFAULT_PATTERN = "{PREFIX}-{YYYY}-{NNNN}"


def next_number(session: Session, kind: str, day: date, pattern: str) -> str:
    """The next number of this kind this year. The write transaction holds the database's write
    lock (SQLite) or the counter row's lock (PostgreSQL): two offices' PCs never get the same."""
    year = day.year
    for _attempt in range(3):
        last = session.execute(
            update(DocumentCounter)
            .where(DocumentCounter.kind == kind, DocumentCounter.year == year)
            .values(last=DocumentCounter.last + 1)
            .returning(DocumentCounter.last)
            .execution_options(synchronize_session=False)
        ).scalar()
        if last is None:
            try:
                with session.begin_nested():
                    session.add(DocumentCounter(kind=kind, year=year, last=1))
                last = 1
            except IntegrityError:
                continue  # made by somebody else meanwhile: count on it
        number = format_number(pattern, kind, year, int(last))
        taken = session.scalar(
            select(func.count())
            .select_from(DealDocument)
            .where(DealDocument.kind == kind, DealDocument.number == number)
        )
        if not taken:
            return number
    raise ServiceError(QT_TRANSLATE_NOOP("errors", "No free document number was found; please try again."))


def format_number(pattern: str, kind: str, year: int, last: int) -> str:
    text = (
        pattern.replace("{PREFIX}", PREFIXES.get(kind, "DOC"))
        .replace("{YYYY}", str(year))
        .replace("{YY}", str(year)[2:])
    )
    return re.sub(r"\{(N+)\}", lambda m: str(last).zfill(len(m.group(1))), text)
