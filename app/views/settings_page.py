"""Settings: language, the database in use and its backup, who is signed in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text
from app.ui.settings import LANGUAGE, UserSettings
from app.views.documents_settings import DocumentsSettings
from app.views.fields_settings import FieldsSettings
from app.views.pipelines_settings.pipelines_settings import PipelinesSettings
from app.views.products_settings import ProductsSettings


class SettingsPage(QWidget):
    backup_requested = Signal()
    restart_requested = Signal()  # the language changed: start again in it

    def __init__(self, services: Services, settings: UserSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._settings = settings

        self._language = QComboBox()
        self._language.setObjectName("language")
        self._language.addItem(self.tr("As the system"), "")
        self._language.addItem("English", "en")
        self._language.addItem("Deutsch", "de")
        self._language.setCurrentIndex(max(0, self._language.findData(settings.get(LANGUAGE))))
        self._language_note = QLabel(self.tr("The new language shows when Dealdesk starts again."))
        self._language_note.setObjectName("languageNote")
        self._language_note.setWordWrap(True)
        self._language_note.hide()
        self.restart = QPushButton(self.tr("Restart now"))
        self.restart.setObjectName("restartNow")
        self.restart.hide()
        appearance = QGroupBox(self.tr("Language"))
        appearance_form = QFormLayout(appearance)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        appearance_form.addRow(self.tr("Language of the window"), self._language)
        appearance_form.addRow(self._language_note)
        appearance_form.addRow(self.restart)

        database = QGroupBox(self.tr("Database"))
        database_form = QFormLayout(database)
        database_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        location = QLabel(services.database.display_name)
        location.setObjectName("databaseLocation")
        location.setToolTip(services.database.display_name)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database_form.addRow(self.tr("In use"), location)
        user = services.actor.name if services.actor else self.tr("nobody")
        database_form.addRow(self.tr("Signed in as"), QLabel(user))
        self._backup = QPushButton(self.tr("Back up database…"))
        self._backup.setObjectName("backupButton")
        self._backup.setEnabled(services.database.is_sqlite)
        database_form.addRow("", self._backup)

        self._services = services
        may_change = services.actor is None or services.actor.is_admin
        self._loss_reasons = QPlainTextEdit()
        self._loss_reasons.setObjectName("lossReasons")
        self._loss_reasons.setPlainText("\n".join(services.office.loss_reasons()))
        self._loss_reasons.setMaximumHeight(150)
        self._loss_reasons.setMaximumWidth(520)
        self._loss_reasons.setReadOnly(not may_change)
        self._save_reasons = QPushButton(self.tr("Save reasons"))
        self._save_reasons.setObjectName("saveLossReasons")
        self._save_reasons.setEnabled(may_change)
        self._reasons_note = QLabel(
            self.tr("Offered when a deal is lost, one per line; people can add details in their own words.")
            if may_change
            else self.tr("Only an administrator may change them.")
        )
        self._reasons_note.setObjectName("lossReasonsNote")
        self._reasons_note.setWordWrap(True)
        deals = QGroupBox(self.tr("Deals"))
        deals_form = QFormLayout(deals)
        deals_form.addRow(self.tr("Reasons a deal is lost"), self._loss_reasons)
        deals_form.addRow("", self._reasons_note)
        save_row = QHBoxLayout()
        save_row.addWidget(self._save_reasons)
        save_row.addStretch(1)
        deals_form.addRow("", save_row)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        scroll = QScrollArea()
        self._scroll = scroll
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        title = QLabel(self.tr("Settings"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.fields = FieldsSettings(services)
        self.pipelines = PipelinesSettings(services)
        self.products = ProductsSettings(services)
        self.documents = DocumentsSettings(services)
        for group in (
            appearance,
            deals,
            self.pipelines,
            self.products,
            self.documents,
            self.fields,
            database,
        ):
            group.setMaximumWidth(900)
            layout.addWidget(group)
        layout.addStretch(1)

        self._language.currentIndexChanged.connect(self._on_language_changed)
        self._backup.clicked.connect(self.backup_requested)
        self.restart.clicked.connect(self.restart_requested)
        self._save_reasons.clicked.connect(self._on_save_reasons)

    def scroll_to(self, widget: QWidget) -> None:
        self._scroll.ensureWidgetVisible(widget, 0, 24)

    def _on_language_changed(self, _index: int) -> None:
        self._settings.set(LANGUAGE, self._language.currentData())
        self._language_note.show()
        self.restart.show()

    def _on_save_reasons(self) -> None:
        try:
            saved = self._services.office.set_loss_reasons(self._loss_reasons.toPlainText().splitlines())
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self._loss_reasons.setPlainText("\n".join(saved))
        self._reasons_note.setText(self.tr("Saved: %Ln reason(s).", "", len(saved)))
