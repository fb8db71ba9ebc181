"""Importing deals from a CSV or XLSX file: columns mapped to fields (custom ones too), every row
checked first, then all rows stored in one transaction or none.

Names in the file are looked up the way people write them: pipelines, stages, users, sources and
list choices by their name (any case), companies and contacts by title/name — created with the
deals when they don't exist yet, if the user allows it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.tables import (
    EMPTY,
    NO_HEADER,
    NOT_A_FILE,
    NOT_A_WORKBOOK,
    TableFile,
    TableReadError,
    count_rows,
    open_table,
    read_rows,
)
from app.models import Company, Contact, CustomFieldDefinition, EntityType, FieldType, Pipeline, Stage, User
from app.services.access.rights import Action, Entity
from app.services.access.scope import access_for
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import (
    FieldProblem,
    Message,
    MissingFieldsError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.core.vocabulary import DEAL_SOURCES, FIELD_LABELS
from app.services.deals.form import create_company
from app.services.deals.writes import clean_deal, insert_deals, new_contact_in
from app.services.fields.custom_fields import CustomFieldInfo, clean_values, field_info, insert_values
from app.services.fields.field_rules import missing_for_stage, require_editable, required_at

Progress = Callable[[int, int], None]
MAX_PROBLEMS = 100  # listed; the rest are counted
PROGRESS_EVERY = 200
WRITE_BATCH = 500  # rows per INSERT

# What a column can be imported as, besides custom fields ("uf:<id>"); in the order offered.
STANDARD_TARGETS: tuple[str, ...] = (
    "title",
    "pipeline",
    "stage",
    "amount",
    "currency",
    "begin_date",
    "close_date",
    "probability",
    "responsible",
    "source",
    "company",
    "contacts",
    "comments",
)
_LABEL_KEYS = {
    "pipeline": "pipeline_id",
    "stage": "stage_id",
    "responsible": "responsible_id",
    "company": "company_id",
    "contacts": "contact_ids",
}
# Plain words other programs (and our own export) use for a column, besides the field's label.
# English and German, as other CRMs' exports and hand-made Excel lists name them.
_ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": ("name", "deal", "deal name", "subject", "bezeichnung", "betreff", "dealname"),
    "amount": ("value", "deal value", "wert", "umsatz", "summe", "betrag"),
    "contacts": ("contact", "contact person", "ansprechpartner", "kontakt", "kontaktperson"),
    "company": ("customer", "organisation", "organization", "account", "firma", "kunde", "unternehmen"),
    "responsible": ("owner", "assigned to", "assigned", "verantwortlich", "zuständig", "betreuer"),
    "close_date": ("expected close date", "due date", "abschluss", "abschlussdatum", "fällig"),
    "begin_date": ("start date", "start", "beginn", "startdatum"),
    "comments": ("notes", "note", "description", "notizen", "bemerkung", "bemerkungen", "kommentar"),
    "stage": ("status", "phase", "deal stage"),
    "source": ("channel", "quelle", "kanal"),
    "probability": ("wahrscheinlichkeit",),
    "currency": ("währung",),
}

MSG_ROW = QT_TRANSLATE_NOOP("errors", "Row {row}: {problem}")
MSG_NO_TITLE = QT_TRANSLATE_NOOP("errors", "Choose the column that holds the deals' titles.")
MSG_TWICE = QT_TRANSLATE_NOOP("errors", "Columns '{first}' and '{second}' are both imported as {label}.")
MSG_NO_ROWS = QT_TRANSLATE_NOOP("errors", "The file has no rows below its header.")
MSG_READ = {
    NOT_A_FILE: QT_TRANSLATE_NOOP("errors", "The file does not exist or can't be opened."),
    EMPTY: QT_TRANSLATE_NOOP("errors", "The file is empty."),
    NO_HEADER: QT_TRANSLATE_NOOP("errors", "The first row of the file must name the columns."),
    NOT_A_WORKBOOK: QT_TRANSLATE_NOOP(
        "errors", "The file is not an Excel workbook (.xlsx) that can be read."
    ),
}
MSG_REQUIRED = QT_TRANSLATE_NOOP("errors", "{label} is required.")
MSG_NUMBER = QT_TRANSLATE_NOOP("errors", "'{value}' in column '{column}' is not a number.")
MSG_DATE = QT_TRANSLATE_NOOP(
    "errors", "'{value}' in column '{column}' is not a date (write 27.11.2026 or 2026-11-27)."
)
MSG_DATETIME = QT_TRANSLATE_NOOP(
    "errors", "'{value}' in column '{column}' is not a date and time (write 27.11.2026 14:30)."
)
MSG_YES_NO = QT_TRANSLATE_NOOP("errors", "'{value}' in column '{column}' is neither yes nor no.")
MSG_NO_PIPELINE = QT_TRANSLATE_NOOP("errors", "There is no pipeline named '{value}'.")
MSG_NO_STAGE = QT_TRANSLATE_NOOP("errors", "Pipeline '{pipeline}' has no stage named '{value}'.")
MSG_NO_USER = QT_TRANSLATE_NOOP("errors", "There is no user named '{value}'.")
MSG_NO_SOURCE = QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the sources.")
MSG_NO_CHOICE = QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the choices of {label}.")
MSG_NO_COMPANY = QT_TRANSLATE_NOOP("errors", "There is no company named '{value}'.")
MSG_NO_CONTACT = QT_TRANSLATE_NOOP("errors", "There is no contact named '{value}'.")

_YES = {"1", "y", "yes", "true", "x", "ja", "j", "wahr", "✓"}
_NO = {"0", "n", "no", "false", "nein", "falsch", "-"}
_CURRENCY_MARKS = re.compile(r"^[A-Z]{3}\s*|\s*[A-Z]{3}$|[€$£¥%]")


@dataclass(frozen=True)
class ImportOptions:
    mapping: Mapping[int, str]  # column index -> target ("title", ..., "uf:<id>"); others are not imported
    pipeline_id: int | None = None  # for rows that name no pipeline (None: the default one)
    create_missing: bool = True  # companies and contacts the file names but Dealdesk doesn't know
    decimal_comma: bool = False  # numbers written 1.234,56
    day_first: bool = True  # 03/04/2026 is 3 April
    # Words the user sees for codes, per target, as the GUI shows them (e.g. translated sources).
    value_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportCheck:
    rows: int
    problems: tuple[FieldProblem, ...]  # at most MAX_PROBLEMS
    more_problems: int
    new_companies: int
    new_contacts: int

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportResult:
    deals: tuple[int, ...]
    new_companies: int
    new_contacts: int


class ImportRejectedError(ValidationError):
    """Rows have problems: nothing was imported. `check` lists them."""

    def __init__(self, check: ImportCheck) -> None:
        super().__init__(check.problems)
        self.check = check


class DealImportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def open(self, path: Any) -> TableFile:
        """The file's header and format; a ValidationError in the user's words if it can't be read."""
        from pathlib import Path

        try:
            return open_table(Path(path))
        except (TableReadError, OSError, UnicodeError) as exc:
            reason = exc.reason if isinstance(exc, TableReadError) else NOT_A_FILE
            raise ValidationError.single("file", MSG_READ[reason]) from exc

    def preview(self, table: TableFile, limit: int = 3) -> list[list[str]]:
        """The first rows' cells as text, to show what each column holds."""
        rows: list[list[str]] = []
        try:
            for _line, cells in read_rows(table):
                rows.append(["" if c is None else _text(c) for c in cells])
                if len(rows) >= limit:
                    break
        except (TableReadError, OSError, UnicodeError) as exc:
            raise ValidationError.single("file", MSG_READ[NOT_A_FILE]) from exc
        return rows

    def targets(self) -> list[tuple[str, Message | str]]:
        """(target, label) for every field a column can go to; custom labels are the user's own text."""
        with self._ctx.read() as session:
            return target_labels(_custom_fields(session))

    def guess(self, header: Sequence[str], labels: Mapping[str, Sequence[str]]) -> dict[int, str]:
        """A first mapping by column names: a target's key, its label(s) as shown, or a common alias.
        `labels` are the words the user sees for each target (translated). Each target once."""
        words: dict[str, str] = {}
        for target, names in labels.items():
            for name in (target, *names, *_ALIASES.get(target, ())):
                words.setdefault(_fold(name), target)
        mapping: dict[int, str] = {}
        for column, name in enumerate(header):
            found = words.get(_fold(name))
            if found is not None and found not in mapping.values():
                mapping[column] = found
        return mapping

    def check(
        self, table: TableFile, options: ImportOptions, progress: Progress | None = None
    ) -> ImportCheck:
        """Every row converted and validated as the import would; nothing is written."""
        with self._ctx.read() as session:
            return _Importer(session, None, table, options).run(progress)

    def run(self, table: TableFile, options: ImportOptions, progress: Progress | None = None) -> ImportResult:
        """Store all rows in one transaction; ImportRejectedError (nothing stored) if any has a
        problem; CancelledError from `progress` rolls everything back."""
        with self._ctx.write() as uow:
            if access_for(uow.session, uow.actor_id).grant(Entity.DEAL, Action.IMPORT).nothing:
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP("errors", "Your role does not let you import deals.")
                )
            mapped = [key for key in options.mapping.values() if key and key not in ("stage", "pipeline")]
            require_editable(uow.session, EntityType.DEAL, uow.actor_id, mapped)
            importer = _Importer(uow.session, uow, table, options)
            check = importer.run(progress)
            if not check.ok:
                raise ImportRejectedError(check)
            uow.coalesce_events()
            return ImportResult(tuple(importer.created), check.new_companies, check.new_contacts)


# -- one import -----------------------------------------------------------------------------------


class _Importer:
    """Reads the rows, converts each cell, validates each row like the deal form, writes if asked."""

    def __init__(
        self, session: Session, uow: UnitOfWork | None, table: TableFile, options: ImportOptions
    ) -> None:
        self.session = session
        self.uow = uow
        self.table = table
        self.options = options
        self.fields = _custom_fields(session)
        self.created: list[int] = []
        self.problems: list[FieldProblem] = []
        self.problem_count = 0
        self._pipelines = {_fold(p.name): p for p in session.scalars(select(Pipeline))}
        self._default_pipeline = session.scalar(
            select(Pipeline).order_by(Pipeline.is_default.desc(), Pipeline.sort, Pipeline.id).limit(1)
        )
        self._stages: dict[int, list[Stage]] = {}
        self._stage_needs: dict[int, bool] = {}
        self._batch: list[tuple[Stage, dict[str, Any], list[int], dict[int, list[Any]]]] = []
        for stage in session.scalars(select(Stage).order_by(Stage.sort, Stage.id)):
            self._stages.setdefault(stage.pipeline_id, []).append(stage)
        self._users: dict[str, int] = {}
        for user in session.scalars(select(User)):
            for name in (user.name, user.login, user.email):
                if name:
                    self._users.setdefault(_fold(name), user.id)
        self._sources: dict[str, str] = {}
        for code, label in DEAL_SOURCES.items():
            for name in (code, label.template):
                self._sources[_fold(name)] = code
        for name, code in options.value_names.get("source", {}).items():
            self._sources[_fold(name)] = code
        self._companies: dict[str, int] | None = None  # read when first needed
        self._contacts: dict[str, int] | None = None
        self._next_new = -1  # stand-in ids of companies/contacts the check would create
        self.new_companies = 0
        self.new_contacts = 0

    # -- driving ----------------------------------------------------------------------------

    def run(self, progress: Progress | None) -> ImportCheck:
        self._check_mapping()
        total = count_rows(self.table) if progress is not None else 0
        if progress is not None:
            progress(0, total)
        rows = 0
        for number, cells in read_rows(self.table):
            rows += 1
            self._row(number, cells)
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress(rows, total)
        self._write()
        if not rows:
            raise ValidationError.single("file", MSG_NO_ROWS)
        if progress is not None:
            progress(rows, total)
        return ImportCheck(
            rows,
            tuple(self.problems),
            self.problem_count - len(self.problems),
            self.new_companies,
            self.new_contacts,
        )

    def _check_mapping(self) -> None:
        problems = Problems()
        seen: dict[str, int] = {}
        labels = dict(target_labels(self.fields))
        for column, target in sorted(self.options.mapping.items()):
            if target in seen:
                problems.add(
                    target,
                    MSG_TWICE,
                    first=self.table.header[seen[target]],
                    second=self.table.header[column],
                    label=labels.get(target, target),
                )
            seen[target] = column
        if "title" not in seen:
            problems.add("title", MSG_NO_TITLE)
        problems.raise_if_any()

    def _problem(self, number: int, problem: FieldProblem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(
                FieldProblem(problem.field, Message(MSG_ROW, {"row": number, "problem": problem.message}))
            )

    # -- one row ----------------------------------------------------------------------------

    def _row(self, number: int, cells: Sequence[Any]) -> None:
        row = _Row()
        for column, target in self.options.mapping.items():
            raw = cells[column] if column < len(cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            header = self.table.header[column]
            if target.startswith("uf:"):
                found = self.fields.get(int(target[3:]))
                if found is not None:
                    row.custom[found.id] = self._custom(row.problems, found, header, raw)
            else:
                _READERS.get(target, _read_text)(self, row, target, header, raw)
        problems, values, custom = row.problems, row.values, row.custom
        pipeline, stage = row.pipeline, row.stage
        new_company, new_contacts, contact_ids = row.new_company, row.new_contacts, row.contact_ids
        values.setdefault("title", "")
        target_pipeline = pipeline or self._pipeline()
        target_stage = self._stage(problems, target_pipeline, stage)
        known: dict[str, Any] = {k: values.pop(k) for k in ("company_id", "responsible_id") if k in values}
        cleaned: dict[str, Any] = {}
        try:
            cleaned = {**clean_deal(self.session, values, creating=True), **known}
        except ValidationError as exc:
            problems.extend(exc.problems)
        for info in self.fields.values():
            if info.required and info.id not in custom:
                problems.add(f"uf:{info.code}", MSG_REQUIRED, label=Message(info.label))
        cleaned_custom = clean_values(self.session, problems, self.fields, custom)
        if not problems and target_stage is not None and self._required(target_stage):
            pending = {**cleaned, **{f"uf:{self.fields[i].code}": v for i, v in cleaned_custom.items()}}
            if new_company:
                pending["company_id"] = -1
            pending["contact_ids"] = [*contact_ids, *new_contacts]
            try:
                missing_for_stage(self.session, target_stage, [0], pending={0: pending})
            except MissingFieldsError as exc:
                problems.extend(exc.problems)
        if problems or target_stage is None:
            for problem in _problems(problems):
                self._problem(number, problem)
            return
        # -- valid: count what would be created, and write if this is the real import ----------
        if new_company:
            values_company = self._remember_company(new_company)
            cleaned["company_id"] = values_company
        for name in new_contacts:
            contact_ids.append(self._remember_contact(name))
        if self.uow is None or self.problem_count:
            return  # checking only, or the import already failed: keep checking, write nothing
        self._batch.append((target_stage, cleaned, list(dict.fromkeys(contact_ids)), cleaned_custom))
        if len(self._batch) >= WRITE_BATCH:
            self._write()

    def _write(self) -> None:
        if self.uow is None or self.problem_count or not self._batch:
            self._batch.clear()
            return
        ids = insert_deals(
            self.uow, [(stage, values, contacts) for stage, values, contacts, _ in self._batch]
        )
        insert_values(
            self.session, self.fields, [(i, item[3]) for i, item in zip(ids, self._batch, strict=True)]
        )
        self.created.extend(ids)
        self._batch.clear()

    def _required(self, stage: Stage) -> bool:
        """Whether the stage needs any fields (asked once per stage, not per row)."""
        if stage.id not in self._stage_needs:
            self._stage_needs[stage.id] = bool(required_at(self.session, stage))
        return self._stage_needs[stage.id]

    def _pipeline(self) -> Pipeline | None:
        if self.options.pipeline_id is not None:
            return self.session.get(Pipeline, self.options.pipeline_id)
        return self._default_pipeline

    def _stage(self, problems: Problems, pipeline: Pipeline | None, name: Any) -> Stage | None:
        if pipeline is None:
            return None
        stages = self._stages.get(pipeline.id, [])
        if name is None:
            return stages[0] if stages else None
        found = next((s for s in stages if _fold(s.name) == _fold(name)), None)
        if found is None:
            problems.add("stage_id", MSG_NO_STAGE, value=_text(name), pipeline=pipeline.name)
        return found

    def _custom(self, problems: Problems, info: CustomFieldInfo, column: str, raw: Any) -> Any:
        """A cell as the field's type wants it; the field's own checks come after (clean_values)."""
        kind = info.field_type
        parts = _split(raw) if info.multiple and kind is not FieldType.TEXT else [raw]
        converted: list[Any] = []
        for part in parts:
            value: Any = part
            if kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY):
                value = _number(part, self.options.decimal_comma)
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NUMBER, value=_text(part), column=column)
                    return None
            elif kind is FieldType.DATE:
                value = _date(part, self.options.day_first)
            elif kind is FieldType.DATETIME:
                value = _datetime(part, self.options.day_first)
            elif kind is FieldType.BOOLEAN:
                value = _yes_no(part)
            elif kind is FieldType.LIST:
                value = next((o.id for o in info.options if _fold(o.label) == _fold(part)), None)
                if value is None:
                    problems.add(
                        f"uf:{info.code}", MSG_NO_CHOICE, value=_text(part), label=Message(info.label)
                    )
                    return None
            elif kind is FieldType.EMPLOYEE:
                value = self._users.get(_fold(part))
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NO_USER, value=_text(part))
                    return None
            elif kind is FieldType.COMPANY:
                value = self._company(_text(part))
                if value is None or value < 0:
                    problems.add(f"uf:{info.code}", MSG_NO_COMPANY, value=_text(part))
                    return None
            elif kind is FieldType.CONTACT:
                value = self._contact(_text(part))
                if value is None or value < 0:
                    problems.add(f"uf:{info.code}", MSG_NO_CONTACT, value=_text(part))
                    return None
            else:
                value = _text(part)
            if value is None:
                template = {FieldType.DATE: MSG_DATE, FieldType.DATETIME: MSG_DATETIME}.get(kind, MSG_YES_NO)
                problems.add(f"uf:{info.code}", template, value=_text(part), column=column)
                return None
            if kind is FieldType.INTEGER and isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else str(value)
            converted.append(value)
        return converted if info.multiple else converted[0]

    # -- companies and contacts by name ------------------------------------------------------

    def _company(self, name: str) -> int | None:
        if self._companies is None:
            self._companies = {}
            for ident, title in self.session.execute(select(Company.id, Company.title).order_by(Company.id)):
                self._companies.setdefault(_fold(title), ident)
        return self._companies.get(_fold(name))

    def _contact(self, name: str) -> int | None:
        if self._contacts is None:
            self._contacts = {}
            rows = self.session.execute(
                select(Contact.id, Contact.first_name, Contact.last_name).order_by(Contact.id)
            )
            for ident, first, last in rows:
                self._contacts.setdefault(_fold(f"{first} {last}"), ident)
        return self._contacts.get(_fold(name))

    def _remember_company(self, name: str) -> int:
        assert self._companies is not None
        ident = self._companies.get(_fold(name))
        if ident is not None:  # named by an earlier row
            return ident
        self.new_companies += 1
        if self.uow is not None and not self.problem_count:
            ident = create_company(self.uow, name).id
        else:
            ident, self._next_new = self._next_new, self._next_new - 1
        self._companies[_fold(name)] = ident
        return ident

    def _remember_contact(self, name: str) -> int:
        assert self._contacts is not None
        ident = self._contacts.get(_fold(name))
        if ident is not None:
            return ident
        self.new_contacts += 1
        if self.uow is not None and not self.problem_count:
            ident = new_contact_in(self.uow, name).id
        else:
            ident, self._next_new = self._next_new, self._next_new - 1
        self._contacts[_fold(name)] = ident
        return ident


# -- reading cells ----------------------------------------------------------------------------------


def target_labels(fields: Mapping[int, CustomFieldInfo]) -> list[tuple[str, Message | str]]:
    standard: list[tuple[str, Message | str]] = [
        (key, FIELD_LABELS[_LABEL_KEYS.get(key, key)]) for key in STANDARD_TARGETS
    ]
    return standard + [(f"uf:{f.id}", f.label) for f in fields.values()]


def _custom_fields(session: Session) -> dict[int, CustomFieldInfo]:
    return {
        d.id: field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition)
            .where(CustomFieldDefinition.entity_type == EntityType.DEAL)
            .order_by(CustomFieldDefinition.sort, CustomFieldDefinition.id)
        )
    }


def _problems(problems: Problems) -> list[FieldProblem]:
    try:
        problems.raise_if_any()
    except ValidationError as exc:
        return list(exc.problems)
    return []


def _fold(value: Any) -> str:
    """Compare names as people mean them: any case, any spacing, composed umlauts."""
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _split(value: Any) -> list[Any]:
    if not isinstance(value, str):
        return [value]
    return [part.strip() for part in re.split(r"[;,\n]", value) if part.strip()]


def _number(value: Any, decimal_comma: bool) -> Decimal | None:
    """1234.5, "1.234,50 €", "EUR 1,234.50", "60 %": a Decimal; None if it isn't a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = _CURRENCY_MARKS.sub("", str(value).strip()).replace("\u00a0", "").replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    else:
        decimal = "," if decimal_comma else "."
    thousands = "." if decimal == "," else ","
    text = text.replace(thousands, "").replace(decimal, ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_DATE_FORMATS_DAY_FIRST = ("%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y")
_DATE_FORMATS_MONTH_FIRST = ("%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y")


def _date(value: Any, day_first: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    when = _datetime(text, day_first)
    return when.date() if when is not None else None


def _datetime(value: Any, day_first: bool) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = " ".join(_text(value).replace("T", " ").split())
    day_text, _, time_text = text.partition(" ")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        day = None
        for pattern in _DATE_FORMATS_DAY_FIRST if day_first else _DATE_FORMATS_MONTH_FIRST:
            try:
                day = datetime.strptime(day_text, pattern).date()  # noqa: DTZ007 - a calendar day
                break
            except ValueError:
                continue
    if day is None:
        return None
    if not time_text:
        return datetime.combine(day, time())
    try:
        return datetime.combine(day, time.fromisoformat(time_text.removesuffix(" Uhr")))
    except ValueError:
        return None


def _yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _fold(value)
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


# -- reading a row's cells: one reader per kind of column ------------------------------------------


@dataclass
class _Row:
    """What one row's cells said, and what was wrong with them."""

    problems: Problems = field(default_factory=Problems)
    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[int, Any] = field(default_factory=dict)
    pipeline: Any = None
    stage: Any = None  # the cell as it was: found once the pipeline is known
    new_company: str | None = None
    new_contacts: list[str] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)


def _read_text(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    row.values[target] = _text(raw)  # title, currency, comments


def _read_pipeline(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    row.pipeline = importer._pipelines.get(_fold(raw))
    if row.pipeline is None:
        row.problems.add("pipeline_id", MSG_NO_PIPELINE, value=_text(raw))


def _read_stage(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    row.stage = raw


def _read_number(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    value = _number(raw, importer.options.decimal_comma)
    if value is None:
        row.problems.add(target, MSG_NUMBER, value=_text(raw), column=header)
    else:
        row.values[target] = int(value) if target == "probability" else value


def _read_date(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    day = _date(raw, importer.options.day_first)
    if day is None:
        row.problems.add(target, MSG_DATE, value=_text(raw), column=header)
    else:
        row.values[target] = day


def _read_responsible(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    user_id = importer._users.get(_fold(raw))
    if user_id is None:
        row.problems.add("responsible_id", MSG_NO_USER, value=_text(raw))
    row.values["responsible_id"] = user_id


def _read_source(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    code = importer._sources.get(_fold(raw))
    if code is None:
        row.problems.add("source", MSG_NO_SOURCE, value=_text(raw))
    row.values["source"] = code


def _read_company(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    company_id = importer._company(_text(raw))
    if company_id is not None and company_id > 0:
        row.values["company_id"] = company_id
    elif importer.options.create_missing:  # unknown, or new from an earlier row
        row.new_company = " ".join(_text(raw).split())
    else:
        row.problems.add("company_id", MSG_NO_COMPANY, value=_text(raw))


def _read_contacts(importer: _Importer, row: _Row, target: str, header: str, raw: Any) -> None:
    for name in re.split(r"[;\n]", _text(raw)):
        if not name.strip():
            continue
        contact_id = importer._contact(name)
        if contact_id is not None and contact_id > 0:
            row.contact_ids.append(contact_id)
        elif importer.options.create_missing:
            row.new_contacts.append(" ".join(name.split()))
        else:
            row.problems.add("contact_ids", MSG_NO_CONTACT, value=name.strip())


_Reader = Callable[[_Importer, _Row, str, str, Any], None]
_READERS: dict[str, _Reader] = {
    "pipeline": _read_pipeline,
    "stage": _read_stage,
    "amount": _read_number,
    "probability": _read_number,
    "begin_date": _read_date,
    "close_date": _read_date,
    "responsible": _read_responsible,
    "source": _read_source,
    "company": _read_company,
    "contacts": _read_contacts,
}
