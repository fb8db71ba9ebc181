"""Conditions on a deal's fields ("amount over 10,000", "source is the website", a custom field ...):
all must hold for a rule to act. The values compared are the deal's as the rule runs."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CustomFieldDefinition, Deal, EntityType
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.fields.custom_fields import field_info, read_values

OPS = ("eq", "ne", "gt", "ge", "lt", "le", "contains", "empty", "not_empty")
FIELDS = (
    "title",
    "amount",
    "currency",
    "source",
    "stage_id",
    "pipeline_id",
    "responsible_id",
    "company_id",
    "begin_date",
    "close_date",
    "probability",
    "comments",
)
MSG_FIELD = QT_TRANSLATE_NOOP("errors", "A condition names no field of a deal ('{value}').")
MSG_OP = QT_TRANSLATE_NOOP("errors", "'{value}' is not a comparison a condition can make.")


@dataclass(frozen=True)
class Condition:
    field: str  # a deal field, or "uf:<code>"
    op: str
    value: Any = None


def conditions_to_json(conditions: Sequence[Condition]) -> str:
    return json.dumps([{"field": c.field, "op": c.op, "value": c.value} for c in conditions], default=str)


def conditions_from_json(text: str | None) -> list[Condition]:
    return [Condition(c["field"], c["op"], c.get("value")) for c in json.loads(text or "[]")]


def check_conditions(conditions: Sequence[Condition], problems: Problems) -> None:
    for c in conditions:
        if c.field not in FIELDS and not c.field.startswith("uf:"):
            problems.add("conditions", MSG_FIELD, value=c.field)
        if c.op not in OPS:
            problems.add("conditions", MSG_OP, value=c.op)


def deal_values(session: Session, deal_id: int) -> dict[str, Any] | None:
    """The deal's fields by name, its custom ones as "uf:<code>"; None when it is gone."""
    deal = session.get(Deal, deal_id)
    if deal is None:
        return None
    values: dict[str, Any] = {name: getattr(deal, name) for name in FIELDS}
    definitions = session.scalars(
        select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.DEAL)
    ).all()
    fields = [field_info(d) for d in definitions]
    found = read_values(session, fields, [deal_id]).get(deal_id, {})
    for field in fields:
        values[f"uf:{field.code}"] = found.get(field.id)
    return values


def matches(conditions: Sequence[Condition], values: Mapping[str, Any]) -> bool:
    return all(_holds(c, values.get(c.field)) for c in conditions)


def _holds(condition: Condition, actual: Any) -> bool:
    op = condition.op
    empty = actual is None or actual == "" or actual == []
    if op == "empty":
        return empty
    if op == "not_empty":
        return not empty
    if empty:
        return op == "ne" and condition.value not in (None, "")
    wanted = _like(actual, condition.value)
    if op == "contains":
        if isinstance(actual, list):
            return wanted in actual or str(condition.value) in [str(a) for a in actual]
        return str(condition.value).casefold() in str(actual).casefold()
    if isinstance(actual, list):
        actual = actual[0] if len(actual) == 1 else actual
    try:
        if op == "eq":
            return bool(actual == wanted)
        if op == "ne":
            return bool(actual != wanted)
        if op == "gt":
            return bool(actual > wanted)
        if op == "ge":
            return bool(actual >= wanted)
        if op == "lt":
            return bool(actual < wanted)
        if op == "le":
            return bool(actual <= wanted)
    except TypeError:  # a text compared with a number: it does not hold
        return False
    return False


def _like(actual: Any, value: Any) -> Any:
    """The condition's value as the same kind of thing as the deal's."""
    if value is None:
        return None
    try:
        if isinstance(actual, bool):
            return str(value).lower() in ("1", "true", "yes")
        if isinstance(actual, Decimal):
            return Decimal(str(value))
        if isinstance(actual, int):
            return int(value)
        if isinstance(actual, float):  # a workflow's number variable
            return float(value)
        if isinstance(actual, datetime):
            return datetime.fromisoformat(str(value))
        if isinstance(actual, date):
            return date.fromisoformat(str(value))
    except (ValueError, InvalidOperation):
        return value
    return value if not isinstance(actual, str) else str(value)
