"""Workflows: templates checked before they are saved, versions that do not change running instances,
and the engine — every kind of step, nesting, the parallel join, waits on a fake clock, approvals by one
or by all with escalation, a restart in the middle, two engines on one file running each step once."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from app.models import utcnow
from app.services.container import Services, open_services
from app.services.core.errors import NotFoundError, PermissionDeniedError, ValidationError


def _stages(services: Services) -> list[int]:
    return [s.id for s in services.pipelines.list()[0].stages]


def action(step_id: str, what: str, **params: Any) -> dict[str, Any]:
    return {"id": step_id, "kind": "action", "action": what, "params": params}


def comment(step_id: str, text: str) -> dict[str, Any]:
    return action(step_id, "comment", text=text)


def run_all(services: Services, now: Any = None, owner: str = "pc-1") -> int:
    """Runs the engine until nothing more is due at `now`; the steps it ran."""
    engine = services.automation_engine(owner).workflows
    total = 0
    for _ in range(50):
        steps = engine.run_due(now).steps
        total += steps
        if not steps:
            break
    return total


def comments(services: Services, deal_id: int) -> list[str]:
    return [h.new_value for h in services.deals.history(deal_id) if h.action == "comment"]


def test_a_branched_workflow_runs_every_kind_of_step_and_keeps_its_path(services: Services) -> None:
    stages = _stages(services)
    services.users.create(login="boss", name="Bea Boss", is_admin=True)
    boss = services.users.by_login("boss")
    definition = {
        "variables": {"size": "unknown"},
        "steps": [
            comment("hello", "Started for {{ deal.title }}"),
            {
                "id": "big?",
                "kind": "condition",
                "branches": [
                    {
                        "label": "Big",
                        "when": [{"field": "amount", "op": "gt", "value": "10000"}],
                        "steps": [{"id": "mark-big", "kind": "set_variable", "name": "size", "value": "big"}],
                    },
                    {
                        "label": "Small",
                        "steps": [
                            {"id": "mark-small", "kind": "set_variable", "name": "size", "value": "small"}
                        ],
                    },
                ],
            },
            {
                "id": "both",
                "kind": "parallel",
                "branches": [
                    {"steps": [action("call", "task", title="Call about {{ var.size }} deal", in_hours=4)]},
                    {
                        "steps": [
                            {"id": "pause", "kind": "wait", "mode": "delay", "hours": 2},
                            comment("later", "Two hours on"),
                        ]
                    },
                ],
            },
            {
                "id": "ok?",
                "kind": "approval",
                "people": [boss.id],
                "mode": "any",
                "title": "Approve {{ var.size }}",
                "branches": [
                    {"key": "approved", "steps": [action("win", "move", stage_id=stages[2])]},
                    {"key": "rejected", "steps": [comment("no", "Rejected")]},
                ],
            },
            {"id": "end", "kind": "stop"},
        ],
    }
    template = services.workflows.create("Big deal check", "deal", definition)
    deal = services.deals.create(title="Kitchen", stage_id=stages[0], amount="25000.00")
    [instance_id] = services.workflows.start(template.id, [deal.id])
    now = utcnow()
    run_all(services, now)
    info = services.workflows.instance(instance_id)
    assert info.status == "waiting"
    assert info.waiting_for == ["until"]  # the second branch waits; the first is done
    assert comments(services, deal.id) == ["Started for Kitchen"]
    [task] = [
        t for t in services.tasks.find(mine=False, deal_id=deal.id) if t.kind == "call" or t.kind == "todo"
    ]
    assert task.title == "Call about big deal"
    run_all(services, now + timedelta(hours=2, minutes=1))  # the wait is over; both branches joined
    info = services.workflows.instance(instance_id)
    assert info.waiting_for == ["approval"]
    [approval] = services.as_user("boss").workflows.approvals()
    assert approval.title == "Approve big"
    services.as_user("boss").workflows.answer(approval.task_id, approve=True, comment="Go")
    run_all(services, now + timedelta(hours=3))
    info = services.workflows.instance(instance_id)
    assert info.status == "finished"
    assert services.deals.get(deal.id).stage_id == stages[2]
    taken = [entry["step"] for entry in info.path]
    assert taken == [
        "hello",
        "big?",
        "mark-big",
        "both",
        "call",
        "pause",
        "pause",
        "later",
        "ok?",
        "ok?",
        "win",
        "end",
    ]
    assert info.path[1]["branch"] == 0
    assert comments(services, deal.id) == ["Started for Kitchen", "Two hours on"]
    assert run_all(services, now + timedelta(days=1)) == 0  # nothing runs twice


def test_nested_conditions_inside_parallel_branches_join_once(services: Services) -> None:
    stages = _stages(services)
    inner = {
        "id": "inner",
        "kind": "condition",
        "branches": [
            {"when": [{"field": "var:n", "op": "eq", "value": "1"}], "steps": [comment("one", "n is 1")]},
            {"steps": [comment("other", "n is not 1")]},
        ],
    }
    definition = {
        "variables": {"n": "1"},
        "steps": [
            {
                "id": "split",
                "kind": "parallel",
                "branches": [
                    {"steps": [inner]},
                    {
                        "steps": [
                            {
                                "id": "nested",
                                "kind": "parallel",
                                "branches": [{"steps": [comment("a", "A")]}, {"steps": [comment("b", "B")]}],
                            }
                        ]
                    },
                ],
            },
            comment("joined", "Joined"),
        ],
    }
    template = services.workflows.create("Nesting", "deal", definition)
    deal = services.deals.create(title="Nest", stage_id=stages[0])
    [instance_id] = services.workflows.start(template.id, [deal.id])
    run_all(services)
    assert services.workflows.instance(instance_id).status == "finished"
    assert sorted(comments(services, deal.id)) == ["A", "B", "Joined", "n is 1"]
    assert comments(services, deal.id)[-1] == "Joined"  # after both branches, once


def test_waits_for_a_date_and_for_a_field_with_a_timeout(services: Services) -> None:
    stages = _stages(services)
    definition = {
        "steps": [
            {"id": "day", "kind": "wait", "mode": "until_date", "field": "close_date", "offset_days": -1},
            comment("eve", "The day before closing"),
            {"id": "stage", "kind": "wait", "mode": "until_field", "field": "stage_id", "timeout_hours": 48},
            {
                "id": "moved?",
                "kind": "condition",
                "branches": [
                    {
                        "when": [{"field": "step:stage", "op": "eq", "value": "changed"}],
                        "steps": [comment("m", "Moved")],
                    },
                    {"steps": [comment("t", "Nobody moved it")]},
                ],
            },
        ]
    }
    template = services.workflows.create("Closing", "deal", definition)
    now = utcnow()
    close = (now + timedelta(days=5)).date()
    moved = services.deals.create(title="Moved", stage_id=stages[0], close_date=close)
    idle = services.deals.create(title="Idle", stage_id=stages[0], close_date=close)
    ids = services.workflows.start(template.id, [moved.id, idle.id])
    run_all(services, now)
    assert comments(services, moved.id) == []
    eve = now + timedelta(days=4, hours=1)
    from datetime import datetime

    eve = datetime.combine(close - timedelta(days=1), datetime.min.time()) + timedelta(minutes=1)
    run_all(services, eve)
    assert comments(services, moved.id) == ["The day before closing"]
    services.deals.move_stage(moved.id, stages[1])  # wakes the instance waiting on it
    run_all(services, eve + timedelta(minutes=1))
    assert comments(services, moved.id)[-1] == "Moved"
    assert services.workflows.instance(ids[1]).status == "waiting"
    run_all(services, eve + timedelta(hours=49))
    assert comments(services, idle.id)[-1] == "Nobody moved it"
    assert [services.workflows.instance(i).status for i in ids] == ["finished", "finished"]


def _approval_template(services: Services, mode: str, people: list[int], **more: Any) -> int:
    definition = {
        "steps": [
            {
                "id": "ask",
                "kind": "approval",
                "people": people,
                "mode": mode,
                "title": "Discount",
                **more,
                "branches": [
                    {"key": "approved", "steps": [comment("yes", "Approved")]},
                    {"key": "rejected", "steps": [comment("no", "Rejected")]},
                ],
            }
        ]
    }
    return services.workflows.create(f"Approval {mode}", "deal", definition).id


def _three(services: Services) -> list[int]:
    for login in ("ann", "ben", "cem"):
        services.users.create(login=login, name=login.title(), is_admin=True)
    return [services.users.by_login(login).id for login in ("ann", "ben", "cem")]


def test_approval_by_any_one_and_by_all(services: Services) -> None:
    stages = _stages(services)
    people = _three(services)
    anyone = _approval_template(services, "any", people)
    everyone = _approval_template(services, "all", people)
    d1 = services.deals.create(title="Any", stage_id=stages[0])
    d2 = services.deals.create(title="All", stage_id=stages[0])
    d3 = services.deals.create(title="All but one", stage_id=stages[0])
    services.workflows.start(anyone, [d1.id])
    services.workflows.start(everyone, [d2.id, d3.id])
    run_all(services)
    ben = services.as_user("ben").workflows
    [first, *_] = [a for a in ben.approvals() if a.record_id == d1.id]
    ben.answer(first.task_id, approve=False, comment="Too much")
    run_all(services)
    assert comments(services, d1.id) == ["Rejected"]
    assert services.as_user("ann").workflows.approvals()
    assert all(a.record_id != d1.id for a in services.as_user("ann").workflows.approvals())
    for login in ("ann", "ben", "cem"):
        mine = services.as_user(login).workflows
        for approval in mine.approvals():
            if approval.record_id == d2.id:
                mine.answer(approval.task_id, approve=True)
                run_all(services)
                if login != "cem":
                    assert comments(services, d2.id) == []  # not all yet
    assert comments(services, d2.id) == ["Approved"]
    ann = services.as_user("ann").workflows
    [answer] = [a for a in ann.approvals() if a.record_id == d3.id]
    ann.answer(answer.task_id, approve=True)
    cem = services.as_user("cem").workflows
    [answer] = [a for a in cem.approvals() if a.record_id == d3.id]
    cem.answer(answer.task_id, approve=False, comment="No")
    run_all(services)
    assert comments(services, d3.id) == ["Rejected"]
    with pytest.raises(ValidationError):
        cem.answer(answer.task_id, approve=True)  # answered already


def test_an_unanswered_approval_escalates_once_after_its_deadline(services: Services) -> None:
    stages = _stages(services)
    ann, ben, cem = _three(services)
    template = _approval_template(services, "any", [ann], deadline_hours=24, escalate_to=[cem])
    deal = services.deals.create(title="Slow", stage_id=stages[0])
    services.workflows.start(template, [deal.id])
    now = utcnow()
    run_all(services, now)
    assert services.as_user("cem").workflows.approvals() == []
    run_all(services, now + timedelta(hours=25))
    [escalated] = services.as_user("cem").workflows.approvals()
    assert services.as_user("cem").notifications.unread_count() == 1
    run_all(services, now + timedelta(hours=50))
    assert len(services.as_user("cem").workflows.approvals()) == 1  # once
    services.as_user("cem").workflows.answer(escalated.task_id, approve=True)
    run_all(services, now + timedelta(hours=51))
    assert comments(services, deal.id) == ["Approved"]
    del ben


def test_a_restart_in_the_middle_and_a_dead_pcs_lease(services: Services, db_path: Any) -> None:
    from sqlalchemy import update

    from app.models import WorkflowInstance

    stages = _stages(services)
    definition = {
        "steps": [
            comment("a", "A"),
            {"id": "w", "kind": "wait", "mode": "delay", "hours": 1},
            comment("b", "B"),
        ]
    }
    template = services.workflows.create("Restart", "deal", definition)
    deal = services.deals.create(title="Restart", stage_id=stages[0])
    [instance_id] = services.workflows.start(template.id, [deal.id])
    now = utcnow()
    run_all(services, now)
    services.close()  # Dealdesk closed while the workflow waits
    reopened = open_services(str(db_path))
    try:
        with reopened.database.session(write=True) as session:  # a PC claimed it, then died
            session.execute(
                update(WorkflowInstance).values(
                    lease_owner="dead-pc", lease_until=now + timedelta(minutes=80)
                )
            )
        assert run_all(reopened, now + timedelta(minutes=61), owner="pc-2") == 0  # its lease still holds
        assert run_all(reopened, now + timedelta(minutes=81), owner="pc-2") == 2
        assert comments(reopened, deal.id) == ["A", "B"]
        assert reopened.workflows.instance(instance_id).status == "finished"
    finally:
        reopened.close()


def test_two_engines_on_one_file_run_each_step_once(services: Services, db_path: Any) -> None:
    stages = _stages(services)
    definition = {
        "steps": [
            comment("a", "A"),
            comment("b", "B"),
            {"id": "v", "kind": "set_variable", "name": "x", "value": "1"},
        ]
    }
    template = services.workflows.create("Twice?", "deal", definition)
    ids = [services.deals.create(title=f"Deal {n}", stage_id=stages[0]).id for n in range(120)]
    services.workflows.start(template.id, ids)
    other = open_services(str(db_path))
    try:
        engines = [services.automation_engine("pc-1").workflows, other.automation_engine("pc-2").workflows]
        counts: list[int] = []

        def work(engine: Any) -> None:
            total = 0
            for _ in range(500):
                run = engine.run_due(limit=10)
                total += run.steps
                if not engine.due():
                    break
            counts.append(total)

        threads = [threading.Thread(target=work, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
    finally:
        other.close()
    assert sum(counts) == 3 * 120
    assert all(comments(services, i) == ["A", "B"] for i in ids)
    assert {i.status for i in services.workflows.instances(template_id=template.id)} == {"finished"}


def test_editing_a_template_makes_a_version_running_instances_keep_theirs(services: Services) -> None:
    stages = _stages(services)
    v1 = {"steps": [{"id": "w", "kind": "wait", "mode": "delay", "hours": 1}, comment("old", "Version 1")]}
    template = services.workflows.create("Versions", "deal", v1)
    deal = services.deals.create(title="Old one", stage_id=stages[0])
    [old] = services.workflows.start(template.id, [deal.id])
    now = utcnow()
    run_all(services, now)
    v2 = {"steps": [{"id": "w", "kind": "wait", "mode": "delay", "hours": 1}, comment("new", "Version 2")]}
    saved = services.workflows.save(template.id, template.version, v2)
    assert saved.number == 2
    assert services.workflows.save(template.id, saved.version, v2, description="Same steps").number == 2
    newer = services.deals.create(title="New one", stage_id=stages[0])
    [new] = services.workflows.start(template.id, [newer.id])
    run_all(services, now + timedelta(hours=2))  # the old one's wait is over, the new one's begins
    run_all(services, now + timedelta(hours=4))
    assert comments(services, deal.id) == ["Version 1"]
    assert comments(services, newer.id) == ["Version 2"]
    assert (
        services.workflows.instance(old).version_number,
        services.workflows.instance(new).version_number,
    ) == (1, 2)


def test_templates_are_checked_before_they_are_saved(services: Services) -> None:
    bad = {
        "steps": [
            {
                "id": "a",
                "kind": "condition",
                "branches": [
                    {"steps": [comment("x", "else first")]},
                    {
                        "when": [{"field": "amount", "op": "gt", "value": "1"}],
                        "steps": [comment("y", "never")],
                    },
                ],
            },
            {
                "id": "b",
                "kind": "condition",
                "branches": [
                    {"when": [{"field": "no_such_field", "op": "eq", "value": "1"}], "steps": []},
                ],
            },
            {"id": "c", "kind": "approval", "people": [], "branches": []},
            {"id": "d", "kind": "wait", "mode": "delay", "hours": 0},
            {"id": "e", "kind": "stop"},
            comment("f", "after the end"),
            {"id": "a", "kind": "teleport"},
        ]
    }
    with pytest.raises(ValidationError) as caught:
        services.workflows.create("Broken", "deal", bad)
    said = [m.template.format(**m.params) for m in caught.value.messages]
    assert "Step y can never run: its branch comes after the branch taken otherwise." in said
    assert "Step b: 'no_such_field' is not a field, variable or earlier step." in said
    assert "Step c: choose who approves." in said
    assert "Step d: say how long, until which date or for which field." in said
    assert "Step f can never run: it comes after a step that ends the workflow." in said
    assert "Step a: 'teleport' is not a kind of step." in said
    assert "Step a: another step has the same id." in said
    assert services.workflows.templates() == []  # nothing saved
    for entity, what in (("contact", "move"), ("invoice", "email"), ("company", "sms")):
        with pytest.raises(ValidationError) as caught:  # deals' actions only
            services.workflows.create(
                "Not here", entity, {"steps": [action("m", what, subject="x", body="y")]}
            )
        assert caught.value.messages[0].template.endswith("this action works on deals only.")
    mail = services.workflows.create(
        "Contact mail", "contact", {"steps": [action("m", "email", subject="Hello", body="Hi {{ var.x }}")]}
    )
    assert mail.entity == "contact"


def test_who_may_design_and_who_may_start(services: Services) -> None:
    stages = _stages(services)
    services.users.create(login="sam", name="Sam Seller")
    sam = services.as_user("sam")
    with pytest.raises(PermissionDeniedError):
        sam.workflows.create("Mine", "deal", {"steps": [comment("a", "A")]})
    boss_only = services.workflows.create(
        "Boss only",
        "deal",
        {"steps": [comment("a", "A")]},
        starters=[services.users.by_login("sam").id + 1000],
    )
    open_one = services.workflows.create(
        "Anyone",
        "deal",
        {
            "parameters": [{"name": "why", "label": "Why", "type": "text", "required": True}],
            "steps": [comment("a", "{{ var.why }}")],
        },
    )
    deal = sam.deals.create(title="Sam's", stage_id=stages[0])
    with pytest.raises(PermissionDeniedError):
        sam.workflows.start(boss_only.id, [deal.id])
    with pytest.raises(ValidationError):
        sam.workflows.start(open_one.id, [deal.id])  # its parameter is needed
    [instance] = sam.workflows.start(open_one.id, [deal.id], {"why": "Because"})
    run_all(services)
    assert comments(services, deal.id) == ["Because"]
    with pytest.raises(PermissionDeniedError):
        sam.workflows.instances()  # everyone's: administrators only
    assert [i.id for i in sam.workflows.instances(entity="deal", record_id=deal.id)] == [instance]


def test_started_when_a_record_is_created_or_chosen_fields_change(services: Services) -> None:
    stages = _stages(services)
    services.workflows.create(
        "On new", "deal", {"steps": [comment("a", "New")]}, start_on_create=True, start_manual=False
    )
    services.workflows.create(
        "On amount",
        "deal",
        {"steps": [comment("a", "Amount changed")]},
        start_on_change=True,
        change_fields=["amount"],
    )
    company = services.workflows.create(
        "Welcome",
        "company",
        {"steps": [action("t", "task", title="Call the new company", in_hours=72)]},
        start_on_create=True,
    )
    deal = services.deals.create(title="Auto", stage_id=stages[0])
    details = services.deals.update(deal.id, deal.version, title="Renamed")
    services.deals.update(deal.id, details.version, amount="99.00")
    run_all(services)
    assert comments(services, deal.id) == ["New", "Amount changed"]
    made = services.companies.create(title="Acme")
    run_all(services)
    [task] = [t for t in services.tasks.find(mine=False) if t.title == "Call the new company"]
    assert task.company_id == made.id
    assert [i.status for i in services.workflows.instances(template_id=company.id)] == ["finished"]
    with pytest.raises(PermissionDeniedError):
        services.workflows.start(services.workflows.templates("deal")[1].id, [deal.id])  # not by hand


def test_stopping_an_instance_undoes_its_step_in_flight_and_closes_its_approvals(services: Services) -> None:
    stages = _stages(services)
    people = _three(services)
    template = _approval_template(services, "all", people)
    deal = services.deals.create(title="Stop me", stage_id=stages[0])
    [instance_id] = services.workflows.start(template, [deal.id])
    run_all(services)
    assert len(services.as_user("ann").workflows.approvals()) == 1
    services.workflows.stop(instance_id)
    assert services.as_user("ann").workflows.approvals() == []
    assert services.tasks.find(mine=False, deal_id=deal.id) == []  # done, not open
    assert run_all(services) == 0
    assert services.workflows.instance(instance_id).status == "stopped"
    with pytest.raises(ValidationError):
        services.workflows.stop(instance_id)


def test_a_failing_step_fails_the_instance_and_says_why(services: Services) -> None:
    stages = _stages(services)
    definition = {
        "steps": [comment("a", "A"), action("move", "move", stage_id=999_999), comment("b", "never")]
    }
    template = services.workflows.create("Fails", "deal", definition)
    deal = services.deals.create(title="Fail", stage_id=stages[0])
    [instance_id] = services.workflows.start(template.id, [deal.id])
    run_all(services)
    info = services.workflows.instance(instance_id)
    assert info.status == "failed"
    assert info.path[-1]["step"] == "move"
    assert info.path[-1]["failed"]
    assert info.error
    assert comments(services, deal.id) == ["A"]


def test_a_workflow_starts_another_and_loops_stop(services: Services) -> None:
    stages = _stages(services)
    second = services.workflows.create("Second", "deal", {"steps": [comment("s", "Second ran")]})
    first = services.workflows.create(
        "First", "deal", {"steps": [{"id": "go", "kind": "start_workflow", "template_id": second.id}]}
    )
    deal = services.deals.create(title="Chain", stage_id=stages[0])
    services.workflows.start(first.id, [deal.id])
    run_all(services)
    assert comments(services, deal.id) == ["Second ran"]
    looping = services.workflows.create("Loop", "deal", {"steps": [comment("c", "again")]})
    services.workflows.save(
        looping.id,
        looping.version,
        {"steps": [comment("c", "again"), {"id": "go", "kind": "start_workflow", "template_id": looping.id}]},
    )
    other = services.deals.create(title="Loop", stage_id=stages[0])
    services.workflows.start(looping.id, [other.id])
    run_all(services)
    assert 2 <= len(comments(services, other.id)) <= 8  # stopped by the depth guard
    assert any(i.status == "failed" for i in services.workflows.instances(template_id=looping.id))


def test_export_and_import_a_template_file(services: Services) -> None:
    template = services.workflows.create(
        "Export me", "lead", {"steps": [action("n", "notify", text="Hi", people=["responsible"])]}
    )
    text = services.workflows.export_template(template.id)
    copy = services.workflows.import_template(text, name="Imported")
    assert (copy.entity, copy.definition["steps"]) == ("lead", template.definition["steps"])
    with pytest.raises(ValidationError):
        services.workflows.import_template('{"format": "something else"}')
    with pytest.raises(NotFoundError):
        services.workflows.start(12345, [1])


def _office_with_a_manager(services: Services) -> tuple[int, int]:
    """A sales department headed by Maria, with Sam in it: (Maria's id, Sam's id)."""
    services.users.create(login="maria", name="Maria Manager", is_admin=True)
    maria = services.users.by_login("maria").id
    sales = services.departments.create("Sales", head_id=maria).id
    sam = services.users.create(login="sam", name="Sam Seller", department_id=sales).id
    return maria, sam


def test_the_ready_made_discount_approval_asks_the_manager(services: Services) -> None:
    from app.services.workflows.ready_made import install_ready_made

    maria, sam = _office_with_a_manager(services)
    made = install_ready_made(services)
    assert [t.entity for t in made] == ["deal", "company", "invoice"]
    assert install_ready_made(services) == []  # once
    discount = made[0]
    stages = _stages(services)
    big = services.deals.create(title="Big discount", stage_id=stages[0], responsible_id=sam)
    small = services.deals.create(title="Small discount", stage_id=stages[0], responsible_id=sam)
    services.workflows.start(discount.id, [big.id], {"discount": "25"})
    services.workflows.start(discount.id, [small.id], {"discount": "10"})
    run_all(services)
    [asked] = services.as_user("maria").workflows.approvals()
    assert asked.title == "Approve a discount of 25 % on Big discount"
    services.as_user("maria").workflows.answer(asked.task_id, approve=True, comment="Fine")
    run_all(services)
    assert comments(services, big.id) == ["Discount of 25 % approved."]
    titles = sorted(t.title for t in services.tasks.find(mine=False) if t.kind == "todo")
    assert titles == ["Send the quote for Small discount", "Send the quote with 25 % discount"]
    del maria


def test_the_ready_made_welcome_sequence_reminds_the_manager_of_a_call_not_made(services: Services) -> None:
    from app.models import OutboxMessage
    from app.services.workflows.ready_made import install_ready_made

    _maria, sam = _office_with_a_manager(services)
    install_ready_made(services)
    acme = services.companies.create(title="Acme", email="info@acme.example", responsible_id=sam)
    quick = services.companies.create(title="Quick", responsible_id=sam)
    now = utcnow()
    run_all(services, now)
    with services.database.session() as session:
        mails = [(m.recipient, m.subject) for m in session.query(OutboxMessage)]
    assert mails == [("info@acme.example", "Welcome, Acme")]  # Quick has no address
    run_all(services, now + timedelta(hours=73))
    calls = {t.company_id: t for t in services.tasks.find(mine=False) if t.title.startswith("Welcome call")}
    assert set(calls) == {acme.id, quick.id}
    assert calls[acme.id].responsible_id == sam
    services.as_user("sam").tasks.complete(calls[quick.id].id, calls[quick.id].version)
    run_all(services, now + timedelta(hours=73, minutes=11))
    assert services.as_user("maria").notifications.unread_count() == 0
    run_all(services, now + timedelta(hours=73 + 169))
    notes = [n.detail for n in services.as_user("maria").notifications.recent()]
    assert notes == ["The welcome call to Acme is still not done after a week."]
    flows = services.workflows.instances(entity="company")
    assert {f.status for f in flows} == {"finished"}


def test_the_ready_made_overdue_invoice_reminder_calls_then_asks_for_the_final_reminder(
    services: Services,
) -> None:
    from datetime import date
    from decimal import Decimal

    from app.services.deals.form import ProductLine
    from app.services.workflows.ready_made import install_ready_made

    _maria, sam = _office_with_a_manager(services)
    install_ready_made(services)
    services.document_settings.set_my_company({"name": "Muster GmbH", "address": "Hauptstr. 1\n10115 Berlin"})
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Office fit-out", "stage_id": _stages(services)[0], "responsible_id": sam},
        products=[ProductLine("Desks", Decimal("500.00"), Decimal(2), tax_rate=Decimal(19))],
        amount_from_products=True,
    )
    draft = services.invoices.draft_from_deal(saved.deal.id, "full")
    issued = services.invoices.issue(draft.id, draft.version, on=date.today())
    [flow] = services.workflows.instances(entity="invoice")
    now = utcnow()
    run_all(services, now)
    assert services.workflows.instance(flow.id).waiting_for == ["until"]
    due = issued.due_date
    from datetime import datetime

    week_later = datetime.combine(due + timedelta(days=7), datetime.min.time()) + timedelta(minutes=5)
    run_all(services, week_later)
    [call] = [t for t in services.tasks.find(mine=False) if t.title.startswith("Call about the overdue")]
    assert call.title == f"Call about the overdue invoice {issued.number}"
    run_all(services, week_later + timedelta(hours=337))
    [final] = services.as_user("maria").workflows.approvals()
    assert final.title == f"Send the final reminder for invoice {issued.number}?"
    services.as_user("maria").workflows.answer(final.task_id, approve=False)
    run_all(services, week_later + timedelta(hours=338))
    assert services.workflows.instance(flow.id).status == "finished"


def test_the_command_line_lists_starts_and_shows_runs(services: Services, db_path: Any, capsys: Any) -> None:
    import json

    from app.cli import main

    stages = _stages(services)
    deal = services.deals.create(title="CLI", stage_id=stages[0])
    db = str(db_path)
    assert main(["--db", db, "workflows", "ready-made"]) == 0
    assert main(["--db", db, "workflows", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("[") :])
    assert [t["name"] for t in listed] == [
        "Discount approval",
        "Overdue-invoice reminder",
        "Welcome sequence",
    ]
    assert (
        main(
            [
                "--db",
                db,
                "workflows",
                "start",
                "Discount approval",
                str(deal.id),
                "--param",
                "discount=5",
                "--json",
            ]
        )
        == 0
    )
    [run_id] = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "automation", "run", "--once"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "workflows", "instances", "--json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)
    assert (shown["id"], shown["status"], shown["path"][0]["result"]) == (
        run_id,
        "finished",
        "Took the branch “Otherwise”.",
    )
    assert main(["--db", db, "workflows", "start", "Nope", str(deal.id)]) != 0
    assert "There is no workflow 'Nope'" in capsys.readouterr().err
