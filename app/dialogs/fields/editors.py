"""One editor per kind of field, all with the same face: value(), set_value(), changed, read-only.

Values are what the services take: text, "1234.56" for amounts (the user's notation parsed),
date/datetime, bool, ids of options or records (a list when the field holds several).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.ui.date_input import DateInput
from app.ui.formatting import parse_money


class FieldEditor(QWidget):
    """The common face of every editor; subclasses hold one input widget (or a few)."""

    changed = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.safe_key = key.replace(":", "_")
        self.setObjectName(f"field_{self.safe_key}")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            if hasattr(child, "setReadOnly"):
                child.setReadOnly(read_only)
            else:
                child.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.findChild(QWidget) or self


class TextEditor(FieldEditor):
    def __init__(self, key: str, max_length: int = 255, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(key, parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(self.safe_key)
        self.edit.setMaxLength(max_length)
        self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(self.changed)
        self._layout.addWidget(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class MultiLineEditor(FieldEditor):
    """Comments and long text; for a field holding several values, one value per line."""

    def __init__(self, key: str, lines: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self._lines = lines
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(self.safe_key)
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(90)
        self.edit.textChanged.connect(self.changed)
        self._layout.addWidget(self.edit)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return [line.strip() for line in text.splitlines() if line.strip()] if self._lines else text

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        self.edit.setPlainText("" if value is None else str(value))


class NumberEditor(FieldEditor):
    """Integers, decimals and money as the user writes them (1.234,56 in German): "1234.56" out."""

    def __init__(self, key: str, decimals: int, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self._decimals = decimals
        self.edit = QLineEdit()
        self.edit.setObjectName(self.safe_key)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setPlaceholderText(
            "0" if decimals == 0 else f"0{QLocale().decimalPoint()}{'0' * min(decimals, 2)}"
        )
        self.edit.textEdited.connect(self.changed)
        self._layout.addWidget(self.edit)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        return parse_money(text) if text else None

    def set_value(self, value: Any) -> None:
        if value is None or value == "":
            self.edit.clear()
            return
        number = Decimal(str(value))
        text = format(number.normalize() if self._decimals > 2 else number, "f")
        self.edit.setText(text.replace(".", QLocale().decimalPoint()))


class MoneyEditor(FieldEditor):
    """An amount with its currency (the deal's amount)."""

    def __init__(self, key: str, currencies: list[str], parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.amount = NumberEditor(key, 2)
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        for code in currencies:
            self.currency.addItem(code, code)
        self.amount.changed.connect(self.changed)
        self.currency.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._layout.addWidget(self.amount, 1)
        self._layout.addWidget(self.currency)

    def value(self) -> str | None:
        return self.amount.value()

    def set_value(self, value: Any) -> None:
        self.amount.set_value(value)

    def currency_code(self) -> str:
        return str(self.currency.currentData())

    def set_currency(self, code: str) -> None:
        self.currency.setCurrentIndex(max(0, self.currency.findData(code)))

    def focus_widget(self) -> QWidget:
        return self.amount.edit


class DateEditor(FieldEditor):
    """A date typed or picked; empty is no date. Text that is no date is handed on as it is, so the
    services refuse it in the user's terms instead of the form dropping it."""

    def __init__(self, key: str, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.edit = DateInput(none_text)
        self.edit.setObjectName(self.safe_key)
        self.edit.line.setObjectName(f"{self.safe_key}_text")
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 70)
        self.edit.date_changed.connect(self.changed)
        self._layout.addWidget(self.edit)
        self._layout.addStretch(1)

    def value(self) -> date | str | None:
        if not self.edit.is_valid():
            return self.edit.line.text().strip()
        return self.edit.date()

    def set_value(self, value: Any) -> None:
        if isinstance(value, str) and value:
            value = date.fromisoformat(value)
        self.edit.set_date(value or None)


class DateTimeEditor(FieldEditor):
    """A day typed or picked (see DateEditor) and a time of day; no day is no value."""

    def __init__(self, key: str, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.edit = DateInput(none_text)
        self.edit.setObjectName(self.safe_key)
        self.edit.line.setObjectName(f"{self.safe_key}_text")
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 70)
        self.time = QTimeEdit()
        self.time.setObjectName(f"{self.safe_key}_time")
        self.time.setDisplayFormat("HH:mm")
        self.edit.date_changed.connect(self.changed)
        self.time.timeChanged.connect(lambda _t: self.changed.emit())
        self._layout.addWidget(self.edit)
        self._layout.addWidget(self.time)
        self._layout.addStretch(1)

    def value(self) -> datetime | str | None:
        if not self.edit.is_valid():
            return self.edit.line.text().strip()  # refused by the services in the user's terms
        day = self.edit.date()
        if day is None:
            return None
        moment = self.time.time()
        return datetime(day.year, day.month, day.day, moment.hour(), moment.minute())  # noqa: DTZ001 - the user's wall clock

    def set_value(self, value: Any) -> None:
        if isinstance(value, str) and value:
            value = datetime.fromisoformat(value)
        self.edit.set_date(value.date() if value else None)
        self.time.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))


class PercentEditor(FieldEditor):
    """The probability: 0-100 %, or not set."""

    def __init__(self, key: str, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.edit = QSpinBox()
        self.edit.setObjectName(self.safe_key)
        self.edit.setRange(-1, 100)
        self.edit.setSuffix(" %")
        self.edit.setSpecialValueText(none_text)
        self.edit.setValue(-1)
        self.edit.valueChanged.connect(lambda _v: self.changed.emit())
        self._layout.addWidget(self.edit)
        self._layout.addStretch(1)

    def value(self) -> int | None:
        return None if self.edit.value() < 0 else self.edit.value()

    def set_value(self, value: Any) -> None:
        self.edit.setValue(-1 if value is None else int(value))


class CheckEditor(FieldEditor):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.box = QCheckBox()
        self.box.setObjectName(self.safe_key)
        self.box.toggled.connect(lambda _on: self.changed.emit())
        self._layout.addWidget(self.box)
        self._layout.addStretch(1)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    """One of a list (with "none" first unless required): options, users, sources, pipelines."""

    def __init__(
        self, key: str, choices: list[tuple[Any, str]], none_text: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(key, parent)
        self.combo = QComboBox()
        self.combo.setObjectName(self.safe_key)
        if none_text is not None:
            self.combo.addItem(none_text, None)
        for data, text in choices:
            self.combo.addItem(text, data)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._layout.addWidget(self.combo, 1)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)


class MultiChoiceEditor(FieldEditor):
    """Several of a list: checkable items."""

    def __init__(self, key: str, choices: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.list = QListWidget()
        self.list.setObjectName(self.safe_key)
        self.list.setMaximumHeight(min(120, 24 * max(1, len(choices)) + 6))
        for data, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self._layout.addWidget(self.list, 1)

    def value(self) -> list[Any]:
        return [
            self.list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            item = self.list.item(n)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in chosen
                else Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEnabled(not read_only)
