"""What a form knows about each field it may show: its name, whether it is required, its editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app.dialogs.fields.editors import (
    CheckEditor,
    ChoiceEditor,
    DateEditor,
    DateTimeEditor,
    FieldEditor,
    MoneyEditor,
    MultiChoiceEditor,
    MultiLineEditor,
    NumberEditor,
    PercentEditor,
    TextEditor,
)
from app.dialogs.fields.pickers import RecordPicker, RecordsPicker
from app.services.container import Services
from app.services.core.vocabulary import COMPANY_NAME, DEAL_SOURCES, FIELD_LABELS
from app.services.fields.custom_fields import CustomFieldInfo, EntityType, FieldType
from app.services.fields.form_layouts import ALWAYS_REQUIRED
from app.ui.i18n import translate_message

TEXT_LIMITS = {
    "title": 255,
    "position": 100,
    "phone": 50,
    "email": 254,
    "website": 255,
    "industry": 100,
    "vat_id": 50,
    "leitweg_id": 50,
}


class FieldCatalog(QObject):
    """The fields of one kind of record, read once per form from the services."""

    def __init__(
        self, services: Services, entity: EntityType = EntityType.DEAL, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.custom: dict[str, CustomFieldInfo] = {
            f"uf:{f.code}": f for f in services.custom_fields.list(entity)
        }
        self._users: list[tuple[int, str]] | None = None

    def refresh(self) -> None:
        self.custom = {f"uf:{f.code}": f for f in self.services.custom_fields.list(self.entity)}

    def label(self, key: str) -> str:
        if key in self.custom:
            return self.custom[key].label
        message = (
            COMPANY_NAME if (self.entity, key) == (EntityType.COMPANY, "title") else FIELD_LABELS.get(key)
        )
        return translate_message(message) if message is not None else key

    def required(self, key: str) -> bool:
        if key in self.custom:
            return self.custom[key].required
        return key in ALWAYS_REQUIRED[self.entity]

    def help_text(self, key: str) -> str | None:
        field = self.custom.get(key)
        return field.help_text if field else None

    def users(self) -> list[tuple[int, str]]:
        if self._users is None:
            self._users = [(u.id, u.name) for u in self.services.users.list()]
        return self._users

    # -- editors ---------------------------------------------------------------------------------

    def editor(self, key: str, parent: QWidget | None = None) -> FieldEditor:
        if key in self.custom:
            return self._custom_editor(self.custom[key], parent)
        none = QCoreApplication.translate("FieldCatalog", "none")
        s = self.services
        if key == "amount":
            return MoneyEditor(key, [c.code for c in s.currencies.list()], parent)
        if key in ("begin_date", "close_date"):
            return DateEditor(key, none, parent)
        if key == "probability":
            return PercentEditor(key, none, parent)
        if key == "responsible_id":
            return ChoiceEditor(key, self.users(), none, parent)
        if key == "source":
            sources = [(code, translate_message(label)) for code, label in DEAL_SOURCES.items()]
            return ChoiceEditor(key, sources, none, parent)
        if key == "pipeline_id":
            return ChoiceEditor(key, [(p.id, p.name) for p in s.pipelines.list()], None, parent)
        if key == "company_id":
            return RecordPicker(
                key,
                lambda text: [(c.id, c.title) for c in s.companies.search(text)],
                s.companies.titles,
                placeholder=QCoreApplication.translate(
                    "FieldCatalog", "Type a company's name: a stored one, or a new one"
                ),
                new_hint=QCoreApplication.translate(
                    "FieldCatalog", "A new company “%1” is added with the deal."
                ),
                parent=parent,
            )
        if key == "contact_ids":
            return RecordsPicker(
                key,
                lambda text: [(c.id, c.full_name) for c in s.contacts.search(text)],
                s.contacts.names,
                placeholder=QCoreApplication.translate(
                    "FieldCatalog", "Add a contact: type a name, then Enter"
                ),
                allow_new=True,
                remove_tip=QCoreApplication.translate("FieldCatalog", "Remove from this deal"),
                parent=parent,
            )
        if key == "company_ids":  # the companies a contact works for
            return RecordsPicker(
                key,
                lambda text: [(c.id, c.title) for c in s.companies.search(text)],
                s.companies.titles,
                placeholder=QCoreApplication.translate("FieldCatalog", "Add a company: type its name"),
                allow_new=False,
                remove_tip=QCoreApplication.translate("FieldCatalog", "Remove"),
                parent=parent,
            )
        if key == "is_open":
            return CheckEditor(key, parent)
        if key == "observer_ids":  # people who may read the deal without being responsible for it
            return MultiChoiceEditor(key, self.users(), parent)
        if key in ("comments", "address"):
            return MultiLineEditor(key, parent=parent)
        return TextEditor(key, TEXT_LIMITS.get(key, 255), parent=parent)

    def _custom_editor(self, field: CustomFieldInfo, parent: QWidget | None) -> FieldEditor:
        key = f"uf:{field.code}"
        kind = field.field_type
        none = QCoreApplication.translate("FieldCatalog", "none")
        s = self.services
        if kind is FieldType.LIST:
            options = [(o.id, o.label) for o in field.options]
            if field.multiple:
                return MultiChoiceEditor(key, options, parent)
            return ChoiceEditor(key, options, None if field.required else none, parent)
        if kind is FieldType.EMPLOYEE:
            if field.multiple:
                return MultiChoiceEditor(key, self.users(), parent)
            return ChoiceEditor(key, self.users(), None if field.required else none, parent)
        if kind in (FieldType.CONTACT, FieldType.COMPANY):
            search = (
                (lambda text: [(c.id, c.full_name) for c in s.contacts.search(text)])
                if kind is FieldType.CONTACT
                else (lambda text: [(c.id, c.title) for c in s.companies.search(text)])
            )
            names = s.contacts.names if kind is FieldType.CONTACT else s.companies.titles
            placeholder = QCoreApplication.translate("FieldCatalog", "Type a name to search")
            if field.multiple:
                return RecordsPicker(
                    key,
                    search,
                    names,
                    placeholder=placeholder,
                    allow_new=False,
                    remove_tip=QCoreApplication.translate("FieldCatalog", "Remove"),
                    parent=parent,
                )
            return RecordPicker(key, search, names, placeholder=placeholder, parent=parent)
        if kind is FieldType.BOOLEAN:
            return CheckEditor(key, parent)
        if kind is FieldType.DATE:
            return DateEditor(key, none, parent)
        if kind is FieldType.DATETIME:
            return DateTimeEditor(key, none, parent)
        if kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY):
            decimals = {FieldType.INTEGER: 0, FieldType.DECIMAL: 4, FieldType.MONEY: 2}[kind]
            return NumberEditor(key, decimals, parent)
        if kind is FieldType.TEXT or field.multiple:
            return MultiLineEditor(key, lines=field.multiple, parent=parent)
        return TextEditor(key, 10_000, placeholder=field.help_text or "", parent=parent)
