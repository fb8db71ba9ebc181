"""Start-up: opening a database that takes a while (an upgrade) shows a window saying so, off the
GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from app.gui import application
from app.services.container import open_services
from app.services.core.errors import DatabaseError
from app.services.deals.filters import DealFilter


def test_a_slow_opening_shows_a_window_and_the_gui_keeps_running(
    qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = threading.Event()
    gui_thread = threading.get_ident()
    opened_on: list[int] = []

    def slow_open(database: str, **kwargs: object):
        opened_on.append(threading.get_ident())
        seen.wait(5)  # until the GUI thread has shown the window (or 5 s: the test then fails below)
        return open_services(database, **kwargs)  # type: ignore[arg-type]

    def look() -> None:
        if any(isinstance(w, QProgressDialog) and w.isVisible() for w in qapp.topLevelWidgets()):
            seen.set()
        else:
            QTimer.singleShot(20, look)

    monkeypatch.setattr(application, "open_services", slow_open)
    QTimer.singleShot(0, look)
    services = application.open_with_progress(qapp, str(db_path), login=None, language="en")
    try:
        assert seen.is_set()  # the window was up while the database opened
        assert opened_on == [opened_on[0]]
        assert opened_on[0] != gui_thread  # the opening ran off the GUI thread
        assert services.deal_queries.count(DealFilter()) == 0  # working services came back
        assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in qapp.topLevelWidgets())
    finally:
        services.close()


def test_a_failure_while_opening_reaches_the_caller(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(database: str, **kwargs: object):
        raise DatabaseError("The file is not a Dealdesk database.")

    monkeypatch.setattr(application, "open_services", broken)
    with pytest.raises(DatabaseError, match="not a Dealdesk database"):
        application.open_with_progress(qapp, str(tmp_path / "x.sqlite"), login=None, language="en")
