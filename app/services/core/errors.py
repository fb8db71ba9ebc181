"""Errors the services raise, each with a message in the user's terms (translatable)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.storage import failures as _storage

# Storage failures reach the UI as a service error.
from app.storage.failures import DatabaseError as DatabaseError
from app.storage.failures import Problem

ERRORS_CONTEXT = "errors"
StorageProblem = Problem  # what kind of storage failure a DatabaseError is (busy, read-only, ...)
MSG_STORAGE_BUSY = _storage.MSG_BUSY
MSG_WAIT_CANCELLED = _storage.MSG_WAIT_CANCELLED


@dataclass(frozen=True)
class Message:
    """A translatable message: an English template with {named} placeholders, and its values."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    context: str = ERRORS_CONTEXT

    def __str__(self) -> str:
        return self.template.format(**{k: _plain(v) for k, v in self.params.items()})


def _plain(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def noun(text: str) -> Message:
    """A translatable word used inside other messages (e.g. the name of an entity)."""
    return Message(text, {}, "entities")


ENTITY_NAMES: Mapping[str, Message] = {
    "deal": noun(QT_TRANSLATE_NOOP("entities", "Deal")),
    "contact": noun(QT_TRANSLATE_NOOP("entities", "Contact")),
    "company": noun(QT_TRANSLATE_NOOP("entities", "Company")),
    "lead": noun(QT_TRANSLATE_NOOP("entities", "Lead")),
    "product": noun(QT_TRANSLATE_NOOP("entities", "Product")),
    "pipeline": noun(QT_TRANSLATE_NOOP("entities", "Pipeline")),
    "stage": noun(QT_TRANSLATE_NOOP("entities", "Stage")),
    "user": noun(QT_TRANSLATE_NOOP("entities", "User")),
    "role": noun(QT_TRANSLATE_NOOP("entities", "Role")),
    "department": noun(QT_TRANSLATE_NOOP("entities", "Department")),
    "task": noun(QT_TRANSLATE_NOOP("entities", "Task")),
    "filter": noun(QT_TRANSLATE_NOOP("entities", "Filter")),
    "operation": noun(QT_TRANSLATE_NOOP("entities", "Change")),
    "custom_field": noun(QT_TRANSLATE_NOOP("entities", "Field")),
    "form_layout": noun(QT_TRANSLATE_NOOP("entities", "Form")),
    "tunnel": noun(QT_TRANSLATE_NOOP("entities", "Tunnel")),
    "document": noun(QT_TRANSLATE_NOOP("entities", "Document")),
    "document_template": noun(QT_TRANSLATE_NOOP("entities", "Document template")),
    "mail_server": noun(QT_TRANSLATE_NOOP("entities", "Mail server")),
    "automation_rule": noun(QT_TRANSLATE_NOOP("entities", "Automation rule")),
    "automation_trigger": noun(QT_TRANSLATE_NOOP("entities", "Trigger")),
}


class ServiceError(Exception):
    """Base of every error a user should read; nothing was changed when it is raised."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(str(self.message))

    @property
    def messages(self) -> Sequence[Message]:
        return (self.message,)


class NotFoundError(ServiceError):
    pass


class PermissionDeniedError(ServiceError):
    pass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: Message


class ValidationError(ServiceError):
    """One or more fields are invalid; `problems` names each field and what is wrong with it."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        Exception.__init__(self, "; ".join(str(p.message) for p in self.problems))
        self.message = self.problems[0].message

    @property
    def messages(self) -> Sequence[Message]:
        return tuple(p.message for p in self.problems)

    @classmethod
    def single(cls, field_name: str, template: str, **params: Any) -> ValidationError:
        return cls([FieldProblem(field_name, Message(template, params))])


class MissingFieldsError(ValidationError):
    """A stage needs fields these deals don't have yet: the user is asked for them, then the move
    is tried again with the values (nothing was changed)."""

    def __init__(
        self,
        problems: Sequence[FieldProblem],
        *,
        stage_id: int,
        missing: Mapping[int, tuple[str, ...]],
        versions: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(problems)
        self.stage_id = stage_id
        self.missing = dict(missing)  # deal id -> field keys it lacks
        # deal id -> the version checked: the retry with the values expects it still (else a conflict)
        self.versions = dict(versions or {})

    @property
    def field_keys(self) -> list[str]:
        return list(dict.fromkeys(k for keys in self.missing.values() for k in keys))


@dataclass(frozen=True)
class ConflictingChange:
    """One field somebody else changed after the version being edited was read."""

    field: str
    old_value: str | None
    new_value: str | None
    user_name: str
    at: datetime


class ConflictError(ServiceError):
    """The record was changed (or deleted) by somebody else since it was read."""

    def __init__(
        self,
        template: str,
        *,
        changes: Sequence[ConflictingChange] = (),
        current_version: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(template, **params)
        self.changes = tuple(changes)
        self.current_version = current_version


# Texts used by several services, declared once so lupdate sees them.
MSG_NOT_FOUND = QT_TRANSLATE_NOOP("errors", "{entity} {id} does not exist (it may have been deleted).")
MSG_CHANGED_BY = QT_TRANSLATE_NOOP(
    "errors", "{entity} '{title}' was changed by {user} at {time} ({fields}) after you opened it."
)
MSG_CHANGED_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "{entity} '{title}' was changed by somebody else after you opened it."
)


class CancelledError(Exception):
    """The user cancelled a long operation; what it did was rolled back or removed."""
