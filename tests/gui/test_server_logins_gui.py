"""Settings › Users on a server: an administrator gives a person a database login of their own; on a
file there is no such button."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from app.services.container import Services, open_services
from app.views.people_settings import PeopleSettings


def _page(qtbot, services: Services) -> PeopleSettings:
    page = PeopleSettings(services)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _choose(page: PeopleSettings, login: str) -> None:
    for i in range(page.table.topLevelItemCount()):
        item = page.table.topLevelItem(i)
        if item.text(1) == login:
            page.table.setCurrentItem(item)
            return
    raise AssertionError(f"{login} is not listed")


@pytest.mark.postgres
def test_an_administrator_gives_a_person_a_server_login(qtbot, postgres_url: str, monkeypatch) -> None:
    services = open_services(postgres_url)
    try:
        sam = services.users.create(login="sam", name="Sam Seller")
        page = _page(qtbot, services)
        button = page.findChild(QPushButton, "serverLogin")
        assert button.isVisible()
        assert button.isEnabled()
        _choose(page, "sam")
        asked: list[str] = []
        told: list[str] = []

        def password(_parent, _title, label, *_args):
            asked.append(label)
            return "sam-secret-1", True

        monkeypatch.setattr(QInputDialog, "getText", password)
        monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "Sam Seller's own login" in asked[0]
        assert "“dealdesk_sam”" in told[0]
        assert services.users.server_logins() == {"dealdesk_sam": sam.id}
        # A password too short: refused in words, nothing made.
        warned: list[str] = []
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("short", True))
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "at least 8 characters" in warned[0]
    finally:
        services.close()


def test_a_file_has_no_server_logins(qtbot, services: Services) -> None:
    page = _page(qtbot, services)
    assert not page.findChild(QPushButton, "serverLogin").isVisible()
