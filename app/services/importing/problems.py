"""An import's problems grouped by kind: "There is no user named 'Bob'" once, with the rows it is
in (the first few as examples, then how many more), not once per row of a file of thousands."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.core.errors import FieldProblem, Message
from app.services.core.i18n import QT_TRANSLATE_NOOP

EXAMPLE_ROWS = 5  # row numbers shown per kind of problem
MAX_KINDS = 100  # kinds listed; the rest are counted

MSG_ROW = QT_TRANSLATE_NOOP("errors", "Row {row}: {problem}")
MSG_ROWS = QT_TRANSLATE_NOOP("errors", "Rows {rows}: {problem}")
MSG_ROWS_MORE = QT_TRANSLATE_NOOP("errors", "Rows {rows} and {more} more: {problem}")


@dataclass
class _Kind:
    problem: FieldProblem
    rows: list[int] = field(default_factory=list)
    count: int = 0


class GroupedProblems:
    """Collects (row, problem) pairs; the same problem in many rows is one line."""

    def __init__(self) -> None:
        self._kinds: dict[tuple[str, str, str], _Kind] = {}
        self.count = 0  # rows' problems, all of them

    def add(self, row: int | None, problem: FieldProblem) -> None:
        self.count += 1
        key = (problem.field, problem.message.template, str(problem.message))
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = _Kind(problem)
        kind.count += 1
        if row is not None and len(kind.rows) < EXAMPLE_ROWS:
            kind.rows.append(row)

    def __bool__(self) -> bool:
        return bool(self.count)

    @property
    def kinds(self) -> int:
        return len(self._kinds)

    def listed(self) -> tuple[tuple[FieldProblem, ...], int]:
        """Each kind as one problem, in the order first met (at most MAX_KINDS), and how many more
        kinds there are."""
        out: list[FieldProblem] = []
        for kind in list(self._kinds.values())[:MAX_KINDS]:
            message = kind.problem.message
            if not kind.rows:
                out.append(kind.problem)
                continue
            rows = ", ".join(str(r) for r in kind.rows)
            if kind.count == 1:
                grouped = Message(MSG_ROW, {"row": kind.rows[0], "problem": message})
            elif kind.count <= len(kind.rows):
                grouped = Message(MSG_ROWS, {"rows": rows, "problem": message})
            else:
                grouped = Message(
                    MSG_ROWS_MORE, {"rows": rows, "more": kind.count - len(kind.rows), "problem": message}
                )
            out.append(FieldProblem(kind.problem.field, grouped))
        return tuple(out), max(0, len(self._kinds) - MAX_KINDS)
