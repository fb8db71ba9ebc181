"""Edits a cell of the role matrix with a list of levels (and "as above" where a cell can inherit),
or, in the moves column of a pipeline, any stage / no stage / the stages ticked below."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services.access.rights import Level
from app.views.roles_settings.role_matrix_model import INHERIT, MOVE_COLUMN, LevelRole, level_names

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoleMatrix", text)


class LevelDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("levelEditor")
        if index.column() == MOVE_COLUMN:
            for key, text in (
                ("any", _tr("any stage")),
                ("none", _tr("no stage")),
                ("chosen", _tr("the stages ticked below")),
            ):
                editor.addItem(text, key)
        else:
            if index.parent().isValid():  # a pipeline or a stage: may take the level above
                editor.addItem(_tr("as above"), INHERIT)
            for level in Level:
                editor.addItem(level_names()[level], level.value)
        editor.activated.connect(lambda _i: self._chosen(editor))
        return editor

    def _chosen(self, editor: QComboBox) -> None:
        """A level picked from the list is the cell's at once, and the list closes."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(LevelRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        editor.setGeometry(option.rect)  # type: ignore[attr-defined]


__all__ = ["LevelDelegate"]
