"""Sending one SMS through an HTTP gateway the office configures: a URL, GET or POST, the parameters
with {to} and {text} in them, and an authorisation header kept in the password store. Phone numbers
go out in E.164 (+4917012345678), read in the office's country when they carry no country code."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from app.automation.mail import SendError

TIMEOUT_S = 20


@dataclass(frozen=True)
class SmsGateway:
    url: str
    method: str = "POST"  # "GET" (parameters in the URL) or "POST" (a form, or JSON)
    params: str = "to={to}&text={text}"  # a query string; {to} and {text} are filled in
    json_body: bool = False  # POST the parameters as a JSON object instead of a form
    header_name: str = "Authorization"  # the header that carries the secret (its value is kept apart)


def e164(number: str, region: str = "DE") -> str | None:
    """The number in E.164, or None when it is no possible phone number."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def send_sms(gateway: SmsGateway, secret: str | None, to: str, text: str, timeout: float = TIMEOUT_S) -> None:
    pairs = [
        (key, value.replace("{to}", to).replace("{text}", text))
        for key, value in urllib.parse.parse_qsl(gateway.params, keep_blank_values=True)
    ]
    headers = {gateway.header_name: secret} if secret else {}
    if gateway.method.upper() == "GET":
        joiner = "&" if "?" in gateway.url else "?"
        request = urllib.request.Request(
            gateway.url + joiner + urllib.parse.urlencode(pairs), headers=headers
        )
    elif gateway.json_body:
        body = json.dumps(dict(pairs)).encode()
        request = urllib.request.Request(
            gateway.url, body, {**headers, "Content-Type": "application/json"}, method="POST"
        )
    else:
        body = urllib.parse.urlencode(pairs).encode()
        request = urllib.request.Request(
            gateway.url, body, {**headers, "Content-Type": "application/x-www-form-urlencoded"}, method="POST"
        )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read(65536)
    except urllib.error.HTTPError as exc:
        words = exc.read(500).decode(errors="replace").strip()
        raise SendError(
            f"{exc.code} {exc.reason}: {words}".strip(": "), permanent=400 <= exc.code < 500
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise SendError(str(getattr(exc, "reason", exc))) from exc
