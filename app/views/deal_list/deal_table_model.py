"""The deal list's table model: answers only for the rows on screen, fetching them page by page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals.queries import PAGE_SIZE, DealFilter, DealRow, DealSort, DealSummary, PageCursor
from app.services.deals.stale import idle_days_of
from app.services.fields.custom_fields import CustomFieldInfo, EntityType, FieldType
from app.services.tasks.service import ActivityState
from app.ui.formatting import money, short_date, short_moment
from app.ui.i18n import translate_message
from app.ui.operations import Operation, run_in_background
from app.ui.paged_model import PagedTableModel

COL_ID = 0
COL_TITLE = 1
COL_STAGE = 2
COL_PIPELINE = 3
COL_AMOUNT = 4
COL_COMPANY = 5
COL_CONTACT = 6
COL_RESPONSIBLE = 7
COL_BEGIN = 8
COL_CLOSE = 9
COL_SOURCE = 10
COL_CREATED = 11
COL_ACTIVITY = 12
COLUMN_COUNT = 13
# What each column shows, by name (saved layouts, exports).
COLUMN_KEYS = (
    "id",
    "title",
    "stage",
    "pipeline",
    "amount",
    "company",
    "contact",
    "responsible",
    "begin_date",
    "close_date",
    "source",
    "created_at",
    "activity",
)

# The service's sort key for each column.
SORT_KEYS = {
    COL_ID: "id",
    COL_TITLE: "title",
    COL_STAGE: "stage",
    COL_PIPELINE: "pipeline",
    COL_AMOUNT: "amount",
    COL_COMPANY: "company",
    COL_RESPONSIBLE: "responsible",
    COL_BEGIN: "begin_date",
    COL_CLOSE: "close_date",
    COL_SOURCE: "source",
    COL_CREATED: "created_at",
}

# Columns edited in place, and the deal field each one sets.
EDITABLE = {
    COL_TITLE: "title",
    COL_AMOUNT: "amount",
    COL_CLOSE: "close_date",
    COL_STAGE: "stage_id",
    COL_RESPONSIBLE: "responsible_id",
}

DealIdRole = Qt.ItemDataRole.UserRole + 1
StageColorRole = Qt.ItemDataRole.UserRole + 2
VersionRole = Qt.ItemDataRole.UserRole + 3
DealRowRole = Qt.ItemDataRole.UserRole + 4

MAX_CACHED_PAGES = 40
PREPARE_IN_BACKGROUND = True  # benchmarks switch it off to time one thing at a time
SUMMARY_IN_BACKGROUND = True  # likewise: the count and total under the list, read after it
STARTUP_DELAY_MS = 400  # background reads of a new list wait for its first frame
# What follows a list just shown (its far pages' anchors, its count and total) waits this long: its
# first screen is painted without a worker running Python alongside. Each call the painting makes
# into Qt may release the interpreter and then wait to get it back from a busy worker (2,000 calls:
# 2.6 ms alone, 75 ms next to a busy thread); clearing the search froze the window 100-250 ms.
PAINT_FIRST_MS = 200
log = logging.getLogger(__name__)
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_STALE = QBrush(QColor("#c26401"))  # a deal idle longer than its stage allows
_OVERDUE = QBrush(QColor("#b3261e"))  # an open task past its due time
_TODAY = QBrush(QColor("#1f6fb2"))
_QUIET = QBrush(QColor("#8a6d3b"))  # nothing planned: a quiet warning
# A page's open tasks and custom values (by deal id), and what failed reading them.
_Extras = tuple[dict[int, ActivityState], dict[int, dict[int, Any]], list[Exception]]


class CellLook(NamedTuple):
    """A cell as painted: its text and the roles that change how (None: the view's default)."""

    text: Any
    alignment: Any
    foreground: QBrush | None
    font: QFont | None
    stage_color: str | None  # the stage column: its pill's colour


class DealTableModel(PagedTableModel):
    """A window onto the filtered, sorted deals: SQL counts them, pages arrive as they are shown.

    Holds no SQL: it asks the deal query service for a count and for pages of light rows and
    keeps the most recently used pages in a small cache, so a million deals cost what the
    visible hundred cost.
    """

    edit_failed = Signal(object)  # a ServiceError from an edit in place: nothing was stored
    loading_changed = Signal(bool)  # a filter is being applied off the GUI thread
    summary_changed = Signal(object)  # DealSummary of the rows shown: count and total amount
    page_read = Signal(int)  # a page of rows was read (its number): the chosen deals in it are painted
    rows_moved = Signal()  # same rows, but each may now hold another deal (a sort, a refresh)

    page_size = PAGE_SIZE
    max_pages = MAX_CACHED_PAGES
    row_role = DealRowRole

    def __init__(self, services: Services, deal_filter: DealFilter | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._what = "deals"
        self._queries = services.deal_queries
        self._deals = services.deals
        self._filter = deal_filter or DealFilter()
        self._sort = DealSort("id", descending=True)
        self._generation = 0  # bumped by every new filter, sort or refresh: late results are dropped
        self.loading = (
            False  # a filter or sort is being read off the GUI thread (the rows shown are the old ones)
        )
        self.counting = False  # the first rows are shown, the count is still being read
        self._wanted = (self._filter, self._sort)  # what was asked for last (shown once read)
        self._pending: Any = None
        self._summary_call: Any = None
        self.summary: DealSummary | None = None  # the latest, once read
        self._summaries = 0  # summaries asked for: only the newest one's answer is kept
        self._later: list[int] = []  # far pages asked for, to read off the GUI thread (last: newest)
        self._reading_later: Any = None  # the one such read in flight
        self.refreshing = False  # true during a reset that only re-reads the same list
        self._headers = (
            self.tr("ID"),
            self.tr("Title"),
            self.tr("Stage"),
            self.tr("Pipeline"),
            self.tr("Amount"),
            self.tr("Company"),
            self.tr("Contact"),
            self.tr("Responsible"),
            self.tr("Begin date"),
            self.tr("Close date"),
            self.tr("Source"),
            self.tr("Created"),
            self.tr("Activity"),
        )
        self._sources = {code: translate_message(label) for code, label in DEAL_SOURCES.items()}
        self._custom_fields_service = services.custom_fields
        self._currencies = services.currencies
        self._users = services.users
        # Read when a Money or Employee custom column first shows a value (most lists have none).
        self._base_currency: str | None = None
        self._people: dict[int, str] | None = None
        self._fields: list[CustomFieldInfo] = []
        self._custom: dict[int, dict[int, Any]] = {}  # deal id -> field id -> value, for cached pages
        self._tasks = services.tasks
        self._activity: dict[int, ActivityState] = {}  # deal id -> its open tasks, for cached pages
        self._load_fields()
        self._use(self._queries.cursor(self._filter, self._sort), background_after_ms=STARTUP_DELAY_MS)
        self._count = self._queries.total(self._cursor)
        # The total is not needed for the first frame: let the window appear first.
        QTimer.singleShot(STARTUP_DELAY_MS, self._request_summary)

    # -- what the view shows ------------------------------------------------------------------

    # -- custom field columns (after the built-in ones) -----------------------------------------

    def _load_fields(self) -> None:
        self._fields = [f for f in self._custom_fields_service.list(EntityType.DEAL) if f.show_in_list]

    @property
    def custom_fields(self) -> list[CustomFieldInfo]:
        return list(self._fields)

    def column_key(self, column: int) -> str:
        """A column's stable name: "title", "amount", ... or "uf:<field id>"."""
        if column < COLUMN_COUNT:
            return COLUMN_KEYS[column]
        return f"uf:{self._fields[column - COLUMN_COUNT].id}"

    def reload_fields(self) -> None:
        """Custom fields may have been added, changed or removed: if so, the columns change."""
        fields = [f for f in self._custom_fields_service.list(EntityType.DEAL) if f.show_in_list]
        if fields == self._fields:
            return
        self.beginResetModel()
        self._fields = fields
        self._pages.clear()
        self._custom.clear()
        self.endResetModel()

    def _field_at(self, column: int) -> CustomFieldInfo | None:
        index = column - COLUMN_COUNT
        return self._fields[index] if 0 <= index < len(self._fields) else None

    @property
    def deal_filter(self) -> DealFilter:
        return self._filter

    @property
    def deal_sort(self) -> DealSort:
        return self._sort

    @property
    def wanted_sort(self) -> DealSort:
        """The order asked for last (shown as `deal_sort` once read)."""
        return self._wanted[1]

    def set_filter(self, deal_filter: DealFilter) -> None:
        """Apply a filter now (counting on this thread); see `request_filter` for typing."""
        self._wanted = (deal_filter, self._sort)  # (a sort still being read is given up)
        if self.loading:  # a request in flight is outdone by this filter
            self.loading = self.counting = False
            self.loading_changed.emit(False)
        if deal_filter == self._filter:
            return
        self._generation += 1
        self.beginResetModel()
        self._filter = deal_filter
        self._reread()
        self.endResetModel()
        self._request_summary()

    def request_filter(self, deal_filter: DealFilter) -> None:
        """Apply a filter without blocking: its first rows, then its count, are read off the GUI
        thread and shown when ready; the latest request wins, so typing never waits for a query."""
        self._wanted = (deal_filter, self._wanted[1])
        self._request()

    def _request(self) -> None:
        """Read the wanted filter and sort off the GUI thread. Where the first rows can be read
        without laying the list out (see `DealQueries.head`), they are shown first: another
        filter's with its count still to come ("Counting deals…"), another order's at once (a
        sort keeps the count); the rest follows (a common word matches 300,000 deals, a sort by a
        custom field counts its choices)."""
        self._generation += 1
        generation, queries = self._generation, self._queries
        deal_filter, sort = self._wanted
        another_list = deal_filter != self._filter  # else the same rows in another order

        def work(part: Any) -> tuple[PageCursor, int, list[DealRow], _Extras]:
            cursor = queries.cursor(deal_filter, sort)
            head = queries.head(cursor, PAGE_SIZE)
            extras = self._page_extras(head) if head is not None else None
            if head is not None and extras is not None and len(head) == PAGE_SIZE:
                part((cursor, head, extras))
            total = queries.total(cursor)
            first = head if head is not None else queries.page(deal_filter, sort, 0, PAGE_SIZE, cursor)
            return cursor, total, first, extras if extras is not None else self._page_extras(first)

        def first_rows(result: tuple[PageCursor, list[DealRow], _Extras]) -> None:
            cursor, head, extras = result
            if generation != self._generation:
                return
            if another_list:
                self.counting = True  # (before the reset: the status bar then says "Counting…")
                self._show(deal_filter, sort, cursor, len(head), head, extras)
            else:
                self._show(deal_filter, sort, cursor, self._count, head, extras)

        def done(result: tuple[PageCursor, int, list[DealRow], _Extras]) -> None:
            cursor, total, first, extras = result
            if generation != self._generation:
                cursor.abandon()
                return
            if cursor is self._cursor:  # its first rows are shown: the count completes it
                self.counting = False
                self._resize(total)
            else:
                self._show(deal_filter, sort, cursor, total, first, extras)
            self.loading = False
            self.loading_changed.emit(False)
            if another_list or self.summary is None:  # another order has the same count and total
                self._request_summary(after_ms=PAINT_FIRST_MS)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.counting = False
                self.loading_changed.emit(False)
                self.read_failed.emit(error)

        self.loading = True
        self.loading_changed.emit(True)
        self._pending = run_in_background(work, done, failed, on_part=first_rows, owner=self)

    def _resize(self, total: int) -> None:
        """The list's rows after its count arrived: the rest added (or, if deals went away since
        the first rows were read, the surplus removed)."""
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()

    def _show(
        self,
        deal_filter: DealFilter,
        sort: DealSort,
        cursor: PageCursor,
        count: int,
        first: list[DealRow],
        extras: _Extras,
    ) -> None:
        """Show a list read off the GUI thread: another filter resets the view; the same filter in
        another order keeps the rows, which now hold other deals (the chosen ones are kept by id)."""
        if deal_filter == self._filter and count == self._count:
            self.layoutAboutToBeChanged.emit()
            self._sort = sort
            self._use(cursor, background_after_ms=PAINT_FIRST_MS)
            self._pages.clear()
            self._pages[0] = first
            stale = self.persistentIndexList()
            self.changePersistentIndexList(stale, [QModelIndex()] * len(stale))
            self.layoutChanged.emit()
            self._keep_extras(0, extras)
            self.rows_moved.emit()
            return
        self.beginResetModel()
        self._filter = deal_filter
        self._sort = sort
        self._use(cursor, background_after_ms=PAINT_FIRST_MS)
        self._count = count
        self._pages.clear()
        self._pages[0] = first
        self.endResetModel()
        self._keep_extras(0, extras)  # (after the reset: the chosen deals on it are painted)

    def _request_summary(self, after_ms: int = 0) -> None:
        """Count and total of what is shown, off the GUI thread (a scan of the matching rows)."""
        if not SUMMARY_IN_BACKGROUND:
            return
        if after_ms and not Operation.run_synchronously:  # (no worker to keep from the painting)
            QTimer.singleShot(after_ms, self, self._request_summary)
            return
        self._summaries += 1
        asked, queries, deal_filter = self._summaries, self._queries, self._filter

        def done(summary: DealSummary) -> None:
            # The newest asked for, and still of the list shown (a sort in between keeps it).
            if asked == self._summaries and deal_filter == self._filter:
                self.summary = summary
                self.summary_changed.emit(summary)

        self._summary_call = run_in_background(
            lambda: queries.summary(deal_filter),
            done,
            lambda exc: log.warning("Totals failed: %s", exc),
            owner=self,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column: the new order is read off the GUI thread (a sort by a custom field or a
        company lays out the list anew), the rows change when it is there."""
        key = SORT_KEYS.get(column)
        field = self._field_at(column)
        if field is not None and field.sortable:
            key = f"uf:{field.id}"
        if key is None:
            return
        new_sort = DealSort(key, descending=order == Qt.SortOrder.DescendingOrder)
        if new_sort == self._wanted[1]:
            return
        self._wanted = (self._wanted[0], new_sort)
        self._request()

    def sort_column(self) -> int:
        if self._sort.column.startswith("uf:"):
            field_id = int(self._sort.column[3:])
            return next((COLUMN_COUNT + i for i, f in enumerate(self._fields) if f.id == field_id), COL_ID)
        return next((col for col, key in SORT_KEYS.items() if key == self._sort.column), COL_ID)

    def refresh(self) -> None:
        """Re-read after a change (here or on another PC), off the GUI thread: the same count keeps
        the rows in place (selection and scroll stay), another count resets them, keeping both."""
        if self.loading:  # what is being read may predate the change: read it again
            self._request()
            return
        self._generation += 1
        generation, queries, deal_filter, sort = self._generation, self._queries, self._filter, self._sort

        def work() -> tuple[PageCursor, int, list[DealRow], _Extras]:
            cursor = queries.cursor(deal_filter, sort)
            total = queries.total(cursor)
            first = queries.page(deal_filter, sort, 0, PAGE_SIZE, cursor) if total else []
            return cursor, total, first, self._page_extras(first)

        def done(result: tuple[PageCursor, int, list[DealRow], _Extras]) -> None:
            cursor, count, first, extras = result
            if generation != self._generation:
                cursor.abandon()
                return
            if count != self._count:
                self.refreshing = True  # the view keeps its selection and scroll through this reset
                self.beginResetModel()
                self._use(cursor, background_after_ms=PAINT_FIRST_MS)
                self._count = count
                self._pages.clear()
                self._pages[0] = first
                self.endResetModel()
                self.refreshing = False
            else:
                self._use(cursor, background_after_ms=PAINT_FIRST_MS)
                self._pages.clear()
                self._pages[0] = first
                if count:
                    self.dataChanged.emit(self.index(0, 0), self.index(count - 1, self.columnCount() - 1))
                self.rows_moved.emit()
            self._keep_extras(0, extras)
            self._request_summary(after_ms=PAINT_FIRST_MS)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.read_failed.emit(error)

        self._refreshing_call = run_in_background(work, done, failed, owner=self)

    def _reread(self) -> None:
        """A new layout for the current filter and sort (positions shift when either changes)."""
        self._use(self._queries.cursor(self._filter, self._sort))
        self._count = self._queries.total(self._cursor)
        self._pages.clear()

    def _use(self, cursor: PageCursor, background_after_ms: int = 0) -> None:
        """Read pages through this cursor from now on; find its anchors off the GUI thread."""
        old = getattr(self, "_cursor", None)
        if old is not None:
            old.abandon()
        self._cursor = cursor
        if not PREPARE_IN_BACKGROUND:
            return
        queries = self._queries

        def prepare() -> None:
            if self._cursor is cursor:  # still the list shown
                self._preparing = run_in_background(
                    lambda: queries.prepare(cursor),
                    on_failed=lambda exc: log.warning("Preparing pages failed: %s", exc),
                )

        if background_after_ms:
            QTimer.singleShot(background_after_ms, prepare)
        else:
            prepare()

    @property
    def cursor(self) -> PageCursor:
        return self._cursor

    def _read_now(self, page_no: int) -> bool:
        """A page one index seek away is read now; a page far down a long list whose anchors are
        not found yet is read off the GUI thread (an OFFSET over five million rows held the window
        1.5 s at ten million deals), its rows blank until it arrives."""
        if self._cursor.reads_quickly(page_no * PAGE_SIZE):
            return True
        self._read_later(page_no)
        return False

    def _read_later(self, page_no: int) -> None:
        """Read a far page off the GUI thread: one at a time, the page asked for last first (the
        scroll bar dragged through a million rows asks for many on its way)."""
        if page_no in self._later:
            self._later.remove(page_no)
        self._later.append(page_no)
        if self._reading_later is not None:
            return
        while self._later and self._later[-1] in self._pages:
            self._later.pop()
        if not self._later:
            return
        page_no = self._later.pop()
        generation, cursor, queries = self._generation, self._cursor, self._queries
        deal_filter, sort = self._filter, self._sort

        def work() -> tuple[list[DealRow], _Extras]:
            rows = queries.page(deal_filter, sort, page_no * PAGE_SIZE, PAGE_SIZE, cursor)
            return rows, self._page_extras(rows)

        def done(result: tuple[list[DealRow], _Extras]) -> None:
            self._reading_later = None
            if generation == self._generation and cursor is self._cursor:
                rows, extras = result
                self._keep_page(page_no, rows)
                self._keep_extras(page_no, extras)
                first = page_no * PAGE_SIZE
                last = min(first + len(rows), self._count) - 1
                if last >= first:
                    self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            else:
                self._later.clear()  # asked for by a list no longer shown
            if self._later:
                self._read_later(self._later.pop())

        def failed(error: BaseException) -> None:
            self._reading_later = None
            self._later.clear()
            self.read_failed.emit(error)

        self._reading_later = run_in_background(work, done, failed, owner=self)

    def cached_page(self, page_no: int) -> list[DealRow] | None:
        """A page's rows if read already (never a query)."""
        return self._pages.get(page_no)

    def cached_page_numbers(self) -> list[int]:
        return list(self._pages)

    def versions_of(self, ids: Sequence[int]) -> dict[int, int]:
        """The version of each of these deals as the list shows it (from the pages read; never a query)."""
        wanted = set(ids)
        return {row.id: row.version for page in self._pages.values() for row in page if row.id in wanted}

    def ids_in(self, top: int, bottom: int) -> list[int]:
        """The deal ids of rows top..bottom: from the pages read, else one query for the range."""
        top, bottom = max(0, top), min(bottom, self._count - 1)
        if bottom < top:
            return []
        first, last = top // PAGE_SIZE, bottom // PAGE_SIZE
        if all(page in self._pages for page in range(first, last + 1)):
            ids = [deal.id for page in range(first, last + 1) for deal in self._pages[page]]
            start = top - first * PAGE_SIZE
            return ids[start : start + bottom - top + 1]
        return self._queries.ids(self._filter, self._sort, top, bottom - top + 1, self._cursor)

    def _read_count(self) -> int:
        return self._queries.total(self._cursor)

    def _read_page(self, offset: int, limit: int) -> list[DealRow]:
        return self._queries.page(self._filter, self._sort, offset, limit, self._cursor)

    def _page_arrived(self, page_no: int, page: list[DealRow]) -> None:
        self._keep_extras(page_no, self._page_extras(page))

    def _page_extras(self, page: list[DealRow]) -> _Extras:
        """What a page shows besides its rows: the deals' open tasks and their custom values (two
        grouped queries; safe on a worker thread, which reads them with the page it found)."""
        ids = [d.id for d in page]
        errors: list[Exception] = []
        try:
            activity = self._tasks.activity(ids)
        except Exception as exc:  # shown without them, and reported
            errors.append(exc)
            activity = {}
        custom: dict[int, dict[int, Any]] = {}
        fields = self._fields
        if fields:
            try:
                custom = self._custom_fields_service.values(EntityType.DEAL, ids, fields)
            except Exception as exc:  # shown without them, and reported
                errors.append(exc)
        return activity, custom, errors

    def _keep_extras(self, page_no: int, extras: _Extras) -> None:
        activity, custom, errors = extras
        self.page_read.emit(page_no)
        self._activity.update(activity)
        self._custom.update(custom)
        for error in errors:
            self.read_failed.emit(error)

    def _page_dropped(self, page: list[DealRow]) -> None:
        for deal in page:
            self._custom.pop(deal.id, None)
            self._activity.pop(deal.id, None)

    # -- QAbstractTableModel ------------------------------------------------------------------

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT + len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
            if role == Qt.ItemDataRole.DisplayRole:
                field = self._field_at(section)
                return field.label if field is not None else self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN_RIGHT if section in (COL_ID, COL_AMOUNT) else _ALIGN_LEFT
        return None

    def cell_look(self, row: int, column: int) -> CellLook | None:
        """All a cell's painting needs, in one call (None: its row is not read yet). Qt asks the model
        role by role, each time from C++ into Python; while a query runs on a worker, each of those
        calls can wait for the interpreter, and a screenful of cells made ~2,500 of them."""
        deal = self.row_at(row)
        if deal is None:
            return None
        data = self._row_data
        return CellLook(
            data(deal, column, Qt.ItemDataRole.DisplayRole),
            data(deal, column, Qt.ItemDataRole.TextAlignmentRole),
            data(deal, column, Qt.ItemDataRole.ForegroundRole),
            data(deal, column, Qt.ItemDataRole.FontRole),
            deal.stage_color if column == COL_STAGE else None,
        )

    def _row_data(self, deal: DealRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(deal, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if column in (COL_ID, COL_AMOUNT) else _ALIGN_LEFT
        if role == DealIdRole:
            return deal.id
        if role == StageColorRole:
            return deal.stage_color
        if role == VersionRole:
            return deal.version
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(deal, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return deal.title
        if column == COL_ACTIVITY and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
        ):
            return self._activity_look(deal, role)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STAGE:
            return _STALE if deal.stale else QBrush(QColor(deal.stage_color).darker(150))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STAGE and deal.stale:
            return self.tr(
                "No stage change for %Ln day(s): longer than this stage allows.",
                "",
                idle_days_of(deal.stage_changed_at),
            )
        return None

    @staticmethod
    def _edit_value(deal: DealRow, column: int) -> Any:
        """What an editor starts from: plain values (the delegate turns them into widgets)."""
        return {
            COL_TITLE: deal.title,
            COL_AMOUNT: deal.amount,
            COL_CLOSE: deal.close_date,
            COL_STAGE: deal.stage_id,
            COL_RESPONSIBLE: deal.responsible_id,
        }.get(column)

    def _custom_display(self, deal: DealRow, field: CustomFieldInfo) -> str:
        value = self._custom.get(deal.id, {}).get(field.id)
        if value is None:
            return ""
        values = value if isinstance(value, list) else [value]
        return ", ".join(self._custom_text(field, v) for v in values)

    def _custom_text(self, field: CustomFieldInfo, value: Any) -> str:
        kind = field.field_type
        if kind is FieldType.LIST:
            return field.option_label(value) or ""
        if kind is FieldType.BOOLEAN:
            return self.tr("Yes") if value else self.tr("No")
        if kind is FieldType.DATE:
            return short_date(value)
        if kind is FieldType.DATETIME:
            return f"{short_date(value)} {value:%H:%M}"
        if kind is FieldType.MONEY:
            if self._base_currency is None:
                self._base_currency = self._currencies.base_code()
            return money(value, self._base_currency)
        if kind is FieldType.DECIMAL:
            return QLocale().toString(float(value), "f", 2)
        if kind is FieldType.INTEGER:
            return QLocale().toString(int(value))
        if kind is FieldType.EMPLOYEE:
            if self._people is None:
                self._people = {u.id: u.name for u in self._users.list(active_only=False)}
            return self._people.get(value, f"#{value}")
        if kind in (FieldType.CONTACT, FieldType.COMPANY):
            return f"#{value}"
        return str(value)

    def _display(self, deal: DealRow, column: int) -> Any:
        if column == COL_ID:
            return str(deal.id)
        if column == COL_TITLE:
            return deal.title
        if column == COL_STAGE:
            if deal.stale:
                return self.tr("%1 · idle %Ln d", "", idle_days_of(deal.stage_changed_at)).replace(
                    "%1", deal.stage_name
                )
            return deal.stage_name
        if column == COL_PIPELINE:
            return deal.pipeline_name
        if column == COL_AMOUNT:
            return money(deal.amount, deal.currency)
        if column == COL_COMPANY:
            return deal.company_title or ""
        if column == COL_CONTACT:
            return deal.contact_name or ""
        if column == COL_RESPONSIBLE:
            return deal.responsible_name or ""
        if column == COL_BEGIN:
            return short_date(deal.begin_date)
        if column == COL_CLOSE:
            return short_date(deal.close_date)
        if column == COL_SOURCE:
            return self._sources.get(deal.source or "", deal.source or "")
        if column == COL_CREATED:
            return short_date(deal.created_at)
        if column == COL_ACTIVITY:
            return self._activity_text(deal)
        field = self._field_at(column)
        if field is not None:
            return self._custom_display(deal, field)
        return None

    # -- the activity column: the deal's open tasks, as its card shows them -------------------------

    def activity_of(self, deal_id: int) -> ActivityState | None:
        return self._activity.get(deal_id)

    def _activity_text(self, deal: DealRow) -> str:
        state = self._activity.get(deal.id)
        if state is None:
            return ""
        if state.overdue:
            return self.tr("%Ln overdue", "", state.overdue)
        if state.today:
            return self.tr("Today")
        if state.next_due is not None:
            return short_date(state.next_due.replace(tzinfo=UTC).astimezone())
        if state.open:
            return self.tr("%Ln open", "", state.open)  # planned without a date
        return "" if deal.closed else self.tr("None planned")

    def _activity_look(self, deal: DealRow, role: int) -> Any:
        state = self._activity.get(deal.id)
        if state is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if state.overdue:
                return _OVERDUE
            if state.today:
                return _TODAY
            return _QUIET if state.none_planned else None
        if role == Qt.ItemDataRole.FontRole:
            if state.overdue:
                bold = QFont()
                bold.setBold(True)
                return bold
            if state.none_planned and not deal.closed:
                quiet = QFont()
                quiet.setItalic(True)
                return quiet
            return None
        if state.open:
            text = self.tr("%Ln open task(s)", "", state.open)
            if state.next_due is not None:
                text += "\n" + self.tr("Next: %1").replace("%1", short_moment(state.next_due))
            return text
        return None if deal.closed else self.tr("Nothing planned: no open task on this deal.")

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing in place -----------------------------------------------------------------------

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Save one field through the services; a refusal is reported (`edit_failed`), nothing stored."""
        field = EDITABLE.get(index.column())
        deal = self.row_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or field is None or deal is None:
            return False
        try:
            self._deals.update(deal.id, deal.version, **{field: value})
        except (ServiceError, DatabaseError) as exc:
            self.edit_failed.emit(exc)
            return False
        # The change event refreshes the list; this row is re-read at once so the edit shows.
        self._pages.pop(index.row() // PAGE_SIZE, None)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True
