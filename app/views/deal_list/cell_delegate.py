"""Cells of the deal list: the stage painted as a coloured pill, and editors for editing in place."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.services.container import Services
from app.ui.colors import text_color_on
from app.ui.date_input import DateInput
from app.ui.formatting import parse_money
from app.views.deal_list.deal_table_model import (
    COL_AMOUNT,
    COL_CLOSE,
    COL_RESPONSIBLE,
    COL_STAGE,
    DealRowRole,
    StageColorRole,
)


class DealCellDelegate(QStyledItemDelegate):
    """Paints stages; edits title, amount, close date, stage and responsible with fitting editors."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services

    # -- editing ---------------------------------------------------------------------------------

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        column = index.column()
        deal = index.data(DealRowRole)
        if column == COL_CLOSE:
            edit = DateInput(self.tr("none"), parent)
            edit.setAutoFillBackground(True)
            return edit
        if column == COL_STAGE and deal is not None:
            combo = QComboBox(parent)
            pipeline = next((p for p in self._services.pipelines.list() if p.id == deal.pipeline_id), None)
            for stage in pipeline.stages if pipeline else ():
                combo.addItem(stage.name, stage.id)
            return combo
        if column == COL_RESPONSIBLE:
            combo = QComboBox(parent)
            for user in self._services.users.list():
                combo.addItem(user.name, user.id)
            return combo
        line = QLineEdit(parent)
        if column == COL_AMOUNT:
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateInput):
            editor.set_date(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            if isinstance(value, Decimal):
                editor.setText(format(value, "f").replace(".", QLocale().decimalPoint()))
            else:
                editor.setText("" if value is None else str(value))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value: object
        if isinstance(editor, DateInput):
            # text that is no date goes on as typed: the service refuses it in the user's terms
            value = editor.date() if editor.is_valid() else editor.line.text().strip()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            value = parse_money(editor.text()) if index.column() == COL_AMOUNT else editor.text()
        else:
            return
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    # -- painting --------------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        color = index.data(StageColorRole) if index.column() == COL_STAGE else None
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not color or not text:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection background and focus as usual, without the text
            bare = QStyleOptionViewItem(option)
            self.initStyleOption(bare, index)
            bare.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, bare, painter, option.widget)
        background = QColor(color)
        metrics = option.fontMetrics
        height = metrics.height() + 4
        width = min(option.rect.width() - 8, metrics.horizontalAdvance(text) + 16)
        pill = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(text_color_on(background))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(pill.width()) - 12)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != COL_STAGE:
            return size
        return QSize(size.width() + 16, max(size.height(), option.fontMetrics.height() + 8))
