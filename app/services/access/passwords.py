"""Passwords and signing in: Argon2id hashes with OWASP's parameters (rehashed when they change),
attempts throttled after failures, nothing but the hash stored.

Who must sign in: as soon as a database has a second active person, or the only one has set a
password. A person without a password signs in by their login alone until they set one (the
first run stays frictionless; Settings says so and offers to set one)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import User, utcnow
from app.services.access.permissions import MSG_SETTINGS, may_manage_settings
from app.services.core.context import ServiceContext
from app.services.core.errors import DatabaseError, PermissionDeniedError, ServiceError, ValidationError, noun
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.storage.failures import Problem

if TYPE_CHECKING:  # argon2 is imported when a password is checked, not at start-up
    from argon2 import PasswordHasher

# OWASP Password Storage Cheat Sheet, Argon2id: 19 MiB of memory, two iterations, one lane.
TIME_COST = 2
MEMORY_KIB = 19 * 1024
PARALLELISM = 1
MIN_LENGTH = 8
MAX_LENGTH = 1024  # a bound on the work one attempt can ask for
FREE_ATTEMPTS = 5  # failures before the waits start
LONGEST_WAIT = timedelta(minutes=15)


class SignInError(ServiceError):
    """Wrong login or password, or too many attempts: nothing said about which."""


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    login: str
    name: str
    has_password: bool


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=PARALLELISM,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def check_length(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError.single(
            "password",
            QT_TRANSLATE_NOOP("errors", "A password needs at least {count} characters."),
            count=MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError.single(
            "password",
            QT_TRANSLATE_NOOP("errors", "A password has at most {count} characters."),
            count=MAX_LENGTH,
        )


class PasswordService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def sign_in_required(self) -> bool:
        """Whether whoever opens this database must say who they are."""
        with self._ctx.read() as session:
            active = (
                session.scalar(select(func.count()).select_from(User).where(User.is_active.is_(True))) or 0
            )
            if active > 1:
                return True
            return bool(
                session.scalar(
                    select(func.count())
                    .select_from(User)
                    .where(User.is_active.is_(True), User.password_hash.is_not(None))
                )
            )

    def has_password(self, user_id: int) -> bool:
        with self._ctx.read() as session:
            return session.scalar(select(User.password_hash).where(User.id == user_id)) is not None

    def sign_in(self, login: str, password: str, *, now: datetime | None = None) -> SignedIn:
        """The person, if the login and password are right; every failure counts, and after a few
        each next attempt must wait (doubling, up to 15 minutes). Nothing tells which was wrong."""
        moment = now or utcnow()
        try:
            with self._ctx.write() as uow:
                signed, refusal = self._check(uow.session, login, password, moment, record=True)
        except DatabaseError as exc:
            if exc.problem is not Problem.READ_ONLY:
                raise
            # A write-protected file can still be read: the check is made without being recorded
            # (nothing could be: neither the time of this sign-in nor a failed attempt).
            with self._ctx.read() as session:
                signed, refusal = self._check(session, login, password, moment, record=False)
        if refusal is not None:
            raise refusal
        assert signed is not None
        return signed

    def _check(
        self, session: Session, login: str, password: str, moment: datetime, *, record: bool
    ) -> tuple[SignedIn | None, SignInError | None]:
        wrong = SignInError(QT_TRANSLATE_NOOP("errors", "The login or the password is wrong."))
        user = session.scalar(select(User).where(func.lower(User.login) == login.strip().lower()))
        if user is None or not user.is_active:
            raise wrong
        if user.locked_until is not None and user.locked_until > moment:
            seconds = math.ceil((user.locked_until - moment).total_seconds())
            raise SignInError(
                QT_TRANSLATE_NOOP("errors", "Too many failed attempts: try again in {seconds} seconds."),
                seconds=seconds,
            )
        if user.password_hash is None or self._verify(session, user, password, record=record):
            if record:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = moment
            return SignedIn(user.id, user.login, user.name, user.password_hash is not None), None
        if record:  # the failure is counted (and kept: committed), then refused
            user.failed_logins = (user.failed_logins or 0) + 1
            over = user.failed_logins - FREE_ATTEMPTS - 1  # the sixth failure: 30 s, then doubling
            if over >= 0:
                user.locked_until = moment + min(timedelta(seconds=30 * 2 ** min(over, 10)), LONGEST_WAIT)
        return None, wrong

    def set_password(self, user_id: int, password: str, *, current: str | None = None) -> None:
        """A new password: one's own (saying the current one, if there is one), or anybody's for
        those who may manage settings (a reset)."""
        check_length(password)
        with self._ctx.write() as uow:
            session = uow.session
            user = session.get(User, user_id)
            if user is None:
                raise ValidationError.single("user", QT_TRANSLATE_NOOP("errors", "There is no such person."))
            own = user_id == self._ctx.actor_id
            if not own and not may_manage_settings(session, self._ctx.actor_id):
                raise PermissionDeniedError(
                    MSG_SETTINGS, what=noun(QT_TRANSLATE_NOOP("entities", "Password"))
                )
            if own and user.password_hash is not None and not self._verify(session, user, current or ""):
                raise ValidationError.single(
                    "current", QT_TRANSLATE_NOOP("errors", "The current password is wrong.")
                )
            user.password_hash = hash_password(password)
            user.failed_logins = 0
            user.locked_until = None
            uow.history.changed("user", user.id, user.version, {"password": ("…", "…")})

    @staticmethod
    def _verify(session: Session, user: User, password: str, *, record: bool = True) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        if len(password) > MAX_LENGTH or user.password_hash is None:
            return False
        hasher = _hasher()
        try:
            hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        if record and hasher.check_needs_rehash(user.password_hash):  # the parameters changed since
            user.password_hash = hasher.hash(password)
        return True
