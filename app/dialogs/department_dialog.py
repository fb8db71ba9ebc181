"""A department: its name, the department it belongs to (none: a top department) and its head."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.services.access.departments import DepartmentInfo
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError, ValidationError
from app.ui.i18n import error_text, translate_message


class DepartmentDialog(QDialog):
    def __init__(
        self,
        services: Services,
        department: DepartmentInfo | None = None,
        *,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("departmentDialog")
        self.setWindowTitle(self.tr("Edit department") if department else self.tr("New department"))
        self._services = services
        self.department = department
        self.saved: DepartmentInfo | None = None
        self.name = QLineEdit(department.name if department else "")
        self.name.setObjectName("departmentName")
        self.parent_department = QComboBox()
        self.parent_department.setObjectName("departmentParent")
        self.parent_department.addItem(self.tr("(a top department)"), None)
        for other in services.departments.list():
            if department is None or other.id != department.id:
                self.parent_department.addItem("    " * other.depth + other.name, other.id)
        wanted = department.parent_id if department else parent_id
        self.parent_department.setCurrentIndex(max(0, self.parent_department.findData(wanted)))
        self.head = QComboBox()
        self.head.setObjectName("departmentHead")
        self.head.addItem(self.tr("(nobody)"), None)
        for person in services.users.list():
            self.head.addItem(person.name, person.id)
        self.head.setCurrentIndex(max(0, self.head.findData(department.head_id if department else None)))
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Belongs to"), self.parent_department)
        form.addRow(self.tr("Head"), self.head)
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
        self.setMinimumWidth(400)

    def _on_save(self) -> None:
        departments = self._services.departments
        parent_id, head_id = self.parent_department.currentData(), self.head.currentData()
        try:
            if self.department is None:
                self.saved = departments.create(self.name.text(), parent_id=parent_id, head_id=head_id)
            else:
                self.saved = departments.update(
                    self.department.id, name=self.name.text(), parent_id=parent_id, head_id=head_id
                )
        except ValidationError as exc:
            self.errors.setText("\n".join(translate_message(p.message) for p in exc.problems))
            self.errors.show()
            return
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.accept()


__all__ = ["DepartmentDialog"]
