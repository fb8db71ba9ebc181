"""The Timeline tab: everything that happened to the deal, newest first (who, when, old -> new)."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.dialogs.deal_form.history_format import HistoryFormat
from app.services.automation.running import read_said
from app.services.core.errors import Message
from app.services.core.history import HistoryItem
from app.ui.formatting import short_date
from app.ui.i18n import translate_message


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self.tree = QTreeWidget()
        self.tree.setObjectName("timeline")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def show_items(self, items: list[HistoryItem], fmt: HistoryFormat) -> None:
        self.tree.clear()
        for item in items:
            local = item.at.replace(tzinfo=UTC).astimezone()
            when = f"{short_date(local)} {local:%H:%M}"
            self.tree.addTopLevelItem(QTreeWidgetItem([when, item.user_name or "–", self._what(item, fmt)]))

    def _what(self, item: HistoryItem, fmt: HistoryFormat) -> str:
        if item.action == "created":
            return self.tr("Created “%1”").replace("%1", item.new_value or "")
        if item.action == "deleted":
            return self.tr("Deleted")
        if item.action == "document":
            return self.tr("Made the document %1").replace("%1", item.new_value or "")
        if item.action == "comment":
            return self.tr("Comment: %1").replace("%1", item.new_value or "")
        if item.action == "email":
            to, subject = item.field or "", item.new_value or ""
            return self.tr("E-mail to %1: %2").replace("%1", to).replace("%2", subject)
        if item.action == "sms":
            return (
                self.tr("SMS to %1: %2").replace("%1", item.field or "").replace("%2", item.new_value or "")
            )
        if item.action == "automation":  # what a rule did, said in the user's language
            text, params, context = read_said(item.new_value)
            words = translate_message(Message(text, params, context))
            if item.field:
                return self.tr("Automation “%1”: %2").replace("%1", item.field).replace("%2", words)
            return self.tr("Automation: %1").replace("%1", words)
        old, new = fmt.value(item.field, item.old_value), fmt.value(item.field, item.new_value)
        return f"{fmt.field(item.field)}: {old} → {new}"
