"""The first frame of a start: painted before SQLAlchemy and the views load, alive while they do,
and replaced by the main window in its place."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication

from app.gui.launch import load_in_background
from app.gui.start_frame import StartFrame, database_name
from app.views.main_window import MainWindow

SPY_START = """
import sys
from PySide6.QtWidgets import QApplication
from app.gui import launch

original = launch.load_in_background

def spy(name):
    app = QApplication.instance()
    frames = [w for w in app.topLevelWidgets() if w.objectName() == "startFrame" and w.isVisible()]
    print("at-frame", "sqlalchemy" in sys.modules, "app.services.container" in sys.modules,
          "app.views.main_window" in sys.modules, [f.windowTitle() for f in frames], flush=True)
    return original(name)

launch.load_in_background = spy
sys.exit(launch.run_gui(sys.argv[1], exit_when_shown=True))
"""


def test_the_first_frame_is_painted_before_the_orm_and_the_views_load(db_path: Path, tmp_path: Path) -> None:
    """The real start, in a process of its own: the frame is up while nothing heavy is imported yet,
    then the main window comes (and the frame is reported before it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("DEALDESK_USER", None)
    started = subprocess.run(
        [sys.executable, "-c", SPY_START, str(db_path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert started.returncode == 0, started.stderr[-2000:]
    lines = started.stdout.splitlines()
    assert f"at-frame False False False ['Dealdesk – {db_path.name}']" in lines
    frame = next(i for i, line in enumerate(lines) if line.startswith("frame "))
    shown = next(i for i, line in enumerate(lines) if line.startswith("shown "))
    assert frame < shown
    assert float(lines[frame].split()[1]) < float(lines[shown].split()[1])


def test_nothing_the_frame_needs_imports_the_orm() -> None:
    """Importing the launcher and the frame, in a fresh interpreter, loads neither SQLAlchemy nor
    the services (a heavy import added to them would undo the early frame)."""
    code = textwrap.dedent(
        """
        import sys
        import app.gui.launch, app.gui.start_frame
        heavy = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy" or m.startswith(
            ("app.services.container", "app.models", "app.views.main_window", "app.storage.database")))
        print(heavy)
        """
    )
    checked = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert checked.stdout.strip() == "[]"


def test_the_main_window_takes_the_frames_place(qtbot, window: MainWindow) -> None:
    frame = StartFrame(str(window._services.database.display_name))
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    frame.setGeometry(QRect(140, 90, 1180, 720))  # moved and resized while loading
    qtbot.waitUntil(lambda: frame.geometry() == QRect(140, 90, 1180, 720))
    window.hide()
    frame.hand_over(window)
    qtbot.waitUntil(lambda: window.isVisible() and not frame.isVisible())
    assert window.geometry() == QRect(140, 90, 1180, 720)
    assert frame.windowTitle() == window.windowTitle()  # the same title: the swap is not seen


def test_a_frame_names_the_database_without_login_or_password() -> None:
    assert database_name("/home/anna/Büro/dealdesk.sqlite") == "dealdesk.sqlite"
    assert database_name("sqlite:////srv/share/office.sqlite") == "office.sqlite"
    named = database_name("postgresql+psycopg://anna:geheim@db.office.lan:5432/dealdesk?sslmode=verify-full")
    assert named == "db.office.lan/dealdesk"


def test_a_failed_start_leaves_no_frame_behind(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.gui.launch import run_gui

    bogus = tmp_path / "letter.sqlite"
    bogus.write_text("Dear customer, " * 100)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    assert run_gui(str(bogus)) == 1
    frames = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartFrame) and w.isVisible()]
    assert frames == []


def test_the_frame_keeps_answering_while_the_views_load(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "slow_views.py").write_text("import time\ntime.sleep(0.4)\nLOADED = True\n")
    (tmp_path / "broken_views.py").write_text("raise ImportError('a file of the install is missing')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        module = load_in_background("slow_views")
    finally:
        timer.stop()
    assert module.LOADED is True
    assert ticks  # Qt's events ran while the module loaded on the helper thread
    with pytest.raises(ImportError, match="missing"):
        load_in_background("broken_views")
