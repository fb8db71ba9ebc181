"""Domain events, published after a transaction commits, and the bus that delivers them."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DomainEvent:
    """Something that happened to one kind of record, e.g. `deal.stage_changed` for deals 4 and 9."""

    name: str
    entity: str
    ids: tuple[int, ...]
    actor_id: int | None
    fields: frozenset[str] = field(default_factory=frozenset)

    @property
    def action(self) -> str:
        return self.name.split(".", 1)[1]


Handler = Callable[[DomainEvent], None]


class EventBus:
    """Synchronous publish/subscribe; handlers run in the thread that committed.

    A failing handler is logged and does not undo or block the others: the change is committed.
    Qt views subscribe through a bridge that re-emits on the GUI thread.
    """

    def __init__(self) -> None:
        self._handlers: list[Handler] = []
        self._lock = threading.Lock()

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        with self._lock:
            self._handlers.append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers:
                    self._handlers.remove(handler)

        return unsubscribe

    def publish(self, event: DomainEvent) -> None:
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            try:
                handler(event)
            except Exception:
                log.exception("Handler %r failed on %s", handler, event.name)
