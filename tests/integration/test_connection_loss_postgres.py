"""The server restarting under a running Dealdesk: said in words, nothing half-saved, recovered
without a restart."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

from app.models import Company
from app.services.container import open_services
from app.services.core.errors import DatabaseError, StorageProblem
from app.services.customers.queries import CustomerKind, CustomerSort

pytestmark = pytest.mark.postgres


def _titles(services) -> list[str]:
    return sorted(r.name for r in services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 50))


def test_a_server_restart_under_a_running_dealdesk(own_postgres) -> None:
    url = own_postgres.new_database("office")
    services = open_services(url)
    monitor = services.change_monitor()
    try:
        services.companies.create(title="Before")
        assert monitor.poll() is False
        own_postgres.stop()
        with pytest.raises(DatabaseError, match="can't be reached") as refused:
            services.companies.create(title="While it was down")
        assert refused.value.problem is StorageProblem.UNREACHABLE
        with pytest.raises(DatabaseError, match="can't be reached"):
            services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 50)
        with pytest.raises(DatabaseError, match="can't be reached"):  # the listener notices too
            _poll_for(monitor, 10)
        own_postgres.start()
        # The same services, no restart: reads and writes work again, the listener listens again.
        assert _titles(services) == ["Before"]
        services.companies.create(title="After")
        assert monitor.poll() is False  # listening anew: a first reading
        other = open_services(url)
        other.companies.create(title="From a colleague")
        other.close()
        deadline = time.monotonic() + 5
        while not monitor.poll() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert monitor.heard
        assert _titles(services) == ["After", "Before", "From a colleague"]
    finally:
        monitor.close()
        services.close()


def test_a_write_cut_off_is_never_half_saved_and_is_reported(own_postgres) -> None:
    url = own_postgres.new_database("office")
    services = open_services(url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        services.companies.create(title="Kept")
        with pytest.raises(DatabaseError, match=r"connection to the database server .* was lost") as lost:
            _write_cut_off(services, admin)
        assert lost.value.problem is StorageProblem.UNREACHABLE
        assert _titles(services) == ["Kept"]  # neither of the two rows of the cut-off write
        services.companies.create(title="Next")
        assert _titles(services) == ["Kept", "Next"]
    finally:
        admin.dispose()
        services.close()


def _poll_for(monitor, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        monitor.poll()
        time.sleep(0.1)


def _write_cut_off(services, admin) -> None:
    """A write of two rows whose connection the server ends (a restart, a dropped network) halfway."""
    with services.context.write() as uow:
        uow.session.add(Company(title="First half"))
        uow.session.flush()
        pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar()
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        uow.session.add(Company(title="Second half"))


def _drop_pooled_connections(url: str, keep: int) -> int:
    """What a firewall closing idle connections does: the server ends every connection to the
    database but `keep` (a backend pid) and the one asking."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), :keep)"
                    ),
                    {"keep": keep},
                ).scalar()
            )
    finally:
        admin.dispose()


def test_a_read_cut_off_makes_the_views_read_again_once_the_server_answers(own_postgres) -> None:
    url = own_postgres.new_database("office")
    services = open_services(url)
    monitor = services.change_monitor()
    try:
        services.companies.create(title="Before")
        assert monitor.poll() is False  # listening (on a connection of its own)
        assert _titles(services) == ["Before"]  # a pooled connection, used a moment ago
        assert _drop_pooled_connections(url, monitor._listener.info.backend_pid) >= 1
        with pytest.raises(DatabaseError, match="was lost") as lost:
            services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 50)
        assert lost.value.problem is StorageProblem.UNREACHABLE
        # The listener's connection is fine, nobody wrote: yet the views are told to read again.
        assert monitor.poll() is True
        assert monitor.heard == []
        assert _titles(services) == ["Before"]
        assert monitor.poll() is False  # once
        # A write whose first message (BEGIN, the writers' lock, the rights stamp) finds its
        # connection gone: said in words, nothing saved, the next one fine.
        _drop_pooled_connections(url, monitor._listener.info.backend_pid)
        with pytest.raises(DatabaseError, match="was lost"):
            services.companies.create(title="Lost on its way")
        services.companies.create(title="After")
        assert _titles(services) == ["After", "Before"]
        assert monitor.poll() is True  # the write's lost connection too
    finally:
        monitor.close()
        services.close()
