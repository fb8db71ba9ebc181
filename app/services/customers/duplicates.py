"""Duplicate contacts and companies: found by the same e-mail, the same phone number, or a name that
reads the same; merged field by field into one record, with their deals, links and history."""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    CustomFieldValue,
    Deal,
    FieldType,
    contact_company,
    deal_contact,
)
from app.services.access.rights import Action
from app.services.access.scope import RECORD_ENTITIES, access_for, record_scope, require_record
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict, load, touch
from app.services.customers.queries import CustomerKind
from app.services.fields.custom_fields import field_info, read_values, write_values

MAX_FOUND = 10
SIMILAR = 0.88  # difflib ratio from which two names read the same
# Legal forms left out when company names are compared: "Müller GmbH" is "Müller".
_LEGAL = re.compile(
    r"\b(gmbh|ag|kg|ohg|ug|e\.?\s?k\.?|e\.?\s?v\.?|gbr|mbh|co|kgaa|se|ltd|llc|inc|corp|plc|sarl|sa|bv|nv)\b\.?"
)
CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "position",
    "phone",
    "email",
    "address",
    "comments",
    "responsible_id",
)
COMPANY_FIELDS = ("title", "industry", "phone", "email", "website", "address", "comments", "responsible_id")


class Reason(enum.StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Duplicate:
    id: int
    name: str
    reason: Reason
    email: str | None
    phone: str | None


def fold_name(kind: CustomerKind, name: str) -> str:
    """A name as compared: no case, no accents' variants, no legal form, single spaces."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("ß", "ss")
    if kind is CustomerKind.COMPANY:
        text = _LEGAL.sub(" ", text).replace("&", " ").replace("+", " ")
        text = re.sub(r"\b(und|and)\b", " ", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def phone_digits(phone: str | None) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("00"):
        digits = digits[2:]
    return digits[-9:]  # the subscriber's part: +49 30 1234567 and 030 1234567 match


class DuplicateService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def find(
        self,
        kind: CustomerKind,
        *,
        name: str = "",
        email: str | None = None,
        phone: str | None = None,
        exclude_id: int | None = None,
    ) -> list[Duplicate]:
        """Stored records that look like this one: same e-mail, same phone, or a similar name."""
        model: Any = Contact if kind is CustomerKind.CONTACT else Company
        found: dict[int, Duplicate] = {}
        with self._ctx.read() as session:
            access = access_for(session, self._ctx.actor_id)
            entity = RECORD_ENTITIES[kind.value]

            def readable(record: Any) -> bool:  # a duplicate one may not read is not named either
                return access.allows_record(entity, Action.READ, record.responsible_id, bool(record.is_open))

            def add(rows: Any, reason: Reason) -> None:
                for record in rows:
                    if (
                        record.id != exclude_id
                        and record.id not in found
                        and len(found) < MAX_FOUND
                        and readable(record)
                    ):
                        found[record.id] = Duplicate(
                            record.id, _title(record), reason, record.email, record.phone
                        )

            if email and email.strip():
                add(
                    session.scalars(select(model).where(func.lower(model.email) == email.strip().lower())),
                    Reason.EMAIL,
                )
            digits = phone_digits(phone)
            if len(digits) >= 6:
                candidates = session.scalars(
                    select(model).where(model.phone.like(f"%{digits[-4:]}")).limit(500)
                )
                add((r for r in candidates if phone_digits(r.phone) == digits), Reason.PHONE)
            folded = fold_name(kind, name)
            if len(folded) >= 3:
                add(_similar_names(session, kind, folded), Reason.NAME)
        return list(found.values())

    def scan(self, kind: CustomerKind, limit: int = 200) -> list[list[Duplicate]]:
        """Groups of records that look like each other, over the whole list (on demand)."""
        model: Any = Contact if kind is CustomerKind.CONTACT else Company
        groups: dict[tuple[str, str], list[Duplicate]] = {}
        name = (
            func.trim(Contact.first_name + " " + Contact.last_name)
            if kind is CustomerKind.CONTACT
            else Company.title
        )
        with self._ctx.read() as session:  # plain rows, not objects: 100,000 contacts in a second
            scope = record_scope(session, self._ctx.actor_id, kind.value, model)
            rows = session.execute(
                select(model.id, name, model.email, model.phone).where(*scope).order_by(model.id)
            )
            for ident, title, email, phone in rows:
                keys = [("name", fold_name(kind, title or ""))]
                if email:
                    keys.append(("email", email.strip().lower()))
                if len(phone_digits(phone)) >= 6:
                    keys.append(("phone", phone_digits(phone)))
                for what, value in keys:
                    if value:
                        groups.setdefault((what, value), []).append(
                            Duplicate(ident, title or "", Reason(what), email, phone)
                        )
        seen: set[frozenset[int]] = set()
        result: list[list[Duplicate]] = []
        for members in groups.values():
            ids = frozenset(r.id for r in members)
            if len(ids) < 2 or ids in seen:
                continue
            seen.add(ids)
            result.append(members)
            if len(result) >= limit:
                break
        return result

    def merge(
        self,
        kind: CustomerKind,
        keep: tuple[int, int],
        other: tuple[int, int],
        take_from_other: Sequence[str] = (),
    ) -> int:
        """Merge `other` (id, version) into `keep` (id, version): the fields named in
        `take_from_other` (standard names or "uf:<code>") get the other's value, the rest stay;
        deals, links and custom-field references move to the kept record; the other is deleted.
        Both records' history says what happened. Returns the kept id."""
        if keep[0] == other[0]:
            raise ValidationError.single(
                "id", QT_TRANSLATE_NOOP("errors", "A record can't be merged with itself.")
            )
        model: Any = Contact if kind is CustomerKind.CONTACT else Company
        names = CONTACT_FIELDS if kind is CustomerKind.CONTACT else COMPANY_FIELDS
        with self._ctx.write() as uow:
            session = uow.session
            kept = load(session, model, kind.value, keep[0])
            gone = load(session, model, kind.value, other[0])
            require_record(session, self._ctx.actor_id, kind.value, kept, "edit")
            require_record(session, self._ctx.actor_id, kind.value, gone, "delete")
            check_version(session, kind.value, kept, keep[1], _title(kept))
            check_version(session, kind.value, gone, other[1], _title(gone))
            diff: dict[str, tuple[Any, Any]] = {}
            for name in take_from_other:
                if name in names and getattr(kept, name) != getattr(gone, name):
                    diff[name] = (getattr(kept, name), getattr(gone, name))
                    setattr(kept, name, getattr(gone, name))
            diff.update(self._merge_custom(session, kind, kept.id, gone.id, take_from_other))
            moved = self._repoint(session, kind, kept.id, gone.id)
            diff["merged"] = (None, f"#{gone.id} {_title(gone)}")
            touch(kept)
            flush_or_conflict(session, kind.value, _title(kept))
            uow.history.changed(kind.value, kept.id, kept.version, diff, action="merged")
            uow.history.deleted(kind.value, gone.id, gone.version + 1, f"→ #{kept.id} {_title(kept)}")
            session.delete(gone)
            flush_or_conflict(session, kind.value, _title(gone))
            uow.emit(f"{kind.value}.updated", [kept.id], diff.keys())
            uow.emit(f"{kind.value}.deleted", [gone.id])
            if moved:
                uow.emit(
                    "deal.updated", moved, {"company_id" if kind is CustomerKind.COMPANY else "contact_ids"}
                )
            return int(kept.id)

    @staticmethod
    def _merge_custom(
        session: Session, kind: CustomerKind, keep_id: int, other_id: int, take: Sequence[str]
    ) -> dict[str, tuple[Any, Any]]:
        fields = {
            d.id: field_info(d)
            for d in session.scalars(
                select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == kind.entity)
            )
        }
        values = read_values(session.connection(), list(fields.values()), [keep_id, other_id])
        mine, theirs = values.get(keep_id, {}), values.get(other_id, {})
        chosen: dict[int, list[Any]] = {}
        for field in fields.values():
            key = f"uf:{field.code}"
            value = theirs.get(field.id)
            if (key in take or field.id not in mine) and value is not None:  # empty ones are filled too
                chosen[field.id] = value if isinstance(value, list) else [value]
        return write_values(session, fields, keep_id, chosen) if chosen else {}

    @staticmethod
    def _repoint(session: Session, kind: CustomerKind, keep_id: int, other_id: int) -> list[int]:
        """Move deals, company/contact links and link-field values from the other to the kept one."""
        moved: list[int]
        if kind is CustomerKind.COMPANY:
            moved = list(session.scalars(select(Deal.id).where(Deal.company_id == other_id)))
            session.execute(
                update(Deal)
                .where(Deal.company_id == other_id)
                .values(company_id=keep_id)
                .execution_options(synchronize_session=False)
            )
            _move_links(session, contact_company, "company_id", "contact_id", keep_id, other_id)
        else:
            moved = list(
                session.scalars(select(deal_contact.c.deal_id).where(deal_contact.c.contact_id == other_id))
            )
            _move_links(session, deal_contact, "contact_id", "deal_id", keep_id, other_id)
            _move_links(session, contact_company, "contact_id", "company_id", keep_id, other_id)
        link_type = FieldType.COMPANY if kind is CustomerKind.COMPANY else FieldType.CONTACT
        link_fields = select(CustomFieldDefinition.id).where(CustomFieldDefinition.field_type == link_type)
        session.execute(
            update(CustomFieldValue)
            .where(CustomFieldValue.field_id.in_(link_fields), CustomFieldValue.value_int == other_id)
            .values(value_int=keep_id)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(CustomFieldValue).where(
                CustomFieldValue.entity_id == other_id,
                CustomFieldValue.field_id.in_(
                    select(CustomFieldDefinition.id).where(CustomFieldDefinition.entity_type == kind.entity)
                ),
            )
        )
        return moved


def _move_links(session: Session, table: Any, own: str, other_side: str, keep_id: int, other_id: int) -> None:
    """Rows of a link table pointing at `other_id` point at `keep_id` (no twice-linked rows)."""
    own_col, side_col = table.c[own], table.c[other_side]
    already = set(session.scalars(select(side_col).where(own_col == keep_id)))
    rows = session.execute(select(table).where(own_col == other_id)).mappings().all()
    session.execute(delete(table).where(own_col == other_id))
    fresh = [{**row, own: keep_id} for row in rows if row[other_side] not in already]
    if fresh:
        session.execute(insert(table), fresh)


def _similar_names(session: Session, kind: CustomerKind, folded: str) -> list[Any]:
    first = folded.split()[0][:3]
    if kind is CustomerKind.CONTACT:
        condition = or_(Contact.last_name.ilike(f"{first}%"), Contact.first_name.ilike(f"{first}%"))
        candidates = session.scalars(select(Contact).where(condition).limit(2000))
    else:
        candidates = session.scalars(select(Company).where(Company.title.ilike(f"%{first}%")).limit(2000))
    result = []
    for record in candidates:
        other = fold_name(kind, _title(record))
        if other == folded or difflib.SequenceMatcher(None, other, folded).ratio() >= SIMILAR:
            result.append(record)
    return result


def _title(record: Any) -> str:
    return record.full_name if isinstance(record, Contact) else record.title


def merge_choices(kind: CustomerKind) -> Mapping[str, str]:
    """The standard fields a merge lets the user pick, by name."""
    return {name: name for name in (CONTACT_FIELDS if kind is CustomerKind.CONTACT else COMPANY_FIELDS)}
