"""File › Move to a server…: the dialog copies onto a real PostgreSQL, the file then sends whoever
opens it to the server, and a file opened anyway says so in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.dialogs.move_dialog import MoveDialog
from app.gui.application import build_main_window
from app.gui.opening import open_interactively
from app.services.container import Services, open_services
from app.services.deals.queries import DealFilter
from app.ui.actions import ActionId
from app.ui.settings import UserSettings


def _click_when_shown(text: str, tries: int = 100) -> None:
    """Click the button saying `text` of the message box once it is up (it runs its own loop)."""

    def look() -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
        )
        if box is None:
            if tries > 0:
                _click_when_shown(text, tries - 1)
            return
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(50, look)


def _opener(opened: list[str]) -> Callable[[str, bool], Services]:
    def opener(database: str, create: bool) -> Services:
        opened.append(database)
        return open_services(database, create=create)

    return opener


@pytest.mark.postgres
def test_move_to_a_server_then_open_the_file(
    qtbot, demo_services: Services, demo_path: Path, postgres_url: str, settings: UserSettings, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    window = build_main_window(demo_services, settings)
    qtbot.addWidget(window)
    action = window.actions[ActionId.MOVE_TO_SERVER]
    assert action.isVisible()  # an administrator, on a file
    assert action in window.menuBar().actions()[0].menu().actions()

    dialog = MoveDialog(demo_services, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.url.setText("mysql://server/dealdesk")
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "postgresql+psycopg://" in dialog.error.text()
    dialog.url.setText(postgres_url)
    with qtbot.waitSignal(dialog.moved, timeout=60_000) as moved:
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert moved.args == [postgres_url]
    assert "checked" in told[0]
    deals = demo_services.deal_queries.count(DealFilter())
    server = open_services(postgres_url)
    try:
        assert server.deal_queries.count(DealFilter()) == deals
    finally:
        server.close()

    # Opening the file now: the server is offered first.
    opened: list[str] = []
    _click_when_shown("Open the server")
    services = open_interactively(str(demo_path), settings, _opener(opened))
    assert services is not None
    try:
        assert opened == [str(demo_path), postgres_url]
        assert services.database.display_name == postgres_url
    finally:
        services.close()

    # Opened anyway (to look something up), the window says the file was moved.
    _click_when_shown("Open the file anyway")
    services = open_interactively(str(demo_path), settings, _opener([]))
    assert services is not None
    anyway = build_main_window(services, settings)
    qtbot.addWidget(anyway)
    anyway.show()
    qtbot.waitUntil(lambda: anyway.moved_label.isVisible())
    assert postgres_url in anyway.moved_label.toolTip()
    anyway.close()
    services.close()


def test_moving_is_for_administrators_on_a_file(
    qtbot, demo_services: Services, demo_path: Path, settings: UserSettings
) -> None:
    demo_services.users.create(login="ben", name="Ben")
    ben = open_services(str(demo_path), login="ben")
    try:
        window = build_main_window(ben, settings)
        qtbot.addWidget(window)
        assert not window.actions[ActionId.MOVE_TO_SERVER].isVisible()
    finally:
        window.close()
        ben.close()


def test_the_dialog_reads_well(qtbot, demo_services: Services) -> None:
    dialog = MoveDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.url.placeholderText().startswith("postgresql+psycopg://")
    assert dialog.password.echoMode() is dialog.password.EchoMode.Password
    widgets: list[QWidget] = [dialog.url, dialog.password, dialog.move_button]
    assert all(w.isVisible() for w in widgets)
