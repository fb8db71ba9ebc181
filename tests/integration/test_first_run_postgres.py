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


def test_the_assistant_sets_up_an_office_on_a_real_server(qtbot, postgres_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The third choice end to end: the server's address typed, tested on Next, the answers applied
    to the new database on the server."""
    from app.dialogs.first_run.assistant import FirstRunAssistant, Where
    from app.gui.first_run import apply
    from app.services.container import open_services
    from app.ui.settings import FIRST_RUN_DONE, LANGUAGE, UserSettings

    assistant = FirstRunAssistant(str(tmp_path / "local.sqlite"), "en", lambda _code: None, check_server)
    qtbot.addWidget(assistant)
    assistant.show()
    assistant.next()
    where = assistant.where_page
    where.server.setChecked(True)
    where.url.setText(postgres_url)
    assistant.next()  # tested against the real server on the way
    assert assistant.currentPage() is assistant.company_page, where.tested.text()
    assert where.tested.text() == "Connected: the server answers."
    assistant.company_page.name.setText("Server Office GmbH")
    assistant.next()
    assistant.admin_page.password.setText("server-2026")
    assistant.admin_page.again.setText("server-2026")
    assistant.next()
    assistant.accept()
    assert (assistant.answers.where, assistant.answers.database) == (Where.SERVER, postgres_url)
    services = open_services(postgres_url)
    settings = UserSettings()
    try:
        assert apply(services, assistant.answers, settings) == []
        assert services.document_settings.my_company()["name"] == "Server Office GmbH"
        assert services.passwords.has_password(services.context.actor_id)  # type: ignore[arg-type]
    finally:
        services.close()
        settings.set(LANGUAGE, "")  # the tests' shared settings as they were
        settings.set(FIRST_RUN_DONE, 0)
