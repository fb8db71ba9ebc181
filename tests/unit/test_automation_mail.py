"""E-mail from automation, through a real SMTP server the test starts on 127.0.0.1 (aiosmtpd): the
client's e-mail arrives with its recipient, subject, text and document; it is written on the deal's
timeline; a server that answers "try later" gets the mail again later, one that refuses makes a
visible failure that can be retried. Nothing goes anywhere but 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from docx_templates import word_file
from smtp_box import Mailbox, running_mailbox

from app.automation.mail import SmtpAccount
from app.models import utcnow
from app.services.container import Services
from app.services.core.errors import ServiceError, ValidationError


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    yield from running_mailbox()


def _office(services: Services, port: int) -> list[int]:
    services.outbox.save_account(SmtpAccount("127.0.0.1", port, "none", "", "office@example.com"))
    return [s.id for s in services.pipelines.list()[0].stages]


def _customer_deal(services: Services, stage_id: int) -> int:
    contact = services.contacts.create(first_name="Maria", last_name="Meyer", email="maria@example.com")
    return services.deals.create(title="Kitchen for Meyer", stage_id=stage_id, contact_ids=[contact.id]).id


def test_the_clients_email_arrives_with_its_document_and_is_on_the_timeline(
    services: Services, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    stages = _office(services, port)
    template = services.document_templates.add_template(
        "Quote", "quote", word_file("Quote for {{ deal.title }}"), "quote.docx"
    )
    services.automation.add_rule(
        stages[1],
        "Send the quote",
        "email",
        {
            "subject": "Your quote: {{ deal.title }}",
            "body": "Dear {{ contact.first_name }},\nhere is your quote & our terms.",
            "template_id": template.id,
        },
    )
    deal = _customer_deal(services, stages[0])
    services.deals.move_stage(deal, stages[1])
    run = services.automation_engine("pc-1").run_due()
    assert (run.done, run.sent) == (1, 1)
    [(to, mail)] = box.received
    assert to == ["maria@example.com"]
    assert mail["Subject"] == "Your quote: Kitchen for Meyer"
    assert mail["From"] == "office@example.com"
    parts = list(mail.walk())
    text = next(p for p in parts if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    text = text.replace("\r\n", "\n")  # SMTP lines end in CR LF
    assert "Dear Maria,\nhere is your quote & our terms." in text  # "&" kept: plain text is not escaped
    [attachment] = [p for p in parts if p.get_filename()]
    assert attachment.get_filename().endswith(".docx")
    assert len(attachment.get_payload(decode=True)) > 1000
    [message] = services.outbox.messages()
    assert (message.status, message.recipient, message.attempts) == ("sent", "maria@example.com", 1)
    timeline = [(h.action, h.field, h.new_value) for h in services.deals.history(deal)]
    assert ("email", "maria@example.com", "Your quote: Kitchen for Meyer") in timeline
    assert services.documents.documents(deal)  # the document made for it is kept with the deal


def test_an_email_sent_moves_the_deal_on(services: Services, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    stages = _office(services, port)
    services.automation.add_rule(stages[1], "Offer", "email", {"subject": "Offer", "body": "Here it is"})
    services.automation.add_trigger(stages[2], "Offer sent", "email_sent")
    deal = _customer_deal(services, stages[1])
    engine = services.automation_engine("pc-1")
    assert engine.run_due().sent == 1
    engine.run_due()  # the trigger's move
    assert services.deals.get(deal).stage_id == stages[2]
    assert len(box.received) == 1


def test_a_server_that_says_try_later_gets_it_later_and_a_refusal_is_shown(
    services: Services, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    stages = _office(services, port)
    services.automation.add_rule(stages[1], "Welcome", "email", {"subject": "Welcome", "body": "Hello"})
    deal = _customer_deal(services, stages[1])
    engine = services.automation_engine("pc-1")
    box.answer = "451 4.3.0 Mailbox busy, try later"
    run = engine.run_due()
    assert (run.done, run.sent, run.send_failed) == (1, 0, 1)
    [message] = services.outbox.messages()
    assert (message.status, message.attempts) == ("queued", 1)
    assert "451" in (message.error or "")
    assert engine.run_due().send_failed == 0  # not again at once: it waits its pause
    box.answer = None
    assert engine.run_due(utcnow() + timedelta(minutes=2)).sent == 1
    assert len(box.received) == 1
    # A refusal for good: failed at once, with the server's words, and can be sent again.
    box.answer = "550 5.1.1 No such user"
    other = _customer_deal(services, stages[1])
    engine.run_due()
    failed = [m for m in services.outbox.messages() if m.deal_id == other]
    assert [(m.status, "550" in (m.error or "")) for m in failed] == [("failed", True)]
    box.answer = None
    services.outbox.retry(failed[0].id)
    assert engine.run_due().sent == 1
    del deal


def test_the_account_is_checked_and_its_test_mail_arrives(
    services: Services, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    with pytest.raises(ValidationError) as refused:
        services.outbox.save_account(SmtpAccount(" ", 0, "tls", "", "nobody"))
    assert [str(p.message) for p in refused.value.problems] == [
        "Give the mail server's name (e.g. smtp.example.com).",
        "A port is a number from 1 to 65535.",
        "Choose STARTTLS, SSL or none.",
        "Give the address the e-mails come from.",
    ]
    assert services.outbox.account() is None
    _office(services, port)
    services.outbox.test_account("me@example.com")
    assert [to for to, _m in box.received] == [["me@example.com"]]
    box.answer = "554 5.7.1 Relaying denied"
    with pytest.raises(ServiceError, match="Relaying denied"):
        services.outbox.test_account("me@example.com")
