"""Fills a new database with realistic demo data, fast enough for a million deals.

Rows are generated as plain tuples and written with executemany in one transaction, with the
big tables' secondary indexes dropped during the load and rebuilt after (one sorted build per
index instead of a million random inserts). The SQL comes from SQLAlchemy expressions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Index, Table, func, insert, select

from app.demo import vocabulary as words
from app.models import (
    AppSetting,
    Company,
    Contact,
    Currency,
    Deal,
    DealProductRow,
    Department,
    Lead,
    Pipeline,
    Product,
    Stage,
    Task,
    User,
    contact_company,
    deal_contact,
)
from app.storage import Database

Progress = Callable[[str, int, int], None]
CHUNK = 20_000
# Tables whose secondary indexes are rebuilt after the load.
BULK_TABLES = ("deal", "deal_product_row", "deal_contact", "task", "contact", "company", "lead")


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
) -> DemoStats:
    """Add demo users, customers, products, pipelines, deals, tasks and leads to an empty database."""
    if deals < 0:
        raise DemoError("The number of deals can't be negative.")
    generator = _Generator(database, deals, seed, language, progress, cancelled)
    return generator.run()


class _Generator:
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

    # -- orchestration ---------------------------------------------------------------------

    def run(self) -> DemoStats:
        with self.db.engine.connect() as conn:
            sqlite = self.db.is_sqlite
            raw = conn.connection.driver_connection  # outside any transaction: pragmas need that
            if sqlite:
                # A fresh demo file: no journal on disk and no fsync while loading; restored below.
                raw.execute("PRAGMA journal_mode=MEMORY")  # type: ignore[union-attr]
                raw.execute("PRAGMA synchronous=OFF")  # type: ignore[union-attr]
                raw.execute("PRAGMA cache_size=-2097152")  # type: ignore[union-attr]  # up to 2 GiB: index builds
                raw.execute("PRAGMA threads=2")  # type: ignore[union-attr]  # sorter helpers for index builds
            try:
                conn = conn.execution_options(dealdesk_write=True)
                with conn.begin():
                    self._check_empty(conn)
                    dropped = self._drop_indexes(conn)
                    self._base(conn)
                    self._deals(conn)
                    self._leads(conn)
                    self._rebuild_indexes(conn, dropped)
                    self.progress("analyze", 0, 1)
                    if sqlite:
                        # Statistics for the query planner, sampled: exact ones cost seconds at 1M rows.
                        conn.exec_driver_sql("PRAGMA analysis_limit=2000")
                        conn.exec_driver_sql("ANALYZE")
            finally:
                if sqlite:
                    raw.execute("PRAGMA journal_mode=DELETE")  # type: ignore[union-attr]
                    raw.execute("PRAGMA synchronous=FULL")  # type: ignore[union-attr]
                    raw.execute("PRAGMA cache_size=-65536")  # type: ignore[union-attr]
        return DemoStats(
            self.n_deals,
            self.n_companies,
            self.n_contacts,
            self.n_users,
            len(words.PRODUCTS),
            self.n_rows,
            self.n_tasks,
            self.n_leads,
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

    def _drop_indexes(self, conn: Connection) -> list[Index]:
        dropped: list[Index] = []
        if not self.db.is_sqlite or self.n_deals < 50_000:
            return dropped
        for name in BULK_TABLES:
            table: Table = Deal.metadata.tables[name]
            for index in table.indexes:
                index.drop(conn)
                dropped.append(index)
        return dropped

    def _rebuild_indexes(self, conn: Connection, dropped: Sequence[Index]) -> None:
        for done, index in enumerate(dropped):
            self._tick("indexes", done, len(dropped))
            index.create(conn)

    def _tick(self, label: str | None, done: int, total: int) -> None:
        if self.cancelled():
            raise DemoCancelled
        if label is not None:
            self.progress(label, done, total)

    def _insert(
        self,
        conn: Connection,
        table: Table,
        columns: Sequence[str],
        rows: Iterator[tuple[Any, ...]],
        label: str | None,
        total: int,
    ) -> None:
        """executemany in chunks; on SQLite straight through the driver with the compiled statement."""
        stmt = insert(table)
        done = 0
        if self.db.is_sqlite:
            compiled = stmt.compile(dialect=conn.dialect, column_keys=list(columns))
            sql = str(compiled)
            # The statement lists columns in table order; reorder the tuples to match if needed.
            order = [list(columns).index(name) for name in compiled.positiontup or ()]
            if order != list(range(len(columns))):
                pick = itemgetter(*order)
                rows = (pick(row) for row in rows)
            raw = conn.connection.driver_connection
            while chunk := list(islice(rows, CHUNK)):
                raw.executemany(sql, chunk)  # type: ignore[union-attr]
                done += len(chunk)
                self._tick(label, done, total)
        else:
            while chunk := list(islice(rows, CHUNK)):
                conn.execute(stmt, [dict(zip(columns, row, strict=True)) for row in chunk])
                done += len(chunk)
                self._tick(label, done, total)

    # -- value formats: SQLite stores dates as ISO text, servers take Python objects ----------

    def _d(self, value: date) -> Any:
        return value.isoformat() if self.db.is_sqlite else value

    def _dt(self, value: datetime) -> Any:
        return value.isoformat(" ", "microseconds") if self.db.is_sqlite else value

    # -- reference data --------------------------------------------------------------------

    def _base(self, conn: Connection) -> None:
        rng = self.rng
        self._tick("users", 0, 1)
        dept_names = ("Sales North", "Sales South", "Key accounts", "Inside sales")
        conn.execute(insert(Department), [{"name": n} for n in dept_names])
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
                    "department_id": dept_ids[i % len(dept_ids)],
                    "is_admin": False,
                    "is_active": True,
                    "version": 1,
                }
            )
        if users:
            conn.execute(insert(User), users)
        self.user_ids = list(conn.scalars(select(User.id).order_by(User.id)))

        self.currencies = list(conn.scalars(select(Currency.code).order_by(Currency.sort)))
        self._extra_pipelines(conn)
        self._products(conn)
        self._companies(conn)
        self._contacts(conn)

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
        self._insert(
            conn,
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
                    1,
                    self._dt(self.now),
                    self._dt(self.now),
                )
                for i, (name, unit, price, tax) in enumerate(words.PRODUCTS)
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
                created = self._dt(self.now - timedelta(days=rng.randrange(730, 1500)))
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

        self._insert(
            conn,
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
                created = self._dt(self.now - timedelta(days=rng.randrange(400, 1400)))
                yield (
                    first,
                    last,
                    rng.choice(words.POSITIONS),
                    f"+49 1{rng.randrange(50, 79)} {rng.randrange(1000000, 99999999)}",
                    f"{first}.{last}@example.com".lower().translate(_ASCII),
                    rng.choice(self.user_ids),
                    1,
                    created,
                    created,
                )

        self._insert(
            conn,
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
        self._insert(
            conn,
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

    def _deals(self, conn: Connection) -> None:
        """Deals spread over two years: old ones mostly won or lost, recent ones in progress.

        The hot loop avoids random.choice/randrange (slow in pure Python) and date arithmetic:
        indexes come from random() and dates from precomputed tables.
        """
        rand = self.rng.random
        expo = self.rng.expovariate
        n = self.n_deals
        start = conn.scalar(select(func.coalesce(func.max(Deal.id), 0))) or 0
        weights = [60, 25, 15][: len(self.pipeline_ids)]
        pipeline_choice = self.rng.choices(self.pipeline_ids, weights=weights, k=n)
        sources = self.rng.choices(words.SOURCES, weights=words.SOURCE_WEIGHTS, k=n)
        currency_pool = ["EUR"] * 17 + [c for c in self.currencies if c != "EUR"]
        currency_pool = [c for c in currency_pool if c in self.currencies] or self.currencies
        products = words.PRODUCTS
        product_ids = self.product_ids
        cols = (
            "id",
            "title",
            "pipeline_id",
            "stage_id",
            "amount",
            "currency",
            "begin_date",
            "close_date",
            "probability",
            "responsible_id",
            "source",
            "company_id",
            "closed",
            "closed_at",
            "loss_reason",
            "stage_changed_at",
            "created_by_id",
            "updated_by_id",
            "created_at",
            "updated_at",
            "version",
        )
        row_cols = (
            "deal_id",
            "product_id",
            "sort",
            "name",
            "price",
            "quantity",
            "unit",
            "discount_type",
            "discount",
            "tax_rate",
            "tax_included",
        )
        task_cols = (
            "title",
            "due_at",
            "done",
            "completed_at",
            "deal_id",
            "responsible_id",
            "created_by_id",
            "created_at",
            "updated_at",
            "version",
        )
        stages = self.pipelines
        in_progress = {p: [s.id for s in st if s.semantic == "in_progress"] for p, st in stages.items()}
        won = {p: [s.id for s in st if s.semantic == "won"] for p, st in stages.items()}
        lost = {p: [s.id for s in st if s.semantic == "lost"] for p, st in stages.items()}
        users = self.user_ids
        n_users = len(users)
        companies = self.company_ids
        n_companies = len(companies)
        company_titles = self.company_titles
        first_company = companies.start
        company_contacts = self.company_contacts
        patterns = words.DEAL_TITLE_PATTERNS
        projects = words.PROJECTS
        cities = [c for c, _area in words.CITIES]
        reasons = words.LOSS_REASONS
        task_titles = words.TASK_TITLES
        quantities_cheap = (1, 1, 1, 2, 3, 5, 10, 12, 20, 40)
        quantities_dear = (1, 1, 2)
        discounts = (0, 0, 0, 5, 10, 15)
        day, stamp = self._calendar(past=740, future=130)

        def block(first: int, last: int) -> _Block:
            deals: list[tuple[Any, ...]] = []
            product_rows: list[tuple[Any, ...]] = []
            contacts: list[tuple[int, int, int]] = []
            tasks: list[tuple[Any, ...]] = []
            for i in range(first, last):
                deal_id = start + 1 + i
                pipeline = pipeline_choice[i]
                age = int(730 * rand() ** 1.4)  # more recent deals than old ones
                created = stamp(-age, 480 + int(rand() * 600))
                if rand() < min(0.92, age / 300) and won[pipeline]:
                    if rand() < 0.42:
                        stage = won[pipeline][0]
                        reason = None
                    else:
                        group = lost[pipeline]
                        stage = group[int(rand() * len(group))]
                        reason = reasons[int(rand() * len(reasons))]
                    close_offset = min(0, -age + 5 + int(expo(1 / 35)))
                    closed_at = stamp(close_offset, 540 + int(rand() * 540))
                    closed = True
                else:
                    group = in_progress[pipeline]
                    stage = group[int(rand() * len(group))]
                    reason = None
                    close_offset = int(rand() * 145) - 25
                    closed_at = None
                    closed = False
                company = companies[int(rand() * n_companies)] if rand() < 0.85 else None
                responsible = users[int(rand() * n_users)]
                roll = rand()
                k = 0 if roll < 0.25 else 1 if roll < 0.65 else 2 if roll < 0.87 else 3
                amount = 0
                first_product = None
                for sort in range(k):
                    pindex = int(rand() * len(products))
                    name, unit, price, tax = products[pindex]
                    choices = quantities_cheap if price < 50000 else quantities_dear
                    quantity = choices[int(rand() * len(choices))]
                    discount = discounts[int(rand() * 6)]
                    net = (price * quantity * (100 - discount) + 50) // 100
                    amount += (net * (100 + tax) + 50) // 100
                    product_rows.append(
                        (
                            deal_id,
                            product_ids[pindex],
                            sort,
                            name,
                            price,
                            quantity * 1000,
                            unit,
                            "percent",
                            discount * 100,
                            tax * 100,
                            False,
                        )
                    )
                    first_product = first_product or name
                if k == 0:
                    amount = (50 + int(rand() * 4950)) * 1000
                    first_product = products[int(rand() * len(products))][0]
                if company is None:
                    pattern = patterns[-1]
                    company_title = ""
                else:
                    pattern = patterns[int(rand() * len(patterns))]
                    company_title = company_titles[company - first_company]
                    people = company_contacts.get(company)
                    if people:
                        contacts.append((deal_id, people[int(rand() * len(people))], 0))
                title = pattern.format(
                    product=first_product,
                    company=company_title,
                    project=projects[int(rand() * len(projects))],
                    number=f"{deal_id:07d}",
                    city=cities[int(rand() * len(cities))],
                )
                changed = closed_at or created
                if not closed and rand() < 0.3:
                    due = stamp(int(rand() * 25) - 5, 600)
                    tasks.append(
                        (
                            task_titles[int(rand() * len(task_titles))],
                            due,
                            False,
                            None,
                            deal_id,
                            responsible,
                            responsible,
                            created,
                            created,
                            1,
                        )
                    )
                deals.append(
                    (
                        deal_id,
                        title,
                        pipeline,
                        stage,
                        amount,
                        currency_pool[int(rand() * len(currency_pool))],
                        day(-age),
                        day(close_offset),
                        None,
                        responsible,
                        sources[i],
                        company,
                        closed,
                        closed_at,
                        reason,
                        changed,
                        responsible,
                        responsible,
                        created,
                        changed,
                        1,
                    )
                )
            return _Block(deals, product_rows, contacts, tasks)

        done = 0
        for first in range(0, n, CHUNK):
            item = block(first, min(n, first + CHUNK))
            # Deals first, then what refers to them (foreign keys are checked row by row).
            self._insert(conn, Deal.__table__, cols, iter(item.deals), None, 0)  # type: ignore[arg-type]
            self._insert(conn, DealProductRow.__table__, row_cols, iter(item.product_rows), None, 0)  # type: ignore[arg-type]
            self._insert(conn, deal_contact, ("deal_id", "contact_id", "sort"), iter(item.contacts), None, 0)
            self._insert(conn, Task.__table__, task_cols, iter(item.tasks), None, 0)  # type: ignore[arg-type]
            self.n_rows += len(item.product_rows)
            self.n_tasks += len(item.tasks)
            done += len(item.deals)
            self._tick("deals", done, n)
        if conn.dialect.name == "postgresql":
            # Deals were given their ids; move the id sequence past them for deals made later.
            last = select(func.max(Deal.id)).scalar_subquery()
            conn.execute(select(func.setval(func.pg_get_serial_sequence("deal", "id"), last)))

    def _calendar(self, past: int, future: int) -> tuple[Callable[[int], Any], Callable[[int, int], Any]]:
        """Lookup tables for days relative to today, and timestamps (day offset, minute of day)."""
        days = [self.today + timedelta(days=k) for k in range(-past, future + 1)]
        if self.db.is_sqlite:
            # SQLAlchemy's SQLite storage formats for Date and DateTime.
            iso = [d.isoformat() for d in days]
            clock = [f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(24 * 60)]
            return (lambda k: iso[k + past]), (lambda k, minute: iso[k + past] + clock[minute])
        return (lambda k: days[k + past]), (
            lambda k, minute: datetime.combine(days[k + past], time(minute // 60, minute % 60))
        )

    def _leads(self, conn: Connection) -> None:
        rng = self.rng
        statuses = ("new", "new", "in_process", "in_process", "processed", "converted", "junk")

        def rows() -> Iterator[tuple[Any, ...]]:
            for _ in range(self.n_leads):
                first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
                created = self._dt(
                    self.now - timedelta(days=rng.randrange(0, 365), minutes=rng.randrange(600))
                )
                title = rng.choice(words.LEAD_TITLES).format(
                    product=rng.choice(words.PRODUCTS)[0], company=rng.choice(self.company_titles)
                )
                yield (
                    title,
                    first,
                    last,
                    f"{last} {rng.choice(words.COMPANY_WORDS)} {rng.choice(words.LEGAL_FORMS)}",
                    f"{first}.{last}@example.org".lower().translate(_ASCII),
                    f"+49 1{rng.randrange(50, 79)} {rng.randrange(1000000, 99999999)}",
                    rng.choices(words.SOURCES, weights=words.SOURCE_WEIGHTS)[0],
                    rng.choice(statuses),
                    rng.choice(self.user_ids),
                    1,
                    created,
                    created,
                )

        self._insert(
            conn,
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


@dataclass
class _Block:
    deals: list[tuple[Any, ...]]
    product_rows: list[tuple[Any, ...]]
    contacts: list[tuple[int, int, int]]
    tasks: list[tuple[Any, ...]]


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
