"""Settings > Fields: the custom fields of deals, contacts, companies and leads; new, edit, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.dialogs.custom_field_dialog import CustomFieldDialog, type_names
from app.services.container import Services
from app.services.fields.custom_fields import CustomFieldInfo, EntityType
from app.views.record_box import RecordBox


class FieldsSettings(RecordBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self.entity = QComboBox()
        self.entity.setObjectName("fieldsEntity")
        super().__init__(
            services,
            chooser=self.entity,
            headers=[self.tr("Name"), self.tr("Type"), self.tr("Required"), self.tr("In the list")],
            new_text=self.tr("New field…"),
            object_names=("fieldsTable", "newCustomField", "editCustomField", "deleteCustomField"),
            minimum_height=140,
            parent=parent,
        )
        self.setTitle(self.tr("Fields"))
        self.setObjectName("fieldsSettings")
        for entity, name in (
            (EntityType.DEAL, self.tr("Deals")),
            (EntityType.CONTACT, self.tr("Contacts")),
            (EntityType.COMPANY, self.tr("Companies")),
            (EntityType.LEAD, self.tr("Leads")),
        ):
            self.entity.addItem(name, entity)
        self.entity.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        names = type_names()
        self.show_records(
            self._services.custom_fields.list(self.entity.currentData()),
            lambda field: [
                field.label,
                names[field.field_type],
                self.yes_no(field.required),
                self.yes_no(field.show_in_list),
            ],
        )

    def _on_new(self) -> None:
        if CustomFieldDialog(self._services, self.entity.currentData(), parent=self).exec():
            self.refresh()

    def _on_edit(self) -> None:
        field: CustomFieldInfo | None = self.selected()
        if (
            field is not None
            and CustomFieldDialog(self._services, field.entity_type, field, parent=self).exec()
        ):
            self.refresh()

    def _on_delete(self) -> None:
        field: CustomFieldInfo | None = self.selected()
        if field is None:
            return
        count = self._services.custom_fields.value_count(field.id)
        text = (
            self.tr("Delete the field “%1”? %Ln record(s) have a value in it; the values go too.", "", count)
            if count
            else self.tr("Delete the field “%1”? No record has a value in it yet.")
        ).replace("%1", field.label)
        self.delete_after_asking(
            self.tr("Delete field"),
            text,
            self.tr("Field not deleted"),
            lambda: self._services.custom_fields.delete(field.id, field.version),
        )
