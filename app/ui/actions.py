"""Every menu and toolbar action, keyed by an Enum, with standard shortcuts."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

from app.ui.icons import icon


class ActionId(enum.Enum):
    NEW_DEAL = "new_deal"
    BACKUP = "backup"
    RESTORE = "restore"
    IMPORT_DEALS = "import_deals"
    IMPORTS = "imports"
    EXPORT_ALL = "export_all"
    MOVE_TO_SERVER = "move_to_server"
    QUIT = "quit"
    UNDO = "undo"
    FIND = "find"
    SHOW_LIST = "show_list"
    SHOW_KANBAN = "show_kanban"
    SHOW_CALENDAR = "show_calendar"
    REFRESH = "refresh"
    ABOUT = "about"
    LOG_FOLDER = "log_folder"
    GUIDE = "guide"


def build_actions(parent: QObject) -> dict[ActionId, QAction]:
    standard = QKeySequence.StandardKey
    specs: list[tuple[ActionId, str, QKeySequence | None, QIcon | None]] = [
        (
            ActionId.NEW_DEAL,
            QCoreApplication.translate("actions", "&New deal…"),
            QKeySequence(standard.New),
            icon("plus"),
        ),
        (ActionId.IMPORT_DEALS, QCoreApplication.translate("actions", "&Import…"), None, None),
        (ActionId.IMPORTS, QCoreApplication.translate("actions", "Imp&orts…"), None, None),
        (ActionId.EXPORT_ALL, QCoreApplication.translate("actions", "&Export all…"), None, None),
        (ActionId.BACKUP, QCoreApplication.translate("actions", "&Back up database…"), None, icon("backup")),
        (ActionId.RESTORE, QCoreApplication.translate("actions", "&Restore from a backup…"), None, None),
        (ActionId.MOVE_TO_SERVER, QCoreApplication.translate("actions", "&Move to a server…"), None, None),
        (ActionId.QUIT, QCoreApplication.translate("actions", "&Quit"), QKeySequence(standard.Quit), None),
        (ActionId.UNDO, QCoreApplication.translate("actions", "&Undo"), QKeySequence(standard.Undo), None),
        (
            ActionId.FIND,
            QCoreApplication.translate("actions", "&Find"),
            QKeySequence(standard.Find),
            icon("search"),
        ),
        (
            ActionId.SHOW_LIST,
            QCoreApplication.translate("actions", "&List"),
            QKeySequence("Ctrl+1"),
            icon("list"),
        ),
        (
            ActionId.SHOW_KANBAN,
            QCoreApplication.translate("actions", "&Kanban"),
            QKeySequence("Ctrl+2"),
            icon("kanban"),
        ),
        (
            ActionId.SHOW_CALENDAR,
            QCoreApplication.translate("actions", "&Calendar"),
            QKeySequence("Ctrl+3"),
            icon("calendar"),
        ),
        (
            ActionId.REFRESH,
            QCoreApplication.translate("actions", "&Refresh"),
            QKeySequence(standard.Refresh),
            icon("refresh"),
        ),
        (
            ActionId.GUIDE,
            QCoreApplication.translate("actions", "User &guide"),
            QKeySequence(standard.HelpContents),
            None,
        ),
        (ActionId.LOG_FOLDER, QCoreApplication.translate("actions", "Open &log folder"), None, None),
        (ActionId.ABOUT, QCoreApplication.translate("actions", "&About Dealdesk"), None, None),
    ]
    actions: dict[ActionId, QAction] = {}
    for action_id, text, shortcut, action_icon in specs:
        action = QAction(text, parent)
        action.setObjectName(f"action_{action_id.value}")
        if shortcut is not None and not shortcut.isEmpty():
            action.setShortcut(shortcut)
        elif action_id is ActionId.QUIT:
            action.setShortcut(QKeySequence("Ctrl+Q"))  # no standard key on Windows
        elif action_id is ActionId.REFRESH:
            action.setShortcut(QKeySequence("F5"))
        elif action_id is ActionId.GUIDE:
            action.setShortcut(QKeySequence("F1"))
        if action_icon is not None:
            action.setIcon(action_icon)
        actions[action_id] = action
    view_actions = (ActionId.SHOW_LIST, ActionId.SHOW_KANBAN, ActionId.SHOW_CALENDAR)
    for action_id in view_actions:
        actions[action_id].setCheckable(True)
    return actions
