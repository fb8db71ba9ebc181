"""The first-run assistant on a fresh home folder, each of its three choices: just this computer, an
office file on a shared drive, a PostgreSQL server (a stub here; the real server in
tests/integration/test_first_run_postgres.py). The answers applied to the new database: the office's
details, the base currency, the administrator's password, demo data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.dialogs.first_run.assistant import FirstRunAssistant, Start, Where
from app.gui.first_run import apply, begin
from app.gui.launch import first_run_needed
from app.services.container import open_services
from app.services.deals.filters import DealFilter
from app.ui.i18n import install_translations
from app.ui.settings import FIRST_RUN_DONE, LANGUAGE, UserSettings


@pytest.fixture
def assistant(qtbot, qapp: QApplication, tmp_path: Path):  # type: ignore[no-untyped-def]
    held: list = []
    tested: list[str] = []
    answers = {"postgresql+psycopg://nobody@127.0.0.1:1/none": "connection refused"}

    def switch(code: str) -> None:
        for translator in held:
            qapp.removeTranslator(translator)
        held[:] = install_translations(qapp, code)

    def server(url: str) -> str | None:
        tested.append(url)
        return answers.get(url)

    made = FirstRunAssistant(
        str(tmp_path / "home" / "dealdesk.sqlite"),
        "en",
        switch,
        server,
        is_network=lambda path: str(path).startswith("/mnt/office"),
    )
    made.tested_urls = tested  # type: ignore[attr-defined]
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    switch("en")
    for translator in held:
        qapp.removeTranslator(translator)


def _next(assistant: FirstRunAssistant) -> None:
    assistant.next()
    QCoreApplication.processEvents()


def test_just_me_with_a_company_in_swiss_francs_a_password_and_demo_data(
    qtbot, assistant: FirstRunAssistant, settings: UserSettings, tmp_path: Path
) -> None:
    assert first_run_needed(assistant.local_database, settings) is False  # not the default place
    page = assistant.language_page
    page.choice.setCurrentIndex(page.choice.findData("de"))
    qtbot.waitUntil(lambda: assistant.language_page.title() == "Willkommen bei Dealdesk")
    assert assistant.where_page.local.text() == "Nur ich, auf diesem Computer"  # every page, at once
    page.choice.setCurrentIndex(page.choice.findData("en"))
    qtbot.waitUntil(lambda: assistant.language_page.title() == "Welcome to Dealdesk")
    _next(assistant)
    assert assistant.where_page.local.isChecked()
    assert assistant.where_page.local_path.text().strip() == assistant.local_database
    _next(assistant)
    company = assistant.company_page
    company.name.setText("Muster AG")
    company.address.setPlainText("Bahnhofstrasse 1\n8001 Zürich")
    company.iban.setText("DE02 1203 0000 0000 2020 52")  # a wrong check digit
    company.currency.setCurrentIndex(company.currency.findData("CHF"))
    _next(assistant)
    assert assistant.currentPage() is company  # refused, said why
    assert "is not an IBAN" in company.problem.text()
    company.iban.setText("DE02 1203 0000 0000 2020 51")
    _next(assistant)
    admin = assistant.admin_page
    assert assistant.currentPage() is admin
    assert "optional" in admin.note.text()
    admin.password.setText("kurz")
    admin.again.setText("kurz")
    _next(assistant)
    assert admin.problem.text() == "A password has at least 8 characters."
    admin.password.setText("geheim123")
    admin.again.setText("geheim123")
    _next(assistant)
    assistant.start_page.demo.setChecked(True)
    assistant.accept()
    answers = assistant.answers
    assert (answers.where, answers.currency, answers.start) == (Where.LOCAL, "CHF", Start.DEMO)
    Path(answers.database).parent.mkdir(parents=True)  # as the start-up does for "just me"
    services = open_services(answers.database, language=answers.language)
    try:
        assert apply(services, answers, settings) == []
        assert settings.get(FIRST_RUN_DONE) == 1
        assert settings.get(LANGUAGE) == "en"
        assert services.document_settings.my_company()["name"] == "Muster AG"
        assert services.currencies.base_code() == "CHF"
        rates = {c.code: c.rate for c in services.currencies.list()}
        assert rates["CHF"] == 1
        assert rates["EUR"] == Decimal("0.943396")  # a franc was 1.06 euros: a euro is 0.943396 francs
        assert services.passwords.has_password(services.context.actor_id)  # type: ignore[arg-type]

        class Window(QWidget):  # what begin() needs of the main window: its deals area
            def __init__(self) -> None:
                super().__init__()
                self.refreshed = 0
                self.deals = self

            def refresh(self) -> None:
                self.refreshed += 1

        window = Window()
        qtbot.addWidget(window)
        begin(window, services, answers)  # synchronous in the tests
        assert services.deal_queries.count(DealFilter()) == 2_000
        assert window.refreshed == 1
    finally:
        services.close()


def test_an_office_file_warns_on_a_local_disk_and_explains_the_journal_on_a_network_drive(
    qtbot, assistant: FirstRunAssistant, tmp_path: Path
) -> None:
    _next(assistant)
    where = assistant.where_page
    where.shared.setChecked(True)
    assert not assistant.button(assistant.WizardButton.NextButton).isEnabled()  # a path first
    where.path.setText(str(tmp_path / "office.sqlite"))
    assert "this computer's own disk" in where.warning.text()
    where.path.setText("/mnt/office/dealdesk.sqlite")
    assert "rollback journal" in where.warning.text()
    assert "WAL" in where.warning.text()
    _next(assistant)
    assert assistant.currentPage() is where  # the folder is not there: is the drive connected?
    assert "Is the network drive connected?" in where.warning.text()
    (tmp_path / "share").mkdir()
    where.path.setText(str(tmp_path / "share" / "office.sqlite"))
    _next(assistant)
    _next(assistant)  # the company can wait
    admin = assistant.admin_page
    assert "protect the administrator" in admin.note.text()
    _next(assistant)
    assert admin.problem.text() == "A shared database needs the administrator's password."
    admin.password.setText("office-2026")
    admin.again.setText("office-2026")
    _next(assistant)
    assistant.accept()
    assert assistant.answers.where is Where.SHARED
    assert assistant.answers.database == str(tmp_path / "share" / "office.sqlite")
    assert assistant.answers.start is Start.EMPTY


def test_a_server_is_tested_before_going_on(qtbot, assistant: FirstRunAssistant) -> None:
    _next(assistant)
    where = assistant.where_page
    where.server.setChecked(True)
    where.url.setText("postgresql+psycopg://nobody@127.0.0.1:1/none")
    _next(assistant)
    assert assistant.currentPage() is where
    assert where.tested.text() == "No connection: connection refused"
    where.url.setText("postgresql+psycopg://office@127.0.0.1:5432/dealdesk")
    _next(assistant)
    assert assistant.currentPage() is assistant.company_page
    assert assistant.tested_urls[-1] == "postgresql+psycopg://office@127.0.0.1:5432/dealdesk"  # type: ignore[attr-defined]
    assert assistant.answers.language == "en"


START = """
import sys
from app.dialogs.first_run.assistant import FirstRunAssistant

def answer(self):
    print("asked", self.local_database, flush=True)
    self.company_page.name.setText("Erststart GmbH")
    self.accept()
    return 1

FirstRunAssistant.exec = answer
from app.config import default_database
from app.gui.launch import run_gui
sys.exit(run_gui(default_database(), exit_when_shown=True))
"""


def test_the_first_start_on_a_fresh_home_asks_then_opens_the_new_database(tmp_path: Path) -> None:
    """The real start-up, in a process of its own with an empty home (data and settings folders)."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("DEALDESK_DB", None)
    database = tmp_path / "data" / "Dealdesk" / "dealdesk.sqlite"
    started = subprocess.run(
        [sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=120
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert f"asked {database}" in started.stdout
    assert "shown " in started.stdout  # the main window came up
    assert "frame " not in started.stdout  # the assistant was the first window, not a frame
    services = open_services(str(database))
    try:
        assert services.document_settings.my_company()["name"] == "Erststart GmbH"
    finally:
        services.close()
    again = subprocess.run(
        [sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert "asked" not in again.stdout  # never again
    assert "shown " in again.stdout
