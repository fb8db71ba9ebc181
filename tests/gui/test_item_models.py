"""Every Qt item model of the app passes pytest-qt's model checks, filled with demo data and after
the changes the app makes to it; a new model without a check here fails the last test."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from PySide6.QtCore import QAbstractItemModel, Qt

import app
from app.dialogs.deal_form.product_rows_model import ProductRowsModel
from app.services.container import Services
from app.services.customers.queries import CustomerKind
from app.services.deals.filters import DealFilter
from app.services.deals.pricing import ProductLine
from app.ui.paged_model import PagedTableModel
from app.views.customers.customer_table_model import CustomerTableModel
from app.views.deal_list.deal_table_model import COL_AMOUNT, DealTableModel
from app.views.kanban.card_model import CardListModel
from app.views.leads.lead_table_model import LeadTableModel
from app.views.pipelines_settings.stage_table_model import StageTableModel
from app.views.roles_settings.role_matrix_model import RoleMatrixModel


def _deal_table(services: Services) -> QAbstractItemModel:
    model = DealTableModel(services)
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    return model


def _deal_table_filtered(services: Services) -> QAbstractItemModel:
    pipeline = services.pipelines.list()[1]
    return DealTableModel(services, DealFilter(pipeline_id=pipeline.id))


def _contacts(services: Services) -> QAbstractItemModel:
    model = CustomerTableModel(services, CustomerKind.CONTACT)
    model.reload()
    return model


def _companies(services: Services) -> QAbstractItemModel:
    model = CustomerTableModel(services, CustomerKind.COMPANY)
    model.set_search("a")
    return model


def _leads(services: Services) -> QAbstractItemModel:
    model = LeadTableModel(services)
    model.reload()
    return model


def _cards(services: Services) -> QAbstractItemModel:
    stage = services.pipelines.list()[0].stages[0]
    model = CardListModel(services, stage.id)
    total = services.kanban.columns([stage.id], DealFilter())[stage.id].count
    model.load(DealFilter(), total)
    return model


def _product_rows(services: Services) -> QAbstractItemModel:
    model = ProductRowsModel(services.products.list())
    model.set_rows(
        [
            ProductLine("Consulting", Decimal("120.00"), Decimal(3), "h", tax_rate=Decimal(19)),
            ProductLine("Licence", Decimal("990.00"), tax_rate=Decimal(19), tax_included=True),
        ]
    )
    return model


def _stages(services: Services) -> QAbstractItemModel:
    model = StageTableModel()
    pipeline = services.pipelines.list()[0]
    model.set_stages(pipeline.stages, editable=True)
    model.set_averages({pipeline.stages[0].id: 2.5})
    return model


def _role_matrix(services: Services) -> QAbstractItemModel:
    model = RoleMatrixModel(services.pipelines.list())
    salesperson = next(r for r in services.roles.list() if r.builtin == "salesperson")
    model.set_rights(salesperson.rights)
    return model


def _role_preview(services: Services) -> QAbstractItemModel:
    model = _role_matrix(services)
    assert isinstance(model, RoleMatrixModel)
    model.set_preview(tuple(r.rights for r in services.roles.list()[:2]))
    return model


# Every model class of the app, with the ways the app fills it.
MODELS: dict[type, list[Callable[[Services], QAbstractItemModel]]] = {
    DealTableModel: [_deal_table, _deal_table_filtered],
    CustomerTableModel: [_contacts, _companies],
    LeadTableModel: [_leads],
    CardListModel: [_cards],
    ProductRowsModel: [_product_rows],
    StageTableModel: [_stages],
    RoleMatrixModel: [_role_matrix, _role_preview],
}
# Base classes, checked through their subclasses above.
BASES = {PagedTableModel}

CASES = [pytest.param(make, id=make.__name__.strip("_")) for makers in MODELS.values() for make in makers]


@pytest.mark.parametrize("make", CASES)
def test_model_passes_qt_model_checks(qtmodeltester, demo_services: Services, make) -> None:
    model = make(demo_services)
    assert model.rowCount() > 0  # a check of an empty model proves little
    qtmodeltester.check(model, force_py=True)


def test_every_item_model_in_the_app_is_checked() -> None:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name.startswith(("app.views", "app.dialogs", "app.ui", "app.gui")):
            importlib.import_module(module.name)
    found = {cls for cls in _subclasses(QAbstractItemModel) if cls.__module__.startswith("app.")}
    unchecked = sorted(c.__qualname__ for c in found - set(MODELS) - BASES)
    assert not unchecked, f"item models without a model check in this file: {unchecked}"


def _subclasses(cls: type) -> set[type]:
    found: set[Any] = set()
    for sub in cls.__subclasses__():
        found.add(sub)
        found |= _subclasses(sub)
    return found
