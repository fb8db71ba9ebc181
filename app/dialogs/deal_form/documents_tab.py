"""The deal form's Documents tab: the documents made for the deal (number, kind, date, who); a new one
from a template; open, save a copy, make a PDF."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from PySide6.QtCore import QDir, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.documents.service import DocumentInfo
from app.ui.document_kinds import document_kind_names
from app.ui.formatting import short_date
from app.ui.i18n import error_text
from app.ui.open_file import open_document
from app.ui.operations import Operation


class DocumentsTab(QWidget):
    made = Signal()  # a document was made (the deal's timeline shows it)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsTab")
        self._services = services
        self.deal_id: int | None = None
        self.pipeline_id: int | None = None
        self._documents: list[DocumentInfo] = []
        self.opened: list[Path] = []  # files handed to the system's viewer (tests look here)
        self.tree = QTreeWidget()
        self.tree.setObjectName("documents")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Number"), self.tr("Document"), self.tr("Kind"), self.tr("Date"), self.tr("By"), "PDF"]
        )
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # numbers and dates whole
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        self.new = QPushButton(self.tr("New document…"))
        self.new.setObjectName("newDocument")
        self.open = QPushButton(self.tr("Open"))
        self.open.setObjectName("openDocument")
        self.save_as = QPushButton(self.tr("Save a copy…"))
        self.save_as.setObjectName("saveDocument")
        self.pdf = QPushButton(self.tr("Make PDF"))
        self.pdf.setObjectName("makePdf")
        self.note = QLabel()
        self.note.setObjectName("documentsNote")
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addStretch(1)
        for button in (self.open, self.save_as, self.pdf):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        self.new.clicked.connect(self.new_document)
        self.open.clicked.connect(self.open_selected)
        self.save_as.clicked.connect(self._on_save_as)
        self.pdf.clicked.connect(self._on_pdf)

    def show_deal(self, deal_id: int, pipeline_id: int | None) -> None:
        self.deal_id, self.pipeline_id = deal_id, pipeline_id
        self.refresh()

    def refresh(self) -> None:
        if self.deal_id is None:
            return

        kinds = document_kind_names()
        self._documents = self._services.documents.documents(self.deal_id)
        self.tree.clear()
        for document in self._documents:
            local = document.created_at.replace(tzinfo=UTC).astimezone()
            item = QTreeWidgetItem(
                [
                    document.number,
                    document.title,
                    kinds.get(document.kind, document.kind),
                    short_date(local),
                    document.created_by or "–",
                    "✓" if document.has_pdf else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, document.id)
            self.tree.addTopLevelItem(item)
        if self._documents:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        templates = self._services.document_templates.templates(self.pipeline_id, for_deals=True)
        self.new.setEnabled(bool(templates))
        self._enable()
        self.note.setText(
            ""
            if templates
            else self.tr("No template yet: an administrator adds them in Settings › Document templates.")
        )

    def _enable(self) -> None:
        """Open, Save a copy and Make PDF act on the document chosen: off while there is none."""
        chosen = self.selected() is not None
        for button in (self.open, self.save_as, self.pdf):
            button.setEnabled(chosen)

    def selected(self) -> DocumentInfo | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return next((d for d in self._documents if d.id == item.data(0, Qt.ItemDataRole.UserRole)), None)

    def new_document(self) -> None:
        """Ask for a template, then make the document off the GUI thread (a template is filled in a
        bounded worker: up to a few seconds for a large one); it opens when it is made."""
        if self.deal_id is None:
            return
        # The templates in the language the user works in first (an English user gets "Quote" first).
        language = "de" if QLocale().language() == QLocale.Language.German else "en"
        templates = sorted(
            self._services.document_templates.templates(self.pipeline_id, for_deals=True),
            key=lambda t: t.language != language,
        )
        names = [t.name for t in templates]
        chosen, ok = QInputDialog.getItem(self, self.tr("New document"), self.tr("Template"), names, 0, False)
        if not ok or chosen not in names:
            return
        template = templates[names.index(chosen)]
        documents, deal_id = self._services.documents, self.deal_id

        def done(_made: DocumentInfo) -> None:
            self.refresh()
            self.made.emit()
            self.open_selected()

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Document not made"), error_text(error))

        self._making = Operation(
            self,
            self.tr("Making the document…"),
            lambda _progress: documents.make(deal_id, template.id),
            done,
            failed,
        )
        self._making.start()

    def open_selected(self) -> None:
        document = self.selected()
        if document is None:
            return
        self.opened.append(open_document(self, *self._services.documents.content(document.id)))

    def _on_save_as(self) -> None:
        document = self.selected()
        if document is None:
            return
        target, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy"),
            str(Path(QDir.homePath()) / document.file_name),
            self.tr("Word documents (*.docx)"),
        )
        if target:
            Path(target).write_bytes(self._services.documents.content(document.id)[1])

    def _on_pdf(self) -> None:
        document = self.selected()
        if document is None:
            return
        try:
            self._services.documents.make_pdf(document.id)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.information(self, self.tr("No PDF"), error_text(exc))
            return
        self.refresh()
