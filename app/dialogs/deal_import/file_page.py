"""The import's first step: the file — what kind it is, its encoding (decided over the whole file; a
choice where more than one is possible), how its numbers and dates are written, and its first rows."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

AUTO = ""  # "detect from the file"
ENCODINGS = ("utf-8", "cp1252", "cp850", "mac_roman", "latin-1")
COMMA, POINT = "comma", "point"


class FilePage(QWidget):
    """File, encoding, numbers, dates, pipeline and a preview of the first rows."""

    choose_requested = Signal()
    encoding_changed = Signal()
    preset_changed = Signal()
    kind_changed = Signal()

    def __init__(self, pipelines: list[tuple[str, int, bool]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.file_label.setObjectName("fileName")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose another file…"))
        choose.setObjectName("chooseFile")
        choose.clicked.connect(self.choose_requested)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, name in (
            ("deals", self.tr("Deals")),
            ("companies", self.tr("Companies")),
            ("contacts", self.tr("Contacts")),
            ("leads", self.tr("Leads")),
            ("products", self.tr("Products")),
            ("people", self.tr("People")),
        ):
            self.kind.addItem(name, key)
        self.kind.currentIndexChanged.connect(self.kind_changed)
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        self.preset.addItem(self.tr("A table of my own"), "")
        for key, name in (("bitrix24", "Bitrix24"), ("pipedrive", "Pipedrive"), ("hubspot", "HubSpot")):
            self.preset.addItem(self.tr("An export of %1").replace("%1", name), key)
        self.preset.currentIndexChanged.connect(self.preset_changed)
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding")
        self.encoding.addItem(self.tr("Detect from the file"), AUTO)
        names = {
            "utf-8": self.tr("UTF-8 (Unicode)"),
            "cp1252": self.tr("Windows-1252 (Western European)"),
            "cp850": self.tr("DOS code page 850"),
            "mac_roman": self.tr("Mac Roman"),
            "latin-1": self.tr("ISO-8859-1 (Latin-1)"),
        }
        for code in ENCODINGS:
            self.encoding.addItem(names[code], code)
        self.encoding.currentIndexChanged.connect(self.encoding_changed)
        self.encoding_note = QLabel()
        self.encoding_note.setObjectName("encodingNote")
        self.encoding_note.setWordWrap(True)
        self.decimal_mark = QComboBox()
        self.decimal_mark.setObjectName("decimalMark")
        self.decimal_mark.addItem(self.tr("Detect from the file"), AUTO)
        self.decimal_mark.addItem(self.tr("Decimal comma (1.234,56)"), COMMA)
        self.decimal_mark.addItem(self.tr("Decimal point (1,234.56)"), POINT)
        self.day_first = QCheckBox(self.tr("Dates are written day first (31.12.2026, 31/12/2026)"))
        self.day_first.setObjectName("dayFirst")
        self.day_first.setChecked(QLocale().territory() != QLocale.Country.UnitedStates)
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("pipeline")
        for name, ident, is_default in pipelines:
            self.pipeline.addItem(name, ident)
            if is_default:
                self.pipeline.setCurrentIndex(self.pipeline.count() - 1)
        form = QFormLayout()
        form.addRow(self.tr("Import"), self.kind)
        form.addRow(self.tr("The file is"), self.preset)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow("", self.encoding_note)
        form.addRow(self.tr("Numbers"), self.decimal_mark)
        form.addRow("", self.day_first)
        form.addRow(self.tr("Pipeline of rows that name none"), self.pipeline)
        self._form = form

        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The first rows:")))
        layout.addWidget(self.preview, 1)

    def show_file(self, text: str, encoding: str | None, sure: bool) -> None:
        self.file_label.setText(text)
        if encoding is None:
            self.encoding_note.setText("")
        elif sure:
            self.encoding_note.setText(self.tr("Read as %1.").replace("%1", self.encoding_name(encoding)))
        else:
            self.encoding_note.setText(
                self.tr(
                    "Read as %1, the likeliest of several: if umlauts look wrong in the rows below, "
                    "choose another."
                ).replace("%1", self.encoding_name(encoding))
            )
        self.encoding_note.setStyleSheet("" if sure else "color: #8a5a00;")

    def encoding_name(self, code: str) -> str:
        index = self.encoding.findData(code.removesuffix("-sig"))
        return self.encoding.itemText(index) if index > 0 else code

    def show_rows(self, header: tuple[str, ...], rows: list[list[str]]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setHorizontalHeaderLabels(list(header))
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[: len(header)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()

    def show_preset(self, key: str | None) -> None:
        """The CRM the file was recognised as coming from (without re-guessing the columns)."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(0, self.preset.findData(key or "")))
        self.preset.blockSignals(False)

    def chosen_preset(self) -> str | None:
        return (self.preset.currentData() or None) if self.chosen_kind() == "deals" else None

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def show_kind(self, deals: bool) -> None:
        """Only deals come from other CRMs' deal exports and go into a pipeline."""
        self._form.setRowVisible(self.preset, deals)
        self._form.setRowVisible(self.pipeline, deals)

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData() or None

    def decimal_comma(self) -> bool | None:
        mark = self.decimal_mark.currentData()
        return None if mark == AUTO else mark == COMMA
