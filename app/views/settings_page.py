"""Settings: language, the database in use and its backup, who is signed in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.ui.settings import LANGUAGE, UserSettings


class SettingsPage(QWidget):
    backup_requested = Signal()

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
        appearance = QGroupBox(self.tr("Language"))
        appearance_form = QFormLayout(appearance)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        appearance_form.addRow(self.tr("Language of the window"), self._language)
        appearance_form.addRow(self._language_note)

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        title = QLabel(self.tr("Settings"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        for group in (appearance, database):
            group.setMaximumWidth(900)
            layout.addWidget(group)
        layout.addStretch(1)

        self._language.currentIndexChanged.connect(self._on_language_changed)
        self._backup.clicked.connect(self.backup_requested)

    def _on_language_changed(self, _index: int) -> None:
        self._settings.set(LANGUAGE, self._language.currentData())
        self._language_note.show()
