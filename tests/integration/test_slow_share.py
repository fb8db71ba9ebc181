"""The app on a slow network share (a FUSE passthrough adding 1 ms per request): it opens, lists,
moves a deal and makes a backup through it, and the share really is in the way (requests counted).
Skips, saying why, where FUSE can't be mounted (no /dev/fuse, libfuse2 or fusepy, no permission)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.services.container import open_services
from app.services.deals.filters import DealFilter
from app.services.deals.queries import DealSort
from benchmarks.slow_share import Unavailable, fuse_problem, mounted, share_stats


@pytest.fixture
def share(demo_path: Path, tmp_path: Path):
    problem = fuse_problem()
    if problem is not None:
        pytest.skip(f"no slow share here: {problem}")
    folder = tmp_path / "server"
    folder.mkdir()
    shutil.copy(demo_path, folder / "office.sqlite")
    try:
        with mounted(folder, 1.0) as mountpoint:
            yield mountpoint
    except Unavailable as exc:
        pytest.skip(f"no slow share here: {exc}")


def test_the_app_works_through_a_slow_share(share: Path, tmp_path: Path) -> None:
    services = open_services(str(share / "office.sqlite"), create=False)
    try:
        before = share_stats(share)
        rows = services.deal_queries.page(DealFilter(), DealSort(), offset=0, limit=50)
        assert len(rows) == 50
        pipeline = services.pipelines.list()[0]
        stages = [s for s in pipeline.stages if s.semantic.value == "in_progress"]
        card = services.kanban.cards(stages[0].id, DealFilter(), limit=1)[0]
        deal = services.deals.get(card.id)
        moved = services.deals.move_each([(deal.id, deal.version)], stages[1].id)
        assert moved == 1
        made = services.backups.make(str(tmp_path / "backups"))
        assert made.ok
        assert made.deals == 400
        after = share_stats(share)
        assert after["reads"] > before["reads"]
        assert after["writes"] > before["writes"]
    finally:
        services.close()
