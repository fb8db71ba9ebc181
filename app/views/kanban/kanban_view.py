"""The kanban board: one pipeline's stages in progress as columns of cards; Won and Lost as drop zones.

Every move goes through the services (version checked, history, events); the board then updates
the cards it shows in place and re-reads only the counts of the columns concerned.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.task_dialog import TaskDialog
from app.services.container import Services
from app.services.core.errors import DatabaseError, MissingFieldsError, ServiceError
from app.services.core.events import DomainEvent
from app.services.deals.filters import DealFilter
from app.services.deals.kanban import Card
from app.services.setup.pipelines import PipelineInfo, StageInfo
from app.ui.formatting import money
from app.ui.operations import run_in_background
from app.views.kanban.close_zone import CloseZone
from app.views.kanban.stage_column import StageColumn

UPDATE_DELAY_MS = 120  # changes arriving together (a bulk edit, another PC) update the board once
MAX_IN_PLACE = 200  # more deals changed at once: re-read the columns instead of single cards


class KanbanView(QWidget):
    open_requested = Signal(int)  # deal id
    new_deal_requested = Signal(int, int)  # pipeline id, stage id
    move_refused = Signal(object)  # the error that refused a move (cards stay where they were)
    read_failed = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_refusal = ""  # the last reason a drop was refused (shown as a tooltip)
        self.setObjectName("kanbanView")
        self._services = services
        self._base_currency = services.currencies.base_code()
        self._filter = DealFilter()
        self._pipeline: PipelineInfo | None = None
        self._shape: tuple[object, ...] = ()
        self.columns: list[StageColumn] = []
        self.zones: list[CloseZone] = []
        self._stale = True
        self.loading = False  # the columns are being read off the GUI thread
        self._reads = 0  # requests made: only the newest one's result is shown
        self._call: Any = None
        self._pending: set[int] = set()
        self._pending_all = False
        self._echo: set[int] = set()  # deals this board just moved: their events need no update
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_DELAY_MS)
        self._timer.timeout.connect(self._apply_pending)

        self._note = QLabel()
        self._note.setObjectName("kanbanNote")
        self._note.setWordWrap(True)
        self._note.setStyleSheet("color: #5b6470;")
        self._note.hide()
        self._board = QWidget()
        self._board.setObjectName("kanbanBoard")
        self._columns_row = QHBoxLayout(self._board)
        self._columns_row.setContentsMargins(0, 0, 0, 0)
        self._columns_row.setSpacing(10)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("kanbanScroll")
        self._scroll.setWidget(self._board)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._empty = QLabel()
        self._empty.setObjectName("kanbanEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.hide()
        self._zones_row = QHBoxLayout()
        self._zones_row.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self._note)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._empty, 1)
        layout.addLayout(self._zones_row)

    # -- public ------------------------------------------------------------------------------------

    @property
    def pipeline(self) -> PipelineInfo | None:
        return self._pipeline

    def set_filter(self, deal_filter: DealFilter) -> None:
        """Show the deals of this filter; its pipeline picks the board (the default one for all)."""
        self._filter = deal_filter
        self._reload_when_shown()

    def refresh(self) -> None:
        """Read again (now if the board is shown, else when it is)."""
        self._reload_when_shown()

    def reload(self) -> None:
        """Read the pipeline's stages and every column again (keeping how far each was scrolled)."""
        self._stale = False
        self._timer.stop()
        self._pending.clear()
        self._pending_all = False
        try:
            pipelines = self._services.pipelines.list()
        except (ServiceError, DatabaseError) as exc:
            self.read_failed.emit(exc)
            return
        wanted = self._filter.pipeline_id
        pipeline = next((p for p in pipelines if p.id == wanted), pipelines[0] if pipelines else None)
        self._show_note(pipeline, all_pipelines=wanted is None and len(pipelines) > 1)
        self._build(pipeline)
        self._load_columns(keep_position=True)

    def on_changed(self, event: DomainEvent) -> None:
        """Something changed here or on another PC: update the cards concerned, or re-read."""
        if (
            event.entity == "pipeline"
            or event.entity == "*"
            or event.entity in ("company", "contact", "user")
        ):
            self._pending_all = True
        elif event.entity == "deal":
            ids = set(event.ids)
            if event.name == "deal.stage_changed" and ids and ids <= self._echo:
                self._echo -= ids  # our own move, already shown
                return
            if not ids or len(ids) > MAX_IN_PLACE:
                self._pending_all = True
            else:
                self._pending |= ids
        else:
            return
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def column_of(self, stage_id: int) -> StageColumn | None:
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    def zone_of(self, stage_id: int) -> CloseZone | None:
        return next((z for z in self.zones if z.stage.id == stage_id), None)

    def move_cards(self, stage_id: int, moves: list[tuple[int, int]], from_stage: int | None = None) -> bool:
        """Move deals (id, version as shown) to a stage; Lost asks why. False when nothing moved."""
        stage = self._pipeline.stage(stage_id) if self._pipeline else None
        if stage is None or not moves:
            return False
        reason = None
        if stage.is_lost:
            reason = self._ask_loss_reason(len(moves))
            if reason is None:
                return False
        ids = [deal_id for deal_id, _version in moves]
        try:
            try:
                self._services.deals.move_each(moves, stage_id, loss_reason=reason)
            except MissingFieldsError as missing:  # the stage needs fields: ask, then move with them
                from app.dialogs.required_fields_dialog import ask_and_retry

                def retry(fill: dict[str, object]) -> int:
                    return self._services.deals.move_each(moves, stage_id, loss_reason=reason, fill=fill)

                if ask_and_retry(self, self._services, missing, stage.name, retry) is None:
                    return False
        except (ServiceError, DatabaseError) as exc:
            self._refresh_cards(ids)  # show them as they are now: the card "snaps back"
            self.move_refused.emit(exc)
            return False
        self._echo |= set(ids)
        self._refresh_cards(ids, {stage_id} | ({from_stage} if from_stage is not None else set()))
        return True

    # -- building ----------------------------------------------------------------------------------

    def _reload_when_shown(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _show_note(self, pipeline: PipelineInfo | None, all_pipelines: bool) -> None:
        if pipeline is not None and all_pipelines:
            self._note.setText(
                self.tr("The board shows one pipeline at a time: this is %1. Pick another above.").replace(
                    "%1", pipeline.name
                )
            )
        self._note.setVisible(pipeline is not None and all_pipelines)

    def _build(self, pipeline: PipelineInfo | None) -> None:
        """Columns and zones for the pipeline's stages; rebuilt only when the stages changed."""
        self._pipeline = pipeline
        stages = pipeline.stages if pipeline else ()
        shown = set(self._filter.stage_ids)
        in_progress = [s for s in stages if not s.is_closed and (not shown or s.id in shown)]
        closing = [s for s in stages if s.is_closed]
        movable = self._may_reorder()
        shape = (tuple(in_progress), tuple(closing), movable)
        if shape == self._shape:
            return
        self._shape = shape
        for widget in [*self.columns, *self.zones]:
            widget.hide()
            widget.deleteLater()
        self.columns, self.zones = [], []
        while self._columns_row.count():
            self._columns_row.takeAt(0)
        for stage in in_progress:
            self.columns.append(self._new_column(stage, movable))
            self._columns_row.addWidget(self.columns[-1])
        self._columns_row.addStretch(1)
        for stage in closing:
            zone = CloseZone(stage)
            zone.cards_dropped.connect(self._on_cards_dropped)
            zone.drop_refused.connect(self._say_refused)
            self.zones.append(zone)
            self._zones_row.addWidget(zone, 1)
        self._apply_move_rights()
        if pipeline is None:
            self._empty.setText(self.tr("There is no pipeline yet. Add one in the settings."))
        elif not in_progress:
            self._empty.setText(self.tr("No stage of this pipeline is shown: change the filter."))
        self._empty.setVisible(not in_progress)
        self._scroll.setVisible(bool(in_progress))

    def _apply_move_rights(self) -> None:
        """Columns and zones of stages the person's roles do not let them move deals into refuse
        drops, with the reason (the services refuse such moves anyway)."""
        targets = self._services.roles.move_targets(self._pipeline.id) if self._pipeline else None

        def refusal(stage: StageInfo) -> str:
            if targets is None or stage.id in targets:
                return ""
            return self.tr("Your role does not let you move deals into the stage “%1”.").replace(
                "%1", stage.name
            )

        for column in self.columns:
            column.view.refusal = refusal(column.stage)
        for zone in self.zones:
            zone.refusal = refusal(zone.stage)

    def _dim_refusing(self, on: bool) -> None:
        """While cards are dragged, columns and zones that would refuse them look unavailable."""
        for widget, refusal in [
            *((c, c.view.refusal) for c in self.columns),
            *((z, z.refusal) for z in self.zones),
        ]:
            widget.setGraphicsEffect(_dimmed(widget) if on and refusal else None)  # type: ignore[arg-type]

    def _say_refused(self, reason: str) -> None:
        self.last_refusal = reason
        QToolTip.showText(QCursor.pos(), reason, self)

    def _new_column(self, stage: StageInfo, movable: bool) -> StageColumn:
        column = StageColumn(self._services, stage, self._base_currency, movable=movable)
        column.view.drop_refused.connect(self._say_refused)
        column.view.drag_started.connect(lambda: self._dim_refusing(True))
        column.view.drag_finished.connect(lambda: self._dim_refusing(False))
        column.model.cards_dropped.connect(self._on_cards_dropped)
        column.model.read_failed.connect(self.read_failed)
        column.view.open_requested.connect(self.open_requested)
        column.view.pipeline_move_requested.connect(self.move_to_pipeline)
        column.view.task_requested.connect(self.plan_task)
        column.view.move_requested.connect(
            lambda deal_id, step, c=column: self._on_move_key(c, deal_id, step)
        )
        column.view.neighbour_requested.connect(
            lambda step, row, c=column: self._on_neighbour_key(c, step, row)
        )
        column.header.add_requested.connect(self._on_add)
        column.header.stage_dropped.connect(self._on_stage_dropped)
        return column

    def _may_reorder(self) -> bool:
        return self._services.roles.may_manage_settings()

    # -- reading -----------------------------------------------------------------------------------

    def _board_filter(self) -> DealFilter:
        assert self._pipeline is not None
        return replace(self._filter, pipeline_id=self._pipeline.id, stage_ids=())

    def _load_columns(self, keep_position: bool = False) -> None:
        """Every column's count, total and first cards, read off the GUI thread (the aggregate over a
        large pipeline takes a tenth of a second and more), then shown; the latest request wins."""
        if self._pipeline is None:
            return
        deal_filter = self._board_filter()
        kanban = self._services.kanban
        stage_ids = [s.id for s in self._pipeline.stages]
        columns = list(self.columns)
        wanted = {
            column.stage.id: column.model.wanted(
                keep_position, column.model.rowCount() if keep_position else 0
            )
            for column in columns
        }
        self._reads += 1
        read = self._reads

        def work() -> tuple[dict[int, Any], dict[int, list[Card]]]:
            return kanban.board(stage_ids, wanted, deal_filter)

        def done(result: tuple[dict[int, Any], dict[int, list[Card]]]) -> None:
            if read != self._reads or columns != self.columns:
                return  # a newer read is on its way, or the board was rebuilt
            self.loading = False
            summaries, cards = result
            for column in columns:
                scrolled = column.view.verticalScrollBar().value() if keep_position else 0
                stage_id = column.stage.id
                column.model.show_cards(deal_filter, summaries[stage_id].count, cards[stage_id])
                column.view.verticalScrollBar().setValue(scrolled)
            self._show_summaries(summaries)

        def failed(error: BaseException) -> None:
            if read == self._reads:
                self.loading = False
                self.read_failed.emit(error)

        self.loading = True
        self._call = run_in_background(work, done, failed, owner=self)

    def _refresh_cards(self, ids: list[int], stage_ids: set[int] | None = None) -> None:
        """These deals changed: update their cards in place and the counts of the columns concerned.

        `stage_ids` are all the stages the deals were and are in, when known; else every column counts.
        """
        if self._pipeline is None:
            return
        if self.loading:  # the columns being read may predate this change: read them again
            self._load_columns(keep_position=True)
            return
        deal_filter = self._board_filter()
        every = [s.id for s in self._pipeline.stages]
        try:
            cards, summaries = self._services.kanban.changed(
                ids, [s for s in every if s in stage_ids] if stage_ids else every, deal_filter
            )
        except (ServiceError, DatabaseError) as exc:
            self.read_failed.emit(exc)
            return
        changed = set(ids)
        for column in self.columns:
            here = [c for c in cards if c.stage_id == column.stage.id]
            summary = summaries.get(column.stage.id)
            column.model.update_cards(changed, here, summary.count if summary else column.model.total)
        self._show_summaries(summaries)

    def _show_summaries(self, summaries: dict[int, object]) -> None:
        for stage_id, summary in summaries.items():
            amount = summary.total  # type: ignore[attr-defined]
            count = summary.count  # type: ignore[attr-defined]
            total = money(amount, self._base_currency) if amount is not None else None  # None: sums hidden
            column = self.column_of(stage_id)
            if column is not None:
                column.header.show_figures(count, total)
            zone = self.zone_of(stage_id)
            if zone is not None:
                zone.show_figures(count, total)

    def _apply_pending(self) -> None:
        if self._pending_all:
            self.reload()
        elif self._pending:
            ids, self._pending = sorted(self._pending), set()
            self._refresh_cards(ids)

    # -- what the user does ------------------------------------------------------------------------

    def _ask_loss_reason(self, count: int) -> str | None:
        from app.dialogs.loss_reason_dialog import LossReasonDialog

        dialog = LossReasonDialog(self._services.office.loss_reasons(), count, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    def _on_cards_dropped(self, stage_id: int, from_stage: int, moves: list[tuple[int, int]]) -> None:
        self.move_cards(stage_id, moves, from_stage)

    def plan_task(self, deal_id: int, kind: str = "todo") -> bool:
        """A new task on a card's deal (its menu's "Plan"); the card's counters follow by the event."""
        dialog = TaskDialog(self._services, deal_id=deal_id, kind=kind, parent=self)
        return bool(dialog.exec())

    def move_to_pipeline(self, moves: list[tuple[int, int]]) -> bool:
        """Ask for a stage of another pipeline and move these deals (id, version as shown) there; one
        changed by somebody meanwhile refuses the move (a conflict)."""
        deal_ids = [deal_id for deal_id, _version in moves]
        from PySide6.QtWidgets import QInputDialog

        from app.services.deals.bulk import DealSelection

        if self._pipeline is None:
            return False
        options = [
            (f"{p.name}: {s.name}", s.id)
            for p in self._services.pipelines.list()
            if p.id != self._pipeline.id
            for s in p.stages
        ]
        if not options:
            return False
        names = [name for name, _id in options]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Move to another pipeline"),
            self.tr("Where do %Ln deal(s) go?", "", len(deal_ids)),
            names,
            0,
            False,
        )
        if not ok or chosen not in names:
            return False
        try:
            self._services.deal_bulk.move_to_pipeline(
                DealSelection(ids=tuple(deal_ids), versions=tuple(moves)), options[names.index(chosen)][1]
            )
        except (ServiceError, DatabaseError) as exc:
            self.move_refused.emit(exc)
            return False
        return True

    def _on_move_key(self, column: StageColumn, deal_id: int, step: int) -> None:
        index = self.columns.index(column) + step
        row = column.model.row_of(deal_id)
        card = column.model.card(row) if row is not None else None
        if card is None or not 0 <= index < len(self.columns):
            return
        target = self.columns[index]
        if self.move_cards(target.stage.id, [(card.id, card.version)], column.stage.id):
            target.focus_card(deal_id)
            self._scroll.ensureWidgetVisible(target)

    def _on_neighbour_key(self, column: StageColumn, step: int, row: int) -> None:
        index = self.columns.index(column) + step
        if 0 <= index < len(self.columns):
            self.columns[index].focus_row(row)
            self._scroll.ensureWidgetVisible(self.columns[index])

    def _on_add(self, stage_id: int) -> None:
        if self._pipeline is not None:
            self.new_deal_requested.emit(self._pipeline.id, stage_id)

    def _on_stage_dropped(self, dragged: int, onto: int) -> None:
        """A header dropped on another: the dragged stage takes that one's place."""
        if self._pipeline is None:
            return
        order = [s.id for s in self._pipeline.stages if not s.is_closed]
        if dragged not in order or onto not in order:
            return
        order.remove(dragged)
        position = order.index(onto)
        everything = [s.id for s in self._pipeline.stages]
        from_left = everything.index(dragged) < everything.index(onto)
        order.insert(position + 1 if from_left else position, dragged)
        try:
            self._services.pipelines.reorder_stages(self._pipeline.id, order)
        except (ServiceError, DatabaseError) as exc:
            self.move_refused.emit(exc)
            return
        self.reload()


def _dimmed(widget: QWidget) -> QGraphicsOpacityEffect:
    effect = QGraphicsOpacityEffect(widget)  # owned by the widget: Python must not collect it
    effect.setOpacity(0.35)
    return effect
