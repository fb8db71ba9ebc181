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
    return sorted(
        r.name for r in services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 50)
    )


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
