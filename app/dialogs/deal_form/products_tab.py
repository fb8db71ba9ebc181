"""The Products tab: rows from the catalog or typed freely, their totals, and "amount from products"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.deal_form.product_rows_model import (
    COL_DISCOUNT_TYPE,
    COL_NAME,
    COL_TOTAL,
    ProductRowsModel,
)
from app.services.deals.pricing import ProductLine
from app.services.setup.products import ProductDetails
from app.ui.formatting import money


class _NameDelegate(QStyledItemDelegate):
    """The product's name: typing offers the catalog (choosing one fills price, unit and tax)."""

    def __init__(self, names: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._names = names

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(self._names, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor


class _DiscountTypeDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        assert isinstance(model, ProductRowsModel)
        combo.addItem("%", "percent")
        combo.addItem(model.currency, "amount")
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(0 if index.data() == "%" else 1)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class ProductsTab(QWidget):
    changed = Signal()

    def __init__(self, catalog: list[ProductDetails], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productsTab")
        self._catalog = {p.id: p for p in catalog}
        self.model = ProductRowsModel(catalog, self)
        self.table = QTableView()
        self.table.setObjectName("productRows")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setItemDelegateForColumn(COL_NAME, _NameDelegate(self.model.catalog_names(), self.table))
        self.table.setItemDelegateForColumn(COL_DISCOUNT_TYPE, _DiscountTypeDelegate(self.table))

        self.pick = QComboBox()
        self.pick.setObjectName("catalogPicker")
        self.pick.setEditable(True)
        self.pick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pick.lineEdit().setPlaceholderText(self.tr("Add from the catalog…"))
        for product in catalog:
            self.pick.addItem(f"{product.name} · {money(product.price, product.currency)}", product.id)
        self.pick.setCurrentIndex(-1)
        self.pick.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.pick.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_row = QPushButton(self.tr("Add a row"))
        self.add_row.setObjectName("addRow")
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("removeRows")
        for button in (self.add_row, self.remove):
            button.setAutoDefault(False)  # Enter in the rows is never a click on these
        self.refused = QLabel()
        self.refused.setObjectName("refused")
        self.refused.setStyleSheet("color: #c62828;")
        self.refused.hide()

        self.from_products = QCheckBox(self.tr("The deal's amount is the total of its products"))
        self.from_products.setObjectName("amountFromProducts")
        self.net = QLabel()
        self.net.setObjectName("net")
        self.discount = QLabel()
        self.discount.setObjectName("discount")
        self.taxes = QLabel()
        self.taxes.setObjectName("taxes")
        self.gross = QLabel()
        self.gross.setObjectName("gross")
        font = self.gross.font()
        font.setBold(True)
        self.gross.setFont(font)
        for label in (self.net, self.discount, self.taxes, self.gross):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        sums = QFormLayout()
        sums.addRow(self.tr("Discounts"), self.discount)
        sums.addRow(self.tr("Net"), self.net)
        sums.addRow(self.tr("Tax"), self.taxes)
        sums.addRow(self.tr("Total"), self.gross)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pick, 2)
        buttons.addWidget(self.add_row)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.from_products, 1, Qt.AlignmentFlag.AlignTop)
        bottom.addLayout(sums)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refused)
        layout.addLayout(bottom)

        self.pick.activated.connect(self._on_pick)
        self.add_row.clicked.connect(self._on_add_row)
        self.remove.clicked.connect(self._on_remove)
        self.model.rows_changed.connect(self._show_totals)
        self.model.rows_changed.connect(self.changed)
        self.model.input_refused.connect(self._on_refused)
        self.from_products.toggled.connect(lambda _on: self.changed.emit())
        self._show_totals()

    def set_rows(self, rows: tuple[ProductLine, ...] | list[ProductLine], from_products: bool) -> None:
        self.model.set_rows(rows)
        self.from_products.blockSignals(True)
        self.from_products.setChecked(from_products)
        self.from_products.blockSignals(False)
        self._show_totals()

    def set_currency(self, currency: str) -> None:
        self.model.set_currency(currency)

    def _on_pick(self, index: int) -> None:
        product = self._catalog.get(self.pick.itemData(index))
        if product is None:
            return
        row = self.model.add_product(product)
        self.table.selectRow(row)
        self._clear_pick()
        # A suggestion picked with the mouse writes its text back after this: clear once more after it,
        # or the next Enter would add the product again and typing would go into the old name.
        QTimer.singleShot(0, self._clear_pick)

    def _clear_pick(self) -> None:
        self.pick.setCurrentIndex(-1)
        self.pick.clearEditText()

    def _on_add_row(self) -> None:
        row = self.model.add_row(ProductLine(self.tr("New product"), Decimal("0.00")))
        index = self.model.index(row, COL_NAME)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _on_remove(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.model.remove_rows(rows)

    def _on_refused(self, text: str) -> None:
        self.refused.setText(self.tr("“%1” is not a number.").replace("%1", text))
        self.refused.show()

    def _show_totals(self) -> None:
        self.refused.hide()
        result, currency = self.model.totals, self.model.currency
        self.net.setText(money(result.net, currency))
        self.discount.setText(money(result.discount, currency))
        parts = [
            self.tr("%1 % : %2").replace("%1", f"{rate:f}").replace("%2", money(tax, currency))
            for rate, tax in result.tax_by_rate.items()
        ]
        self.taxes.setText("\n".join(parts) if parts else money(result.tax, currency))
        self.gross.setText(money(result.gross, currency))
        self.table.resizeColumnToContents(COL_TOTAL)
