"""The stages of one pipeline as a table (name, colour, kind, probability, idle days, time spent in
it), edited in place; an edit is handed on as a change to save, the model never writes itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services.setup.pipelines import StageInfo
from app.ui.colors import text_color_on

COL_NAME, COL_COLOR, COL_KIND, COL_PROBABILITY, COL_IDLE, COL_AVERAGE = range(6)
StageRole = Qt.ItemDataRole.UserRole + 1
MAX_IDLE_DAYS = 3650
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FIXED = QColor("#9aa5b1")


def kind_names() -> dict[str, str]:
    return {
        "in_progress": QCoreApplication.translate("PipelinesSettings", "In progress"),
        "won": QCoreApplication.translate("PipelinesSettings", "Success"),
        "lost": QCoreApplication.translate("PipelinesSettings", "Failure"),
    }


class StageTableModel(QAbstractTableModel):
    """One row per stage, in the pipeline's order; `edited` asks for a change to be saved."""

    edited = Signal(object, dict)  # the StageInfo as shown, {field: new value}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stages: list[StageInfo] = []
        self._averages: dict[int, float] | None = None  # None until read
        self._editable = True
        self._kinds = kind_names()
        self._headers = (
            self.tr("Stage"),
            self.tr("Colour"),
            self.tr("Kind"),
            self.tr("Probability"),
            self.tr("Idle after"),
            self.tr("Ø days in it"),
        )

    def set_stages(self, stages: list[StageInfo] | tuple[StageInfo, ...], *, editable: bool) -> None:
        self.beginResetModel()
        self._stages = list(stages)
        self._averages = None
        self._editable = editable
        self.endResetModel()

    def set_averages(self, averages: dict[int, float]) -> None:
        """Days deals spend in each stage on average (read off the GUI thread)."""
        self._averages = averages
        if self._stages:
            self.dataChanged.emit(self.index(0, COL_AVERAGE), self.index(len(self._stages) - 1, COL_AVERAGE))

    def stage(self, row: int) -> StageInfo | None:
        return self._stages[row] if 0 <= row < len(self._stages) else None

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._stages)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        stage = self.stage(index.row()) if index.isValid() else None
        if stage is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stage, column)
        if role == Qt.ItemDataRole.EditRole:
            return {
                COL_NAME: stage.name,
                COL_PROBABILITY: stage.probability,
                COL_IDLE: stage.idle_days or 0,
            }.get(column)
        if role == StageRole:
            return stage
        if column == COL_COLOR and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(stage.color)
        if column == COL_COLOR and role == Qt.ItemDataRole.ForegroundRole:
            return text_color_on(QColor(stage.color))
        if column == COL_COLOR and role == Qt.ItemDataRole.ToolTipRole and self._editable:
            return self.tr("Double-click to choose a colour")
        if column == COL_IDLE and role == Qt.ItemDataRole.ForegroundRole and stage.is_closed:
            return _FIXED  # a closing stage is never idle: nothing to set
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PROBABILITY, COL_IDLE, COL_AVERAGE):
            return _RIGHT
        return None

    def _display(self, stage: StageInfo, column: int) -> Any:
        if column == COL_NAME:
            return stage.name
        if column == COL_COLOR:
            return stage.color
        if column == COL_KIND:
            return self._kinds[stage.semantic.value]
        if column == COL_PROBABILITY:
            return f"{stage.probability} %"
        if column == COL_IDLE:
            if stage.is_closed or not stage.idle_days:
                return self.tr("never")
            return self.tr("%Ln day(s)", "", stage.idle_days)
        if column == COL_AVERAGE:
            if self._averages is None:
                return ""
            days = self._averages.get(stage.id)
            return "–" if days is None else QLocale().toString(days, "f", 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        stage = self.stage(index.row()) if index.isValid() else None
        if stage is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        column = index.column()
        editable = column in (COL_NAME, COL_PROBABILITY) or (column == COL_IDLE and not stage.is_closed)
        if self._editable and editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        stage = self.stage(index.row()) if index.isValid() else None
        editable = bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        if stage is None or role != Qt.ItemDataRole.EditRole or not editable:
            return False
        column = index.column()
        if column == COL_NAME:
            changes: dict[str, Any] = {"name": str(value)}
        elif column == COL_PROBABILITY:
            changes = {"probability": int(value)}
        else:
            changes = {"idle_days": int(value) or None}
        if all(getattr(stage, key) == new for key, new in changes.items()):
            return False
        self.edited.emit(stage, changes)
        return True


class StageEditDelegate(QStyledItemDelegate):
    """Number editors with their ranges and units: 0–100 %, and idle days with 0 meaning never."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        if index.column() == COL_PROBABILITY:
            spin = QSpinBox(parent)
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            return spin
        if index.column() == COL_IDLE:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_IDLE_DAYS)
            spin.setSuffix(QCoreApplication.translate("PipelinesSettings", " days"))
            spin.setSpecialValueText(QCoreApplication.translate("PipelinesSettings", "never"))
            return spin
        return super().createEditor(parent, option, index)
