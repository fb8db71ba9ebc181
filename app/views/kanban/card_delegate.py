"""Paints a kanban card: title, customer, amount, responsible's initials, close date, open-task marker."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.services.kanban import Card
from app.ui.formatting import money, short_date
from app.views.kanban.card_model import CardRole

MARGIN = 5
PADDING = 8
OVERDUE = QColor("#d93025")
MUTED = QColor("#5b6470")
TASK = QColor("#f29900")


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = date.today()  # noqa: DTZ011 - overdue by the user's calendar

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(self._card_width(option), 3 * line + 2 * PADDING + 2 * MARGIN + 8)

    @staticmethod
    def _card_width(option: QStyleOptionViewItem) -> int:
        """The list's width less a scroll bar, shown or not: one width, so Qt measures one card only."""
        view = option.widget
        if isinstance(view, QAbstractScrollArea):
            frame = 2 * view.frameWidth()
            return max(120, view.width() - frame - view.verticalScrollBar().sizeHint().width())
        return 220

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: Card | None = index.data(CardRole)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setPen(
            QPen(QColor("#2f7bea") if selected or focused else QColor("#d6dbe1"), 2 if selected else 1)
        )
        painter.setBrush(QColor("#eef4fe") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(box, 6, 6)

        inner = box.toRect().adjusted(PADDING, PADDING - 2, -PADDING, -PADDING + 2)
        metrics = option.fontMetrics
        line = metrics.height()
        badge = line + 4  # the initials' circle
        # Row 1: title (bold), initials and the open-task marker on the right.
        bold = QFont(option.font)
        bold.setBold(True)
        title_rect = QRect(inner.left(), inner.top(), inner.width() - badge - 6, line)
        painter.setFont(bold)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(card.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        circle = QRectF(inner.right() - badge + 1, inner.top() - 2, badge, badge)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#7c8fa6"))
        painter.drawEllipse(circle)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.75))
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, card.initials or "–")
        if card.has_open_task:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TASK)
            painter.drawEllipse(QRectF(circle.left() - 3, circle.top() - 1, 8, 8))
        # Row 2: the customer.
        painter.setFont(option.font)
        painter.setPen(MUTED)
        customer_rect = QRect(inner.left(), inner.top() + line + 4, inner.width(), line)
        painter.drawText(
            customer_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(card.customer or "", Qt.TextElideMode.ElideRight, customer_rect.width()),
        )
        # Row 3: amount on the left, close date on the right (red once it has passed).
        bottom = QRect(inner.left(), inner.top() + 2 * line + 8, inner.width(), line)
        painter.setFont(bold)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            money(card.amount, card.currency),
        )
        if card.close_date is not None:
            overdue = card.close_date < self.today
            painter.setFont(option.font)
            painter.setPen(OVERDUE if overdue else MUTED)
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                short_date(card.close_date),
            )
        painter.restore()
