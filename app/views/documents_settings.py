"""Settings > Document templates (add a Word file, name it, kind, language, pipelines; check its
placeholders; replace, remove; the shipped ones; the placeholder reference) and My company (the
letterhead's details, logo, and how documents are numbered)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.template_dialog import TemplateDialog
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.documents.templates import TemplateInfo
from app.ui.document_kinds import document_kind_names
from app.ui.i18n import error_text
from app.ui.operations import Operation


class DocumentsSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Document templates"))
        self.setObjectName("documentsSettings")
        self._services = services
        self._templates: list[TemplateInfo] = []
        may_change = services.roles.may_manage_settings()
        self.table = QTreeWidget()
        self.table.setObjectName("templateTable")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Language"), self.tr("Pipelines"), self.tr("File")]
        )
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.add = QPushButton(self.tr("Add a Word file…"))
        self.add.setObjectName("addTemplate")
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("editTemplate")
        self.replace_file = QPushButton(self.tr("Replace file…"))
        self.replace_file.setObjectName("replaceTemplate")
        self.remove = QPushButton(self.tr("Remove…"))
        self.remove.setObjectName("removeTemplate")
        self.shipped = QPushButton(self.tr("Add the ready-made ones"))
        self.shipped.setObjectName("addShippedTemplates")
        self.reference_button = QPushButton(self.tr("Placeholders…"))
        self.reference_button.setObjectName("placeholderReference")
        for button in (self.add, self.edit, self.replace_file, self.remove, self.shipped):
            button.setEnabled(may_change)
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.replace_file, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.shipped)
        buttons.addWidget(self.reference_button)

        self.company_fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        company = services.document_settings.my_company()
        form = QFormLayout()
        labels = {
            "name": self.tr("Company name"),
            "address": self.tr("Address"),
            "tax_id": self.tr("Tax ID"),
            "bank": self.tr("Bank"),
            "iban": self.tr("IBAN"),
            "bic": self.tr("BIC"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "payment_terms": self.tr("Payment terms"),
        }
        for key, label in labels.items():
            editor: QLineEdit | QPlainTextEdit
            if key == "address":
                editor = QPlainTextEdit(company.get(key, ""))
                editor.setMaximumHeight(64)
            else:
                editor = QLineEdit(company.get(key, ""))
            editor.setObjectName(f"company_{key}")
            editor.setReadOnly(not may_change)
            self.company_fields[key] = editor
            form.addRow(label, editor)
        self.logo_label = QLabel(self.tr("a logo is set") if company.get("logo") else self.tr("no logo"))
        self.logo_label.setObjectName("logoState")
        self.logo_button = QPushButton(self.tr("Choose logo…"))
        self.logo_button.setObjectName("chooseLogo")
        self.logo_button.setEnabled(may_change)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(self.logo_button)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo"), logo_row)
        self.patterns: dict[str, QLineEdit] = {}
        number_labels = {
            "quote": self.tr("Quote numbers"),
            "invoice": self.tr("Invoice numbers"),
            "reminder": self.tr("Payment reminders' numbers"),
            "contract": self.tr("Contract numbers"),
            "other": self.tr("Other documents' numbers"),
        }
        for kind in document_kind_names():
            editor = QLineEdit(services.document_settings.number_pattern(kind))
            editor.setObjectName(f"pattern_{kind}")
            editor.setReadOnly(not may_change)
            editor.setToolTip(
                self.tr("{PREFIX}, {YYYY} or {YY}, and {NNNN}: the running number with its digits")
            )
            self.patterns[kind] = editor
            form.addRow(number_labels[kind], editor)
        self.save_company = QPushButton(self.tr("Save the company's details"))
        self.save_company.setObjectName("saveCompany")
        self.save_company.setEnabled(may_change)
        company_box = QGroupBox(self.tr("My company (on documents)"))
        company_layout = QVBoxLayout(company_box)
        company_layout.addLayout(form)
        self.company_saved = QLabel()
        self.company_saved.setObjectName("companySaved")
        self.company_saved.setStyleSheet("color: #2e7d32;")
        saving = QHBoxLayout()
        saving.addWidget(self.save_company)
        saving.addWidget(self.company_saved)
        saving.addStretch(1)
        company_layout.addLayout(saving)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(company_box)

        self.add.clicked.connect(self._on_add)
        self.edit.clicked.connect(self._on_edit)
        self.replace_file.clicked.connect(self._on_replace)
        self.remove.clicked.connect(self._on_remove)
        self.shipped.clicked.connect(self._on_shipped)
        self.reference_button.clicked.connect(self.show_reference)
        self.logo_button.clicked.connect(self._on_logo)
        self.save_company.clicked.connect(self._on_save_company)
        if may_change:
            self.table.itemDoubleClicked.connect(lambda *_a: self._on_edit())
        self.refresh()

    def showEvent(self, event: object) -> None:
        """What another PC (or the command line) changed meanwhile shows when the settings do."""
        self.refresh()
        company = self._services.document_settings.my_company()
        for key, editor in self.company_fields.items():
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(company.get(key, ""))
            else:
                editor.setText(company.get(key, ""))
        self.logo_label.setText(self.tr("a logo is set") if company.get("logo") else self.tr("no logo"))
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._templates = self._services.document_templates.templates()
        pipelines = {p.id: p.name for p in self._services.pipelines.list()}
        kinds = document_kind_names()
        self.table.clear()
        for template in self._templates:
            where = ", ".join(pipelines.get(i, "?") for i in template.pipeline_ids) or self.tr("all")
            item = QTreeWidgetItem(
                [
                    template.name,
                    kinds.get(template.kind, template.kind),
                    template.language,
                    where,
                    template.file_name,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, template.id)
            self.table.addTopLevelItem(item)

    def _selected(self) -> TemplateInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        return next((t for t in self._templates if t.id == item.data(0, Qt.ItemDataRole.UserRole)), None)

    def _pick_file(self) -> tuple[bytes, str] | None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, self.tr("Word template"), QDir.homePath(), self.tr("Word documents (*.docx)")
        )
        if not chosen:
            return None
        try:
            return Path(chosen).read_bytes(), Path(chosen).name
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not read"), str(exc))
            return None

    def _dialog(self, content: bytes, file_name: str, template: TemplateInfo | None) -> None:
        """Check the file off the GUI thread (it is filled for a sample deal: a few seconds at most for a
        large one, and a hostile one is stopped there), then ask for its name, kind and pipelines."""
        templates = self._services.document_templates

        def checked(result: tuple[list[str], list[str]]) -> None:
            dialog = TemplateDialog(self._services, content, file_name, template, self, checked=result)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.refresh()

        def refused(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Template not added"), error_text(error))

        self._checking = Operation(
            self,
            self.tr("Checking the template…"),
            lambda _progress: templates.check_template(content, file_name),
            checked,
            refused,
        )
        self._checking.start()

    def _on_add(self) -> None:
        picked = self._pick_file()
        if picked is not None:
            self._dialog(picked[0], picked[1], None)

    def _on_edit(self) -> None:
        template = self._selected()
        if template is not None:
            self._dialog(
                self._services.document_templates.template_content(template.id), template.file_name, template
            )

    def _on_replace(self) -> None:
        template = self._selected()
        picked = self._pick_file() if template is not None else None
        if template is not None and picked is not None:
            self._dialog(picked[0], picked[1], template)

    def _on_remove(self) -> None:
        template = self._selected()
        if template is None:
            return
        text = self.tr("Remove the template “%1”? Documents made from it stay with their deals.").replace(
            "%1", template.name
        )
        if QMessageBox.question(self, self.tr("Remove template"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.document_templates.remove_template(template.id)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not removed"), error_text(exc))
        self.refresh()

    def _on_shipped(self) -> None:
        try:
            self._services.document_templates.add_shipped_templates()
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not added"), error_text(exc))
        self.refresh()

    def _on_logo(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), QDir.homePath(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if not chosen:
            return
        try:
            self._services.document_settings.set_my_company({}, logo=Path(chosen).read_bytes())
        except (OSError, ServiceError, DatabaseError) as exc:
            QMessageBox.warning(
                self, self.tr("Not saved"), error_text(exc) if isinstance(exc, ServiceError) else str(exc)
            )
            return
        self.logo_label.setText(self.tr("a logo is set"))

    def _on_save_company(self) -> None:
        values = {
            key: editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            for key, editor in self.company_fields.items()
        }
        try:
            self._services.document_settings.set_my_company(values)
            for kind, editor in self.patterns.items():
                if editor.text().strip() != self._services.document_settings.number_pattern(kind):
                    self._services.document_settings.set_number_pattern(kind, editor.text().strip())
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.company_saved.setText(
            self.tr("Saved at %1.").replace("%1", QTime.currentTime().toString("HH:mm"))
        )

    def show_reference(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("placeholderDialog")
        dialog.setWindowTitle(self.tr("Placeholders for templates"))
        dialog.resize(640, 520)
        tree = QTreeWidget()
        tree.setObjectName("placeholders")
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("Write in the Word file"), self.tr("Example (the newest deal)")])
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for placeholder, example in self._services.document_templates.reference():
            tree.addTopLevelItem(QTreeWidgetItem([placeholder, example]))
        note = QLabel(self.tr("Amounts and dates are written as the template's language writes them."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(note)
        layout.addWidget(tree, 1)
        layout.addWidget(buttons)
        self.reference_dialog = dialog
        dialog.exec()
