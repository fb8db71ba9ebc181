"""Use cases: every read and write of the app goes through here. Plain Python, never Qt."""

from app.services.container import Services, open_services
from app.services.errors import (
    ConflictError,
    Message,
    MissingFieldsError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)
from app.services.events import DomainEvent, EventBus
from app.storage import DatabaseError

__all__ = [
    "ConflictError",
    "DatabaseError",
    "DomainEvent",
    "EventBus",
    "Message",
    "MissingFieldsError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServiceError",
    "Services",
    "ValidationError",
    "open_services",
]
