"""The same app on PostgreSQL: schema from the migrations, the same rules, the same queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.demo import generate_demo
from app.models import Base, is_search_object
from app.services.container import open_services
from app.services.core.errors import ConflictError, ValidationError
from app.services.deals.bulk import DealSelection
from app.services.deals.queries import SORT_COLUMNS, DealFilter, DealSort

pytestmark = pytest.mark.postgres


def _managed(name, type_, parent_names):  # the search index is made by hand
    return not is_search_object(name)


def test_schema_and_rules_on_postgres(postgres_url: str) -> None:
    services = open_services(postgres_url)
    try:
        with services.database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": _managed})
            assert compare_metadata(context, Base.metadata) == []
        assert [s.name for s in services.pipelines.list()[0].stages][-2:] == ["Won", "Lost"]
        deal = services.deals.create(title="Server deal", amount="1234567890.12")
        assert services.deals.get(deal.id).amount == Decimal("1234567890.12")
        with pytest.raises(ValidationError, match="at most 2 decimals"):
            services.deals.update(deal.id, deal.version, amount="0.001")
        second_pc = open_services(postgres_url)
        second_pc.deals.update(deal.id, deal.version, title="Changed on the other PC")
        second_pc.close()
        with pytest.raises(ConflictError, match="Title"):
            services.deals.update(deal.id, deal.version, title="Mine")
        won = next(s for s in services.pipelines.list()[0].stages if s.semantic.value == "won")
        assert services.deal_bulk.update(DealSelection(ids=(deal.id,)), "stage_id", won.id).changed == 1
        assert services.deals.get(deal.id).closed
        assert [h.action for h in services.deals.history(deal.id)] == ["created", "updated", "stage"]
    finally:
        services.close()


def test_demo_and_list_queries_on_postgres(postgres_url: str, tmp_path) -> None:
    services = open_services(postgres_url)
    try:
        generate_demo(services.database, 150, seed=5)
        assert services.deal_queries.count(DealFilter()) == 150
        # Analytics: the same demo gives the same figures on the server as in a file.
        from dataclasses import replace
        from datetime import date

        import pytest

        from app.services.analytics.service import AnalyticsFilter

        every_day = AnalyticsFilter(date(2000, 1, 1), date(2100, 12, 31))
        there = services.analytics.dashboard(every_day)
        local = open_services(str(tmp_path / "same.sqlite"))
        try:
            generate_demo(local.database, 150, seed=5)
            here = local.analytics.dashboard(every_day)
            assert services.deal_queries.summary(DealFilter()) == local.deal_queries.summary(DealFilter())
            first = services.pipelines.list()[0]
            stages = [s.id for s in first.stages]
            assert services.kanban.columns(stages, DealFilter()) == local.kanban.columns(stages, DealFilter())
        finally:
            local.close()
        assert there.average_days_to_close == pytest.approx(here.average_days_to_close, abs=0.01)
        assert replace(there, average_days_to_close=None) == replace(here, average_days_to_close=None)
        assert sum(m.won for m in there.months) > 0
        # A funnel bar's deals, as the list counts them on the server, are those the bar counts.
        assert [services.deal_queries.count(s.came) for s in there.funnel] == [
            s.reached for s in there.funnel
        ]
        for column in SORT_COLUMNS:
            rows = services.deal_queries.page(DealFilter(), DealSort(column), 0, 200)
            assert len({r.id for r in rows}) == 150
        summary = services.deal_queries.summary(DealFilter(closed=False))
        assert summary.count > 0
        assert summary.total > 0
        later = services.deals.create(title="After the demo")  # the id sequence moved past the demo's ids
        assert later.id == 151
        assert services.deal_queries.count(DealFilter(search="after the DEMO")) == 1
        # Stale deals: the date arithmetic is the server's own.
        stage = services.pipelines.find_stage(str(later.stage_id))
        services.pipelines.update_stage(stage.id, stage.version, idle_days=1)
        open_there = services.deal_queries.count(DealFilter(stage_ids=(stage.id,), closed=False))
        stale = services.deal_queries.count(DealFilter(stale=True))
        assert 0 < stale < open_there  # the demo's older deals, not the one made just now
        # Tunnels and stage history work on the server too.
        other = services.pipelines.create_pipeline("Service")
        second = services.pipelines.list()[0].stages[1]
        services.tunnels.add(second.id, other.stages[0].id)
        moved = services.deals.move_stage(later.id, second.id, expected_version=later.version)
        assert len(services.deals.stage_visits(moved.id)) == 2
        _source, copies = services.tunnels.copies(moved.id)
        assert services.deals.get(copies[0]).pipeline_id == other.id
        averages = services.deals.average_days_in_stage(moved.pipeline_id)
        assert averages
        assert all(days >= 0 for days in averages.values())
        # Contacts: the companies of each, joined by the server.
        from app.services.customers.queries import CustomerKind, CustomerSort

        rows = services.customer_queries.page(CustomerKind.CONTACT, CustomerSort(), 0, 20)
        assert any(r.related for r in rows)
        assert isinstance(services.duplicates.scan(CustomerKind.COMPANY), list)
        # The analytics totals the server's triggers kept equal totals made anew, after all of this
        # and after a won deal with products and contacts, edited, moved back and deleted.
        from app.services.deals.pricing import ProductLine
        from app.storage import rollups

        won = next(s for s in services.pipelines.list()[0].stages if s.semantic.value == "won")
        contact = services.contacts.create(first_name="Pia", last_name="Server")
        saved = services.deal_form.save(
            None,
            None,
            values={"title": "Rolled", "source": "call", "contact_ids": [contact.id]},
            products=[ProductLine("Desk", Decimal("100.00"), Decimal(2), tax_rate=Decimal(19))] * 2,
            amount_from_products=True,
        ).deal
        closed = services.deals.move_stage(saved.id, won.id, expected_version=saved.version)
        with services.database.engine.connect() as conn, conn.begin():
            assert rollups.differences(conn) == {}
            kept = conn.exec_driver_sql("SELECT SUM(cents) FROM product_rollup").scalar()
        assert kept > 0
        services.deals.move_stage(closed.id, second.id, expected_version=closed.version)
        services.deal_bulk.update(DealSelection(ids=(closed.id,)), "stage_id", won.id)
        services.deals.delete(closed.id, services.deals.get(closed.id).version)
        with services.database.engine.connect() as conn, conn.begin() as tx:
            assert rollups.differences(conn) == {}
            # What an upgrade works out from the visits is what the trigger kept.
            query = "SELECT id, visited_stages FROM deal"
            kept = {i: set(filter(None, v.split(","))) for i, v in conn.exec_driver_sql(query)}
            rollups.fill_visited(conn)
            assert {i: set(filter(None, v.split(","))) for i, v in conn.exec_driver_sql(query)} == kept
            assert any(len(v) > 1 for v in kept.values())
            tx.rollback()
    finally:
        services.close()


def test_writers_take_turns_on_postgres(postgres_url: str) -> None:
    """A second writer waits for the first (as on a shared file) instead of deadlocking with it over
    the analytics totals both update."""
    import threading

    from sqlalchemy import text

    first, second = open_services(postgres_url), open_services(postgres_url)
    try:
        done = threading.Event()

        def write() -> None:
            second.deals.create(title="Waits its turn")
            done.set()

        with first.database.session(write=True) as session:
            session.execute(text("SELECT 1"))
            other = threading.Thread(target=write)
            other.start()
            assert not done.wait(0.5)  # queued behind the open write transaction
            assert first.deal_queries.count(DealFilter()) == 0  # reads are not held up meanwhile
        assert done.wait(10)
        other.join()
        assert second.deal_queries.count(DealFilter()) == 1
    finally:
        first.close()
        second.close()


def test_running_totals_go_back_and_come_again_on_postgres(postgres_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.storage import rollups
    from app.storage.database import WRITE_OPTION
    from app.storage.migrate import MIGRATIONS_DIR, upgrade

    services = open_services(postgres_url)
    try:
        won = next(s for s in services.pipelines.list()[0].stages if s.semantic.value == "won")
        deal = services.deals.create(title="Back and forth", amount="100")
        services.deals.move_stage(deal.id, won.id, expected_version=deal.version)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with services.database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0010")
            conn.commit()
        upgrade(services.database)
        with services.database.engine.connect() as conn, conn.begin():
            assert rollups.differences(conn) == {}
            assert conn.exec_driver_sql("SELECT SUM(deals) FROM deal_rollup WHERE kind = 'c'").scalar() == 1
        later = services.deals.create(title="Kept by the triggers again")
        services.deals.move_stage(later.id, won.id, expected_version=later.version)
        with services.database.engine.connect() as conn, conn.begin():
            assert rollups.differences(conn) == {}
            assert conn.exec_driver_sql("SELECT SUM(deals) FROM deal_rollup WHERE kind = 'c'").scalar() == 2
    finally:
        services.close()


def test_workflows_run_on_postgres_with_two_engines(postgres_url: str) -> None:
    """Instances started in bulk (one INSERT ... RETURNING), run by two engines, each step once, and
    an approval answered: the server's engine behaves as the file's."""
    import threading

    first, second = open_services(postgres_url), open_services(postgres_url)
    try:
        stage = first.pipelines.list()[0].stages[0].id
        ids = [first.deals.create(title=f"Deal {n}", stage_id=stage).id for n in range(60)]
        comment = {"id": "c", "kind": "action", "action": "comment", "params": {"text": "Ran"}}
        template = first.workflows.create("On the server", "deal", {"steps": [comment]})
        assert len(first.workflows.start(template.id, ids)) == 60
        engines = [first.automation_engine("pg-1").workflows, second.automation_engine("pg-2").workflows]
        counts: list[int] = []

        def work(engine: object) -> None:
            total = 0
            for _ in range(100):
                total += engine.run_due(limit=5).steps  # type: ignore[attr-defined]
                if not engine.due():  # type: ignore[attr-defined]
                    break
            counts.append(total)

        threads = [threading.Thread(target=work, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert sum(counts) == 60
        notes = [h for h in first.deals.history(ids[0]) if h.action == "comment"]
        assert [h.new_value for h in notes] == ["Ran"]
        assert {i.status for i in first.workflows.instances(template_id=template.id)} == {"finished"}
    finally:
        first.close()
        second.close()


def test_a_board_move_on_postgres_in_few_round_trips(postgres_url: str) -> None:
    """A card dropped on a column, on a server: the same effects as on the file (stage history,
    the responsible person told, required fields and tunnels honoured) in few statements, each a
    round trip through an office's network."""
    from sqlalchemy import event

    from app.models import EntityType
    from app.services.core.errors import MissingFieldsError

    services = open_services(postgres_url)
    try:
        ben = services.users.create(login="ben-pg", name="Ben Berg")
        pipeline = services.pipelines.list()[0]
        stages = pipeline.stages  # New, Preparing documents, Invoice, ...
        deal = services.deals.create(title="Kitchen for Meyer", stage_id=stages[0].id, responsible_id=ben.id)
        sent: list[str] = []
        engine = services.database.engine

        def count(_conn, _cursor, statement, *_args) -> None:
            sent.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            services.deals.move_each([(deal.id, deal.version)], stages[1].id)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        # The stage with its deal; the undo step; the stays; the deal; the person told. (BEGIN
        # with the lock, the rights stamp and whether automation waits, and COMMIT with the history
        # and the NOTIFY, go to the driver directly: one message each.)
        assert len(sent) <= 5, sent
        visits = services.deals.stage_visits(deal.id)
        assert [v.stage_id for v in visits] == [stages[0].id, stages[1].id]
        assert visits[0].left_at is not None
        assert visits[1].left_at is None
        assert visits[0].left_at == visits[1].entered_at
        moved = services.deals.get(deal.id)
        assert (moved.stage_id, moved.version) == (stages[1].id, deal.version + 1)
        # The board's re-read: the card and both columns' figures, read side by side on a server.
        shown = DealFilter(pipeline_id=pipeline.id)
        columns = [stages[0].id, stages[1].id]
        cards, figures = services.kanban.changed([deal.id], columns, shown)
        assert [(c.id, c.stage_id, c.version) for c in cards] == [(deal.id, stages[1].id, moved.version)]
        assert figures == services.kanban.columns(columns, shown)
        assert figures[stages[1].id].count == 1
        told = services.as_user("ben-pg").notifications.recent()
        assert next((n.kind, n.count, n.title, n.detail) for n in told) == (
            "deal_moved",
            1,
            "Kitchen for Meyer",
            stages[1].name,
        )
        # Its history (sent with the COMMIT on a server) carries the undo step: Edit › Undo puts it back.
        entries = [h for h in services.deals.history(deal.id) if h.field == "stage_id"]
        assert (entries[0].old_value, entries[0].new_value) == (str(stages[0].id), str(stages[1].id))
        last = services.deal_bulk.last_undoable()
        assert last is not None
        assert services.deal_bulk.undo(last.id).changed == 1
        assert services.deals.get(deal.id).stage_id == stages[0].id
        moved = services.deals.get(deal.id)
        services.deals.move_each([(deal.id, moved.version)], stages[1].id)
        moved = services.deals.get(deal.id)
        # A field needed from the next stage on, and a tunnel out of it: both still honoured.
        services.field_rules.set_required_from(EntityType.DEAL, "close_date", pipeline.id, stages[2].id)
        with pytest.raises(MissingFieldsError):
            services.deals.move_each([(deal.id, moved.version)], stages[2].id)
        other = services.pipelines.create_pipeline("Service after the sale")
        services.tunnels.add(stages[2].id, other.stages[0].id)
        services.deals.move_each([(deal.id, moved.version)], stages[2].id, fill={"close_date": "2027-03-31"})
        _source, copies = services.tunnels.copies(deal.id)
        assert services.deals.get(copies[0]).pipeline_id == other.id
    finally:
        services.close()


def test_what_a_write_asks_as_it_begins_is_asked_again_once_it_changed(postgres_url: str) -> None:
    """Whether automation waits is asked in a server write's first message; a write that changes
    one of the tables it depends on (or runs SQL whose tables are not known) asks again."""
    from sqlalchemy import event, false, text, update

    from app.models import AutomationRule
    from app.services.automation.waiting import waiting

    services = open_services(postgres_url)
    asked: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if "automation_rule" in statement and statement.lstrip().startswith("SELECT"):
            asked.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", count)
    try:
        with services.context.write() as uow:
            assert waiting(uow.session).rules is False
            assert asked == []  # answered by the first message
            uow.session.execute(update(AutomationRule).where(false()).values(active=True))
            assert waiting(uow.session).rules is False
            assert len(asked) == 1  # asked again: the write touched the rules
            assert waiting(uow.session).rules is False
            assert len(asked) == 1
            uow.session.execute(text("UPDATE deal SET title = title WHERE false"))
            waiting(uow.session)
            assert len(asked) == 2  # plain SQL: which tables it changed is not known
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)
        services.close()


def test_rows_sent_with_the_commit_fail_the_whole_write(postgres_url: str) -> None:
    """History rows sent with the COMMIT: quoted as they are; one the server refuses fails the
    COMMIT, nothing of that write is saved, and the next write is fine."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from app.models import HistoryEntry, table_of, utcnow
    from app.storage.database import insert_at_commit

    services = open_services(postgres_url)
    try:
        deal = services.deals.create(title="Before")
        awkward = 'it\'s <fine> & \\ "quoted" ; COMMIT; --'
        entry = {
            "entity_type": "deal",
            "entity_id": deal.id,
            "action": "note",
            "field": None,
            "old_value": None,
            "new_value": awkward,
            "version": 1,
            "user_id": None,
            "at": utcnow(),
            "operation_id": None,
        }
        change = text("UPDATE deal SET title = :title WHERE id = :id")
        with services.context.write() as uow:
            uow.session.execute(change, {"title": "Changed", "id": deal.id})
            insert_at_commit(uow.session.connection(), table_of(HistoryEntry), [entry])

        def refused_at_commit() -> None:
            with services.context.write() as uow:
                uow.session.execute(change, {"title": "Not saved", "id": deal.id})
                refused = entry | {"operation_id": 999_999}  # no such undo step
                insert_at_commit(uow.session.connection(), table_of(HistoryEntry), [refused])

        with pytest.raises(IntegrityError):
            refused_at_commit()
        assert services.deals.get(deal.id).title == "Changed"
        with services.database.engine.connect() as conn:
            notes = conn.execute(text("SELECT new_value FROM history_entry WHERE action = 'note'")).scalars()
            assert list(notes) == [awkward]  # quoted as it was, once
        assert services.deals.create(title="Next").id > deal.id
    finally:
        services.close()
