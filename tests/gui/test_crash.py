"""An error nobody caught — in a slot on the GUI thread, or on a background thread — is logged with its
traceback and shown in a dialog with the log's path and "Copy details"; Dealdesk keeps running."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from app.ui.crash import CrashReporter


@pytest.fixture
def reporter(qtbot):  # type: ignore[no-untyped-def]
    installed = CrashReporter()
    installed.install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_and_the_app_goes_on(qtbot, reporter: CrashReporter) -> None:
    button = QPushButton("Go")
    qtbot.addWidget(button)
    button.show()

    def broken() -> None:
        raise RuntimeError("the slot broke")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert "RuntimeError: the slot broke" in dialog.message.text()
    assert "The details are in the log: " in dialog.message.text()
    log = dialog.message.text().split("The details are in the log: ")[1].strip()
    with open(log, encoding="utf-8") as f:
        written = f.read()
    assert "Uncaught error" in written
    assert "RuntimeError: the slot broke" in written
    assert "in broken" in written  # with its traceback
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert "RuntimeError: the slot broke" in QGuiApplication.clipboard().text()
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert button.isVisible()  # still running


@pytest.mark.qt_no_exception_capture
def test_an_error_on_another_thread_is_shown_on_the_gui_thread_and_more_are_counted(
    qtbot, reporter: CrashReporter
) -> None:
    def job(n: int) -> None:
        raise ValueError(f"background job {n} failed")

    first = threading.Thread(target=job, args=(1,), name="worker-1")
    first.start()
    first.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert "ValueError: background job 1 failed" in dialog.message.text()
    second = threading.Thread(target=job, args=(2,), name="worker-2")
    second.start()
    second.join()
    qtbot.waitUntil(lambda: reporter.shown == 2)
    assert reporter.dialog is dialog  # counted, not stacked
    assert "1 more error came after it." in dialog.message.text()
    assert "background job 2 failed" in dialog.details
    dialog.close()


def test_about_names_the_version_the_database_its_schema_and_the_logs(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app import __version__
    from app.storage.migrate import SCHEMA_HEAD

    text = window.about_text()
    assert f"Dealdesk {__version__}" in text
    assert window._services.database.display_name in text
    assert f"Schema revision: {SCHEMA_HEAD}" in text
    opened: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    folder = window.open_log_folder()
    assert folder.is_dir()
    assert opened == [str(folder)]
    assert f"Logs: {folder}" in text
