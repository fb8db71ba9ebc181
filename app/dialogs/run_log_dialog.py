"""The automation run log: every job — which rule or trigger, for which deal, when, with what outcome —
filtered by outcome or searched; a failed, late or cancelled one can be run again."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.automation.log import JobInfo
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.ui.i18n import error_text, translate_message

JobRole = Qt.ItemDataRole.UserRole + 1
FAILED = QColor("#b3261e")


def status_names() -> dict[str, str]:
    return {
        "waiting": QCoreApplication.translate("RunLogDialog", "Waiting"),
        "running": QCoreApplication.translate("RunLogDialog", "Running"),
        "done": QCoreApplication.translate("RunLogDialog", "Done"),
        "failed": QCoreApplication.translate("RunLogDialog", "Failed"),
        "skipped": QCoreApplication.translate("RunLogDialog", "Skipped"),
        "cancelled": QCoreApplication.translate("RunLogDialog", "Cancelled"),
        "late": QCoreApplication.translate("RunLogDialog", "Late, not run"),
    }


class RunLogDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runLogDialog")
        self.setWindowTitle(self.tr("Automation run log"))
        self._services = services
        self.status = QComboBox()
        self.status.setObjectName("logStatus")
        self.status.addItem(self.tr("Every outcome"), "")
        for key, label in status_names().items():
            self.status.addItem(label, key)
        self.search = QLineEdit()
        self.search.setObjectName("logSearch")
        self.search.setPlaceholderText(self.tr("Search by deal or rule…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.retry = QPushButton(self.tr("Run again"))
        self.retry.setObjectName("retryJob")
        self.retry.setEnabled(False)
        self.counts = QLabel()
        self.counts.setObjectName("logCounts")
        self.tree = QTreeWidget()
        self.tree.setObjectName("jobs")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Rule or trigger"),
                self.tr("Deal"),
                self.tr("Outcome"),
                self.tr("What happened"),
            ]
        )
        header = self.tree.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        bar = QHBoxLayout()
        for widget in (self.status, self.search, self.retry):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.counts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        jobs = QWidget()
        jobs_layout = QVBoxLayout(jobs)
        jobs_layout.addLayout(bar)
        jobs_layout.addWidget(self.tree, 1)
        # The outbox: each e-mail and SMS, whether it went out, its attempts and the server's words.
        self.messages = QTreeWidget()
        self.messages.setObjectName("outbox")
        self.messages.setRootIsDecorated(False)
        self.messages.setHeaderLabels(
            [
                self.tr("Queued"),
                self.tr("Kind"),
                self.tr("To"),
                self.tr("Subject"),
                self.tr("State"),
                self.tr("Attempts"),
                self.tr("Server's answer"),
            ]
        )
        for column in range(6):
            self.messages.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.send_again = QPushButton(self.tr("Send again"))
        self.send_again.setObjectName("sendAgain")
        self.send_again.setEnabled(False)
        outbox = QWidget()
        outbox_layout = QVBoxLayout(outbox)
        outbox_bar = QHBoxLayout()
        outbox_bar.addWidget(self.send_again)
        outbox_bar.addStretch(1)
        outbox_layout.addLayout(outbox_bar)
        outbox_layout.addWidget(self.messages, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(jobs, self.tr("Jobs"))
        self.tabs.addTab(outbox, self.tr("E-mails and SMS"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.messages.currentItemChanged.connect(self._message_selected)
        self.send_again.clicked.connect(self.resend)
        self.status.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.tree.currentItemChanged.connect(self._selected)
        self.retry.clicked.connect(self.run_again)
        self.resize(980, 560)
        self.reload()

    def reload(self) -> None:
        jobs = self._services.automation_log.jobs(
            status=self.status.currentData() or None, search=self.search.text().strip() or None
        )
        names = status_names()
        self.tree.clear()
        for job in jobs:
            local = job.due_at.replace(tzinfo=UTC).astimezone()
            item = QTreeWidgetItem(
                [
                    QLocale().toString(local, QLocale.FormatType.ShortFormat),
                    job.name,
                    f"{job.deal_title or ''} (#{job.deal_id})",
                    names.get(job.status, job.status),
                    translate_message(job.result) if job.result else "",
                ]
            )
            item.setData(0, JobRole, job)
            if job.status in ("failed", "late"):
                for column in (3, 4):
                    item.setForeground(column, QBrush(FAILED))
            self.tree.addTopLevelItem(item)
        counts = self._services.automation_log.counts()
        self.counts.setText(
            self.tr("%1 waiting · %2 failed · %3 done")
            .replace("%1", QLocale().toString(counts["waiting"]))
            .replace("%2", QLocale().toString(counts["failed"] + counts["late"]))
            .replace("%3", QLocale().toString(counts["done"]))
        )
        self._selected(self.tree.currentItem(), None)
        self._reload_messages()

    def _reload_messages(self) -> None:
        states = {
            "queued": self.tr("Queued"),
            "sending": self.tr("Sending"),
            "sent": self.tr("Sent"),
            "failed": self.tr("Failed"),
        }
        self.messages.clear()
        for message in self._services.outbox.messages():
            local = message.created_at.replace(tzinfo=UTC).astimezone()
            item = QTreeWidgetItem(
                [
                    QLocale().toString(local, QLocale.FormatType.ShortFormat),
                    "E-mail" if message.channel == "email" else "SMS",
                    message.recipient,
                    message.subject or "",
                    states.get(message.status, message.status),
                    QLocale().toString(message.attempts),
                    message.error or "",
                ]
            )
            item.setData(0, JobRole, message)
            if message.status == "failed":
                for column in (4, 6):
                    item.setForeground(column, QBrush(FAILED))
            self.messages.addTopLevelItem(item)

    def _message_selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        message = item.data(0, JobRole) if item is not None else None
        self.send_again.setEnabled(message is not None and message.status == "failed")

    def resend(self) -> None:
        item = self.messages.currentItem()
        message = item.data(0, JobRole) if item is not None else None
        if message is None:
            return
        self._services.outbox.retry(message.id)
        self._reload_messages()

    def _selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        job: JobInfo | None = item.data(0, JobRole) if item is not None else None
        self.retry.setEnabled(job is not None and job.status in ("failed", "late", "skipped", "cancelled"))

    def run_again(self) -> None:
        item = self.tree.currentItem()
        job: JobInfo | None = item.data(0, JobRole) if item is not None else None
        if job is None:
            return
        try:
            self._services.automation_log.retry(job.id)
        except ServiceError as exc:
            self.counts.setText(error_text(exc))
            return
        self.reload()
