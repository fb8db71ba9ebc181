"""Settings > Products: the catalog by section; new, edit, switch off (kept for old deals), delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.product_dialog import ProductDialog
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.setup.products import ProductDetails
from app.ui.formatting import money
from app.ui.i18n import error_text

ALL = "\x00all"


class ProductsSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Products"))
        self.setObjectName("productsSettings")
        self._services = services
        self._products: list[ProductDetails] = []
        may_change = services.actor is None or services.actor.is_admin
        self.section = QComboBox()
        self.section.setObjectName("productSection")
        self.table = QTreeWidget()
        self.table.setObjectName("productTable")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("SKU"),
                self.tr("Section"),
                self.tr("Price"),
                self.tr("Tax"),
                self.tr("Active"),
            ]
        )
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.new = QPushButton(self.tr("New product…"))
        self.new.setObjectName("newProduct")
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("editProduct")
        self.delete = QPushButton(self.tr("Delete…"))
        self.delete.setObjectName("deleteProduct")
        for button in (self.new, self.edit, self.delete):
            button.setEnabled(may_change)
        buttons = QHBoxLayout()
        buttons.addWidget(self.section)
        buttons.addStretch(1)
        for button in (self.new, self.edit, self.delete):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.section.currentIndexChanged.connect(lambda _i: self._fill())
        self.new.clicked.connect(self._on_new)
        self.edit.clicked.connect(self._on_edit)
        self.delete.clicked.connect(self._on_delete)
        if may_change:
            self.table.itemDoubleClicked.connect(lambda *_a: self._on_edit())
        self.refresh()

    def refresh(self) -> None:
        chosen = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("Every section"), ALL)
        for name in self._services.products.sections():
            self.section.addItem(name, name)
        self.section.setCurrentIndex(max(0, self.section.findData(chosen)))
        self.section.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        chosen = self.section.currentData()
        self._products = self._services.products.list(section=None if chosen in (ALL, None) else chosen)
        yes, no = self.tr("yes"), self.tr("no")
        self.table.clear()
        for product in self._products:
            item = QTreeWidgetItem(
                [
                    product.name,
                    product.sku or "",
                    product.section or "",
                    money(product.price, product.currency),
                    f"{product.tax_rate.normalize():f} %",
                    yes if product.active else no,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, product.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)

    def _selected(self) -> ProductDetails | None:
        item = self.table.currentItem()
        if item is None:
            return None
        return next((p for p in self._products if p.id == item.data(0, Qt.ItemDataRole.UserRole)), None)

    def _on_new(self) -> None:
        if ProductDialog(self._services, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _on_edit(self) -> None:
        product = self._selected()
        if (
            product is not None
            and ProductDialog(self._services, product, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def _on_delete(self) -> None:
        product = self._selected()
        if product is None:
            return
        text = self.tr(
            "Delete the product “%1”? Deals keep their rows with its name and price; to stop offering it, switch it off instead (Edit…)."  # noqa: E501
        ).replace("%1", product.name)
        if QMessageBox.question(self, self.tr("Delete product"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.products.delete(product.id, product.version)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Product not deleted"), error_text(exc))
        self.refresh()
