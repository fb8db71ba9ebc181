"""Stale deals: in progress, and no stage change for longer than their stage's idle days."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, literal, select

from app.models import Deal, Stage, utcnow


def is_stale(
    stage_changed_at: datetime | None, idle_days: int | None, closed: bool, now: datetime | None = None
) -> bool:
    if closed or not idle_days or stage_changed_at is None:
        return False
    return stage_changed_at < (now or utcnow()) - timedelta(days=idle_days)


def idle_days_of(stage_changed_at: datetime | None, now: datetime | None = None) -> int:
    """Whole days since the deal came into its stage."""
    if stage_changed_at is None:
        return 0
    return max(0, ((now or utcnow()) - stage_changed_at).days)


def stale_condition(dialect: str, now: datetime | None = None) -> ColumnElement[bool]:
    """Deals that are stale now: their stage has idle days and they stayed longer."""
    moment = now or utcnow()
    idle = select(Stage.idle_days).where(Stage.id == Deal.stage_id).scalar_subquery()
    if dialect == "sqlite":
        overdue = (
            func.julianday(literal(moment.isoformat(sep=" "))) - func.julianday(Deal.stage_changed_at) > idle
        )
    else:
        overdue = Deal.stage_changed_at < literal(moment) - func.make_interval(0, 0, 0, idle)
    return and_(
        Deal.closed.is_(False),
        Deal.stage_id.in_(select(Stage.id).where(Stage.idle_days.is_not(None))),
        overdue,
    )
