"""History values (stored as language-neutral text) shown in the user's terms: names, dates, money."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale

from app.dialogs.fields.catalog import FieldCatalog
from app.services.core.vocabulary import DEAL_SOURCES, FIELD_LABELS
from app.services.fields.custom_fields import FieldType
from app.ui.formatting import short_date
from app.ui.i18n import translate_message


class HistoryFormat:
    """Turns a field name and a stored value into what the timeline and conflicts show."""

    def __init__(self, catalog: FieldCatalog) -> None:
        self._catalog = catalog
        services = catalog.services
        pipelines = services.pipelines.list()
        self._stages = {s.id: s.name for p in pipelines for s in p.stages}
        self._pipelines = {p.id: p.name for p in pipelines}
        self._users = dict(catalog.users())
        self._by_code = {f.code: f for f in catalog.custom.values()}

    def field(self, name: str | None) -> str:
        if name is None:
            return ""
        if name == "products":
            return QCoreApplication.translate("HistoryFormat", "Products")
        if name == "amount_from_products":
            return QCoreApplication.translate("HistoryFormat", "Amount from products")
        if name.startswith("uf:"):
            field = self._by_code.get(name[3:])
            return field.label if field else name[3:]
        message = FIELD_LABELS.get(name)
        return translate_message(message) if message is not None else name

    def value(self, name: str | None, text: str | None) -> str:
        if text is None or text == "":
            return "–"
        if name == "stage_id":
            return self._stages.get(_int(text), text)
        if name == "pipeline_id":
            return self._pipelines.get(_int(text), text)
        if name in ("responsible_id", "created_by_id", "updated_by_id"):
            return self._users.get(_int(text), text)
        if name == "observer_ids":
            return ", ".join(self._users.get(_int(p), p) for p in text.split(","))
        if name == "company_id":
            ident = _int(text)
            return self._catalog.services.companies.titles([ident]).get(ident, text) if ident else text
        if name == "source":
            label = DEAL_SOURCES.get(text)
            return translate_message(label) if label is not None else text
        if text in ("true", "false"):
            return (
                QCoreApplication.translate("HistoryFormat", "yes")
                if text == "true"
                else QCoreApplication.translate("HistoryFormat", "no")
            )
        if name and name.startswith("uf:"):
            return self._custom(name[3:], text)
        if name == "products":
            return "; ".join(_product_row(part) for part in text.split("; "))
        return _readable(text)

    def _custom(self, code: str, text: str) -> str:
        field = self._by_code.get(code)
        if field is None:
            return text
        parts = [p.strip() for p in text.split(",")]
        if field.field_type is FieldType.LIST:
            return ", ".join(field.option_label(_int(p) or 0) or p for p in parts)
        if field.field_type is FieldType.EMPLOYEE:
            return ", ".join(self._users.get(_int(p), p) for p in parts)
        return ", ".join(_readable(p) for p in parts)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _product_row(text: str) -> str:
    """A product row as the services note it ("Desk × 3 à 1890.00"), in the user's notation."""
    found = re.fullmatch(r"(.*) × (\S+) à (\S+)", text)
    if found is None:
        return text
    name, quantity, price = found.groups()
    return (
        QCoreApplication.translate("HistoryFormat", "%1 × %2 at %3")
        .replace("%1", name)
        .replace("%2", _readable(quantity))
        .replace("%3", _readable(price))
    )


def _readable(text: str) -> str:
    """Dates and numbers in the user's notation; anything else as it is."""
    try:
        if len(text) == 10 and text[4] == "-":
            return short_date(date.fromisoformat(text))
        if len(text) > 10 and text[4] == "-" and "T" in text:
            moment = datetime.fromisoformat(text)
            return f"{short_date(moment)} {moment:%H:%M}"
    except ValueError:
        return text
    try:
        Decimal(text)
    except InvalidOperation:
        return text
    if "." in text:  # exact: the integer part grouped, the decimals as stored
        units, decimals = text.split(".", 1)
        sign = "-" if units.startswith("-") else ""
        return f"{sign}{QLocale().toString(abs(int(units)))}{QLocale().decimalPoint()}{decimals}"
    return text
