"""Sending one e-mail over SMTP: plain, STARTTLS or SSL, with a login if the account has one. A
refusal comes back as SendError with the server's own words (shown in the outbox and the log)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

TIMEOUT_S = 20


class SendError(Exception):
    """The server (or the way to it) refused; `permanent` when trying again cannot help (5xx)."""

    def __init__(self, text: str, *, permanent: bool = False) -> None:
        super().__init__(text)
        self.permanent = permanent


@dataclass(frozen=True)
class SmtpAccount:
    host: str
    port: int = 587
    security: str = "starttls"  # "starttls", "ssl" or "none"
    login: str = ""
    sender: str = ""  # the From address


def build_email(
    account: SmtpAccount,
    to: str,
    subject: str,
    body: str,
    *,
    message_id: str,
    attachment: tuple[str, bytes] | None = None,
) -> EmailMessage:
    """The message; its Message-ID stays the same on every attempt, so a mail sent twice (a PC died
    after the server took it) is recognisably one mail to the receiving side."""
    message = EmailMessage()
    message["From"] = account.sender or account.login
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id or make_msgid(domain="dealdesk")
    message.set_content(body)
    if attachment is not None:
        name, data = attachment
        maintype, subtype = _kind_of(name)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def send(
    account: SmtpAccount, password: str | None, message: EmailMessage, timeout: float = TIMEOUT_S
) -> None:
    try:
        if account.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                account.host, account.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(account.host, account.port, timeout=timeout)
        with client:
            client.ehlo()
            if account.security == "starttls":
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if account.login:
                client.login(account.login, password or "")
            client.send_message(message)
    except smtplib.SMTPResponseException as exc:
        words = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise SendError(f"{exc.smtp_code} {words}", permanent=500 <= exc.smtp_code < 600) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        answers = "; ".join(f"{to}: {code} {text!r}" for to, (code, text) in exc.recipients.items())
        raise SendError(answers, permanent=True) from exc
    except (smtplib.SMTPException, OSError) as exc:  # timeouts and TLS errors are OSErrors too
        raise SendError(str(exc) or type(exc).__name__) from exc


def _kind_of(name: str) -> tuple[str, str]:
    lower = name.lower()
    if lower.endswith(".pdf"):
        return "application", "pdf"
    if lower.endswith(".docx"):
        return "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
    return "application", "octet-stream"
