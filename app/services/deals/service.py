"""Deal use cases: create, update, move through stages, delete, bulk moves; with history and events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.models import (
    Company,
    Deal,
    EntityType,
    Pipeline,
    Stage,
    StageSemantic,
    User,
    utcnow,
)
from app.services.access.rights import EVERYTHING, Action, Entity
from app.services.access.scope import access_for, may_add, require_deal, require_move
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError
from app.services.core.history import HistoryItem, read_history
from app.services.core.records import (
    check_version,
    delete_custom_values,
    flush_or_conflict,
    load,
    touch,
)
from app.services.deals import stage_visits
from app.services.deals.stage_visits import StageVisit
from app.services.deals.tunnel_moves import follow_tunnels
from app.services.deals.writes import (
    apply_changes,
    apply_stage,
    clean_deal,
    clean_fill,
    contact_ids_of,
    initial_stage,
    insert_deal,
    new_contact_in,
    observer_ids_of,
    relocate,
    stage_for_move,
    stage_move_operation,
    stage_or_error,
)
from app.services.fields.custom_fields import write_values
from app.services.fields.field_rules import missing_for_stage, require_editable


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
    is_open: bool = False  # open to everyone
    observer_ids: tuple[int, ...] = ()


class DealService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- reading ---------------------------------------------------------------------------

    def get(self, deal_id: int) -> DealDetails:
        with self._ctx.read() as session:
            return deal_details(session, self._load(session, deal_id, Action.READ))

    def _load(self, session: Session, deal_id: int, action: Action) -> Deal:
        """The deal, if this person may `action` it (one they may not read does not exist for them)."""
        deal: Deal = load(session, Deal, "deal", deal_id)
        require_deal(session, self._ctx.actor_id, deal, action)
        return deal

    def stage_visits(self, deal_id: int) -> list[StageVisit]:
        """The deal's stays in stages, first to last, across pipelines."""
        with self._ctx.read() as session:
            self._load(session, deal_id, Action.READ)
            return stage_visits.visits(session, deal_id)

    def average_days_in_stage(self, pipeline_id: int) -> dict[int, float]:
        with self._ctx.read() as session:
            return stage_visits.average_days_in_stage(session, pipeline_id)

    def history(self, deal_id: int) -> list[HistoryItem]:
        """The deal's history; a deleted deal's for those who may read every deal (the audit log)."""
        with self._ctx.read() as session:
            if session.get(Deal, deal_id) is not None:
                self._load(session, deal_id, Action.READ)
            elif access_for(session, self._ctx.actor_id).grant(Entity.DEAL, Action.READ) != EVERYTHING:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["deal"], id=deal_id)
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
            may_add(session, self._ctx.actor_id, stage, values)
            given = [k for k, v in values.items() if v not in (None, "", [], ())]
            require_editable(session, EntityType.DEAL, self._ctx.actor_id, given)
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
            deal = self._load(session, deal_id, Action.EDIT)
            check_version(session, "deal", deal, expected_version, deal.title)
            values = clean_deal(session, changes, creating=False, current=deal)
            if stage_id is not None and stage_id != deal.stage_id:
                target = stage_or_error(session, stage_id)
                require_move(session, self._ctx.actor_id, target.pipeline_id, target.id, target.name)
                missing_for_stage(
                    session, stage_or_error(session, stage_id), [deal.id], pending={deal.id: values}
                )
            diff = apply_changes(session, deal, values)
            require_editable(session, EntityType.DEAL, self._ctx.actor_id, diff.keys())
            if stage_id is not None and stage_id != deal.stage_id:
                diff.update(apply_stage(session, deal, stage_id, loss_reason, self._ctx.actor_id))
            if not diff:
                return deal_details(session, deal)
            deal.updated_by_id = self._ctx.actor_id
            touch(deal)
            flush_or_conflict(session, "deal", deal.title)
            moved = stage_move_operation(uow, 1) if "stage_id" in diff else None
            uow.history.changed("deal", deal.id, deal.version, diff, operation_id=moved)
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
        stage, _held = stage_for_move(session, stage_id, [deal_id for deal_id, _version in moves])
        require_move(session, self._ctx.actor_id, stage.pipeline_id, stage.id, stage.name)
        deals: list[Deal] = []
        for deal_id, expected_version in moves:
            deal = self._load(session, deal_id, Action.EDIT)
            if expected_version is not None:
                check_version(session, "deal", deal, expected_version, deal.title)
            deals.append(deal)
        moving = [d for d in deals if d.stage_id != stage_id]
        standard, custom = clean_fill(session, fill or {})
        missing_for_stage(session, stage, [d.id for d in moving], fill=fill)
        fields: set[str] = set()
        operation_id = stage_move_operation(uow, len(moving)) if moving else None
        for deal in moving:
            diff = apply_changes(session, deal, standard)
            if custom:
                diff.update(write_values(session, custom[0], deal.id, custom[1]))
            diff.update(apply_stage(session, deal, stage_id, loss_reason, self._ctx.actor_id))
            deal.updated_by_id = self._ctx.actor_id
            touch(deal)
            flush_or_conflict(session, "deal", deal.title)
            uow.history.changed(
                "deal", deal.id, deal.version, diff, action="stage", operation_id=operation_id, at_commit=True
            )
            fields.update(diff)
        if moving:
            uow.emit("deal.stage_changed", [d.id for d in moving], fields)
            follow_tunnels(uow, stage, [d.id for d in moving])
        return deals, len(moving)

    def move_to_pipeline(self, deal_id: int, expected_version: int, stage_id: int) -> DealDetails:
        """Move a deal into a stage of another pipeline; history keeps the old pipeline and stage."""
        with self._ctx.write() as uow:
            session = uow.session
            deal = self._load(session, deal_id, Action.EDIT)
            check_version(session, "deal", deal, expected_version, deal.title)
            stage = stage_or_error(session, stage_id)
            require_move(session, self._ctx.actor_id, stage.pipeline_id, stage.id, stage.name)
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
            deal = self._load(session, deal_id, Action.DELETE)
            check_version(session, "deal", deal, expected_version, deal.title)
            uow.history.deleted("deal", deal.id, deal.version + 1, deal.title)
            delete_custom_values(session, EntityType.DEAL, [deal.id])
            session.delete(deal)
            flush_or_conflict(session, "deal", deal.title)
            uow.emit("deal.deleted", [deal_id])


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
        contact_ids=contact_ids_of(session, deal.id),
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
        is_open=deal.is_open,
        observer_ids=observer_ids_of(session, deal.id),
    )
