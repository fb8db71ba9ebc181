"""The deal writes every deal use case shares, in the caller's transaction: cleaning, new deals,
stage changes one by one or by SQL condition (history, stage visits, versions bumped)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    Deal,
    EntityType,
    HistoryEntry,
    Operation,
    Pipeline,
    Stage,
    StageRequirement,
    StageSemantic,
    StageTunnel,
    User,
    deal_contact,
    deal_observer,
    utcnow,
)
from app.services.core.context import UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import (
    base_currency,
    bool_field,
    choice_field,
    clean_fields,
    currency_field,
    date_field,
    delete_custom_values,
    id_field,
    ids_field,
    insert_ids,
    money_field,
    probability_field,
    text_field,
)
from app.services.core.validation import Problems
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals import stage_visits
from app.services.fields.custom_fields import CustomFieldInfo, clean_values, field_info
from app.services.fields.field_rules import NO_REQUIREMENTS
from app.storage.database import transaction_memo

NO_TUNNELS = "stages_without_tunnels"  # in a transaction's memo: stages known to have none
CARDS_WITH_STAGE = 50  # deals moved read with their stage (more: one by one, as before)

DEAL_FIELD_SPECS = {
    "title": text_field("title", 255, required=True),
    "amount": money_field("amount"),
    "currency": currency_field("currency"),
    "begin_date": date_field("begin_date"),
    "close_date": date_field("close_date"),
    "probability": probability_field("probability"),
    "responsible_id": id_field("responsible_id", User),
    "source": choice_field("source", DEAL_SOURCES),
    "company_id": id_field("company_id", Company),
    "contact_ids": ids_field("contact_ids", Contact),
    "comments": text_field("comments", 100_000),
    "is_open": bool_field("is_open"),  # open to everyone (access level "all open")
    "observer_ids": ids_field("observer_ids", User),  # may read it without being responsible
}
BULK_CHUNK = 500  # ids per statement, well under SQLite's bound-parameter limit


def stage_or_error(session: Session, stage_id: int) -> Stage:
    stage = session.get(Stage, stage_id)
    if stage is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["stage"], id=stage_id)
    return stage


def stage_for_move(session: Session, stage_id: int, deal_ids: Sequence[int] = ()) -> tuple[Stage, list[Deal]]:
    """The stage deals move into, and, in the same statement, whether its pipeline has required
    fields and the stage tunnels (usually neither: the move then asks no more) and the deals that
    move (a few cards: the session finds them there while the caller holds them). Three round
    trips fewer to a server; what was learnt is kept in the transaction's memo."""
    statement = select(
        Stage,
        exists().where(
            StageRequirement.entity_type == "deal", StageRequirement.pipeline_id == Stage.pipeline_id
        ),
        exists().where(StageTunnel.source_stage_id == Stage.id),
    ).where(Stage.id == stage_id)
    if 0 < len(deal_ids) <= CARDS_WITH_STAGE:
        statement = statement.add_columns(Deal).outerjoin(Deal, Deal.id.in_(list(deal_ids)))
    rows = session.execute(statement).all()
    if not rows:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["stage"], id=stage_id)
    stage, requirements, tunnels = rows[0][0], rows[0][1], rows[0][2]
    memo = transaction_memo(session.connection())
    if not requirements:
        memo.setdefault(NO_REQUIREMENTS, set()).add(stage.pipeline_id)
    if not tunnels:
        memo.setdefault(NO_TUNNELS, set()).add(stage.id)
    return stage, [row[3] for row in rows if len(row) > 3 and row[3] is not None]  # type: ignore[misc]


def initial_stage(session: Session, pipeline_id: int | None, stage_id: int | None) -> Stage:
    if stage_id is not None:
        stage = stage_or_error(session, stage_id)
        if pipeline_id is not None and stage.pipeline_id != pipeline_id:
            raise ValidationError.single(
                "stage_id",
                QT_TRANSLATE_NOOP("errors", "Stage '{stage}' does not belong to the chosen pipeline."),
                stage=stage.name,
            )
        return stage
    if pipeline_id is None:
        pipeline_id = session.scalar(
            select(Pipeline.id).order_by(Pipeline.is_default.desc(), Pipeline.sort, Pipeline.id).limit(1)
        )
        if pipeline_id is None:
            raise ValidationError.single(
                "pipeline_id", QT_TRANSLATE_NOOP("errors", "There is no pipeline to put the deal in.")
            )
    first = session.scalar(
        select(Stage).where(Stage.pipeline_id == pipeline_id).order_by(Stage.sort, Stage.id).limit(1)
    )
    if first is None:
        if session.get(Pipeline, pipeline_id) is None:
            raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["pipeline"], id=pipeline_id)
        raise ValidationError.single(
            "pipeline_id", QT_TRANSLATE_NOOP("errors", "The pipeline has no stages yet.")
        )
    return first


def clean_deal(
    session: Session, raw: Mapping[str, Any], *, creating: bool, current: Deal | None = None
) -> dict[str, Any]:
    """Validate every given field (one ValidationError lists all problems), then the dates together."""
    values = clean_fields(session, DEAL_FIELD_SPECS, raw)
    begin = values.get("begin_date", current.begin_date if current else None)
    close = values.get("close_date", current.close_date if current else None)
    if begin and close and close < begin and ("begin_date" in values or "close_date" in values):
        raise ValidationError.single(
            "close_date", QT_TRANSLATE_NOOP("errors", "The close date can't be before the begin date.")
        )
    if creating and values.get("amount", 0) is None:
        values["amount"] = Decimal("0.00")
    return values


def apply_changes(session: Session, deal: Deal, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    diff: dict[str, tuple[Any, Any]] = {}
    for name, new in values.items():
        if name == "contact_ids":
            old_ids = contact_ids_of(session, deal.id)
            if tuple(new) != old_ids:
                set_contacts(session, deal.id, new)
                diff[name] = (",".join(map(str, old_ids)) or None, ",".join(map(str, new)) or None)
            continue
        if name == "observer_ids":
            old_ids = observer_ids_of(session, deal.id)
            if tuple(sorted(set(new))) != old_ids:
                set_observers(session, deal.id, new)
                diff[name] = (
                    ",".join(map(str, old_ids)) or None,
                    ",".join(map(str, sorted(set(new)))) or None,
                )
            continue
        old = getattr(deal, name)
        if old != new:
            setattr(deal, name, new)
            diff[name] = (old, new)
    return diff


def apply_stage(
    session: Session, deal: Deal, stage_id: int, loss_reason: str | None, actor_id: int | None
) -> dict[str, tuple[Any, Any]]:
    stage = stage_or_error(session, stage_id)
    if stage.pipeline_id != deal.pipeline_id:
        raise ValidationError.single(
            "stage_id",
            QT_TRANSLATE_NOOP(
                "errors", "Stage '{stage}' belongs to another pipeline; move the deal to that pipeline first."
            ),
            stage=stage.name,
        )
    diff: dict[str, tuple[Any, Any]] = {"stage_id": (deal.stage_id, stage.id)}
    closed = stage.semantic is not StageSemantic.IN_PROGRESS
    new_reason = (loss_reason or "").strip() or None if stage.semantic is StageSemantic.LOST else None
    now = utcnow()
    if deal.closed != closed:
        diff["closed"] = (deal.closed, closed)
        deal.closed = closed
        deal.closed_at = now if closed else None
    if deal.loss_reason != new_reason:
        diff["loss_reason"] = (deal.loss_reason, new_reason)
        deal.loss_reason = new_reason
    deal.stage_id = stage.id
    deal.stage_changed_at = now
    with session.no_autoflush:  # the deal's row is written once, by the caller's version-checked flush
        stage_visits.enter(session, [deal.id], stage, actor_id, now)
    return diff


def check_same_pipeline(session: Session, ids: Sequence[int], stage: Stage) -> None:
    others = 0
    for start in range(0, len(ids), BULK_CHUNK):
        chunk = ids[start : start + BULK_CHUNK]
        others += (
            session.scalar(
                select(func.count()).where(Deal.id.in_(chunk), Deal.pipeline_id != stage.pipeline_id)
            )
            or 0
        )
    if others:
        raise ValidationError.single(
            "stage_id",
            QT_TRANSLATE_NOOP(
                "errors", "{count} of the selected deals are in another pipeline than stage '{stage}'."
            ),
            count=others,
            stage=stage.name,
        )


def clean_fill(
    session: Session, fill: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[dict[int, CustomFieldInfo], dict[int, list[Any]]] | None]:
    """Values given to fill required fields, by key: standard ones cleaned as on the form, custom
    ones ("uf:<code>") by their type; one ValidationError lists every problem."""
    if not fill:
        return {}, None
    standard_raw = {k: v for k, v in fill.items() if not k.startswith("uf:")}
    codes = {k[3:]: v for k, v in fill.items() if k.startswith("uf:")}
    problems = Problems()
    standard: dict[str, Any] = {}
    try:
        standard = clean_deal(session, standard_raw, creating=False) if standard_raw else {}
    except ValidationError as exc:
        problems.extend(exc.problems)
    custom = None
    if codes:
        definitions = session.scalars(
            select(CustomFieldDefinition).where(
                CustomFieldDefinition.entity_type == EntityType.DEAL,
                CustomFieldDefinition.code.in_(list(codes)),
            )
        ).all()
        fields = {d.id: field_info(d) for d in definitions}
        by_code = {f.code: f.id for f in fields.values()}
        cleaned = clean_values(
            session, problems, fields, {by_code[c]: v for c, v in codes.items() if c in by_code}
        )
        custom = (fields, cleaned)
    problems.raise_if_any()
    return standard, custom


def _new_deal_values(
    uow: UnitOfWork, stage: Stage, values: Mapping[str, Any], currency: str
) -> dict[str, Any]:
    """Every column of a new deal: cleaned values, then the defaults a new deal gets."""
    now = utcnow()
    closed = stage.semantic is not StageSemantic.IN_PROGRESS
    return {
        "currency": currency,
        "responsible_id": uow.actor_id,
        "begin_date": date.today(),  # noqa: DTZ011 - the user's calendar day
        **values,
        "pipeline_id": stage.pipeline_id,
        "stage_id": stage.id,
        "closed": closed,
        # An import brings its own dates (history kept); a new deal is closed and moved now.
        "closed_at": (values.get("closed_at") or now) if closed else None,
        "stage_changed_at": values.get("stage_changed_at") or now,
        "created_by_id": uow.actor_id,
        "updated_by_id": uow.actor_id,
    }


def insert_deals(
    uow: UnitOfWork,
    items: Sequence[tuple[Stage, Mapping[str, Any], Sequence[int]]],
    stays: Sequence[Sequence[tuple[int, datetime, datetime | None]]] | None = None,
    operation_id: int | None = None,
) -> list[int]:
    """Many new deals (an import) in a few statements: the same columns, history and events as
    `insert_deal`; returns their ids in the order given. `stays` gives each deal's stage history
    (stage, entered, left; an import's dates), else each enters its stage now."""
    if not items:
        return []
    session = uow.session
    currency = base_currency(session)
    rows = [{**_new_deal_values(uow, stage, values, currency), "version": 1} for stage, values, _ in items]
    # The stages each has been in, as the running totals keep them, written with the deal: its stays
    # then find them there and change nothing more (one write per deal, not two).
    for n, (stage, _values, _contacts) in enumerate(items):
        visited = dict.fromkeys(stay[0] for stay in stays[n]) if stays is not None else [stage.id]
        rows[n]["visited_stages"] = "".join(f"{stage_id}," for stage_id in visited)
    ids = insert_ids(session, Deal, rows)
    if stays is not None:
        pipelines = {stage.id: stage.pipeline_id for stage, _values, _contacts in items}
        stage_visits.record(
            session,
            [
                (deal_id, pipelines[stage.id], stay, uow.actor_id)
                for deal_id, (stage, _values, _contacts), deal_stays in zip(ids, items, stays, strict=True)
                for stay in deal_stays
            ],
        )
    else:
        stages = {stage.id: stage for stage, _values, _contacts in items}
        by_stage: dict[int, list[int]] = {}
        for deal_id, (stage, _values, _contacts) in zip(ids, items, strict=True):
            by_stage.setdefault(stage.id, []).append(deal_id)
        entered = rows[0]["stage_changed_at"]
        for stage_id, stage_deals in by_stage.items():
            stage_visits.enter(session, stage_deals, stages[stage_id], uow.actor_id, entered, new=True)
    links = [
        {"deal_id": deal_id, "contact_id": contact_id, "sort": n}
        for deal_id, (_stage, _values, contact_ids) in zip(ids, items, strict=True)
        for n, contact_id in enumerate(contact_ids)
    ]
    if links:
        session.execute(insert(deal_contact), links)
    uow.history.created_many(
        "deal", [(deal_id, 1, row["title"]) for deal_id, row in zip(ids, rows, strict=True)], operation_id
    )
    uow.emit("deal.created", ids)
    return ids


def insert_deal(uow: UnitOfWork, stage: Stage, values: dict[str, Any], contact_ids: Sequence[int]) -> Deal:
    """A new deal from cleaned values, in the caller's transaction: history entry and event."""
    session = uow.session
    values = dict(values)
    observers = values.pop("observer_ids", ())
    deal = Deal(**_new_deal_values(uow, stage, values, values.get("currency") or base_currency(session)))
    session.add(deal)
    session.flush()
    if observers:
        set_observers(session, deal.id, observers)
    stage_visits.enter(session, [deal.id], stage, uow.actor_id, deal.stage_changed_at, new=True)
    set_contacts(session, deal.id, contact_ids)
    uow.history.created("deal", deal.id, deal.version, deal.title)
    uow.emit("deal.created", [deal.id])
    session.flush()
    return deal


def new_contact_in(uow: UnitOfWork, name: str) -> Contact:
    """A contact created from a typed name in the caller's transaction (history and event)."""
    contact = _new_contact(uow.session, name, uow.actor_id)
    uow.history.created("contact", contact.id, contact.version, contact.full_name)
    uow.emit("contact.created", [contact.id])
    return contact


def _new_contact(session: Session, name: str, actor_id: int | None) -> Contact:
    """A contact from a name as typed: "Anna Maria Weber" -> first "Anna Maria", last "Weber"."""
    first, _, last = " ".join(name.split()).rpartition(" ")
    if len(first) > 100 or len(last) > 100:
        raise ValidationError.single(
            "contact",
            QT_TRANSLATE_NOOP("errors", "A contact's first and last name can have 100 characters each."),
        )
    contact = Contact(first_name=first, last_name=last, responsible_id=actor_id)
    session.add(contact)
    session.flush()
    return contact


def contact_ids_of(session: Session, deal_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(deal_contact.c.contact_id)
            .where(deal_contact.c.deal_id == deal_id)
            .order_by(deal_contact.c.sort)
        )
    )


def observer_ids_of(session: Session, deal_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(deal_observer.c.user_id)
            .where(deal_observer.c.deal_id == deal_id)
            .order_by(deal_observer.c.user_id)
        )
    )


def set_observers(session: Session, deal_id: int, user_ids: Sequence[int]) -> None:
    session.execute(delete(deal_observer).where(deal_observer.c.deal_id == deal_id))
    if user_ids:
        session.execute(
            insert(deal_observer), [{"deal_id": deal_id, "user_id": uid} for uid in sorted(set(user_ids))]
        )


def set_contacts(session: Session, deal_id: int, contact_ids: Sequence[int]) -> None:
    session.execute(delete(deal_contact).where(deal_contact.c.deal_id == deal_id))
    if contact_ids:
        session.execute(
            insert(deal_contact),
            [{"deal_id": deal_id, "contact_id": cid, "sort": n} for n, cid in enumerate(contact_ids)],
        )


_HISTORY_COLUMNS = [
    "entity_type",
    "entity_id",
    "action",
    "field",
    "old_value",
    "new_value",
    "version",
    "user_id",
    "at",
    "operation_id",
]


def delete_deals(
    uow: UnitOfWork,
    ids: Sequence[int],
    operation_id: int | None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Delete these deals (the caller checked the rights); their history stays: who deleted what,
    when, under which operation."""
    session = uow.session
    now = utcnow()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        condition = Deal.id.in_(chunk)
        history_where(uow, condition, "deleted", None, Deal.title, None, operation_id, now)
        delete_custom_values(session, EntityType.DEAL, chunk)
        session.execute(delete(Deal).where(condition).execution_options(synchronize_session=False))
        if progress is not None:
            progress(start + len(chunk), len(ids))
    if ids:
        uow.emit("deal.deleted", list(ids))


def history_where(
    uow: UnitOfWork,
    condition: ColumnElement[bool],
    action: str,
    field: str | None,
    old: Any,
    new: str | None,
    operation_id: int | None,
    now: datetime,
) -> None:
    uow.session.execute(
        insert(HistoryEntry).from_select(
            _HISTORY_COLUMNS,
            select(
                literal("deal"),
                Deal.id,
                literal(action),
                literal(field, HistoryEntry.field.type),
                old,
                literal(new, HistoryEntry.new_value.type),
                Deal.version + 1,
                literal(uow.actor_id, HistoryEntry.user_id.type),
                literal(now, HistoryEntry.at.type),
                literal(operation_id, HistoryEntry.operation_id.type),
            ).where(condition),
        )
    )


def update_where(
    uow: UnitOfWork, condition: ColumnElement[bool], values: dict[str, Any], now: datetime
) -> None:
    uow.session.execute(
        update(Deal)
        .where(condition)
        .values(**values, updated_at=now, updated_by_id=uow.actor_id, version=Deal.version + 1)
        .execution_options(synchronize_session=False)
    )


def relocate(
    uow: UnitOfWork,
    condition: ColumnElement[bool],
    stage: Stage,
    now: datetime,
    operation_id: int | None,
    loss_reason: str | None = None,
) -> None:
    """Put the deals of a condition into a stage, of their pipeline or another: history (stage,
    and pipeline where it changes), stage stays, then the rows. The caller emits the event."""
    elsewhere = and_(condition, Deal.pipeline_id != stage.pipeline_id)
    history_where(
        uow,
        elsewhere,
        "stage",
        "pipeline_id",
        cast(Deal.pipeline_id, String),
        str(stage.pipeline_id),
        operation_id,
        now,
    )
    history_where(
        uow, condition, "stage", "stage_id", cast(Deal.stage_id, String), str(stage.id), operation_id, now
    )
    stage_visits.enter_where(uow.session, condition, stage, uow.actor_id, now)
    values = {
        "pipeline_id": stage.pipeline_id,
        "stage_id": stage.id,
        **stage_values(stage, loss_reason, now),
    }
    update_where(uow, condition, values, now)


def stage_values(stage: Stage, loss_reason: str | None, now: datetime) -> dict[str, Any]:
    closed = stage.semantic is not StageSemantic.IN_PROGRESS
    return {
        "closed": closed,
        "closed_at": now if closed else None,
        "loss_reason": (loss_reason or None) if stage.semantic is StageSemantic.LOST else None,
        "stage_changed_at": now,
    }


def stage_move_operation(uow: UnitOfWork, count: int) -> int:
    """An undoable operation for deals moved to a stage one by one (the board, the list, the form):
    their stage entries in the history carry its id, so Edit > Undo can put them back."""
    operation = Operation(
        kind="update:stage_id", entity_type="deal", count=count, user_id=uow.actor_id, at=utcnow()
    )
    uow.session.add(operation)
    uow.session.flush()
    return operation.id
