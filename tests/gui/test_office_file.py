"""The shared office file in the window: waiting for another PC's lock without freezing (with a
note naming who holds it, and Cancel), and who is in the file in the status bar."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app.services.container import Services
from app.storage.presence import Presence
from app.views.deal_list.deal_table_model import COL_TITLE
from app.views.main_window import MainWindow


@pytest.fixture
def anna(demo_path: Path) -> Iterator[Presence]:
    """Another PC in the same file, in a long import."""
    presence = Presence(demo_path, "anna", "Anna Berg")
    presence.start()
    presence.set_activity("Importing deals…")
    yield presence
    presence.stop()


def _lock_wait_dialog() -> QProgressDialog | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.objectName() == "lockWait" and w.isVisible()
        ),
        None,
    )


def _cancel_the_wait_once_shown() -> None:
    """Press Cancel on the waiting note as soon as it is up (the waiting code runs its own loop)."""

    def cancel() -> None:
        dialog = _lock_wait_dialog()
        if dialog is None:
            QTimer.singleShot(100, cancel)
            return
        dialog.cancel()

    QTimer.singleShot(300, cancel)


def _hold_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_an_edit_while_another_pc_holds_the_lock_waits_with_a_note_and_then_saves(
    qtbot, window: MainWindow, demo_services: Services, demo_path: Path, anna: Presence
) -> None:
    model = window.deals.model
    index = model.index(0, COL_TITLE)
    deal_id = model.row_at(0).id
    other = _hold_lock(demo_path)
    seen: list[str] = []
    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()

    def look_then_release() -> None:
        dialog = _lock_wait_dialog()
        if dialog is None:  # not up yet (a slow machine): look again shortly
            QTimer.singleShot(100, look_then_release)
            return
        seen.append(dialog.labelText())
        other.execute("ROLLBACK")

    QTimer.singleShot(600, look_then_release)
    try:
        assert model.setData(index, "Saved after the wait")  # returns once the lock came free
    finally:
        heartbeat.stop()
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    assert seen, "the waiting note never showed"
    assert "Anna Berg on" in seen[0]
    assert "Importing deals…" in seen[0]
    assert len(beats) >= 5  # the window kept answering while it waited (frozen: 0 or 1)
    assert demo_services.deals.get(deal_id).title == "Saved after the wait"
    qtbot.waitUntil(lambda: _lock_wait_dialog() is None)


def test_cancel_gives_the_change_up_and_changes_nothing(
    qtbot, window: MainWindow, demo_services: Services, demo_path: Path, monkeypatch
) -> None:
    model = window.deals.model
    deal = model.row_at(0)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    other = _hold_lock(demo_path)

    _cancel_the_wait_once_shown()
    try:
        assert not model.setData(model.index(0, COL_TITLE), "Never saved")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert warned
    assert "You stopped waiting for" in warned[0]
    assert "your change was not saved" in warned[0]
    assert demo_services.deals.get(deal.id).title == deal.title


def test_the_status_bar_says_who_is_in_the_file(qtbot, window: MainWindow, anna: Presence) -> None:
    label = window.people_label
    assert window.presence is not None
    window.presence.refresh()
    label.refresh()
    assert label.text() == "2 people in this file"
    assert "Anna Berg on" in label.toolTip()
    assert "Importing deals…" in label.toolTip()
    assert "(you)" in label.toolTip()
    anna.stop()
    window.presence.refresh()
    label.refresh()
    assert label.text() == "Only you in this file"


def test_a_crashed_session_is_noticed_and_a_stale_one_expires(demo_path: Path) -> None:
    import os
    import socket

    from app.storage import presence as presence_module

    ghost = Presence(demo_path, "ben", "Ben Kraus")
    ghost.start()
    assert ghost._first_beat.wait(5)
    ghost._stop.set()  # it "crashes": no goodbye, no more heartbeats
    with sqlite3.connect(presence_module.presence_file(demo_path)) as conn:
        conn.execute("UPDATE presence SET pid = ? WHERE session = ?", (2**22 + 12345, ghost.session))
    again = Presence(demo_path, "ben", "Ben Kraus")
    again.start()
    try:
        crashed = again.crashed_sessions()
        assert [c.session for c in crashed] == [ghost.session]
        assert crashed[0].computer == socket.gethostname()
        assert all(e.session != ghost.session for e in again.everybody())
        assert os.getpid() in {e.pid for e in again.everybody()}
    finally:
        again.stop()


def test_opening_a_file_another_pc_holds_can_be_cancelled(qtbot, qapp, db_path: Path, monkeypatch) -> None:
    """Opening waits for another PC's exclusive lock with a note and Cancel: Cancel gives up at once."""
    from app.gui.application import open_with_progress
    from app.services.core.errors import DatabaseError

    monkeypatch.setattr("app.storage.database.BUSY_TIMEOUT_S", 5.0)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")

    def cancel() -> None:
        note = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()),
            None,
        )
        if note is None:
            QTimer.singleShot(100, cancel)
            return
        note.cancel()

    QTimer.singleShot(200, cancel)
    try:
        with pytest.raises(DatabaseError, match="You stopped waiting"):
            open_with_progress(qapp, str(db_path), login=None, language="en", create=False)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_card_dropped_while_another_pc_holds_the_lock_waits_and_cancel_says_so(
    qtbot, window: MainWindow, demo_services: Services, demo_path: Path, monkeypatch
) -> None:
    """The kanban drop that froze the window for 10 s and then showed nothing: now it waits with the
    note, and giving up says that nothing was moved; the card stays where it was."""
    from app.views.deals_area import DealsViewMode

    sales = demo_services.pipelines.list()[0]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(sales.id))
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    card = board.columns[0].model.card(0)
    target = board.columns[1].stage.id
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    other = _hold_lock(demo_path)

    _cancel_the_wait_once_shown()
    try:
        assert not board.move_cards(target, [(card.id, card.version)], board.columns[0].stage.id)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert warned
    assert "You stopped waiting for" in warned[0]
    assert demo_services.deals.get(card.id).stage_id == board.columns[0].stage.id


def test_a_write_protected_file_opens_and_says_read_only(qtbot, demo_path: Path, settings) -> None:
    import shutil as _shutil
    import subprocess

    from app.gui.application import build_main_window
    from app.services.container import open_services

    if _shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(demo_path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"this file system has no immutable flag: {made.stderr.decode().strip()}")
    try:
        services = open_services(str(demo_path), create=False)
        window = build_main_window(services, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.read_only_label.isVisible())
        assert "write-protected" in window.read_only_label.toolTip()
        assert window.deals.model.rowCount() == 400  # everything can be read
        window.close()
        services.close()
    finally:
        subprocess.run(["chattr", "-i", str(demo_path)], check=True)


def test_a_writable_file_says_nothing_about_it(qtbot, window: MainWindow) -> None:
    qtbot.wait(50)
    assert window._services.writable()
    assert not window.read_only_label.isVisible()
