"""Importing deals from a CSV or XLSX file: columns mapped to fields (custom ones too), every row
checked first, then — only if every row is fine — all rows stored in one transaction.

Moving a company's history in, exactly: creation and closing dates and the stages' dates come from
the file (or, said in the summary, from the closest column there is); names are looked up the way
people write them, and the names found nowhere are listed once each with the likeliest known name,
for the user to map; companies, contacts, products and people the file names can be created with
the deals. Deals keep their ID from the program they came from: importing the same file again is
refused, or skips them, as the user chooses — nothing doubles silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.tables import (
    NOT_A_FILE,
    TableFile,
    TableReadError,
    open_table,
    read_rows,
)
from app.models import (
    CustomFieldDefinition,
    Deal,
    EntityType,
    FieldType,
    ImportKey,
    Pipeline,
    Product,
    Stage,
    StageSemantic,
    User,
    utcnow,
)
from app.services.access.rights import Action, Entity
from app.services.access.scope import access_for
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import (
    FieldProblem,
    Message,
    MissingFieldsError,
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals.writes import clean_deal
from app.services.fields.custom_fields import CustomFieldInfo, clean_values, field_info, insert_field
from app.services.fields.field_rules import missing_for_stage, require_editable, required_at
from app.services.importing import writing
from app.services.importing.cells import (
    date_of,
    datetime_of,
    decimal_mark,
    fold,
    fold_name,
    is_blank,
    number,
    split,
    text,
    yes_no,
)
from app.services.importing.dates import day_moment, moment
from app.services.importing.lookups import Names, UnknownValue, people_names, source_names
from app.services.importing.presets import PRESETS
from app.services.importing.problems import GroupedProblems
from app.services.importing.readers import READERS, Row, read_text, unknown_problem
from app.services.importing.undo import ImportInfo, UndoneImport, imports, undo_import
from app.services.importing.wording import (
    ALIASES,
    ENTERED,
    LOST_WORDS,
    MSG_CLOSED_BEFORE,
    MSG_COMMA_NEEDED,
    MSG_DATE,
    MSG_DATETIME,
    MSG_DUPLICATE_ID,
    MSG_FUTURE,
    MSG_IMPORTED_BEFORE,
    MSG_MIXED_MARKS,
    MSG_NO_CHOICE,
    MSG_NO_COMPANY,
    MSG_NO_CONTACT,
    MSG_NO_ROWS,
    MSG_NO_STAGE,
    MSG_NO_TITLE,
    MSG_NO_USER,
    MSG_NUMBER,
    MSG_PEOPLE_RIGHTS,
    MSG_POINT_NEEDED,
    MSG_READ,
    MSG_REQUIRED,
    MSG_TWICE,
    MSG_YES_NO,
    NEW_FIELD,
    NOT_DEAL_FIELDS,
    NOTE_CLOSED_FROM_CLOSE_DATE,
    NOTE_CLOSED_TODAY,
    NOTE_COMMA,
    NOTE_CREATED_FROM_EARLIEST,
    NOTE_CREATED_TODAY,
    NOTE_ENCODING,
    NOTE_NEW_FIELDS,
    NOTE_NEW_PEOPLE,
    NOTE_NOT_UPDATED,
    NOTE_POINT,
    NOTE_SKIPPED,
    NOTE_TITLES_MADE,
    NOTE_UPDATES,
    NUMBER_TARGETS,
    REFUSE,
    SKIP,
    TITLE_PARTS,
    UPDATE,
    WON_WORDS,
    encoding_name,
    label_of,
    target_labels,
)
from app.services.importing.writing import ProductLine, product_rows_file

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
WRITE_BATCH = 1000  # deals per INSERT


@dataclass(frozen=True)
class ImportOptions:
    mapping: Mapping[int, str]  # column index -> target ("title", ..., "uf:<id>", "entered:<id>")
    pipeline_id: int | None = None  # for rows that name no pipeline (None: the default one)
    create_missing: bool = True  # companies, contacts and products the file names but Dealdesk doesn't know
    create_users: bool = False  # responsible people Dealdesk doesn't know become new people
    decimal_comma: bool | None = None  # numbers written 1.234,56; None: decided from the file's numbers
    day_first: bool = True  # 03/04/2026 is 3 April
    # Words the user sees for codes, per target, as the GUI shows them (e.g. translated sources).
    value_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The values step: per target, a value as the file writes it -> the known name it means ("" blank).
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    system: str = ""  # the program the file's IDs come from (default: the preset's, else "file")
    duplicates: str = REFUSE  # rows whose ID an earlier import brought in: REFUSE or SKIP
    preset: str | None = None  # "bitrix24", "pipedrive", "hubspot": how that CRM writes its export
    product_rows: Any = None  # a file of product rows by deal ID (our deal_products.csv): the deals' products

    @property
    def source_system(self) -> str:
        return self.system or self.preset or "file"


@dataclass(frozen=True)
class ImportCheck:
    rows: int
    problems: tuple[FieldProblem, ...]  # one per kind of problem, with its rows
    more_problems: int  # kinds of problems not listed
    new_companies: int
    new_contacts: int
    new_people: int = 0
    new_products: int = 0
    skipped: int = 0  # imported before, skipped as asked (or changed in Dealdesk since)
    updates: int = 0  # imported before, to be updated from the file
    unmapped: tuple[str, ...] = ()  # the file's columns that are not imported
    notes: tuple[Message, ...] = ()  # what the check assumed
    unknown: tuple[UnknownValue, ...] = ()  # names found nowhere, for the values step
    decimal_comma: bool = False  # how numbers were read
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def deals(self) -> int:
        return self.rows - self.skipped


@dataclass(frozen=True)
class ImportResult:
    deals: tuple[int, ...]
    new_companies: int
    new_contacts: int
    new_people: int = 0
    new_products: int = 0
    skipped: int = 0
    operation_id: int | None = None
    updated: tuple[int, ...] = ()  # deals an earlier import made, updated from the file


class ImportRejectedError(ValidationError):
    """Rows have problems: nothing was imported. `check` lists them."""

    def __init__(self, check: ImportCheck) -> None:
        super().__init__(check.problems)
        self.check = check


class DealImportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def open(self, path: Any, encoding: str | None = None) -> TableFile:
        """The file's header and format; a ValidationError in the user's words if it can't be read."""
        from pathlib import Path

        try:
            return open_table(Path(path), encoding)
        except (TableReadError, OSError, UnicodeError) as exc:
            reason = exc.reason if isinstance(exc, TableReadError) else NOT_A_FILE
            raise ValidationError.single("file", MSG_READ[reason], encoding=encoding or "") from exc

    def preview(self, table: TableFile, limit: int = 3) -> list[list[str]]:
        """The first rows' cells as text, to show what each column holds."""
        rows: list[list[str]] = []
        try:
            for _line, cells in read_rows(table):
                rows.append(["" if c is None else text(c) for c in cells])
                if len(rows) >= limit:
                    break
        except (TableReadError, OSError, UnicodeError) as exc:
            raise ValidationError.single("file", MSG_READ[NOT_A_FILE]) from exc
        return rows

    def targets(self) -> list[tuple[str, Message | str]]:
        """(target, label) for every field a column can go to; custom labels are the user's own text."""
        with self._ctx.read() as session:
            return target_labels(session, _custom_fields(session))

    def choices(self, target: str) -> list[Message | str]:
        """The known names a file's value of `target` can be mapped to in the values step (a
        source's name is a Message, to be shown translated)."""
        with self._ctx.read() as session:
            if target == "stage":
                return list(dict.fromkeys(session.scalars(select(Stage.name).order_by(Stage.sort, Stage.id))))
            if target == "pipeline":
                return list(session.scalars(select(Pipeline.name).order_by(Pipeline.sort, Pipeline.id)))
            if target == "responsible":
                return list(session.scalars(select(User.name).where(User.is_active).order_by(User.name)))
            if target == "source":
                return list(DEAL_SOURCES.values())
            if target == "product":
                active = select(Product.name).where(Product.active).order_by(Product.name)
                return list(session.scalars(active))
            if target.startswith("uf:"):
                info = _custom_fields(session).get(int(target[3:]))
                return [o.label for o in info.options] if info is not None else []
        return []

    def guess(
        self, header: Sequence[str], labels: Mapping[str, Sequence[str]], preset: str | None = None
    ) -> dict[int, str]:
        """A first mapping by column names (see `guess_mapping`)."""
        with self._ctx.read() as session:
            return guess_mapping(session, header, labels, preset)

    def check(
        self, table: TableFile, options: ImportOptions, progress: Progress | None = None
    ) -> ImportCheck:
        """Every row converted and validated as the import would; nothing is written."""
        with self._ctx.read() as session:
            return _Importer(session, None, self._ctx, table, options).run(progress)

    def run(self, table: TableFile, options: ImportOptions, progress: Progress | None = None) -> ImportResult:
        """Check every row, then store them all in one transaction; ImportRejectedError (nothing
        stored, nothing even begun) if any row has a problem; CancelledError from `progress` rolls
        everything back."""
        with self._ctx.write() as uow:
            if access_for(uow.session, uow.actor_id).grant(Entity.DEAL, Action.IMPORT).nothing:
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP("errors", "Your role does not let you import deals.")
                )
            mapped = [
                key
                for key in options.mapping.values()
                if key and key not in NOT_DEAL_FIELDS and not key.startswith(ENTERED)
            ]
            require_editable(uow.session, EntityType.DEAL, uow.actor_id, mapped)
            importer = _Importer(uow.session, uow, self._ctx, table, options)
            check = importer.run(progress)
            if not check.ok:
                raise ImportRejectedError(check)
            uow.coalesce_events()
            return ImportResult(
                tuple(importer.created),
                check.new_companies,
                check.new_contacts,
                check.new_people,
                check.new_products,
                check.skipped,
                importer.operation_id,
                tuple(importer.updated),
            )

    def imports(self) -> list[ImportInfo]:
        """Every import made so far, newest first."""
        with self._ctx.read() as session:
            return imports(session)

    def undo(self, operation_id: int, progress: Progress | None = None) -> UndoneImport:
        """Remove what an import created and nobody has changed since (listing what stays)."""
        with self._ctx.write() as uow:
            return undo_import(uow, operation_id, progress)


# -- one import -----------------------------------------------------------------------------------


@dataclass
class _Pending:
    """A checked row, waiting for the write."""

    number: int
    stage: Stage
    values: dict[str, Any]
    custom: dict[int, Any]
    contact_ids: list[int]  # stand-ins (< 0) for contacts the import creates
    entered: dict[int, datetime]
    external_id: str | None
    products: list[ProductLine]  # (id or stand-in, name, quantity, price)
    update_of: int | None = None  # the deal an earlier import made from this row's ID


class _Importer:
    """Reads the rows, converts each cell, validates each row like the deal form; writes only when
    every row is fine and this is the real import."""

    def __init__(
        self,
        session: Session,
        uow: UnitOfWork | None,
        context: ServiceContext,
        table: TableFile,
        options: ImportOptions,
    ) -> None:
        self.session = session
        self.uow = uow
        self.ctx = context
        self.table = table
        self.options = options
        self.fields = _custom_fields(session)
        self.created: list[int] = []
        self.operation_id: int | None = None
        self.problems = GroupedProblems()
        self.notes: list[Message] = []
        self.pending: list[_Pending] = []
        self.skipped = 0
        self.updated: list[int] = []
        self._not_updated: list[str] = []
        self._changed_since: set[str] = set()
        self.now = utcnow()
        self.decimal_comma = bool(options.decimal_comma)
        mapped = options.values
        self.pipelines = Names(
            "pipeline", ((p.name, p) for p in session.scalars(select(Pipeline))), mapped.get("pipeline")
        )
        self._default_pipeline = session.scalar(
            select(Pipeline).order_by(Pipeline.is_default.desc(), Pipeline.sort, Pipeline.id).limit(1)
        )
        self._stages: dict[int, Names] = {}
        self._stage_lists: dict[int, list[Stage]] = {}
        self._stage_needs: dict[int, bool] = {}
        for stage in session.scalars(select(Stage).order_by(Stage.sort, Stage.id)):
            self._stage_lists.setdefault(stage.pipeline_id, []).append(stage)
        for pipeline_id, stages in self._stage_lists.items():
            names = Names("stage", ((s.name, s) for s in stages), mapped.get("stage"))
            for stage in stages:  # "Closed Won", "gewonnen", ...: the pipeline's closing stages
                words = {StageSemantic.WON: WON_WORDS, StageSemantic.LOST: LOST_WORDS}.get(stage.semantic, ())
                for word in words:
                    names.alias(word, stage)
            self._stages[pipeline_id] = names
        self._stage_order = {s.id: s.sort for stages in self._stage_lists.values() for s in stages}
        self.users = people_names(session, mapped.get("responsible"))
        self.sources = source_names(mapped.get("source"), options.value_names.get("source"))
        self.products = Names(
            "product",
            ((p.name, p.id) for p in session.scalars(select(Product).order_by(Product.id))),
            mapped.get("product"),
        )
        self._choices = {
            info.id: Names(
                f"uf:{info.id}", ((o.label, o.id) for o in info.options), mapped.get(f"uf:{info.id}")
            )
            for info in self.fields.values()
            if info.field_type is FieldType.LIST
        }
        self._companies: dict[str, int] | None = None  # read when first needed
        self._contacts: dict[str, int] | None = None
        self._next_new = -1  # stand-in ids of what the import creates
        self.new_companies: dict[str, tuple[str, int]] = {}  # folded name -> (name, stand-in)
        self.new_contacts: dict[str, tuple[str, int]] = {}
        self.new_people: dict[str, tuple[str, int]] = {}
        self.new_products: dict[str, tuple[str, int]] = {}
        self._known_ids: dict[str, int] = {}
        self._seen_ids: set[str] = set()
        preset = PRESETS.get(options.preset or "")
        self._group_by_id = preset is not None and preset.group_by_id
        self._updates = 0
        self._product_rows: dict[str, list[Any]] = {}
        self._grouped: dict[str, _Pending] = {}
        self._no_created = self._no_closed = 0
        self._closed_from_close_date = self._created_from_other = self._titles_made = 0
        self._company_titles: dict[int, str] | None = None
        self.mapping = dict(options.mapping)  # "new_field" columns become "uf:<id>" when made
        self._targets = set(options.mapping.values())
        self._pipeline_of = {s.id: s.pipeline_id for stages in self._stage_lists.values() for s in stages}

    # -- driving ----------------------------------------------------------------------------

    def run(self, progress: Progress | None) -> ImportCheck:
        self._check_mapping()
        rows = list(read_rows(self.table))
        if not rows:
            raise ValidationError.single("file", MSG_NO_ROWS)
        writing_too = self.uow is not None
        total = len(rows) * (2 if writing_too else 1)
        if progress is not None:
            progress(0, total)
        if self.table.encoding and not self.table.encoding_sure:
            self.notes.append(Message(NOTE_ENCODING, {"encoding": encoding_name(self.table.encoding)}))
        self._new_fields()
        self._decide_decimal_mark(rows)
        self._read_known_ids()
        if self.options.product_rows is not None:
            self._product_rows = product_rows_file(self.options.product_rows)
        for done, (number_, cells) in enumerate(rows, start=1):
            self._row(number_, cells)
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
        self._say_assumptions()
        if self.new_people:
            self._check_people_rights()
        listed, more = self.problems.listed()
        check = ImportCheck(
            rows=len(rows),
            problems=listed,
            more_problems=more,
            new_companies=len(self.new_companies),
            new_contacts=len(self.new_contacts),
            new_people=len(self.new_people),
            new_products=len(self.new_products),
            skipped=self.skipped,
            updates=self._updates,
            unmapped=tuple(
                name for column, name in enumerate(self.table.header) if name and column not in self.mapping
            ),
            notes=tuple(self.notes),
            unknown=tuple(self._unknown()),
            decimal_comma=self.decimal_comma,
            encoding=self.table.encoding,
        )
        if self.uow is not None and check.ok:
            self._write(progress, len(rows), total)
        return check

    def _check_mapping(self) -> None:
        problems = Problems()
        seen: dict[str, int] = {}
        labels = dict(target_labels(self.session, self.fields))
        for column, target in sorted(self.mapping.items()):
            if target == NEW_FIELD:
                continue
            if target in seen:
                problems.add(
                    target,
                    MSG_TWICE,
                    first=self.table.header[seen[target]],
                    second=self.table.header[column],
                    label=labels.get(target, target),
                )
            seen[target] = column
        if "title" not in seen and not TITLE_PARTS & seen.keys():
            problems.add("title", MSG_NO_TITLE)
        problems.raise_if_any()

    def _new_fields(self) -> None:
        """Columns no field holds, to become text fields of their own (named as the column)."""
        columns = [c for c, t in self.mapping.items() if t == NEW_FIELD]
        if not columns:
            return
        names = ", ".join(self.table.header[c] for c in columns)
        self.notes.append(Message(NOTE_NEW_FIELDS, {"columns": names}))
        if self.uow is None:
            return
        for column in columns:
            label = self.table.header[column][:200] or f"Column {column + 1}"
            info = insert_field(self.uow, EntityType.DEAL, label, FieldType.TEXT)
            self.fields[info.id] = info
            self.mapping[column] = f"uf:{info.id}"

    def _decide_decimal_mark(self, rows: Sequence[tuple[int, list[Any]]]) -> None:
        """One decimal mark for the whole file, from every number in it: a column whose numbers only
        make sense with the other mark is a problem, never a number 100 times too large."""
        columns = [
            (c, self.table.header[c])
            for c, target in self.mapping.items()
            if target in NUMBER_TARGETS or self._is_number_field(target)
        ]
        if not columns:
            return
        seen = decimal_mark((n, name, cells[c]) for n, cells in rows for c, name in columns)
        if seen.mixed:
            assert seen.comma is not None
            assert seen.point is not None
            self.problems.add(
                None,
                FieldProblem(
                    "file",
                    Message(
                        MSG_MIXED_MARKS,
                        {
                            "comma": seen.comma[2],
                            "comma_row": seen.comma[0],
                            "point": seen.point[2],
                            "point_row": seen.point[0],
                        },
                    ),
                ),
            )
            return
        wanted = self.options.decimal_comma
        shown = seen.comma or seen.point
        if shown is None:
            self.decimal_comma = bool(wanted)
            return
        comma = seen.comma is not None
        row, column, value = shown
        if wanted is not None and wanted != comma:
            template = MSG_COMMA_NEEDED if comma else MSG_POINT_NEEDED
            self.problems.add(
                None, FieldProblem("file", Message(template, {"value": value, "column": column, "row": row}))
            )
            return
        self.decimal_comma = comma
        self.notes.append(
            Message(NOTE_COMMA if comma else NOTE_POINT, {"value": value, "column": column, "row": row})
        )

    def _is_number_field(self, target: str) -> bool:
        if not target.startswith("uf:"):
            return False
        info = self.fields.get(int(target[3:]))
        return info is not None and info.field_type in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY)

    def _read_known_ids(self) -> None:
        if "external_id" not in self.mapping.values():
            return
        rows = self.session.execute(
            select(ImportKey.external_id, ImportKey.entity_id, ImportKey.version, Deal.version)
            .outerjoin(Deal, Deal.id == ImportKey.entity_id)
            .where(ImportKey.entity_type == "deal", ImportKey.system == self.options.source_system)
        ).all()
        self._known_ids = {external: deal_id for external, deal_id, _left, _now in rows}
        # Deals changed in Dealdesk since an import left them (or deleted): an update never overwrites them.
        self._changed_since = {external for external, _id, left, now in rows if now is None or now != left}

    def _say_assumptions(self) -> None:
        targets = {t: c for c, t in self.mapping.items()}
        if self._titles_made:
            self.notes.append(Message(NOTE_TITLES_MADE, {"count": self._titles_made}))
        if self._closed_from_close_date:
            column = self.table.header[targets["close_date"]]
            self.notes.append(Message(NOTE_CLOSED_FROM_CLOSE_DATE, {"column": column}))
        if self._no_closed:
            self.notes.append(Message(NOTE_CLOSED_TODAY, {"count": self._no_closed}))
        if self._created_from_other:
            self.notes.append(Message(NOTE_CREATED_FROM_EARLIEST, {"count": self._created_from_other}))
        dated = {"created_at", "closed_at", "begin_date", "close_date"} & self._targets
        if self._no_created and (dated or any(t.startswith(ENTERED) for t in self._targets)):
            self.notes.append(Message(NOTE_CREATED_TODAY, {"count": self._no_created}))
        if self._not_updated:
            shown = ", ".join(self._not_updated[:5]) + (" …" if len(self._not_updated) > 5 else "")
            self.notes.append(Message(NOTE_NOT_UPDATED, {"count": len(self._not_updated), "ids": shown}))
        elif self.skipped:
            self.notes.append(Message(NOTE_SKIPPED, {"count": self.skipped}))
        if self._updates:
            self.notes.append(Message(NOTE_UPDATES, {"count": self._updates}))
        if self.new_people:
            self.notes.append(Message(NOTE_NEW_PEOPLE))

    def _check_people_rights(self) -> None:
        from app.services.access.permissions import require_settings

        try:
            require_settings(self.session, self.ctx.actor_id, "user")
        except ServiceError:
            self.problems.add(None, FieldProblem("responsible_id", Message(MSG_PEOPLE_RIGHTS)))

    def _unknown(self) -> list[UnknownValue]:
        out: list[UnknownValue] = []
        for names in (
            self.pipelines,
            *self._stages.values(),
            self.users,
            self.sources,
            self.products,
            *self._choices.values(),
        ):
            out += names.unknown()
        if self.options.create_users:
            out = [u for u in out if u.target != "responsible"]
        if self.options.create_missing:
            out = [u for u in out if u.target != "product" or u.suggestion is not None]
        return out

    # -- one row ----------------------------------------------------------------------------

    def _row(self, number_: int, cells: Sequence[Any]) -> None:
        row = Row()
        for column, target in self.mapping.items():
            raw = cells[column] if column < len(cells) else None
            if is_blank(raw) or target == NEW_FIELD:  # a new text field takes any text
                continue
            header = self.table.header[column]
            if target.startswith("uf:"):
                found = self.fields.get(int(target[3:]))
                if found is not None:
                    row.custom[found.id] = self._custom(row.problems, found, header, raw)
            elif target.startswith(ENTERED):
                when = moment(raw, self.options.day_first)
                if when is None:
                    row.problems.add(target, MSG_DATE, value=text(raw), column=header)
                else:
                    row.entered[int(target[len(ENTERED) :])] = when
            else:
                READERS.get(target, read_text)(self, row, target, header, raw)
        if self._group_by_id and row.external_id in self._seen_ids:  # one more product of that deal
            earlier = self._grouped.get(row.external_id)
            if row.problems:
                for problem in _problems(row.problems):
                    self.problems.add(number_, problem)
            elif earlier is not None:
                earlier.products += self._products_of(row)
            return
        if row.external_id is not None:
            if row.external_id in self._seen_ids:
                row.problems.add("external_id", MSG_DUPLICATE_ID, value=row.external_id)
            self._seen_ids.add(row.external_id)
            if row.external_id in self._known_ids:
                if self.options.duplicates == SKIP:
                    self.skipped += 1
                    return
                if self.options.duplicates != UPDATE:
                    row.problems.add("external_id", MSG_IMPORTED_BEFORE)
                elif row.external_id in self._changed_since:
                    self.skipped += 1  # changed in Dealdesk since: kept as it is, and said
                    self._not_updated.append(row.external_id)
                    return
        problems, values, custom = row.problems, row.values, row.custom
        if "title" not in self._targets:  # named after what it sold to whom, or its ID
            parts = [
                row.new_company or self._company_title(values.get("company_id")),
                *map(text, row.products),
            ]
            made = " – ".join(p for p in parts if p) or row.external_id or ""
            values["title"] = made[:255]
            self._titles_made += bool(made)
        values.setdefault("title", "")
        target_pipeline = row.pipeline or self._pipeline()
        target_stage = self._stage(problems, target_pipeline, row.stage)
        if row.status in ("won", "lost") and target_pipeline is not None:
            # Closed apart from its stage (Pipedrive): the stage named is how far it came.
            semantic = StageSemantic.WON if row.status == "won" else StageSemantic.LOST
            closing = next(
                (s for s in self._stage_lists.get(target_pipeline.id, []) if s.semantic is semantic), None
            )
            if target_stage is not None and target_stage.semantic is StageSemantic.IN_PROGRESS:
                row.reached = target_stage
            target_stage = closing or target_stage
        known: dict[str, Any] = {k: values.pop(k) for k in ("company_id", "responsible_id") if k in values}
        loss_reason = values.pop("loss_reason", None)
        if loss_reason and target_stage is not None and target_stage.semantic is StageSemantic.LOST:
            known["loss_reason"] = loss_reason[:2000]  # why it was lost: only a lost deal keeps one
        cleaned: dict[str, Any] = {}
        try:
            cleaned = {**clean_deal(self.session, values, creating=True), **known}
        except ValidationError as exc:
            problems.extend(exc.problems)
        for info in self.fields.values():
            if info.required and info.id not in custom:
                problems.add(f"uf:{info.code}", MSG_REQUIRED, label=Message(info.label))
        cleaned_custom = clean_values(self.session, problems, self.fields, custom)
        if target_stage is not None:
            self._dates(problems, row, cleaned, target_stage)
        if not problems and target_stage is not None and self._required(target_stage):
            stage_values = {**cleaned, **{f"uf:{self.fields[i].code}": v for i, v in cleaned_custom.items()}}
            if row.new_company:
                stage_values["company_id"] = -1
            stage_values["contact_ids"] = [*row.contact_ids, *row.new_contacts]
            try:
                missing_for_stage(self.session, target_stage, [0], pending={0: stage_values})
            except MissingFieldsError as exc:
                problems.extend(exc.problems)
        if problems or target_stage is None:
            for problem in _problems(problems):
                self.problems.add(number_, problem)
            return
        # -- valid: count what would be created; keep the row for the write ----------------------
        if row.new_company:
            cleaned["company_id"] = self._new(self.new_companies, row.new_company)
        if row.new_user:
            cleaned["responsible_id"] = self._new(self.new_people, row.new_user)
        contact_ids = list(row.contact_ids)
        for name in row.new_contacts:
            contact_ids.append(self._new(self.new_contacts, name))
        products = self._products_of(row)
        if self.problems:
            return  # the import fails anyway: keep checking, keep nothing
        pending = _Pending(
            number_,
            target_stage,
            cleaned,
            cleaned_custom,
            list(dict.fromkeys(contact_ids)),
            row.entered,
            row.external_id,
            products,
            self._known_ids.get(row.external_id) if row.external_id is not None else None,
        )
        if pending.update_of is not None:
            self._updates += 1
        self.pending.append(pending)
        if self._group_by_id and row.external_id is not None:
            self._grouped[row.external_id] = pending

    def _products_of(self, row: Row) -> list[ProductLine]:
        lines = [(name, row.quantity, row.price, None) for name in row.products]
        if self._product_rows and row.external_id in self._product_rows:  # from deal_products.csv
            lines = self._product_rows[row.external_id]
        products: list[ProductLine] = []
        for name, quantity, price, extra in lines:
            listed, ident = self.products.find(name)
            if listed and ident is not None:
                products.append((ident, text(name), quantity, price, extra))
            elif not listed:
                stand_in = self._new(self.new_products, " ".join(text(name).split()))
                products.append((stand_in, text(name), quantity, price, extra))
        return products

    def _new(self, table: dict[str, tuple[str, int]], name: str) -> int:
        key = fold(name)
        if key not in table:
            table[key] = (name, self._next_new)
            self._next_new -= 1
        return table[key][1]

    def _dates(self, problems: Problems, row: Row, cleaned: dict[str, Any], stage: Stage) -> None:
        """Creation, closing and stage dates of the deal, in `cleaned`: from their columns, else from
        what comes closest (said in the summary), never the import's day where the file has a date."""
        closed = stage.semantic is not StageSemantic.IN_PROGRESS
        row.entered = {s: w for s, w in row.entered.items() if self._pipeline_of.get(s) == stage.pipeline_id}
        closed_at = None
        if closed:
            closed_at = row.closed_at
            if (
                closed_at is None
                and "closed_at" not in self._targets
                and cleaned.get("close_date") is not None
            ):
                closed_at = day_moment(cleaned["close_date"])
                self._closed_from_close_date += 1
            if closed_at is None:
                self._no_closed += 1
        created = row.created_at
        if created is None:  # no earlier than the first date the file knows of the deal
            begin = cleaned.get("begin_date")
            known = [
                *row.entered.values(),
                *([day_moment(begin)] if begin else []),
                *([closed_at] if closed_at else []),
            ]
            if known:
                created = min(known)
                self._created_from_other += 1
            else:
                self._no_created += 1
        for name, when in (("created_at", created), ("closed_at", closed_at)):
            if when is not None and when > self.now:
                problems.add(name, MSG_FUTURE, label=label_of(name), value=when.date().isoformat())
        if created is not None and closed_at is not None and closed_at < created:
            problems.add(
                "closed_at",
                MSG_CLOSED_BEFORE,
                closed=closed_at.date().isoformat(),
                created=created.date().isoformat(),
            )
        cleaned["created_at"] = created or self.now
        if row.reached is not None and row.reached.id not in row.entered:  # how far it came, date unknown
            row.entered[row.reached.id] = cleaned["created_at"]
        if closed:
            cleaned["closed_at"] = closed_at or self.now
        cleaned.setdefault("begin_date", None)  # blank stays blank
        final = row.entered.get(stage.id) or (closed_at if closed else None)
        if final is None:
            final = max(row.entered.values(), default=None) or cleaned["created_at"]
        cleaned["stage_changed_at"] = final

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
        stages = self._stage_lists.get(pipeline.id, [])
        if name is None:
            return stages[0] if stages else None
        names = self._stages[pipeline.id]
        found, stage = names.find(name)
        if not found or stage is None:
            unknown_problem(problems, names, "stage_id", MSG_NO_STAGE, name, pipeline=pipeline.name)
            return None
        return stage  # type: ignore[no-any-return]

    def _custom(self, problems: Problems, info: CustomFieldInfo, column: str, raw: Any) -> Any:
        """A cell as the field's type wants it; the field's own checks come after (clean_values)."""
        kind = info.field_type
        parts = split(raw) if info.multiple and kind is not FieldType.TEXT else [raw]
        converted: list[Any] = []
        for part in parts:
            value: Any = part
            if kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY):
                value = number(part, self.decimal_comma)
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NUMBER, value=text(part), column=column)
                    return None
            elif kind is FieldType.DATE:
                value = date_of(part, self.options.day_first)
            elif kind is FieldType.DATETIME:
                value = datetime_of(part, self.options.day_first)
            elif kind is FieldType.BOOLEAN:
                value = yes_no(part)
            elif kind is FieldType.LIST:
                names = self._choices[info.id]
                found, value = names.find(part)
                if not found:
                    unknown_problem(
                        problems, names, f"uf:{info.code}", MSG_NO_CHOICE, part, label=Message(info.label)
                    )
                    return None
                if value is None:
                    continue  # mapped to blank
            elif kind is FieldType.EMPLOYEE:
                value = self.users.get(part)
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NO_USER, value=text(part))
                    return None
            elif kind is FieldType.COMPANY:
                value = self.company(text(part))
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NO_COMPANY, value=text(part))
                    return None
            elif kind is FieldType.CONTACT:
                value = self.contact(text(part))
                if value is None:
                    problems.add(f"uf:{info.code}", MSG_NO_CONTACT, value=text(part))
                    return None
            else:
                value = text(part)
            if value is None:
                template = {FieldType.DATE: MSG_DATE, FieldType.DATETIME: MSG_DATETIME}.get(kind, MSG_YES_NO)
                problems.add(f"uf:{info.code}", template, value=text(part), column=column)
                return None
            if kind is FieldType.INTEGER and isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else str(value)
            converted.append(value)
        if info.multiple:
            return converted
        return converted[0] if converted else None

    # -- companies and contacts by name ------------------------------------------------------

    def _company_title(self, company_id: int | None) -> str | None:
        if company_id is None:
            return None
        if self._company_titles is None:
            self._company_titles = writing.company_titles(self.session)
        return self._company_titles.get(company_id)

    def company(self, name: str) -> int | None:
        if self._companies is None:
            self._companies = writing.company_names(self.session)
        return self._companies.get(fold(name))

    def contact(self, name: str) -> int | None:
        if self._contacts is None:
            self._contacts = writing.contact_names(self.session)
        return self._contacts.get(fold(name))

    # -- the write ----------------------------------------------------------------------------

    def _write(self, progress: Progress | None, rows: int, total: int) -> None:
        assert self.uow is not None
        uow = self.uow
        self.operation_id = writing.import_operation(uow, len(self.pending), self.table.path.name)
        with writing.totals_after(uow, len(self.pending)):
            real: dict[int, int] = {}
            real.update(writing.create_companies(uow, list(self.new_companies.values()), self.operation_id))
            real.update(writing.create_contacts(uow, list(self.new_contacts.values()), self.operation_id))
            real.update(writing.create_products(uow, list(self.new_products.values()), self.operation_id))
            if self.new_people:
                from app.services.access.users import UserService

                people = UserService(self.ctx)
                real.update(
                    writing.create_people(uow, people, list(self.new_people.values()), self.operation_id)
                )
            done = rows
            updates = [item for item in self.pending if item.update_of is not None]
            new = [item for item in self.pending if item.update_of is None]
            for item in updates:
                self._resolve(item, real)
            self.updated = writing.update_imported_deals(
                uow, self.fields, updates, self._targets, self.operation_id, self.options.source_system
            )
            done += len(updates)
            for start in range(0, len(new), WRITE_BATCH):
                batch = new[start : start + WRITE_BATCH]
                for item in batch:
                    self._resolve(item, real)
                ids = writing.insert_imported_deals(
                    uow, self.fields, batch, self._stage_order, self.operation_id, self.options.source_system
                )
                self.created.extend(ids)
                done += len(batch)
                if progress is not None:
                    progress(min(done, total), total)

    @staticmethod
    def _resolve(item: _Pending, real: Mapping[int, int]) -> None:
        """Stand-ins of what the import created, replaced by their ids."""
        for key in ("company_id", "responsible_id"):
            if (item.values.get(key) or 0) < 0:
                item.values[key] = real[item.values[key]]
        item.contact_ids = [real.get(i, i) for i in item.contact_ids]
        item.products = [
            (real.get(i, i), name, qty, price, extra) for i, name, qty, price, extra in item.products
        ]


def labels_of(session: Session) -> dict[str, list[str]]:
    """Every target's label as written in English (what Export all writes)."""
    return {key: [str(label)] for key, label in target_labels(session, _custom_fields(session))}


def guess_mapping(
    session: Session, header: Sequence[str], labels: Mapping[str, Sequence[str]], preset: str | None = None
) -> dict[int, str]:
    """A first mapping by column names: the preset's names for its CRM's columns first, then a
    target's key, its label(s) as shown and as written in English, or a common alias, in any case and
    with any separators ("deal_stage" is "Deal stage"). `labels` are the words the user sees for
    each target (translated). Each target once."""
    words: dict[str, str] = {}
    chosen = PRESETS.get(preset or "")
    if chosen is not None:
        for name in header:
            found = chosen.target(name)
            if found is not None:
                words.setdefault(fold_name(name), found)
    english = labels_of(session)
    for target, names in labels.items():
        for name in (target, *names, *english.get(target, ()), *ALIASES.get(target, ())):
            words.setdefault(fold_name(name), target)
    for stage, name, pipeline in session.execute(
        select(Stage.id, Stage.name, Pipeline.name).join(Pipeline, Pipeline.id == Stage.pipeline_id)
    ):
        for form in (f"date entered {name}", f"entered {name}", f"date entered {name} {pipeline}"):
            words.setdefault(fold_name(form), f"{ENTERED}{stage}")
    for key, label in english.items():  # "Entered Invoice (Sales)" as Export all writes it
        if key.startswith(ENTERED):
            words.setdefault(fold_name(label[0]), key)
    mapping: dict[int, str] = {}
    for column, name in enumerate(header):
        found = words.get(fold_name(name))
        if found is not None and found not in mapping.values():
            mapping[column] = found
    return mapping


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
