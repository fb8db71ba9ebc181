"""The Tasks area: my tasks (or every task I may see) by Overdue / Today / Tomorrow / This week /
Later / No date / Done, searchable and filtered by kind; ticking a task completes it (a call or a
meeting asks what came of it); a new task from "+ Task"; Enter or a double-click opens its deal."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.approval_dialog import ApprovalDialog
from app.dialogs.task_dialog import TaskDialog, kind_names
from app.services.container import Services
from app.services.core.events import DomainEvent
from app.ui.formatting import short_moment
from app.ui.i18n import error_text

SEARCH_DELAY_MS = 250
COL_TITLE, COL_KIND, COL_DUE, COL_DEAL, COL_WHO = range(5)
TaskRole = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = "#b3261e"
ASKS_RESULT = ("call", "meeting")


class TasksView(QWidget):
    open_deal_requested = Signal(int)
    message = Signal(str)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, deal_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tasksArea" if deal_id is None else "dealActivities")
        self._services = services
        self._deal_id = deal_id  # a deal's activities (its form's tab), else the Tasks area
        self._shown_once = False
        self._filling = False
        title = QLabel(self.tr("Tasks"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.whose = QComboBox()
        self.whose.setObjectName("whose")
        self.whose.addItem(self.tr("My tasks"), True)
        self.whose.addItem(self.tr("All I may see"), False)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Every kind"), "")
        for key, name in kind_names().items():
            self.kind.addItem(name, key)
        self.kind.addItem(self.tr("Approval"), "approval")  # a workflow's question to answer
        self.about = QComboBox()
        self.about.setObjectName("about")
        for key, name in (
            ("", self.tr("Linked to anything")),
            ("deal", self.tr("About a deal")),
            ("contact", self.tr("About a contact")),
            ("company", self.tr("About a company")),
            ("lead", self.tr("About a lead")),
            ("none", self.tr("Not linked")),
        ):
            self.about.addItem(name, key)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search tasks…"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("+ Task"))
        self.new_button.setObjectName("newTask")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.whose.currentIndexChanged.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        self.about.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.new_task())
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        for widget in (self.whose, self.kind, self.about, self.search, self.new_button):
            bar.addWidget(widget)
        if deal_id is not None:  # the deal's own: everyone's, planned on top, done below with results
            for widget in (title, self.whose, self.about, self.search):
                widget.hide()
            self.new_button.setText(self.tr("+ Activity"))

        self.tree = QTreeWidget()
        self.tree.setObjectName("tasks")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("Task"), self.tr("Kind"), self.tr("Due"), self.tr("Deal"), self.tr("Responsible")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_KIND, COL_DUE, COL_DEAL, COL_WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if deal_id is not None:  # the deal is this one: what came of each instead
            self.tree.headerItem().setText(COL_DEAL, self.tr("Result"))
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_menu)
        self.tree.itemActivated.connect(self._on_activated)
        self.empty = QLabel(self.tr("No tasks: all done, or none planned yet. “+ Task” plans one."))
        self.empty.setObjectName("emptyTasks")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)

    # -- showing -------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def on_changed(self, event: DomainEvent) -> None:
        if self._shown_once and event.entity in ("task", "deal", "*", "user"):
            self.reload()

    def reload(self) -> None:
        overview = self._services.tasks.overview(
            mine=bool(self.whose.currentData()) and self._deal_id is None,
            deal_id=self._deal_id,
            kind=self.kind.currentData() or None,
            search=self.search.text().strip() or None,
            about=self.about.currentData() or None,
        )
        groups = overview.groups
        names = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today"),
            "tomorrow": self.tr("Tomorrow"),
            "this_week": self.tr("This week"),
            "later": self.tr("Later"),
            "no_date": self.tr("No date"),
            "done": self.tr("Done"),
        }
        kinds = {**kind_names(), "approval": self.tr("Approval")}
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        overdue = QBrush(QColor(OVERDUE_COLOR))
        self._filling = True
        self.tree.clear()
        shown = 0
        for bucket, tasks in groups.items():
            if not tasks:
                continue
            total = overview.counts[bucket]
            group = QTreeWidgetItem([f"{names[bucket.value]} ({QLocale().toString(total)})"])
            bold = QFont(group.font(COL_TITLE))
            bold.setBold(True)
            group.setFont(COL_TITLE, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(COL_TITLE, TaskRole, bucket.value)
            self.tree.addTopLevelItem(group)
            items = []
            for task in tasks:
                about = (task.result or "") if self._deal_id is not None else (task.deal_title or "")
                item = QTreeWidgetItem(
                    [
                        task.title,
                        kinds.get(task.kind, task.kind),
                        self._due(task),
                        about,
                        task.responsible_name or "",
                    ]
                )
                item.setData(COL_TITLE, TaskRole, task)
                item.setFlags(flags)
                item.setCheckState(COL_TITLE, Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
                if bucket.value == "overdue":
                    item.setForeground(COL_DUE, overdue)
                if task.result:
                    item.setToolTip(COL_TITLE, task.result)
                items.append(item)
            group.addChildren(items)  # at once: one insertion for the view, not one per task
            shown += len(items)
            if total > len(tasks):  # a long group shows its first ones; search or filter finds the rest
                more = QTreeWidgetItem(
                    [
                        self.tr("… and %1 more: search or choose a kind to narrow them down").replace(
                            "%1", QLocale().toString(total - len(tasks))
                        )
                    ]
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                more.setForeground(COL_TITLE, QBrush(QColor("#5b6470")))
                group.addChild(more)
            group.setExpanded(bucket.value != "done" or self._deal_id is not None)
        self._filling = False
        self.tree.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)

    def _due(self, task: Any) -> str:
        if task.due_at is None:
            return ""
        if task.all_day:
            local = task.due_at.replace(tzinfo=UTC).astimezone()
            return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat)
        return short_moment(task.due_at)

    def group_titles(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(COL_TITLE) for i in range(self.tree.topLevelItemCount())]

    def tasks_in(self, bucket: str) -> list[Any]:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group.data(COL_TITLE, TaskRole) == bucket:
                found = [group.child(n).data(COL_TITLE, TaskRole) for n in range(group.childCount())]
                return [task for task in found if task is not None]
        return []

    def item_of(self, task_id: int) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for n in range(group.childCount()):
                child = group.child(n)
                task = child.data(COL_TITLE, TaskRole)
                if task is not None and task.id == task_id:
                    return child
        return None

    # -- acting --------------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        task = item.data(COL_TITLE, TaskRole)
        if self._filling or column != COL_TITLE or task is None or isinstance(task, str):
            return
        done = item.checkState(COL_TITLE) == Qt.CheckState.Checked
        if done == task.done:
            return
        if task.kind == "approval":  # answered, not ticked off: approve or reject
            QTimer.singleShot(0, lambda: self.answer_approval(task.id))
            return
        try:
            if done:
                result = None
                if task.kind in ASKS_RESULT:
                    result, ok = QInputDialog.getText(
                        self, self.tr("Task done"), self.tr("What came of “%1”?").replace("%1", task.title)
                    )
                    if not ok:
                        self.reload()
                        return
                self._services.tasks.complete(task.id, task.version, result)
                self.message.emit(self.tr("Done: %1").replace("%1", task.title))
                if task.deal_id is not None:  # a deal moves by its next step: plan it now
                    QTimer.singleShot(0, lambda: self._whats_next(task))
            else:
                self._services.tasks.reopen(task.id, task.version)
        except Exception as exc:  # a conflict or a refusal: said, and the list shows the truth
            self.message.emit(error_text(exc))
        QTimer.singleShot(0, self.reload)

    def _whats_next(self, task: Any) -> None:
        """After a deal's task is done: what comes next? (Pipedrive and Bitrix24 ask too.)"""
        if task.deal_id is None or self._services.tasks.activity([task.deal_id])[task.deal_id].open:
            return  # something is planned already
        asked = QMessageBox.question(
            self,
            self.tr("What's next?"),
            self.tr("Nothing else is planned for “%1”. Plan the next step?").replace(
                "%1", task.deal_title or ""
            ),
        )
        if asked == QMessageBox.StandardButton.Yes:
            self.new_task(task.deal_id)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        task = item.data(COL_TITLE, TaskRole)
        if task is not None and not isinstance(task, str) and task.kind == "approval" and not task.done:
            self.answer_approval(task.id)
        elif task is not None and not isinstance(task, str) and task.deal_id:
            self.open_deal_requested.emit(task.deal_id)

    def answer_approval(self, task_id: int) -> ApprovalDialog | None:
        """The approval this task asks the person for: Approve / Reject with a comment."""
        approval = self._services.workflows.approval_for_task(task_id)
        if approval is None or approval.answer is not None:
            self.message.emit(self.tr("This approval is not yours to answer, or answered already."))
            self.reload()
            return None
        dialog = ApprovalDialog(self._services, approval, self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()
        return dialog

    def _on_menu(self, position: Any) -> None:
        item = self.tree.itemAt(position)
        task = item.data(COL_TITLE, TaskRole) if item is not None else None
        if task is None or isinstance(task, str):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), lambda: self.edit_task(task.id))
        if task.deal_id is not None and self._deal_id is None:
            menu.addAction(self.tr("Open deal"), lambda: self.open_deal_requested.emit(task.deal_id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_task(task.id))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def edit_task(self, task_id: int) -> bool:
        try:
            task = self._services.tasks.get(task_id)  # as it is now, with its people
        except Exception as exc:
            self.message.emit(error_text(exc))
            self.reload()
            return False
        dialog = TaskDialog(self._services, task=task, parent=self)
        if dialog.exec():
            self.reload()
            return True
        return False

    def delete_task(self, task_id: int) -> bool:
        try:
            task = self._services.tasks.get(task_id)
        except Exception as exc:
            self.message.emit(error_text(exc))
            self.reload()
            return False
        asked = QMessageBox.question(
            self, self.tr("Delete task"), self.tr("Delete the task “%1”?").replace("%1", task.title)
        )
        if asked != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._services.tasks.delete(task.id, task.version)
        except Exception as exc:  # changed or deleted meanwhile, or not the person's to delete
            self.message.emit(error_text(exc))
        self.reload()
        return True

    def new_task(self, deal_id: int | None = None) -> None:
        dialog = TaskDialog(self._services, deal_id=deal_id or self._deal_id, parent=self)
        if dialog.exec():
            self.reload()
