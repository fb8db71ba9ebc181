"""A person's notifications: the newest first, how many are unread, marking them read; and sending
one (what automation does: "notify people")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased

from app.models import Notification, User, utcnow
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.notifications.rules import add_notifications

MSG_TEXT = QT_TRANSLATE_NOOP("errors", "A notification needs a text (at most 255 characters).")
MSG_NOBODY = QT_TRANSLATE_NOOP("errors", "Choose at least one person to notify.")
KINDS = ("deal_assigned", "deal_moved", "task_assigned", "task_due", "message")


@dataclass(frozen=True)
class NotificationInfo:
    id: int
    kind: str
    actor_name: str | None  # who did it; None: Dealdesk itself (a reminder, automation)
    entity_type: str | None
    entity_id: int | None  # None when it is about many records
    count: int
    title: str
    detail: str | None
    created_at: datetime  # UTC
    read: bool


class NotificationService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def unread_count(self) -> int:
        with self._ctx.read() as session:
            return int(
                session.scalar(
                    select(func.count()).where(
                        Notification.user_id == self._ctx.actor_id, Notification.read_at.is_(None)
                    )
                )
                or 0
            )

    def recent(self, limit: int = 50) -> list[NotificationInfo]:
        """The person's notifications, newest first: the unread ones, then the latest read ones."""
        actor = aliased(User)
        with self._ctx.read() as session:
            rows = session.execute(
                select(Notification, actor.name)
                .outerjoin(actor, actor.id == Notification.actor_id)
                .where(Notification.user_id == self._ctx.actor_id)
                .order_by(Notification.read_at.is_not(None), Notification.id.desc())
                .limit(limit)
            )
            return [
                NotificationInfo(
                    n.id,
                    n.kind,
                    name,
                    n.entity_type,
                    n.entity_id,
                    n.count,
                    n.title,
                    n.detail,
                    n.created_at,
                    n.read_at is not None,
                )
                for n, name in rows
            ]

    def mark_read(self, ids: Sequence[int]) -> None:
        self._mark(Notification.id.in_(list(ids)))

    def mark_all_read(self) -> None:
        self._mark(None)

    def _mark(self, condition: object) -> None:
        with self._ctx.write() as uow:
            statement = update(Notification).where(
                Notification.user_id == self._ctx.actor_id, Notification.read_at.is_(None)
            )
            if condition is not None:
                statement = statement.where(condition)  # type: ignore[arg-type]
            changed = uow.session.execute(statement.values(read_at=utcnow()))
            if changed.rowcount:  # type: ignore[attr-defined]
                uow.emit("notification.read", [self._ctx.actor_id or 0])

    def send(
        self,
        user_ids: Sequence[int],
        text: str,
        *,
        entity_type: str | None = None,
        entity_id: int | None = None,
        title: str = "",
    ) -> None:
        """A message to these people's bells (from the acting person, or Dealdesk when nobody acts)."""
        clean = " ".join((text or "").split())
        if not clean or len(clean) > 255:
            raise ValidationError.single("text", MSG_TEXT)
        people = sorted(set(user_ids))
        if not people:
            raise ValidationError.single("user_ids", MSG_NOBODY)
        with self._ctx.write() as uow:
            add_notifications(
                uow,
                [
                    {
                        "user_id": person,
                        "kind": "message",
                        "actor_id": self._ctx.actor_id,
                        "entity_type": entity_type,
                        "entity_id": entity_id,
                        "count": 1,
                        "title": title[:255],
                        "detail": clean,
                    }
                    for person in people
                ],
            )
