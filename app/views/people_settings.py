"""Settings › Users and departments: the departments as a tree on the left (with their heads), the
people of the chosen one on the right; add, edit, move, deactivate people, set their passwords.
Only those who may manage settings change anything; the others see who is who."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.department_dialog import DepartmentDialog
from app.dialogs.person_dialog import PersonDialog
from app.services.access.departments import DepartmentInfo
from app.services.access.users import UserInfo
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text

EVERYBODY = -1  # the tree's first item: everybody, whatever their department


class PeopleSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleSettings")
        self.setTitle(self.tr("Users and departments"))
        self._services = services
        self.may_change = services.roles.may_manage_settings()
        self._people: list[UserInfo] = []
        self._departments: list[DepartmentInfo] = []

        self.tree = QTreeWidget()
        self.tree.setObjectName("departmentTree")
        self.tree.setHeaderLabels([self.tr("Department"), self.tr("Head")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_department = QPushButton(self.tr("New department…"))
        self.add_department.setObjectName("newDepartment")
        self.edit_department = QPushButton(self.tr("Edit…"))
        self.edit_department.setObjectName("editDepartment")
        self.delete_department = QPushButton(self.tr("Delete…"))
        self.delete_department.setObjectName("deleteDepartment")
        left = QWidget()
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        department_buttons = QVBoxLayout()
        for button in (self.add_department, self.edit_department, self.delete_department):
            department_buttons.addWidget(button)
        department_buttons.addStretch(1)
        left_layout.addLayout(department_buttons)

        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Find a person"))
        self.search.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("Show deactivated"))
        self.show_inactive.setObjectName("showDeactivated")
        self.table = QTreeWidget()
        self.table.setObjectName("peopleTable")
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.table.setHeaderLabels(
            [self.tr("Name"), self.tr("Login"), self.tr("Department"), self.tr("Roles")]
        )
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)  # the roles, the longest, last
        self.add_person = QPushButton(self.tr("New person…"))
        self.add_person.setObjectName("newPerson")
        self.edit_person = QPushButton(self.tr("Edit…"))
        self.edit_person.setObjectName("editPerson")
        self.move_people = QPushButton(self.tr("Move to…"))
        self.move_people.setObjectName("movePeople")
        self.password = QPushButton(self.tr("Set password…"))
        self.password.setObjectName("setPassword")
        self.deactivate = QPushButton(self.tr("Deactivate…"))
        self.deactivate.setObjectName("deactivatePerson")
        self.server_login = QPushButton(self.tr("Server login…"))
        self.server_login.setObjectName("serverLogin")
        self.server_login.setToolTip(
            self.tr(
                "A database login of this person's own: the server then returns them only the deals, "
                "contacts, companies and leads their roles let them read, to any program."
            )
        )
        self.server_login.setVisible(not services.database.is_sqlite)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 1)
        person_buttons = QHBoxLayout()
        for button in (
            self.add_person,
            self.edit_person,
            self.move_people,
            self.password,
            self.server_login,
            self.deactivate,
        ):
            person_buttons.addWidget(button)
        person_buttons.addStretch(1)
        right_layout.addLayout(person_buttons)

        # Departments above, people below: both get the page's whole width (German buttons are long).
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setMinimumHeight(560)

        for button in (
            self.add_department,
            self.edit_department,
            self.delete_department,
            self.add_person,
            self.edit_person,
            self.move_people,
            self.deactivate,
            self.server_login,
        ):
            button.setEnabled(self.may_change)
        self.tree.currentItemChanged.connect(lambda *_a: self._fill_people())
        self.search.textChanged.connect(lambda _t: self._fill_people())
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.add_department.clicked.connect(self._on_new_department)
        self.edit_department.clicked.connect(self._on_edit_department)
        self.delete_department.clicked.connect(self._on_delete_department)
        self.add_person.clicked.connect(self._on_new_person)
        self.edit_person.clicked.connect(self._on_edit_person)
        self.move_people.clicked.connect(self._on_move)
        self.password.clicked.connect(self._on_password)
        self.deactivate.clicked.connect(self._on_deactivate)
        self.server_login.clicked.connect(self._on_server_login)
        if self.may_change:
            self.table.itemDoubleClicked.connect(lambda *_a: self._on_edit_person())
            self.tree.itemDoubleClicked.connect(lambda *_a: self._on_edit_department())
        self._filled = False  # read when first shown: start-up builds the settings, nobody looks yet

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._filled:
            self.refresh()

    # -- filling ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._filled = True
        chosen = self.chosen_department()
        self._departments = self._services.departments.list()
        self._people = self._services.users.list(active_only=not self.show_inactive.isChecked())
        via = {"person": "", "department": self.tr(" (department)"), "everyone": self.tr(" (everybody)")}
        self._roles_of: dict[int, list[str]] = {
            user_id: [f"{h.name}{via[h.via]}" for h in sorted(held, key=lambda h: h.via != "person")]
            for user_id, held in self._services.roles.held().items()
        }
        self.tree.blockSignals(True)
        self.tree.clear()
        everybody = QTreeWidgetItem([self.tr("Everybody"), ""])
        everybody.setData(0, Qt.ItemDataRole.UserRole, EVERYBODY)
        self.tree.addTopLevelItem(everybody)
        items: dict[int, QTreeWidgetItem] = {}
        for department in self._departments:  # in tree order: a parent comes before its children
            item = QTreeWidgetItem([department.name, department.head_name or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, department.id)
            above = items.get(department.parent_id) if department.parent_id is not None else None
            (above.addChild(item) if above is not None else self.tree.addTopLevelItem(item))
            items[department.id] = item
        self.tree.expandAll()
        current = items.get(chosen) if chosen not in (None, EVERYBODY) else everybody
        self.tree.setCurrentItem(current or everybody)
        self.tree.blockSignals(False)
        self._fill_people()

    def chosen_department(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _fill_people(self) -> None:
        chosen = self.chosen_department()
        wanted = self.search.text().strip().casefold()
        shown = [
            p
            for p in self._people
            if (chosen in (None, EVERYBODY) or p.department_id == chosen)
            and (not wanted or wanted in p.name.casefold() or wanted in p.login.casefold())
        ]
        self.table.clear()
        for person in shown:
            name = person.name if person.is_active else self.tr("%1 (deactivated)").replace("%1", person.name)
            roles = ([self.tr("administrator")] if person.is_admin else []) + self._roles_of.get(
                person.id, []
            )
            item = QTreeWidgetItem([name, person.login, person.department_name or "", ", ".join(roles)])
            item.setData(0, Qt.ItemDataRole.UserRole, person.id)
            item.setToolTip(3, item.text(3))
            self.table.addTopLevelItem(item)
        department = next((d for d in self._departments if d.id == chosen), None)
        self.edit_department.setEnabled(self.may_change and department is not None)
        self.delete_department.setEnabled(self.may_change and department is not None)

    def chosen_people(self) -> list[UserInfo]:
        ids = {int(item.data(0, Qt.ItemDataRole.UserRole)) for item in self.table.selectedItems()}
        return [p for p in self._people if p.id in ids]

    # -- departments --------------------------------------------------------------------------------------

    def _on_new_department(self) -> None:
        chosen = self.chosen_department()
        parent_id = chosen if chosen not in (None, EVERYBODY) else None
        if (
            DepartmentDialog(self._services, parent_id=parent_id, parent=self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def _on_edit_department(self) -> None:
        department = next((d for d in self._departments if d.id == self.chosen_department()), None)
        if department is not None and (
            DepartmentDialog(self._services, department, parent=self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def _on_delete_department(self) -> None:
        department = next((d for d in self._departments if d.id == self.chosen_department()), None)
        if department is None:
            return
        question = self.tr("Delete the department “%1”?").replace("%1", department.name)
        if (
            QMessageBox.question(self, self.tr("Delete department"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._act(lambda: self._services.departments.delete(department.id), self.tr("Not deleted"))

    # -- people -------------------------------------------------------------------------------------------

    def _on_new_person(self) -> None:
        chosen = self.chosen_department()
        department_id = chosen if chosen not in (None, EVERYBODY) else None
        dialog = PersonDialog(self._services, department_id=department_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _on_edit_person(self) -> None:
        people = self.chosen_people()
        if len(people) == 1 and (
            PersonDialog(self._services, people[0], parent=self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def _on_move(self) -> None:
        people = self.chosen_people()
        if not people:
            return
        names = [self.tr("(no department)")] + [d.name for d in self._departments]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Move to a department"),
            self.tr("Move %Ln person(s) to:", "", len(people)),
            names,
            0,
            False,
        )
        if not ok:
            return
        target = next((d.id for d in self._departments if d.name == name), None)

        def move() -> None:
            for person in people:
                self._services.users.update(person.id, person.version, department_id=target)

        self._act(move, self.tr("Not moved"))

    def _on_password(self) -> None:
        asked = self._password_for_one(
            self.tr("Set password"), self.tr("New password for %1 (at least 8 characters):")
        )
        if asked is not None:
            person, password = asked
            self._act(lambda: self._services.passwords.set_password(person.id, password), self.tr("Not set"))

    def _on_server_login(self) -> None:
        asked = self._password_for_one(
            self.tr("Server login"),
            self.tr(
                "A password for %1's own login on the server (at least 8 characters). The server keeps "
                "it; Dealdesk does not:"
            ),
        )
        if asked is None:
            return
        person, password = asked
        try:
            role = self._services.users.add_server_login(person.id, password)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("No server login"), error_text(exc))
            return
        QMessageBox.information(
            self,
            self.tr("Server login"),
            self.tr(
                "%1 signs in to the server as “%2”. The server returns them only what their roles let them "
                "read, whichever program asks."
            )
            .replace("%1", person.name)
            .replace("%2", role),
        )

    def _password_for_one(self, title: str, prompt: str) -> tuple[UserInfo, str] | None:
        """The one person chosen and a password typed for them (%1 in `prompt`: their name); None when
        not one is chosen or the person cancels."""
        people = self.chosen_people()
        if len(people) != 1:
            return None
        person = people[0]
        password, ok = QInputDialog.getText(
            self, title, prompt.replace("%1", person.name), QLineEdit.EchoMode.Password
        )
        return (person, password) if ok else None

    def _on_deactivate(self) -> None:
        people = [p for p in self.chosen_people() if p.is_active]
        if len(people) != 1:
            return
        person = people[0]
        question = self.tr("Deactivate %1? They can no longer sign in; their deals keep their name.").replace(
            "%1", person.name
        )
        if QMessageBox.question(self, self.tr("Deactivate"), question) != QMessageBox.StandardButton.Yes:
            return
        self._act(
            lambda: self._services.users.deactivate(person.id, person.version), self.tr("Not deactivated")
        )

    def _act(self, work: object, failed_title: str) -> None:
        try:
            work()  # type: ignore[operator]
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, failed_title, error_text(exc))
        self.refresh()


__all__ = ["PeopleSettings"]
