"""The window's first frame: painted from Qt alone while the database, the ORM and the views load.

It stands where the main window will stand (its saved size and place), with the same title, menu
titles and sidebar, and says what is being opened; the main window takes its place when ready.
Nothing here may import SQLAlchemy or the services: that is what it is painted before.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from app.ui.icons import icon
from app.ui.settings import PreserveGeometry
from app.views.sidebar import Sidebar

DEFAULT_SIZE = (1280, 800)  # as the main window's first start


def database_name(database: str) -> str:
    """What the title calls the database: a file's name, a server's host and database (never a
    password or a login)."""
    text = database.strip()
    if "://" not in text:
        return Path(text).name or text
    parts = urlsplit(text)
    if parts.scheme.startswith("sqlite"):
        return Path(parts.path.lstrip("/")).name or text
    host = parts.hostname or "localhost"
    return f"{host}{parts.path}"


class StartFrame(PreserveGeometry, QMainWindow):
    geometry_key = "main_window"  # restored from the main window's place; never saved from here

    def __init__(self, database: str) -> None:
        super().__init__()
        self.setObjectName("startFrame")
        self.setWindowIcon(icon("dealdesk"))
        name = database_name(database)
        self.setWindowTitle(f"Dealdesk – {name}")
        for title in ("&File", "&Edit", "&View", "&Help"):  # the main window's menus, in its words
            self.menuBar().addMenu(QCoreApplication.translate("MainWindow", title)).setEnabled(False)

        self.sidebar = Sidebar()
        self.sidebar.setEnabled(False)
        self.message = QLabel(QCoreApplication.translate("startFrame", "Opening %1…").replace("%1", name))
        self.message.setObjectName("startMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        busy = QProgressBar()
        busy.setRange(0, 0)  # no telling how far: a busy bar
        busy.setTextVisible(False)
        busy.setFixedWidth(240)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(page, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(name)
        if not self.restore_geometry():
            self.resize(*DEFAULT_SIZE)

    def hand_over(self, window: QWidget) -> None:
        """The main window takes this frame's place (its size, its screen, maximized or not)."""
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())
            window.show()
        self.hide()
        self.deleteLater()
