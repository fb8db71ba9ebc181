"""One kanban column: a header in the stage colour (name, count, total, "+") over a list of cards."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.task_dialog import kind_names
from app.services.container import Services
from app.services.setup.pipelines import StageInfo
from app.ui.colors import text_color_on
from app.views.kanban.card_delegate import CardDelegate
from app.views.kanban.card_model import CardListModel, read_cards_mime

STAGE_MIME = "application/x-dealdesk-stage"
COLUMN_WIDTH = 260


class CardListView(QListView):
    """The cards of a column; drags cards out, takes cards dropped in, and the keyboard moves."""

    open_requested = Signal(int)  # deal id
    pipeline_move_requested = Signal(list)  # [(deal id, version as shown)] of the selected cards
    task_requested = Signal(int, str)  # deal id, kind of task ("call", "meeting", ...)
    move_requested = Signal(int, int)  # deal id, direction (-1 left, +1 right)
    neighbour_requested = Signal(int, int)  # direction, row
    drop_refused = Signal(str)  # why cards may not be dropped here (the person's role)
    drag_started = Signal()
    drag_finished = Signal()

    def __init__(self, model: CardListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)  # one height for all: Qt never measures the rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The board's colour behind the cards (a style sheet here would also blacken the scroll bar).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.doubleClicked.connect(lambda index: self._open(index.row()))
        self.refusal = ""  # set by the board: why deals may not be moved into this stage ("" they may)

    @property
    def cards(self) -> CardListModel:
        model = self.model()
        assert isinstance(model, CardListModel)
        return model

    def _open(self, row: int) -> None:
        card = self.cards.card(row)
        if card is not None:
            self.open_requested.emit(card.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        row = self.indexAt(event.pos()).row()
        card = self.cards.card(row) if row >= 0 else None
        if card is None:
            return
        if not self.selectionModel().isRowSelected(row):
            self.setCurrentIndex(self.cards.index(row, 0))
        moves = [
            (c.id, c.version)
            for r in sorted(i.row() for i in self.selectedIndexes())
            if (c := self.cards.card(r))
        ]
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(card.id))
        plan = menu.addMenu(self.tr("Plan"))
        plan.setObjectName("planMenu")
        for kind, name in kind_names().items():
            plan.addAction(name + "…", lambda kind=kind: self.task_requested.emit(card.id, kind))
        menu.addAction(
            self.tr("Move to another pipeline…"),
            lambda: self.pipeline_move_requested.emit(moves or [(card.id, card.version)]),
        )
        menu.exec(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        row = self.currentIndex().row()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = -1 if key == Qt.Key.Key_Left else 1
            card = self.cards.card(row)
            if mods & Qt.KeyboardModifier.ControlModifier and card is not None:
                self.move_requested.emit(card.id, direction)
            else:
                self.neighbour_requested.emit(direction, max(0, row))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self._open(row)
            return
        super().keyPressEvent(event)

    # Drops are taken whole here: the board moves the deals through the services and re-reads.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_if_ours(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_if_ours(event)

    def _accept_if_ours(self, event: QDragMoveEvent) -> None:
        dropped = read_cards_mime(event.mimeData())
        if dropped is not None and dropped[0] != self.cards.stage_id and self.refusal:
            event.ignore()  # refused before the drop: the card goes back, the reason is said
            if isinstance(event, QDragEnterEvent):
                self.drop_refused.emit(self.refusal)
        elif dropped is not None and dropped[0] != self.cards.stage_id:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def startDrag(self, supported: Qt.DropAction) -> None:
        """The board shows which columns take the cards while they are dragged."""
        self.drag_started.emit()
        try:
            super().startDrag(supported)
        finally:
            self.drag_finished.emit()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = read_cards_mime(event.mimeData())
        if dropped is None or dropped[0] == self.cards.stage_id or self.refusal:
            event.ignore()
            return
        # A move; the source list's attempt to remove the rows afterwards is a no-op (the card
        # model has no removeRows): the board updates both columns from what was stored.
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.cards.cards_dropped.emit(self.cards.stage_id, dropped[0], dropped[1])


class ColumnHeader(QFrame):
    """The stage colour with name, count and total; dragged sideways to reorder stages."""

    add_requested = Signal(int)  # stage id
    stage_dropped = Signal(int, int)  # dragged stage id, onto this stage id

    def __init__(self, stage: StageInfo, movable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"header_{stage.id}")
        self.stage = stage
        self._movable = movable
        self._press: QPoint | None = None
        self._color = QColor(stage.color)
        palette = self.palette()  # the labels' text: dark or white, whichever reads on the colour
        palette.setColor(QPalette.ColorRole.WindowText, text_color_on(self._color))
        self.setPalette(palette)
        self.name = QLabel(stage.name)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.add = QToolButton()
        self.add.setObjectName("addDeal")
        self.add.setText("+")
        self.add.setToolTip(self.tr("New deal in this stage"))
        self.add.setAutoRaise(True)
        self.add.clicked.connect(lambda: self.add_requested.emit(stage.id))
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name)
        text.addWidget(self.figures)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addLayout(text, 1)
        row.addWidget(self.add, 0, Qt.AlignmentFlag.AlignTop)
        self.setAcceptDrops(movable)
        if movable:
            self.setToolTip(self.tr("Drag the header sideways to put the stage elsewhere"))
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def show_figures(self, count: int, total: str | None) -> None:
        """The count and, unless the person's roles hide sums (None), the total."""
        if total is None:
            self.figures.setText(self.tr("%Ln deal(s)", "", count))
        else:
            self.figures.setText(self.tr("%Ln deal(s) · %1", "", count).replace("%1", total))

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted, not styled: a style sheet per header made opening the board 30 ms slower.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawRoundedRect(QRectF(self.rect()), 5, 5)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if self._movable else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        mime = QMimeData()
        mime.setData(STAGE_MIME, QByteArray(str(self.stage.id).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab())
        self._press = None
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(STAGE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(STAGE_MIME):
            return
        dragged = int(bytes(event.mimeData().data(STAGE_MIME).data()).decode())
        event.acceptProposedAction()
        if dragged != self.stage.id:
            self.stage_dropped.emit(dragged, self.stage.id)


class StageColumn(QFrame):
    def __init__(
        self,
        services: Services,
        stage: StageInfo,
        base_currency: str,
        *,
        movable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"column_{stage.id}")
        self.stage = stage
        self._base_currency = base_currency
        self.setFixedWidth(COLUMN_WIDTH)
        self.header = ColumnHeader(stage, movable=movable)
        self.model = CardListModel(services, stage.id, self)
        self.view = CardListView(self.model)
        delegate = self.view.itemDelegate()
        if isinstance(delegate, CardDelegate):
            delegate.idle_days = stage.idle_days  # stale cards are marked
        self.view.setObjectName(f"cards_{stage.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def focused_card(self) -> int | None:
        card = self.model.card(self.view.currentIndex().row())
        return card.id if card else None

    def focus_row(self, row: int) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount():
            index = self.model.index(min(row, self.model.rowCount() - 1), 0)
            self.view.setCurrentIndex(index)

    def focus_card(self, deal_id: int) -> None:
        row = self.model.row_of(deal_id)
        if row is not None:
            self.focus_row(row)
            self.view.scrollTo(self.model.index(row, 0))
