"""People in the window: signing in, Settings › Users and departments (issue 16)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.dialogs.sign_in_dialog import SignInDialog
from app.gui.application import sign_in
from app.services.container import Services
from app.ui.settings import LAST_LOGIN, UserSettings


@pytest.fixture
def two_people(services: Services) -> Services:
    anna = services.users.create(login="anna", name="Anna Berg")
    services.passwords.set_password(anna.id, "anna's password")
    return services


def test_a_wrong_password_is_said_in_the_dialog_and_the_right_one_signs_in(qtbot, two_people) -> None:
    dialog = SignInDialog(two_people, last_login="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_login() == "anna"  # the last login on this computer is offered
    qtbot.keyClicks(dialog.password, "guess")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "The login or the password is wrong."
    assert dialog.signed_in is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "anna's password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed_in.login == "anna"


def test_a_person_picked_from_the_list_signs_in_by_login(qtbot, two_people) -> None:
    dialog = SignInDialog(two_people)
    qtbot.addWidget(dialog)
    dialog.login.setCurrentIndex(dialog.login.findData("anna"))
    assert dialog.login.currentText() == "Anna Berg (anna)"
    assert dialog.chosen_login() == "anna"


def test_the_window_asks_who_signs_in_and_remembers_them(qtbot, two_people, settings: UserSettings, monkeypatch):
    monkeypatch.delenv("DEALDESK_PASSWORD", raising=False)
    answered: list[SignInDialog] = []

    def answer(dialog: SignInDialog) -> int:
        answered.append(dialog)
        dialog.password.setText("anna's password")
        dialog.login.setEditText("anna")
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", answer)
    signed = sign_in(two_people, settings, None, "office.sqlite")
    assert signed is not None
    assert signed.actor.login == "anna"
    assert settings.get(LAST_LOGIN) == "anna"
    assert len(answered) == 1


def test_cancelling_the_sign_in_opens_nothing(qtbot, two_people, settings: UserSettings, monkeypatch) -> None:
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert sign_in(two_people, settings, None, "office.sqlite") is None


def test_one_person_without_a_password_comes_straight_in(services: Services, settings: UserSettings) -> None:
    assert sign_in(services, settings, None, "office.sqlite") is services


def test_the_user_option_with_the_password_in_the_environment_skips_the_dialog(
    two_people, settings: UserSettings, monkeypatch
) -> None:
    monkeypatch.setenv("DEALDESK_PASSWORD", "anna's password")
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: pytest.fail("no dialog expected"))
    signed = sign_in(two_people, settings, "anna", "office.sqlite")
    assert signed.actor.login == "anna"
