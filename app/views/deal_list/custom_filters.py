"""Filter rows for custom fields in the filter panel: one small editor per field, by its type."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from app.services.deals.filters import CustomCondition
from app.services.fields.custom_fields import CustomFieldInfo, FieldType, encode
from app.ui.date_input import DateInput
from app.ui.formatting import parse_money

NUMBERS = (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY)
DATES = (FieldType.DATE, FieldType.DATETIME)
TEXTS = (FieldType.STRING, FieldType.TEXT, FieldType.URL, FieldType.EMAIL, FieldType.PHONE)


class InvalidValueError(Exception):
    """What the user typed is not a value of the field; the message says so."""


class CustomFilter:
    """The editor for one field and the condition it stands for (None: not filtering)."""

    def __init__(self, field: CustomFieldInfo) -> None:
        self.field = field
        self.widget = QWidget()
        self.widget.setObjectName(f"filter_uf_{field.id}")
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        kind = field.field_type
        self._choice: QComboBox | None = None
        self._edits: list[QLineEdit] = []
        self._dates: list[QDateEdit] = []
        if kind in (FieldType.LIST, FieldType.BOOLEAN):
            self._choice = QComboBox()
            self._choice.addItem(QCoreApplication.translate("CustomFilter", "Any"), None)
            if kind is FieldType.LIST:
                for option in field.options:
                    self._choice.addItem(option.label, option.id)
            else:
                self._choice.addItem(QCoreApplication.translate("CustomFilter", "Yes"), 1)
                self._choice.addItem(QCoreApplication.translate("CustomFilter", "No"), 0)
            self._choice.addItem(QCoreApplication.translate("CustomFilter", "(empty)"), "unset")
            row.addWidget(self._choice)
        elif kind in NUMBERS:
            for placeholder in (
                QCoreApplication.translate("CustomFilter", "from"),
                QCoreApplication.translate("CustomFilter", "to"),
            ):
                edit = QLineEdit()
                edit.setPlaceholderText(placeholder)
                self._edits.append(edit)
                row.addWidget(edit)
        elif kind in DATES:
            for placeholder in (
                QCoreApplication.translate("CustomFilter", "from"),
                QCoreApplication.translate("CustomFilter", "to"),
            ):
                edit = DateInput(placeholder)
                self._dates.append(edit)
                row.addWidget(edit)
        elif kind in TEXTS:
            edit = QLineEdit()
            edit.setPlaceholderText(QCoreApplication.translate("CustomFilter", "starts with"))
            self._edits.append(edit)
            row.addWidget(edit)
        else:
            self._choice = QComboBox()
            self._choice.addItem(QCoreApplication.translate("CustomFilter", "Any"), None)
            self._choice.addItem(QCoreApplication.translate("CustomFilter", "(set)"), "set")
            self._choice.addItem(QCoreApplication.translate("CustomFilter", "(empty)"), "unset")
            row.addWidget(self._choice)

    # -- condition <-> editor --------------------------------------------------------------------

    def condition(self) -> CustomCondition | None:
        """The condition the editor shows; raises InvalidValueError for a number that is not one."""
        field, column = self.field, self.field.column
        if self._choice is not None:
            value = self._choice.currentData()
            if value is None:
                return None
            if value in ("set", "unset"):
                return CustomCondition(field.id, column, value)
            return CustomCondition(field.id, column, "in", (int(value),))
        if self._dates:
            for edit in self._dates:
                if not edit.is_valid():
                    raise InvalidValueError(
                        QCoreApplication.translate("CustomFilter", "'%1' is not a date for %2.")
                        .replace("%1", edit.line.text())
                        .replace("%2", field.label)
                    )
            ends = [edit.date() for edit in self._dates]
            if ends == [None, None]:
                return None
            stored = [None if e is None else encode(field, e)[1] for e in ends]
            if field.field_type is FieldType.DATETIME and stored[1] is not None:
                stored[1] = stored[1] + "T23:59:59"  # the whole last day
            return CustomCondition(field.id, column, "range", tuple(stored))
        texts = [e.text().strip() for e in self._edits]
        if not any(texts):
            return None
        if field.field_type in TEXTS:
            return CustomCondition(field.id, column, "prefix", (texts[0],))
        ends: list[int | None] = []
        for text in texts:
            if not text:
                ends.append(None)
                continue
            try:
                number = Decimal(parse_money(text))
                ends.append(
                    encode(field, number if field.field_type is not FieldType.INTEGER else int(number))[0]
                )
            except (InvalidOperation, ValueError) as exc:
                raise InvalidValueError(
                    QCoreApplication.translate("CustomFilter", "'%1' is not a number for %2.")
                    .replace("%1", text)
                    .replace("%2", field.label)
                ) from exc
        return CustomCondition(field.id, column, "range", tuple(ends))

    def show(self, condition: CustomCondition | None) -> None:
        if self._choice is not None:
            data: object = None
            if condition is not None:
                data = condition.op if condition.op in ("set", "unset") else condition.values[0]
            self._choice.setCurrentIndex(max(0, self._choice.findData(data)))
            return
        if self._dates:
            for edit, stored in zip(
                self._dates, (condition.values if condition else (None, None)), strict=False
            ):
                edit.set_date(date.fromisoformat(str(stored)[:10]) if stored else None)
            return
        values = condition.values if condition else ()
        if self.field.field_type in TEXTS:
            self._edits[0].setText(str(values[0]) if values else "")
            return
        scale = {FieldType.DECIMAL: 4, FieldType.MONEY: 2}.get(self.field.field_type, 0)
        for edit, stored in zip(self._edits, (*values, None, None), strict=False):
            if stored is None:
                edit.setText("")
            else:
                text = format(Decimal(int(stored)).scaleb(-scale), "f")
                edit.setText(text.replace(".", QLocale().decimalPoint()))
