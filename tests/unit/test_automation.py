"""Automation: rules run when a deal enters their stage — at once or later, on conditions, in order —
as jobs the engine claims with a lease (two engines on one file run each job once), cancelled when
the deal moves on, stopped when they chase each other; triggers move deals forward; the dry run says
what then happens; e-mails go out through a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.models import utcnow
from app.services.automation.conditions import Condition
from app.services.automation.running import MAX_DEPTH
from app.services.automation.timing import OfficeHours, Timing, When
from app.services.container import Services, open_services
from app.services.core.errors import PermissionDeniedError, ValidationError


def _stages(services: Services) -> list[int]:
    return [s.id for s in services.pipelines.list()[0].stages]


def _jobs(services: Services, deal_id: int) -> list[tuple[str, str]]:
    return sorted((j.name, j.status) for j in services.automation_log.jobs(deal_id=deal_id))


def test_a_rule_runs_when_a_deal_enters_its_stage_and_says_so_on_the_timeline(services: Services) -> None:
    stages = _stages(services)
    services.automation.add_rule(
        stages[1],
        "Call the new customer",
        "task",
        {"title": "Call about {{ deal.title }}", "kind": "call", "in_hours": 4},
    )
    deal = services.deals.create(title="Kitchen for Meyer", stage_id=stages[0])
    assert _jobs(services, deal.id) == []  # its first stage has no rule
    services.deals.move_stage(deal.id, stages[1])
    assert _jobs(services, deal.id) == [("Call the new customer", "waiting")]
    run = services.automation_engine("pc-1").run_due()
    assert run.done == 1
    [task] = services.tasks.find(mine=False, deal_id=deal.id)
    assert (task.title, task.kind) == ("Call about Kitchen for Meyer", "call")
    assert _jobs(services, deal.id) == [("Call the new customer", "done")]
    timeline = [(h.action, h.field) for h in services.deals.history(deal.id)]
    assert ("automation", "Call the new customer") in timeline
    assert services.automation_engine("pc-1").run_due().done == 0  # once


def test_timing_conditions_and_order(services: Services) -> None:
    stages = _stages(services)
    services.automation.add_rule(
        stages[1],
        "Big deals: tell the boss",
        "notify",
        {"text": "A big one: {{ deal.title }}", "people": ["responsible"]},
        conditions=[Condition("amount", "gt", "10000")],
    )
    services.automation.add_rule(
        stages[1],
        "Follow up in two days",
        "comment",
        {"text": "Followed up"},
        timing=Timing(When.DELAY, minutes=2 * 24 * 60),
    )
    small = services.deals.create(title="Small", stage_id=stages[1], amount="500.00")
    big = services.deals.create(title="Big", stage_id=stages[1], amount="25000.00")
    engine = services.automation_engine("pc-1")
    now = utcnow()
    run = engine.run_due(now)
    assert (run.done, run.skipped) == (1, 1)  # the big one notified, the small one's condition failed
    assert _jobs(services, small.id) == [
        ("Big deals: tell the boss", "skipped"),
        ("Follow up in two days", "waiting"),
    ]
    assert engine.run_due(now + timedelta(days=1)).done == 0  # not yet
    assert engine.run_due(now + timedelta(days=2, minutes=1)).done == 2
    assert ("comment", None) in [(h.action, h.field) for h in services.deals.history(big.id)]


def test_moving_on_cancels_what_waits_unless_it_runs_anyway(services: Services) -> None:
    stages = _stages(services)
    later = Timing(When.DELAY, minutes=60)
    services.automation.add_rule(stages[1], "Reminder mail", "comment", {"text": "x"}, timing=later)
    services.automation.add_rule(stages[1], "Always", "comment", {"text": "y"}, timing=later, run_anyway=True)
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    services.deals.move_stage(deal.id, stages[2])
    assert _jobs(services, deal.id) == [("Always", "waiting"), ("Reminder mail", "cancelled")]
    run = services.automation_engine("pc-1").run_due(utcnow() + timedelta(hours=2))
    assert run.done == 1
    assert _jobs(services, deal.id) == [("Always", "done"), ("Reminder mail", "cancelled")]


def test_rules_that_chase_each_other_stop_with_a_word_on_the_deal(services: Services) -> None:
    stages = _stages(services)
    services.automation.add_rule(stages[1], "On to 3", "move", {"stage_id": stages[2]})
    services.automation.add_rule(stages[2], "Back to 2", "move", {"stage_id": stages[1]})
    deal = services.deals.create(title="Ping-pong", stage_id=stages[1])
    engine = services.automation_engine("pc-1")
    for _ in range(3 * MAX_DEPTH):
        if not engine.run_due().done:
            break
    jobs = services.automation_log.jobs(deal_id=deal.id)
    assert len(jobs) == MAX_DEPTH + 1  # depth 0 .. MAX_DEPTH, then nothing more
    assert all(j.status == "done" for j in jobs)
    words = [h.new_value or "" for h in services.deals.history(deal.id) if h.action == "automation"]
    assert any("Automation stopped" in w for w in words)


def test_the_dry_run_says_what_then_happens(services: Services) -> None:
    stages = _stages(services)
    services.automation.add_rule(stages[1], "Task now", "task", {"title": "Call", "in_hours": 2})
    services.automation.add_rule(
        stages[1],
        "After it, a day later",
        "comment",
        {"text": "x"},
        timing=Timing(When.DELAY, minutes=1440),
        after_previous=True,
    )
    services.automation.add_rule(
        stages[1], "Only big ones", "comment", {"text": "y"}, conditions=[Condition("amount", "ge", "1000")]
    )
    deal = services.deals.create(title="Kitchen", stage_id=stages[0], amount="10.00")
    now = utcnow()
    planned = services.automation.dry_run(deal.id, stages[1], now=now)
    assert [(p.rule.name, p.would_run) for p in planned] == [
        ("Task now", True),
        ("After it, a day later", True),
        ("Only big ones", False),
    ]
    assert planned[1].due_at == planned[0].due_at + timedelta(days=1)  # type: ignore[operator]
    assert services.tasks.find(mine=False, deal_id=deal.id) == []  # nothing was done
    services.deals.move_stage(deal.id, stages[1])
    engine = services.automation_engine("pc-1")
    engine.run_due()
    engine.run_due(now + timedelta(days=1, minutes=5))
    assert _jobs(services, deal.id) == [
        ("After it, a day later", "done"),
        ("Only big ones", "skipped"),
        ("Task now", "done"),
    ]


def test_two_engines_on_one_file_run_each_of_500_jobs_once(services: Services, db_path) -> None:
    stages = _stages(services)
    services.automation.add_rule(stages[1], "Count me", "set_field", {"field": "probability", "value": 50})
    ids = [services.deals.create(title=f"Deal {n}", stage_id=stages[0]).id for n in range(500)]
    from app.services.deals.bulk import DealSelection

    services.deal_bulk.update(DealSelection(ids=tuple(ids)), "stage_id", stages[1])
    other = open_services(str(db_path))
    try:
        engines = [services.automation_engine("pc-1"), other.automation_engine("pc-2")]
        results: list[int] = []

        def work(engine) -> None:  # type: ignore[no-untyped-def]
            total = 0
            while True:
                run = engine.run_due(limit=25)
                if not run.done and not run.failed:
                    break
                total += run.done
            results.append(total)

        threads = [threading.Thread(target=work, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        other.close()
    assert sum(results) == 500
    assert services.automation_log.counts()["done"] == 500
    histories = [services.deals.history(i) for i in ids[:20]]
    assert all(sum(1 for h in hs if h.action == "automation") == 1 for hs in histories)  # once each


def test_a_job_whose_pc_died_is_taken_over_and_late_ones_are_not_run_blindly(services: Services) -> None:
    from sqlalchemy import update

    from app.models import AutomationJob

    stages = _stages(services)
    services.automation.add_rule(stages[1], "Mark", "comment", {"text": "x"})
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    now = utcnow()
    with services.database.session(write=True) as session:  # a PC claimed it and died
        session.execute(
            update(AutomationJob).values(
                status="running", lease_owner="dead-pc", lease_until=now - timedelta(minutes=1)
            )
        )
    assert services.automation_engine("pc-2").run_due(now).done == 1
    old = services.deals.create(title="Old", stage_id=stages[1])
    with services.database.session(write=True) as session:  # it fell due two days ago, nobody ran
        session.execute(
            update(AutomationJob)
            .where(AutomationJob.deal_id == old.id)
            .values(due_at=now - timedelta(days=2))
        )
    run = services.automation_engine("pc-2").run_due(now)
    assert (run.done, run.late) == (0, 1)
    [late] = services.automation_log.jobs(deal_id=old.id)
    assert late.status == "late"
    assert services.automation_log.retry(late.id)
    assert services.automation_engine("pc-2").run_due().done == 1
    del deal


def test_a_trigger_moves_a_deal_forward_when_its_task_is_done(services: Services) -> None:
    stages = _stages(services)
    services.automation.add_trigger(stages[2], "Call done: on to the offer", "task_done")
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    call = services.tasks.create("Call", kind="call", deal_id=deal.id)
    services.tasks.complete(call.id, call.version, "reached")
    services.automation_engine("pc-1").run_due()
    assert services.deals.get(deal.id).stage_id == stages[2]
    # Not backwards by default: a deal already further on stays where it is.
    ahead = services.deals.create(title="Ahead", stage_id=stages[3])
    task = services.tasks.create("Call", deal_id=ahead.id)
    services.tasks.complete(task.id, task.version)
    services.automation_engine("pc-1").run_due()
    assert services.deals.get(ahead.id).stage_id == stages[3]


def test_round_robin_hands_deals_out_in_turn(services: Services) -> None:
    people = [services.users.create(login=f"p{n}", name=f"Person {n}").id for n in range(3)]
    stages = _stages(services)
    services.automation.add_rule(
        stages[1], "Share out", "responsible", {"people": people, "round_robin": True}
    )
    ids = [services.deals.create(title=f"D{n}", stage_id=stages[1]).id for n in range(4)]
    services.automation_engine("pc-1").run_due()
    assert [services.deals.get(i).responsible_id for i in ids] == [people[0], people[1], people[2], people[0]]


def test_setting_up_rules_needs_the_right_and_sound_settings(services: Services) -> None:
    stages = _stages(services)
    with pytest.raises(ValidationError) as refused:
        services.automation.add_rule(stages[1], " ", "explode", {}, timing=Timing(When.DELAY, minutes=0))
    assert [str(p.message) for p in refused.value.problems] == [
        "A rule needs a name (at most 200 characters).",
        "'explode' is not something a rule can do.",
        "A delay is between 1 minute and 365 days.",
    ]
    seller = services.users.create(login="sam", name="Sam Seller")  # an employee: no automation
    with pytest.raises(PermissionDeniedError, match="set up automation"):
        services.as_user(seller.login).automation.add_rule(stages[1], "Mine", "comment", {"text": "x"})
    assert all(not s.rules for s in services.automation.board(services.pipelines.list()[0].id))


def test_working_days_only_waits_for_the_office_to_open() -> None:
    from datetime import UTC, datetime

    hours = OfficeHours()
    saturday_night = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)
    assert hours.next_working(saturday_night) == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Monday at nine
    monday = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
    assert hours.next_working(monday) == monday


def test_the_command_line_lists_runs_and_logs(services: Services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.cli import main

    stages = _stages(services)
    services.automation.add_rule(stages[1], "Say hello", "comment", {"text": "Hello"})
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    assert main(["automation", "list", "--db", str(db_path), "--json"]) == 0
    [rule] = json.loads(capsys.readouterr().out)
    assert (rule["name"], rule["action"], rule["when"]) == ("Say hello", "comment", "now")
    assert main(["automation", "run", "--once", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["done"] == 1
    assert main(["automation", "log", "--db", str(db_path), "--json", "--deal", str(deal.id)]) == 0
    [job] = json.loads(capsys.readouterr().out)
    assert (job["status"], job["result"]) == ("done", "Commented: “Hello”.")


def test_a_date_trigger_moves_deals_whose_date_has_come_once(services: Services) -> None:
    from datetime import date

    stages = _stages(services)
    with pytest.raises(ValidationError, match="close date or begin date"):
        services.automation.add_trigger(stages[2], "Due", "date_reached", {"field": "title"})
    services.automation.add_trigger(stages[2], "Close date reached", "date_reached", {"field": "close_date"})
    due = services.deals.create(title="Due", stage_id=stages[1], close_date=date(2020, 1, 1))
    later = services.deals.create(title="Later", stage_id=stages[1], close_date=date(2099, 1, 1))
    engine = services.automation_engine("pc-1")
    assert not engine.idle()  # a first look for such deals is due
    assert engine.run_due().done == 1
    assert services.deals.get(due.id).stage_id == stages[2]
    assert services.deals.get(later.id).stage_id == stages[1]
    services.deals.move_stage(due.id, stages[1])  # moved back by hand: the trigger does not fight it
    assert engine.sweep_dates() == 0
    assert engine.idle()


def test_a_document_action_and_a_wait(services: Services) -> None:
    from docx_templates import word_file

    stages = _stages(services)
    template = services.document_templates.add_template(
        "Quote", "quote", word_file("{{ deal.title }}"), "q.docx"
    )
    services.automation.add_rule(stages[1], "Quote", "document", {"template_id": template.id})
    services.automation.add_rule(stages[1], "Pause", "wait", {})
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    assert services.automation_engine("pc-1").run_due().done == 2
    assert len(services.documents.documents(deal.id)) == 1
    assert _jobs(services, deal.id) == [("Pause", "done"), ("Quote", "done")]


def test_timing_from_a_deals_date_and_at_a_time_of_day() -> None:
    from datetime import UTC, date, datetime

    from app.services.automation.timing import due_at

    def stored(*parts: int) -> datetime:  # moments as stored: UTC without a zone
        return datetime(*parts, tzinfo=UTC).replace(tzinfo=None)

    entered = stored(2026, 12, 3, 22, 30)
    hours = OfficeHours()
    dates = {"close_date": date(2026, 12, 20), "begin_date": None}
    before = Timing(When.BEFORE, days=3, field="close_date", at="10:00")
    assert due_at(before, entered, dates, hours, UTC) == stored(2026, 12, 17, 10, 0)
    assert due_at(Timing(When.AFTER, days=1, field="begin_date"), entered, dates, hours, UTC) is None
    assert due_at(Timing(When.AT, at="08:15"), entered, dates, hours, UTC) == stored(2026, 12, 4, 8, 15)
    past = Timing(When.BEFORE, days=30, field="close_date")
    assert due_at(past, entered, dates, hours, UTC) == entered  # already past when the deal came: at once


def test_more_triggers_and_actions_as_an_office_uses_them(services: Services) -> None:
    from app.models import EntityType, FieldType

    stages = _stages(services)
    region = services.custom_fields.create(EntityType.DEAL, "Region", FieldType.STRING)  # type: ignore[arg-type]
    # A condition on a custom field; a field changed to a value moves the deal; placeholders in values.
    services.automation.add_rule(
        stages[1],
        "North only",
        "set_field",
        {"field": "comments", "value": "Handled by {{ deal.responsible }}"},
        conditions=[Condition(f"uf:{region.code}", "eq", "North")],
    )
    services.automation.add_trigger(
        stages[3], "Probability 90: almost there", "field_changed", {"field": "probability", "value": "90"}
    )
    north = services.deals.create(title="North", stage_id=stages[0])
    south = services.deals.create(title="South", stage_id=stages[0])
    for deal, value in ((north, "North"), (south, "South")):
        version = services.deals.get(deal.id).version
        services.custom_fields.set_values(EntityType.DEAL, deal.id, version, {region.id: value})
        services.deals.move_stage(deal.id, stages[1])
    engine = services.automation_engine("pc-1")
    engine.run_due()
    assert services.deals.get(north.id).comments == f"Handled by {services.actor.name}"  # type: ignore[union-attr]
    assert services.deals.get(south.id).comments in (None, "")
    current = services.deals.get(south.id)
    services.deals.update(south.id, current.version, probability=50)
    engine.run_due()
    assert services.deals.get(south.id).stage_id == stages[1]  # another value: no move
    current = services.deals.get(south.id)
    services.deals.update(south.id, current.version, probability=90)
    engine.run_due()
    assert services.deals.get(south.id).stage_id == stages[3]
    # Backwards only when the trigger says so.
    services.automation.add_trigger(stages[1], "Reopened", "task_done", backwards=True)
    task = services.tasks.create("Check", deal_id=south.id)
    services.tasks.complete(task.id, task.version)
    engine.run_due()
    assert services.deals.get(south.id).stage_id == stages[1]


def test_a_rule_moves_a_deal_into_another_pipeline(services: Services) -> None:
    other = services.pipelines.create_pipeline("Service")
    stages = _stages(services)
    target = other.stages[0].id
    services.automation.add_rule(stages[1], "Hand to service", "move", {"stage_id": target})
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    services.automation_engine("pc-1").run_due()
    moved = services.deals.get(deal.id)
    assert (moved.pipeline_id, moved.stage_id) == (other.id, target)
