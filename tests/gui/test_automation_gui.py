"""Automation as a person sets it up: a rule added in the editor; a deal moved into its stage; the
engine (the app's own timer) sends the client's e-mail, which arrives at a real SMTP server on
127.0.0.1, and the deal's timeline shows it. The run log shows and reruns jobs; the mail settings
refuse what is wrong and send a test mail; a trigger is added on the board."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from smtp_box import Mailbox, running_mailbox

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from app.automation.mail import SmtpAccount
from app.dialogs.rule_dialog import RuleDialog
from app.dialogs.run_log_dialog import RunLogDialog
from app.dialogs.trigger_dialog import TriggerDialog
from app.services.container import Services
from app.views.automation.engine_timer import EngineTimer
from app.views.automation.mail_settings import MailSettings
from app.views.automation.rules_board import AutomationSettings


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    yield from running_mailbox()


def _board(qtbot, services: Services) -> AutomationSettings:  # type: ignore[no-untyped-def]
    board = AutomationSettings(services)
    qtbot.addWidget(board)
    board.resize(1200, 600)
    board.show()
    qtbot.waitExposed(board)
    return board


def test_a_rule_from_the_editor_sends_the_clients_mail_and_the_timeline_shows_it(
    qtbot, services: Services, mailbox: tuple[Mailbox, int], monkeypatch
) -> None:
    from app.dialogs.deal_form.deal_form_dialog import DealFormDialog

    box, port = mailbox
    services.outbox.save_account(SmtpAccount("127.0.0.1", port, "none", "", "office@example.com"))
    stages = [s.id for s in services.pipelines.list()[0].stages]
    board = _board(qtbot, services)

    def fill(dialog: RuleDialog) -> int:
        dialog.name.setText("Send the welcome")
        dialog.action.setCurrentIndex(dialog.action.findData("email"))
        editors = dialog._editors["email"]
        editors["subject"].setText("Welcome, {{ contact.first_name }}")
        editors["body"].setPlainText("Thank you for your order of {{ deal.title }}.")
        assert dialog.pages.currentIndex() == dialog.action.currentIndex()
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RuleDialog, "exec", fill)
    qtbot.mouseClick(
        board.findChild(type(board.log_button), f"addRule_{stages[1]}"), Qt.MouseButton.LeftButton
    )
    rules = board.stage_lists[stages[1]]
    qtbot.waitUntil(lambda: board.stage_lists[stages[1]].count() == 1)
    assert board.stage_lists[stages[1]].item(0).text().startswith("Send the welcome\n")
    del rules
    contact = services.contacts.create(first_name="Maria", last_name="Meyer", email="maria@example.com")
    deal = services.deals.create(title="Kitchen for Meyer", stage_id=stages[0], contact_ids=[contact.id])
    services.deals.move_stage(deal.id, stages[1])
    timer = EngineTimer(services, interval_ms=100)
    try:
        qtbot.waitUntil(lambda: len(box.received) == 1, timeout=10_000)
    finally:
        timer.stop()
    [(to, mail)] = box.received
    assert to == ["maria@example.com"]
    assert mail["Subject"] == "Welcome, Maria"
    qtbot.waitUntil(lambda: any(h.action == "email" for h in services.deals.history(deal.id)), timeout=5000)
    form = DealFormDialog(services, deal_id=deal.id)
    qtbot.addWidget(form)
    form.show()
    form.tabs.setCurrentWidget(form.timeline)
    tree = form.timeline.findChild(QTreeWidget, "timeline")
    assert tree is not None
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    lines = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert "E-mail to maria@example.com: Welcome, Maria" in lines
    assert any(
        line.startswith("Automation “Send the welcome”: Queued an e-mail to maria@example.com")
        for line in lines
    )


def test_the_run_log_shows_jobs_and_runs_a_failed_one_again(qtbot, services: Services) -> None:
    from sqlalchemy import update

    from app.models import AutomationJob

    stages = [s.id for s in services.pipelines.list()[0].stages]
    services.automation.add_rule(stages[1], "Say hello", "comment", {"text": "Hello"})
    deal = services.deals.create(title="Kitchen", stage_id=stages[1])
    with services.database.session(write=True) as session:  # it failed (a server was down, say)
        session.execute(update(AutomationJob).values(status="failed", result=None))
    dialog = RunLogDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tree.topLevelItemCount() == 1
    item = dialog.tree.topLevelItem(0)
    assert (item.text(1), item.text(3)) == ("Say hello", "Failed")
    assert item.text(2) == f"Kitchen (#{deal.id})"
    dialog.tree.setCurrentItem(item)
    assert dialog.retry.isEnabled()
    qtbot.mouseClick(dialog.retry, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItem(0).text(3) == "Waiting"
    services.automation_engine("pc").run_due()
    dialog.reload()
    assert dialog.tree.topLevelItem(0).text(3) == "Done"
    assert dialog.tree.topLevelItem(0).text(4) == "Commented: “Hello”."
    dialog.status.setCurrentIndex(dialog.status.findData("failed"))
    assert dialog.tree.topLevelItemCount() == 0


def test_mail_settings_refuse_what_is_wrong_and_send_a_test_mail(
    qtbot, services: Services, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    settings = MailSettings(services)
    qtbot.addWidget(settings)
    settings.show()
    settings.host.setText("")
    assert not settings.save()
    assert "mail server's name" in settings.state.text()
    assert services.outbox.account() is None
    settings.host.setText("127.0.0.1")
    settings.port.setValue(port)
    settings.security.setCurrentIndex(settings.security.findData("none"))
    settings.sender.setText("office@example.com")
    assert settings.save()
    assert services.outbox.account() == SmtpAccount("127.0.0.1", port, "none", "", "office@example.com")
    settings.send_test("me@example.com")
    qtbot.waitUntil(lambda: "went out" in settings.state.text(), timeout=5000)
    assert [to for to, _m in box.received] == [["me@example.com"]]


def test_a_trigger_is_added_on_the_board(qtbot, services: Services, monkeypatch) -> None:
    stages = [s.id for s in services.pipelines.list()[0].stages]
    board = _board(qtbot, services)

    def fill(dialog: TriggerDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("task_done"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TriggerDialog, "exec", fill)
    assert board.add_trigger(stages[2])
    assert (
        board.stage_lists[stages[2]].item(0).text()
        == "⚡ A task of the deal is done\nA task of the deal is done"
    )
    [trigger] = services.automation.board(services.pipelines.list()[0].id)[2].triggers
    assert (trigger.kind, trigger.backwards) == ("task_done", False)


def test_a_refused_mail_shows_in_the_outbox_and_goes_out_when_sent_again(
    qtbot, services: Services, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    services.outbox.save_account(SmtpAccount("127.0.0.1", port, "none", "", "office@example.com"))
    stages = [s.id for s in services.pipelines.list()[0].stages]
    services.automation.add_rule(stages[1], "Welcome", "email", {"subject": "Welcome", "body": "Hello"})
    contact = services.contacts.create(first_name="Maria", last_name="Meyer", email="maria@example.com")
    services.deals.create(title="Kitchen", stage_id=stages[1], contact_ids=[contact.id])
    box.answer = "550 5.1.1 No such user"
    services.automation_engine("pc").run_due()
    dialog = RunLogDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    item = dialog.messages.topLevelItem(0)
    assert (item.text(2), item.text(4), item.text(5)) == ("maria@example.com", "Failed", "1")
    assert "550" in item.text(6)
    dialog.messages.setCurrentItem(item)
    box.answer = None
    qtbot.mouseClick(dialog.send_again, Qt.MouseButton.LeftButton)
    assert dialog.messages.topLevelItem(0).text(4) == "Queued"
    services.automation_engine("pc").run_due()
    assert [to for to, _m in box.received] == [["maria@example.com"]]
