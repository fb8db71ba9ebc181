"""Saved mappings: which column of a file goes to which field, and what its names mean, kept under a
name for the whole office, so the next export of the same kind imports without choosing again. A
mapping is kept by column *name*, so it fits every file that has those columns, in any order."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from app.models import AppSetting
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.importing.cells import fold_name

PREFIX = "import_mapping:"
MAX_NAME = 80
MSG_NAME = QT_TRANSLATE_NOOP("errors", "Give the mapping a name (at most 80 characters).")


@dataclass(frozen=True)
class SavedMapping:
    name: str
    columns: Mapping[str, str]  # column name as in the file -> target
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    preset: str | None = None
    decimal_comma: bool | None = None
    day_first: bool = True

    def fits(self, header: Sequence[str]) -> bool:
        """Whether every column it names is in the file."""
        names = {fold_name(h) for h in header}
        return bool(self.columns) and all(fold_name(c) in names for c in self.columns)

    def mapping_for(self, header: Sequence[str]) -> dict[int, str]:
        wanted = {fold_name(c): t for c, t in self.columns.items()}
        return {n: wanted[fold_name(h)] for n, h in enumerate(header) if fold_name(h) in wanted}


class ImportMappingService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def save(
        self,
        name: str,
        header: Sequence[str],
        mapping: Mapping[int, str],
        *,
        values: Mapping[str, Mapping[str, str]] | None = None,
        preset: str | None = None,
        decimal_comma: bool | None = None,
        day_first: bool = True,
    ) -> SavedMapping:
        """Keep (or replace) a mapping under a name."""
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise ValidationError.single("name", MSG_NAME)
        saved = SavedMapping(
            name,
            {header[n]: target for n, target in sorted(mapping.items()) if target},
            {k: dict(v) for k, v in (values or {}).items()},
            preset,
            decimal_comma,
            day_first,
        )
        text = json.dumps(
            {
                "columns": saved.columns,
                "values": saved.values,
                "preset": preset,
                "decimal_comma": decimal_comma,
                "day_first": day_first,
            },
            ensure_ascii=False,
        )
        with self._ctx.write() as uow:
            current = uow.session.get(AppSetting, PREFIX + name)
            if current is None:
                uow.session.add(AppSetting(key=PREFIX + name, value=text))
            else:
                current.value = text
        return saved

    def list(self) -> list[SavedMapping]:
        with self._ctx.read() as session:
            rows = session.execute(
                select(AppSetting.key, AppSetting.value).where(AppSetting.key.startswith(PREFIX))
            )
            return sorted((_parse(key, value) for key, value in rows), key=lambda m: m.name.casefold())

    def get(self, name: str) -> SavedMapping | None:
        return next((m for m in self.list() if m.name == name), None)

    def fitting(self, header: Sequence[str]) -> SavedMapping | None:
        """The saved mapping for a file like this one: all its columns there, the most of them."""
        fits = [m for m in self.list() if m.fits(header)]
        return max(fits, key=lambda m: len(m.columns), default=None)

    def delete(self, name: str) -> None:
        with self._ctx.write() as uow:
            uow.session.execute(delete(AppSetting).where(AppSetting.key == PREFIX + name))


def _parse(key: str, value: str) -> SavedMapping:
    data: dict[str, Any] = json.loads(value)
    return SavedMapping(
        key[len(PREFIX) :],
        dict(data.get("columns", {})),
        {k: dict(v) for k, v in data.get("values", {}).items()},
        data.get("preset"),
        data.get("decimal_comma"),
        bool(data.get("day_first", True)),
    )
