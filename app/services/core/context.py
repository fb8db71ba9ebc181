"""What every service shares: the database, the event bus, the acting user, units of work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.services.core.events import DomainEvent, EventBus
from app.services.core.history import HistoryWriter
from app.storage import Database


@dataclass
class UnitOfWork:
    """One user action: a write transaction, its history entries, and the events to publish after."""

    session: Session
    actor_id: int | None
    history: HistoryWriter
    events: list[DomainEvent] = field(default_factory=list)

    def emit(self, name: str, ids: tuple[int, ...] | list[int], fields: Any = ()) -> None:
        entity = name.split(".", 1)[0]
        self.events.append(DomainEvent(name, entity, tuple(ids), self.actor_id, frozenset(fields)))

    def coalesce_events(self) -> None:
        """One event per kind instead of thousands (an import): listeners refresh once."""
        merged: dict[tuple[str, frozenset[str]], list[int]] = {}
        for event in self.events:
            merged.setdefault((event.name, event.fields), []).extend(event.ids)
        self.events = [
            DomainEvent(name, name.split(".", 1)[0], tuple(ids), self.actor_id, fields)
            for (name, fields), ids in merged.items()
        ]


@dataclass(frozen=True)
class ServiceContext:
    database: Database
    events: EventBus
    actor_id: int | None
    # Run at the end of every write, in its transaction, with its events (notifications are made so).
    before_commit: tuple[Callable[[UnitOfWork], None], ...] = ()

    def for_actor(self, actor_id: int | None) -> ServiceContext:
        return replace(self, actor_id=actor_id)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.database.session() as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read transaction on a plain connection: for hot paths that need no ORM (list pages)."""
        with self.database.engine.connect() as conn:
            if not self.database.is_sqlite:  # a server's reads: no BEGIN, no ROLLBACK
                conn.execution_options(**self.database.options(write=False))
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A write transaction; its events are published only once it has committed."""
        with self.database.session(write=True) as session:
            uow = UnitOfWork(session, self.actor_id, HistoryWriter(session, self.actor_id))
            yield uow
            session.flush()
            for hook in self.before_commit:
                hook(uow)
        for event in uow.events:
            self.events.publish(event)
