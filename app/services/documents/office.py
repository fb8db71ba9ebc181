"""The office's own details and document settings: letterhead, language, number patterns."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AppSetting
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.documents.kinds import MSG_ADMIN, clean_kind
from app.services.documents.numbering import DEFAULT_PATTERN

MY_COMPANY_FIELDS = (
    "name",
    "address",
    "tax_id",
    "bank",
    "iban",
    "bic",
    "phone",
    "email",
    "website",
    "payment_terms",
)


class DocumentSettingsService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def office_language(self) -> str:
        with self._ctx.read() as session:
            stored = session.get(AppSetting, "language")
            return stored.value if stored else "en"

    def my_company(self) -> dict[str, str]:
        with self._ctx.read() as session:
            return read_my_company(session)

    def set_my_company(self, values: Mapping[str, str], logo: bytes | None = None) -> dict[str, str]:
        """The office's own details for letterheads; `logo` b"" removes the logo, None keeps it. An IBAN
        must be one (invoices print it and a payment code for it)."""
        import base64

        from app.services.core.iban import format_iban, iban_problem

        values = dict(values)
        if values.get("iban"):
            if iban_problem(str(values["iban"])) is not None:
                raise ValidationError.single(
                    "iban",
                    QT_TRANSLATE_NOOP(
                        "errors", "'{value}' is not an IBAN: its country, length or check digits are wrong."
                    ),
                    value=str(values["iban"]).strip(),
                )
            values["iban"] = format_iban(str(values["iban"]))

        with self._ctx.write() as uow:
            session = uow.session
            require_admin(
                session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP(
                    "errors", "Changing the office's details needs the right to manage settings."
                ),
            )
            for key in MY_COMPANY_FIELDS:
                if key in values:
                    put_setting(session, f"my_company.{key}", str(values[key] or "").strip()[:2000])
            if logo is not None:
                put_setting(session, "my_company.logo", base64.b64encode(logo).decode() if logo else "")
            uow.emit("office.updated", [], {"my_company"})
        return self.my_company()

    def number_pattern(self, kind: str) -> str:
        with self._ctx.read() as session:
            stored = session.get(AppSetting, f"documents.pattern.{kind}")
            return stored.value if stored else DEFAULT_PATTERN

    def set_number_pattern(self, kind: str, pattern: str) -> None:
        if "{N" not in pattern or len(pattern) > 40:
            raise ValidationError.single(
                "pattern",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A number pattern needs {{NNNN}} (the running number) and at most 40 characters.",
                ),
            )
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            put_setting(uow.session, f"documents.pattern.{clean_kind(kind)}", pattern)


def put_setting(session: Session, key: str, value: str) -> None:
    setting = session.get(AppSetting, key)
    if setting is None:
        session.add(AppSetting(key=key, value=value))
    else:
        setting.value = value


def read_my_company(session: Session) -> dict[str, str]:
    """The office's own details (name, address, tax ID, bank, IBAN, logo …) in this session."""
    rows = session.execute(
        select(AppSetting.key, AppSetting.value).where(AppSetting.key.like("my_company.%"))
    )
    return {key.removeprefix("my_company."): value for key, value in rows}


def read_pattern(session: Session, kind: str) -> str:
    stored = session.get(AppSetting, f"documents.pattern.{kind}")
    return stored.value if stored else DEFAULT_PATTERN
