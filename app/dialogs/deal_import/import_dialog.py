"""Importing deals from a CSV or Excel file: which column goes to which field, a check of every
row, then the import off the GUI thread with a progress bar and a cancel button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.importing.deals import ImportCheck, ImportOptions, ImportRejectedError, ImportResult
from app.ui.i18n import error_text, translate_message
from app.ui.operations import Operation, Progress

COL_NAME, COL_EXAMPLES, COL_TARGET = range(3)


def choose_import_file(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("DealImportDialog", "Import deals"),
        QDir.homePath(),
        QCoreApplication.translate("DealImportDialog", "Tables (*.csv *.txt *.xlsx);;All files (*)"),
    )
    return Path(chosen) if chosen else None


class DealImportDialog(QDialog):
    """Shows the file's columns with examples; each gets a field (guessed from its name)."""

    imported = Signal(object)  # ImportResult

    def __init__(self, services: Services, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealImportDialog")
        self.setWindowTitle(self.tr("Import deals"))
        self._services = services
        self._service = services.deal_import
        self._operation: Operation | None = None
        self._table: Any = None
        self.result_: ImportResult | None = None
        self._targets = [(key, self._label(label)) for key, label in self._service.targets()]

        self.file_label = QLabel()
        self.file_label.setObjectName("fileName")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose another file…"))
        choose.setObjectName("chooseFile")
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)

        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Examples"), self.tr("Import as")]
        )
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EXAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.ResizeToContents)

        self.pipeline = QComboBox()
        self.pipeline.setObjectName("pipeline")
        for pipeline in services.pipelines.list():
            self.pipeline.addItem(pipeline.name, pipeline.id)
            if pipeline.is_default:
                self.pipeline.setCurrentIndex(self.pipeline.count() - 1)
        self.create_missing = QCheckBox(self.tr("Create companies and contacts Dealdesk doesn't know yet"))
        self.create_missing.setObjectName("createMissing")
        self.create_missing.setChecked(True)
        locale = QLocale()
        self.decimal_comma = QCheckBox(self.tr("Numbers are written with a decimal comma (1.234,56)"))
        self.decimal_comma.setObjectName("decimalComma")
        self.decimal_comma.setChecked(locale.decimalPoint() == ",")
        self.day_first = QCheckBox(self.tr("Dates are written day first (31.12.2026, 31/12/2026)"))
        self.day_first.setObjectName("dayFirst")
        self.day_first.setChecked(locale.territory() != QLocale.Country.UnitedStates)
        options = QFormLayout()
        options.addRow(self.tr("Pipeline of rows that name none"), self.pipeline)
        options.addRow("", self.create_missing)
        options.addRow("", self.decimal_comma)
        options.addRow("", self.day_first)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setVisible(False)

        buttons = QDialogButtonBox()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("check")
        self.check_button.setAutoDefault(False)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.mapping, 2)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.check_button)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self.resize(860, 640)
        self.load(path)

    # -- the file ------------------------------------------------------------------------------

    def load(self, path: Path) -> bool:
        """Read the file's header and first rows and guess the mapping; False (and said) if unreadable."""
        try:
            table = self._service.open(path)
            examples = self._service.preview(table)
        except ValidationError as exc:
            self._table = None
            self.file_label.setText(str(path))
            self.mapping.setRowCount(0)
            self._show_status(error_text(exc), problem=True)
            self.import_button.setEnabled(False)
            self.check_button.setEnabled(False)
            return False
        self._table = table
        self.import_button.setEnabled(True)
        self.check_button.setEnabled(True)
        kind = self.tr("Excel workbook") if table.is_xlsx else self._csv_kind(table.delimiter)
        self.file_label.setText(f"<b>{path.name}</b> — {kind}")
        guessed = self._service.guess(table.header, self._labels())
        self.mapping.setRowCount(len(table.header))
        for row, name in enumerate(table.header):
            self.mapping.setItem(row, COL_NAME, QTableWidgetItem(name))
            sample = " · ".join(v for r in examples if row < len(r) and (v := r[row]))
            self.mapping.setItem(row, COL_EXAMPLES, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.setObjectName(f"target_{row}")
            combo.addItem(self.tr("— don't import —"), "")
            for key, label in self._targets:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(row, ""))))
            combo.currentIndexChanged.connect(self._clear_results)
            self.mapping.setCellWidget(row, COL_TARGET, combo)
        self._clear_results()
        self._show_status(self.tr("Choose for each column the field it goes to, then Check or Import."))
        return True

    def _choose_file(self) -> None:
        path = choose_import_file(self)
        if path is not None:
            self.load(path)

    def _csv_kind(self, delimiter: str | None) -> str:
        names = {";": self.tr("semicolon"), ",": self.tr("comma"), "\t": self.tr("tab")}
        return self.tr("text separated by %1").replace("%1", names.get(delimiter or ",", repr(delimiter)))

    # -- the mapping ---------------------------------------------------------------------------

    def target_combo(self, row: int) -> QComboBox:
        widget = self.mapping.cellWidget(row, COL_TARGET)
        assert isinstance(widget, QComboBox)
        return widget

    def options(self) -> ImportOptions:
        mapping = {
            row: key
            for row in range(self.mapping.rowCount())
            if (key := self.target_combo(row).currentData())
        }
        sources = {translate_message(label): code for code, label in DEAL_SOURCES.items()}
        return ImportOptions(
            mapping=mapping,
            pipeline_id=self.pipeline.currentData(),
            create_missing=self.create_missing.isChecked(),
            decimal_comma=self.decimal_comma.isChecked(),
            day_first=self.day_first.isChecked(),
            value_names={"source": sources},
        )

    def _labels(self) -> dict[str, list[str]]:
        labels = {key: [label] for key, label in self._targets}
        # The list's column titles, which our own export writes as headers:
        labels["contacts"].append(self.tr("Contact"))
        labels["stage"].append(self.tr("Stage"))
        return labels

    @staticmethod
    def _label(label: Any) -> str:
        return label if isinstance(label, str) else translate_message(label)

    # -- checking and importing ----------------------------------------------------------------

    def check(self) -> None:
        if self._table is None:
            return
        service, table, options = self._service, self._table, self.options()

        def work(progress: Progress) -> ImportCheck:
            return service.check(table, options, progress)

        self._run(self.tr("Checking the rows…"), work, self._checked)

    def start_import(self) -> None:
        if self._table is None:
            return
        service, table, options = self._service, self._table, self.options()

        def work(progress: Progress) -> ImportResult:
            return service.run(table, options, progress)

        self._run(self.tr("Importing deals…"), work, self._imported)

    def _run(self, label: str, work: Any, on_success: Any) -> None:
        self._clear_results()
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._operation = Operation(self, label, work, on_success, self._failed, on_cancel=self._cancelled)
        self._operation.finished.connect(self._enable)
        self._operation.start()

    def _enable(self) -> None:
        enabled = self._table is not None
        self.check_button.setEnabled(enabled)
        self.import_button.setEnabled(enabled)

    def _checked(self, check: ImportCheck) -> None:
        self._enable()
        if check.ok:
            text = self.tr("All %Ln row(s) can be imported.", "", check.rows)
            if check.new_companies or check.new_contacts:
                text += " " + self.tr("New companies: %1, new contacts: %2.").replace(
                    "%1", QLocale().toString(check.new_companies)
                ).replace("%2", QLocale().toString(check.new_contacts))
            self._show_status(text)
            return
        self._show_problems(check)

    def _imported(self, result: ImportResult) -> None:
        self.result_ = result
        self.imported.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._enable()
        if isinstance(error, ImportRejectedError):
            self._show_problems(error.check)
            return
        self._show_status(error_text(error), problem=True)

    def _cancelled(self) -> None:
        self._enable()
        self._show_status(self.tr("Cancelled: nothing was imported."))

    def _show_problems(self, check: ImportCheck) -> None:
        count = len(check.problems) + check.more_problems
        self._show_status(
            self.tr(
                "%Ln problem(s) in the file: nothing was imported. Correct the file or the mapping, then try again.",  # noqa: E501
                "",
                count,
            ),
            problem=True,
        )
        self.problems.clear()
        self.problems.addItems([translate_message(p.message) for p in check.problems])
        if check.more_problems:
            self.problems.addItem(self.tr("… and %Ln more.", "", check.more_problems))
        self.problems.setVisible(True)

    def _show_status(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        self.status.setStyleSheet("color: #b3261e;" if problem else "")

    def _clear_results(self) -> None:
        self.problems.clear()
        self.problems.setVisible(False)
