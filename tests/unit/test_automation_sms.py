"""SMS from automation through an HTTP gateway the test starts on 127.0.0.1: numbers in E.164 (read
in the office's country), the text and the number where the gateway's parameters say, the secret in
its header; a gateway that answers 4xx makes a visible failure, 5xx a later try."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.automation.sms import SmsGateway, e164
from app.services.container import Services
from app.services.core.errors import ValidationError


class Gateway:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200


@pytest.fixture
def gateway() -> Iterator[tuple[Gateway, str]]:
    state = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            state.received.append(
                {"form": dict(urllib.parse.parse_qsl(body)), "auth": self.headers.get("X-Key")}
            )
            self.send_response(state.status)
            self.end_headers()
            self.wfile.write(b"ok" if state.status == 200 else b"rejected: bad number")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/send"
    finally:
        server.shutdown()
        server.server_close()


def test_numbers_are_written_in_e164_in_the_offices_country() -> None:
    assert e164("0170 1234567", "DE") == "+491701234567"
    assert e164("+43 664 1234567", "DE") == "+436641234567"
    assert e164("020 7946 0958", "GB") == "+442079460958"
    assert e164("call me", "DE") is None


def test_an_sms_reaches_the_gateway_and_a_refusal_is_shown(
    services: Services, gateway: tuple[Gateway, str]
) -> None:
    box, url = gateway
    with pytest.raises(ValidationError) as refused:
        services.outbox.save_gateway(SmsGateway("ftp://x", "PUT", "number=1"), region="Germany")
    assert len(refused.value.problems) == 4
    services.outbox.save_gateway(
        SmsGateway(url, "POST", "to={to}&message={text}&from=Dealdesk", header_name="X-Key"), region="DE"
    )
    stages = [s.id for s in services.pipelines.list()[0].stages]
    services.automation.add_rule(
        stages[1], "Text the client", "sms", {"text": "Hello {{ contact.first_name }}"}
    )
    contact = services.contacts.create(first_name="Maria", last_name="Meyer", phone="0170 1234567")
    deal = services.deals.create(title="Kitchen", stage_id=stages[1], contact_ids=[contact.id])
    run = services.automation_engine("pc").run_due()
    assert (run.done, run.sent) == (1, 1)
    assert box.received == [
        {"form": {"to": "+491701234567", "message": "Hello Maria", "from": "Dealdesk"}, "auth": None}
    ]
    assert ("sms", "+491701234567") in [(h.action, h.field) for h in services.deals.history(deal.id)]
    box.status = 400
    other = services.deals.create(title="Other", stage_id=stages[1], contact_ids=[contact.id])
    services.automation_engine("pc").run_due()
    [failed] = [m for m in services.outbox.messages() if m.deal_id == other.id]
    assert (failed.status, "400" in (failed.error or ""), "bad number" in (failed.error or "")) == (
        "failed",
        True,
        True,
    )


def test_a_deal_without_a_usable_number_sends_nothing_and_says_why(
    services: Services, gateway: tuple[Gateway, str]
) -> None:
    box, url = gateway
    services.outbox.save_gateway(SmsGateway(url), region="DE")
    stages = [s.id for s in services.pipelines.list()[0].stages]
    services.automation.add_rule(stages[1], "Text", "sms", {"text": "Hi"})
    contact = services.contacts.create(first_name="Max", last_name="Muster", phone="ask reception")
    deal = services.deals.create(title="Kitchen", stage_id=stages[1], contact_ids=[contact.id])
    services.automation_engine("pc").run_due()
    [job] = services.automation_log.jobs(deal_id=deal.id)
    assert str(job.result) == "No SMS sent: “ask reception” is not a phone number."
    assert box.received == []
