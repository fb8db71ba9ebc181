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
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
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
    CellLook,
    DealRowRole,
    DealTableModel,
)


class DealCellDelegate(QStyledItemDelegate):
    """Paints stages; edits title, amount, close date, stage and responsible with fitting editors."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._last: tuple[int, int, CellLook | None] | None = None  # the cell being painted

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

    def _look(self, index: QModelIndex | QPersistentModelIndex) -> CellLook | None:
        row, column = index.row(), index.column()
        if self._last is not None and self._last[0] == row and self._last[1] == column:
            return self._last[2]  # painting the cell asks twice: in `paint`, then in `initStyleOption`
        model = index.model()
        look = model.cell_look(row, column) if isinstance(model, DealTableModel) else None
        self._last = (row, column, look)
        return look

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """What Qt's own would ask the model role by role, taken from one `cell_look`."""
        look = self._look(index)
        if look is None:
            super().initStyleOption(option, index)
            return
        if isinstance(index, QModelIndex):  # (Qt paints with plain indexes)
            option.index = index
        if look.font is not None:
            option.font = look.font.resolve(option.font)
            option.fontMetrics = QFontMetrics(option.font)
        if look.alignment is not None:
            option.displayAlignment = look.alignment
        if look.foreground is not None:
            palette = QPalette(option.palette)
            palette.setBrush(QPalette.ColorRole.Text, look.foreground)
            option.palette = palette
        if look.text is not None:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.text = str(look.text)

    # -- painting --------------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self._last = None  # a cell painted anew: its look read anew, and kept only while painting it
        try:
            look = self._look(index)
            if look is None or not look.stage_color or not look.text:
                super().paint(painter, option, index)
            else:
                self._paint_stage(painter, option, index, look.stage_color, str(look.text))
        finally:
            self._last = None

    def _paint_stage(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        color: str,
        text: str,
    ) -> None:
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
