"""Stage history: every stay of a deal in a stage — when it came, when it left, who moved it.

Written in the transaction of every stage change (form, kanban, list, bulk, undo, pipeline moves,
tunnels); read for a deal's stage timeline and for time-in-stage figures, across pipelines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, insert, literal, select, update
from sqlalchemy.orm import Session

from app.models import Deal, DealStageVisit, Pipeline, Stage, User, table_of, utcnow

CHUNK = 500


@dataclass(frozen=True, slots=True)
class StageVisit:
    pipeline_id: int
    pipeline_name: str
    stage_id: int
    stage_name: str
    entered_at: datetime
    left_at: datetime | None
    user_name: str | None

    def seconds(self, now: datetime | None = None) -> float:
        return ((self.left_at or now or utcnow()) - self.entered_at).total_seconds()


def enter(
    session: Session,
    deal_ids: Sequence[int],
    stage: Stage,
    actor_id: int | None,
    now: datetime,
    *,
    new: bool = False,
) -> None:
    """These deals came into the stage now: their open stays end (unless they are `new`), new ones begin."""
    one_statement = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(deal_ids), CHUNK):
        chunk = list(deal_ids[start : start + CHUNK])
        rows = [
            {
                "deal_id": deal_id,
                "pipeline_id": stage.pipeline_id,
                "stage_id": stage.id,
                "entered_at": now,
                "left_at": None,
                "user_id": actor_id,
            }
            for deal_id in chunk
        ]
        if one_statement and not new:
            # PostgreSQL ends the open stays and begins the new ones in one statement (one round trip
            # to the server, not two); both see the rows as they were, so the new stays stay open.
            ending = _ending(DealStageVisit.deal_id.in_(chunk), now).cte("ending")
            session.execute(insert(table_of(DealStageVisit)).values(rows).add_cte(ending))
            continue
        if not new:
            _leave(session, DealStageVisit.deal_id.in_(chunk), now)
        session.execute(insert(DealStageVisit), rows)


def record(
    session: Session, stays: Sequence[tuple[int, int, tuple[int, datetime, datetime | None], int | None]]
) -> None:
    """Stays known from elsewhere (an import's dates): (deal, pipeline, (stage, entered, left), who)."""
    for start in range(0, len(stays), CHUNK):
        session.execute(
            insert(table_of(DealStageVisit)),
            [
                {
                    "deal_id": deal_id,
                    "pipeline_id": pipeline_id,
                    "stage_id": stage_id,
                    "entered_at": entered,
                    "left_at": left,
                    "user_id": actor_id,
                }
                for deal_id, pipeline_id, (stage_id, entered, left), actor_id in stays[start : start + CHUNK]
            ],
        )


def enter_where(
    session: Session, condition: ColumnElement[bool], stage: Stage, actor_id: int | None, now: datetime
) -> None:
    """The deals matching a condition (a bulk move, before its UPDATE) come into the stage now."""
    _leave(session, DealStageVisit.deal_id.in_(select(Deal.id).where(condition)), now)
    session.execute(
        insert(DealStageVisit).from_select(
            ["deal_id", "pipeline_id", "stage_id", "entered_at", "left_at", "user_id"],
            select(
                Deal.id,
                literal(stage.pipeline_id),
                literal(stage.id),
                literal(now, DealStageVisit.entered_at.type),
                literal(None, DealStageVisit.left_at.type),
                literal(actor_id, DealStageVisit.user_id.type),
            ).where(condition),
        )
    )


def _leave(session: Session, which: ColumnElement[bool], now: datetime) -> None:
    session.execute(_ending(which, now).execution_options(synchronize_session=False))


def _ending(which: ColumnElement[bool], now: datetime) -> Any:
    visit = table_of(DealStageVisit).c
    return update(table_of(DealStageVisit)).where(which, visit.left_at.is_(None)).values(left_at=now)


def visits(session: Session, deal_id: int) -> list[StageVisit]:
    """A deal's stays, first to last."""
    rows = session.execute(
        select(
            DealStageVisit.pipeline_id,
            Pipeline.name,
            DealStageVisit.stage_id,
            Stage.name,
            DealStageVisit.entered_at,
            DealStageVisit.left_at,
            User.name,
        )
        .join(Pipeline, Pipeline.id == DealStageVisit.pipeline_id)
        .join(Stage, Stage.id == DealStageVisit.stage_id)
        .outerjoin(User, User.id == DealStageVisit.user_id)
        .where(DealStageVisit.deal_id == deal_id)
        .order_by(DealStageVisit.entered_at, DealStageVisit.id)
    )
    return [StageVisit(*row) for row in rows]


def average_days_in_stage(
    session: Session, pipeline_id: int, *, now: datetime | None = None
) -> dict[int, float]:
    """Stage id -> average days a deal stayed there (finished stays; open ones count until now),
    aggregated by the database."""
    moment = now or utcnow()
    left = func.coalesce(DealStageVisit.left_at, literal(moment, DealStageVisit.left_at.type))
    if session.get_bind().dialect.name == "sqlite":
        days = func.julianday(left) - func.julianday(DealStageVisit.entered_at)
    else:
        days = func.extract("epoch", left - DealStageVisit.entered_at) / 86400.0
    rows = session.execute(
        select(DealStageVisit.stage_id, func.avg(days))
        .where(DealStageVisit.pipeline_id == pipeline_id)
        .group_by(DealStageVisit.stage_id)
    )
    return {stage_id: float(average or 0.0) for stage_id, average in rows}
