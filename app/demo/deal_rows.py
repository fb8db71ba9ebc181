"""Demo deals with their product rows, contacts and tasks (done and planned), written in blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from app.demo import vocabulary as words
from app.demo.bulk import CHUNK, BulkLoader
from app.models import CustomFieldValue, Deal, DealProductRow, Task, deal_contact

if TYPE_CHECKING:
    from app.demo.generator import DemoBuilder


@dataclass
class _Block:
    deals: list[tuple[Any, ...]]
    product_rows: list[tuple[Any, ...]]
    contacts: list[tuple[int, int, int]]
    tasks: list[tuple[Any, ...]]
    custom_values: list[tuple[Any, ...]]


def write_deals(g: DemoBuilder, bulk: BulkLoader) -> tuple[int, int]:
    """Deals spread over two years: old ones mostly won or lost, recent ones in progress.

    The hot loop avoids random.choice/randrange (slow in pure Python) and date arithmetic:
    indexes come from random() and dates from precomputed tables.
    """
    rand = g.rng.random
    expo = g.rng.expovariate
    n = g.n_deals
    start = bulk.conn.scalar(select(func.coalesce(func.max(Deal.id), 0))) or 0
    weights = [60, 25, 15][: len(g.pipeline_ids)]
    pipeline_choice = g.rng.choices(g.pipeline_ids, weights=weights, k=n)
    sources = g.rng.choices(words.SOURCES, weights=words.SOURCE_WEIGHTS, k=n)
    currency_pool = ["EUR"] * 17 + [c for c in g.currencies if c != "EUR"]
    currency_pool = [c for c in currency_pool if c in g.currencies] or g.currencies
    products = g.words.products
    product_ids = g.product_ids
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
        "amount_from_products",
        "is_open",
        "stage_changed_at",
        "created_by_id",
        "updated_by_id",
        "created_at",
        "updated_at",
        "version",
        "visited_stages",
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
        "kind",
        "all_day",
        "result",
        "duration_minutes",
    )
    stages = g.pipelines
    in_progress = {p: [s.id for s in st if s.semantic == "in_progress"] for p, st in stages.items()}
    won = {p: [s.id for s in st if s.semantic == "won"] for p, st in stages.items()}
    lost = {p: [s.id for s in st if s.semantic == "lost"] for p, st in stages.items()}
    users = g.user_ids
    n_users = len(users)
    companies = g.company_ids
    n_companies = len(companies)
    company_titles = g.company_titles
    first_company = companies.start
    company_contacts = g.company_contacts
    patterns = g.words.deal_title_patterns
    projects = g.words.projects
    cities = [c for c, _area in words.CITIES]
    reasons = g.words.loss_reasons
    task_titles = g.words.task_titles
    n_titles = len(task_titles)
    # An all-day task is due at the end of its day in this computer's zone: that moment in UTC.
    zone = datetime.now().astimezone().tzinfo
    end_of_day = datetime.combine(g.today + timedelta(days=1), time(), zone).astimezone(UTC) - timedelta(
        seconds=1
    )
    eod_shift, eod_minute = (end_of_day.date() - g.today).days, end_of_day.hour * 60 + end_of_day.minute
    now = datetime.now(UTC)
    later_today = now.hour * 60 + now.minute + 1  # minutes of the day still to come (UTC)
    quantities_cheap = (1, 1, 1, 2, 3, 5, 10, 12, 20, 40)
    quantities_dear = (1, 1, 2)
    discounts = (0, 0, 0, 5, 10, 15)
    region_field, regions, contract_field = g.region_field, g.region_options, g.contract_field
    day, stamp = bulk.calendar(g.today, past=740, future=500)

    def block(first: int, last: int) -> _Block:
        deals: list[tuple[Any, ...]] = []
        product_rows: list[tuple[Any, ...]] = []
        contacts: list[tuple[int, int, int]] = []
        tasks: list[tuple[Any, ...]] = []
        custom_values: list[tuple[Any, ...]] = []
        for i in range(first, last):
            deal_id = start + 1 + i
            pipeline = pipeline_choice[i]
            age = int(730 * rand() ** 1.4)  # more recent deals than old ones
            created = stamp(-age - 1, 480 + int(rand() * 600))  # up to yesterday: never in the future
            if rand() < min(0.92, age / 300) and won[pipeline]:
                if rand() < 0.42:
                    stage = won[pipeline][0]
                    reason = None
                else:
                    group = lost[pipeline]
                    stage = group[int(rand() * len(group))]
                    reason = reasons[int(rand() * len(reasons))]
                close_offset = min(-1, -age + 4 + int(expo(1 / 35)))
                closed_at = stamp(close_offset, 540 + int(rand() * 540))
                closed = True
            else:
                group = in_progress[pipeline]
                stage = group[int(rand() * len(group))]
                reason = None
                close_offset = int(rand() * 145) - 25
                closed_at = None
                closed = False
            close_offset = max(close_offset, -age)  # never before its begin date, as the form insists
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
            # What is planned on open deals: overdue, today, later, or nothing (Pipedrive's "no next
            # activity"); the done tasks of every deal are written after (demo.tasks).
            if not closed:
                roll = rand()
                planned = 0 if roll < 0.22 else 2 if roll < 0.32 else 1
                for m in range(planned):
                    kind, task_title = task_titles[int(rand() * n_titles)]
                    when = rand()
                    if m == 0 and when < 0.3:  # overdue by a day or up to two weeks
                        k, minute = -1 - int(rand() * 14), 480 + int(rand() * 600)
                    elif m == 0 and when < 0.42 and later_today < 1440:  # later today
                        k, minute = 0, later_today + int(rand() * (1440 - later_today))
                    else:  # in the next five weeks
                        k, minute = 1 + int(rand() * 35), 480 + int(rand() * 600)
                    all_day = kind == "todo" and rand() < 0.4
                    due = stamp(k + eod_shift, eod_minute) if all_day else stamp(k, minute)
                    tasks.append(
                        (
                            task_title,
                            due,
                            False,
                            None,
                            deal_id,
                            responsible,
                            responsible,
                            created,
                            created,
                            1,
                            kind,
                            all_day,
                            None,
                            30 * (1 + int(rand() * 3)) if kind == "meeting" else None,
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
                    k > 0,  # the amount is the rows' gross total
                    deal_id % 400 == 0,  # one deal in 400 open to everyone (no draw: the rest stays the same)
                    changed,
                    responsible,
                    responsible,
                    created,
                    changed,
                    1,
                    f"{stage},",  # the one stage visit the demo makes (below)
                )
            )
            # Custom fields: a region for most deals, a contract end for some (list sorting and filters).
            if rand() < 0.7:
                custom_values.append((region_field, deal_id, 0, regions[int(rand() * len(regions))], None))
            if rand() < 0.4:
                custom_values.append((contract_field, deal_id, 0, None, day(close_offset + 365)))
        return _Block(deals, product_rows, contacts, tasks, custom_values)

    done = n_rows = n_tasks = 0
    for first in range(0, n, CHUNK):
        item = block(first, min(n, first + CHUNK))
        # Deals first, then what refers to them (foreign keys are checked row by row).
        bulk.insert(Deal.__table__, cols, iter(item.deals), None, 0)  # type: ignore[arg-type]
        bulk.insert(DealProductRow.__table__, row_cols, iter(item.product_rows), None, 0)  # type: ignore[arg-type]
        bulk.insert(deal_contact, ("deal_id", "contact_id", "sort"), iter(item.contacts), None, 0)
        bulk.insert(Task.__table__, task_cols, iter(item.tasks), None, 0)  # type: ignore[arg-type]
        bulk.insert(
            CustomFieldValue.__table__,  # type: ignore[arg-type]
            ("field_id", "entity_id", "position", "value_int", "value_text"),
            iter(item.custom_values),
        )
        n_rows += len(item.product_rows)
        n_tasks += len(item.tasks)
        done += len(item.deals)
        g.tick("deals", done, n)
    if bulk.conn.dialect.name == "postgresql":
        # Deals were given their ids; move the id sequence past them for deals made later.
        last = select(func.max(Deal.id)).scalar_subquery()
        bulk.conn.execute(select(func.setval(func.pg_get_serial_sequence("deal", "id"), last)))
    return n_rows, n_tasks
