"""Saving a contact, company or lead together with its custom values: all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.models import EntityType
from app.services.core.context import UnitOfWork
from app.services.core.errors import ValidationError
from app.services.core.records import CrudService, clean_fields
from app.services.core.validation import Problems
from app.services.deals.form import require_custom
from app.services.fields.custom_fields import CustomFieldInfo, clean_values, fields_by_id, write_values


def save_with_custom(
    uow: UnitOfWork,
    crud: CrudService[Any, Any],
    entity: EntityType,
    ident: int | None,
    expected_version: int | None,
    values: Mapping[str, Any],
    custom: Mapping[int, Any],
) -> tuple[Any, dict[int, CustomFieldInfo]]:
    """Create (ident None) or update a record with its custom values in the caller's transaction;
    one ValidationError lists the problems of both. Returns the record and the custom fields."""
    session = uow.session
    problems = Problems()
    fields = fields_by_id(session, entity, custom)
    if ident is None:
        require_custom(session, problems, custom, entity)
    cleaned = clean_values(session, problems, fields, custom)
    if problems:
        try:  # the standard fields' problems too, in one message
            clean_fields(session, crud.fields, values)
        except ValidationError as exc:
            problems.extend(exc.problems)
        problems.raise_if_any()

    def write_custom(record_id: int) -> dict[str, tuple[Any, Any]]:
        return write_values(session, fields, record_id, cleaned) if cleaned else {}

    if ident is None:
        record = crud.create_in(uow, dict(values), write_custom)
    else:
        record = crud.update_in(uow, ident, expected_version or 0, dict(values), write_custom)
    session.flush()
    return record, fields
