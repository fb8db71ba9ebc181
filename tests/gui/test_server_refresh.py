"""On a server, other people's changes show as they do for the shared file: two Dealdesks on one
PostgreSQL, a deal moved in one appears moved in the other's list, announced by NOTIFY."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from PySide6.QtWidgets import QLabel

from app.demo import generate_demo
from app.gui.application import build_main_window
from app.services.container import open_services
from app.services.core.changes import CHANNEL, announcement
from app.services.core.events import DomainEvent
from app.services.deals.queries import DealFilter, DealSort
from app.ui.settings import CHANGE_POLL_MS, UserSettings

pytestmark = pytest.mark.postgres


def test_a_move_on_one_pc_shows_in_the_others_list(qtbot, postgres_url: str, settings: UserSettings) -> None:
    anna = open_services(postgres_url)
    generate_demo(anna.database, 60, seed=3)
    ben = open_services(postgres_url)
    settings.set(CHANGE_POLL_MS, 1500)  # as installed: a server is polled four times a second anyway
    window = build_main_window(ben, settings)
    qtbot.addWidget(window)
    try:
        window.show()
        model = window.deals.model
        qtbot.waitUntil(lambda: model.cached_page(0) is not None and len(model.cached_page(0) or []) > 0)
        deal = anna.deal_queries.page(DealFilter(closed=False), DealSort("id"), 0, 1)[0]
        pipeline = anna.deals.get(deal.id).pipeline_id
        stages = next(p for p in anna.pipelines.list() if p.id == pipeline).stages
        target = next(s for s in stages if s.id != deal.stage_id and s.semantic.value == "in_progress")

        def shown_stage() -> int | None:
            rows = model.cached_page(0) or []
            return next((r.stage_id for r in rows if r.id == deal.id), None)

        assert shown_stage() == deal.stage_id
        heard: list[DomainEvent] = []
        window._hub.changed.connect(heard.append)
        moved_at = time.monotonic()
        anna.deals.move_stage(deal.id, target.id, expected_version=deal.version)
        qtbot.waitUntil(lambda: shown_stage() == target.id, timeout=5000)
        print(f"shown in the other window {time.monotonic() - moved_at:.2f} s after the move")
        assert heard
        assert heard[0].entity == "*"  # views re-read as they do for the file
    finally:
        window.close()
        anna.close()
        ben.close()


def test_a_server_monitor_hears_others_not_itself(postgres_url: str) -> None:
    anna = open_services(postgres_url)
    ben = open_services(postgres_url)
    monitor = ben.change_monitor()
    try:
        assert monitor.supported
        assert monitor.interval_ms(1500) == 250
        assert monitor.poll() is False  # the first reading
        ben.companies.create(title="Ben's own")
        assert _eventually(monitor.poll, 1.0) is False  # its own engine's: its views heard the event
        company = anna.companies.create(title="Anna's")
        assert _eventually(monitor.poll) is True
        assert monitor.heard[0]["ev"][0]["e"] == "company"
        assert monitor.heard[0]["ev"][0]["ids"] == [company.id]
        assert monitor.poll() is False  # heard once
        with pytest.raises(RuntimeError, match="given up"):  # a write that fails announces nothing
            _write_that_fails(anna, company.id)
        assert _eventually(monitor.poll, 1.0) is False
    finally:
        monitor.close()
        anna.close()
        ben.close()


def test_an_import_is_announced_within_notifys_limit() -> None:
    many = [DomainEvent("deal.created", "deal", tuple(range(100_000)), 1)] * 3
    text = announcement(many, "writer")
    assert len(text.encode()) <= 7_000
    assert '"e":"deal"' in text
    assert CHANNEL.isidentifier()


def _write_that_fails(services, company_id: int) -> None:
    with services.context.write() as uow:
        uow.emit("company.updated", [company_id])
        uow.session.execute(text("SELECT 1"))
        raise RuntimeError("given up")


def _eventually(poll, wait_s: float = 3.0) -> bool:
    """Whether the monitor hears something within a while (a notification travels through the
    server): True as soon as it does; False only after waiting all of `wait_s`."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if poll():
            return True
        time.sleep(0.05)
    return False


def test_the_window_says_the_connection_is_lost_and_recovers(
    qtbot, own_postgres, settings: UserSettings
) -> None:
    url = own_postgres.new_database("office")
    services = open_services(url)
    services.deals.create(title="Before the restart")
    settings.set(CHANGE_POLL_MS, 1500)
    window = build_main_window(services, settings)
    qtbot.addWidget(window)
    window.show()
    label = window.trouble_label
    count = window.findChild(QLabel, "dealCount")
    try:
        qtbot.waitUntil(lambda: count.text().startswith("1 deal"), timeout=5000)
        own_postgres.stop()
        qtbot.waitUntil(label.isVisible, timeout=10_000)  # the listener's heartbeat notices
        assert "Connection lost, reconnecting" in label.text()
        assert "can't be reached" in label.toolTip()
        own_postgres.start()
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
        assert "can be reached again" in window.statusBar().currentMessage()
        colleague = open_services(url)
        colleague.deals.create(title="After the restart")
        colleague.close()
        qtbot.waitUntil(lambda: count.text().startswith("2 deals"), timeout=5000)
    finally:
        window.close()
        services.close()


def test_a_read_cut_off_is_read_again_once_the_server_answers(
    qtbot, postgres_url: str, settings: UserSettings
) -> None:
    """A firewall drops the pooled connections (the listener's stays): the next read fails, the
    window says so, and every view reads again as soon as the server answers."""
    services = open_services(postgres_url)
    services.deals.create(title="Before")
    settings.set(CHANGE_POLL_MS, 1500)
    window = build_main_window(services, settings)
    qtbot.addWidget(window)
    window.show()
    count = window.findChild(QLabel, "dealCount")
    listener = window._hub._monitor
    try:
        qtbot.waitUntil(
            lambda: count.text().startswith("1 deal") and listener._listener is not None, timeout=5000
        )
        colleague = open_services(postgres_url)
        with colleague.database.engine.connect() as admin:
            dropped = admin.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), :listener)"
                ),
                {"listener": listener._listener.info.backend_pid},
            ).scalar()
        assert dropped >= 1
        colleague.deals.create(title="A colleague's")  # heard: the list reads again, and fails once
        colleague.close()
        qtbot.waitUntil(lambda: count.text().startswith("2 deals"), timeout=10_000)
        assert not window.trouble_label.isVisible()
    finally:
        window.close()
        services.close()


def test_a_colleagues_change_is_not_swallowed_by_ones_own(
    qtbot, postgres_url: str, settings: UserSettings
) -> None:
    """A colleague's announcement waiting when one's own change is made still refreshes the views."""
    mine = open_services(postgres_url)
    settings.set(CHANGE_POLL_MS, 1500)
    window = build_main_window(mine, settings)
    qtbot.addWidget(window)
    hub = window._hub
    heard: list[DomainEvent] = []
    hub.changed.connect(heard.append)
    try:
        hub._timer.setInterval(60_000)  # active, as when the window runs, but polled by hand below
        hub._timer.start()
        hub._monitor.poll()  # listening
        colleague = open_services(postgres_url)
        colleague.deals.create(title="The colleague's")
        colleague.close()
        time.sleep(0.3)  # the announcement is in this PC's socket now
        mine.companies.create(title="Mine")  # one's own event, delivered to the hub first
        qtbot.waitUntil(lambda: any(e.entity == "company" for e in heard))

        def colleagues_heard() -> bool:
            hub._on_poll()
            return any(e.entity == "*" for e in heard)

        qtbot.waitUntil(colleagues_heard, timeout=5000)  # the colleague's change, not swallowed
    finally:
        window.close()
        mine.close()
