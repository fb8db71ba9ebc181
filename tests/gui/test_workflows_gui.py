"""Workflows as a person uses them: a template built in the designer by dragging steps from the palette
into the tree (drops as Qt delivers them; the real mouse drag is in test_workflow_drag.py), refused
while it has problems, saved; started on a deal from its Workflows tab; the approval answered in the
Tasks area; the path taken shown on the deal."""

from __future__ import annotations

import json

import pytest
from dragdrop import drop_at

from PySide6.QtCore import QByteArray, QMimeData, QPoint

from app.dialogs.approval_dialog import ApprovalDialog
from app.dialogs.start_workflow_dialog import StartWorkflowDialog
from app.dialogs.workflow_designer.designer_dialog import WorkflowDesigner
from app.dialogs.workflow_designer.step_tree import MIME, DataRole, StepTree
from app.services.container import Services
from app.views.tasks.tasks_view import TasksView
from app.views.workflows.record_workflows import RecordWorkflows
from app.views.workflows.workflows_settings import WorkflowsSettings


def step_mime(kind: str, action: str | None = None) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, QByteArray(json.dumps({"kind": kind, "action": action}).encode()))
    return mime


def drop_below(tree: StepTree, mime: QMimeData, item=None) -> None:  # type: ignore[no-untyped-def]
    """Drop at the end of the tree, or on the lower half of `item` (after it)."""
    viewport = tree.viewport()
    if item is None:
        point = QPoint(viewport.width() // 2, viewport.height() - 4)
    else:
        rect = tree.visualItemRect(item)
        point = QPoint(rect.center().x(), rect.bottom() - 2)
    assert drop_at(viewport, mime, point)


def drop_into(tree: StepTree, mime: QMimeData, branch) -> None:  # type: ignore[no-untyped-def]
    assert drop_at(tree.viewport(), mime, tree.visualItemRect(branch).center())


@pytest.fixture
def designer(qtbot, services: Services) -> WorkflowDesigner:  # type: ignore[no-untyped-def]
    dialog = WorkflowDesigner(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_workflow_built_by_drag_and_drop_in_the_designer(
    qtbot, designer: WorkflowDesigner, services
) -> None:  # type: ignore[no-untyped-def]
    tree = designer.steps
    designer.name.setText("Discount check")
    drop_below(tree, step_mime("action", "comment"))
    drop_below(tree, step_mime("approval"))
    assert tree.topLevelItemCount() == 2
    first, approval = tree.topLevelItem(0), tree.topLevelItem(1)
    tree.setCurrentItem(first)
    designer.editor.action_settings.editors["comment"]["text"].setPlainText("Checking {{ deal.title }}")
    approved = approval.child(0)
    drop_into(tree, step_mime("action", "move"), approved)
    assert approved.childCount() == 1
    drop_below(tree, step_mime("stop"), approval)  # after the approval, at the top
    kinds = [tree.topLevelItem(n).data(0, DataRole)["kind"] for n in range(3)]
    assert kinds == ["action", "approval", "stop"]
    # an approval with nobody to ask: said, nothing saved
    tree.setCurrentItem(approval)
    designer.editor.approvers.set_value([])
    designer.editor.approvers.changed.emit()
    designer.save()
    assert "choose who approves" in designer.problem.text()
    assert services.workflows.templates() == []
    admin = services.users.list()[0].id
    designer.editor.approvers.set_value([admin])
    designer.editor.approvers.changed.emit()
    stage = services.pipelines.list()[0].stages[2].id
    tree.setCurrentItem(approved.child(0))
    mover = designer.editor.action_settings.editors["move"]["stage_id"]
    mover.setCurrentIndex(mover.findData(stage))
    designer.save()
    assert designer.problem.text() == ""
    [saved] = services.workflows.templates()
    steps = saved.definition["steps"]
    assert [s["kind"] for s in steps] == ["action", "approval", "stop"]
    assert steps[0]["params"]["text"] == "Checking {{ deal.title }}"
    assert steps[1]["people"] == [admin]
    assert steps[1]["branches"][0]["steps"][0]["params"]["stage_id"] == stage


def test_where_a_drop_lands_and_a_step_never_goes_into_itself(qtbot, designer: WorkflowDesigner) -> None:  # type: ignore[no-untyped-def]
    from app.dialogs.workflow_designer.step_tree import _holds

    tree = designer.steps
    drop_below(tree, step_mime("parallel"))
    drop_below(tree, step_mime("action", "comment"))
    parallel, comment = tree.topLevelItem(0), tree.topLevelItem(1)
    root = tree.invisibleRootItem()
    branch = parallel.child(1)
    assert tree.drop_place(tree.visualItemRect(branch).center()) == (branch, 0)
    rect = tree.visualItemRect(comment)
    assert tree.drop_place(QPoint(rect.center().x(), rect.top() + 2)) == (root, 1)
    assert tree.drop_place(QPoint(rect.center().x(), rect.bottom() - 2)) == (root, 2)
    assert _holds(parallel, branch)
    assert not _holds(comment, branch)
    tree.setCurrentItem(parallel)
    tree.add_branch()
    assert parallel.childCount() == 3
    tree.setCurrentItem(comment)
    tree.remove_current()
    assert tree.topLevelItemCount() == 1


def test_started_on_a_deal_approved_in_the_tasks_area_and_its_path_shown(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    stages = [s.id for s in services.pipelines.list()[0].stages]
    admin = services.actor.id if services.actor else services.users.list()[0].id
    template = services.workflows.create(
        "Approve it",
        "deal",
        {
            "parameters": [{"name": "why", "label": "Why", "type": "text", "required": True}],
            "steps": [
                {
                    "id": "ask",
                    "kind": "approval",
                    "title": "Approve {{ deal.title }}",
                    "people": [admin],
                    "branches": [
                        {
                            "key": "approved",
                            "steps": [
                                {
                                    "id": "c",
                                    "kind": "action",
                                    "action": "comment",
                                    "params": {"text": "Approved: {{ var.why }}"},
                                }
                            ],
                        },
                        {"key": "rejected", "steps": []},
                    ],
                }
            ],
        },
    )
    deal = services.deals.create(title="Panel deal", stage_id=stages[0])
    panel = RecordWorkflows(services, "deal", deal.id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible()
    dialog = panel.open_start()
    assert isinstance(dialog, StartWorkflowDialog)
    dialog.template.setCurrentIndex(dialog.template.findData(template.id))
    dialog.start()
    assert "Why" in dialog.problem.text()  # its parameter is needed
    from PySide6.QtWidgets import QLineEdit

    dialog.findChild(QLineEdit, "parameter_why").setText("good customer")
    dialog.start()
    qtbot.waitUntil(lambda: panel.runs.count() == 1)
    services.automation_engine("gui").run_due()
    tasks = TasksView(services)
    qtbot.addWidget(tasks)
    tasks.show()
    qtbot.waitUntil(lambda: tasks.tree.topLevelItemCount() > 0)
    [task] = [t for t in services.tasks.find(mine=False) if t.kind == "approval"]
    answer = tasks.answer_approval(task.id)
    assert isinstance(answer, ApprovalDialog)
    answer.comment.setPlainText("Yes")
    answer.approve_button.click()
    assert answer.answer is True
    services.automation_engine("gui").run_due()
    panel.refresh()
    lines = [panel.path.item(n).text() for n in range(panel.path.count())]
    assert any("Approved: Yes" in line for line in lines)
    assert any("Commented" in line and "good customer" in line for line in lines)
    assert panel.runs.item(0).text().startswith("Approve it (v1) · Finished")


def test_settings_lists_templates_adds_the_ready_made_ones_and_stops_a_run(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = WorkflowsSettings(services)
    qtbot.addWidget(page)
    page.show()
    assert page.templates.rowCount() == 0
    page.ready_button.click()
    assert page.templates.rowCount() == 3
    company = services.companies.create(title="Fresh")  # the welcome sequence starts by itself
    page.refresh()
    assert page.runs.rowCount() == 1
    page.runs.selectRow(0)
    assert page.stop_button.isEnabled()
    page.stop_button.click()
    assert services.workflows.instances(entity="company", record_id=company.id)[0].status == "stopped"


def test_a_company_shows_its_workflows_and_who_may_start_one_is_kept(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
    from app.services.customers.queries import CustomerKind

    step = {"id": "c", "kind": "action", "action": "comment", "params": {"text": "Welcome"}}
    template = services.workflows.create("Welcome", "company", {"steps": [step]}, start_on_create=True)
    company = services.companies.create(title="Acme")
    services.automation_engine("gui").run_due()
    form = CustomerFormDialog(services, CustomerKind.COMPANY, company.id)
    qtbot.addWidget(form)
    assert form.workflows.runs.count() == 1
    assert form.workflows.runs.item(0).text().startswith("Welcome (v1) · Finished")
    designer = WorkflowDesigner(services, services.workflows.template(template.id))
    qtbot.addWidget(designer)
    someone = services.users.list()[0].id
    designer.starters.set_value([someone])
    designer.save()
    assert services.workflows.template(template.id).starters == [someone]
    assert services.workflows.template(template.id).number == 1  # same steps: no new version


def test_an_invoice_shows_its_workflows_from_its_menu(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QDialog

    from app.views.invoices.invoices_view import InvoicesView

    view = InvoicesView(demo_services)
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() > 0)
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    menu = view._menu(QPoint(5, 5))
    assert menu is not None
    menu.actions()[0].trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "recordWorkflowsDialog"]
    assert dialogs
    assert isinstance(dialogs[-1], QDialog)
    panel = dialogs[-1].findChild(RecordWorkflows)
    assert panel is not None
    assert panel.empty.isVisible()  # no workflow ran on it yet
    menu.close()
    dialogs[-1].close()


def test_the_bulk_bar_starts_a_workflow_on_each_chosen_deal(
    qtbot, window, demo_services: Services, click_row
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.views.deals_area import DealsViewMode

    comment = {"id": "c", "kind": "action", "action": "comment", "params": {"text": "From the list"}}
    template = demo_services.workflows.create("From the list", "deal", {"steps": [comment]})
    window.deals.set_view(DealsViewMode.LIST)
    model = window.deals.model
    qtbot.waitUntil(lambda: model.rowCount() > 3 and model.row_at(1) is not None, timeout=3000)
    click_row(window, 0)
    click_row(window, 1, Qt.KeyboardModifier.ControlModifier)
    chosen = sorted(model.row_at(r).id for r in range(2))
    qtbot.waitUntil(window.deals.bulk_bar.workflow_button.isVisible)
    qtbot.mouseClick(window.deals.bulk_bar.workflow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, StartWorkflowDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, StartWorkflowDialog) and w.isVisible()
    )
    dialog.template.setCurrentIndex(dialog.template.findData(template.id))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    runs = demo_services.workflows.instances(template_id=template.id)
    assert sorted(r.record_id for r in runs) == chosen
