"""Paints a kanban card: title, customer, amount, responsible's initials, close date, its activity: an
overdue badge (how many), the next step's day ("Today" or a date), or a quiet ring when none is planned.

No widget per card: the list asks this delegate to paint the rows it shows. The texts of a card
(elided to the column's width, money and date in the user's notation) are made once and kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.services.deals.kanban import Card
from app.services.deals.stale import idle_days_of, is_stale
from app.ui.formatting import money, short_date
from app.views.kanban.card_model import CardRole

MARGIN = 5
PADDING = 8
BORDER = QColor("#d6dbe1")
FOCUS = QColor("#2f7bea")
SELECTED = QColor("#eef4fe")
CARD = QColor("#ffffff")
BADGE = QColor("#7c8fa6")
OVERDUE = QColor("#d93025")
MUTED = QColor("#5b6470")
TASK = QColor("#f29900")
STALE = QColor("#c26401")
NEXT_TODAY = QColor("#1f6fb2")  # a task due later today
WHITE = QColor("#ffffff")
OVERDUE_MARKER = 22  # px the overdue badge takes from the title
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MAX_CACHED = 5_000
MAX_PICTURE_BYTES = 24 * 2**20  # the cards' pictures kept: a full board's, twice over


@dataclass(frozen=True, slots=True)
class _Texts:
    title: str
    customer: str
    amount: str
    close_date: str
    overdue: bool
    initials: str
    idle: str  # "idle 12 d" on a stale card, else ""
    next_step: str  # the next open task's day: "Today", or its date; "" when none is to come
    next_today: bool


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = date.today()  # noqa: DTZ011 - overdue by the user's calendar
        self._fonts_for: str | None = None
        self._bold = QFont()
        self._small = QFont()
        self._bold_metrics = QFontMetrics(self._bold)
        self._texts: dict[tuple[object, ...], _Texts] = {}
        self._pictures: dict[tuple[object, ...], QPixmap] = {}  # least recently used first
        self._kept_bytes = 0
        self.idle_days: int | None = None  # of the column's stage: longer and the card is stale

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

    def _fonts(self, font: QFont) -> None:
        key = font.key()
        if key == self._fonts_for:
            return
        self._fonts_for = key
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._bold_metrics = QFontMetrics(self._bold)
        self._small = QFont(font)
        self._small.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        self._small.setBold(True)
        self._texts.clear()
        self._pictures.clear()
        self._kept_bytes = 0

    def _texts_of(self, card: Card, option: QStyleOptionViewItem, title_width: int, width: int) -> _Texts:
        key = (card.id, card.version, width, card.overdue_tasks, card.next_due)
        texts = self._texts.get(key)
        if texts is None:
            if len(self._texts) > MAX_CACHED:
                self._texts.clear()
            elide = Qt.TextElideMode.ElideRight
            texts = _Texts(
                self._bold_metrics.elidedText(card.title, elide, title_width),
                option.fontMetrics.elidedText(card.customer or "", elide, width),
                money(card.amount, card.currency),
                short_date(card.close_date),
                card.close_date is not None and card.close_date < self.today,
                card.initials or "–",
                self._idle_text(card),
                *self._next_step(card),
            )
            self._texts[key] = texts
        return texts

    def _next_step(self, card: Card) -> tuple[str, bool]:
        if card.next_due is None:
            return "", False
        day = card.next_due.replace(tzinfo=UTC).astimezone().date()
        if day == self.today:
            return "◷ " + self.tr("Today"), True
        return "◷ " + QLocale().toString(day, "d MMM"), False  # short: a card has little room

    def _idle_text(self, card: Card) -> str:
        if not is_stale(card.stage_changed_at, self.idle_days, False):
            return ""
        return self.tr("idle %Ln d", "", idle_days_of(card.stage_changed_at))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """A card from its picture, made once for what it shows (a board repainted after a move, or
        scrolled, paints pictures: a card drawn anew is ~0.25 ms of drawing calls, each of them a
        call from Qt into Python and back)."""
        card: Card | None = index.data(CardRole)
        if card is None:
            return
        self._fonts(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        size = option.rect.size()
        inner_width = size.width() - 2 * MARGIN - 2 * PADDING
        line = option.fontMetrics.height()
        marker = OVERDUE_MARKER if card.overdue_tasks else 0  # room for the overdue badge
        texts = self._texts_of(card, option, inner_width - (line + 4) - 6 - marker, inner_width)
        ratio = painter.device().devicePixelRatioF()
        text_color = option.palette.text().color()
        shown = (card.overdue_tasks, card.has_open_task, selected, focused, text_color.rgba())
        key = (texts, *shown, size.width(), size.height(), ratio)
        picture = self._pictures.pop(key, None)
        if picture is None:
            picture = QPixmap(size * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), size)
            drawing = QPainter(picture)
            try:
                self._draw(drawing, local, card, texts, selected, focused)
            finally:
                drawing.end()
            self._kept_bytes += picture.width() * picture.height() * 4
            while self._pictures and self._kept_bytes > MAX_PICTURE_BYTES:
                oldest = self._pictures.pop(next(iter(self._pictures)))
                self._kept_bytes -= oldest.width() * oldest.height() * 4
        self._pictures[key] = picture  # (the most recently used last)
        painter.drawPixmap(option.rect.topLeft(), picture)

    def _draw(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        card: Card,
        texts: _Texts,
        selected: bool,
        focused: bool,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
        painter.setPen(QPen(FOCUS if selected or focused else BORDER, 2 if selected else 1))
        painter.setBrush(SELECTED if selected else CARD)
        painter.drawRoundedRect(box, 6, 6)

        inner = box.toRect().adjusted(PADDING, PADDING - 2, -PADDING, -PADDING + 2)
        line = option.fontMetrics.height()
        badge = line + 4  # the initials' circle
        text_color = option.palette.text().color()
        # Row 1: title (bold), initials and the open-task marker on the right.
        painter.setFont(self._bold)
        painter.setPen(text_color)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width() - badge - 6, line), LEFT, texts.title)
        circle = QRectF(inner.right() - badge + 1, inner.top() - 2, badge, badge)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE)
        painter.drawEllipse(circle)
        painter.setFont(self._small)
        painter.setPen(WHITE)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, texts.initials)
        if card.overdue_tasks:  # overdue work shouts: a red badge with how many
            count = str(min(card.overdue_tasks, 99))
            size = float(OVERDUE_MARKER - 4)
            spot = QRectF(circle.left() - size - 3, inner.top() + (line - 14) / 2, size, 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OVERDUE)
            painter.drawRoundedRect(spot, 7, 7)
            painter.setFont(self._small)
            painter.setPen(WHITE)
            painter.drawText(spot, Qt.AlignmentFlag.AlignCenter, count)
        elif card.has_open_task:  # something planned
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TASK)
            painter.drawEllipse(QRectF(circle.left() - 3, circle.top() - 1, 8, 8))
        else:  # nothing planned: a quiet ring (Pipedrive's "no next activity")
            painter.setPen(MUTED)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(circle.left() - 3, circle.top() - 1, 7, 7))
        # Row 2: the customer; on a stale card, how long it has been idle.
        painter.setFont(option.font)
        painter.setPen(MUTED)
        row2 = QRect(inner.left(), inner.top() + line + 4, inner.width(), line)
        if texts.idle:
            idle_width = option.fontMetrics.horizontalAdvance(texts.idle) + 4
            row2.setWidth(row2.width() - idle_width)
            painter.setPen(STALE)
            painter.drawText(QRect(row2.right(), row2.top(), idle_width, line), RIGHT, texts.idle)
            painter.setBrush(STALE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(box.left(), box.top() + 6, 3, box.height() - 12), 1.5, 1.5)
            painter.setPen(MUTED)
        painter.drawText(row2, LEFT, texts.customer)
        # Row 3: amount on the left, close date on the right (red once it has passed).
        bottom = QRect(inner.left(), inner.top() + 2 * line + 8, inner.width(), line)
        painter.setFont(self._bold)
        painter.setPen(text_color)
        painter.drawText(bottom, LEFT, texts.amount)
        close_width = 0
        if texts.close_date:
            painter.setFont(option.font)
            painter.setPen(OVERDUE if texts.overdue else MUTED)
            painter.drawText(bottom, RIGHT, texts.close_date)
            close_width = option.fontMetrics.horizontalAdvance(texts.close_date)
        if texts.next_step:  # the next step's day, between amount and close date when there is room
            metrics = option.fontMetrics
            need = metrics.horizontalAdvance(texts.next_step)
            amount_width = self._bold_metrics.horizontalAdvance(texts.amount)
            if amount_width + need + close_width + 24 <= bottom.width():
                painter.setFont(option.font)
                painter.setPen(NEXT_TODAY if texts.next_today else MUTED)
                middle = QRect(bottom.left() + amount_width + 12, bottom.top(), need + 2, line)
                painter.drawText(middle, LEFT, texts.next_step)
        painter.restore()
