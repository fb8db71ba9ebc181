"""Trigger kinds, a registry: "when X happens to a deal, move it into this stage". Each kind says
which events it listens to and which deals an event concerns; later issues register theirs
("payment received", "invoice paid") the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import DealDocument, OutboxMessage, Task
from app.services.core.events import DomainEvent
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems

MSG_FIELD = QT_TRANSLATE_NOOP("errors", "Choose the field whose change moves the deal.")
MSG_DATE = QT_TRANSLATE_NOOP("errors", "Choose the deal's date (close date or begin date) that moves it.")


@dataclass(frozen=True)
class TriggerKind:
    key: str
    label: str  # QT_TRANSLATE_NOOP("automation", ...)
    events: tuple[str, ...]  # the event names it listens to
    deals: Callable[[Session, DomainEvent, dict[str, Any]], Sequence[int]]  # the deals this event fires for
    check: Callable[[dict[str, Any], Problems], None] = lambda params, problems: None


TRIGGERS: dict[str, TriggerKind] = {}


def register(kind: TriggerKind) -> TriggerKind:
    TRIGGERS[kind.key] = kind
    return kind


def _tasks_done(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    if "done" not in event.fields:
        return []
    rows = session.execute(
        select(Task.deal_id).where(Task.id.in_(event.ids), Task.done.is_(True), Task.deal_id.is_not(None))
    )
    return sorted({d for (d,) in rows if d is not None})


def _field_changed(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    field = params.get("field")
    if not field or field not in event.fields:
        return []
    wanted = params.get("value")
    if wanted in (None, ""):
        return list(event.ids)
    from app.services.automation.conditions import Condition, deal_values, matches

    return [
        d
        for d in event.ids
        if (values := deal_values(session, d)) and matches([Condition(field, "eq", wanted)], values)
    ]


def _document_made(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    return sorted(
        {d for (d,) in session.execute(select(DealDocument.deal_id).where(DealDocument.id.in_(event.ids)))}
    )


def _email_sent(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    rows = session.execute(
        select(OutboxMessage.deal_id).where(
            OutboxMessage.id.in_(event.ids), OutboxMessage.deal_id.is_not(None)
        )
    )
    return sorted({d for (d,) in rows if d is not None})


def _check_field(params: dict[str, Any], problems: Problems) -> None:
    if not params.get("field"):
        problems.add("field", MSG_FIELD)


register(
    TriggerKind(
        "task_done",
        QT_TRANSLATE_NOOP("automation", "A task of the deal is done"),
        ("task.updated",),
        _tasks_done,
    )
)
register(
    TriggerKind(
        "field_changed",
        QT_TRANSLATE_NOOP("automation", "A field changed"),
        ("deal.updated",),
        _field_changed,
        _check_field,
    )
)
register(
    TriggerKind(
        "document_made",
        QT_TRANSLATE_NOOP("automation", "A document was made"),
        ("deal_document.created",),
        _document_made,
    )
)
register(
    TriggerKind(
        "email_sent", QT_TRANSLATE_NOOP("automation", "An e-mail was sent"), ("outbox.sent",), _email_sent
    )
)


def _check_date(params: dict[str, Any], problems: Problems) -> None:
    if params.get("field") not in ("close_date", "begin_date"):
        problems.add("field", MSG_DATE)


register(
    TriggerKind(
        "date_reached",
        QT_TRANSLATE_NOOP("automation", "A date of the deal is reached"),
        (),  # no event: the engine looks for such deals once an hour
        lambda session, event, params: [],
        _check_date,
    )
)


def _invoice_deals(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    from app.models import Invoice

    rows = session.execute(
        select(Invoice.deal_id).where(Invoice.id.in_(event.ids), Invoice.deal_id.is_not(None))
    )
    return sorted({d for (d,) in rows if d is not None})


register(
    TriggerKind(
        "payment_received",
        QT_TRANSLATE_NOOP("automation", "A payment was received"),
        ("invoice.payment", "invoice.paid"),
        _invoice_deals,
    )
)
register(
    TriggerKind(
        "invoice_paid",
        QT_TRANSLATE_NOOP("automation", "An invoice was paid in full"),
        ("invoice.paid",),
        _invoice_deals,
    )
)


def _quote_deals(session: Session, event: DomainEvent, params: dict[str, Any]) -> Sequence[int]:
    from app.models import Quote

    rows = session.execute(select(Quote.deal_id).where(Quote.id.in_(event.ids), Quote.deal_id.is_not(None)))
    return sorted({d for (d,) in rows if d is not None})


register(
    TriggerKind(
        "quote_accepted",
        QT_TRANSLATE_NOOP("automation", "A quote was accepted"),
        ("quote.accepted",),
        _quote_deals,
    )
)
