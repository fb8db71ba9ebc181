"""Exporting deals (a selection, or everything a filter matches, in the list's order) to CSV or XLSX."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.exporting.tables import write_csv, write_xlsx
from app.models import Deal, EntityType, FieldType
from app.services.access.rights import Action
from app.services.access.scope import deal_scope
from app.services.access.users import UserService
from app.services.core.context import ServiceContext
from app.services.deals.filters import DealFilter
from app.services.deals.paging import DealSort
from app.services.deals.queries import DealQueryService, DealRow
from app.services.fields.custom_fields import CustomFieldInfo, CustomFieldService, read_values
from app.services.fields.field_rules import field_access

BATCH = 1000
Progress = Callable[[int, int], None]

# What each list column exports: typed values (numbers stay numbers, dates stay dates).
EXPORTERS: dict[str, Callable[[DealRow], Any]] = {
    "id": lambda r: r.id,
    "title": lambda r: r.title,
    "stage": lambda r: r.stage_name,
    "pipeline": lambda r: r.pipeline_name,
    "amount": lambda r: r.amount,
    "currency": lambda r: r.currency,
    "company": lambda r: r.company_title,
    "contact": lambda r: r.contact_name,
    "responsible": lambda r: r.responsible_name,
    "begin_date": lambda r: r.begin_date,
    "close_date": lambda r: r.close_date,
    "source": lambda r: r.source,
    "created_at": lambda r: r.created_at,
}


# The field behind each exported column (for the field access rules), where the names differ.
FIELD_OF_COLUMN = {
    "company": "company_id",
    "contact": "contact_ids",
    "responsible": "responsible_id",
    "pipeline": "pipeline_id",
    "currency": "amount",
}


def custom_cell(field: CustomFieldInfo, value: Any, people: Mapping[int, str]) -> Any:
    """A custom value as a spreadsheet shows it: choices and people by name, several joined."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(custom_cell(field, v, people)) for v in value)
    if field.field_type is FieldType.LIST:
        return field.option_label(value)
    if field.field_type is FieldType.EMPLOYEE:
        return people.get(value, value)
    return value


class ExportFormat(enum.StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class DealExportService:
    def __init__(self, context: ServiceContext, queries: DealQueryService) -> None:
        self._ctx = context
        self._queries = queries

    def export(
        self,
        path: Path,
        fmt: ExportFormat,
        columns: Sequence[tuple[str, str]],
        *,
        ids: Sequence[int] | None = None,
        matching: tuple[DealFilter, DealSort] | None = None,
        value_names: Mapping[str, Mapping[str, str]] | None = None,
        delimiter: str = ",",
        decimal_comma: bool = False,
        progress: Progress | None = None,
    ) -> int:
        """Write the deals with these (key, header) columns; returns how many rows were written.

        `ids` exports those deals in that order; `matching` exports every deal of a filter in a
        sort order. `value_names` turns codes into words per column (e.g. source codes).
        """
        fields = {f"uf:{f.id}": f for f in CustomFieldService(self._ctx).list(EntityType.DEAL)}
        unknown = [key for key, _ in columns if key not in EXPORTERS and key not in fields]
        if unknown:
            raise ValueError(f"Can't export columns {unknown}")
        with self._ctx.read() as session:
            hidden, _read_only = field_access(session, EntityType.DEAL, self._ctx.actor_id)
        if hidden:  # fields the person may not see are not in their files either
            columns = [
                (key, title)
                for key, title in columns
                if (f"uf:{fields[key].code}" if key in fields else FIELD_OF_COLUMN.get(key, key))
                not in hidden
            ]
        total = len(ids) if ids is not None else self._queries.count(matching[0]) if matching else 0
        names = value_names or {}
        wanted = [fields[key] for key, _ in columns if key in fields]
        people = {u.id: u.name for u in UserService(self._ctx).list(active_only=False)}

        def rows() -> Iterator[list[Any]]:
            for done, every in self._batches(ids, matching):
                batch = self._exportable(every)
                custom: dict[int, dict[int, Any]] = {}
                if wanted:
                    with self._ctx.connect() as conn:
                        custom = read_values(conn, wanted, [r.id for r in batch])
                for row in batch:
                    values = []
                    for key, _title in columns:
                        if key in fields:
                            values.append(
                                custom_cell(fields[key], custom.get(row.id, {}).get(fields[key].id), people)
                            )
                            continue
                        value = EXPORTERS[key](row)
                        mapping = names.get(key)
                        values.append(mapping.get(value, value) if mapping and value is not None else value)
                    yield values
                if progress is not None:
                    progress(done, total)

        header = [title for _key, title in columns]
        if fmt is ExportFormat.XLSX:
            return write_xlsx(path, header, rows())
        return write_csv(path, header, rows(), delimiter=delimiter, decimal_comma=decimal_comma)

    def _exportable(self, batch: list[DealRow]) -> list[DealRow]:
        """Those the acting person may read and export (their roles' export level); the others are
        left out, as if not chosen."""
        with self._ctx.connect() as conn:
            scope = deal_scope(conn, self._ctx.actor_id) + deal_scope(conn, self._ctx.actor_id, Action.EXPORT)
            if not scope:
                return batch
            allowed = set(conn.scalars(select(Deal.id).where(Deal.id.in_([r.id for r in batch]), *scope)))
        return [r for r in batch if r.id in allowed]

    def _batches(
        self, ids: Sequence[int] | None, matching: tuple[DealFilter, DealSort] | None
    ) -> Iterator[tuple[int, list[DealRow]]]:
        if ids is not None:
            for start in range(0, len(ids), BATCH):
                chunk = list(ids[start : start + BATCH])
                yield start + len(chunk), self._queries.rows(chunk)
            return
        if matching is None:
            return
        deal_filter, sort = matching
        cursor = self._queries.cursor(deal_filter, sort)
        offset = 0
        while batch := self._queries.page(deal_filter, sort, offset, BATCH, cursor):
            offset += len(batch)
            yield offset, batch
