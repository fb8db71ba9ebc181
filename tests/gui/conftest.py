"""GUI fixtures: the real main window over a demo database, dialogs answered by patching."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.gui.application import build_main_window
from app.services.container import Services
from app.ui.i18n import install_translations
from app.ui.operations import Operation
from app.ui.settings import CHANGE_POLL_MS, ORGANIZATION, SETTINGS_FILE, STATE_FILE, UserSettings
from app.views.deal_list.deal_table_model import COL_TITLE
from app.views.main_window import MainWindow


@pytest.fixture(autouse=True)
def _english_and_synchronous(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "en")
    Operation.run_synchronously = True
    yield
    Operation.run_synchronously = False
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp: QApplication) -> Iterator[None]:
    """A modal dialog no test answers would wait forever: close it after a while and fail the test."""
    stray: list[str] = []

    def close_modal() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            stray.append(f"{type(widget).__name__} '{widget.windowTitle()}'")
            widget.close()

    timer = QTimer()
    timer.setInterval(3000)
    timer.timeout.connect(close_modal)
    timer.start()
    yield
    timer.stop()
    assert not stray, f"a dialog was left for the user to answer: {stray}"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "de")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def settings() -> UserSettings:
    for name in (SETTINGS_FILE, STATE_FILE):  # every test starts from a first run
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, name).clear()
    user_settings = UserSettings()
    user_settings.set(CHANGE_POLL_MS, 0)  # tests poll by hand
    return user_settings


@pytest.fixture
def window(qtbot, demo_services: Services, settings: UserSettings) -> MainWindow:
    main_window = build_main_window(demo_services, settings)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


@pytest.fixture
def click_row(qtbot) -> Callable[..., None]:
    """Click a row of the deal list (on its title cell), with Ctrl or Shift if asked."""

    def click(window: MainWindow, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        view = window.deals.list_view
        rect = view.visualRect(view.model().index(row, COL_TITLE))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    return click


@pytest.fixture
def click_header(qtbot) -> Callable[..., None]:
    """Click a column's header in the deal list (sorts by it; again: the other way round)."""

    def click(window: MainWindow, column: int) -> None:
        header = window.deals.list_view.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    return click


@pytest.fixture
def pointer() -> Iterator[Any]:
    """The X server's pointer (Xvfb tests only)."""
    from xpointer import pointer_fixture

    yield from pointer_fixture()
