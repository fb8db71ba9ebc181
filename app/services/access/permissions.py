"""Checks for the settings: what only people who may manage settings (administrators, and roles
with that switch on) may change — users, departments, roles, pipelines, fields, products,
templates, the office's settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services.access.scope import access_for
from app.services.core.errors import ENTITY_NAMES, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP

MSG_SETTINGS = QT_TRANSLATE_NOOP("errors", "Your role does not let you manage settings ({what}).")


def may_manage_settings(session: Session, actor_id: int | None) -> bool:
    """Administrators, roles with "manage settings", and the system itself (scripts, imports)."""
    return access_for(session, actor_id).switch("manage_settings")


def require_admin(session: Session, actor_id: int | None, message: str) -> None:
    """Refuse with `message` unless the actor may manage settings; no actor is the system itself."""
    if not may_manage_settings(session, actor_id):
        raise PermissionDeniedError(message)


def require_settings(session: Session, actor_id: int | None, entity: str) -> None:
    """Refuse, naming the missing right, unless the actor may manage settings (here: `entity`)."""
    if not may_manage_settings(session, actor_id):
        raise PermissionDeniedError(MSG_SETTINGS, what=ENTITY_NAMES[entity])
