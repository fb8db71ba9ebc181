"""Merging two contacts (or two companies): for each field that differs, pick the value to keep.
The record kept gets the other's deals, links and history note; the other is deleted."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.fields.catalog import FieldCatalog
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.customers.duplicates import COMPANY_FIELDS, CONTACT_FIELDS
from app.services.customers.queries import CustomerKind
from app.ui.i18n import error_text


class MergeDialog(QDialog):
    def __init__(
        self,
        services: Services,
        kind: CustomerKind,
        keep_id: int,
        other_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge"))
        self._services = services
        self.kind = kind
        self.keep = services.customer_form.load(kind, keep_id)
        self.other = services.customer_form.load(kind, other_id)
        self.merged_id: int | None = None
        catalog = FieldCatalog(services, kind.entity, self)
        users = dict(catalog.users())
        names = CONTACT_FIELDS if kind is CustomerKind.CONTACT else COMPANY_FIELDS
        grid = QGridLayout()
        keep_title = self.tr("Keep: %1").replace("%1", _title(self.keep.record))
        other_title = self.tr("Merge in: %1").replace("%1", _title(self.other.record))
        grid.addWidget(QLabel(f"<b>{escape(keep_title)}</b>"), 0, 1)
        grid.addWidget(QLabel(f"<b>{escape(other_title)}</b>"), 0, 2)
        self.choices: dict[str, QRadioButton] = {}  # field -> "take the other's value" button
        row = 1
        for key in [*names, *catalog.custom]:
            mine, theirs = (
                self._value(key, self.keep, catalog, users),
                self._value(key, self.other, catalog, users),
            )
            if mine == theirs or not theirs:
                continue
            group = QButtonGroup(self)
            keep_button = QRadioButton(mine or "–")
            take_button = QRadioButton(theirs)
            take_button.setObjectName(f"take_{key.replace(':', '_')}")
            group.addButton(keep_button)
            group.addButton(take_button)
            # An empty field takes the other's value; otherwise the kept record's value stays.
            (take_button if not mine else keep_button).setChecked(True)
            grid.addWidget(QLabel(catalog.label(key)), row, 0)
            grid.addWidget(keep_button, row, 1)
            grid.addWidget(take_button, row, 2)
            self.choices[key] = take_button
            row += 1
        if not self.choices:
            grid.addWidget(QLabel(self.tr("The other record has no values that differ.")), row, 0, 1, 3)
        note = QLabel(
            self.tr(
                "Deals, companies and contacts linked to either go to the record kept; the other is deleted. "
                "Both keep a note in their history."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge")
        buttons.accepted.connect(self._on_merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _value(key: str, data: Any, catalog: FieldCatalog, users: dict[int, str]) -> str:
        if key.startswith("uf:"):
            field = catalog.custom[key]
            value = data.custom.get(field.id)
            if value is None:
                return ""
            values = value if isinstance(value, list) else [value]
            return ", ".join(str(field.option_label(v) or v) if field.options else str(v) for v in values)
        value = getattr(data.record, key, None)
        if key == "responsible_id":
            return users.get(value, "") if value else ""
        return "" if value is None else str(value)

    def take_from_other(self) -> list[str]:
        return [key for key, button in self.choices.items() if button.isChecked()]

    def _on_merge(self) -> None:
        try:
            self.merged_id = self._services.duplicates.merge(
                self.kind,
                (self.keep.record.id, self.keep.record.version),
                (self.other.record.id, self.other.record.version),
                self.take_from_other(),
            )
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not merged"), error_text(exc))
            return
        self.accept()


def _title(record: Any) -> str:
    return str(getattr(record, "full_name", None) or getattr(record, "title", ""))
