"""Possible duplicate contacts or companies, found by e-mail, phone or a similar name; merge or leave them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class DuplicatesDialog(QDialog):
    """Groups of records that look alike; choose two of a group and merge them."""

    merge_requested = Signal(int, int)  # keep, other

    def __init__(self, groups: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(640, 460)
        reasons = {
            "email": self.tr("same e-mail"),
            "phone": self.tr("same phone"),
            "name": self.tr("similar name"),
        }
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("E-mail"), self.tr("Phone")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for group in groups:
            head = QTreeWidgetItem([f"{group[0].name} ({reasons[group[0].reason.value]})", "", ""])
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for member in group:
                item = QTreeWidgetItem(
                    [f"#{member.id} {member.name}", member.email or "", member.phone or ""]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, member.id)
                head.addChild(item)
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr("Nothing looks duplicated.")
            if not groups
            else self.tr("Select two records of a group and merge them; the first one is kept.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton(self.tr("Merge…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.setObjectName("mergeDuplicates")
        self.merge_button.clicked.connect(self._on_merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _on_merge(self) -> None:
        ids = sorted(int(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.tree.selectedItems())
        if len(ids) != 2:
            QMessageBox.information(self, self.tr("Merge"), self.tr("Select two records to merge."))
            return
        self.merge_requested.emit(ids[0], ids[1])

    def remove_pair(self, keep: int, other: int) -> None:
        for top in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(top)
            for child in reversed(range(head.childCount())):
                if int(head.child(child).data(0, Qt.ItemDataRole.UserRole)) == other:
                    head.removeChild(head.child(child))
