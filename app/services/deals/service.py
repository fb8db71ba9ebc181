"""Deal use cases: create, update, move through stages, delete, bulk moves; with history and events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    Deal,
    EntityType,
    Pipeline,
    Stage,
    StageSemantic,
    User,
    deal_contact,
    utcnow,
)
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.history import HistoryItem, read_history
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import (
    base_currency,
    check_version,
    choice_field,
    clean_fields,
    currency_field,
    date_field,
    delete_custom_values,
    flush_or_conflict,
    id_field,
    ids_field,
    load,
    money_field,
    probability_field,
    text_field,
    touch,
)
from app.services.core.validation import Problems
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals import stage_visits
from app.services.deals.stage_visits import StageVisit
from app.services.fields.custom_fields import CustomFieldInfo, clean_values, field_info, write_values
from app.services.fields.field_rules import missing_for_stage
from app.services.setup.tunnels import follow_tunnels

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
}
BULK_CHUNK = 500  # ids per statement, well under SQLite's bound-parameter limit


@dataclass(frozen=True, slots=True)
class DealDetails:
    """Everything the deal form shows about one deal, as plain values."""

    id: int
    title: str
    pipeline_id: int
    pipeline_name: str
    stage_id: int
    stage_name: str
    stage_color: str
    stage_semantic: StageSemantic
    amount: Decimal
    currency: str
    begin_date: date | None
    close_date: date | None
    probability: int | None
    responsible_id: int | None
    responsible_name: str | None
    source: str | None
    company_id: int | None
    company_title: str | None
    contact_ids: tuple[int, ...]
    comments: str | None
    closed: bool
    closed_at: datetime | None
    loss_reason: str | None
    created_at: datetime
    created_by_id: int | None
    updated_at: datetime
    updated_by_id: int | None
    version: int
    amount_from_products: bool = False


class DealService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- reading ---------------------------------------------------------------------------

    def get(self, deal_id: int) -> DealDetails:
        with self._ctx.read() as session:
            return deal_details(session, load(session, Deal, "deal", deal_id))

    def stage_visits(self, deal_id: int) -> list[StageVisit]:
        """The deal's stays in stages, first to last, across pipelines."""
        with self._ctx.read() as session:
            return stage_visits.visits(session, deal_id)

    def average_days_in_stage(self, pipeline_id: int) -> dict[int, float]:
        with self._ctx.read() as session:
            return stage_visits.average_days_in_stage(session, pipeline_id)

    def history(self, deal_id: int) -> list[HistoryItem]:
        with self._ctx.read() as session:
            return read_history(session, "deal", deal_id)

    # -- writing ---------------------------------------------------------------------------

    def create(
        self,
        *,
        title: str,
        pipeline_id: int | None = None,
        stage_id: int | None = None,
        new_contact: str | None = None,
        **fields: Any,
    ) -> DealDetails:
        """Create a deal; without a stage it starts in the first stage of the (default) pipeline.

        `new_contact` is the name of a person not yet stored: the contact is created with the deal,
        in the same transaction, and becomes its first contact.
        """
        with self._ctx.write() as uow:
            session = uow.session
            stage = initial_stage(session, pipeline_id, stage_id)
            values = clean_deal(session, {"title": title, **fields}, creating=True)
            contact_ids = list(values.pop("contact_ids", ()))
            if new_contact is not None and new_contact.strip():
                contact = new_contact_in(uow, new_contact)
                contact_ids.insert(0, contact.id)
            missing_for_stage(session, stage, [0], pending={0: {**values, "contact_ids": contact_ids}})
            deal = insert_deal(uow, stage, values, contact_ids)
            return deal_details(session, deal)

    def update(self, deal_id: int, expected_version: int, **changes: Any) -> DealDetails:
        """Change fields of a deal the caller read at `expected_version`.

        If somebody else saved the deal since, nothing is written and ConflictError says who
        changed what. A `stage_id` among the changes moves the deal like `move_stage`.
        """
        stage_id = changes.pop("stage_id", None)
        loss_reason = changes.pop("loss_reason", None)
        with self._ctx.write() as uow:
            session = uow.session
            deal = load(session, Deal, "deal", deal_id)
            check_version(session, "deal", deal, expected_version, deal.title)
            values = clean_deal(session, changes, creating=False, current=deal)
            if stage_id is not None and stage_id != deal.stage_id:
                missing_for_stage(
                    session, stage_or_error(session, stage_id), [deal.id], pending={deal.id: values}
                )
            diff = apply_changes(session, deal, values)
            if stage_id is not None and stage_id != deal.stage_id:
                diff.update(apply_stage(session, deal, stage_id, loss_reason, self._ctx.actor_id))
            if not diff:
                return deal_details(session, deal)
            deal.updated_by_id = self._ctx.actor_id
            touch(deal)
            flush_or_conflict(session, "deal", deal.title)
            uow.history.changed("deal", deal.id, deal.version, diff)
            uow.emit("deal.updated", [deal.id], diff.keys())
            if "stage_id" in diff:
                uow.emit("deal.stage_changed", [deal.id], {"stage_id"})
            return deal_details(session, deal)

    def move_stage(
        self,
        deal_id: int,
        stage_id: int,
        *,
        expected_version: int | None = None,
        loss_reason: str | None = None,
    ) -> DealDetails:
        """Move a deal to another stage of its pipeline (Won or Lost close it)."""
        with self._ctx.write() as uow:
            deals, _moved = self._move(uow, [(deal_id, expected_version)], stage_id, loss_reason)
            return deal_details(uow.session, deals[0])

    def move_each(
        self,
        moves: Sequence[tuple[int, int | None]],
        stage_id: int,
        *,
        loss_reason: str | None = None,
        fill: Mapping[str, Any] | None = None,
    ) -> int:
        """Move deals, each as the user saw it (deal id, version), to a stage: all or none of them.

        A version that no longer matches (somebody else saved the deal meanwhile) refuses the whole
        move with a ConflictError; a stage needing fields some deals lack refuses it with a
        MissingFieldsError, and `fill` ({"close_date": ..., "uf:region": ...}) gives them to every
        deal moved. Returns how many deals changed stage.
        """
        with self._ctx.write() as uow:
            _deals, moved = self._move(uow, moves, stage_id, loss_reason, fill)
            return moved

    def _move(
        self,
        uow: UnitOfWork,
        moves: Sequence[tuple[int, int | None]],
        stage_id: int,
        loss_reason: str | None,
        fill: Mapping[str, Any] | None = None,
    ) -> tuple[list[Deal], int]:
        """The deals, and how many changed stage: a history entry each, one event for them all."""
        session = uow.session
        stage = stage_or_error(session, stage_id)
        deals: list[Deal] = []
        for deal_id, expected_version in moves:
            deal = load(session, Deal, "deal", deal_id)
            if expected_version is not None:
                check_version(session, "deal", deal, expected_version, deal.title)
            deals.append(deal)
        moving = [d for d in deals if d.stage_id != stage_id]
        standard, custom = clean_fill(session, fill or {})
        missing_for_stage(session, stage, [d.id for d in moving], fill=fill)
        fields: set[str] = set()
        for deal in moving:
            diff = apply_changes(session, deal, standard)
            if custom:
                diff.update(write_values(session, custom[0], deal.id, custom[1]))
            diff.update(apply_stage(session, deal, stage_id, loss_reason, self._ctx.actor_id))
            deal.updated_by_id = self._ctx.actor_id
            touch(deal)
            flush_or_conflict(session, "deal", deal.title)
            uow.history.changed("deal", deal.id, deal.version, diff, action="stage")
            fields.update(diff)
        if moving:
            uow.emit("deal.stage_changed", [d.id for d in moving], fields)
            follow_tunnels(uow, stage, [d.id for d in moving])
        return deals, len(moving)

    def move_to_pipeline(self, deal_id: int, expected_version: int, stage_id: int) -> DealDetails:
        """Move a deal into a stage of another pipeline; history keeps the old pipeline and stage."""
        from app.services.deals.bulk import relocate

        with self._ctx.write() as uow:
            session = uow.session
            deal = load(session, Deal, "deal", deal_id)
            check_version(session, "deal", deal, expected_version, deal.title)
            stage = stage_or_error(session, stage_id)
            if stage.id == deal.stage_id:
                return deal_details(session, deal)
            missing_for_stage(session, stage, [deal.id])
            session.flush()
            relocate(uow, Deal.id == deal.id, stage, utcnow(), None)
            session.expire_all()
            uow.emit("deal.stage_changed", [deal.id], {"pipeline_id", "stage_id"})
            follow_tunnels(uow, stage, [deal.id])
            return deal_details(session, load(session, Deal, "deal", deal_id))

    def delete(self, deal_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            session = uow.session
            deal = load(session, Deal, "deal", deal_id)
            check_version(session, "deal", deal, expected_version, deal.title)
            uow.history.deleted("deal", deal.id, deal.version + 1, deal.title)
            delete_custom_values(session, EntityType.DEAL, [deal.id])
            session.delete(deal)
            flush_or_conflict(session, "deal", deal.title)
            uow.emit("deal.deleted", [deal_id])

    def bulk_move_stage(
        self, deal_ids: Iterable[int], stage_id: int, *, loss_reason: str | None = None
    ) -> int:
        """Move many deals to a stage in one transaction (see DealBulkService); how many moved."""
        from app.services.deals.bulk import DealBulkService, DealSelection

        result = DealBulkService(self._ctx).update(
            DealSelection(ids=tuple(deal_ids)), "stage_id", stage_id, loss_reason=loss_reason
        )
        return result.changed


# -- helpers (module level so other services can reuse them in their own transactions) -------


def stage_or_error(session: Session, stage_id: int) -> Stage:
    stage = session.get(Stage, stage_id)
    if stage is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["stage"], id=stage_id)
    return stage


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
            old_ids = _contact_ids(session, deal.id)
            if tuple(new) != old_ids:
                set_contacts(session, deal.id, new)
                diff[name] = (",".join(map(str, old_ids)) or None, ",".join(map(str, new)) or None)
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
        "closed_at": now if closed else None,
        "stage_changed_at": now,
        "created_by_id": uow.actor_id,
        "updated_by_id": uow.actor_id,
    }


def insert_deals(
    uow: UnitOfWork, items: Sequence[tuple[Stage, Mapping[str, Any], Sequence[int]]]
) -> list[int]:
    """Many new deals (an import) in a few statements: the same columns, history and events as
    `insert_deal`; returns their ids in the order given."""
    if not items:
        return []
    session = uow.session
    currency = base_currency(session)
    rows = [{**_new_deal_values(uow, stage, values, currency), "version": 1} for stage, values, _ in items]
    ids = list(session.scalars(insert(Deal).returning(Deal.id, sort_by_parameter_order=True), rows))
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
        "deal", [(deal_id, 1, row["title"]) for deal_id, row in zip(ids, rows, strict=True)]
    )
    uow.emit("deal.created", ids)
    return ids


def insert_deal(uow: UnitOfWork, stage: Stage, values: dict[str, Any], contact_ids: Sequence[int]) -> Deal:
    """A new deal from cleaned values, in the caller's transaction: history entry and event."""
    session = uow.session
    deal = Deal(**_new_deal_values(uow, stage, values, values.get("currency") or base_currency(session)))
    session.add(deal)
    session.flush()
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


def _contact_ids(session: Session, deal_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(deal_contact.c.contact_id)
            .where(deal_contact.c.deal_id == deal_id)
            .order_by(deal_contact.c.sort)
        )
    )


def set_contacts(session: Session, deal_id: int, contact_ids: Sequence[int]) -> None:
    session.execute(delete(deal_contact).where(deal_contact.c.deal_id == deal_id))
    if contact_ids:
        session.execute(
            insert(deal_contact),
            [{"deal_id": deal_id, "contact_id": cid, "sort": n} for n, cid in enumerate(contact_ids)],
        )


def deal_details(session: Session, deal: Deal) -> DealDetails:
    stage = session.get(Stage, deal.stage_id)
    pipeline = session.get(Pipeline, deal.pipeline_id)
    responsible = session.get(User, deal.responsible_id) if deal.responsible_id else None
    company = session.get(Company, deal.company_id) if deal.company_id else None
    assert stage is not None
    assert pipeline is not None
    return DealDetails(
        id=deal.id,
        title=deal.title,
        pipeline_id=deal.pipeline_id,
        pipeline_name=pipeline.name,
        stage_id=deal.stage_id,
        stage_name=stage.name,
        stage_color=stage.color,
        stage_semantic=stage.semantic,
        amount=deal.amount,
        currency=deal.currency,
        begin_date=deal.begin_date,
        close_date=deal.close_date,
        probability=deal.probability,
        responsible_id=deal.responsible_id,
        responsible_name=responsible.name if responsible else None,
        source=deal.source,
        company_id=deal.company_id,
        company_title=company.title if company else None,
        contact_ids=_contact_ids(session, deal.id),
        comments=deal.comments,
        closed=deal.closed,
        closed_at=deal.closed_at,
        loss_reason=deal.loss_reason,
        created_at=deal.created_at,
        created_by_id=deal.created_by_id,
        updated_at=deal.updated_at,
        updated_by_id=deal.updated_by_id,
        version=deal.version,
        amount_from_products=deal.amount_from_products,
    )
