"""Tasks and activities: kinds, due times in the person's time zone (an all-day task is due at the
end of its day), grouping as the Tasks area shows it, a deal's activity counters (equal to a plain
count), completing with a result, rights, and a deal's tasks going with it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.models import Task
from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.tasks.service import Bucket, Days

BERLIN = ZoneInfo("Europe/Berlin")
# Thursday 3 December 2026, 23:30 in Berlin: 22:30 UTC. Late enough that UTC and Berlin days agree,
# and early enough that "today" is still Thursday in Berlin.
NOW = datetime(2026, 12, 3, 23, 30, tzinfo=BERLIN)


def _deal(services: Services, title: str = "Kitchen") -> int:
    return services.deals.create(title=title, stage_id=1).id


def test_a_persons_tasks_are_grouped_by_day_in_their_time_zone(services: Services) -> None:
    deal = _deal(services)
    tasks = services.tasks
    made = {
        "late call": tasks.create(
            "Call Meyer", kind="call", due=NOW - timedelta(hours=2), deal_id=deal, zone=BERLIN
        ),
        "today all day": tasks.create("Send quote", due=date(2026, 12, 3), deal_id=deal, zone=BERLIN),
        "yesterday all day": tasks.create("Write notes", due=date(2026, 12, 2), zone=BERLIN),
        "tomorrow": tasks.create(
            "Meet", kind="meeting", duration_minutes=60, due=NOW + timedelta(hours=10), zone=BERLIN
        ),
        "sunday": tasks.create("Think", due=date(2026, 12, 6), zone=BERLIN),
        "next week": tasks.create("Visit", due=date(2026, 12, 9), zone=BERLIN),
        "someday": tasks.create("Someday"),
    }
    done = tasks.complete(made["someday"].id, made["someday"].version, result="Done early")
    assert (done.done, done.result) == (True, "Done early")
    groups = tasks.grouped(now=NOW, zone=BERLIN)
    titles = {bucket: [t.title for t in found] for bucket, found in groups.items()}
    assert titles == {
        Bucket.OVERDUE: ["Write notes", "Call Meyer"],  # yesterday's all-day task is late now
        Bucket.TODAY: ["Send quote"],  # an all-day task is due at the end of its day: not late at 23:30
        Bucket.TOMORROW: ["Meet"],
        Bucket.THIS_WEEK: ["Think"],
        Bucket.LATER: ["Visit"],
        Bucket.NO_DATE: [],
        Bucket.DONE: ["Someday"],
    }
    quote = made["today all day"]
    assert quote.all_day
    assert quote.due_at == datetime(2026, 12, 3, 22, 59, 59, tzinfo=UTC).replace(
        tzinfo=None
    )  # 23:59:59 in Berlin, stored in UTC
    # Half an hour later it is Friday in Berlin: the quote is late, the meeting due today.
    later = tasks.grouped(now=NOW + timedelta(minutes=31), zone=BERLIN)
    assert [t.title for t in later[Bucket.OVERDUE]] == ["Write notes", "Call Meyer", "Send quote"]
    assert [t.title for t in later[Bucket.TODAY]] == ["Meet"]


def test_a_deals_activity_counters_equal_a_plain_count(services: Services) -> None:
    busy, idle, quiet = _deal(services, "Busy"), _deal(services, "Idle"), _deal(services, "Quiet")
    tasks = services.tasks
    tasks.create("Late 1", due=NOW - timedelta(days=2), deal_id=busy, zone=BERLIN)
    tasks.create("Late 2", due=NOW - timedelta(minutes=5), deal_id=busy, zone=BERLIN)
    tasks.create("Today", due=date(2026, 12, 3), deal_id=busy, zone=BERLIN)
    tasks.create("Next week", due=date(2026, 12, 9), deal_id=busy, zone=BERLIN)
    finished = tasks.create("Finished", due=NOW - timedelta(days=9), deal_id=quiet, zone=BERLIN)
    tasks.complete(finished.id, finished.version)
    tasks.create("No date", deal_id=idle)
    states = tasks.activity([busy, idle, quiet], now=NOW, zone=BERLIN)
    assert (states[busy].overdue, states[busy].today, states[busy].open) == (2, 1, 4)
    assert states[busy].next_due == datetime(2026, 12, 3, 22, 59, 59, tzinfo=UTC).replace(
        tzinfo=None
    )  # the next one not yet late
    assert (states[idle].overdue, states[idle].today, states[idle].next_due, states[idle].open) == (
        0,
        0,
        None,
        1,
    )
    assert states[quiet].none_planned  # only a done task: nothing planned
    days = Days(NOW, BERLIN)
    with services.database.session() as session:
        for deal_id, state in states.items():
            open_tasks = session.query(Task).filter(Task.deal_id == deal_id, Task.done.is_(False)).all()
            assert state.open == len(open_tasks)
            assert state.overdue == sum(1 for t in open_tasks if t.due_at is not None and t.due_at < days.now)


def test_bad_input_is_refused_in_words_and_a_deals_tasks_go_with_it(services: Services) -> None:
    tasks = services.tasks
    with pytest.raises(ValidationError) as refused:
        tasks.create("   ", kind="party", duration_minutes=0)
    assert [str(p.message) for p in refused.value.problems] == [
        "A task needs a title (at most 255 characters).",
        "'party' is not a kind of task (to-do, call, meeting, e-mail).",
        "A meeting lasts between 1 minute and 24 hours.",
    ]
    with pytest.raises(ValidationError, match="There is no Deal 999"):
        tasks.create("Call", deal_id=999)
    deal = _deal(services)
    call = tasks.create("Call", kind="call", deal_id=deal)
    details = services.deals.get(deal)
    services.deals.delete(deal, details.version)
    assert tasks.find(include_done=True) == []
    del call


def test_a_salesperson_sees_their_own_tasks_and_those_of_deals_they_may_read(demo_services: Services) -> None:
    sellers = [u for u in demo_services.users.list() if not u.is_admin]
    seller = sellers[0]
    as_seller = demo_services.as_user(seller.login)
    mine = as_seller.tasks.create("My own call", kind="call")
    assert [t.title for t in as_seller.tasks.find() if t.id == mine.id] == ["My own call"]
    everything = demo_services.tasks.find(mine=False, include_done=True, limit=100_000)
    visible = as_seller.tasks.find(mine=False, include_done=True, limit=100_000)
    assert len(visible) <= len(everything)
    readable = {d.id for d in as_seller.deal_queries.rows([t.deal_id for t in visible if t.deal_id])}
    assert all(t.deal_id in readable or t.responsible_id == seller.id or t.id == mine.id for t in visible)
    assert datetime.now(UTC)  # the clock exists


def test_a_cards_overdue_counter_follows_its_tasks(services: Services) -> None:
    from app.services.deals.filters import DealFilter

    deal = _deal(services, "Kitchen")
    late = services.tasks.create(
        "Call", kind="call", due=datetime.now(UTC) - timedelta(hours=1), deal_id=deal
    )
    services.tasks.create("Later", due=datetime.now(UTC) + timedelta(days=3), deal_id=deal)
    [card] = [c for c in services.kanban.cards(1, DealFilter()) if c.id == deal]
    assert (card.overdue_tasks, card.has_open_task) == (1, True)
    services.tasks.complete(late.id, late.version, "reached")
    [card] = [c for c in services.kanban.cards(1, DealFilter()) if c.id == deal]
    assert (card.overdue_tasks, card.has_open_task) == (0, True)


def test_one_task_on_each_chosen_deal_for_each_deals_responsible(demo_services: Services) -> None:
    from app.services.core.errors import PermissionDeniedError

    rows = demo_services.deal_queries.rows(list(range(1, 400)))[:6]
    ids = [r.id for r in rows]
    before = len(demo_services.tasks.find(mine=False, include_done=True, limit=100_000))
    made = demo_services.tasks.create_for_deals(ids, "Send catalogue", kind="email", due=date(2031, 1, 6))
    assert made == 6
    planned = [t for t in demo_services.tasks.find(mine=False, limit=100_000) if t.title == "Send catalogue"]
    assert sorted((t.deal_id, t.responsible_id) for t in planned) == sorted(
        (r.id, r.responsible_id) for r in rows
    )
    # A salesperson may not plan on deals they may not read: all or nothing.
    restricted = []
    for seller in (u for u in demo_services.users.list() if not u.is_admin):
        as_seller = demo_services.as_user(seller.login)
        theirs = _readable(as_seller)
        if 2 <= len(theirs) < 399:
            restricted.append((as_seller, theirs))
    as_seller, theirs = restricted[0]
    foreign = next(i for i in range(1, 400) if i not in theirs)
    with pytest.raises(PermissionDeniedError):
        as_seller.tasks.create_for_deals([*sorted(theirs)[:2], foreign], "Sneaky")
    after = len(demo_services.tasks.find(mine=False, include_done=True, limit=100_000))
    assert after == before + 6
    with pytest.raises(ValidationError, match="Choose the deals"):
        demo_services.tasks.create_for_deals([], "Nothing")


def test_the_first_screen_counts_every_group_and_reads_the_first_of_each(demo_services: Services) -> None:
    busiest = demo_services.users.list()[1]
    person = demo_services.as_user(busiest.login)
    now = datetime.now(UTC)
    overview = person.tasks.overview(now=now, per_group=3)
    everything = person.tasks.grouped(now=now)
    assert overview.counts == {bucket: len(found) for bucket, found in everything.items()}
    assert sum(overview.counts.values()) > 10  # the demo's spread: overdue, today, planned, done
    for bucket, shown in overview.groups.items():
        assert len(shown) == min(3, overview.counts[bucket])
        if bucket is not Bucket.DONE:
            assert [t.id for t in shown] == [t.id for t in everything[bucket][:3]]
    done = overview.groups[Bucket.DONE]
    assert [t.completed_at for t in done] == sorted((t.completed_at for t in done), reverse=True)


def test_deals_filtered_by_their_activity_equal_a_plain_count(demo_services: Services) -> None:
    from sqlalchemy import text

    from app.services.deals.filters import Activity, DealFilter

    queries = demo_services.deal_queries
    with demo_services.database.engine.connect() as conn:
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")

        def plain(sql: str) -> int:
            return int(conn.execute(text(sql), {"now": now}).scalar_one())

        overdue = plain(
            "select count(distinct deal_id) from task"
            " where done = 0 and deal_id is not null and due_at < :now"
        )
        none = plain(
            "select count(*) from deal d where closed = 0 and not exists "
            "(select 1 from task t where t.deal_id = d.id and t.done = 0)"
        )
    assert overdue > 0
    assert none > 0
    for activity, expected in ((Activity.OVERDUE, overdue), (Activity.NONE_PLANNED, none)):
        deal_filter = DealFilter(activity=activity)
        assert queries.total(queries.cursor(deal_filter, _sort())) == expected
        # The board shows the same deals: its columns count them alike.
        stages = [s.id for p in demo_services.pipelines.list() for s in p.stages]
        columns = demo_services.kanban.columns(stages, deal_filter)
        assert sum(c.count for c in columns.values()) == expected
    assert DealFilter.from_json(DealFilter(activity=Activity.TODAY).to_json()).activity is Activity.TODAY


def _readable(services: Services) -> set[int]:
    from app.services.deals.filters import DealFilter

    queries = services.deal_queries
    cursor = queries.cursor(DealFilter(), _sort())
    return set(queries.ids(DealFilter(), _sort(), 0, 10_000, cursor))


def _sort():  # type: ignore[no-untyped-def]
    from app.services.deals.queries import DealSort

    return DealSort("id", descending=True)


def test_the_calendar_shows_open_tasks_on_this_computers_days(services: Services) -> None:
    from app.services.deals.filters import DealFilter

    local = datetime.now().astimezone().replace(hour=23, minute=30, second=0, microsecond=0)
    late = services.tasks.create("Late call", kind="call", due=local)
    done = services.tasks.create("Done call", kind="call", due=local)
    services.tasks.complete(done.id, done.version)
    data = services.calendar.read(DealFilter(), "close_date", local.date(), local.date(), with_tasks=True)
    assert [(t.title, t.due_at.date(), t.due_at.hour) for t in data.tasks] == [
        ("Late call", local.date(), 23)
    ]
    assert data.tasks[0].version == late.version


def test_a_task_edited_as_a_whole_keeps_its_history_and_refuses_a_stale_version(services: Services) -> None:
    from app.services.core.errors import ConflictError

    services.users.create(login="ben", name="Ben Berg", is_admin=True)
    ben = services.as_user("ben")
    deal = _deal(services)
    call = services.tasks.create("Call Meyer", kind="call", due=date(2031, 3, 4), deal_id=deal)
    changed = services.tasks.update(
        call.id,
        call.version,
        "Visit Meyer",
        kind="meeting",
        due=datetime(2031, 3, 5, 10, 0, tzinfo=UTC),
        duration_minutes=90,
        responsible_id=ben.actor.id,  # type: ignore[union-attr]
        remind_minutes=30,
    )
    assert (changed.title, changed.kind, changed.all_day, changed.duration_minutes) == (
        "Visit Meyer",
        "meeting",
        False,
        90,
    )
    assert changed.due_at == datetime(2031, 3, 5, 10, 0, tzinfo=UTC).replace(tzinfo=None)
    assert changed.deal_id == deal  # what it is about stays
    assert [n.kind for n in ben.notifications.recent()] == ["task_assigned"]  # handed to Ben: he is told
    with pytest.raises(ConflictError):
        services.tasks.update(call.id, call.version, "Stale")
    assert services.tasks.get(call.id).title == "Visit Meyer"
    with pytest.raises(ValidationError):
        services.tasks.update(call.id, changed.version, " ")
    assert services.tasks.get(call.id).version == changed.version  # the refusal changed nothing
