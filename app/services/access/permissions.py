"""Checks for what only an administrator may do (full access rights by role come later)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import User
from app.services.core.errors import PermissionDeniedError


def require_admin(session: Session, actor_id: int | None, message: str) -> None:
    """Refuse unless the actor is an administrator; no actor is the system itself (scripts, imports)."""
    if actor_id is None:
        return
    user = session.get(User, actor_id)
    if user is None or not user.is_admin:
        raise PermissionDeniedError(message)
