"""File › Restore from a backup…: the backups with their dates and what they hold, one restored.

The list is read (each backup checked) off the GUI thread. Restoring asks first, keeps a copy of
the current file, then puts the backup in place; Dealdesk then restarts on the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.setup.backups import BackupInfo
from app.ui.i18n import error_text
from app.ui.operations import Operation, Progress, run_in_background
from app.ui.settings import BACKUP_FOLDER, UserSettings


class BackupsDialog(QDialog):
    restored = Signal(str)  # the copy kept of the file as it was: the window restarts on the restored data
    backed_up = Signal()

    def __init__(self, services: Services, settings: UserSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self._services = services
        self._settings = settings
        self._backups: list[BackupInfo] = []
        self._operation: Operation | None = None

        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("Change folder…"))
        change.clicked.connect(self._change_folder)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(change)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("backupList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Deals"), self.tr("Companies"), self.tr("Size"), self.tr("Check")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.note = QLabel(
            self.tr(
                "Restoring replaces everything in the database with the backup. A copy of the current "
                "file is kept in the backup folder first, and Dealdesk restarts on the restored data."
            )
        )
        self.note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = buttons.addButton(self.tr("Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("Restore…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.setObjectName("backupNow")
        self.restore_button.setObjectName("restoreBackup")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------

    @property
    def chosen_folder(self) -> str:
        return self._settings.get(BACKUP_FOLDER)

    def refresh(self) -> None:
        self.folder_label.setText(
            self.tr("Backup folder: %1").replace("%1", str(self._services.backups.folder(self.chosen_folder)))
        )
        self.table.setRowCount(0)
        self._update_buttons()
        backups, chosen = self._services.backups, self.chosen_folder
        self._reading = run_in_background(lambda: backups.list(chosen), self._show, self._failed)

    def _show(self, backups: list[BackupInfo]) -> None:
        self._backups = backups
        locale = QLocale()
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            made = locale.toString(backup.made_at, QLocale.FormatType.ShortFormat)
            if backup.before_restore:
                made += " " + self.tr("(kept before a restore)")
            check = self.tr("OK") if backup.ok else self.tr("Damaged: %1").replace("%1", backup.detail)
            cells = [
                made,
                locale.toString(backup.deals) if backup.deals is not None else "–",
                locale.toString(backup.companies) if backup.companies is not None else "–",
                locale.formattedDataSize(backup.size),
                check,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        good = next((row for row, b in enumerate(backups) if b.ok and not b.before_restore), None)
        if good is not None:
            self.table.selectRow(good)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Backups not read"), error_text(error))

    def _update_buttons(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and backup.ok)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._backups):
            return None
        return self._backups[rows[0].row()]

    # -- acting ---------------------------------------------------------------------------------

    def _change_folder(self) -> None:
        start = str(self._services.backups.folder(self.chosen_folder))
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self._settings.set(BACKUP_FOLDER, chosen)
            self.refresh()

    def back_up_now(self) -> None:
        backups, chosen = self._services.backups, self.chosen_folder

        def work(progress: Progress) -> BackupInfo:
            return backups.make(chosen, progress)

        def done(_made: BackupInfo) -> None:
            self.backed_up.emit()
            self.refresh()

        self._operation = Operation(self, self.tr("Backing up the database…"), work, done, self._refused)
        self._operation.start()

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not backup.ok:
            return
        when = QLocale().toString(backup.made_at, QLocale.FormatType.LongFormat)
        answer = QMessageBox.question(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace everything in the database with the backup of %1 (%2 deals)?\n\n"
                "Changes made since then are gone from the database; a copy of the current file is kept "
                "in the backup folder. Everybody else should close Dealdesk first."
            )
            .replace("%1", when)
            .replace("%2", QLocale().toString(backup.deals or 0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        backups, chosen, path = self._services.backups, self.chosen_folder, backup.path

        def work(_progress: Progress) -> Path:
            return backups.restore(path, chosen)

        def done(kept: Path) -> None:
            self.restored.emit(str(kept))
            self.accept()

        self._operation = Operation(self, self.tr("Restoring the backup…"), work, done, self._refused)
        self._operation.start()

    def _refused(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not done"), error_text(error))
        self.refresh()
