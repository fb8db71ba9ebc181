"""Settings of the whole office, kept in the database: the reasons offered when a deal is lost."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.models import AppSetting
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.setup.defaults import LOSS_REASONS

MAX_REASONS = 50


class OfficeSettingsService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def language(self) -> str:
        """The language the database was set up in (default names, documents)."""
        with self._ctx.read() as session:
            return session.scalar(select(AppSetting.value).where(AppSetting.key == "language")) or "en"

    def loss_reasons(self) -> list[str]:
        with self._ctx.read() as session:
            stored = session.get(AppSetting, "loss_reasons")
            if stored is not None:
                return [str(r) for r in json.loads(stored.value)]
            language = session.scalar(select(AppSetting.value).where(AppSetting.key == "language")) or "en"
        return list(LOSS_REASONS.get(language, LOSS_REASONS["en"]))

    def set_loss_reasons(self, reasons: list[str]) -> list[str]:
        clean = list(dict.fromkeys(r.strip()[:200] for r in reasons if r and r.strip()))[:MAX_REASONS]
        with self._ctx.write() as uow:
            require_admin(
                uow.session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP(
                    "errors", "Changing the office's settings needs the right to manage settings."
                ),
            )
            row = uow.session.get(AppSetting, "loss_reasons")
            if row is None:
                uow.session.add(AppSetting(key="loss_reasons", value=json.dumps(clean, ensure_ascii=False)))
            else:
                row.value = json.dumps(clean, ensure_ascii=False)
            uow.emit("settings.updated", [], {"loss_reasons"})
        return clean
