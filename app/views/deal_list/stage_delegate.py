"""Paints a deal's stage as a coloured pill, the way the kanban heads its columns."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.views.deal_list.deal_table_model import StageColorRole


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background (by perceived brightness)."""
    r, g, b = background.red(), background.green(), background.blue()
    return QColor("#1f2329") if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else QColor("#ffffff")


class StageDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        color = index.data(StageColorRole)
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
        return QSize(size.width() + 16, max(size.height(), option.fontMetrics.height() + 8))
