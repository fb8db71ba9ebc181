"""Opening the database in the window: a missing file asks, a damaged one offers its backup.

Creating a database is always a deliberate act: a path that is not there (a network drive not
connected) or a 0-byte file asks what to do, listing the files opened lately. A damaged file offers
the newest good backup (after keeping a copy of the damaged file). Files opened are remembered.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from app.config import default_database
from app.services.container import Services, sqlite_file
from app.services.core.errors import DatabaseError, ServiceError, StorageProblem
from app.storage.backups import backup_folder, newest_good_backup, restore_backup
from app.storage.opening import is_new_file
from app.storage.server_passwords import save_password, wants_password
from app.ui.i18n import error_text
from app.ui.settings import BACKUP_FOLDER, RECENT_FILES, UserSettings, recent_files

RECENT_KEPT = 8
Opener = Callable[[str, bool], Services]  # (database, create) -> services


def _tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


def remember(settings: UserSettings, database: str) -> None:
    path = sqlite_file(database)
    if path is None:
        return
    entries = [str(path), *(p for p in recent_files(settings) if p != str(path))]
    settings.set(RECENT_FILES, "\n".join(entries[:RECENT_KEPT]))


def open_interactively(
    database: str, settings: UserSettings, opener: Opener, *, create: bool = False
) -> Services | None:
    """The services on the database the person settles on; None when they quit. `create`: a new
    database is wanted there (the first-run assistant said so)."""
    from app.dialogs.missing_database_dialog import Choice, MissingDatabaseDialog

    asked = False  # a password was asked for already: the next refusal says it was wrong
    while True:
        if not create and is_new_file(database):
            path = sqlite_file(database)
            first_run = database == default_database() and not recent_files(settings)
            dialog = MissingDatabaseDialog(
                database,
                recent_files(settings),
                empty=path is not None and path.exists(),
                first_run=first_run,
            )
            dialog.exec()
            if dialog.choice is Choice.QUIT:
                return None
            if dialog.choice is Choice.OPEN:
                database = dialog.chosen_path
            create = dialog.choice is Choice.CREATE
            continue
        try:
            services = opener(database, create)
        except DatabaseError as exc:
            if exc.problem is StorageProblem.DAMAGED and offer_restore(database, settings, error_text(exc)):
                continue
            if sqlite_file(database) is None and wants_password(exc):
                given = _ask_password(database, refused=asked)
                if given is not None:
                    asked, database = True, given
                    continue
            if exc.problem is StorageProblem.MISSING and not create:
                continue  # the folder went away meanwhile: ask again
            _cant_open(error_text(exc))
            return None
        except ServiceError as exc:
            _cant_open(error_text(exc))
            return None
        moved = services.moving.moved_to()
        if moved is not None:
            answer = _ask_moved(database, moved.to, moved.at)
            if answer is not MovedChoice.FILE:
                services.close()
                if answer is MovedChoice.QUIT:
                    return None
                database, create = moved.to, False
                continue
        remember(settings, database)
        return services


def _ask_password(database: str, *, refused: bool) -> str | None:
    """The server wants a password: asked for, kept in the password store if wished; the address to
    open with it (the password in it for this opening only), or None when the person cancels."""
    from sqlalchemy.engine import make_url

    from app.dialogs.server_password_dialog import ServerPasswordDialog

    url = make_url(database)
    server = url.set(password=None).render_as_string(hide_password=True)
    dialog = ServerPasswordDialog(server, url.username or "", refused)
    if dialog.exec() != ServerPasswordDialog.DialogCode.Accepted:
        return None
    password = dialog.password.text()
    if dialog.remember.isChecked():
        try:
            save_password(url, password)
        except DatabaseError as exc:
            QMessageBox.information(None, _tr("Password not kept"), error_text(exc))
    return url.set(password=password).render_as_string(hide_password=False)


class MovedChoice(enum.Enum):
    SERVER = "server"
    FILE = "file"  # anyway: to look something up
    QUIT = "quit"


def _ask_moved(database: str, to: str, at: datetime) -> MovedChoice:
    """The file was moved onto a server: open the server, the file anyway, or nothing."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Moved to a server"), "")
    when = QLocale().toString(at.replace(tzinfo=UTC).astimezone().date(), QLocale.FormatType.LongFormat)
    box.setText(
        _tr(
            "%1 was moved to the server %2 on %3. Your office works there now: changes made in this "
            "file do not reach anybody."
        )
        .replace("%1", database)
        .replace("%2", to)
        .replace("%3", when)
    )
    server = box.addButton(_tr("Open the server"), QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(_tr("Open the file anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(server)
    box.exec()
    clicked = box.clickedButton()
    if clicked is server:
        return MovedChoice.SERVER
    return MovedChoice.FILE if clicked is anyway else MovedChoice.QUIT


def offer_restore(database: str, settings: UserSettings, problem: str) -> bool:
    """The file is damaged: offer the newest backup that passes its check. True when restored."""
    path = sqlite_file(database)
    if path is None:
        return False
    folder = backup_folder(path, settings.get(BACKUP_FOLDER))
    found = newest_good_backup(folder, path)
    if found is None:
        QMessageBox.critical(
            None,
            _tr("The database is damaged"),
            _tr("%1\n\nThere is no good backup in %2 to restore. Keep the file for repair; do not delete it.")
            .replace("%1", problem)
            .replace("%2", str(folder)),
        )
        return False
    good, check = found
    when = QLocale().toString(good.made_at, QLocale.FormatType.LongFormat)
    answer = QMessageBox.question(
        None,
        _tr("The database is damaged"),
        _tr(
            "%1\n\nRestore the newest good backup, of %2 (%3 deals)? Changes made since then are lost; "
            "the damaged file is kept in the backup folder."
        )
        .replace("%1", problem)
        .replace("%2", when)
        .replace("%3", QLocale().toString(check.deals or 0)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        kept = restore_backup(path, good.path, folder)
    except DatabaseError as exc:
        _cant_open(error_text(exc))
        return False
    QMessageBox.information(
        None,
        _tr("Restored"),
        _tr("The backup is in place. The damaged file is kept at:\n%1").replace("%1", str(kept)),
    )
    return True


def _cant_open(text: str) -> None:
    QMessageBox.critical(
        None, QCoreApplication.translate("application", "Dealdesk can't open the database"), text
    )
