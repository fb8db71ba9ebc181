"""Settings › Roles: the roles on the left (new, copy, rename, delete); the chosen one's matrix of
levels (kinds of records × actions, deals per pipeline and stage, the stages deals may be moved
into), its switches and who holds it; "What can this person do?" shows one person's rights through
all their roles. Saved with a version check: two administrators never overwrite each other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.access.rights import AnalyticsScope, RoleRights
from app.services.access.roles import RoleInfo
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text
from app.views.roles_settings.level_delegate import LevelDelegate
from app.views.roles_settings.role_matrix_model import RoleMatrixModel


class RolesSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolesSettings")
        self.setTitle(self.tr("Roles and access rights"))
        self._services = services
        self.may_change = services.roles.may_manage_settings()
        self._roles: list[RoleInfo] = []
        self._role: RoleInfo | None = None

        self.roles = QListWidget()
        self.roles.setObjectName("roleList")
        self.roles.setFixedWidth(170)
        self.new_role = QPushButton(self.tr("New…"))
        self.new_role.setObjectName("newRole")
        self.copy_role = QPushButton(self.tr("Copy…"))
        self.copy_role.setObjectName("copyRole")
        self.rename_role = QPushButton(self.tr("Rename…"))
        self.rename_role.setObjectName("renameRole")
        self.delete_role = QPushButton(self.tr("Delete…"))
        self.delete_role.setObjectName("deleteRole")
        left = QVBoxLayout()
        left.addWidget(self.roles, 1)
        for button in (self.new_role, self.copy_role, self.rename_role, self.delete_role):
            button.setFixedWidth(170)
            left.addWidget(button)

        self.model = RoleMatrixModel(services.pipelines.list(), self)
        self.matrix = QTreeView()
        self.matrix.setObjectName("roleMatrix")
        self.matrix.setModel(self.model)
        self.matrix.setItemDelegate(LevelDelegate(self.matrix))
        self.matrix.setEditTriggers(
            QTreeView.EditTrigger.DoubleClicked
            | QTreeView.EditTrigger.SelectedClicked
            | QTreeView.EditTrigger.EditKeyPressed
        )
        self.matrix.setAlternatingRowColors(True)
        self.matrix.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.header().setMinimumSectionSize(70)
        self.matrix.setMinimumHeight(300)

        self.manage_settings = QCheckBox(self.tr("May manage settings (users, roles, pipelines, fields, …)"))
        self.manage_settings.setObjectName("switchSettings")
        self.manage_automation = QCheckBox(self.tr("May manage automation"))
        self.manage_automation.setObjectName("switchAutomation")
        self.see_sums = QCheckBox(self.tr("Sees the sums of lists and kanban columns"))
        self.see_sums.setObjectName("switchSums")
        self.analytics = QComboBox()
        self.analytics.setObjectName("switchAnalytics")
        for scope, text in (
            (AnalyticsScope.OWN, self.tr("their own figures")),
            (AnalyticsScope.DEPARTMENT, self.tr("their department's")),
            (AnalyticsScope.ALL, self.tr("everybody's")),
        ):
            self.analytics.addItem(text, scope.value)
        switches = QHBoxLayout()
        switches_left = QVBoxLayout()
        for box in (self.manage_settings, self.manage_automation, self.see_sums):
            switches_left.addWidget(box)
        switches.addLayout(switches_left)
        analytics_row = QVBoxLayout()
        analytics_row.addWidget(QLabel(self.tr("Analytics shows")))
        analytics_row.addWidget(self.analytics)
        analytics_row.addStretch(1)
        switches.addLayout(analytics_row)
        switches.addStretch(1)

        self.holders = QLabel()
        self.holders.setObjectName("roleHolders")
        self.holders.setWordWrap(True)
        self.give = QPushButton(self.tr("Give to…"))
        self.give.setObjectName("giveRole")
        self.take = QPushButton(self.tr("Take from…"))
        self.take.setObjectName("takeRole")
        holders_row = QHBoxLayout()
        holders_row.addWidget(self.holders, 1)
        holders_row.addWidget(self.give)
        holders_row.addWidget(self.take)

        self.person = QComboBox()
        self.person.setObjectName("previewPerson")
        self.person.addItem(self.tr("(the role above)"), 0)
        for person in services.users.list():
            self.person.addItem(person.name, person.id)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("What can this person do?")))
        preview_row.addWidget(self.person)
        preview_row.addStretch(1)
        self.save = QPushButton(self.tr("Save role"))
        self.save.setObjectName("saveRole")
        preview_row.addWidget(self.save)
        self.status = QLabel()
        self.status.setObjectName("roleStatus")
        self.status.setWordWrap(True)

        right = QVBoxLayout()
        right.addLayout(preview_row)
        right.addWidget(self.matrix, 1)
        right.addLayout(switches)
        right.addLayout(holders_row)
        right.addWidget(self.status)
        body = QHBoxLayout(self)
        body.addLayout(left)
        body.addLayout(right, 1)
        self.setMinimumHeight(560)

        for widget in (
            self.new_role,
            self.copy_role,
            self.rename_role,
            self.delete_role,
            self.save,
            self.give,
            self.take,
            self.manage_settings,
            self.manage_automation,
            self.see_sums,
            self.analytics,
        ):
            widget.setEnabled(self.may_change)
        if not self.may_change:
            self.matrix.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.roles.currentRowChanged.connect(self._on_role)
        self.person.currentIndexChanged.connect(lambda _i: self._on_person())
        self.new_role.clicked.connect(self._on_new)
        self.copy_role.clicked.connect(self._on_copy)
        self.rename_role.clicked.connect(self._on_rename)
        self.delete_role.clicked.connect(self._on_delete)
        self.save.clicked.connect(self.save_role)
        self.give.clicked.connect(self._on_give)
        self.take.clicked.connect(self._on_take)
        self._filled = False  # read when first shown: start-up builds the settings, nobody looks yet

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._filled:
            self.refresh()

    # -- filling ------------------------------------------------------------------------------------------

    def refresh(self, chosen: int | None = None) -> None:
        self._filled = True
        keep = chosen if chosen is not None else (self._role.id if self._role else None)
        self._roles = self._services.roles.list()
        self.roles.blockSignals(True)
        self.roles.clear()
        for role in self._roles:
            item = QListWidgetItem(role.name)
            item.setData(Qt.ItemDataRole.UserRole, role.id)
            self.roles.addItem(item)
        self.roles.blockSignals(False)
        index = next((n for n, r in enumerate(self._roles) if r.id == keep), 0)
        self.roles.setCurrentRow(index)
        self._on_role(index)

    def _on_role(self, row: int) -> None:
        self._role = self._roles[row] if 0 <= row < len(self._roles) else None
        if self._role is None:
            return
        rights = self._role.rights
        self.model.set_rights(rights)
        self.person.blockSignals(True)
        self.person.setCurrentIndex(0)
        self.person.blockSignals(False)
        self.manage_settings.setChecked(rights.manage_settings)
        self.manage_automation.setChecked(rights.manage_automation)
        self.see_sums.setChecked(rights.see_sums)
        self.analytics.setCurrentIndex(max(0, self.analytics.findData(rights.analytics.value)))
        self._show_holders()
        self.matrix.expandToDepth(0)
        self.status.clear()

    def _show_holders(self) -> None:
        assert self._role is not None
        people = {u.id: u.name for u in self._services.users.list(active_only=False)}
        departments = {d.id: d.name for d in self._services.departments.list()}
        names = []
        for a in self._services.roles.assignments(self._role.id):
            if a.everyone:
                names.append(self.tr("everybody"))
            elif a.user_id is not None:
                names.append(people.get(a.user_id, "?"))
            else:
                name = departments.get(a.department_id or 0, "?")
                names.append(
                    self.tr("%1 with its sub-departments").replace("%1", name)
                    if a.with_subdepartments
                    else name
                )
        self.holders.setText(
            self.tr("Held by: %1").replace("%1", ", ".join(names))
            if names
            else self.tr("Nobody holds this role.")
        )

    def _on_person(self) -> None:
        person_id = int(self.person.currentData() or 0)
        if not person_id:
            if self._role is not None:
                self.model.preview = None
                self.model.set_rights(self.model.role_rights())
            return
        person = next((u for u in self._services.users.list() if u.id == person_id), None)
        held = self._services.roles.held().get(person_id, [])
        rights = {r.id: r.rights for r in self._roles}
        self.model.set_preview(
            tuple(rights[h.role_id] for h in held if h.role_id in rights),
            everything=bool(person and person.is_admin),
        )
        self.status.setText(
            self.tr("%1 as an administrator may do everything.").replace("%1", person.name)
            if person and person.is_admin
            else self.tr("What %1 may do through all their roles together (read only).").replace(
                "%1", person.name if person else ""
            )
        )

    # -- saving --------------------------------------------------------------------------------------------

    def current_rights(self) -> RoleRights:
        rights = self.model.role_rights().to_json()
        rights["switches"] = {
            "manage_settings": self.manage_settings.isChecked(),
            "manage_automation": self.manage_automation.isChecked(),
            "see_sums": self.see_sums.isChecked(),
            "analytics": self.analytics.currentData(),
        }
        return RoleRights.from_json(rights)

    def save_role(self) -> bool:
        if self._role is None:
            return False
        try:
            saved = self._services.roles.update(
                self._role.id, self._role.version, rights=self.current_rights()
            )
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Role not saved"), error_text(exc))
            return False
        self.refresh(saved.id)
        self.status.setText(
            self.tr("Saved. People holding the role have these rights from their next step on.")
        )
        return True

    def _on_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New role"), self.tr("Name of the role:"))
        if ok:
            self._act(lambda: self._services.roles.create(name, RoleRights()))

    def _on_copy(self) -> None:
        if self._role is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Copy role"),
            self.tr("Name of the copy:"),
            text=self.tr("%1 (copy)").replace("%1", self._role.name),
        )
        if ok:
            self._act(lambda: self._services.roles.copy(self._role.id, name))  # type: ignore[union-attr]

    def _on_rename(self) -> None:
        if self._role is None:
            return
        role = self._role
        name, ok = QInputDialog.getText(self, self.tr("Rename role"), self.tr("New name:"), text=role.name)
        if ok:
            self._act(lambda: self._services.roles.update(role.id, role.version, name=name))

    def _on_delete(self) -> None:
        if self._role is None:
            return
        role = self._role
        question = self.tr("Delete the role “%1”? Those who hold it lose what it gives them.").replace(
            "%1", role.name
        )
        if QMessageBox.question(self, self.tr("Delete role"), question) == QMessageBox.StandardButton.Yes:
            self._role = None
            self._act(lambda: self._services.roles.delete(role.id, role.version))

    def _on_give(self) -> None:
        if self._role is None:
            return
        role = self._role
        people = self._services.users.list()
        departments = self._services.departments.list()
        choices = [self.tr("Everybody")]
        choices += [self.tr("Person: %1").replace("%1", p.name) for p in people]
        choices += [self.tr("Department: %1").replace("%1", d.name) for d in departments]
        choices += [
            self.tr("Department with its sub-departments: %1").replace("%1", d.name) for d in departments
        ]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Give the role"),
            self.tr("Give “%1” to:").replace("%1", role.name),
            choices,
            0,
            False,
        )
        if not ok:
            return
        index = choices.index(choice)
        if index == 0:
            self._act(lambda: self._services.roles.assign(role.id, everyone=True))
        elif index <= len(people):
            self._act(lambda: self._services.roles.assign(role.id, user_id=people[index - 1].id))
        else:
            rest = index - 1 - len(people)
            department = departments[rest % len(departments)]
            sub = rest >= len(departments)
            self._act(
                lambda: self._services.roles.assign(
                    role.id, department_id=department.id, with_subdepartments=sub
                )
            )

    def _on_take(self) -> None:
        if self._role is None:
            return
        role = self._role
        assignments = self._services.roles.assignments(role.id)
        if not assignments:
            return
        people = {u.id: u.name for u in self._services.users.list(active_only=False)}
        departments = {d.id: d.name for d in self._services.departments.list()}
        labels = [
            self.tr("Everybody")
            if a.everyone
            else people.get(a.user_id, "?")
            if a.user_id is not None
            else departments.get(a.department_id or 0, "?")
            for a in assignments
        ]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Take the role"),
            self.tr("Take “%1” from:").replace("%1", role.name),
            labels,
            0,
            False,
        )
        if ok:
            assignment = assignments[labels.index(choice)]
            self._act(lambda: self._services.roles.unassign(assignment.id))

    def _act(self, work: object) -> None:
        try:
            result = work()  # type: ignore[operator]
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not done"), error_text(exc))
            return
        self.refresh(getattr(result, "id", None) if isinstance(result, RoleInfo) else None)


__all__ = ["RolesSettings"]
