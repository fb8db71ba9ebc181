"""Settings > Fields: the custom fields of deals, contacts, companies and leads; new, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.custom_field_dialog import CustomFieldDialog, type_names
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.fields.custom_fields import CustomFieldInfo, EntityType
from app.ui.i18n import error_text


class FieldsSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Fields"))
        self.setObjectName("fieldsSettings")
        self._services = services
        self._fields: list[CustomFieldInfo] = []
        may_change = services.actor is None or services.actor.is_admin
        self.entity = QComboBox()
        self.entity.setObjectName("fieldsEntity")
        for entity, name in (
            (EntityType.DEAL, self.tr("Deals")),
            (EntityType.CONTACT, self.tr("Contacts")),
            (EntityType.COMPANY, self.tr("Companies")),
            (EntityType.LEAD, self.tr("Leads")),
        ):
            self.entity.addItem(name, entity)
        self.table = QTreeWidget()
        self.table.setObjectName("fieldsTable")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Name"), self.tr("Type"), self.tr("Required"), self.tr("In the list")]
        )
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.new = QPushButton(self.tr("New field…"))
        self.new.setObjectName("newCustomField")
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("editCustomField")
        self.delete = QPushButton(self.tr("Delete…"))
        self.delete.setObjectName("deleteCustomField")
        for button in (self.new, self.edit, self.delete):
            button.setEnabled(may_change)
        buttons = QHBoxLayout()
        buttons.addWidget(self.entity)
        buttons.addStretch(1)
        buttons.addWidget(self.new)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.entity.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new.clicked.connect(self._on_new)
        self.edit.clicked.connect(self._on_edit)
        self.delete.clicked.connect(self._on_delete)
        self.table.itemDoubleClicked.connect(lambda *_a: self._on_edit())
        self.refresh()

    def refresh(self) -> None:
        self._fields = self._services.custom_fields.list(self.entity.currentData())
        names = type_names()
        yes, no = self.tr("yes"), self.tr("no")
        self.table.clear()
        for field in self._fields:
            item = QTreeWidgetItem(
                [
                    field.label,
                    names[field.field_type],
                    yes if field.required else no,
                    yes if field.show_in_list else no,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, field.id)
            self.table.addTopLevelItem(item)

    def _selected(self) -> CustomFieldInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        field_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((f for f in self._fields if f.id == field_id), None)

    def _on_new(self) -> None:
        if CustomFieldDialog(self._services, self.entity.currentData(), parent=self).exec():
            self.refresh()

    def _on_edit(self) -> None:
        field = self._selected()
        if (
            field is not None
            and CustomFieldDialog(self._services, field.entity_type, field, parent=self).exec()
        ):
            self.refresh()

    def _on_delete(self) -> None:
        field = self._selected()
        if field is None:
            return
        count = self._services.custom_fields.value_count(field.id)
        text = (
            self.tr("Delete the field “%1”? %Ln record(s) have a value in it; the values go too.", "", count)
            if count
            else self.tr("Delete the field “%1”? No record has a value in it yet.")
        ).replace("%1", field.label)
        if QMessageBox.question(self, self.tr("Delete field"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.custom_fields.delete(field.id, field.version)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Field not deleted"), error_text(exc))
        self.refresh()
