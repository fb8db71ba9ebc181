"""Notifications: what others do to a person's deals and tasks reaches that person's bell — one per
change however many records it touched, never for one's own doing — read, marked read, sent; and
reminders: taken once at their moment, on whichever PC asks first, missed ones marked so."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.deals.bulk import DealSelection


@pytest.fixture
def office(services: Services) -> dict[str, Services]:
    """Anna (the administrator who made the file) and Ben, each on their own PC."""
    services.users.create(login="ben", name="Ben Berg", is_admin=True)
    anna = services
    return {"anna": anna, "ben": services.as_user("ben")}


def _texts(services: Services) -> list[tuple[str, str | None, int, str, str | None]]:
    return [(n.kind, n.actor_name, n.count, n.title, n.detail) for n in services.notifications.recent()]


def test_a_deal_handed_over_or_moved_by_someone_else_tells_its_responsible(
    office: dict[str, Services],
) -> None:
    anna, ben = office["anna"], office["ben"]
    ben_id = ben.actor.id  # type: ignore[union-attr]
    mine = anna.deals.create(title="Own deal", stage_id=1)  # Anna's own: nobody is told
    assert anna.notifications.unread_count() == 0
    handed = anna.deals.create(title="Kitchen for Meyer", stage_id=1, responsible_id=ben_id)
    assert _texts(ben) == [("deal_assigned", anna.actor.name, 1, "Kitchen for Meyer", None)]  # type: ignore[union-attr]
    stages = anna.pipelines.list()[0].stages
    anna.deals.move_stage(handed.id, stages[1].id)
    assert _texts(ben)[0] == ("deal_moved", anna.actor.name, 1, "Kitchen for Meyer", stages[1].name)  # type: ignore[union-attr]
    assert ben.notifications.unread_count() == 2
    # Ben moving his own deal tells nobody; Anna is told nothing about her own deal's moves by herself.
    ben.deals.move_stage(handed.id, stages[2].id)
    assert ben.notifications.unread_count() == 2
    assert anna.notifications.unread_count() == 0
    del mine


def test_a_bulk_move_is_one_notification_per_person(office: dict[str, Services]) -> None:
    anna, ben = office["anna"], office["ben"]
    ben_id = ben.actor.id  # type: ignore[union-attr]
    ids = [anna.deals.create(title=f"Deal {n}", stage_id=1, responsible_id=ben_id).id for n in range(5)]
    ben.notifications.mark_all_read()
    target = anna.pipelines.list()[0].stages[2]
    result = anna.deal_bulk.update(DealSelection(ids=tuple(ids)), "stage_id", target.id)
    assert result.changed == 5
    assert ben.notifications.unread_count() == 1
    assert _texts(ben)[0] == ("deal_moved", anna.actor.name, 5, "Deal 0", target.name)  # type: ignore[union-attr]


def test_a_task_for_someone_else_tells_them_and_its_participants(office: dict[str, Services]) -> None:
    anna, ben = office["anna"], office["ben"]
    ben_id, anna_id = ben.actor.id, anna.actor.id  # type: ignore[union-attr]
    anna.tasks.create("Call Meyer", kind="call", responsible_id=ben_id)
    assert _texts(ben) == [("task_assigned", anna.actor.name, 1, "Call Meyer", None)]  # type: ignore[union-attr]
    meeting = ben.tasks.create(
        "Site visit", kind="meeting", duration_minutes=90, participant_ids=[anna_id], observer_ids=[]
    )
    assert _texts(anna)[0][:4] == ("task_assigned", "Ben Berg", 1, "Site visit")
    # Anna takes part: the meeting is one of her tasks, and she sees who is on it.
    assert meeting.id in [t.id for t in anna.tasks.find()]
    assert anna.tasks.get(meeting.id).participant_ids == (anna_id,)


def test_read_mark_read_and_send(office: dict[str, Services]) -> None:
    anna, ben = office["anna"], office["ben"]
    ben_id = ben.actor.id  # type: ignore[union-attr]
    for n in range(3):
        anna.tasks.create(f"Task {n}", responsible_id=ben_id)
    notes = ben.notifications.recent()
    assert [n.title for n in notes] == ["Task 2", "Task 1", "Task 0"]  # newest first
    ben.notifications.mark_read([notes[0].id])
    assert ben.notifications.unread_count() == 2
    assert [n.read for n in ben.notifications.recent()] == [False, False, True]  # unread on top
    anna.notifications.mark_all_read()  # Anna's own bell: Ben's stays as it is
    assert ben.notifications.unread_count() == 2
    ben.notifications.mark_all_read()
    assert ben.notifications.unread_count() == 0
    anna.notifications.send([ben_id], "  Please call   Meyer today ", entity_type="deal", entity_id=None)
    assert _texts(ben)[0] == ("message", anna.actor.name, 1, "", "Please call Meyer today")  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="needs a text"):
        anna.notifications.send([ben_id], "   ")
    with pytest.raises(ValidationError, match="at least one person"):
        anna.notifications.send([], "Hello")
    assert ben.notifications.unread_count() == 1  # the refused ones changed nothing


def test_a_reminder_comes_once_at_its_moment_and_a_late_one_is_missed(office: dict[str, Services]) -> None:
    anna = office["anna"]
    now = datetime.now(UTC).replace(tzinfo=None)
    due = datetime.now().astimezone() + timedelta(hours=2)
    call = anna.tasks.create("Call Meyer", kind="call", due=due, remind_minutes=15)
    quiet = anna.tasks.create("No reminder", due=due)
    assert anna.reminders.next_at() is not None
    assert anna.reminders.take_due(now) == []  # not yet
    at = now + timedelta(hours=1, minutes=46)  # a minute after its moment: on time
    taken = anna.reminders.take_due(at)
    assert [(r.task.title, r.missed) for r in taken] == [("Call Meyer", False)]
    assert anna.reminders.take_due(at) == []  # once
    assert anna.as_user(anna.actor.login).reminders.take_due(at) == []  # type: ignore[union-attr]  # on any PC
    assert _texts(anna)[0][:4] == ("task_due", None, 1, "Call Meyer")
    # Rescheduled, it reminds again; done, it never does; an hour late it is a missed one.
    current = anna.tasks.get(call.id)
    anna.tasks.reschedule(current.id, current.version, due + timedelta(days=1))
    taken = anna.reminders.take_due(at + timedelta(days=1, hours=1))
    assert [(r.task.title, r.missed) for r in taken] == [("Call Meyer", True)]
    later = anna.tasks.create("Follow up", due=due + timedelta(days=2), remind_minutes=0)
    anna.tasks.complete(later.id, later.version)
    assert anna.reminders.take_due(at + timedelta(days=5)) == []
    del quiet


def test_reminder_times_and_refusals(services: Services) -> None:
    from app.services.tasks.service import remind_at

    def stored(*parts: int) -> datetime:  # a moment as stored: UTC, without its zone
        return datetime(*parts, tzinfo=UTC).replace(tzinfo=None)

    due = stored(2030, 5, 6, 21, 59, 59)  # an all-day task's end of day
    assert remind_at(due, True, 0, UTC) == stored(2030, 5, 6, 9, 0)  # that morning
    assert remind_at(stored(2030, 5, 6, 10, 0), False, 30) == stored(2030, 5, 6, 9, 30)
    assert remind_at(stored(2000, 1, 1), False, 30) is None  # past: nothing to remind of
    assert remind_at(None, False, 30) is None
    with pytest.raises(ValidationError, match="between 0 minutes and 7 days"):
        services.tasks.create("Call", due=date(2030, 1, 1), remind_minutes=-5)
    with pytest.raises(ValidationError, match="no person 999"):
        services.tasks.create("Call", participant_ids=[999])
    assert services.tasks.find(include_done=True) == []
