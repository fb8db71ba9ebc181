"""The path a workflow run took: each step with when, and what came of it (a branch taken, an approval's
answer, a wait over), its failure in red; and the run's status in words."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.services.automation.running import said_message
from app.services.workflows.service import InstanceInfo
from app.ui.i18n import translate_message

FAILED = QColor("#b3261e")
WAITING = QColor("#6b4fbb")


def status_name(status: str) -> str:
    return {
        "running": QCoreApplication.translate("WorkflowPath", "Running"),
        "waiting": QCoreApplication.translate("WorkflowPath", "Waiting"),
        "finished": QCoreApplication.translate("WorkflowPath", "Finished"),
        "failed": QCoreApplication.translate("WorkflowPath", "Failed"),
        "stopped": QCoreApplication.translate("WorkflowPath", "Stopped"),
    }.get(status, status)


def waiting_name(kind: str) -> str:
    return {
        "approval": QCoreApplication.translate("WorkflowPath", "an approval"),
        "until": QCoreApplication.translate("WorkflowPath", "a time"),
        "field": QCoreApplication.translate("WorkflowPath", "a field to change"),
        "task": QCoreApplication.translate("WorkflowPath", "a task to be done"),
    }.get(kind, kind)


def local_time(stored: str) -> str:
    """A moment stored in UTC (ISO 8601, no zone), in this computer's time."""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def said_text(stored: Any) -> str:
    """What a step said, in the window's language."""
    message = said_message(stored)
    return translate_message(message) if message is not None else ""


class WorkflowPath(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowPath")
        self.setMinimumHeight(120)
        self.setWordWrap(True)

    def show_run(self, run: InstanceInfo | None) -> None:
        self.clear()
        if run is None:
            return
        from app.dialogs.rule_dialog import action_names
        from app.dialogs.workflow_designer.step_tree import kind_names

        actions, kinds = action_names(), kind_names()
        for entry in run.path:
            when = local_time(str(entry.get("at", "")))
            own = entry.get("title") or ""
            title = (
                (own if "{{" not in own else "")  # a text with placeholders is the task's, not a name
                or actions.get(entry.get("action") or "")
                or kinds.get(entry.get("kind") or "")
                or entry.get("step")
                or ""
            )
            item = QListWidgetItem(f"{when}   {title}: {said_text(entry.get('result'))}")
            if entry.get("failed"):
                item.setForeground(QBrush(FAILED))
            self.addItem(item)
        if run.waiting_for:
            waits = ", ".join(waiting_name(kind) for kind in run.waiting_for)
            item = QListWidgetItem(
                QCoreApplication.translate("WorkflowPath", "Now waiting for %1.").replace("%1", waits)
            )
            item.setForeground(QBrush(WAITING))
            self.addItem(item)
        elif run.status in ("failed", "stopped") and run.error:
            item = QListWidgetItem(said_text(run.error))
            item.setForeground(QBrush(FAILED))
            self.addItem(item)
