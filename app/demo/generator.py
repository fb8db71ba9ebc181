"""Fills a new database with realistic demo data, fast enough for a million deals.

Rows are generated as plain tuples and written with executemany in one transaction, with the
big tables' secondary indexes dropped during the load and rebuilt after (one sorted build per
index instead of a million random inserts). The SQL comes from SQLAlchemy expressions.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Index, delete, func, insert, null, select, update

from app.demo import vocabulary as words
from app.demo.bulk import BulkLoader
from app.demo.deal_rows import write_deals
from app.demo.invoices import write_invoices
from app.demo.tasks import write_done_tasks
from app.models import (
    RIGHTS_STAMP_KEY,
    AppSetting,
    Company,
    Contact,
    Currency,
    CustomFieldDefinition,
    CustomFieldOption,
    Deal,
    DealStageVisit,
    Department,
    EntityType,
    FieldType,
    Lead,
    Pipeline,
    Product,
    Role,
    RoleAssignment,
    SalesTarget,
    Stage,
    StageSemantic,
    User,
    contact_company,
)
from app.storage import Database, rollups, search_index
from app.storage.database import ANALYSIS_LIMIT

Progress = Callable[[str, int, int], None]
# Which department (index: North, South, Key accounts, Inside sales, Team Hamburg, Team Munich) each
# next person joins: Sales North with its team holds a tenth of the people, as an office's region might.
_TEAM_PATTERN = (0, 4, 1, 1, 1, 5, 5, 2, 2, 2, 2, 3, 3, 3, 3, 1, 1, 2, 3, 5)
# Tables whose secondary indexes are rebuilt after the load.
BULK_TABLES = (
    "deal",
    "deal_stage_visit",
    "deal_product_row",
    "deal_contact",
    "task",
    "contact",
    "company",
    "lead",
    "custom_field_value",
)


class DemoCancelled(Exception):  # noqa: N818 - reads as what happened
    """The user cancelled; the transaction was rolled back and the database is as before."""


class DemoError(Exception):
    pass


@dataclass(frozen=True)
class DemoStats:
    deals: int
    companies: int
    contacts: int
    users: int
    products: int
    product_rows: int
    tasks: int
    leads: int
    invoices: int = 0
    quotes: int = 0


@dataclass(frozen=True)
class _StageRef:
    id: int
    pipeline_id: int
    semantic: str


def generate_demo(
    database: Database,
    deals: int,
    *,
    seed: int = 1,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    scratch_file: bool = False,
) -> DemoStats:
    """Add demo users, customers, products, pipelines, deals, tasks and leads to an empty database.

    `scratch_file`: the SQLite file was made for this demo a moment ago, so it may be loaded
    without a journal on disk and without fsync (several times faster); a crash then leaves a
    file to delete, and there is nothing else in it to lose. Otherwise the load is as safe as
    any other write.
    """
    if deals < 0:
        raise DemoError("The number of deals can't be negative.")
    builder = DemoBuilder(database, deals, seed, language, progress, cancelled)
    return builder.run(unjournaled=scratch_file and database.is_sqlite)


class DemoBuilder:
    def __init__(
        self,
        database: Database,
        deals: int,
        seed: int,
        language: str,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.db = database
        self.n_deals = deals
        self.rng = random.Random(seed)
        self.lang = language if language in ("en", "de") else "en"
        self.words = words.Words(self.lang)
        self.progress = progress or (lambda _label, _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        self.today = date.today()  # noqa: DTZ011 - demo data is spread around the user's today
        self.now = datetime.now(UTC).replace(tzinfo=None)
        self.n_users = min(60, max(6, deals // 5000 + 6))
        self.n_companies = max(25, deals // 20)
        self.n_contacts = max(40, deals // 10)
        self.n_tasks = 0
        self.n_rows = 0
        self.n_leads = max(20, deals // 20)
        self.n_invoices = self.n_quotes = 0

    # -- orchestration ---------------------------------------------------------------------

    def run(self, *, unjournaled: bool) -> DemoStats:
        with self.db.engine.connect() as conn:
            sqlite = self.db.is_sqlite
            raw = conn.connection.driver_connection  # outside any transaction: pragmas need that
            if unjournaled:
                # A fresh demo file: no journal on disk and no fsync while loading; restored below.
                raw.execute("PRAGMA journal_mode=MEMORY")  # type: ignore[union-attr]
                raw.execute("PRAGMA synchronous=OFF")  # type: ignore[union-attr]
                raw.execute("PRAGMA cache_size=-2097152")  # type: ignore[union-attr]  # the load kept in memory
                raw.execute("PRAGMA threads=2")  # type: ignore[union-attr]  # sorter helpers for index builds
                raw.execute("PRAGMA temp_store=FILE")  # type: ignore[union-attr]  # their pieces (bulk.sorting)
                # Our own rows are consistent by construction: no per-row foreign key lookups.
                raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            try:
                conn = conn.execution_options(dealdesk_write=True)
                self.bulk = BulkLoader(conn, self.tick)
                with conn.begin():
                    self._check_empty(conn)
                    triggers = search_index.pause_triggers(conn)
                    rollups.drop_triggers(conn)
                    dropped: list[Index] = []
                    if sqlite and self.n_deals >= 50_000:
                        dropped = self.bulk.drop_indexes(Deal.metadata, BULK_TABLES)
                    self._base(conn)
                    self.n_rows, self.n_tasks = write_deals(self, self.bulk)
                    self.tick("tasks", 0, 1)
                    self.n_tasks += write_done_tasks(conn, self.words)
                    self.tick("stage visits", 0, 1)
                    # Each deal's stay in its current stage (earlier stays are not made up).
                    conn.execute(
                        insert(DealStageVisit).from_select(
                            ["deal_id", "pipeline_id", "stage_id", "entered_at", "left_at", "user_id"],
                            select(
                                Deal.id,
                                Deal.pipeline_id,
                                Deal.stage_id,
                                Deal.stage_changed_at,
                                null(),
                                Deal.responsible_id,
                            ).order_by(Deal.id),
                        )
                    )
                    self._leads(conn)
                    self._targets(conn)
                    with self.bulk.sorting():
                        self.bulk.rebuild_indexes(dropped)
                    self.tick("invoices", 0, 1)  # after the indexes: the won deals come from one of them
                    self.n_invoices, self.n_quotes = write_invoices(conn, self.now)
                    self.tick("search", 0, 1)
                    search_index.rebuild(conn)
                    search_index.resume_triggers(conn, triggers)
                    self.tick("analytics", 0, 1)
                    with self.bulk.sorting():
                        rollups.rebuild(conn, grouped=True)
                    rollups.create_triggers(conn)
                    self.progress("analyze", 0, 1)
                    if sqlite:
                        # Statistics for the query planner, sampled: exact ones cost seconds at 1M rows.
                        conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                        conn.exec_driver_sql("ANALYZE")
            finally:
                if unjournaled:
                    raw.execute("PRAGMA journal_mode=DELETE")  # type: ignore[union-attr]
                    raw.execute("PRAGMA synchronous=FULL")  # type: ignore[union-attr]
                    raw.execute("PRAGMA cache_size=-16384")  # type: ignore[union-attr]
                    raw.execute("PRAGMA threads=0")  # type: ignore[union-attr]
                    raw.execute("PRAGMA temp_store=MEMORY")  # type: ignore[union-attr]
                    raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
        return DemoStats(
            self.n_deals,
            self.n_companies,
            self.n_contacts,
            self.n_users,
            len(words.PRODUCTS),
            self.n_rows,
            self.n_tasks,
            self.n_leads,
            self.n_invoices,
            self.n_quotes,
        )

    def _check_empty(self, conn: Connection) -> None:
        if conn.scalar(select(func.count()).select_from(Deal)) or conn.scalar(
            select(func.count()).select_from(Company)
        ):
            raise DemoError(
                "Demo data goes into a new, empty database; this one already holds deals or companies."
            )
        language = conn.scalar(select(AppSetting.value).where(AppSetting.key == "language"))
        if language in ("en", "de"):
            self.lang = language
        self.words = words.Words(self.lang)

    def tick(self, label: str | None, done: int, total: int) -> None:
        if self.cancelled():
            raise DemoCancelled
        if label is not None:
            self.progress(label, done, total)

    # -- reference data --------------------------------------------------------------------

    def _base(self, conn: Connection) -> None:
        rng = self.rng
        self.tick("users", 0, 1)
        conn.execute(insert(Department), [{"name": n} for n in self.words.departments])
        dept_ids = list(conn.scalars(select(Department.id).order_by(Department.id)))
        conn.execute(
            insert(Department),
            [{"name": name, "parent_id": dept_ids[parent]} for name, parent in self.words.sub_departments],
        )
        dept_ids = list(conn.scalars(select(Department.id).order_by(Department.id)))
        existing = conn.scalar(select(func.count()).select_from(User)) or 0
        used = set(conn.scalars(select(User.login)))
        users = []
        for i in range(self.n_users - existing):
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            login = f"{first[0]}{last}".lower().translate(_ASCII)
            while login in used:
                login += str(i)
            used.add(login)
            users.append(
                {
                    "login": login,
                    "name": f"{first} {last}",
                    "email": f"{login}@dealdesk.example",
                    "department_id": dept_ids[_TEAM_PATTERN[i % len(_TEAM_PATTERN)] % len(dept_ids)],
                    "is_admin": False,
                    "is_active": True,
                    "version": 1,
                }
            )
        if users:
            conn.execute(insert(User), users)
        self.user_ids = list(conn.scalars(select(User.id).order_by(User.id)))
        self._roles(conn, dept_ids)

        self.currencies = list(conn.scalars(select(Currency.code).order_by(Currency.sort)))
        self._extra_pipelines(conn)
        self._custom_fields(conn)
        self._products(conn)
        self._companies(conn)
        self._contacts(conn)

    def _roles(self, conn: Connection, dept_ids: list[int]) -> None:
        """An office with roles in use: each department's first person heads it and is a Manager
        (their department and its teams), everybody else a Salesperson (their own deals and the
        open ones); administrators see everything. The Employee role given to everyone goes."""
        roles = dict(conn.execute(select(Role.builtin, Role.id).where(Role.builtin.is_not(None))).all())
        if "manager" not in roles or "salesperson" not in roles:
            return
        heads: dict[int, int] = {}
        for user_id, department_id in conn.execute(
            select(User.id, User.department_id).where(User.is_admin.is_(False)).order_by(User.id)
        ):
            if department_id is not None and department_id in dept_ids:
                heads.setdefault(department_id, user_id)
        for department_id, user_id in heads.items():
            conn.execute(update(Department).where(Department.id == department_id).values(head_id=user_id))
        conn.execute(delete(RoleAssignment).where(RoleAssignment.everyone.is_(True)))
        # Rights read before (and kept) are stale now: a stamp never seen before says so.
        conn.execute(delete(AppSetting).where(AppSetting.key == RIGHTS_STAMP_KEY))
        conn.execute(insert(AppSetting).values(key=RIGHTS_STAMP_KEY, value=uuid.uuid4().hex))
        conn.execute(insert(RoleAssignment), [{"role_id": roles["salesperson"], "everyone": True}])
        if heads:
            conn.execute(
                insert(RoleAssignment),
                [{"role_id": roles["manager"], "user_id": user_id} for user_id in heads.values()],
            )

    def _custom_fields(self, conn: Connection) -> None:
        """Two custom fields of deals: a list (Region) and a date (Contract end)."""
        german = self.lang == "de"
        region = conn.execute(
            insert(CustomFieldDefinition).values(
                entity_type=EntityType.DEAL,
                code="region",
                label="Region",
                field_type=FieldType.LIST,
                required=False,
                multiple=False,
                show_in_list=True,
                filterable=True,
                sort=10,
                version=1,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        names = (
            ("Nord", "Süd", "Ost", "West", "Export")
            if german
            else ("North", "South", "East", "West", "Export")
        )
        conn.execute(
            insert(CustomFieldOption),
            [{"field_id": region, "label": name, "sort": (i + 1) * 10} for i, name in enumerate(names)],
        )
        self.region_field = region
        self.region_options = list(
            conn.scalars(select(CustomFieldOption.id).where(CustomFieldOption.field_id == region))
        )
        self.contract_field = conn.execute(
            insert(CustomFieldDefinition).values(
                entity_type=EntityType.DEAL,
                code="contract_end",
                label="Vertragsende" if german else "Contract end",
                field_type=FieldType.DATE,
                required=False,
                multiple=False,
                show_in_list=True,
                filterable=True,
                sort=20,
                version=1,
            )
        ).inserted_primary_key[0]  # type: ignore[index]

    def _extra_pipelines(self, conn: Connection) -> None:
        for n, spec in enumerate(words.EXTRA_PIPELINES):
            name = spec[self.lang]
            if conn.scalar(select(Pipeline.id).where(Pipeline.name == name)):
                continue
            pid = conn.execute(
                insert(Pipeline).values(name=name, sort=(n + 1) * 10, is_default=False, version=1)
            ).inserted_primary_key[0]  # type: ignore[index]
            conn.execute(
                insert(Stage),
                [
                    {
                        "pipeline_id": pid,
                        "name": names[self.lang],
                        "sort": (i + 1) * 10,
                        "color": color,
                        "semantic": semantic,
                        "probability": probability,
                        "version": 1,
                    }
                    for i, (names, color, semantic, probability) in enumerate(spec["stages"])
                ],
            )
        rows = conn.execute(
            select(Stage.id, Stage.pipeline_id, Stage.semantic, Pipeline.is_default)
            .join(Pipeline, Pipeline.id == Stage.pipeline_id)
            .order_by(Pipeline.is_default.desc(), Pipeline.sort, Stage.sort)
        ).all()
        self.pipelines: dict[int, list[_StageRef]] = {}
        for stage_id, pipeline_id, semantic, _default in rows:
            self.pipelines.setdefault(pipeline_id, []).append(_StageRef(stage_id, pipeline_id, str(semantic)))
        self.pipeline_ids = list(self.pipelines)

    def _products(self, conn: Connection) -> None:
        base = self.currencies[0] if self.currencies else "EUR"
        self.bulk.insert(
            Product.__table__,  # type: ignore[arg-type]
            (
                "name",
                "sku",
                "unit",
                "price",
                "currency",
                "tax_rate",
                "tax_included",
                "active",
                "section",
                "version",
                "created_at",
                "updated_at",
            ),
            (
                (
                    name,
                    f"SKU-{1000 + i}",
                    unit,
                    price,
                    base,
                    tax * 100,
                    False,
                    True,
                    self.words.sections[i],
                    1,
                    self.bulk.stamp(self.now),
                    self.bulk.stamp(self.now),
                )
                for i, (name, unit, price, tax) in enumerate(self.words.products)
            ),
            "products",
            len(words.PRODUCTS),
        )
        self.product_ids = list(conn.scalars(select(Product.id).order_by(Product.id)))

    def _companies(self, conn: Connection) -> None:
        rng = self.rng
        start = conn.scalar(select(func.coalesce(func.max(Company.id), 0))) or 0
        self.company_titles: list[str] = []

        def rows() -> Iterator[tuple[Any, ...]]:
            for i in range(self.n_companies):
                last = rng.choice(words.LAST_NAMES)
                word = rng.choice(words.COMPANY_WORDS)
                form = rng.choice(words.LEGAL_FORMS)
                title = (
                    f"{last} {word} {form}" if i % 3 else f"{last} & {rng.choice(words.LAST_NAMES)} {form}"
                )
                city, area = rng.choice(words.CITIES)
                domain = f"{last}-{word}".lower().translate(_ASCII)
                self.company_titles.append(title)
                created = self.bulk.stamp(self.now - timedelta(days=rng.randrange(730, 1500)))
                yield (
                    title,
                    rng.choice(words.INDUSTRIES),
                    f"+49 {area} {rng.randrange(100000, 9999999)}",
                    f"info@{domain}.example",
                    f"https://www.{domain}.example",
                    f"{rng.choice(words.STREETS)} {rng.randrange(1, 200)}\n"
                    f"{rng.randrange(10000, 99999)} {city}",
                    rng.choice(self.user_ids),
                    1,
                    created,
                    created,
                )

        self.bulk.insert(
            Company.__table__,  # type: ignore[arg-type]
            (
                "title",
                "industry",
                "phone",
                "email",
                "website",
                "address",
                "responsible_id",
                "version",
                "created_at",
                "updated_at",
            ),
            rows(),
            "companies",
            self.n_companies,
        )
        self.company_ids = range(start + 1, start + 1 + self.n_companies)

    def _contacts(self, conn: Connection) -> None:
        rng = self.rng
        start = conn.scalar(select(func.coalesce(func.max(Contact.id), 0))) or 0
        companies = self.company_ids
        self.contact_company: list[int] = []

        def rows() -> Iterator[tuple[Any, ...]]:
            for _ in range(self.n_contacts):
                first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
                company = companies[rng.randrange(len(companies))]
                self.contact_company.append(company)
                created = self.bulk.stamp(self.now - timedelta(days=rng.randrange(400, 1400)))
                yield (
                    first,
                    last,
                    rng.choice(words.POSITIONS),
                    f"+49 1{rng.randrange(50, 79)} {rng.randrange(1000000, 99999999)}",
                    f"{first.lower().translate(_ASCII)}.{last.lower().translate(_ASCII)}@example.com",
                    rng.choice(self.user_ids),
                    1,
                    created,
                    created,
                )

        self.bulk.insert(
            Contact.__table__,  # type: ignore[arg-type]
            (
                "first_name",
                "last_name",
                "position",
                "phone",
                "email",
                "responsible_id",
                "version",
                "created_at",
                "updated_at",
            ),
            rows(),
            "contacts",
            self.n_contacts,
        )
        self.contact_ids = range(start + 1, start + 1 + self.n_contacts)
        self.bulk.insert(
            contact_company,
            ("contact_id", "company_id"),
            zip(self.contact_ids, self.contact_company, strict=True),
            None,
            self.n_contacts,
        )
        # Contacts by company, to put a company's own people on its deals.
        self.company_contacts: dict[int, list[int]] = {}
        for contact, company in zip(self.contact_ids, self.contact_company, strict=True):
            self.company_contacts.setdefault(company, []).append(contact)

    # -- deals -----------------------------------------------------------------------------

    def _targets(self, conn: Connection) -> None:
        """A sales plan for this year and last: about what each person won per month over the last
        year (estimated from the first deals, so it costs nothing at a million), some set higher."""
        sample = min(self.n_deals, 20_000)
        if sample == 0:
            return
        won = select(Stage.id).where(Stage.semantic == StageSemantic.WON)
        per_user = dict(
            conn.execute(
                select(Deal.responsible_id, func.sum(Deal.amount))
                .where(
                    Deal.id <= select(func.min(Deal.id)).scalar_subquery() + sample - 1,
                    Deal.stage_id.in_(won),
                    Deal.close_date >= self.today - timedelta(days=365),
                )
                .group_by(Deal.responsible_id)
            ).all()
        )
        scale = self.n_deals / sample / 12
        rows = []
        for user_id in self.user_ids:
            monthly = float(per_user.get(user_id) or 0) * scale * self.rng.uniform(0.85, 1.3)
            amount = Decimal(max(500, round(monthly / 500) * 500))
            for year in (self.today.year - 1, self.today.year):
                rows += [
                    {"user_id": user_id, "year": year, "month": m, "amount": amount} for m in range(1, 13)
                ]
        conn.execute(insert(SalesTarget), rows)

    def _leads(self, conn: Connection) -> None:
        rng = self.rng
        statuses = ("new", "new", "in_process", "in_process", "processed", "converted", "junk")

        def rows() -> Iterator[tuple[Any, ...]]:
            for _ in range(self.n_leads):
                first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
                created = self.bulk.stamp(
                    self.now - timedelta(days=rng.randrange(0, 365), minutes=rng.randrange(600))
                )
                title = rng.choice(self.words.lead_titles).format(
                    product=rng.choice(self.words.products)[0], company=rng.choice(self.company_titles)
                )
                yield (
                    title,
                    first,
                    last,
                    f"{last} {rng.choice(words.COMPANY_WORDS)} {rng.choice(words.LEGAL_FORMS)}",
                    f"{first.lower().translate(_ASCII)}.{last.lower().translate(_ASCII)}@example.org",
                    f"+49 1{rng.randrange(50, 79)} {rng.randrange(1000000, 99999999)}",
                    rng.choices(words.SOURCES, weights=words.SOURCE_WEIGHTS)[0],
                    rng.choice(statuses),
                    rng.choice(self.user_ids),
                    1,
                    created,
                    created,
                )

        self.bulk.insert(
            Lead.__table__,  # type: ignore[arg-type]
            (
                "title",
                "first_name",
                "last_name",
                "company_title",
                "email",
                "phone",
                "source",
                "status",
                "responsible_id",
                "version",
                "created_at",
                "updated_at",
            ),
            rows(),
            "leads",
            self.n_leads,
        )


_ASCII = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "é": "e",
        "ş": "s",
        "ı": "i",
        "ç": "c",
        " ": "",
        "&": "",
        ".": "",
        "'": "",
    }
)
