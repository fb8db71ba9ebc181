"""Automation scenarios, on a copy of the demo file (rules, jobs, tasks and mails are left there):
the board's move with three rules on the target stage, 10,000 deals moved into a stage with three
rules (jobs enqueued in the same transaction), 1,000 due jobs run (e-mails into aiosmtpd on
127.0.0.1 and field changes), and what an idle engine costs."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.kanban import show_board
from benchmarks.runner import median_ms, scenario

BOARD_SIZE = (1280, 800)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(path: Path, runs: int, *, idle_seconds: float = 60.0) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "automation.sqlite"
        shutil.copyfile(path, copy)
        return _run(copy, runs, idle_seconds)


def _run(path: Path, runs: int, idle_seconds: float) -> dict[str, dict[str, Any]]:
    from aiosmtpd.controller import Controller

    from PySide6.QtWidgets import QApplication

    from app.automation.mail import SmtpAccount
    from app.models import utcnow
    from app.services.automation.timing import Timing, When
    from app.services.container import open_services
    from app.services.deals.bulk import DealSelection
    from app.services.deals.filters import DealFilter
    from app.services.deals.queries import DealSort

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))
    results: dict[str, dict[str, Any]] = {}
    pipelines = services.pipelines.list()
    sizes = {p.id: sum(services.pipelines.stage_deal_counts(p.id).values()) for p in pipelines}
    pipeline = min(pipelines, key=lambda p: abs(sizes[p.id] - 100_000))
    open_stages = [s for s in pipeline.stages if not s.is_closed]

    def three_rules(stage_id: int) -> None:
        services.automation.add_rule(
            stage_id, "Call", "task", {"title": "Call {{ deal.title }}", "in_hours": 24}
        )
        services.automation.add_rule(stage_id, "Tell", "notify", {"text": "Moved", "people": ["responsible"]})
        services.automation.add_rule(
            stage_id, "Follow up", "comment", {"text": "Followed up"}, timing=Timing(When.DELAY, minutes=1440)
        )

    # -- kanban_move_rules: the board's move, three rules on each of the two stages -----------------
    for stage in open_stages[:2]:
        three_rules(stage.id)
    board = show_board(services, DealFilter(pipeline_id=pipeline.id), BOARD_SIZE)
    # the two fullest of the two stages with rules (a small demo may leave the first stage empty)
    first, second = sorted(board.columns[:2], key=lambda c: -c.model.total)
    turns = iter([(first, second), (second, first)] * (runs + 3))

    def move() -> None:
        source, target = next(turns)
        card = source.model.card(0)
        assert card is not None
        if not board.move_cards(target.stage.id, [(card.id, card.version)], source.stage.id):
            raise RuntimeError("the benchmark's move was refused")
        source.view.viewport().repaint()
        target.view.viewport().repaint()

    results["kanban_move_rules"] = scenario(median_ms(move, runs), None, rules_on_target=3)
    board.close()
    app.processEvents()

    # -- bulk_stage_change_10k_rules: 10,000 deals into a stage with three rules --------------------
    counts = services.pipelines.stage_deal_counts(pipeline.id)
    fullest = max(open_stages, key=lambda s: counts.get(s.id, 0))
    target = next(s for s in open_stages if s.id != fullest.id)
    if target.id not in (first.stage.id, second.stage.id):  # those have their three rules already
        three_rules(target.id)
    ids = [
        r.id for r in services.deal_queries.page(DealFilter(stage_ids=(fullest.id,)), DealSort(), 0, 10_000)
    ]
    selection = DealSelection(ids=tuple(ids))
    targets = iter([target.id, fullest.id] * (runs + 2))
    from sqlalchemy import func, select

    from app.models import AutomationJob

    def jobs() -> int:
        with services.database.session() as session:
            return int(session.scalar(select(func.count()).select_from(AutomationJob)) or 0)

    before = jobs()

    def bulk() -> None:
        services.deal_bulk.update(selection, "stage_id", next(targets))

    bulk_ms = median_ms(bulk, runs, warmup=0)
    enqueued = jobs() - before
    results["bulk_stage_change_10k_rules"] = scenario(bulk_ms, None, deals=len(ids), jobs_enqueued=enqueued)

    # -- automation_run_1000: 1,000 due jobs, half e-mails (into aiosmtpd here), half field changes -
    for stage in services.automation.board(pipeline.id):  # only the two rules of this scenario
        for rule in stage.rules:
            services.automation.delete_rule(rule.id, rule.version)
    with services.database.session(write=True) as session:  # and a clean queue
        session.execute(AutomationJob.__table__.delete())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    class Box:
        received = 0

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            Box.received += 1
            return "250 OK"

    controller = Controller(Box(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        services.outbox.save_account(SmtpAccount("127.0.0.1", port, "none", "", "office@example.com"))
        mail_stage, field_stage = open_stages[-1], open_stages[-2]
        services.automation.add_rule(
            mail_stage.id,
            "Mail",
            "email",
            {"to": "client@example.com", "subject": "{{ deal.title }}", "body": "Hello"},
        )
        services.automation.add_rule(
            field_stage.id, "Probability", "set_field", {"field": "probability", "value": 60}
        )
        taken = set(ids)
        pool = [
            r.id
            for r in services.deal_queries.page(
                DealFilter(pipeline_id=pipeline.id, closed=False), DealSort(), 0, len(ids) + 3_000
            )
            if r.id not in taken and r.stage_id not in (mail_stage.id, field_stage.id)
        ][:1_000]
        services.deal_bulk.update(DealSelection(ids=tuple(pool[:500])), "stage_id", mail_stage.id)
        services.deal_bulk.update(DealSelection(ids=tuple(pool[500:])), "stage_id", field_stage.id)
        engine = services.automation_engine("benchmark")
        start = time.perf_counter()
        done = sent = 0
        while True:
            run = engine.run_due(limit=200)
            done, sent = done + run.done, sent + run.sent
            if not run.anything:
                break
        ran_ms = (time.perf_counter() - start) * 1000
        results["automation_run_1000"] = scenario(
            ran_ms, None, jobs_done=done, emails_sent=sent, received=Box.received
        )
    finally:
        controller.stop()

    # -- automation_idle_cpu: the engine asking every 15 s whether anything is due, for a minute ---
    cpu_before, wall_before = _cpu_s(), time.perf_counter()
    probes = 0
    while time.perf_counter() - wall_before < idle_seconds:
        engine.idle(utcnow() - timedelta(days=1))
        probes += 1
        time.sleep(15 if idle_seconds >= 60 else idle_seconds / 4)
    spent = _cpu_s() - cpu_before
    wall = time.perf_counter() - wall_before
    results["automation_idle_cpu"] = {
        "cpu_pct": round(100 * spent / wall, 3),
        "cpu_ms": round(spent * 1000, 1),
        "wall_s": round(wall, 1),
        "probes": probes,
    }
    services.close()
    del app
    return results
