"""Pages of a sorted, filtered deal list at any position, by index ranges instead of long OFFSETs.

A sorted list is a sequence of segments, each read through one index in one order:
- sorting by a deal column: the deals without a value (ordered by id), then the others ordered by
  (value, id) — NULLs first going up, last going down, on SQLite and PostgreSQL alike;
- sorting by a stage, pipeline, company or responsible person: one segment per stage (company,
  person) in the order of their names, each ordered by id.
Within a segment, every STEP-th row's sort key is remembered as an anchor once it has been
found (a hop of STEP index entries each), so a page anywhere costs one index seek plus at most
STEP skipped entries instead of an OFFSET over everything before it.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, exists, func, select, tuple_

from app.models import Company, CustomFieldValue, Deal, Pipeline, Stage, User, deal_search
from app.services.deals.filters import CustomCondition, value_condition
from app.services.deals.stage_totals import deal_count

STEP = 1000
MAX_HOPS_ON_READ = 8  # further than this, one OFFSET read is cheaper than hopping there now


@dataclass(frozen=True)
class DealSort:
    column: str = "id"
    descending: bool = True


# Sorts on a deal column: the column, and whether it can be empty.
OWN_SORTS: dict[str, tuple[Any, bool]] = {
    "id": (Deal.id, False),
    "title": (Deal.title, False),
    "amount": (Deal.amount, False),
    "begin_date": (Deal.begin_date, True),
    "close_date": (Deal.close_date, True),
    "created_at": (Deal.created_at, False),
    "source": (Deal.source, True),
}
# Sorts by something the deal refers to: the deal's column that names it.
JOINED_SORTS: dict[str, Any] = {
    "stage": Deal.stage_id,
    "pipeline": Deal.stage_id,  # by pipeline, then by stage within it
    "company": Deal.company_id,
    "responsible": Deal.responsible_id,
}
SORT_COLUMNS = frozenset(OWN_SORTS) | frozenset(JOINED_SORTS)


@dataclass(frozen=True)
class CustomSort:
    """Sorting by a custom field: which, where its values live, and its list choices in order."""

    field_id: int
    value_column: str  # "value_int" or "value_text"
    options: tuple[int, ...] | None = None  # a list field: its choices' ids in their order


IN_LIST_MAX = 20_000  # ids in one IN list: under SQLite's (32,766) and PostgreSQL's bound-value limits

_SORT_VALUE = CustomFieldValue.__table__.alias("sort_value")


@dataclass(slots=True)
class _Segment:
    start: int
    count: int
    where: ColumnElement[bool] | None  # which deals belong to it (None: all filtered deals)
    key: Any | None  # the sort column before the id, or None when ordered by id alone
    anchors: list[tuple[Any, ...]] = field(default_factory=list)
    # Read through another table (a custom field's values): joined, and its own id column.
    via_values: int | None = None  # the custom field id
    id_column: Any = field(default_factory=lambda: Deal.id)
    in_search: bool = False  # read from the search index (`where`: its match; id_column: its rowid)
    # Or, for one of many segments (a company's deals when sorting by company: 50,000 of them),
    # the deal column and its value, made into `where` only when the segment is read (an SQL
    # expression each kept 90 MB alive for a sort by company at a million deals).
    link: Any | None = None
    value: Any | None = None

    def condition(self) -> ColumnElement[bool] | None:
        if self.link is None:
            return self.where
        condition: ColumnElement[bool] = (
            self.link.is_(None) if self.value is None else self.link == self.value
        )
        return condition


def _anchor_values(segment: _Segment, anchor: tuple[Any, ...]) -> dict[str, Any]:
    if segment.key is None:
        return {"anchor_id": anchor[0]}
    return {"anchor_key": anchor[0], "anchor_id": anchor[1]}


class PageCursor:
    """The layout of one sorted, filtered list: its segments, their sizes and the anchors found so far.

    Made for one (filter, sort); throw it away when either or the data changes. Thread-safe:
    a background thread may `prepare()` it while the GUI thread reads pages.
    """

    def __init__(
        self,
        conditions: Sequence[ColumnElement[bool]],
        sort: DealSort,
        *,
        costly_filter: bool = False,
        custom: CustomSort | None = None,
        driver: CustomCondition | None = None,
        search: ColumnElement[bool] | None = None,
    ) -> None:
        if sort.column not in SORT_COLUMNS and custom is None:
            raise ValueError(f"Can't sort deals by {sort.column!r}")
        self.sort = sort
        self._custom = custom
        self._conditions = list(conditions)
        self._segments: list[_Segment] | None = None
        self._starts: list[int] = []
        self._lock = threading.RLock()
        self._abandoned = False
        # A search (a subquery) costs the same for one row as for all: find anchors in one pass then.
        self._costly_filter = costly_filter
        # A filter that is only a condition on a custom field: its value index lists the deals, in
        # id order, with their count — the deal table is not read at all (conditions are empty).
        self._driver = driver
        # Or a filter that is only a search: the search index's match lists the deals (its rowids).
        self._search = search
        if (driver is not None or search is not None) and (
            self._conditions or sort.column != "id" or custom is not None
        ):
            raise ValueError("an index driver reads the id order of an otherwise unfiltered list")
        if search is not None:
            self._costly_filter = True

    # -- layout -------------------------------------------------------------------------------

    def total(self, conn: Connection) -> int:
        segments = self._layout(conn)
        return segments[-1].start + segments[-1].count if segments else 0

    def _layout(self, conn: Connection) -> list[_Segment]:
        with self._lock:
            if self._segments is None:
                self._segments = self._build_segments(conn)
                self._starts = [s.start for s in self._segments]
            return self._segments

    def _build_segments(self, conn: Connection) -> list[_Segment]:
        column = self.sort.column
        if self._driver is not None:
            return self._driver_segments(conn, self._driver)
        if self._search is not None:
            count = conn.scalar(select(func.count()).select_from(deal_search).where(self._search)) or 0
            return [self._search_segment(count)] if count else []
        if self._custom is not None:
            return self._custom_segments(conn, self._custom)
        if column in OWN_SORTS:
            key, nullable = OWN_SORTS[column]
            total = self._count(conn, None)
            if column == "id":
                parts = [(None, total, None)]
            else:
                nulls = self._count(conn, key.is_(None)) if nullable else 0
                parts = [(key.is_(None), nulls, None), (key.is_not(None), total - nulls, key)]
                if self.sort.descending:
                    parts.reverse()
        else:
            link = JOINED_SORTS[column]
            grouped = conn.execute(select(link, func.count()).where(*self._conditions).group_by(link))
            counts: dict[Any, int] = dict(grouped.all())
            ordered: list[Any] = [None, *self._ordered_values(conn, column)]
            if self.sort.descending:
                ordered.reverse()
            segments: list[_Segment] = []
            start = 0
            for value in ordered:
                count = counts.get(value, 0)
                if count:
                    segments.append(_Segment(start, count, None, None, link=link, value=value))
                    start += count
            return segments
        segments = []
        start = 0
        for where, count, key in parts:
            if count:
                segments.append(_Segment(start, count, where, key))
                start += count
        return segments

    @staticmethod
    def _driver_segments(conn: Connection, driver: CustomCondition) -> list[_Segment]:
        value = _SORT_VALUE
        matching = value_condition(value, driver)
        count = conn.scalar(select(func.count()).select_from(value).where(matching)) or 0
        segment = _Segment(0, count, matching, None, via_values=driver.field_id, id_column=value.c.entity_id)
        return [segment] if count else []

    def _search_segment(self, count: int) -> _Segment:
        return _Segment(0, count, self._search, None, id_column=deal_search.c.rowid, in_search=True)

    def _custom_segments(self, conn: Connection, custom: CustomSort) -> list[_Segment]:
        """Deals without a value, then by value (along the field's value index), or per choice.

        Every part is read in index order: the values by (value, deal id), a choice's deals by
        deal id within (field, choice), the deals without a value by id with an indexed probe.
        """
        value = _SORT_VALUE
        counted = select(value.c.value_int if custom.options is not None else func.count()).select_from(value)
        if self._conditions:
            counted = counted.join(Deal, Deal.id == value.c.entity_id).where(*self._conditions)
        counted = counted.where(value.c.field_id == custom.field_id)
        total = self._count(conn, None)
        if custom.options is not None:
            grouped = conn.execute(counted.add_columns(func.count()).group_by(value.c.value_int))
            counts: dict[Any, int] = dict(grouped.all())
            with_value = sum(counts.values())
        else:
            with_value = conn.scalar(counted) or 0
        parts = self._custom_parts(custom)
        for part in parts:
            if part.via_values is None:
                part.count = total - with_value
            elif custom.options is not None:
                part.count = counts.get(part.value, 0)
            else:
                part.count = with_value
        start = 0
        segments = []
        for segment in parts:
            if segment.count > 0:
                segment.start = start
                segments.append(segment)
                start += segment.count
        return segments

    def _custom_parts(self, custom: CustomSort) -> list[_Segment]:
        """The parts of a custom field's order, in order, not yet counted (count 0)."""
        value = _SORT_VALUE
        field_id = custom.field_id
        parts: list[_Segment] = []
        if custom.options is not None:
            for option in custom.options:
                parts.append(  # `value`: which choice (its count is looked up by it)
                    _Segment(
                        0,
                        0,
                        value.c.value_int == option,
                        None,
                        via_values=field_id,
                        id_column=value.c.entity_id,
                        value=option,
                    )
                )
        else:
            parts.append(
                _Segment(
                    0, 0, None, value.c[custom.value_column], via_values=field_id, id_column=value.c.entity_id
                )
            )
        probe = CustomFieldValue.__table__.alias("probe_value")
        without = ~exists().where(probe.c.field_id == field_id, probe.c.entity_id == Deal.id)
        parts.insert(0, _Segment(0, 0, without, None))
        if self.sort.descending:
            parts.reverse()
        return parts

    def _unsized_parts(self) -> list[_Segment] | None:
        """The list's parts in order without counting them (for its first rows), where there are
        few: None for the value-index driver and for sorts by stage, pipeline, company or person."""
        if self._driver is not None:
            return None
        if self._search is not None:
            return [self._search_segment(0)]
        if self._custom is not None:
            return self._custom_parts(self._custom)
        column = self.sort.column
        if column not in OWN_SORTS:
            return None
        key, nullable = OWN_SORTS[column]
        if column == "id":
            return [_Segment(0, 0, None, None)]
        if not nullable:
            return [_Segment(0, 0, None, key)]
        parts = [_Segment(0, 0, key.is_(None), None), _Segment(0, 0, key.is_not(None), key)]
        return parts[::-1] if self.sort.descending else parts

    def _count(self, conn: Connection, where: ColumnElement[bool] | None) -> int:
        if where is None and not self._conditions:  # every deal: on a server from the running totals
            total = deal_count(conn)
            if total is not None:
                return total
        extra = [where] if where is not None else []
        return conn.scalar(select(func.count()).select_from(Deal).where(*self._conditions, *extra)) or 0

    @staticmethod
    def _ordered_values(conn: Connection, column: str) -> list[Any]:
        if column in ("stage", "pipeline"):
            stmt = (
                select(Stage.id)
                .join(Pipeline, Pipeline.id == Stage.pipeline_id)
                .order_by(Pipeline.sort, Pipeline.id, Stage.sort, Stage.id)
            )
        elif column == "company":
            stmt = select(Company.id).order_by(Company.title, Company.id)
        else:
            stmt = select(User.id).order_by(User.name, User.id)
        return list(conn.scalars(stmt).all())

    # -- reading ------------------------------------------------------------------------------

    def head_ids(self, conn: Connection, limit: int) -> list[int] | None:
        """The first `limit` ids of the list without laying it out (no count: a common search word
        matches hundreds of thousands of deals, a sort by a custom field counts each choice, and
        the first screen needs 100): each part of its order read along its index until the screen
        is full. None for sorts by what a deal refers to (a part per stage, company or person),
        and once it is laid out."""
        if self._segments is not None:
            return None
        parts = self._unsized_parts()
        if parts is None:
            return None
        ids: list[int] = []
        for part in parts:  # each part along its index, until the screen is full
            ids.extend(conn.scalars(self._select(part).limit(limit - len(ids))).all())
            if len(ids) >= limit:
                break
        return ids

    def reads_quickly(self, offset: int) -> bool:
        """Whether the page at `offset` is one index seek away (its segment laid out and the anchor
        before it known, or near the segment's start), not hops or an OFFSET over millions of rows
        (1.5 s at ten million deals): a screen reads such a page off its thread."""
        with self._lock:
            if self._segments is None:
                return False
            index = max(0, bisect_right(self._starts, max(0, offset)) - 1)
            if index >= len(self._segments):
                return True
            segment = self._segments[index]
            number = max(0, offset - segment.start) // STEP
            return number == 0 or len(segment.anchors) > number

    def page_ids(self, conn: Connection, offset: int, limit: int) -> list[int]:
        """The ids of the deals at positions offset .. offset + limit - 1."""
        segments = self._layout(conn)
        ids: list[int] = []
        index = max(0, bisect_right(self._starts, max(0, offset)) - 1)
        position = max(0, offset)
        while len(ids) < limit and index < len(segments):
            segment = segments[index]
            inside = position - segment.start
            if inside < segment.count:
                take = min(limit - len(ids), segment.count - inside)
                ids.extend(self._read(conn, segment, inside, take))
                position += take
            index += 1
        return ids

    def in_order(self, conn: Connection, deal_ids: Sequence[int]) -> list[int]:
        """Those of these deals the list holds, in the list's order (a selection exported as shown).

        Each segment's share is read in its own order: in one statement for up to IN_LIST_MAX deals,
        else in chunks merged by their sort keys (on PostgreSQL, text keys then follow Python's
        order rather than the server's collation)."""
        wanted = sorted(set(deal_ids))
        ordered: list[int] = []
        for segment in self._layout(conn):
            if len(wanted) <= IN_LIST_MAX:
                ordered.extend(conn.scalars(self._select(segment, segment.id_column.in_(wanted))))
                continue
            keyed: list[tuple[Any, ...]] = []
            for start in range(0, len(wanted), IN_LIST_MAX):
                chunk = wanted[start : start + IN_LIST_MAX]
                keyed.extend(
                    tuple(row)
                    for row in conn.execute(self._key_select(segment, segment.id_column.in_(chunk)))
                )
            keyed.sort(reverse=self.sort.descending)
            ordered.extend(row[-1] for row in keyed)
        return ordered

    def prepare(self, conn: Connection) -> bool:
        """Find the anchors of the next segment not yet prepared, in one ordered pass over it.

        Returns True when every segment is done (or the cursor was abandoned). One pass reads
        each key once (about half a second for a million deals) where hopping would re-run the
        filter for every anchor (a minute for a search matching 300,000 deals). The caller runs
        each call in its own transaction, so writers wait at most for one segment's pass.
        """
        for segment in self._layout(conn):
            last = (segment.count - 1) // STEP
            with self._lock:
                if len(segment.anchors) > last:
                    continue
            if last == 0:
                continue  # a small segment: reading it finds its one anchor on the way
            if not self._costly_filter:
                # Along an index, hopping STEP entries at a time stays in SQLite's C code.
                if self._anchor(conn, segment, last, limit_hops=False) is None:
                    return True
                continue
            anchors: list[tuple[Any, ...]] = []
            result = conn.execution_options(stream_results=True, yield_per=STEP).execute(
                self._key_select(segment)
            )
            position = 0
            for partition in result.partitions(STEP):
                if self._abandoned:
                    result.close()
                    return True
                if position % STEP == 0 and partition:
                    anchors.append(tuple(partition[0]))
                position += len(partition)
            with self._lock:
                segment.anchors[:] = anchors
            return segment is self._segments[-1]  # type: ignore[index]
        return True

    def abandon(self) -> None:
        """The list moved on (new filter, sort or data): stop preparing."""
        self._abandoned = True

    def _order(self, segment: _Segment) -> list[Any]:
        columns = [segment.key, segment.id_column] if segment.key is not None else [segment.id_column]
        return [c.desc() for c in columns] if self.sort.descending else [c.asc() for c in columns]

    def _from(self, segment: _Segment) -> ColumnElement[bool]:
        """An anchor's row and the ones after it in the sort order, the anchor's values left to bind
        (`_anchor_values`) with the columns' own types (money as cents, dates as SQLite stores them):
        one statement for every anchor."""
        anchor_id = bindparam("anchor_id", type_=Deal.id.type)
        if segment.key is not None:
            columns: Any = tuple_(segment.key, segment.id_column)
            value: Any = tuple_(bindparam("anchor_key", type_=segment.key.type), anchor_id)
        else:
            columns, value = segment.id_column, anchor_id
        condition: ColumnElement[bool] = columns <= value if self.sort.descending else columns >= value
        return condition

    def _frame(self, segment: _Segment, *columns: Any) -> Any:
        """SELECT columns FROM the segment's rows: the deals, or a field's values joined to them."""
        stmt = select(*columns)
        if segment.in_search:
            stmt = stmt.select_from(deal_search)
        if segment.via_values is not None:
            value = _SORT_VALUE
            stmt = stmt.select_from(value).where(value.c.field_id == segment.via_values)
            if self._conditions:  # without a filter, the values' own index suffices
                stmt = stmt.join(Deal, Deal.id == value.c.entity_id)
        condition = segment.condition()
        where = [condition] if condition is not None else []
        return stmt.where(*self._conditions, *where)

    def _select(self, segment: _Segment, *extra: ColumnElement[bool]) -> Any:
        return self._frame(segment, segment.id_column).where(*extra).order_by(*self._order(segment))

    def _anchor(
        self, conn: Connection, segment: _Segment, number: int, *, limit_hops: bool = True
    ) -> tuple[Any, ...] | None:
        """The sort key of the row at position number * STEP of the segment, hopping to it if needed.

        None when it would take more than MAX_HOPS_ON_READ hops and `limit_hops` (the caller then
        reads by OFFSET once; the background preparation finds the anchors), or when the segment
        ended sooner than counted.
        The lock is held only to read and append, never during a query, so a page read on one
        thread never waits for the preparation on another.
        """
        anchors = segment.anchors
        max_hops = MAX_HOPS_ON_READ if limit_hops else None
        hops = 0
        hop: Any = None  # the statement from one anchor to the next, bound to the anchor's values
        while True:
            with self._lock:
                if len(anchors) > number:
                    return anchors[number]
                last = anchors[-1] if anchors else None
                known = len(anchors)
            if (max_hops is not None and hops >= max_hops) or self._abandoned:
                return None
            if last is None:
                row = conn.execute(self._key_select(segment).limit(1)).first()
            else:
                if hop is None:  # made once for all the hops of this call (anew: ~0.15 ms of Python
                    # a hop, holding the interpreter: 1,000 hops at a million deals, next to the GUI)
                    hop = self._key_select(segment, self._from(segment)).offset(STEP).limit(1)
                row = conn.execute(hop, _anchor_values(segment, last)).first()
            if row is None:
                return None
            with self._lock:
                if len(anchors) == known:  # nobody appended it meanwhile
                    anchors.append(tuple(row))
            hops += 1

    def _key_select(self, segment: _Segment, *extra: ColumnElement[bool]) -> Any:
        keys = [segment.key, segment.id_column] if segment.key is not None else [segment.id_column]
        return self._frame(segment, *keys).where(*extra).order_by(*self._order(segment))

    def _read(self, conn: Connection, segment: _Segment, inside: int, take: int) -> list[int]:
        number = inside // STEP
        anchor = self._anchor(conn, segment, number)
        if anchor is None:  # anchors not found yet (or the data changed): count from the start once
            return list(conn.scalars(self._select(segment).offset(inside).limit(take)).all())
        stmt = self._select(segment, self._from(segment)).offset(inside - number * STEP).limit(take)
        return list(conn.scalars(stmt, _anchor_values(segment, anchor)).all())
