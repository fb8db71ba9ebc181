"""The first-run assistant's server test against a real PostgreSQL on 127.0.0.1 (started by the
integration fixtures): it answers for the right address, and says plainly why not for a wrong one."""

from __future__ import annotations

import socket

from app.gui.first_run import check_server


def test_the_assistant_reaches_a_real_server_and_names_what_is_wrong(postgres_url: str) -> None:
    assert check_server(postgres_url) is None
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    wrong = postgres_url.rsplit("@", 1)[0] + f"@127.0.0.1:{free}/dealdesk"
    said = check_server(wrong)
    assert said is not None
    assert "refused" in said.lower() or "connect" in said.lower()
    assert check_server("mysql://x@y/z") == (
        "A PostgreSQL address begins with postgresql+psycopg://user@server/database"
    )
