"""The product rows of the deal form as an editable table, totals computed by the services' maths."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.deals.pricing import DiscountType, ProductLine, Totals, totals
from app.services.setup.products import ProductDetails
from app.ui.formatting import money, parse_money

(
    COL_NAME,
    COL_PRICE,
    COL_QUANTITY,
    COL_UNIT,
    COL_DISCOUNT,
    COL_DISCOUNT_TYPE,
    COL_TAX,
    COL_TAX_INCLUDED,
    COL_TOTAL,
) = range(9)
COLUMN_COUNT = 9
NUMBER_COLUMNS = {COL_PRICE: 2, COL_QUANTITY: 3, COL_DISCOUNT: 2, COL_TAX: 2}


def decimal_text(value: Decimal, places: int) -> str:
    """A number as the user writes it: locale decimal point, no grouping, no trailing zeros past `places`."""
    text = format(value.quantize(Decimal(1).scaleb(-places)) if places else value, "f")
    if places > 2 and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", QLocale().decimalPoint())


class ProductRowsModel(QAbstractTableModel):
    rows_changed = Signal()
    input_refused = Signal(str)  # what was typed and could not be read (shown under the table)

    def __init__(self, catalog: list[ProductDetails], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProductLine] = []
        self._catalog = {p.name: p for p in catalog}
        self.currency = "EUR"
        self._totals = totals([], self.currency)

    # -- data in and out ---------------------------------------------------------------------------

    def set_rows(self, rows: list[ProductLine] | tuple[ProductLine, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._recompute()
        self.endResetModel()

    def rows(self) -> list[ProductLine]:
        return list(self._rows)

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        self._recompute()
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_TOTAL), self.index(len(self._rows) - 1, COL_TOTAL))
        self.rows_changed.emit()

    @property
    def totals(self) -> Totals:
        return self._totals

    def add_row(self, line: ProductLine) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(line)
        self.endInsertRows()
        self._changed()
        return row

    def add_product(self, product: ProductDetails) -> int:
        return self.add_row(_line_from(product))

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self._changed()

    def catalog_names(self) -> list[str]:
        return sorted(self._catalog)

    def _recompute(self) -> None:
        self._totals = totals(self._rows, self.currency)

    def _changed(self) -> None:
        self._recompute()
        self.rows_changed.emit()

    # -- Qt model ---------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Product"),
            self.tr("Price"),
            self.tr("Quantity"),
            self.tr("Unit"),
            self.tr("Discount"),
            self.tr("Discount in"),
            self.tr("Tax %"),
            self.tr("Tax incl."),
            self.tr("Total"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_TAX_INCLUDED:
            return Qt.CheckState.Checked if line.tax_included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (*NUMBER_COLUMNS, COL_TOTAL):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == COL_NAME:
            return line.name
        if column == COL_UNIT:
            return line.unit
        if column == COL_DISCOUNT_TYPE:
            return "%" if line.discount_type is DiscountType.PERCENT else self.currency
        if column == COL_TAX_INCLUDED:
            return None
        if column == COL_TOTAL:
            return money(self._totals.lines[index.row()].gross, self.currency)
        value = {
            COL_PRICE: line.price,
            COL_QUANTITY: line.quantity,
            COL_DISCOUNT: line.discount,
            COL_TAX: line.tax_rate,
        }
        places = NUMBER_COLUMNS[column]
        if role == Qt.ItemDataRole.EditRole or column != COL_PRICE:
            return decimal_text(value[column], places)
        return money(line.price, self.currency)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():  # the root: nothing to edit there
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == COL_TAX_INCLUDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_TOTAL:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        line = self._rows[row]
        if column == COL_TAX_INCLUDED and role == Qt.ItemDataRole.CheckStateRole:
            new = replace(line, tax_included=Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == COL_NAME:
            name = str(value).strip()
            new = replace(line, name=name)
            product = self._catalog.get(name)
            if product is not None and line.product_id is None and line.price == 0:
                new = _line_from(product, quantity=line.quantity)  # picked from the catalog
        elif column == COL_UNIT:
            new = replace(line, unit=str(value).strip() or "pcs")
        elif column == COL_DISCOUNT_TYPE:
            kind = (
                DiscountType.PERCENT
                if str(value) in ("%", DiscountType.PERCENT.value)
                else DiscountType.AMOUNT
            )
            new = replace(line, discount_type=kind)
        else:
            number = self._number(str(value))
            if number is None:
                return False
            field = {
                COL_PRICE: "price",
                COL_QUANTITY: "quantity",
                COL_DISCOUNT: "discount",
                COL_TAX: "tax_rate",
            }[column]
            new = replace(line, **{field: number})
        if new == line:
            return False
        self._rows[row] = new
        self._recompute()
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.rows_changed.emit()
        return True

    def _number(self, text: str) -> Decimal | None:
        cleaned = parse_money(text) if text.strip() else "0"
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            self.input_refused.emit(text)
            return None


def _line_from(product: ProductDetails, quantity: Decimal = Decimal(1)) -> ProductLine:
    return ProductLine(
        product.name,
        product.price,
        quantity,
        product.unit,
        DiscountType.PERCENT,
        Decimal(0),
        product.tax_rate,
        product.tax_included,
        product.id,
    )
