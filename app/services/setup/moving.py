"""Moving the office's database: this file onto a server, or a copy of any database into a file.

A thin service over app.storage.moving (the copy, its check, the mark) so that the window never
touches storage; administrators only, since a copy holds everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.services.access.scope import access_for
from app.services.core.context import ServiceContext
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.storage.database import parse_url
from app.storage.moving import copying, marks

MSG_ADMINS_ONLY = QT_TRANSLATE_NOOP("errors", "Only an administrator can move or copy the whole database.")
MSG_NOT_SERVER = QT_TRANSLATE_NOOP(
    "errors",
    "A server's address begins with postgresql+psycopg:// (for example postgresql+psycopg://user@server/dealdesk).",
)
MSG_NOT_FILE = QT_TRANSLATE_NOOP(
    "errors", "This database is on a server already; copy it into a file instead."
)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class MovedInfo:
    to: str
    at: datetime  # UTC


@dataclass(frozen=True)
class CopyResult:
    target: str
    tables: int
    rows: int
    seconds: float
    marked: bool


class MoveService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def moved_to(self) -> MovedInfo | None:
        """Where this file was moved to (then nobody should keep working in it), or None."""
        mark = marks.moved_to(self._ctx.database)
        return MovedInfo(mark.to, mark.at) if mark is not None else None

    def keep_using(self) -> None:
        """Work in this file again, on purpose: its mark is removed (administrators)."""
        self._require_admin()
        marks.clear_mark(self._ctx.database)

    def to_server(
        self,
        url: str,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        password: str | None = None,
    ) -> CopyResult:
        """Copy this file onto the (empty) server database at `url`, checked; the file is marked.
        `password`: the server login's, used for the copy only (the mark holds the address alone)."""
        self._require_admin()
        if self._ctx.database.path is None:
            raise ValidationError.single("url", MSG_NOT_FILE)
        url = url.strip()
        if not url.startswith(("postgresql://", "postgresql+psycopg://")):
            raise ValidationError.single("url", MSG_NOT_SERVER)
        if password:
            url = parse_url(url).set(password=password).render_as_string(hide_password=False)
        return self._copy(url, progress, cancelled)

    def to_file(
        self, path: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> CopyResult:
        """Copy this database (a server's, or a file's) into the new file at `path`, checked."""
        self._require_admin()
        return self._copy(str(path.expanduser().resolve()), progress, cancelled)

    def _copy(
        self, target: str, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> CopyResult:
        report = copying.copy_database(
            self._ctx.database.address, target, progress=progress, cancelled=cancelled
        )
        return CopyResult(report.target, len(report.tables), report.rows, report.seconds, report.marked)

    def _require_admin(self) -> None:
        with self._ctx.read() as session:
            if not access_for(session, self._ctx.actor_id).unrestricted:
                raise PermissionDeniedError(MSG_ADMINS_ONLY)
