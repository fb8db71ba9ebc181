"""Settings, a page per section listed on the left: general (language, the database, who is signed in),
deals, pipelines and stages, products, documents, fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text
from app.ui.settings import LANGUAGE, UserSettings
from app.views.automation.mail_settings import MailSettings, SmsSettings
from app.views.automation.rules_board import AutomationSettings
from app.views.documents_settings import DocumentsSettings
from app.views.fields_settings import FieldsSettings
from app.views.people_settings import PeopleSettings
from app.views.pipelines_settings.pipelines_settings import PipelinesSettings
from app.views.products_settings import ProductsSettings
from app.views.roles_settings.roles_settings import RolesSettings
from app.views.workflows.workflows_settings import WorkflowsSettings


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
        self.change_password = QPushButton(self.tr("Change my password…"))
        self.change_password.setObjectName("changePassword")
        self.change_password.setEnabled(services.actor is not None)
        database_form.addRow("", self.change_password)
        self._backup = QPushButton(self.tr("Back up database…"))
        self._backup.setObjectName("backupButton")
        self._backup.setEnabled(services.database.is_sqlite)
        database_form.addRow("", self._backup)

        self._services = services
        may_change = services.roles.may_manage_settings()
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
            else self.tr("Changing them needs the right to manage settings.")
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

        self.fields = FieldsSettings(services)
        self.pipelines = PipelinesSettings(services)
        self.products = ProductsSettings(services)
        self.documents = DocumentsSettings(services)
        self.people = PeopleSettings(services)
        self.roles = RolesSettings(services)
        self.automation = AutomationSettings(services)
        self.workflows = WorkflowsSettings(services)
        self.mail = MailSettings(services)
        self.sms = SmsSettings(services)
        messages = QWidget()
        messages_layout = QVBoxLayout(messages)
        messages_layout.setContentsMargins(0, 0, 0, 0)
        messages_layout.addWidget(self.mail)
        messages_layout.addWidget(self.sms)
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.setContentsMargins(0, 0, 0, 0)
        general_layout.addWidget(appearance)
        general_layout.addWidget(database)

        # One page per section, listed on the left (one long page overdrew the window when scrolled).
        self.sections = QListWidget()
        self.sections.setObjectName("settingsSections")
        self._stack = QStackedWidget()
        self._scrolls: list[QScrollArea] = []
        for name, section in (
            (self.tr("General"), general),
            (self.tr("Users and departments"), self.people),
            (self.tr("Roles and access rights"), self.roles),
            (self.tr("Deals"), deals),
            (self.tr("Pipelines and stages"), self.pipelines),
            (self.tr("Products"), self.products),
            (self.tr("Documents"), self.documents),
            (self.tr("Fields"), self.fields),
            (self.tr("Automation"), self.automation),
            (self.tr("Workflows"), self.workflows),
            (self.tr("E-mail and SMS"), messages),
        ):
            self.sections.addItem(name)
            self._stack.addWidget(self._page(section))
        self.sections.setCurrentRow(0)
        widest = max(
            self.sections.fontMetrics().horizontalAdvance(self.sections.item(r).text())
            for r in range(self.sections.count())
        )
        self.sections.setFixedWidth(widest + 28)
        title = QLabel(self.tr("Settings"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self._stack, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 12)
        outer.addWidget(title)
        outer.addLayout(body, 1)
        self.sections.currentRowChanged.connect(self._stack.setCurrentIndex)

        self._language.currentIndexChanged.connect(self._on_language_changed)
        self._backup.clicked.connect(self.backup_requested)
        self.change_password.clicked.connect(self._on_change_password)
        self.restart.clicked.connect(self.restart_requested)
        self._save_reasons.clicked.connect(self._on_save_reasons)

    def _page(self, section: QWidget) -> QScrollArea:
        if section not in (self.pipelines, self.people, self.roles):  # these use the whole width
            section.setMaximumWidth(900)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 0, 12, 12)
        layout.addWidget(section)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self._scrolls.append(scroll)
        return scroll

    def scroll_to(self, widget: QWidget) -> None:
        """Show the section that holds the widget, scrolled to it."""
        for row, scroll in enumerate(self._scrolls):
            if scroll.widget().isAncestorOf(widget):
                self.sections.setCurrentRow(row)
                scroll.ensureWidgetVisible(widget, 0, 24)
                return

    def _on_change_password(self) -> None:
        from app.dialogs.password_dialog import PasswordDialog

        if PasswordDialog(self._services, self).exec() == PasswordDialog.DialogCode.Accepted:
            QMessageBox.information(
                self,
                self.tr("Password set"),
                self.tr("Your password is set; Dealdesk asks for it when you sign in."),
            )

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
