"""Converting a lead: which pipeline and stage the deal starts in, and whether the contact and the
company are new (from the lead's names) or ones Dealdesk already knows (duplicates are offered)."""

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

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.customers.leads import Conversion, LeadDetails
from app.services.customers.queries import CustomerKind
from app.ui.i18n import error_text

NEW = -1
NONE = 0


class ConvertLeadDialog(QDialog):
    def __init__(self, services: Services, lead: LeadDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convertLeadDialog")
        self.setWindowTitle(self.tr("Convert lead"))
        self.setMinimumWidth(520)
        self._services = services
        self.lead = lead
        self.result_: Conversion | None = None

        self.title = QLineEdit(lead.title)
        self.title.setObjectName("dealTitle")
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("pipeline")
        self._pipelines = services.pipelines.list()
        for pipeline in self._pipelines:
            self.pipeline.addItem(pipeline.name, pipeline.id)
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        self.pipeline.currentIndexChanged.connect(lambda _i: self._fill_stages())
        self._fill_stages()

        self.contact = QComboBox()
        self.contact.setObjectName("contact")
        reasons = {
            "email": self.tr("same e-mail"),
            "phone": self.tr("same phone"),
            "name": self.tr("similar name"),
        }
        person = lead.person
        if person:
            self.contact.addItem(self.tr("New contact “%1”").replace("%1", person), NEW)
        for found in services.duplicates.find(
            CustomerKind.CONTACT, name=person, email=lead.email, phone=lead.phone
        ):
            self.contact.addItem(
                self.tr("%1 (known: %2)")
                .replace("%1", found.name)
                .replace("%2", reasons[found.reason.value]),
                found.id,
            )
        self.contact.addItem(self.tr("No contact"), NONE)
        self.company = QComboBox()
        self.company.setObjectName("company")
        if lead.company_title:
            self.company.addItem(self.tr("New company “%1”").replace("%1", lead.company_title), NEW)
            for found in services.duplicates.find(CustomerKind.COMPANY, name=lead.company_title):
                self.company.addItem(
                    self.tr("%1 (known: %2)")
                    .replace("%1", found.name)
                    .replace("%2", reasons[found.reason.value]),
                    found.id,
                )
        self.company.addItem(self.tr("No company"), NONE)
        known = self.contact.count() > (2 if person else 1) or self.company.count() > (
            2 if lead.company_title else 1
        )
        self.note = QLabel(
            self.tr(
                "Dealdesk knows people or companies like these: choose one to use it instead of a new one."
            )
            if known
            else ""
        )
        self.note.setObjectName("duplicatesNote")
        self.note.setWordWrap(True)
        self.note.setVisible(known)

        form = QFormLayout()
        form.addRow(self.tr("Deal"), self.title)
        form.addRow(self.tr("Pipeline"), self.pipeline)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Company"), self.company)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.convert_button = buttons.addButton(self.tr("Convert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.convert_button.setObjectName("convert")
        buttons.accepted.connect(self._on_convert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def _fill_stages(self) -> None:
        pipeline = next((p for p in self._pipelines if p.id == self.pipeline.currentData()), None)
        self.stage.clear()
        for stage in pipeline.stages if pipeline else ():
            if not stage.is_closed:
                self.stage.addItem(stage.name, stage.id)

    def _on_convert(self) -> None:
        contact, company = self.contact.currentData(), self.company.currentData()
        try:
            self.result_ = self._services.leads.convert(
                self.lead.id,
                self.lead.version,
                pipeline_id=self.pipeline.currentData(),
                stage_id=self.stage.currentData(),
                contact_id=contact if contact not in (NEW, NONE) else None,
                company_id=company if company not in (NEW, NONE) else None,
                create_contact=contact == NEW,
                create_company=company == NEW,
                deal_title=self.title.text(),
            )
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not converted"), error_text(exc))
            return
        self.accept()
