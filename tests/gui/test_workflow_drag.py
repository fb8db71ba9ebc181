"""The workflow designer with a real mouse (Xvfb, XTEST): a step dragged from the palette onto the
tree, then an existing step dragged into a branch, through Qt's own QDrag loop."""

from __future__ import annotations

import os

import pytest
from xpointer import Pointer, drag

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app.dialogs.workflow_designer.designer_dialog import WorkflowDesigner
from app.dialogs.workflow_designer.step_tree import DataRole
from app.services.container import Services

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        not os.environ.get("QT_QPA_PLATFORM", "").startswith("xcb") or not os.environ.get("DISPLAY"),
        reason="needs a real X server: run under xvfb-run with QT_QPA_PLATFORM=xcb (make test)",
    ),
]


def test_dragging_steps_with_the_mouse_builds_the_workflow(
    qtbot, services: Services, pointer: Pointer
) -> None:  # type: ignore[no-untyped-def]
    designer = WorkflowDesigner(services)
    qtbot.addWidget(designer)
    designer.move(0, 0)
    designer.resize(1080, 720)
    designer.show()
    designer.activateWindow()
    qtbot.waitExposed(designer)
    QApplication.processEvents()
    palette, tree = designer.step_palette, designer.steps
    names = [palette.item(n).data(DataRole) for n in range(palette.count())]

    def palette_point(kind: str, action: str | None = None) -> QPoint:
        item = palette.item(names.index((kind, action)))
        palette.scrollToItem(item)
        return palette.viewport().mapToGlobal(palette.visualItemRect(item).center())

    empty = tree.viewport().mapToGlobal(QPoint(tree.viewport().width() // 2, tree.viewport().height() - 10))
    drag(qtbot, pointer, palette_point("condition"), empty)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1, timeout=5000)
    drag(qtbot, pointer, palette_point("action", "comment"), empty)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=5000)
    condition, comment = tree.topLevelItem(0), tree.topLevelItem(1)
    assert condition.data(0, DataRole)["kind"] == "condition"
    # the comment moved into the condition's "else" branch by dragging it there
    branch = condition.child(1)
    start = tree.viewport().mapToGlobal(tree.visualItemRect(comment).center())
    end = tree.viewport().mapToGlobal(tree.visualItemRect(branch).center())
    drag(qtbot, pointer, start, end)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1 and branch.childCount() == 1, timeout=5000)
    steps = tree.steps()
    assert steps[0]["branches"][1]["steps"][0]["action"] == "comment"
