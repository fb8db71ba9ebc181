"""Bulk actions on many deals: set a field, move to a stage, delete; and undo of the last one.

Each action is one transaction of chunked SQL statements (never one ORM object per deal): the
history rows are written from the rows they describe (INSERT ... SELECT), tagged with the
operation, and every UPDATE bumps the version counter itself, so anybody editing one of these
deals meanwhile gets a conflict. A progress callback may raise CancelledError between chunks:
the whole action is then rolled back, nothing is half-applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, func, select
from sqlalchemy.orm import Session

from app.models import Deal, EntityType, HistoryEntry, Operation, Stage, utcnow
from app.services.access.rights import Action
from app.services.access.scope import deal_scope, require_move
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import (
    ENTITY_NAMES,
    MSG_NOT_FOUND,
    ConflictError,
    MissingFieldsError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.history import history_text
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, clean_fields
from app.services.deals import stage_visits
from app.services.deals.filters import DealFilter, deal_conditions
from app.services.deals.tunnel_moves import follow_tunnels
from app.services.deals.writes import (
    DEAL_FIELD_SPECS,
    check_same_pipeline,
    clean_fill,
    delete_deals,
    history_where,
    relocate,
    stage_or_error,
    stage_values,
    update_where,
)
from app.services.fields.custom_fields import write_values
from app.services.fields.field_rules import missing_for_stage, require_editable

CHUNK = 500  # ids per statement, well under SQLite's bound-parameter limit
BULK_FIELDS = ("stage_id", "responsible_id", "source", "close_date", "probability")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DealSelection:
    """The deals a bulk action applies to: these ids, or all deals matching a filter."""

    ids: tuple[int, ...] = ()
    matching: DealFilter | None = None
    # (id, version) of chosen deals as the user saw them: one changed since refuses the action.
    versions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class BulkResult:
    operation_id: int | None
    changed: int
    skipped: int = 0  # (undo) deals somebody changed after the operation: left as they are
    refused: int = 0  # chosen deals this person may read but not change (or delete): left as they are


@dataclass(frozen=True)
class OperationInfo:
    id: int
    kind: str
    field: str | None
    count: int
    at: datetime
    deal_title: str | None = None  # one deal moved to a stage: which, and where to
    stage_name: str | None = None


class DealBulkService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context
        self._dialect = context.database.engine.dialect.name

    def count(self, selection: DealSelection) -> int:
        with self._ctx.read() as session:
            return len(self._ids(session, selection))

    def ids_of(self, selection: DealSelection) -> list[int]:
        """The deals a selection means (its ids, or every deal its filter matches), in id order."""
        with self._ctx.read() as session:
            return self._ids(session, selection)

    # -- set a field -------------------------------------------------------------------------

    def update(
        self,
        selection: DealSelection,
        field: str,
        value: Any,
        *,
        loss_reason: str | None = None,
        fill: Mapping[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> BulkResult:
        """Set one field of the selected deals (stage, responsible, source, close date, probability).

        A stage that needs fields some deals lack refuses with MissingFieldsError; `fill` gives
        those values (by field key) to the deals that lack them, in the same transaction.
        """
        if field not in BULK_FIELDS:
            raise TypeError(f"{field!r} can't be set in bulk")
        with self._ctx.write() as uow:
            session = uow.session
            _check_seen(session, selection)
            if field == "stage_id":
                stage = stage_or_error(session, int(value))
                clean: Any = stage.id
            else:
                clean = clean_fields(session, {field: DEAL_FIELD_SPECS[field]}, {field: value})[field]
            if field != "stage_id":
                require_editable(session, EntityType.DEAL, self._ctx.actor_id, [field])
            readable = self._ids(session, selection)
            ids = self._ids(session, selection, Action.EDIT)
            if field == "stage_id":
                self._check_move_into(session, stage)
            operation = self._operation(session, f"update:{field}")
            now = utcnow()
            if field == "stage_id":
                check_same_pipeline(session, ids, stage)
                self._fill_required(uow, stage, ids, fill or {}, operation.id, now)
            column = getattr(Deal, field)
            changed: list[int] = []
            for done, chunk in _chunks(ids):
                condition = and_(Deal.id.in_(chunk), _differs(column, clean))
                changed.extend(session.scalars(select(Deal.id).where(condition)))
                self._set(uow, condition, field, clean, history_text(clean), operation.id, now, loss_reason)
                _report(progress, done, len(ids))
            operation.count = len(changed)
            if changed:
                uow.emit("deal.stage_changed" if field == "stage_id" else "deal.updated", changed, {field})
                if field == "stage_id":
                    follow_tunnels(uow, stage, changed)
            return BulkResult(
                operation.id if changed else None, len(changed), refused=len(readable) - len(ids)
            )

    # -- another pipeline ----------------------------------------------------------------------

    def move_to_pipeline(
        self,
        selection: DealSelection,
        stage_id: int,
        *,
        fill: Mapping[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> BulkResult:
        """Move the selected deals into a stage of another pipeline; history keeps both the old
        pipeline and stage. Not undoable (a move between pipelines may set off tunnels)."""
        with self._ctx.write() as uow:
            session = uow.session
            _check_seen(session, selection)
            stage = stage_or_error(session, stage_id)
            self._check_move_into(session, stage)
            readable = self._ids(session, selection)
            ids = self._ids(session, selection, Action.EDIT)
            moving = list(self._scalars_in(session, ids, Deal.stage_id != stage.id))
            operation = self._operation(session, "pipeline")
            now = utcnow()
            self._fill_required(uow, stage, moving, fill or {}, operation.id, now)
            for done, chunk in _chunks(moving):
                relocate(uow, Deal.id.in_(chunk), stage, now, operation.id)
                _report(progress, done, len(moving))
            operation.count = len(moving)
            if moving:
                uow.emit("deal.stage_changed", moving, {"pipeline_id", "stage_id"})
                follow_tunnels(uow, stage, moving)
            return BulkResult(None, len(moving), refused=len(readable) - len(ids))

    @staticmethod
    def _scalars_in(session: Session, ids: Sequence[int], condition: ColumnElement[bool]) -> list[int]:
        found: list[int] = []
        for _done, chunk in _chunks(ids):
            found.extend(session.scalars(select(Deal.id).where(Deal.id.in_(chunk), condition)))
        return found

    # -- delete ------------------------------------------------------------------------------

    def delete(self, selection: DealSelection, *, progress: Progress | None = None) -> BulkResult:
        """Delete the selected deals (their history stays: who deleted what, when)."""
        with self._ctx.write() as uow:
            session = uow.session
            _check_seen(session, selection)
            readable = self._ids(session, selection)
            ids = self._ids(session, selection, Action.DELETE)
            operation = self._operation(session, "delete")
            delete_deals(uow, ids, operation.id, progress)
            operation.count = len(ids)
            return BulkResult(operation.id, len(ids), refused=len(readable) - len(ids))

    # -- undo --------------------------------------------------------------------------------

    def last_undoable(self) -> OperationInfo | None:
        """The acting user's latest bulk edit that can still be undone (deletions can't)."""
        with self._ctx.read() as session:
            op = session.scalar(
                select(Operation)
                .where(
                    Operation.user_id == self._ctx.actor_id,
                    Operation.undone_at.is_(None),
                    Operation.count > 0,
                )
                .order_by(Operation.id.desc())
                .limit(1)
            )
            if op is None or not op.kind.startswith("update:"):
                return None
            field = op.kind.split(":", 1)[1]
            title = stage = None
            if op.count == 1 and field == "stage_id":
                moved = session.execute(
                    select(Deal.title, Stage.name)
                    .join(HistoryEntry, HistoryEntry.entity_id == Deal.id)
                    .join(Stage, cast(Stage.id, String) == HistoryEntry.new_value)
                    .where(HistoryEntry.operation_id == op.id, HistoryEntry.field == "stage_id")
                ).first()
                if moved is not None:
                    title, stage = moved
            return OperationInfo(op.id, op.kind, field, op.count, op.at, title, stage)

    def undo(self, operation_id: int, *, progress: Progress | None = None) -> BulkResult:
        """Put back what the operation changed, on every deal nobody has changed since."""
        with self._ctx.write() as uow:
            session = uow.session
            op = session.get(Operation, operation_id)
            if op is None:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["operation"], id=operation_id)
            if op.user_id != self._ctx.actor_id:
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP("errors", "Only who made a change can undo it.")
                )
            if op.undone_at is not None or not op.kind.startswith("update:"):
                raise ValidationError.single(
                    "operation", QT_TRANSLATE_NOOP("errors", "This change can't be undone (any more).")
                )
            field = op.kind.split(":", 1)[1]
            # Rights as they are now: deals one may no longer change stay as they are (counted as skipped).
            allowed = deal_scope(session, self._ctx.actor_id) + deal_scope(
                session, self._ctx.actor_id, Action.EDIT
            )
            undo_op = self._operation(session, "undo")
            now = utcnow()
            entries = HistoryEntry.__table__.alias("entry")
            olds = session.execute(
                select(entries.c.old_value, func.count())
                .where(entries.c.operation_id == op.id, entries.c.field == field)
                .group_by(entries.c.old_value)
            ).all()
            restored_ids: list[int] = []
            total = 0
            for old_text, count in olds:
                total += count
                old = _parse(field, old_text)
                # Only deals still at the version the operation gave them.
                same_version = Deal.version == (
                    select(entries.c.version)
                    .where(
                        entries.c.operation_id == op.id,
                        entries.c.field == field,
                        entries.c.entity_id == Deal.id,
                    )
                    .scalar_subquery()
                )
                ids = list(
                    session.scalars(
                        select(Deal.id).where(
                            Deal.id.in_(
                                select(entries.c.entity_id).where(
                                    entries.c.operation_id == op.id,
                                    entries.c.field == field,
                                    entries.c.old_value.is_(None)
                                    if old_text is None
                                    else entries.c.old_value == old_text,
                                )
                            ),
                            same_version,
                            *allowed,
                        )
                    )
                )
                for done, chunk in _chunks(ids):
                    self._set(uow, Deal.id.in_(chunk), field, old, old_text, undo_op.id, now)
                    _report(progress, done, len(ids))
                restored_ids.extend(ids)
            op.undone_at = now
            undo_op.count = len(restored_ids)
            if restored_ids:
                uow.emit(
                    "deal.stage_changed" if field == "stage_id" else "deal.updated", restored_ids, {field}
                )
            return BulkResult(undo_op.id, len(restored_ids), total - len(restored_ids))

    # -- helpers -----------------------------------------------------------------------------

    def _ids(self, session: Session, selection: DealSelection, action: Action = Action.READ) -> list[int]:
        """The chosen deals that exist and that this person may read and, if asked, `action`."""
        scope = deal_scope(session, self._ctx.actor_id)
        if action is not Action.READ:
            scope += deal_scope(session, self._ctx.actor_id, action)
        if selection.matching is not None:
            conditions = deal_conditions(selection.matching, self._dialect, self._ctx.actor_id)
            return list(session.scalars(select(Deal.id).where(*conditions, *scope).order_by(Deal.id)).all())
        ids = sorted(set(selection.ids))
        existing: list[int] = []
        for _done, chunk in _chunks(ids):
            existing.extend(session.scalars(select(Deal.id).where(Deal.id.in_(chunk), *scope)))
        return existing

    def _check_move_into(self, session: Session, stage: Stage) -> None:
        require_move(session, self._ctx.actor_id, stage.pipeline_id, stage.id, stage.name)

    def _operation(self, session: Session, kind: str) -> Operation:
        operation = Operation(kind=kind, entity_type="deal", count=0, user_id=self._ctx.actor_id, at=utcnow())
        session.add(operation)
        session.flush()
        return operation

    def _fill_required(
        self,
        uow: UnitOfWork,
        stage: Stage,
        ids: Sequence[int],
        fill: Mapping[str, Any],
        operation_id: int,
        now: datetime,
    ) -> None:
        """Check the fields the stage needs; give `fill`'s values to the deals that lack them."""
        session = uow.session
        moving = [
            i
            for _done, chunk in _chunks(ids)
            for i in session.scalars(select(Deal.id).where(Deal.id.in_(chunk), Deal.stage_id != stage.id))
        ]
        try:
            missing_for_stage(session, stage, moving)
            return
        except MissingFieldsError as exc:
            if not fill or not set(exc.field_keys) <= set(fill):
                raise
            lacking, keys = exc.missing, exc.field_keys
        standard, custom = clean_fill(session, {k: fill[k] for k in keys})
        for key, value in standard.items():
            need = [i for i, keys in lacking.items() if key in keys]
            for _done, chunk in _chunks(need):
                self._set(uow, Deal.id.in_(chunk), key, value, history_text(value), operation_id, now)
        if custom is not None:
            fields, cleaned = custom
            for field_id, value in cleaned.items():
                key = f"uf:{fields[field_id].code}"
                for deal_id in (i for i, keys in lacking.items() if key in keys):
                    diff = write_values(session, {field_id: fields[field_id]}, deal_id, {field_id: value})
                    uow.history.changed("deal", deal_id, 0, diff)
        missing_for_stage(session, stage, moving)  # everything there now

    def _set(
        self,
        uow: UnitOfWork,
        condition: ColumnElement[bool],
        field: str,
        value: Any,
        text: str | None,
        operation_id: int,
        now: datetime,
        loss_reason: str | None = None,
    ) -> None:
        """Set one field on the deals of a condition: history first (old values), then the rows."""
        column = getattr(Deal, field)
        action = "stage" if field == "stage_id" else "updated"
        history_where(uow, condition, action, field, cast(column, String), text, operation_id, now)
        values: dict[str, Any] = {field: value}
        if field == "stage_id":
            stage = stage_or_error(uow.session, value)
            stage_visits.enter_where(uow.session, condition, stage, uow.actor_id, now)
            values.update(stage_values(stage, loss_reason, now))
        update_where(uow, condition, values, now)


MSG_SEVERAL_CHANGED = QT_TRANSLATE_NOOP(
    "errors",
    "{count} of the chosen deals were changed by somebody else after you chose them. The first: "
    "{first} Nothing was changed; look at them again and repeat the action.",
)


def _check_seen(session: Session, selection: DealSelection) -> None:
    """Refuse the whole action when a chosen deal changed since the user saw it (its version moved):
    two people moving the same deal must not silently overwrite each other."""
    if not selection.versions:
        return
    seen = dict(selection.versions)
    changed: list[Deal] = []
    for _done, chunk in _chunks(sorted(seen)):
        rows = session.scalars(select(Deal).where(Deal.id.in_(chunk)))
        changed.extend(deal for deal in rows if deal.version != seen[deal.id])
    if not changed:
        return
    first = changed[0]
    try:
        check_version(session, "deal", first, seen[first.id], first.title)
    except ConflictError as conflict:
        if len(changed) == 1:
            raise
        raise ConflictError(
            MSG_SEVERAL_CHANGED, count=len(changed), first=conflict.message, current_version=None
        ) from conflict


def _chunks(ids: Sequence[int]) -> Any:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield start + len(chunk), chunk


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _differs(column: Any, value: Any) -> ColumnElement[bool]:
    """Rows whose column is not already the value (NULLs compared as values)."""
    condition: ColumnElement[bool] = column.is_not(None) if value is None else column.is_distinct_from(value)
    return condition


def _parse(field: str, text: str | None) -> Any:
    """A value back from its history text."""
    if text is None:
        return None
    if field in ("stage_id", "responsible_id", "probability"):
        return int(text)
    if field == "close_date":
        return date.fromisoformat(text)
    return text
