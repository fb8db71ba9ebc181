"""The Deals area: pipeline selector, search, the List / Kanban / Calendar switch and "+ Deal"."""

from __future__ import annotations

import enum
from dataclasses import replace

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.events import DomainEvent
from app.services.deals.queries import DealFilter
from app.ui.icons import icon
from app.ui.layout import keep_space_when_hidden
from app.ui.settings import DEALS_PIPELINE, DEALS_VIEW, UserSettings
from app.views.calendar.calendar_view import CalendarView
from app.views.deal_list.bulk_actions import DealBulkActions
from app.views.deal_list.bulk_bar import BulkBar
from app.views.deal_list.deal_list_view import DealListView
from app.views.deal_list.deal_table_model import DealTableModel
from app.views.deal_list.filter_panel import FilterPanel
from app.views.kanban.kanban_view import KanbanView

SEARCH_DELAY_MS = 300


class DealsViewMode(enum.Enum):
    """Which of the three views of the deals the Deals area shows."""

    LIST = "list"
    KANBAN = "kanban"
    CALENDAR = "calendar"


class DealsArea(QWidget):
    open_requested = Signal(int)  # deal id
    new_deal_requested = Signal()
    new_deal_in_stage = Signal(int, int)  # pipeline id, stage id
    view_changed = Signal(object)  # DealsViewMode
    count_changed = Signal(int)
    summary_changed = Signal(object)  # DealSummary
    edit_pipelines_requested = Signal(int)  # the pipeline shown (0: all)
    new_deal_with = Signal(dict)  # a new deal with these first values (a day in the calendar)
    message = Signal(str)  # for the status bar

    def __init__(self, services: Services, settings: UserSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealsArea")
        self._services = services
        self._settings = settings

        self._pipeline = QComboBox()
        self._pipeline.setObjectName("pipelineSelector")
        self._pipeline.setMinimumWidth(150)
        self._search = QLineEdit()
        self._search.setObjectName("search")
        self._search.setPlaceholderText(self.tr("Search deals by title or company"))
        self._search.setClearButtonEnabled(True)
        self._search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search.setMinimumWidth(180)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self._view_buttons = QButtonGroup(self)
        self._view_buttons.setExclusive(True)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        labels = {
            DealsViewMode.LIST: (self.tr("List"), "list"),
            DealsViewMode.KANBAN: (self.tr("Kanban"), "kanban"),
            DealsViewMode.CALENDAR: (self.tr("Calendar"), "calendar"),
        }
        self._buttons: dict[DealsViewMode, QToolButton] = {}
        for view, (label, icon_name) in labels.items():
            button = QToolButton()
            button.setObjectName(f"view_{view.value}")
            button.setText(label)
            button.setIcon(icon(icon_name))
            button.setIconSize(QSize(16, 16))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            self._view_buttons.addButton(button)
            self._buttons[view] = button
            switch.addWidget(button)
        self.filter_button = QToolButton()
        self.filter_button.setObjectName("filterButton")
        self.filter_button.setIcon(icon("leads"))
        self.filter_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_button.setCheckable(True)
        self.filter_button.setText(self.tr("Filter"))
        self._new_deal = QPushButton(icon("plus"), self.tr("Deal"))
        self._new_deal.setObjectName("newDeal")
        self._new_deal.setToolTip(self.tr("New deal"))
        self._new_deal.setDefault(False)

        self.edit_pipelines = QToolButton()
        self.edit_pipelines.setObjectName("editPipelines")
        self.edit_pipelines.setIcon(icon("settings"))
        self.edit_pipelines.setToolTip(self.tr("Edit the pipeline's stages and tunnels"))
        self.edit_pipelines.clicked.connect(
            lambda: self.edit_pipelines_requested.emit(self.current_pipeline_id() or 0)
        )
        bar = QHBoxLayout()
        bar.addWidget(self._pipeline)
        bar.addWidget(self.edit_pipelines)
        bar.addWidget(self._search, 1)
        bar.addWidget(self.filter_button)
        bar.addSpacing(12)
        bar.addLayout(switch)
        bar.addSpacing(12)
        bar.addWidget(self._new_deal)

        self._fill_pipelines(settings.get(DEALS_PIPELINE))
        self.model = DealTableModel(services, DealFilter(pipeline_id=self.current_pipeline_id()), self)
        self.list_view = DealListView(self.model, services)
        login = services.actor.login if services.actor else "anyone"
        self.list_view.restore_layout(f"deal_list/{login}/header")
        self.bulk_bar = BulkBar(services)
        self.bulk_bar.fill_menus(self.current_pipeline_id())
        keep_space_when_hidden(self.bulk_bar)
        self.bulk_bar.hide()
        self.bulk = DealBulkActions(services, self.list_view, self)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.bulk_bar)
        list_layout.addWidget(self.list_view, 1)
        self.kanban = KanbanView(services)
        self.kanban.set_filter(self.model.deal_filter)
        self.calendar = CalendarView(services)
        self.calendar.set_filter(self.model.deal_filter)
        self._stack = QStackedWidget()
        self._pages: dict[DealsViewMode, QWidget] = {
            DealsViewMode.LIST: list_page,
            DealsViewMode.KANBAN: self.kanban,
            DealsViewMode.CALENDAR: self.calendar,
        }
        for page in self._pages.values():
            self._stack.addWidget(page)
        self.filter_panel = FilterPanel(services)
        self.filter_panel.hide()
        self.filter_panel.fill_stages(self.current_pipeline_id())
        self._panel_filter = DealFilter()

        body = QHBoxLayout()
        body.addWidget(self._stack, 1)
        body.addWidget(self.filter_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.set_view(_view_from(settings.get(DEALS_VIEW)))
        if self.current_view is DealsViewMode.LIST:
            # The first screen's rows read now, with the count: the window's first frame shows them
            # (read while painting it, they held the window just shown ~40 ms).
            self.model.row_at(0)
        self._connect_signals()

    def _connect_signals(self) -> None:
        # what the user asks for
        self._pipeline.currentIndexChanged.connect(self._on_pipeline_changed)
        self._search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_search)
        self._view_buttons.buttonClicked.connect(self._on_view_button)
        self._new_deal.clicked.connect(self.new_deal_requested)
        self.filter_button.toggled.connect(self._on_filter_toggled)
        self.filter_panel.applied.connect(self._on_panel_applied)
        # the bulk bar over the list
        self.list_view.chosen.changed.connect(self._show_selection)
        self.list_view.chosen.dropped.connect(self._on_chosen_dropped)
        self.bulk_bar.select_all_requested.connect(self.list_view.chosen.select_all_matching)
        self.bulk_bar.stage_chosen.connect(self.bulk.move_to_stage)
        self.bulk_bar.pipeline_stage_chosen.connect(self.bulk.move_to_pipeline)
        self.bulk_bar.responsible_chosen.connect(self.bulk.set_responsible)
        self.bulk_bar.set_field_requested.connect(self.bulk.set_field)
        self.bulk_bar.delete_requested.connect(self.bulk.delete)
        self.bulk_bar.export_requested.connect(self.bulk.export)
        self.bulk_bar.documents_requested.connect(self.bulk.make_documents)
        self.bulk_bar.task_requested.connect(self.bulk.plan_task)
        self.bulk_bar.workflow_requested.connect(self.bulk.start_workflow)
        self.list_view.open_requested.connect(self.open_requested)
        # the board
        self.kanban.open_requested.connect(self.open_requested)
        self.kanban.new_deal_requested.connect(self.new_deal_in_stage)
        self.calendar.open_requested.connect(self.open_requested)
        self.calendar.new_deal_requested.connect(self.new_deal_with)
        # what the model says
        self.model.modelReset.connect(self._on_count_maybe_changed)
        self.model.rowsInserted.connect(self._on_count_maybe_changed)  # the count after the first rows
        self.model.summary_changed.connect(self.summary_changed)

    # -- public ------------------------------------------------------------------------------------

    @property
    def current_view(self) -> DealsViewMode:
        return next(v for v, page in self._pages.items() if page is self._stack.currentWidget())

    def set_view(self, view: DealsViewMode) -> None:
        self._stack.setCurrentWidget(self._pages[view])
        self._buttons[view].setChecked(True)
        self._settings.set(DEALS_VIEW, view.value)
        self.view_changed.emit(view)

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    @property
    def search_box(self) -> QLineEdit:
        return self._search

    def current_pipeline_id(self) -> int | None:
        value = self._pipeline.currentData()
        return int(value) if value else None

    def refresh(self) -> None:
        self.model.refresh()  # a new count resets the model, which reports it (count_changed)
        self.kanban.refresh()
        self.calendar.refresh()

    def on_changed(self, event: DomainEvent) -> None:
        """Something changed (here or on another PC): refresh what is shown."""
        if event.entity == "pipeline":
            self._fill_pipelines(self.current_pipeline_id() or 0)
        if event.entity == "custom_field" or event.entity == "*":
            self.model.reload_fields()
        if event.entity in ("deal", "pipeline", "company", "contact", "user", "*"):
            self.refresh()
        self.kanban.on_changed(event)
        self.calendar.on_changed(event)

    # -- slots -------------------------------------------------------------------------------------

    def _fill_pipelines(self, selected: int) -> None:
        self._pipeline.blockSignals(True)
        self._pipeline.clear()
        self._pipeline.addItem(self.tr("All pipelines"), 0)
        for pipeline in self._services.pipelines.list():
            self._pipeline.addItem(pipeline.name, pipeline.id)
        self._pipeline.setCurrentIndex(max(0, self._pipeline.findData(selected)))
        self._pipeline.blockSignals(False)

    def _apply(self) -> None:
        """Show the deals of the panel's filter, in the pipeline and with the search of the bar."""
        deal_filter = replace(
            self._panel_filter, pipeline_id=self.current_pipeline_id(), search=self._search.text().strip()
        )
        self.model.request_filter(deal_filter)
        self.kanban.set_filter(deal_filter)
        self.calendar.set_filter(deal_filter)
        active = _active_criteria(self._panel_filter)
        self.filter_button.setText(
            self.tr("Filter (%1)").replace("%1", str(active)) if active else self.tr("Filter")
        )

    def _on_pipeline_changed(self, _index: int) -> None:
        pipeline_id = self.current_pipeline_id()
        self._settings.set(DEALS_PIPELINE, pipeline_id or 0)
        self.filter_panel.fill_stages(pipeline_id)
        self.bulk_bar.fill_menus(pipeline_id)
        shown = self.filter_panel.shown_stage_ids()
        self._panel_filter = replace(
            self._panel_filter, stage_ids=tuple(s for s in self._panel_filter.stage_ids if s in shown)
        )
        self._apply()

    def _on_search(self) -> None:
        self._apply()

    def _on_filter_toggled(self, shown: bool) -> None:
        if shown:
            self.filter_panel.show_filter(self.model.deal_filter)
        self.filter_panel.setVisible(shown)

    def _show_selection(self) -> None:
        count = self.bulk.selected_count()
        self.bulk_bar.show_selection(count, self.model.rowCount(), self.bulk.covers_everything())

    def _on_chosen_dropped(self, count: int) -> None:
        self.message.emit(
            self.tr("%Ln selected deal(s) are no longer in the list and were unselected.", "", count)
        )

    def show_filter(self, deal_filter: DealFilter) -> None:
        """Show exactly the deals of a filter (e.g. a chart's bar) in the list: its pipeline chosen,
        the search cleared, the rest in the filter panel."""
        self._pipeline.blockSignals(True)
        self._pipeline.setCurrentIndex(max(0, self._pipeline.findData(deal_filter.pipeline_id or 0)))
        self._pipeline.blockSignals(False)
        self.filter_panel.fill_stages(self.current_pipeline_id())
        self._search.blockSignals(True)
        self._search.setText(deal_filter.search)
        self._search.blockSignals(False)
        self._panel_filter = replace(deal_filter, pipeline_id=None, search="")
        self.set_view(DealsViewMode.LIST)
        self._apply()

    def _on_panel_applied(self, deal_filter: DealFilter) -> None:
        self._panel_filter = deal_filter
        self._apply()

    def _on_view_button(self, button: QToolButton) -> None:
        view = next(v for v, b in self._buttons.items() if b is button)
        self.set_view(view)

    def _on_count_maybe_changed(self) -> None:
        self.count_changed.emit(self.model.rowCount())


def _active_criteria(f: DealFilter) -> int:
    """How many things the panel filters by (shown on its button)."""
    return sum(
        bool(value)
        for value in (
            f.status,
            f.stage_ids,
            f.mine or f.responsible_ids,
            f.source,
            f.amount_min is not None or f.amount_max is not None,
            f.close_date,
            f.created,
            f.stale,
        )
    ) + len(f.custom)


def _view_from(value: str) -> DealsViewMode:
    try:
        return DealsViewMode(value)
    except ValueError:
        return DealsViewMode.LIST
