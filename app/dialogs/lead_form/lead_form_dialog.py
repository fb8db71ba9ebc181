"""The lead form: its fields (custom ones too) laid out by the form layout, its status, and the
way on: Convert… (into a deal, contact and company) or, while nothing changed, Undo conversion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.deal_form.form_sections import FormSections
from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.lead_form.convert_dialog import ConvertLeadDialog
from app.services.container import Services
from app.services.core.errors import ConflictError, DatabaseError, ServiceError, ValidationError
from app.services.customers.leads import LeadDetails, LeadStatus
from app.services.fields.custom_fields import EntityType
from app.ui.i18n import error_text, translate_message
from app.views.workflows.record_workflows import open_record_workflows


def status_names() -> dict[LeadStatus, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        LeadStatus.NEW: QCoreApplication.translate("LeadFormDialog", "New"),
        LeadStatus.IN_PROCESS: QCoreApplication.translate("LeadFormDialog", "In process"),
        LeadStatus.PROCESSED: QCoreApplication.translate("LeadFormDialog", "Processed"),
        LeadStatus.CONVERTED: QCoreApplication.translate("LeadFormDialog", "Converted"),
        LeadStatus.JUNK: QCoreApplication.translate("LeadFormDialog", "Junk"),
    }


class LeadFormDialog(QDialog):
    open_deal_requested = Signal(int)

    def __init__(self, services: Services, lead_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadForm")
        self.setMinimumSize(720, 520)
        self._services = services
        self._catalog = FieldCatalog(services, EntityType.LEAD, self)
        self.lead: LeadDetails | None = None
        custom: dict[int, Any] = {}
        if lead_id is not None:
            self.lead, custom = services.leads.load_form(lead_id)
        self.setWindowTitle(self.tr("Lead") if self.lead else self.tr("New lead"))
        self.heading = QLabel(self.lead.title if self.lead else self.tr("New lead"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QComboBox()
        self.status.setObjectName("leadStatus")
        for status, name in status_names().items():
            if status is not LeadStatus.CONVERTED or (self.lead and self.lead.status is LeadStatus.CONVERTED):
                self.status.addItem(name, status.value)
        if self.lead is not None:
            self.status.setCurrentIndex(self.status.findData(self.lead.status.value))
        converted = self.lead is not None and self.lead.status is LeadStatus.CONVERTED
        self.status.setEnabled(not converted)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        rules = services.field_rules.rules(EntityType.LEAD)
        me = services.actor.id if services.actor else None
        self.sections = FormSections(
            self._catalog,
            services.form_layouts.layout(EntityType.LEAD, None),
            hidden_for_me={k for k, r in rules.items() if not r.may_see(me)},
            read_only_for_me={k for k, r in rules.items() if not r.may_edit(me)}
            | (set(self._keys()) if converted else set()),
        )
        values: dict[str, Any] = {}
        if self.lead is not None:
            for key in self.sections.editors:
                if key.startswith("uf:"):
                    field = self._catalog.custom.get(key)
                    values[key] = custom.get(field.id) if field else None
                else:
                    values[key] = getattr(self.lead, key, None)
        else:
            values["responsible_id"] = me
        for key, editor in self.sections.editors.items():
            if key in values:
                editor.set_value(values[key])
        self._original = self._collect()

        self.convert = QPushButton(self.tr("Convert…"))
        self.convert.setObjectName("convertLead")
        self.convert.setVisible(self.lead is not None and not converted)
        self.undo = QPushButton(self.tr("Undo conversion"))
        self.undo.setObjectName("undoConversion")
        self.undo.setVisible(converted)
        self.open_deal = QPushButton(self.tr("Open the deal"))
        self.open_deal.setObjectName("openConvertedDeal")
        self.open_deal.setVisible(
            converted and self.lead is not None and self.lead.converted_deal_id is not None
        )
        self.workflows = QPushButton(self.tr("Workflows…"))
        self.workflows.setObjectName("leadWorkflows")
        self.workflows.setVisible(self.lead is not None)
        if self.lead is not None:
            lead = self.lead.id
            self.workflows.clicked.connect(lambda: open_record_workflows(services, "lead", lead, self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not converted)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Status")))
        top.addWidget(self.status)
        self.configure = QPushButton(self.tr("Configure form…"))
        self.configure.setObjectName("configureForm")
        self.configure.clicked.connect(self._on_configure)
        bottom = QHBoxLayout()
        for button in (self.configure, self.convert, self.undo, self.open_deal, self.workflows):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addLayout(top)
        layout.addWidget(self.errors)
        layout.addWidget(self.sections, 1)
        layout.addLayout(bottom)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.convert.clicked.connect(self._on_convert)
        self.undo.clicked.connect(self._on_undo)
        self.open_deal.clicked.connect(self._on_open_deal)

    def _on_configure(self) -> None:
        """The form designer for leads; the form shows the new layout at once, keeping what was typed."""
        from app.dialogs.form_designer.form_designer_dialog import FormDesignerDialog

        if (
            FormDesignerDialog(self._services, EntityType.LEAD, parent=self).exec()
            != QDialog.DialogCode.Accepted
        ):
            return
        typed, original = self._collect(), self._original
        self._catalog.refresh()
        rules = self._services.field_rules.rules(EntityType.LEAD)
        me = self._services.actor.id if self._services.actor else None
        converted = self.lead is not None and self.lead.status is LeadStatus.CONVERTED
        sections = FormSections(
            self._catalog,
            self._services.form_layouts.layout(EntityType.LEAD, None),
            hidden_for_me={k for k, r in rules.items() if not r.may_see(me)},
            read_only_for_me={k for k, r in rules.items() if not r.may_edit(me)}
            | (set(self._keys()) if converted else set()),
        )
        self._layout.replaceWidget(self.sections, sections)
        self.sections.deleteLater()
        self.sections = sections
        for key, editor in sections.editors.items():
            if key in typed:
                editor.set_value(typed[key])
        self._original = {k: original.get(k) for k in sections.editors}

    def _keys(self) -> list[str]:
        from app.services.fields.form_layouts import STANDARD_FIELDS

        return [*STANDARD_FIELDS[EntityType.LEAD], *self._catalog.custom]

    def _collect(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.sections.editors.items()}

    # -- saving ------------------------------------------------------------------------------------

    def _save(self) -> bool:
        values = self._collect()
        changed = {k: v for k, v in values.items() if self.lead is None or v != self._original.get(k)}
        standard = {k: v for k, v in changed.items() if not k.startswith("uf:")}
        custom = {self._catalog.custom[k].id: v for k, v in changed.items() if k.startswith("uf:")}
        self.sections.clear_problems()
        self.errors.hide()
        try:
            lead = self._services.leads.save_form(
                self.lead.id if self.lead else None,
                self.lead.version if self.lead else None,
                values=standard,
                custom=custom,
            )
            status = LeadStatus(self.status.currentData())
            if lead.status is not status:
                lead = self._services.leads.set_status(lead.id, lead.version, status)
        except ValidationError as exc:
            texts = []
            for problem in exc.problems:
                text = translate_message(problem.message)
                if not self.sections.show_problem(problem.field, text):
                    texts.append(text)
            if texts:
                self.errors.setText("\n".join(texts))
                self.errors.show()
            return False
        except (ConflictError, ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Lead not saved"), error_text(exc))
            return False
        self.lead = lead
        self._original = self._collect()
        return True

    def _on_save(self) -> None:
        if self._save():
            self.accept()

    def _on_convert(self) -> None:
        unsaved = self._collect() != self._original or (
            self.lead is not None and self.status.currentData() != self.lead.status.value
        )
        if unsaved and not self._save():  # what was typed is saved first
            return
        assert self.lead is not None
        dialog = ConvertLeadDialog(self._services, self.lead, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
            self.accept()
            self.open_deal_requested.emit(dialog.result_.deal_id)

    def _on_undo(self) -> None:
        assert self.lead is not None
        try:
            self.lead = self._services.leads.undo_conversion(self.lead.id, self.lead.version)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not undone"), error_text(exc))
            return
        self.accept()

    def _on_open_deal(self) -> None:
        if self.lead is not None and self.lead.converted_deal_id is not None:
            self.accept()
            self.open_deal_requested.emit(self.lead.converted_deal_id)
