"""The workflow's steps as a tree: steps, and under a condition, parallel or approval step its branches,
each holding steps. Steps are dropped in from the palette (a list of what a step can be) or moved
within the tree by drag and drop; a drop on the upper half of a step puts the new one before it, on
the lower half after it, on a branch at its end."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.dialogs.rule_dialog import action_names

MIME = "application/x-dealdesk-workflow-step"
DataRole = Qt.ItemDataRole.UserRole + 1
BRANCH_COLOUR = QColor("#5b6470")
OPS = {"eq": "=", "ne": "≠", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}


def kind_names() -> dict[str, str]:
    return {
        "condition": QCoreApplication.translate("WorkflowDesigner", "Condition (if / else)"),
        "parallel": QCoreApplication.translate("WorkflowDesigner", "Parallel branches"),
        "wait": QCoreApplication.translate("WorkflowDesigner", "Wait"),
        "approval": QCoreApplication.translate("WorkflowDesigner", "Approval"),
        "set_variable": QCoreApplication.translate("WorkflowDesigner", "Set a variable"),
        "start_workflow": QCoreApplication.translate("WorkflowDesigner", "Start another workflow"),
        "stop": QCoreApplication.translate("WorkflowDesigner", "End the workflow"),
    }


def new_step(kind: str, action: str | None, taken: set[str]) -> dict[str, Any]:
    """A fresh step of a kind with an id not yet taken and sensible settings."""
    prefix = action or kind
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    step: dict[str, Any] = {"id": f"{prefix}{number}", "kind": kind}
    if kind == "action":
        step.update(action=action, params={})
    elif kind == "condition":
        step["branches"] = [
            {"label": QCoreApplication.translate("WorkflowDesigner", "If"), "when": [], "steps": []},
            {"label": QCoreApplication.translate("WorkflowDesigner", "Else"), "steps": []},
        ]
    elif kind == "parallel":
        step["branches"] = [{"label": "A", "steps": []}, {"label": "B", "steps": []}]
    elif kind == "approval":
        step.update(
            people=["manager"],
            mode="any",
            branches=[
                {
                    "key": "approved",
                    "label": QCoreApplication.translate("WorkflowDesigner", "Approved"),
                    "steps": [],
                },
                {
                    "key": "rejected",
                    "label": QCoreApplication.translate("WorkflowDesigner", "Rejected"),
                    "steps": [],
                },
            ],
        )
    elif kind == "wait":
        step.update(mode="delay", hours=24)
    elif kind == "set_variable":
        step.update(name="result", value="")
    return step


class StepPalette(QListWidget):
    """What a step can be; dragged onto the tree (or double-clicked: added at the end)."""

    def __init__(self, actions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowPalette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        names = action_names()
        for key in actions:
            self._add(names[key], "action", key)
        for kind, label in kind_names().items():
            self._add(label, kind, None)

    def _add(self, label: str, kind: str, action: str | None) -> None:
        item = QListWidgetItem(label)
        item.setData(DataRole, (kind, action))
        if kind != "action":
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.addItem(item)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Any) -> QMimeData:
        mime = QMimeData()
        kind, action = items[0].data(DataRole)
        mime.setData(MIME, QByteArray(json.dumps({"kind": kind, "action": action}).encode()))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class StepTree(QTreeWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowSteps")
        self.setHeaderHidden(True)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setIndentation(22)

    # -- the definition in and out --------------------------------------------------------------------

    def set_steps(self, steps: list[dict[str, Any]]) -> None:
        self.clear()
        self._fill(self.invisibleRootItem(), steps)
        self.expandAll()

    def _fill(self, parent: QTreeWidgetItem, steps: list[dict[str, Any]]) -> None:
        for step in steps:
            parent.addChild(self._step_item(step))

    def _step_item(self, step: dict[str, Any]) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        own = {k: v for k, v in step.items() if k != "branches"}
        item.setData(0, DataRole, own)
        for branch in step.get("branches", []):
            item.addChild(self._branch_item(branch))
        self.describe(item)
        return item

    def _branch_item(self, branch: dict[str, Any]) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, DataRole, {**{k: v for k, v in branch.items() if k != "steps"}, "branch": True})
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        item.setForeground(0, QBrush(BRANCH_COLOUR))
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)
        self._fill(item, branch.get("steps", []))
        self.describe(item)
        return item

    def steps(self) -> list[dict[str, Any]]:
        return self._read(self.invisibleRootItem())

    def _read(self, parent: QTreeWidgetItem) -> list[dict[str, Any]]:
        found = []
        for n in range(parent.childCount()):
            item = _child(parent, n)
            step = dict(item.data(0, DataRole))
            branches = [_child(item, b) for b in range(item.childCount())]
            if branches:
                step["branches"] = [
                    {
                        **{k: v for k, v in b.data(0, DataRole).items() if k != "branch"},
                        "steps": self._read(b),
                    }
                    for b in branches
                ]
            found.append(step)
        return found

    def ids(self) -> set[str]:
        taken: set[str] = set()

        def walk(parent: QTreeWidgetItem) -> None:
            for n in range(parent.childCount()):
                child = _child(parent, n)
                data = child.data(0, DataRole) or {}
                if not data.get("branch"):
                    taken.add(str(data.get("id")))
                walk(child)

        walk(self.invisibleRootItem())
        return taken

    @staticmethod
    def is_branch(item: QTreeWidgetItem | None) -> bool:
        return item is not None and bool((item.data(0, DataRole) or {}).get("branch"))

    def describe(self, item: QTreeWidgetItem) -> None:
        """The item's line: a step's kind (its action) and title, a branch's label and conditions."""
        data = item.data(0, DataRole) or {}
        if data.get("branch"):
            outcomes = {
                "approved": QCoreApplication.translate("WorkflowDesigner", "Approved"),
                "rejected": QCoreApplication.translate("WorkflowDesigner", "Rejected"),
            }
            shown = data.get("label") or outcomes.get(data.get("key", ""), "")
            when = data.get("when") or []
            if when:
                said = ", ".join(
                    f"{c['field']} {OPS.get(c['op'], c['op'])} {c.get('value', '')}".strip() for c in when
                )
                shown += f"  ({said})"
            item.setText(0, shown)
            return
        kind = data.get("kind", "")
        label = (
            action_names().get(data.get("action", ""), "")
            if kind == "action"
            else kind_names().get(kind, kind)
        )
        params = data.get("params", {}) if kind == "action" else {}
        detail = data.get("title") or next(
            (str(params[k]) for k in ("title", "subject", "text") if params.get(k)), ""
        )
        detail = " ".join(detail.split())
        item.setText(0, f"{label}: {detail[:80]}" if detail else label)
        item.setToolTip(0, str(data.get("id", "")))

    # -- drag and drop ---------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return ["application/x-qabstractitemmodeldatalist", MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME) or event.source() is self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME) or event.source() is self:
            super().dragMoveEvent(event)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        parent, index = self.drop_place(event.position().toPoint())
        if event.source() is self:  # a step moved within the tree
            moving = self.currentItem()
            if moving is None or self.is_branch(moving) or _holds(moving, parent):
                event.ignore()
                return
            item = moving
            old_parent = item.parent() or self.invisibleRootItem()
            old_index = old_parent.indexOfChild(item)
            if old_parent is parent and old_index < index:
                index -= 1
            old_parent.takeChild(old_index)
            parent.insertChild(index, item)
        elif event.mimeData().hasFormat(MIME):
            wanted = json.loads(bytes(event.mimeData().data(MIME).data()).decode())
            item = self._step_item(new_step(wanted["kind"], wanted.get("action"), self.ids()))
            parent.insertChild(index, item)
        else:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.expandItem(item)
        for n in range(item.childCount()):
            self.expandItem(_child(item, n))
        self.setCurrentItem(item)
        self.changed.emit()

    def drop_place(self, point: QPoint) -> tuple[QTreeWidgetItem, int]:
        """Where a drop at this point puts a step: (parent item, its index there)."""
        root = self.invisibleRootItem()
        item = self.itemAt(point)
        if item is None:
            return root, root.childCount()
        if self.is_branch(item):
            return item, item.childCount()
        parent = item.parent() or root
        index = parent.indexOfChild(item)
        rect = self.visualItemRect(item)
        return (parent, index) if point.y() < rect.center().y() else (parent, index + 1)

    def add_step(self, kind: str, action: str | None) -> QTreeWidgetItem:
        """A new step after the selected one (in a selected branch: at its end; else at the end)."""
        current = self.currentItem()
        if current is None:
            parent, index = self.invisibleRootItem(), self.topLevelItemCount()
        elif self.is_branch(current):
            parent, index = current, current.childCount()
        else:
            parent = current.parent() or self.invisibleRootItem()
            index = parent.indexOfChild(current) + 1
        item = self._step_item(new_step(kind, action, self.ids()))
        parent.insertChild(index, item)
        self.expandItem(item)
        self.setCurrentItem(item)
        self.changed.emit()
        return item

    def remove_current(self) -> None:
        item = self.currentItem()
        if item is None or self.is_branch(item):
            return
        (item.parent() or self.invisibleRootItem()).removeChild(item)
        self.changed.emit()

    def add_branch(self) -> None:
        """Another branch of the selected condition or parallel step (approvals have two)."""
        item = self.currentItem()
        if item is not None and self.is_branch(item):
            item = item.parent()
        if item is None or (item.data(0, DataRole) or {}).get("kind") not in ("condition", "parallel"):
            return
        label = chr(ord("A") + item.childCount()) if item.data(0, DataRole)["kind"] == "parallel" else ""
        branch = self._branch_item({"label": label, "when": [], "steps": []})
        item.insertChild(
            item.childCount() - (1 if item.data(0, DataRole)["kind"] == "condition" else 0), branch
        )
        self.expandItem(branch)
        self.setCurrentItem(branch)
        self.changed.emit()


def _child(parent: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    found = parent.child(index)
    assert found is not None
    return found


def _holds(item: QTreeWidgetItem, other: QTreeWidgetItem) -> bool:
    """Whether `other` is `item` or inside it (a step cannot be dropped into itself)."""
    current: QTreeWidgetItem | None = other
    while current is not None:
        if current is item:
            return True
        current = current.parent()
    return False
