"""Settings > Products: the catalog by section; new, edit, switch off (kept for old deals), delete."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from app.dialogs.product_dialog import ProductDialog
from app.services.container import Services
from app.services.setup.products import ProductDetails
from app.ui.formatting import money
from app.views.record_box import RecordBox

ALL = "\x00all"


class ProductsSettings(RecordBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self.section = QComboBox()
        self.section.setObjectName("productSection")
        super().__init__(
            services,
            chooser=self.section,
            headers=[
                self.tr("Name"),
                self.tr("SKU"),
                self.tr("Section"),
                self.tr("Price"),
                self.tr("Tax"),
                self.tr("Active"),
            ],
            new_text=self.tr("New product…"),
            object_names=("productTable", "newProduct", "editProduct", "deleteProduct"),
            minimum_height=200,
            parent=parent,
        )
        self.setTitle(self.tr("Products"))
        self.setObjectName("productsSettings")
        self.section.currentIndexChanged.connect(lambda _i: self._fill())
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
        self.show_records(
            self._services.products.list(section=None if chosen in (ALL, None) else chosen),
            lambda product: [
                product.name,
                product.sku or "",
                product.section or "",
                money(product.price, product.currency),
                f"{product.tax_rate.normalize():f} %",
                self.yes_no(product.active),
            ],
            right_aligned=(3,),
        )

    def _on_new(self) -> None:
        if ProductDialog(self._services, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _on_edit(self) -> None:
        product: ProductDetails | None = self.selected()
        if (
            product is not None
            and ProductDialog(self._services, product, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def _on_delete(self) -> None:
        product: ProductDetails | None = self.selected()
        if product is None:
            return
        text = self.tr(
            "Delete the product “%1”? Deals keep their rows with its name and price; to stop offering it, switch it off instead (Edit…)."  # noqa: E501
        ).replace("%1", product.name)
        self.delete_after_asking(
            self.tr("Delete product"),
            text,
            self.tr("Product not deleted"),
            lambda: self._services.products.delete(product.id, product.version),
        )
