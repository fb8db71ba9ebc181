"""Reading one row's cells of a deal import: one reader per kind of column, each converting what
people type and noting what is wrong, in the row's own problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.services.core.errors import Message
from app.services.core.validation import Problems
from app.services.importing.cells import date_of, fold, number, text
from app.services.importing.dates import moment
from app.services.importing.lookups import Names
from app.services.importing.wording import (
    MSG_DATE,
    MSG_DID_YOU_MEAN,
    MSG_NO_COMPANY,
    MSG_NO_CONTACT,
    MSG_NO_PIPELINE,
    MSG_NO_PRODUCT,
    MSG_NO_SOURCE,
    MSG_NO_STATUS,
    MSG_NO_USER,
    MSG_NUMBER,
    STATUSES,
)

if TYPE_CHECKING:
    from app.services.importing.deals import _Importer


@dataclass
class Row:
    """What one row's cells said, and what was wrong with them."""

    problems: Problems = field(default_factory=Problems)
    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[int, Any] = field(default_factory=dict)
    pipeline: Any = None
    stage: Any = None  # the cell as it was: found once the pipeline is known
    new_company: str | None = None
    new_contacts: list[str] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)
    new_user: str | None = None
    created_at: datetime | None = None
    closed_at: datetime | None = None
    entered: dict[int, datetime] = field(default_factory=dict)
    external_id: str | None = None
    products: list[Any] = field(default_factory=list)  # names as written
    quantity: Decimal | None = None
    price: Decimal | None = None
    status: str | None = None  # "open", "won", "lost": whether the deal closed, apart from its stage
    reached: Any = None  # a closed deal's stage before it closed (Pipedrive's "Deal - Stage")


def unknown_problem(
    problems: Problems, names: Names, field_: str, template: str, value: Any, **params: Any
) -> None:
    """ "There is no user named 'Bob'", with the likeliest known name when there is one."""
    problem = Message(template, {"value": text(value), **params})
    suggestion = names.suggestion(value)
    if suggestion is None:
        problems.add(field_, template, value=text(value), **params)
    else:
        problems.add(field_, MSG_DID_YOU_MEAN, problem=problem, suggestion=suggestion)


# -- reading a row's cells: one reader per kind of column ------------------------------------------


def read_text(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    row.values[target] = text(raw)  # title, currency, comments, loss reason


def _read_pipeline(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    found, row.pipeline = importer.pipelines.find(raw)
    if not found:
        unknown_problem(row.problems, importer.pipelines, "pipeline_id", MSG_NO_PIPELINE, raw)


def _read_stage(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    row.stage = raw


def _read_number(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    value = number(raw, importer.decimal_comma)
    if value is None:
        row.problems.add(target, MSG_NUMBER, value=text(raw), column=header)
    elif target == "product_quantity":
        row.quantity = value
    elif target == "product_price":
        row.price = value
    else:
        row.values[target] = int(value) if target == "probability" else value


def _read_date(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    day = date_of(raw, importer.options.day_first)
    if day is None:
        row.problems.add(target, MSG_DATE, value=text(raw), column=header)
    else:
        row.values[target] = day


def _read_moment(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    when = moment(raw, importer.options.day_first)
    if when is None:
        row.problems.add(target, MSG_DATE, value=text(raw), column=header)
    else:
        setattr(row, target, when)


def _read_responsible(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    found, user_id = importer.users.find(raw)
    if found:
        row.values["responsible_id"] = user_id
    elif importer.options.create_users:
        row.new_user = " ".join(text(raw).split())
    else:
        unknown_problem(row.problems, importer.users, "responsible_id", MSG_NO_USER, raw)


def _read_source(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    found, code = importer.sources.find(raw)
    if not found:
        unknown_problem(row.problems, importer.sources, "source", MSG_NO_SOURCE, raw)
    row.values["source"] = code


def _read_company(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    company_id = importer.company(text(raw))
    if company_id is not None:
        row.values["company_id"] = company_id
    elif importer.options.create_missing:  # unknown, or new from an earlier row
        row.new_company = " ".join(text(raw).split())
    else:
        row.problems.add("company_id", MSG_NO_COMPANY, value=text(raw))


def _read_contacts(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    for name in text(raw).replace("\n", ";").split(";"):
        if not name.strip():
            continue
        contact_id = importer.contact(name)
        if contact_id is not None:
            row.contact_ids.append(contact_id)
        elif importer.options.create_missing:
            row.new_contacts.append(" ".join(name.split()))
        else:
            row.problems.add("contact_ids", MSG_NO_CONTACT, value=name.strip())


def _read_external_id(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    row.external_id = text(raw)


def _read_products(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    for name in text(raw).replace("\n", ";").split(";"):
        if not name.strip():
            continue
        found, _ident = importer.products.find(name)
        if not found and (
            not importer.options.create_missing or importer.products.suggestion(name) is not None
        ):
            unknown_problem(row.problems, importer.products, "product", MSG_NO_PRODUCT, name)
            continue
        row.products.append(name.strip())


def _read_status(importer: _Importer, row: Row, target: str, header: str, raw: Any) -> None:
    row.status = STATUSES.get(fold(raw))
    if row.status is None:
        row.problems.add("status", MSG_NO_STATUS, value=text(raw))


Reader = Callable[["_Importer", Row, str, str, Any], None]
READERS: dict[str, Reader] = {
    "pipeline": _read_pipeline,
    "stage": _read_stage,
    "amount": _read_number,
    "probability": _read_number,
    "product_quantity": _read_number,
    "product_price": _read_number,
    "begin_date": _read_date,
    "close_date": _read_date,
    "created_at": _read_moment,
    "closed_at": _read_moment,
    "responsible": _read_responsible,
    "source": _read_source,
    "company": _read_company,
    "contacts": _read_contacts,
    "external_id": _read_external_id,
    "product": _read_products,
    "status": _read_status,
}
