"""Adding or changing a document template: name, kind, language, pipelines and the Word file (checked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.documents.templates import TemplateInfo
from app.ui.document_kinds import document_kind_names
from app.ui.i18n import error_text


class TemplateDialog(QDialog):
    """A template's name, kind, language and pipelines; what placeholders it uses, unknown ones warned."""

    def __init__(
        self,
        services: Services,
        content: bytes,
        file_name: str,
        template: TemplateInfo | None = None,
        parent: QWidget | None = None,
        checked: tuple[list[str], list[str]] | None = None,
    ) -> None:
        """`checked`: the placeholders used and unknown, when the file was checked already (off the
        GUI thread: checking fills it for a sample deal)."""
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Document template"))
        self._services = services
        self.content, self.file_name, self.template = content, file_name, template
        self.saved: TemplateInfo | None = None
        self.name = QLineEdit(template.name if template else Path(file_name).stem)
        self.name.setObjectName("templateName")
        self.kind = QComboBox()
        self.kind.setObjectName("templateKind")
        for key, text in document_kind_names().items():
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(template.kind if template else "other")))
        self.language = QComboBox()
        self.language.setObjectName("templateLanguage")
        self.language.addItem("English (€1,234.56, 27 Nov 2026)", "en")
        self.language.addItem("Deutsch (1.234,56 €, 27.11.2026)", "de")
        self.language.setCurrentIndex(max(0, self.language.findData(template.language if template else "en")))
        self.pipelines = QListWidget()
        self.pipelines.setObjectName("templatePipelines")
        self.pipelines.setMaximumHeight(90)
        for pipeline in services.pipelines.list():
            item = QListWidgetItem(pipeline.name)
            item.setData(Qt.ItemDataRole.UserRole, pipeline.id)
            chosen = template is not None and pipeline.id in template.pipeline_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.pipelines.addItem(item)
        used, unknown = checked or services.document_templates.check_template(content, file_name)
        self.placeholders = QLabel(", ".join(used) or self.tr("none"))
        self.placeholders.setObjectName("templatePlaceholders")
        self.placeholders.setWordWrap(True)
        self.warning = QLabel(
            self.tr("Unknown placeholders (they stay empty): %1").replace("%1", ", ".join(unknown))
            if unknown
            else ""
        )
        self.warning.setObjectName("templateWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        self.warning.setVisible(bool(unknown))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Only for pipelines\n(none ticked: all)"), self.pipelines)
        form.addRow(self.tr("Uses"), self.placeholders)
        form.addRow("", self.warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_pipelines(self) -> list[int]:
        return [
            int(self.pipelines.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.pipelines.count())
            if self.pipelines.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _on_save(self) -> None:
        document_templates = self._services.document_templates
        try:
            if self.template is None:
                self.saved = document_templates.add_template(
                    self.name.text(),
                    self.kind.currentData(),
                    self.content,
                    self.file_name,
                    language=self.language.currentData(),
                    pipeline_ids=self.chosen_pipelines(),
                )
            else:
                self.saved = document_templates.update_template(
                    self.template.id,
                    self.template.version,
                    name=self.name.text(),
                    kind=self.kind.currentData(),
                    language=self.language.currentData(),
                    pipeline_ids=self.chosen_pipelines(),
                    content=self.content if self.content else None,
                    file_name=self.file_name,
                )
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Template not saved"), error_text(exc))
            return
        self.accept()
