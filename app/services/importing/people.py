"""People from a table (CSV, XLSX): login, name, e-mail, department and roles by name — the people
import of Settings and `dealdesk users import`, reached from the import wizard and `dealdesk import
--entity users` with the same reading of files (any encoding, separator or workbook), a check that
keeps nothing, and the same all-or-nothing import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.importing.tables import TableFile, read_rows
from app.services.access.users import UserService
from app.services.core.context import ServiceContext
from app.services.core.errors import Message, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.vocabulary import FIELD_LABELS
from app.services.importing.cells import fold_name, text
from app.services.importing.records import RecordCheck, RecordImportRejectedError, RecordResult

TARGETS = ("login", "name", "email", "department", "roles")
_ALIASES = {
    "login": ("user", "user name", "username", "benutzer", "benutzername", "anmeldename"),
    "name": ("full name", "vollständiger name", "mitarbeiter", "employee"),
    "email": ("e-mail", "mail", "email address", "e-mail-adresse"),
    "department": ("abteilung", "team"),
    "roles": ("role", "rolle", "rollen"),
}
MSG_LOGIN_NEEDED = QT_TRANSLATE_NOOP("errors", "Choose the columns that hold the people's logins and names.")


class PeopleImportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def targets(self) -> list[tuple[str, Message | str]]:
        labels = {**FIELD_LABELS, "department": FIELD_LABELS["department_id"]}
        roles = Message(QT_TRANSLATE_NOOP("fields", "Roles"), {}, "fields")
        return [(t, roles if t == "roles" else labels[t]) for t in TARGETS]

    def guess(self, header: Sequence[str]) -> dict[int, str]:
        words: dict[str, str] = {}
        for target, label in self.targets():
            for name in (target, str(label), *_ALIASES[target]):
                words.setdefault(fold_name(name), target)
        mapping: dict[int, str] = {}
        for column, name in enumerate(header):
            found = words.get(fold_name(name))
            if found is not None and found not in mapping.values():
                mapping[column] = found
        return mapping

    def check(self, table: TableFile, mapping: Mapping[int, str]) -> RecordCheck:
        return self._import(table, mapping, dry_run=True)[0]

    def run(self, table: TableFile, mapping: Mapping[int, str]) -> RecordResult:
        check, made = self._import(table, mapping, dry_run=False)
        if not check.ok:
            raise RecordImportRejectedError(check)
        return RecordResult(tuple(made), (), 0, 0, None)

    def _import(
        self, table: TableFile, mapping: Mapping[int, str], *, dry_run: bool
    ) -> tuple[RecordCheck, list[int]]:
        if not {"login", "name"} <= set(mapping.values()):
            raise ValidationError.single("mapping", MSG_LOGIN_NEEDED)
        numbers: list[int] = []
        rows: list[dict[str, str]] = []
        for number, cells in read_rows(table):
            numbers.append(number)
            rows.append(
                {
                    t: text(cells[c]) if c < len(cells) and cells[c] is not None else ""
                    for c, t in mapping.items()
                }
            )
        unmapped = tuple(n for c, n in enumerate(table.header) if n and c not in mapping)
        try:
            made = UserService(self._ctx).import_people(rows, numbers=numbers, dry_run=dry_run)
        except ValidationError as exc:
            return RecordCheck(len(rows), exc.problems, 0, 0, 0, 0, unmapped, ()), []
        return RecordCheck(len(rows), (), 0, len(made), 0, 0, unmapped, ()), [p.id for p in made]
