"""A person of the office: login, name, e-mail, department, administrator, roles, and for a new
person a first password. All or nothing: a refused role or password leaves nobody half made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.services.access.users import UserInfo
from app.services.container import Services
from app.services.core.errors import ConflictError, DatabaseError, ServiceError, ValidationError
from app.ui.i18n import error_text, translate_message


class PersonDialog(QDialog):
    def __init__(
        self,
        services: Services,
        person: UserInfo | None = None,
        *,
        department_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self._services = services
        self.person = person
        self.saved: UserInfo | None = None
        self.name = QLineEdit(person.name if person else "")
        self.name.setObjectName("personName")
        self.login = QLineEdit(person.login if person else "")
        self.login.setObjectName("personLogin")
        self.email = QLineEdit(person.email or "" if person else "")
        self.email.setObjectName("personEmail")
        self.department = QComboBox()
        self.department.setObjectName("personDepartment")
        self.department.addItem(self.tr("(no department)"), None)
        for department in services.departments.list():
            self.department.addItem("    " * department.depth + department.name, department.id)
        wanted = person.department_id if person else department_id
        self.department.setCurrentIndex(max(0, self.department.findData(wanted)))
        self.admin = QCheckBox(self.tr("Administrator: may do everything, rights do not apply"))
        self.admin.setObjectName("personAdmin")
        self.admin.setChecked(bool(person and person.is_admin))
        me = services.actor
        self.admin.setEnabled(me is None or me.is_admin)  # only an administrator makes administrators
        self.roles = QListWidget()
        self.roles.setObjectName("personRoles")
        self.roles.setMaximumHeight(120)
        held = (
            {a.role_id for a in services.roles.assignments() if a.user_id == person.id} if person else set()
        )
        self._held = held
        for role in services.roles.list():
            item = QListWidgetItem(role.name)
            item.setData(Qt.ItemDataRole.UserRole, role.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = role.id in held or (person is None and role.builtin == "salesperson")
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.password = QLineEdit()
        self.password.setObjectName("personPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("personPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Department"), self.department)
        form.addRow("", self.admin)
        form.addRow(self.tr("Roles"), self.roles)
        if person is None:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("The same again"), self.again)
            hint = QLabel(self.tr("At least 8 characters; they can change it later. Empty: none yet."))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: palette(mid);")
            form.addRow("", hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def chosen_roles(self) -> set[int]:
        return {
            int(self.roles.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.roles.count())
            if self.roles.item(r).checkState() == Qt.CheckState.Checked
        }

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "name": self.name.text(),
            "login": self.login.text().strip(),
            "email": self.email.text().strip() or None,
            "department_id": self.department.currentData(),
        }
        if self.admin.isEnabled():
            values["is_admin"] = self.admin.isChecked()
        return values

    def _on_save(self) -> None:
        if self.person is None and self.password.text() != self.again.text():
            self._say(self.tr("The two passwords differ."))
            return
        try:
            self.saved = self._services.users.save_person(
                self.person.id if self.person else None,
                self.person.version if self.person else None,
                self.values(),
                roles=self.chosen_roles(),
                password=self.password.text() or None,
            )
        except ValidationError as exc:
            self._say("\n".join(translate_message(p.message) for p in exc.problems))
            return
        except (ConflictError, ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.errors.setText(text)
        self.errors.show()


__all__ = ["PersonDialog"]
