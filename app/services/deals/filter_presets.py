"""Named deal filters: the built-in ones, those shared with the office, and each user's own."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import SavedFilter
from app.services.access.permissions import may_manage_settings
from app.services.core.context import ServiceContext
from app.services.core.errors import (
    ENTITY_NAMES,
    MSG_NOT_FOUND,
    Message,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems, clean_text
from app.services.core.vocabulary import FIELD_LABELS
from app.services.deals.filters import DateRange, DealFilter, Period, Status


def _name(text: str) -> Message:
    return Message(text, {}, "presets")


BUILT_IN: tuple[tuple[str, Message, DealFilter], ...] = (
    ("my_deals", _name(QT_TRANSLATE_NOOP("presets", "My deals")), DealFilter(mine=True)),
    ("open_deals", _name(QT_TRANSLATE_NOOP("presets", "Open deals")), DealFilter(status=Status.OPEN)),
    (
        "closing_this_month",
        _name(QT_TRANSLATE_NOOP("presets", "Closing this month")),
        DealFilter(status=Status.OPEN, close_date=DateRange(Period.THIS_MONTH)),
    ),
    (
        "won_this_year",
        _name(QT_TRANSLATE_NOOP("presets", "Won this year")),
        DealFilter(status=Status.WON, close_date=DateRange(Period.THIS_YEAR)),
    ),
)


@dataclass(frozen=True)
class FilterPreset:
    id: int | None  # None for the built-in presets
    name: str | Message  # built-in names are translated when shown
    filter: DealFilter
    shared: bool
    built_in: bool = False
    mine: bool = False  # saved by the acting user (so they may delete it)


class FilterPresetService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def list(self) -> list[FilterPreset]:
        """Built-in presets first, then the shared ones, then the user's own, each by name."""
        presets = [FilterPreset(None, name, f, shared=True, built_in=True) for _key, name, f in BUILT_IN]
        with self._ctx.read() as session:
            rows = session.scalars(
                select(SavedFilter)
                .where(
                    SavedFilter.entity_type == "deal",
                    or_(SavedFilter.user_id.is_(None), SavedFilter.user_id == self._ctx.actor_id),
                )
                .order_by(SavedFilter.user_id.is_not(None), SavedFilter.name)
            )
            for row in rows:
                presets.append(
                    FilterPreset(
                        row.id,
                        row.name,
                        DealFilter.from_json(row.definition),
                        shared=row.user_id is None,
                        mine=row.user_id == self._ctx.actor_id,
                    )
                )
        return presets

    def save(self, name: str, deal_filter: DealFilter, *, shared: bool = False) -> FilterPreset:
        """Save a filter under a name; the same name again replaces the user's (or the shared) one."""
        problems = Problems()
        clean = clean_text(problems, "name", FIELD_LABELS["name"], name, required=True, max_length=200)
        problems.raise_if_any()
        assert clean is not None
        # The search text and the pipeline chosen at the top belong to the moment, not the preset.
        kept = replace(deal_filter, search="", pipeline_id=None)
        if kept.is_empty():
            raise ValidationError.single(
                "filter", QT_TRANSLATE_NOOP("errors", "Choose something to filter by before saving.")
            )
        owner = None if shared else self._ctx.actor_id
        with self._ctx.write() as uow:
            session = uow.session
            if shared and not self._is_admin(session):
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Sharing a filter with everyone needs the right to manage settings."
                    )
                )
            existing = session.scalar(
                select(SavedFilter).where(
                    SavedFilter.entity_type == "deal",
                    SavedFilter.name == clean,
                    SavedFilter.user_id.is_(None) if owner is None else SavedFilter.user_id == owner,
                )
            )
            if existing is None:
                existing = SavedFilter(entity_type="deal", name=clean, user_id=owner, definition="")
                session.add(existing)
            existing.definition = kept.to_json()
            session.flush()
            uow.emit("filter.saved", [existing.id])
            return FilterPreset(existing.id, clean, kept, shared=shared, mine=not shared)

    def delete(self, preset_id: int) -> None:
        with self._ctx.write() as uow:
            row = uow.session.get(SavedFilter, preset_id)
            if row is None:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["filter"], id=preset_id)
            if row.user_id != self._ctx.actor_id and not (
                row.user_id is None and self._is_admin(uow.session)
            ):
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Only its owner (or an administrator, if shared) may delete it."
                    )
                )
            uow.session.delete(row)
            uow.emit("filter.deleted", [preset_id])

    def _is_admin(self, session: Session) -> bool:
        """May share filters with everyone: administrators and roles that manage settings."""
        return may_manage_settings(session, self._ctx.actor_id)
