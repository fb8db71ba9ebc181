"""A product of the catalog: name, SKU, section, unit, price and currency, tax rate, active."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ConflictError, DatabaseError, ServiceError, ValidationError
from app.services.setup.products import ProductDetails
from app.ui.formatting import parse_money
from app.ui.i18n import error_text, translate_message


class ProductDialog(QDialog):
    def __init__(
        self, services: Services, product: ProductDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("productDialog")
        self.setWindowTitle(self.tr("Edit product") if product else self.tr("New product"))
        self._services = services
        self.product = product
        self.saved: ProductDetails | None = None
        self.name = QLineEdit(product.name if product else "")
        self.name.setObjectName("name")
        self.sku = QLineEdit(product.sku or "" if product else "")
        self.sku.setObjectName("sku")
        self.section = QComboBox()
        self.section.setObjectName("section")
        self.section.setEditable(True)
        self.section.addItem("")
        self.section.addItems(services.products.sections())
        self.section.setCurrentText(product.section or "" if product else "")
        self.unit = QLineEdit(product.unit if product else "pcs")
        self.unit.setObjectName("unit")
        self.price = QLineEdit(_number(product.price) if product else "")
        self.price.setObjectName("price")
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        for currency in services.currencies.list():
            self.currency.addItem(currency.code, currency.code)
            if (product and currency.code == product.currency) or (not product and currency.is_base):
                self.currency.setCurrentIndex(self.currency.count() - 1)
        self.tax_rate = QLineEdit(_number(product.tax_rate) if product else "19")
        self.tax_rate.setObjectName("taxRate")
        self.tax_included = QCheckBox(self.tr("Tax included in the price"))
        self.tax_included.setObjectName("taxIncluded")
        self.tax_included.setChecked(bool(product and product.tax_included))
        self.active = QCheckBox(self.tr("Offered in deals"))
        self.active.setObjectName("active")
        self.active.setChecked(product.active if product else True)
        self.description = QPlainTextEdit(product.description or "" if product else "")
        self.description.setObjectName("description")
        self.description.setMaximumHeight(90)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Tax rate %"), self.tax_rate)
        form.addRow("", self.tax_included)
        form.addRow("", self.active)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "sku": self.sku.text().strip() or None,
            "section": self.section.currentText().strip() or None,
            "unit": self.unit.text().strip() or "pcs",
            "price": parse_money(self.price.text().strip()) if self.price.text().strip() else "0",
            "currency": self.currency.currentData(),
            "tax_rate": parse_money(self.tax_rate.text().strip()) if self.tax_rate.text().strip() else "0",
            "tax_included": self.tax_included.isChecked(),
            "active": self.active.isChecked(),
            "description": self.description.toPlainText().strip() or None,
        }

    def _on_save(self) -> None:
        products = self._services.products
        try:
            if self.product is None:
                self.saved = products.create(**self.values())
            else:
                self.saved = products.update(self.product.id, self.product.version, **self.values())
        except ValidationError as exc:
            self.errors.setText("\n".join(translate_message(p.message) for p in exc.problems))
            self.errors.show()
            return
        except (ConflictError, ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Product not saved"), error_text(exc))
            return
        self.accept()


def _number(value: object) -> str:
    from PySide6.QtCore import QLocale

    text = format(value, "f")
    return text.replace(".", QLocale().decimalPoint())
