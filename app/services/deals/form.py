"""What the deal form reads and saves: the deal, its custom values and product rows, in one go.

Saving is one transaction with one version check: the standard fields, a new company or new
contacts typed into the pickers, the custom values, the product rows and the amount computed
from them, and the stage with its required fields. Every problem is reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    CustomFieldDefinition,
    Deal,
    DealProductRow,
    EntityType,
    FieldType,
    Stage,
    User,
)
from app.services.access.rights import Action
from app.services.access.scope import may_add, require_deal, require_move
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import Message, MissingFieldsError, ValidationError
from app.services.core.history import HistoryItem, read_history
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict, load, touch
from app.services.core.validation import Problems, clean_text
from app.services.core.vocabulary import FIELD_LABELS
from app.services.deals.pricing import ProductLine, check_line, totals
from app.services.deals.service import DealDetails, deal_details
from app.services.deals.tunnel_moves import follow_tunnels
from app.services.deals.writes import (
    apply_changes,
    apply_stage,
    clean_deal,
    contact_ids_of,
    insert_deal,
    new_contact_in,
    stage_move_operation,
    stage_or_error,
)
from app.services.deals.writes import initial_stage as first_stage
from app.services.fields.custom_fields import (
    CustomFieldInfo,
    clean_values,
    field_info,
    fields_by_id,
    read_values,
    write_values,
)
from app.services.fields.field_rules import missing_for_stage, require_editable

MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class ContactRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class DealFormData:
    deal: DealDetails
    custom: dict[int, Any]  # field id -> value (a list for multiple fields)
    products: tuple[ProductLine, ...]
    contacts: tuple[ContactRef, ...]  # in order, the first is the main contact


class DealFormService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def load(self, deal_id: int) -> DealFormData:
        with self._ctx.read() as session:
            deal = load(session, Deal, "deal", deal_id)
            require_deal(session, self._ctx.actor_id, deal, Action.READ)  # else "not found"
            return _form_data(session, deal)

    def timeline(self, deal_id: int) -> list[HistoryItem]:
        """Everything that happened to the deal, newest first (its creation from the deal itself when
        it was imported or generated without a history entry)."""
        with self._ctx.read() as session:
            items = read_history(session, "deal", deal_id)
            if not any(i.action == "created" for i in items):
                deal = load(session, Deal, "deal", deal_id)
                creator = session.get(User, deal.created_by_id) if deal.created_by_id else None
                items.insert(
                    0,
                    HistoryItem(
                        0,
                        deal.created_at,
                        deal.created_by_id,
                        creator.name if creator else None,
                        "created",
                        None,
                        None,
                        deal.title,
                        1,
                    ),
                )
            return list(reversed(items))

    def new_defaults(self) -> dict[int, Any]:
        """Custom fields' default values for a new deal (field id -> value), as the form prefills them."""
        with self._ctx.read() as session:
            fields = [
                field_info(d)
                for d in session.scalars(
                    select(CustomFieldDefinition).where(
                        CustomFieldDefinition.entity_type == EntityType.DEAL,
                        CustomFieldDefinition.default_value.is_not(None),
                    )
                )
            ]
            return {f.id: v for f in fields if (v := default_of(f)) is not None}

    def save(
        self,
        deal_id: int | None,
        expected_version: int | None,
        *,
        values: Mapping[str, Any],
        custom: Mapping[int, Any] | None = None,
        products: Sequence[ProductLine] | None = None,
        amount_from_products: bool | None = None,
        new_company: str | None = None,
        new_contacts: Sequence[str] = (),
    ) -> DealFormData:
        """Create (deal_id None) or update a deal from the form; all of it or nothing.

        `values` are standard fields by name (stage_id and, for a new deal, pipeline_id too);
        `products` None leaves the rows as they are; a ValidationError lists every problem.
        """
        custom = dict(custom or {})
        with self._ctx.write() as uow:
            session = uow.session
            deal: Deal | None = None
            if deal_id is not None:
                deal = load(session, Deal, "deal", deal_id)
                require_deal(session, self._ctx.actor_id, deal, Action.EDIT)
                check_version(session, "deal", deal, expected_version or 0, deal.title)
            stage = _target_stage(session, deal, values)
            if deal is None or stage.id != deal.stage_id:
                require_move(session, self._ctx.actor_id, stage.pipeline_id, stage.id, stage.name)
            problems = Problems()
            standard = _clean_standard(session, problems, deal, values)
            fields = fields_by_id(session, EntityType.DEAL, custom)
            if deal is None:
                require_custom(session, problems, custom)
            cleaned_custom = clean_values(session, problems, fields, custom)
            lines = _check_products(problems, products)
            company_name = _clean_name(problems, "company_id", new_company, 255)
            contact_names = [
                n for name in new_contacts if (n := _clean_name(problems, "contact_ids", name, 201))
            ]
            currency = standard.get("currency") or (deal.currency if deal else None)
            use_rows = (
                amount_from_products
                if amount_from_products is not None
                else bool(deal and deal.amount_from_products)
            )
            stored_rows = _rows(session, deal.id) if deal is not None and lines is None else None
            rows_now = lines if lines is not None else (stored_rows or [])
            if use_rows and rows_now:
                standard["amount"] = totals(rows_now, currency or "EUR").gross
            pending = {
                **standard,
                **{f"uf:{fields[i].code}": v for i, v in cleaned_custom.items()},
            }
            if company_name:
                pending["company_id"] = -1
            if contact_names:
                pending["contact_ids"] = [*standard.get("contact_ids", ()), *contact_names]
            try:
                missing_for_stage(
                    session, stage, [deal.id if deal else 0], pending={deal.id if deal else 0: pending}
                )
            except MissingFieldsError as exc:
                problems.extend(exc.problems)
            problems.raise_if_any()
            # -- everything checked: write ------------------------------------------------------
            if company_name:
                standard["company_id"] = create_company(uow, company_name).id
            contact_ids = list(standard.pop("contact_ids", contact_ids_of(session, deal.id) if deal else ()))
            contact_ids += [new_contact_in(uow, name).id for name in contact_names]
            if deal is None:
                may_add(session, self._ctx.actor_id, stage, standard)
                given = [k for k, v in standard.items() if v not in (None, "", [], ())]
                given += [
                    f"uf:{fields[i].code}" for i, v in cleaned_custom.items() if v not in (None, "", [], ())
                ]
                require_editable(session, EntityType.DEAL, self._ctx.actor_id, given)
                deal = insert_deal(
                    uow, stage, {**standard, "amount_from_products": bool(use_rows)}, contact_ids
                )
                diff: dict[str, tuple[Any, Any]] = {}
            else:
                diff = apply_changes(session, deal, {**standard, "contact_ids": contact_ids})
                if stage.id != deal.stage_id:
                    diff.update(apply_stage(session, deal, stage.id, values.get("loss_reason"), uow.actor_id))
                if deal.amount_from_products != bool(use_rows):
                    diff["amount_from_products"] = (deal.amount_from_products, bool(use_rows))
                    deal.amount_from_products = bool(use_rows)
            if cleaned_custom:
                diff.update(write_values(session, fields, deal.id, cleaned_custom))
            if lines is not None:
                diff.update(_write_rows(session, deal.id, lines))
            # Fields this person may not change: refused (and all of it rolled back) whatever sent them.
            require_editable(session, EntityType.DEAL, self._ctx.actor_id, diff.keys())
            if diff:
                deal.updated_by_id = self._ctx.actor_id
                touch(deal)
                flush_or_conflict(session, "deal", deal.title)
                moved = stage_move_operation(uow, 1) if "stage_id" in diff else None
                uow.history.changed("deal", deal.id, deal.version, diff, operation_id=moved)
                uow.emit("deal.updated", [deal.id], diff.keys())
                if "stage_id" in diff:
                    uow.emit("deal.stage_changed", [deal.id], {"stage_id"})
                    follow_tunnels(uow, stage, [deal.id])
            session.flush()
            return _form_data(session, deal)


# -- reading ---------------------------------------------------------------------------------------


def _form_data(session: Session, deal: Deal) -> DealFormData:
    fields = [
        field_info(d)
        for d in session.scalars(
            select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.DEAL)
        )
    ]
    custom = read_values(session.connection(), fields, [deal.id]).get(deal.id, {})
    contacts = contact_ids_of(session, deal.id)
    names = {c.id: c.full_name for c in session.scalars(select(Contact).where(Contact.id.in_(contacts)))}
    return DealFormData(
        deal_details(session, deal),
        custom,
        tuple(_rows(session, deal.id)),
        tuple(ContactRef(i, names.get(i, "")) for i in contacts),
    )


def _rows(session: Session, deal_id: int) -> list[ProductLine]:
    return [
        ProductLine(
            r.name,
            r.price,
            r.quantity,
            r.unit,
            r.discount_type,
            r.discount,
            r.tax_rate,
            r.tax_included,
            r.product_id,
        )
        for r in session.scalars(
            select(DealProductRow).where(DealProductRow.deal_id == deal_id).order_by(DealProductRow.sort)
        )
    ]


def default_of(field: CustomFieldInfo) -> Any:
    """A custom field's default as a value (a list field's default names one of its choices)."""
    if field.default_value is None:
        return None
    if field.field_type is FieldType.LIST:
        found = next((o.id for o in field.options if o.label == field.default_value), None)
        return [found] if field.multiple and found is not None else found
    return field.default_value


# -- checking ---------------------------------------------------------------------------------------


def _target_stage(session: Session, deal: Deal | None, values: Mapping[str, Any]) -> Stage:
    if deal is None:
        return first_stage(session, values.get("pipeline_id"), values.get("stage_id"))
    stage_id = values.get("stage_id") or deal.stage_id
    stage = stage_or_error(session, stage_id)
    if stage.pipeline_id != deal.pipeline_id:
        raise ValidationError.single(
            "stage_id",
            QT_TRANSLATE_NOOP(
                "errors", "Stage '{stage}' belongs to another pipeline; move the deal to that pipeline first."
            ),
            stage=stage.name,
        )
    return stage


def _clean_standard(
    session: Session, problems: Problems, deal: Deal | None, values: Mapping[str, Any]
) -> dict[str, Any]:
    given = {k: v for k, v in values.items() if k not in ("stage_id", "pipeline_id", "loss_reason")}
    try:
        return clean_deal(session, given, creating=deal is None, current=deal)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return {}


def require_custom(
    session: Session, problems: Problems, custom: Mapping[int, Any], entity: EntityType = EntityType.DEAL
) -> None:
    """A new record needs its required custom fields even when the form did not send them."""
    for definition in session.scalars(
        select(CustomFieldDefinition).where(
            CustomFieldDefinition.entity_type == entity, CustomFieldDefinition.required.is_(True)
        )
    ):
        if definition.id not in custom:
            problems.add(
                f"uf:{definition.code}",
                QT_TRANSLATE_NOOP("errors", "{label} is required."),
                label=Message(definition.label),
            )


def _check_products(problems: Problems, products: Sequence[ProductLine] | None) -> list[ProductLine] | None:
    if products is None:
        return None
    if len(products) > MAX_ROWS:
        problems.add(
            "products",
            QT_TRANSLATE_NOOP("errors", "A deal can have at most {max} product rows."),
            max=MAX_ROWS,
        )
    for row, line in enumerate(products, start=1):
        for template in check_line(line):
            problems.add(
                "products",
                QT_TRANSLATE_NOOP("errors", "Product row {row}: {problem}"),
                row=row,
                problem=Message(template),
            )
    return list(products)


def _clean_name(problems: Problems, field: str, name: str | None, max_length: int) -> str | None:
    if name is None or not name.strip():
        return None
    return clean_text(
        problems, field, FIELD_LABELS[field], " ".join(name.split()), required=True, max_length=max_length
    )


# -- writing ----------------------------------------------------------------------------------------


def create_company(uow: UnitOfWork, title: str) -> Company:
    company = Company(
        title=title, responsible_id=uow.actor_id, created_by_id=uow.actor_id, updated_by_id=uow.actor_id
    )
    uow.session.add(company)
    uow.session.flush()
    uow.history.created("company", company.id, company.version, company.title)
    uow.emit("company.created", [company.id])
    return company


def rows_summary(lines: Sequence[ProductLine]) -> str | None:
    """Rows as the timeline shows them: "Desk × 3 à 100.00; Chair × 2 à 50.00"."""
    parts = [f"{line.name} × {line.quantity.normalize():f} à {line.price:f}" for line in lines]
    return "; ".join(parts) or None


def _write_rows(session: Session, deal_id: int, lines: Sequence[ProductLine]) -> dict[str, tuple[Any, Any]]:
    before = _rows(session, deal_id)
    if before == list(lines):
        return {}
    session.execute(delete(DealProductRow).where(DealProductRow.deal_id == deal_id))
    for sort, line in enumerate(lines):
        session.add(
            DealProductRow(
                deal_id=deal_id,
                product_id=line.product_id,
                sort=sort,
                name=line.name.strip(),
                price=line.price,
                quantity=line.quantity,
                unit=line.unit.strip() or "pcs",
                discount_type=line.discount_type,
                discount=line.discount,
                tax_rate=line.tax_rate,
                tax_included=line.tax_included,
            )
        )
    session.flush()
    return {"products": (rows_summary(before), rows_summary(lines))}
