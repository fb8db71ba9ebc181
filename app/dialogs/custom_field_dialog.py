"""Create or edit a custom field: name, type (fixed once created), choices, flags, default, help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError, ValidationError
from app.services.fields.custom_fields import CustomFieldInfo, EntityType, FieldType
from app.ui.i18n import error_text, translate_message


def type_names() -> dict[FieldType, str]:
    return {
        FieldType.STRING: QCoreApplication.translate("CustomFieldDialog", "Text (one line)"),
        FieldType.TEXT: QCoreApplication.translate("CustomFieldDialog", "Text (several lines)"),
        FieldType.INTEGER: QCoreApplication.translate("CustomFieldDialog", "Whole number"),
        FieldType.DECIMAL: QCoreApplication.translate("CustomFieldDialog", "Decimal number"),
        FieldType.MONEY: QCoreApplication.translate("CustomFieldDialog", "Money"),
        FieldType.DATE: QCoreApplication.translate("CustomFieldDialog", "Date"),
        FieldType.DATETIME: QCoreApplication.translate("CustomFieldDialog", "Date and time"),
        FieldType.BOOLEAN: QCoreApplication.translate("CustomFieldDialog", "Yes / no"),
        FieldType.LIST: QCoreApplication.translate("CustomFieldDialog", "List of choices"),
        FieldType.CONTACT: QCoreApplication.translate("CustomFieldDialog", "Link to a contact"),
        FieldType.COMPANY: QCoreApplication.translate("CustomFieldDialog", "Link to a company"),
        FieldType.EMPLOYEE: QCoreApplication.translate("CustomFieldDialog", "Link to an employee"),
        FieldType.URL: QCoreApplication.translate("CustomFieldDialog", "Web address"),
        FieldType.EMAIL: QCoreApplication.translate("CustomFieldDialog", "E-mail"),
        FieldType.PHONE: QCoreApplication.translate("CustomFieldDialog", "Phone"),
        FieldType.FILE: QCoreApplication.translate("CustomFieldDialog", "File (path or name)"),
    }


class CustomFieldDialog(QDialog):
    def __init__(
        self,
        services: Services,
        entity: EntityType,
        field: CustomFieldInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customFieldDialog")
        self.setWindowTitle(self.tr("Edit field") if field else self.tr("New field"))
        self.setMinimumWidth(460)
        self._services = services
        self._entity = entity
        self._field = field
        self.saved: CustomFieldInfo | None = None

        self.label = QLineEdit(field.label if field else "")
        self.label.setObjectName("label")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, name in type_names().items():
            self.kind.addItem(name, kind)
        if field is not None:
            self.kind.setCurrentIndex(self.kind.findData(field.field_type))
            self.kind.setEnabled(False)
            self.kind.setToolTip(
                self.tr("A field's type can't change once it exists: its values would not fit.")
            )
        self.options = QListWidget()
        self.options.setObjectName("options")
        self.options.setMaximumHeight(120)
        for option in field.options if field else ():
            self._add_option(option.label, option.id)
        self.new_option = QLineEdit()
        self.new_option.setObjectName("newOption")
        self.new_option.setPlaceholderText(self.tr("A choice, then Enter"))
        self.remove_option = QPushButton(self.tr("Remove choice"))
        self.options_box = QWidget()
        options_layout = QVBoxLayout(self.options_box)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addWidget(self.options)
        row = QHBoxLayout()
        row.addWidget(self.new_option, 1)
        row.addWidget(self.remove_option)
        options_layout.addLayout(row)
        self.required = QCheckBox(self.tr("Required"))
        self.required.setObjectName("required")
        self.multiple = QCheckBox(self.tr("Several values"))
        self.multiple.setObjectName("multiple")
        self.show_in_list = QCheckBox(self.tr("Show in the list"))
        self.filterable = QCheckBox(self.tr("Can be filtered by"))
        self.default = QLineEdit(field.default_value or "" if field else "")
        self.default.setObjectName("default")
        self.default.setPlaceholderText(self.tr("For a list: one of its choices"))
        self.help = QLineEdit(field.help_text or "" if field else "")
        self.help.setObjectName("help")
        self.required.setChecked(bool(field and field.required))
        self.multiple.setChecked(bool(field and field.multiple))
        self.show_in_list.setChecked(field.show_in_list if field else True)
        self.filterable.setChecked(field.filterable if field else True)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.label)
        form.addRow(self.tr("&Type"), self.kind)
        form.addRow(self.tr("Choices"), self.options_box)
        flags = QHBoxLayout()
        for box in (self.required, self.multiple, self.show_in_list, self.filterable):
            flags.addWidget(box)
        form.addRow("", flags)
        form.addRow(self.tr("&Default value"), self.default)
        form.addRow(self.tr("&Help text"), self.help)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self._choices_row = form.labelForField(self.options_box)

        self.kind.currentIndexChanged.connect(self._show_choices)
        self.new_option.returnPressed.connect(self._on_add_option)
        self.remove_option.clicked.connect(self._on_remove_option)
        self._show_choices()

    def _add_option(self, label: str, option_id: int | None = None) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, option_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        self.options.addItem(item)

    def _show_choices(self) -> None:
        is_list = self.kind.currentData() == FieldType.LIST
        self.options_box.setVisible(is_list)
        if self._choices_row is not None:
            self._choices_row.setVisible(is_list)

    def _on_add_option(self) -> None:
        text = self.new_option.text().strip()
        if text:
            self._add_option(text)
            self.new_option.clear()

    def _on_remove_option(self) -> None:
        for item in self.options.selectedItems():
            self.options.takeItem(self.options.row(item))

    def _options(self) -> list[tuple[int | None, str]]:
        self._on_add_option()  # a choice typed but not yet added counts
        return [
            (self.options.item(n).data(Qt.ItemDataRole.UserRole), self.options.item(n).text())
            for n in range(self.options.count())
        ]

    def _on_save(self) -> None:
        options = self._options()
        flags = {
            "required": self.required.isChecked(),
            "multiple": self.multiple.isChecked(),
            "show_in_list": self.show_in_list.isChecked(),
            "filterable": self.filterable.isChecked(),
            "help_text": self.help.text().strip() or None,
            "default_value": self.default.text().strip() or None,
        }
        try:
            if self._field is None:
                self.saved = self._services.custom_fields.create(
                    self._entity,
                    self.label.text(),
                    FieldType(self.kind.currentData()),
                    options=[label for _id, label in options],
                    **flags,
                )
            else:
                self.saved = self._services.custom_fields.update(
                    self._field.id,
                    self._field.version,
                    label=self.label.text(),
                    options=options if self._field.field_type is FieldType.LIST else None,
                    **flags,
                )
        except ValidationError as exc:
            self.errors.setText("\n".join(translate_message(p.message) for p in exc.problems))
            self.errors.show()
            return
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Field not saved"), error_text(exc))
            return
        self.accept()
