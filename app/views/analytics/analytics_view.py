"""The Analytics page: a dashboard of charts over a period, pipeline and people; refreshed by itself
when deals change (queries off the GUI thread); a click on a bar opens those deals in the list;
each chart opens large and exports as PNG/SVG/PDF with its data as CSV/XLSX. matplotlib is
loaded when the page is first shown, not at start-up."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDir, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.analytics.service import AnalyticsFilter, Dashboard, Period, period_days
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.core.events import DomainEvent
from app.services.deals.filters import DealFilter
from app.ui.chart_export import export_chart
from app.ui.chart_words import chart_titles, chart_words
from app.ui.formatting import date_format, money
from app.ui.i18n import error_text
from app.ui.operations import run_in_background

REFRESH_DELAY_MS = 500
REDRAW_DELAY_MS = 300  # after the last resize


class ChartCard(QFrame):
    """One chart with its title bar: open large, export."""

    deals_requested = Signal(object)  # DealFilter
    resized = Signal()  # its picture no longer fits: draw it again at the new size

    def __init__(self, chart: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"chart_{chart}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure: Any = None  # matplotlib's, drawn off the GUI thread (see show_rendered)
        self.rendered: Any = None  # app.reports.charts.Rendered
        self.source: Dashboard | None = None  # the figures it was drawn from
        # The chart as a picture: rendered off the GUI thread, shown here at no cost; "Drawing…" before.
        self.image = QLabel(self.tr("Drawing…"))
        self.image.setObjectName(f"image_{chart}")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(280)
        # Its picture never widens the card: the picture is drawn to the card's width, not the other way.
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.image.setStyleSheet("color: #9aa5b1;")
        self.image.installEventFilter(self)
        self.picks: list[tuple[Any, DealFilter | None]] = []
        self.large = QToolButton()
        self.large.setText("⤢")
        self.large.setObjectName(f"large_{chart}")
        self.large.setToolTip(self.tr("Open large"))
        self.export = QToolButton()
        self.export.setText(self.tr("Export"))
        self.export.setObjectName(f"export_{chart}")
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export)
        for suffix in ("png", "svg", "pdf", "csv", "xlsx"):
            action = menu.addAction(suffix.upper())
            action.setObjectName(f"export_{chart}_{suffix}")
            action.triggered.connect(lambda _c=False, s=suffix: self.export_requested(s))
        self.export.setMenu(menu)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.large)
        bar.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.image, 1)
        self.export_to: Any = None  # set by the page: (card, suffix) -> None

    @property
    def drawn(self) -> bool:
        return self.rendered is not None

    def image_size(self) -> tuple[int, int]:
        """The pixels the chart should have to fill the card (a sensible size before it is laid out)."""
        width, height = self.image.width(), self.image.height()
        return (width, height) if width > 100 and height > 100 else (520, 288)

    def laid_out(self) -> bool:
        """Whether its picture's place has its size yet (not Qt's 640 × 480 of a widget never laid out)."""
        return self.image.testAttribute(Qt.WidgetAttribute.WA_Resized)

    def fits(self) -> bool:
        """Whether its picture has (about) the card's size."""
        if self.rendered is None:
            return False
        width, height = self.image_size()
        return abs(width - self.rendered.width) <= 8 and abs(height - self.rendered.height) <= 8

    def shows(self, data: Dashboard) -> bool:
        """Whether its picture is what these figures would draw, at the card's size."""
        from app.reports.charts import same_picture

        return self.source is not None and self.fits() and same_picture(self.chart, self.source, data)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.rendered is not None and not self.fits():
            self.resized.emit()

    def show_rendered(self, rendered: Any, source: Dashboard) -> None:
        self.rendered, self.figure, self.picks = rendered, rendered.figure, rendered.picks
        self.source = source
        picture = QImage(rendered.rgba, rendered.width, rendered.height, QImage.Format.Format_RGBA8888)
        self.image.setPixmap(QPixmap.fromImage(picture.copy()))  # a copy: the bytes are not kept

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on a bar opens its deals (found on the figure the picture was made of)."""
        if (
            watched is self.image
            and event.type() == QEvent.Type.MouseButtonPress
            and self.rendered is not None
        ):
            assert isinstance(event, QMouseEvent)
            pixmap = self.image.pixmap()
            left = (self.image.width() - pixmap.width()) / 2
            top = (self.image.height() - pixmap.height()) / 2
            deals = self.rendered.deals_at(event.position().x() - left, event.position().y() - top)
            if deals is not None:
                self.deals_requested.emit(deals)
                return True
        return super().eventFilter(watched, event)

    def _on_pick(self, event: Any) -> None:
        deals = next((d for artist, d in self.picks if artist is event.artist), None)
        if deals is not None:
            self.deals_requested.emit(deals)

    def export_requested(self, suffix: str) -> None:
        if self.export_to is not None:
            self.export_to(self, suffix)


class AnalyticsView(QWidget):
    deals_requested = Signal(object)  # DealFilter: show these deals in the list
    read_failed = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analyticsView")
        self._services = services
        self._built = False
        self._stale = True
        self._matplotlib_ready = False
        self._importing: object = None  # matplotlib's import under way (or done)
        self._pending: Dashboard | None = None  # the newest figures read (a first part or all), to draw
        self._rendering: str | None = None  # the chart being rendered off the GUI thread
        self._reads = 0  # reads started; figures from a read older than those shown are dropped
        self._newest_read = 0
        self._redraw_timer = QTimer(self)  # the cards were resized: draw the figures again, once
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(self._on_resized)
        # matplotlib is imported (off the GUI thread) when the page is first opened, not before:
        # ~45 MB that a person who never looks at the charts does not carry (the first card still
        # comes within a second; it was preloaded 3 s after start-up before).
        self.data: Dashboard | None = None
        self.cards: dict[str, ChartCard] = {}
        self._call: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.reload)

        title = QLabel(self.tr("Analytics"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.period = QComboBox()
        self.period.setObjectName("analyticsPeriod")
        for key, text in (
            (Period.THIS_MONTH, self.tr("This month")),
            (Period.THIS_QUARTER, self.tr("This quarter")),
            (Period.THIS_YEAR, self.tr("This year")),
            (Period.LAST_MONTH, self.tr("Last month")),
            (Period.LAST_QUARTER, self.tr("Last quarter")),
            (Period.LAST_YEAR, self.tr("Last year")),
            (Period.LAST_12_MONTHS, self.tr("Last 12 months")),
            (Period.CUSTOM, self.tr("From … to …")),
        ):
            self.period.addItem(text, key.value)
        self.period.setCurrentIndex(self.period.findData(Period.THIS_YEAR.value))
        self.first = QDateEdit()
        self.first.setObjectName("analyticsFirst")
        self.last = QDateEdit()
        self.last.setObjectName("analyticsLast")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setVisible(False)
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("analyticsPipeline")
        self.person = QComboBox()
        self.person.setObjectName("analyticsPerson")
        self.plan_button = QPushButton(self.tr("Sales plan…"))
        self.plan_button.setObjectName("salesPlan")
        self.figures = QLabel()
        self.figures.setObjectName("analyticsFigures")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        for widget in (self.period, self.first, self.last, self.pipeline, self.person):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.plan_button)
        self.grid = QGridLayout()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.figures)
        body_layout.addLayout(self.grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._on_period)
        self.first.dateChanged.connect(lambda _d: self.reload())
        self.last.dateChanged.connect(lambda _d: self.reload())
        self.pipeline.currentIndexChanged.connect(lambda _i: self.reload())
        self.person.currentIndexChanged.connect(lambda _i: self.reload())
        self.plan_button.clicked.connect(self.edit_plan)

    # -- showing ----------------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._built:
            self._build()
        if self._stale:
            self.reload()
        self._draw_pending()  # figures that arrived while the page was hidden

    def _build(self) -> None:
        """The cards, empty; matplotlib and the chart code are imported off the GUI thread the first
        time the page shows (about a second), and each card is drawn when its turn comes."""
        self._built = True
        self._fill_choices()
        from app.reports.charts import CHARTS  # the chart list only: no matplotlib yet

        self._preload()

        for index, chart in enumerate(CHARTS):
            card = ChartCard(chart)
            card.deals_requested.connect(self.deals_requested)
            card.resized.connect(self._redraw_timer.start)
            card.large.clicked.connect(lambda _c=False, c=chart: self.open_large(c))
            card.export_to = self._export
            self.cards[chart] = card
            self.grid.addWidget(card, index // 2, index % 2)

    def _fill_choices(self) -> None:
        self.pipeline.blockSignals(True)
        self.pipeline.clear()
        self.pipeline.addItem(self.tr("Every pipeline"), 0)
        for pipeline in self._services.pipelines.list():
            self.pipeline.addItem(pipeline.name, pipeline.id)
        self.pipeline.blockSignals(False)
        users = self._services.users.list()
        departments = sorted(
            {(u.department_id, u.department_name) for u in users if u.department_id and u.department_name},
            key=lambda d: d[1] or "",
        )
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), "")
        for department_id, name in departments:
            self.person.addItem(self.tr("Department: %1").replace("%1", name or ""), f"d{department_id}")
        for user in users:
            self.person.addItem(user.name, f"u{user.id}")
        self.person.blockSignals(False)

    def current_filter(self) -> AnalyticsFilter:
        period = Period(self.period.currentData())
        first_q, last_q = self.first.date(), self.last.date()
        first, last = period_days(
            period,
            date.today(),  # noqa: DTZ011
            date(first_q.year(), first_q.month(), first_q.day()),
            date(last_q.year(), last_q.month(), last_q.day()),
        )
        who = str(self.person.currentData() or "")
        people = (int(who[1:]),) if who.startswith("u") else ()
        department = int(who[1:]) if who.startswith("d") else None
        return AnalyticsFilter(first, last, self.pipeline.currentData() or None, people, department)

    def _on_period(self, _index: int) -> None:
        custom = self.period.currentData() == Period.CUSTOM.value
        for edit in (self.first, self.last):
            edit.setVisible(custom)
        if custom:
            today = QDate.currentDate()
            self.first.blockSignals(True)
            self.first.setDate(today.addMonths(-1))
            self.first.blockSignals(False)
            self.last.blockSignals(True)
            self.last.setDate(today)
            self.last.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """The figures, read off the GUI thread, then drawn."""
        self._stale = False
        self._timer.stop()
        if not self._built:
            return
        try:
            wanted = self.current_filter()
        except ServiceError as exc:
            self.figures.setText(error_text(exc))
            return
        analytics = self._services.analytics
        if self.data is None:
            self.figures.setText(self.tr("Reading the figures…"))

        self._reads += 1
        read = self._reads

        def done(data: Dashboard) -> None:
            if data.filter == self.current_filter() and read >= self._newest_read:
                self._newest_read = read
                self._pending = data
                self._draw_pending()

        # The first cards' figures come ahead of the rest: they are drawn while the rest is read.
        self._call = run_in_background(
            lambda first_part: analytics.dashboard(wanted, first_part=first_part),
            done,
            self.read_failed.emit,
            on_part=done,
        )

    def _preload(self) -> None:
        if not self._matplotlib_ready and self._importing is None:
            self._importing = run_in_background(_import_matplotlib, lambda _done: self._on_matplotlib())

    def _on_resized(self) -> None:
        if self.data is not None and self._pending is None:
            self._pending = self.data
            self._draw_pending()

    def _on_matplotlib(self) -> None:
        self._matplotlib_ready = True
        gc.freeze()  # matplotlib's modules stay: kept out of full collections (see build_main_window)
        self._draw_pending()

    def drawn_all(self) -> bool:
        """Every card shows the newest figures read (nothing waits to be read or drawn)."""
        return self.data is not None and self._pending is None and self._rendering is None

    def _draw_pending(self) -> None:
        """Render the newest figures that arrived off the GUI thread, one card after the other in
        the page's order, each shown as soon as it is ready: the window never waits for a chart.
        A card that already shows what the figures would draw (at its size) is left as it is."""
        if not self._matplotlib_ready or self._pending is None or self._rendering is not None:
            return
        from app.reports.charts import can_draw, render

        data = self._pending
        to_draw = (c for c, card in self.cards.items() if can_draw(c, data) and not card.shows(data))
        chart = next(to_draw, None)
        if chart is None:  # every card it can draw is drawn
            if data.has("*"):
                self._pending = None
                self.show_data(data, drawn=True)
            return
        if not self.cards[chart].laid_out():  # drawn at its size, once the page has been laid out
            if self.isVisible():
                QTimer.singleShot(0, self._draw_pending)
            return  # else when the page shows
        self._rendering = chart
        width, height = self.cards[chart].image_size()
        words = chart_words(data.base_currency)

        def done(rendered: Any) -> None:
            self._rendering = None
            self.cards[chart].show_rendered(rendered, data)  # newer figures: drawn again if they differ
            self._draw_pending()

        def failed(error: BaseException) -> None:
            self._rendering = None
            self.read_failed.emit(error)

        self._render_call = run_in_background(lambda: render(chart, data, words, width, height), done, failed)

    def _draw_card(self, card: ChartCard, data: Dashboard) -> None:
        from app.reports.charts import render

        words = chart_words(data.base_currency)
        card.show_rendered(render(card.chart, data, words, *card.image_size()), data)

    def show_data(self, data: Dashboard, *, drawn: bool = False) -> None:
        """The figures on every card (drawn already by `_draw_pending`, or here at once)."""
        if not drawn:
            for card in self.cards.values():
                self._draw_card(card, data)
        self.data = data
        days = (
            self.tr("%1 days").replace("%1", QLocale().toString(data.average_days_to_close, "f", 1))
            if data.average_days_to_close is not None
            else "–"
        )
        self.figures.setText(
            self.tr("Average won deal: %1 · average time to close: %2 · paid on invoices this month: %3")
            .replace("%1", money(data.average_won, data.base_currency))
            .replace("%2", days)
            .replace("%3", money(data.paid_this_month, data.base_currency))
        )

    def on_changed(self, event: DomainEvent) -> None:
        if event.entity in ("deal", "pipeline", "sales_target", "*", "company", "contact", "user", "invoice"):
            if self.isVisible():
                self._timer.start()
            else:
                self._stale = True

    # -- large, export, plan ---------------------------------------------------------------------------------

    def open_large(self, chart: str) -> QDialog | None:
        if self.data is None:
            return None
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from app.reports.charts import draw

        dialog = QDialog(self)
        dialog.setObjectName("largeChart")
        dialog.setWindowTitle(chart_titles()[chart])
        dialog.resize(1000, 680)
        figure = Figure(figsize=(10, 6.5), dpi=96)
        canvas = FigureCanvasQTAgg(figure)
        picks = draw(chart, figure, self.data, chart_words(self.data.base_currency)).picks

        def pick(event: Any) -> None:
            deals = next((d for artist, d in picks if artist is event.artist), None)
            if deals is not None:
                dialog.accept()
                self.deals_requested.emit(deals)

        canvas.mpl_connect("pick_event", pick)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(canvas, 1)
        layout.addWidget(buttons)
        self.large_dialog = dialog
        dialog.exec()
        return dialog

    def _export(self, card: ChartCard, suffix: str) -> None:
        if self.data is None:
            return
        target, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart"),
            str(Path(QDir.homePath()) / f"{card.chart}.{suffix}"),
            f"*.{suffix}",
        )
        if not target:
            return
        path = Path(target) if target.lower().endswith(f".{suffix}") else Path(f"{target}.{suffix}")
        try:
            export_chart(card.chart, self.data, chart_words(self.data.base_currency), path, card.figure)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), str(exc))

    def edit_plan(self) -> None:
        from app.dialogs.plan_dialog import PlanDialog

        dialog = PlanDialog(self._services, date.today().year, self)  # noqa: DTZ011
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()


__all__ = ["AnalyticsView", "ChartCard"]


def _import_matplotlib() -> None:
    """matplotlib's import (about a second the first time), done off the GUI thread."""
    import matplotlib.backends.backend_qtagg
    import matplotlib.figure  # noqa: F401

    import app.reports.charts  # noqa: F401
