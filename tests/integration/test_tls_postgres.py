"""TLS to the server through the address alone: `?sslmode=verify-full&sslrootcert=…` reaches every
connection Dealdesk makes (reads, writes, the change listener, a copy), and a server whose
certificate does not verify is refused in words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from postgres_box import _cluster
from sqlalchemy import text

from app.services.container import open_services
from app.services.core.errors import DatabaseError
from app.services.deals.queries import DealFilter
from app.storage.moving.copying import copy_database

pytestmark = pytest.mark.postgres


def test_verify_full_through_the_address(tmp_path: Path) -> None:
    cluster = _cluster(tls=True)
    try:
        ca = cluster.tls / "ca.crt"
        plain = cluster.new_database("office")
        url = plain.replace("127.0.0.1", "localhost") + f"?sslmode=verify-full&sslrootcert={ca}"
        services = open_services(url)
        monitor = services.change_monitor()
        try:
            services.deals.create(title="Over TLS")
            monitor.poll()  # the listener's own connection
            with services.database.engine.connect() as conn:
                encrypted = conn.execute(
                    text("SELECT count(*), count(*) FILTER (WHERE s.ssl) FROM pg_stat_ssl s "
                         "JOIN pg_stat_activity a ON a.pid = s.pid WHERE a.datname = 'office'")
                ).one()  # fmt: skip
            assert encrypted[0] >= 2  # this one and the listener
            assert encrypted[0] == encrypted[1]
            backup = tmp_path / "office-copy.sqlite"
            assert copy_database(url, str(backup)).rows > 0
        finally:
            monitor.close()
            services.close()
        # A certificate from another authority: refused, and said so.
        other = tmp_path / "other"
        other.mkdir()
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Other",
             "-keyout", str(other / "ca.key"), "-out", str(other / "ca.crt")],
            check=True, capture_output=True,
        )  # fmt: skip
        with pytest.raises(DatabaseError, match=r"can.t be reached.*certificate"):
            open_services(url.replace(str(ca), str(other / "ca.crt")))
        opened = open_services(url)
        try:
            assert opened.deal_queries.count(DealFilter(search="over tls")) == 1
        finally:
            opened.close()
    finally:
        cluster.remove()
