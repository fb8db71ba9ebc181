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
