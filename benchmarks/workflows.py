"""Workflow scenarios, on a copy of the demo file:

- workflow_start_1000: a 10-step template started on 1,000 deals by the bulk action (one transaction);
  raw: the same 1,000 rows inserted by sqlite3 in one transaction.
- workflow_run_100: a hundred of them run to their end (10 steps each: comments, variables, a
  condition, a task); what the engine adds per step is `workflow_step_overhead`: 100 instances of ten
  comment steps through the engine, against the same 1,000 comment actions run directly.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario


def _comment(step_id: str, text: str) -> dict[str, Any]:
    return {"id": step_id, "kind": "action", "action": "comment", "params": {"text": text}}


TEN_STEPS = {
    "variables": {"size": ""},
    "steps": [
        _comment("c1", "Started"),
        {"id": "v1", "kind": "set_variable", "name": "size", "value": "checked"},
        {
            "id": "big",
            "kind": "condition",
            "branches": [
                {
                    "label": "Big",
                    "when": [{"field": "amount", "op": "gt", "value": "10000"}],
                    "steps": [{"id": "v2", "kind": "set_variable", "name": "size", "value": "big"}],
                },
                {
                    "label": "Small",
                    "steps": [{"id": "v3", "kind": "set_variable", "name": "size", "value": "small"}],
                },
            ],
        },
        _comment("c2", "A {{ var.size }} deal"),
        {
            "id": "t1",
            "kind": "action",
            "action": "task",
            "params": {"title": "Look at {{ var.size }}", "in_hours": 24},
        },
        {"id": "v4", "kind": "set_variable", "name": "done", "value": "yes"},
        _comment("c3", "Checked"),
        {"id": "v5", "kind": "set_variable", "name": "end", "value": "1"},
        _comment("c4", "Done"),
    ],
}
COMMENTS_ONLY = {"steps": [_comment(f"c{n}", f"Step {n}") for n in range(10)]}


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "workflows.sqlite"
        shutil.copyfile(path, copy)
        return _run(copy, runs)


def _run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    from app.models import WorkflowInstance
    from app.services.automation.actions import ACTIONS, Act
    from app.services.container import open_services
    from app.services.deals.filters import DealFilter
    from app.services.deals.queries import DealSort

    services = open_services(str(path))
    results: dict[str, dict[str, Any]] = {}
    try:
        template = services.workflows.create("Benchmark", "deal", TEN_STEPS)
        ids = [r.id for r in services.deal_queries.page(DealFilter(closed=False), DealSort(), 0, 3_000)]
        groups = [ids[n * 1000 : (n + 1) * 1000] for n in range(3)]
        started: list[float] = []

        def start_once(group: list[int]) -> None:
            begin = time.perf_counter()
            services.workflows.start(template.id, group)
            started.append((time.perf_counter() - begin) * 1000)

        for group in groups[: max(1, min(runs, 3))]:
            start_once(group)
        state = json.dumps({"tokens": [{"id": 1, "at": [0]}], "vars": {}})

        def raw_insert() -> None:
            with sqlite3.connect(path) as raw:
                raw.executemany(
                    "INSERT INTO workflow_instance (template_id, version_id, entity, record_id, status,"
                    " state, path, next_at, depth, started_at, steps_run, revision)"
                    " VALUES (?, ?, 'deal', ?, 'finished', ?, '[]', NULL, 0, CURRENT_TIMESTAMP, 0, 0)",
                    [(template.id, 1, i, state) for i in groups[0]],
                )

        raw_ms = median_ms(raw_insert, max(1, min(runs, 3)))
        results["workflow_start_1000"] = scenario(
            sorted(started)[len(started) // 2], raw_ms, steps=10, records=len(groups[0])
        )

        with services.database.session(write=True) as session:  # a hundred of them run (1,000 steps)
            session.query(WorkflowInstance).filter(
                WorkflowInstance.record_id.not_in(groups[0][:100]), WorkflowInstance.status == "running"
            ).update({"status": "stopped"}, synchronize_session=False)
        engine = services.automation_engine("benchmark").workflows
        begin = time.perf_counter()
        steps = 0
        while True:
            ran = engine.run_due(limit=200)
            steps += ran.steps
            if not ran.steps:
                break
        run_ms = (time.perf_counter() - begin) * 1000
        results["workflow_run_100"] = scenario(
            run_ms, None, steps=steps, per_step_ms=round(run_ms / max(steps, 1), 2)
        )

        # -- the engine's own cost per step: ten comments through it vs. the same actions directly ------
        comments = services.workflows.create("Ten comments", "deal", COMMENTS_ONLY)
        hundred = ids[:100]
        services.workflows.start(comments.id, hundred)
        begin = time.perf_counter()
        engine_steps = 0
        while True:
            ran = engine.run_due(limit=200)
            engine_steps += ran.steps
            if not ran.steps:
                break
        engine_ms = (time.perf_counter() - begin) * 1000
        from app.models import utcnow

        spec = ACTIONS["comment"]
        begin = time.perf_counter()
        for deal_id in hundred:
            deal = services.deals.get(deal_id)
            for n in range(10):
                spec.run(Act(services.context, deal, {"text": f"Step {n}"}, None, utcnow(), "en"))
        direct_ms = (time.perf_counter() - begin) * 1000
        results["workflow_step_overhead"] = scenario(
            (engine_ms - direct_ms) / max(engine_steps, 1),
            None,
            steps=engine_steps,
            engine_ms_per_step=round(engine_ms / max(engine_steps, 1), 2),
            action_ms=round(direct_ms / 1000, 2),
        )
    finally:
        services.close()
    return results
