"""The access rules on the PostgreSQL server the tests start: the same tests as on a file
(tests/unit/test_access_rights.py), the matrix of random roles among them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.container import Services, open_services

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from test_access_rights import (
    office,  # noqa: F401 - a fixture, used by the tests below
    test_a_manager_sees_the_department_and_its_sub_departments,  # noqa: F401
    test_a_salesperson_sees_own_observed_and_open_deals_everywhere,  # noqa: F401
    test_analytics_count_only_deals_the_person_may_read_and_whose_figures_they_may_see,  # noqa: F401
    test_edits_deletes_and_moves_are_refused_with_the_reason,  # noqa: F401
    test_the_visible_deals_are_exactly_what_the_roles_say,  # noqa: F401
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def services(postgres_url: str) -> Iterator[Services]:
    opened = open_services(postgres_url)
    yield opened
    opened.close()


def test_a_rights_change_on_another_pc_reaches_writes_at_once_and_reads_within_a_second(
    postgres_url: str,
) -> None:
    """On a server a read takes the rights stamp read less than a second ago (one round trip fewer
    per read); a write always asks the server. Here Ben, on another PC, is switched off."""
    import time

    from app.services.core.errors import PermissionDeniedError
    from app.services.deals.filters import DealFilter
    from app.storage.database import STAMP_LEASE_S

    admin = open_services(postgres_url)
    other_pc = open_services(postgres_url)
    try:
        admin.deals.create(title="Somebody else's")
        user = admin.users.create(login="ben-lease", name="Ben Berg")
        ben = other_pc.as_user("ben-lease")
        assert ben.deal_queries.count(DealFilter()) == 1  # the stamp now fresh on Ben's PC
        admin.users.update(user.id, user.version, is_active=False)  # nothing any more
        with pytest.raises(PermissionDeniedError):
            ben.deals.create(title="Not any more")  # a write asks the server: refused at once
        time.sleep(STAMP_LEASE_S + 0.1)
        assert ben.deal_queries.count(DealFilter()) == 0  # reads: within a second
    finally:
        other_pc.close()
        admin.close()
