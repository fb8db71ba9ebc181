"""The outbox: e-mails and SMS queued by automation (in the transaction of the job that queued them),
sent by whichever PC claims them first with a lease, retried with growing pauses, given up after a
few attempts with the server's last words kept — and each one sent written on its deal's timeline.

Guarantee: at least once. A message is marked sent only after the server took it; a PC that dies in
between leaves a lease that runs out, and another PC sends it again. The Message-ID stays the same
on every attempt, so such a second copy is recognisably the same mail (and the log shows the
attempts); nothing is ever lost silently: a message that can't be sent ends as "failed", shown.

The SMTP account is an office setting; its password is kept in the operating system's password
store (keyring), never in the database."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from app.automation.mail import SendError, SmtpAccount, build_email, send
from app.automation.sms import SmsGateway, send_sms
from app.models import AppSetting, Company, Contact, OutboxMessage, deal_contact, utcnow
from app.services.access.permissions import require_settings
from app.services.automation.running import CURRENT
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ServiceError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.deals.service import DealDetails

SMTP_KEY = "smtp_account"
SMS_KEY = "sms_gateway"
REGION_KEY = "phone_region"
KEYRING_SERVICE = "Dealdesk SMTP"
SMS_KEYRING_SERVICE = "Dealdesk SMS"
MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=2)
MSG_HOST = QT_TRANSLATE_NOOP("errors", "Give the mail server's name (e.g. smtp.example.com).")
MSG_PORT = QT_TRANSLATE_NOOP("errors", "A port is a number from 1 to 65535.")
MSG_SECURITY = QT_TRANSLATE_NOOP("errors", "Choose STARTTLS, SSL or none.")
MSG_SENDER = QT_TRANSLATE_NOOP("errors", "Give the address the e-mails come from.")
MSG_NO_ACCOUNT = QT_TRANSLATE_NOOP("errors", "No mail server is set up yet (Settings › E-mail).")
MSG_NO_KEYRING = QT_TRANSLATE_NOOP(
    "errors", "This computer has no password store Dealdesk can use, so the password can't be kept: {why}"
)
MSG_NOT_SENT = QT_TRANSLATE_NOOP("errors", "The mail server did not take the message: {why}")
MSG_RESEND = QT_TRANSLATE_NOOP("errors", "Your role does not let you send automation's messages again.")
MSG_URL = QT_TRANSLATE_NOOP("errors", "The SMS gateway's address starts with https:// (or http://).")
MSG_METHOD = QT_TRANSLATE_NOOP("errors", "The SMS gateway is called with GET or POST.")
MSG_PLACES = QT_TRANSLATE_NOOP(
    "errors", "The gateway's parameters need the number and the text in them ({names})."
)
MSG_REGION = QT_TRANSLATE_NOOP("errors", "'{value}' is not a country code (DE, AT, CH, GB …).")


@dataclass(frozen=True)
class OutboxInfo:
    id: int
    channel: str
    deal_id: int | None
    recipient: str
    subject: str | None
    status: str
    attempts: int
    error: str | None
    created_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime


def queue_message(
    ctx: ServiceContext,
    channel: str,
    to: str,
    body: str,
    *,
    subject: str | None = None,
    deal_id: int | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> int:
    """Queue an e-mail or SMS; sent by the engine (the running job, if any, is marked done with it)."""
    with ctx.write() as uow:
        return add_message(uow, channel, to, body, subject=subject, deal_id=deal_id, attachment=attachment)


def add_message(
    uow: UnitOfWork,
    channel: str,
    to: str,
    body: str,
    *,
    subject: str | None = None,
    deal_id: int | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> int:
    """An e-mail or SMS queued in this unit of work (a workflow step writes it with its own state)."""
    running = CURRENT.get()
    message = OutboxMessage(
        channel=channel,
        deal_id=deal_id,
        job_id=running.job_id if running and running.job_id else None,  # a workflow step: none
        recipient=to[:320],
        subject=(subject or "")[:998] or None,
        body=body,
        attachment_name=attachment[0] if attachment else None,
        attachment=attachment[1] if attachment else None,
        status="queued",
        attempts=0,
        next_attempt_at=utcnow(),
    )
    uow.session.add(message)
    uow.session.flush()
    uow.emit("outbox.queued", [message.id])
    return message.id


def client_address(ctx: ServiceContext, deal: DealDetails, to: str = "contact") -> str | None:
    """Where an e-mail to the client goes: the deal's first contact's address, else its company's
    (or the company's first, when `to` is "company"); an address given as such is taken as it is."""
    if "@" in to:
        return to.strip()
    with ctx.read() as session:
        contact = session.scalar(
            select(Contact.email)
            .join(deal_contact, deal_contact.c.contact_id == Contact.id)
            .where(deal_contact.c.deal_id == deal.id, Contact.email.is_not(None), Contact.email != "")
            .order_by(deal_contact.c.sort)
            .limit(1)
        )
        company = (
            session.scalar(select(Company.email).where(Company.id == deal.company_id))
            if deal.company_id
            else None
        )
    order = (company, contact) if to == "company" else (contact, company)
    return next((a for a in order if a), None)


def client_phone(ctx: ServiceContext, deal: DealDetails) -> str | None:
    with ctx.read() as session:
        contact = session.scalar(
            select(Contact.phone)
            .join(deal_contact, deal_contact.c.contact_id == Contact.id)
            .where(deal_contact.c.deal_id == deal.id, Contact.phone.is_not(None), Contact.phone != "")
            .order_by(deal_contact.c.sort)
            .limit(1)
        )
        company = (
            session.scalar(select(Company.phone).where(Company.id == deal.company_id))
            if deal.company_id
            else None
        )
    return contact or company or None


class OutboxService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- the account ---------------------------------------------------------------------------------

    def account(self) -> SmtpAccount | None:
        with self._ctx.read() as session:
            text = session.scalar(select(AppSetting.value).where(AppSetting.key == SMTP_KEY))
        if not text:
            return None
        raw: dict[str, Any] = json.loads(text)
        return SmtpAccount(
            raw.get("host", ""),
            int(raw.get("port", 587)),
            raw.get("security", "starttls"),
            raw.get("login", ""),
            raw.get("sender", ""),
        )

    def save_account(self, account: SmtpAccount, password: str | None = None) -> SmtpAccount:
        """The office's mail server (administrators); a password given goes to the password store."""
        problems = Problems()
        if not account.host.strip():
            problems.add("host", MSG_HOST)
        if not 1 <= account.port <= 65535:
            problems.add("port", MSG_PORT)
        if account.security not in ("starttls", "ssl", "none"):
            problems.add("security", MSG_SECURITY)
        if "@" not in (account.sender or account.login):
            problems.add("sender", MSG_SENDER)
        problems.raise_if_any()
        clean = SmtpAccount(
            account.host.strip(),
            account.port,
            account.security,
            account.login.strip(),
            account.sender.strip(),
        )
        if password is not None and clean.login:
            _store_secret(KEYRING_SERVICE, _user_name(clean), password, field="password")
        with self._ctx.write() as uow:
            require_settings(uow.session, uow.actor_id, "mail_server")
            value = json.dumps(clean.__dict__)
            row = uow.session.get(AppSetting, SMTP_KEY)
            if row is None:
                uow.session.add(AppSetting(key=SMTP_KEY, value=value))
            else:
                row.value = value
            uow.emit("setting.updated", [0], {SMTP_KEY})
        return clean

    def test_account(self, to: str) -> None:
        """Send a test mail at once (the Settings' test button); a refusal says the server's words."""
        account = self.account()
        if account is None:
            raise ServiceError(MSG_NO_ACCOUNT)
        message = build_email(account, to, "Dealdesk", "Dealdesk can send e-mail.", message_id="")
        try:
            send(account, _password(account), message)
        except SendError as exc:
            raise ServiceError(MSG_NOT_SENT, why=str(exc)) from exc

    # -- the SMS gateway -----------------------------------------------------------------------------

    def gateway(self) -> SmsGateway | None:
        raw = self._setting(SMS_KEY)
        if not raw:
            return None
        data: dict[str, Any] = json.loads(raw)
        return SmsGateway(
            data.get("url", ""),
            data.get("method", "POST"),
            data.get("params", "to={to}&text={text}"),
            bool(data.get("json_body", False)),
            data.get("header_name", "Authorization"),
        )

    def phone_region(self) -> str:
        return self._setting(REGION_KEY) or "DE"

    def save_gateway(
        self, gateway: SmsGateway, secret: str | None = None, region: str | None = None
    ) -> SmsGateway:
        """The office's SMS gateway (administrators); its secret goes to the password store."""
        problems = Problems()
        url = gateway.url.strip()
        if not url.startswith(("https://", "http://")):
            problems.add("url", MSG_URL)
        if gateway.method.upper() not in ("GET", "POST"):
            problems.add("method", MSG_METHOD)
        if "{to}" not in gateway.params or "{text}" not in gateway.params:
            problems.add("params", MSG_PLACES, names="{to}, {text}")
        if region is not None and not (len(region.strip()) == 2 and region.strip().isalpha()):
            problems.add("region", MSG_REGION, value=region)
        problems.raise_if_any()
        clean = SmsGateway(
            url,
            gateway.method.upper(),
            gateway.params.strip(),
            gateway.json_body,
            gateway.header_name.strip(),
        )
        if secret is not None:
            _store_secret(SMS_KEYRING_SERVICE, clean.url, secret)
        with self._ctx.write() as uow:
            require_settings(uow.session, uow.actor_id, "mail_server")
            self._put(uow.session, SMS_KEY, json.dumps(clean.__dict__))
            if region is not None:
                self._put(uow.session, REGION_KEY, region.strip().upper())
            uow.emit("setting.updated", [0], {SMS_KEY})
        return clean

    def _setting(self, key: str) -> str | None:
        with self._ctx.read() as session:
            return session.scalar(select(AppSetting.value).where(AppSetting.key == key))

    @staticmethod
    def _put(session: Any, key: str, value: str) -> None:
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=value))
        else:
            row.value = value

    # -- the queue -----------------------------------------------------------------------------------

    def messages(
        self, *, status: str | None = None, deal_id: int | None = None, limit: int = 500
    ) -> list[OutboxInfo]:
        with self._ctx.read() as session:
            query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
            if status:
                query = query.where(OutboxMessage.status == status)
            if deal_id is not None:
                query = query.where(OutboxMessage.deal_id == deal_id)
            return [_info(m) for m in session.scalars(query)]

    def pending(self, now: datetime) -> bool:
        """Whether a message waits to be sent now on a channel that is set up (one index probe)."""
        channels = [
            c for c, ready in (("email", self.account()), ("sms", self.gateway())) if ready is not None
        ]
        if not channels:
            return False
        with self._ctx.read() as session:
            return (
                session.scalar(
                    select(OutboxMessage.id)
                    .where(
                        OutboxMessage.status.in_(("queued", "sending")),
                        OutboxMessage.next_attempt_at <= now,
                        OutboxMessage.channel.in_(channels),
                    )
                    .limit(1)
                )
                is not None
            )

    def retry(self, message_id: int) -> None:
        """Send a failed message again (people who may manage automation)."""
        from app.services.access.scope import access_for
        from app.services.core.errors import PermissionDeniedError

        with self._ctx.write() as uow:
            if not access_for(uow.session, uow.actor_id).switch("manage_automation"):
                raise PermissionDeniedError(MSG_RESEND)
            uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == message_id, OutboxMessage.status == "failed")
                .values(status="queued", attempts=0, next_attempt_at=utcnow(), error=None)
            )
            uow.emit("outbox.queued", [message_id])

    def send_due(self, owner: str, now: datetime | None = None, limit: int = 50) -> tuple[int, int]:
        """Claim and send what is due on the channels set up; (sent, failed for now)."""
        now = now or utcnow()
        account, gateway = self.account(), self.gateway()
        channels = [c for c, ready in (("email", account), ("sms", gateway)) if ready is not None]
        if not channels:
            return 0, 0
        claimed = self._claim(owner, now, limit, channels)
        sent = failed = 0
        password = _password(account) if claimed and account is not None and account.login else None
        secret = _secret(SMS_KEYRING_SERVICE, gateway.url) if claimed and gateway is not None else None
        for message in claimed:
            try:
                if message.channel == "sms" and gateway is not None:
                    send_sms(gateway, secret, message.recipient, message.body)
                elif account is not None:
                    send(account, password, self._email(account, message))
            except SendError as exc:
                self._failed(message.id, owner, str(exc), exc.permanent, now)
                failed += 1
                continue
            self._sent(message, owner)
            sent += 1
        return sent, failed

    @staticmethod
    def _email(account: SmtpAccount, message: OutboxMessage) -> Any:
        return build_email(
            account,
            message.recipient,
            message.subject or "",
            message.body,
            message_id=f"<outbox-{message.id}@dealdesk>",
            attachment=(message.attachment_name, message.attachment)
            if message.attachment_name and message.attachment is not None
            else None,
        )

    def _claim(self, owner: str, now: datetime, limit: int, channels: Sequence[str]) -> list[OutboxMessage]:
        with self._ctx.write() as uow:
            session = uow.session
            candidates = session.scalars(
                select(OutboxMessage.id)
                .where(
                    OutboxMessage.channel.in_(list(channels)),
                    or_(
                        OutboxMessage.status == "queued",
                        (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now),
                    ),
                    OutboxMessage.next_attempt_at <= now,
                )
                .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
                .limit(limit)
            ).all()
            taken = []
            for message_id in candidates:
                claimed = session.execute(
                    update(OutboxMessage)
                    .where(
                        OutboxMessage.id == message_id,
                        or_(
                            OutboxMessage.status == "queued",
                            (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now),
                        ),
                    )
                    .values(
                        status="sending",
                        lease_owner=owner,
                        lease_until=now + LEASE,
                        attempts=OutboxMessage.attempts + 1,
                    )
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:  # type: ignore[attr-defined]
                    taken.append(message_id)
            rows = session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(taken))).all()
            for row in rows:
                session.expunge(row)
            return sorted(rows, key=lambda m: m.id)

    def _sent(self, message: OutboxMessage, owner: str) -> None:
        with self._ctx.write() as uow:
            done = uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == message.id, OutboxMessage.lease_owner == owner)
                .values(status="sent", sent_at=utcnow(), lease_owner=None, lease_until=None, error=None)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount == 1 and message.deal_id is not None:  # type: ignore[attr-defined]
                uow.history.noted(
                    "deal",
                    message.deal_id,
                    0,
                    message.channel,
                    message.recipient,
                    message.subject or message.body[:100],
                )
                uow.emit("outbox.sent", [message.id], {f"deal:{message.deal_id}"})

    def _failed(self, message_id: int, owner: str, why: str, permanent: bool, now: datetime) -> None:
        with self._ctx.write() as uow:
            row = uow.session.get(OutboxMessage, message_id)
            if row is None or row.lease_owner != owner:
                return
            give_up = permanent or row.attempts >= MAX_ATTEMPTS
            row.status = "failed" if give_up else "queued"
            row.error = why[:2000]
            row.lease_owner, row.lease_until = None, None
            row.next_attempt_at = now + timedelta(minutes=2 ** max(0, row.attempts - 1))  # 1, 2, 4, 8 min
            uow.emit("outbox.failed" if give_up else "outbox.queued", [message_id])


def _info(m: OutboxMessage) -> OutboxInfo:
    return OutboxInfo(
        m.id,
        m.channel,
        m.deal_id,
        m.recipient,
        m.subject,
        m.status,
        m.attempts,
        m.error,
        m.created_at,
        m.sent_at,
        m.next_attempt_at,
    )


def _user_name(account: SmtpAccount) -> str:
    return f"{account.login}@{account.host}:{account.port}"


def _password(account: SmtpAccount) -> str | None:
    return _secret(KEYRING_SERVICE, _user_name(account)) if account.login else None


__all__: Sequence[str] = ("OutboxInfo", "OutboxService", "client_address", "client_phone", "queue_message")


def _store_secret(service: str, user: str, secret: str, *, field: str = "secret") -> None:
    """Into the operating system's password store; refused in words where there is none (a server
    without a desktop session)."""
    try:
        import keyring

        keyring.set_password(service, user, secret)
    except Exception as exc:
        raise ValidationError.single(field, MSG_NO_KEYRING, why=str(exc)) from exc


def _secret(service: str, user: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(service, user)
    except Exception:
        return None
