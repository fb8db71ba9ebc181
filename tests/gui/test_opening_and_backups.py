"""Opening in the window: a missing file asks (never a silent new database), a damaged one offers its
newest good backup; File › Restore from a backup…; the backup state and an unreachable file in
the status bar."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.dialogs.backups_dialog import BackupsDialog
from app.dialogs.missing_database_dialog import MissingDatabaseDialog
from app.gui.opening import open_interactively, recent_files, remember
from app.services.container import Services, open_services
from app.storage.backups import make_backup
from app.ui.settings import BACKUP_FOLDER, UserSettings
from app.views.main_window import MainWindow


def _when_shown(kind: type, act: Callable[[QWidget], None], tries: int = 100) -> None:
    """Act on a modal dialog of this kind once it is up (it runs its own event loop)."""

    def look() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
        )
        if dialog is None:
            if tries > 0:
                QTimer.singleShot(50, lambda: _when_shown(kind, act, tries - 1))
            return
        act(dialog)

    QTimer.singleShot(50, look)


def _opener(opened: list[str]) -> Callable[[str, bool], Services]:
    def opener(database: str, create: bool) -> Services:
        opened.append(database)
        return open_services(database, create=create)

    return opener


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(8192, len(data)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


def test_a_missing_file_asks_and_quit_creates_nothing(qtbot, tmp_path: Path, settings: UserSettings) -> None:
    missing = tmp_path / "share" / "office.sqlite"
    seen: list[str] = []

    def quit_(dialog: QWidget) -> None:
        assert isinstance(dialog, MissingDatabaseDialog)
        seen.append(dialog.message.text())
        dialog.quit_button.click()

    _when_shown(MissingDatabaseDialog, quit_)
    assert open_interactively(str(missing), settings, _opener([])) is None
    assert "is not there" in seen[0]
    assert "Is the network drive connected?" in seen[0]
    assert not missing.parent.exists()  # nothing made


def test_the_missing_file_dialog_lists_recent_files_and_opens_one(
    qtbot, tmp_path: Path, db_path: Path, settings: UserSettings
) -> None:
    remember(settings, str(db_path))
    remember(settings, str(tmp_path / "gone.sqlite"))
    opened: list[str] = []

    def pick_recent(dialog: QWidget) -> None:
        assert isinstance(dialog, MissingDatabaseDialog)
        items = [dialog.recent.item(i) for i in range(dialog.recent.count())]
        assert any("(not there)" in i.text() for i in items)
        usable = next(i for i in items if i.text() == str(db_path))
        dialog.recent.setCurrentItem(usable)
        dialog.open_button.click()

    _when_shown(MissingDatabaseDialog, pick_recent)
    services = open_interactively(str(tmp_path / "elsewhere.sqlite"), settings, _opener(opened))
    assert services is not None
    services.close()
    assert opened == [str(db_path)]
    assert recent_files(settings)[0] == str(db_path)


def test_create_is_a_deliberate_choice(qtbot, tmp_path: Path, settings: UserSettings) -> None:
    path = tmp_path / "new.sqlite"
    path.touch()  # a 0-byte file: asks too
    texts: list[str] = []

    def create(dialog: QWidget) -> None:
        assert isinstance(dialog, MissingDatabaseDialog)
        texts.append(dialog.message.text())
        dialog.create_button.click()

    _when_shown(MissingDatabaseDialog, create)
    services = open_interactively(str(path), settings, _opener([]))
    assert services is not None
    services.close()
    assert "is empty (0 bytes)" in texts[0]
    assert path.stat().st_size > 0


def test_a_damaged_file_offers_its_newest_good_backup(
    qtbot, db_path: Path, tmp_path: Path, settings: UserSettings, monkeypatch
) -> None:
    settings.set(BACKUP_FOLDER, str(tmp_path / "backups"))
    services = open_services(str(db_path))
    services.companies.create(title="In the backup")
    make_backup(services.database, tmp_path / "backups")
    services.close()
    _damage(db_path)
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    reopened = open_interactively(str(db_path), settings, _opener([]))
    assert reopened is not None
    reopened.close()
    assert "is damaged" in asked[0]
    assert "Restore the newest good backup" in asked[0]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert ("In the backup",) in conn.execute("SELECT title FROM company").fetchall()


def test_restore_from_the_backups_dialog(
    qtbot, demo_services: Services, demo_path: Path, tmp_path: Path, settings: UserSettings, monkeypatch
) -> None:
    settings.set(BACKUP_FOLDER, str(tmp_path / "backups"))
    dialog = BackupsDialog(demo_services, settings)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.table.item(0, 4) is not None)
    assert dialog.table.item(0, 1).text() == "400"
    assert dialog.table.item(0, 4).text() == "OK"
    demo_services.companies.create(title="After the backup")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    restored: list[str] = []
    dialog.restored.connect(restored.append)
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(restored))
    assert Path(restored[0]).exists()  # the file as it was, kept
    with sqlite3.connect(demo_path) as conn:
        assert ("After the backup",) not in conn.execute("SELECT title FROM company").fetchall()


def test_the_status_bar_warns_without_a_recent_backup_and_after_a_failure(
    qtbot, window: MainWindow, settings: UserSettings, tmp_path: Path
) -> None:
    label = window.backup_label
    qtbot.waitUntil(label.isVisible)
    assert label.text() == "⚠ No backup yet"
    settings.set(BACKUP_FOLDER, str(tmp_path / "backups"))
    window.backup_if_due()
    qtbot.waitUntil(lambda: "Backed up today at" in label.text())
    assert not label.warning
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    settings.set(BACKUP_FOLDER, str(blocked / "sub"))
    window.backup_if_due()
    qtbot.waitUntil(lambda: label.warning)
    assert "Backup failed" in label.text()
    assert "Can't write backups to" in label.toolTip()


def test_an_unreachable_file_is_said_in_the_status_bar(
    qtbot, window: MainWindow, demo_services: Services, demo_path: Path, tmp_path: Path
) -> None:
    hub = window._hub
    hub._monitor.close()
    demo_services.database.engine.dispose()  # the share drops: its open files go with it
    moved = tmp_path / "away"
    moved.mkdir()
    shutil.move(str(demo_path), moved / demo_path.name)
    try:
        hub._on_poll()
        assert window.trouble_label.isVisible()
        assert "Database not reachable" in window.trouble_label.text()
        assert "Is the network drive connected?" in window.trouble_label.toolTip()
        assert not demo_path.exists()  # no new, empty database where the file was
    finally:
        shutil.move(str(moved / demo_path.name), demo_path)
    hub._on_poll()
    assert not window.trouble_label.isVisible()
    assert window.statusBar().currentMessage() == "The database can be reached again."


def test_a_check_after_a_crash_says_a_sound_file_is_sound(qtbot, window: MainWindow) -> None:
    window.check_after_crash()
    qtbot.waitUntil(lambda: "the database is sound" in window.statusBar().currentMessage())


def test_a_check_after_a_crash_that_finds_damage_says_so_and_opens_the_backups(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    warned: list[str] = []
    shown: list[bool] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    monkeypatch.setattr(
        window._services.backups,
        "quick_check",
        lambda: "*** in database main ***\nPage 7: btreeInitPage() returns error code 11",
    )
    monkeypatch.setattr(window, "show_backups", lambda: shown.append(True))
    window.check_after_crash()
    qtbot.waitUntil(lambda: bool(shown))
    assert "found the database damaged" in warned[0]
    assert "btreeInitPage" in warned[0]
