"""Names in an import file looked up among what Dealdesk knows: users, stages, sources, products,
list choices. A name the user mapped in the values step ("Bob S." is Robert Smith, "WidgetPro" is
Widget Pro, "n/a" stays blank) is taken as mapped; every name not found is counted once, with the
rows it is in and the likeliest known name, for the values step to show in one table."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.importing.cells import fold, squeeze

BLANK = ""  # a value mapped to this is left blank


@dataclass(frozen=True)
class UnknownValue:
    """A value of the file that names nothing Dealdesk knows."""

    target: str  # "responsible", "stage", "source", "product", "uf:<id>", ...
    value: str  # as first seen in the file
    rows: int  # how many rows hold it
    suggestion: str | None  # the known name it most likely means


class Names:
    """The known names of one kind (name -> id), the user's mapping of the file's values to them,
    and a tally of the values found nowhere."""

    def __init__(
        self, target: str, known: Iterable[tuple[str, Any]], mapped: Mapping[str, str] | None = None
    ) -> None:
        self.target = target
        self._ids: dict[str, Any] = {}
        self._names: dict[str, str] = {}
        for name, ident in known:
            if name:
                self._ids.setdefault(fold(name), ident)
                self._names.setdefault(fold(name), str(name))
        self._mapped = {fold(k): v for k, v in (mapped or {}).items()}
        self._unknown: dict[str, list[Any]] = {}  # folded -> [as seen, rows]

    def alias(self, name: str, ident: Any) -> None:
        """Another name for a known one (not offered as a suggestion of its own)."""
        self._ids.setdefault(fold(name), ident)

    def add(self, name: str, ident: Any) -> None:
        """A name known from now on (created by the import)."""
        self._ids[fold(name)] = ident
        self._names[fold(name)] = name

    def find(self, value: Any) -> tuple[bool, Any]:
        """(found, id); (True, None) for a value the user mapped to blank; (False, None) for an
        unknown one, which is counted."""
        key = fold(value)
        if key in self._mapped:
            wanted = self._mapped[key]
            if wanted == BLANK:
                return True, None
            key = fold(wanted)
        if key in self._ids:
            return True, self._ids[key]
        seen = self._unknown.get(key)
        if seen is None:
            self._unknown[key] = [" ".join(str(value).split()), 1]
        else:
            seen[1] += 1
        return False, None

    def get(self, value: Any) -> Any:
        return self.find(value)[1]

    def suggestion(self, value: Any) -> str | None:
        """The known name a value most likely means: the same letters without spaces and separators
        ("WidgetPro" -> "Widget Pro"), else a close spelling."""
        if not self._names:
            return None
        squeezed = squeeze(value)
        for key, name in self._names.items():
            if squeeze(key) == squeezed:
                return name
        close = difflib.get_close_matches(fold(value), list(self._names), n=1, cutoff=0.82)
        return self._names[close[0]] if close else None

    def unknown(self) -> list[UnknownValue]:
        return [
            UnknownValue(self.target, seen, rows, self.suggestion(seen))
            for seen, rows in sorted(self._unknown.values(), key=lambda item: (-item[1], fold(item[0])))
        ]

    def names(self) -> list[str]:
        return sorted(self._names.values(), key=fold)


def people_names(session: Session, mapped: Mapping[str, str] | None) -> Names:
    """Everybody by name, login and e-mail, for a "responsible" column."""
    people = [(n, u.id) for u in session.scalars(select(User)) for n in (u.name, u.login, u.email) if n]
    return Names("responsible", people, mapped)


def source_names(mapped: Mapping[str, str] | None, shown: Mapping[str, str] | None = None) -> Names:
    """The deal sources by code, by their English name, and by the names the user sees (`shown`)."""
    sources = [(code, code) for code in DEAL_SOURCES]
    sources += [(label.template, code) for code, label in DEAL_SOURCES.items()]
    sources += list((shown or {}).items())
    return Names("source", sources, mapped)
