"""Importing deals from a CSV or Excel file, as a wizard: the file (encoding, numbers, dates), the
columns (which field each goes to), the values (the file's names Dealdesk doesn't know, each mapped
once), and a dry run's summary; then the import off the GUI thread with a progress bar and a cancel
button. Every check runs the import engine itself, so what the summary says is what happens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.deal_import.file_page import FilePage
from app.dialogs.deal_import.summary_page import SummaryPage
from app.dialogs.deal_import.values_page import ValuesPage
from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.importing.deals import ImportCheck, ImportOptions, ImportRejectedError, ImportResult
from app.services.importing.presets import recognise
from app.services.importing.records import RecordImportRejectedError, RecordOptions
from app.ui.i18n import error_text, translate_message
from app.ui.operations import Operation, Progress

COL_NAME, COL_EXAMPLES, COL_TARGET = range(3)
FILE, COLUMNS, VALUES, SUMMARY = range(4)


def choose_import_file(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("DealImportDialog", "Import deals"),
        QDir.homePath(),
        QCoreApplication.translate("DealImportDialog", "Tables (*.csv *.txt *.xlsx);;All files (*)"),
    )
    return Path(chosen) if chosen else None


class DealImportDialog(QDialog):
    """The import wizard: File › Columns › Values › Check, then Import."""

    imported = Signal(object)  # ImportResult

    def __init__(self, services: Services, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealImportDialog")
        self.setWindowTitle(self.tr("Import deals"))
        self._services = services
        self._service = services.deal_import
        self._operation: Operation | None = None
        self._path = path
        self._table: Any = None
        self._check: ImportCheck | None = None
        self._examples: list[list[str]] = []
        self._saved_values: dict[str, dict[str, str]] = {}
        self.result_: ImportResult | None = None
        self._targets = [(key, self._label(label)) for key, label in self._service.targets()]
        self._target_names = dict(self._targets)

        self.step_label = QLabel()
        self.step_label.setObjectName("steps")
        self.step_label.setTextFormat(Qt.TextFormat.RichText)
        pipelines = [(p.name, p.id, p.is_default) for p in services.pipelines.list()]
        self.file_page = FilePage(pipelines)
        self.file_page.choose_requested.connect(self._choose_file)
        self.file_page.encoding_changed.connect(lambda: self.load(self._path, keep_encoding=True))
        self.file_page.preset_changed.connect(self._guess_columns)
        self.file_page.kind_changed.connect(self._kind_changed)
        self.columns_page = QWidget()
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
        self.unmapped = QLabel()
        self.unmapped.setObjectName("unmapped")
        self.unmapped.setWordWrap(True)
        self.saved = QComboBox()
        self.saved.setObjectName("savedMappings")
        self.saved.activated.connect(self._use_saved)
        self.save_button = QPushButton(self.tr("Save this mapping…"))
        self.save_button.setObjectName("saveMapping")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_mapping)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Saved mapping")))
        saved_row.addWidget(self.saved, 1)
        saved_row.addWidget(self.save_button)
        columns = QVBoxLayout(self.columns_page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(saved_row)
        columns.addWidget(self.mapping, 1)
        columns.addWidget(self.unmapped)
        self.values_page = ValuesPage()
        self.summary_page = SummaryPage()
        self.steps = QStackedWidget()
        for page in (self.file_page, self.columns_page, self.values_page, self.summary_page):
            self.steps.addWidget(page)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setObjectName("next")
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.setObjectName("check")
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancel")
        for button in (self.back_button, self.check_button, cancel):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.check_button)
        bottom.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, cancel):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.resize(900, 640)
        self.load(path)
        self._go(FILE)

    # -- aliases the rest of the app and its tests use ------------------------------------------

    @property
    def file_label(self) -> QLabel:
        return self.file_page.file_label

    @property
    def day_first(self) -> Any:
        return self.file_page.day_first

    @property
    def problems(self) -> Any:
        return self.summary_page.details

    def value_combo(self, row: int) -> QComboBox:
        return self.values_page.value_combo(row)

    # -- the steps -----------------------------------------------------------------------------

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        names = [self.tr("1 File"), self.tr("2 Columns"), self.tr("3 Values"), self.tr("4 Check")]
        self.step_label.setText(
            " › ".join(f"<b>{name}</b>" if n == step else name for n, name in enumerate(names))
        )
        self._enable()

    def _enable(self) -> None:
        busy = self._operation is not None
        step = self.steps.currentIndex()
        loaded = self._table is not None
        self.back_button.setEnabled(not busy and step > FILE)
        self.next_button.setVisible(step < SUMMARY)
        self.next_button.setEnabled(not busy and loaded)
        self.next_button.setDefault(step < SUMMARY)
        self.check_button.setVisible(step == SUMMARY)
        self.check_button.setEnabled(not busy and loaded)
        self.import_button.setVisible(step == SUMMARY)
        self.import_button.setEnabled(not busy and loaded and self._check is not None and self._check.ok)
        self.import_button.setDefault(step == SUMMARY)

    def back(self) -> None:
        step = self.steps.currentIndex()
        if step == SUMMARY and self._check is not None and not self._check.unknown:
            self._go(COLUMNS)  # the values step was passed over: nothing to map
        else:
            self._go(max(FILE, step - 1))

    def next(self) -> None:
        step = self.steps.currentIndex()
        if step == FILE:
            self._show_unmapped()
            self._go(COLUMNS)
        elif step in (COLUMNS, VALUES):
            self.check()

    # -- the file ------------------------------------------------------------------------------

    def load(self, path: Path, *, keep_encoding: bool = False) -> bool:
        """Read the file's header and first rows and guess the mapping; False (and said) if unreadable."""
        self._path = path
        self._check = None
        if not keep_encoding:
            self.file_page.encoding.blockSignals(True)
            self.file_page.encoding.setCurrentIndex(0)
            self.file_page.encoding.blockSignals(False)
        try:
            table = self._service.open(path, self.file_page.chosen_encoding())
            examples = self._service.preview(table, limit=8)
        except ValidationError as exc:
            self._table = None
            self.file_page.show_file(str(path), None, True)
            self.file_page.show_rows((), [])
            self.mapping.setRowCount(0)
            self._show_status(error_text(exc), problem=True)
            self._go(FILE)
            return False
        self._table = table
        kind = self.tr("Excel workbook") if table.is_xlsx else self._csv_kind(table.delimiter)
        self.file_page.show_file(f"<b>{path.name}</b> — {kind}", table.encoding, table.encoding_sure)
        self.file_page.show_rows(table.header, examples)
        if not keep_encoding:
            found = recognise(table.header)
            self.file_page.show_preset(found.key if found is not None else None)
        self._examples = examples
        self._guess_columns()
        self._show_status(self.tr("Check how the file is read, then go on to its columns."))
        self._fill_saved(self._services.import_mappings.fitting(table.header) if not keep_encoding else None)
        self._enable()
        return True

    # -- saved mappings ------------------------------------------------------------------------

    def _fill_saved(self, use: Any = None) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("— none —"), "")
        for saved in self._services.import_mappings.list():
            self.saved.addItem(saved.name, saved.name)
        if use is not None:
            self.saved.setCurrentIndex(max(0, self.saved.findData(use.name)))
            self._apply_saved(use)
            self._show_status(
                self.tr("The columns are read as in the saved mapping “%1”.").replace("%1", use.name)
            )

    def _use_saved(self) -> None:
        saved = self._services.import_mappings.get(self.saved.currentData() or "")
        if saved is not None:
            self._apply_saved(saved)

    def _apply_saved(self, saved: Any) -> None:
        if self._table is None:
            return
        self.file_page.show_preset(saved.preset)
        marks = {None: 0, True: 1, False: 2}
        self.file_page.decimal_mark.setCurrentIndex(marks.get(saved.decimal_comma, 0))
        self.file_page.day_first.setChecked(saved.day_first)
        mapping = saved.mapping_for(self._table.header)
        for row in range(self.mapping.rowCount()):
            combo = self.target_combo(row)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(row, ""))))
        self._saved_values = {k: dict(v) for k, v in saved.values.items()}
        self._mapping_changed()

    def save_mapping(self, name: str | None = None) -> None:
        """Keep the columns, the values chosen and how numbers and dates are read, under a name."""
        if self._table is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Save this mapping"),
                self.tr("Name:"),
                text=self.saved.currentData() or self._path.stem,
            )
            if not ok:
                return
        options = self.options()
        try:
            saved = self._services.import_mappings.save(
                name,
                self._table.header,
                options.mapping,
                values=options.values,
                preset=options.preset,
                decimal_comma=options.decimal_comma,
                day_first=options.day_first,
            )
        except ValidationError as exc:
            self._show_status(error_text(exc), problem=True)
            return
        self._fill_saved()
        self.saved.setCurrentIndex(max(0, self.saved.findData(saved.name)))
        self._show_status(self.tr("Saved the mapping “%1”.").replace("%1", saved.name))

    def _guess_columns(self) -> None:
        """Each column's field, guessed from its name (and the CRM the file comes from)."""
        table, examples = self._table, self._examples
        if table is None:
            return
        self._check = None
        if self._kind() == "deals":
            guessed = self._service.guess(table.header, self._labels(), self.file_page.chosen_preset())
        elif self._kind() == "people":
            guessed = self._services.people_import.guess(table.header)
        else:
            guessed = self._services.record_import.guess(self._kind(), table.header)
        self.mapping.setRowCount(len(table.header))
        for row, name in enumerate(table.header):
            self.mapping.setItem(row, COL_NAME, QTableWidgetItem(name))
            sample = " · ".join(v for r in examples[:3] if row < len(r) and (v := r[row]))
            self.mapping.setItem(row, COL_EXAMPLES, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.setObjectName(f"target_{row}")
            combo.addItem(self.tr("— don't import —"), "")
            for key, label in self._targets:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(row, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(row, COL_TARGET, combo)
        self._show_unmapped()

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

    def _mapping_changed(self) -> None:
        self._check = None
        self._show_unmapped()
        self._enable()

    def _show_unmapped(self) -> None:
        if self._table is None:
            return
        left = [
            self._table.header[r]
            for r in range(self.mapping.rowCount())
            if not self.target_combo(r).currentData()
        ]
        self.unmapped.setText(
            self.tr("Not imported: %1").replace("%1", ", ".join(left))
            if left
            else self.tr("Every column is imported.")
        )

    def _kind(self) -> str:
        return self.file_page.chosen_kind()

    def _kind_changed(self) -> None:
        """Another kind of record: its fields to map the columns to."""
        deals, kind = self._kind() == "deals", self._kind()
        if kind == "people":
            labels = self._services.people_import.targets()
        else:
            labels = self._service.targets() if deals else self._services.record_import.targets(kind)
        self._targets = [(key, self._label(label)) for key, label in labels]
        self._target_names = dict(self._targets)
        self.file_page.show_kind(deals)
        self.values_page.show_kind(deals)
        self.setWindowTitle(
            self.tr("Import deals")
            if deals
            else self.tr("Import %1").replace("%1", self.file_page.kind.currentText())
        )
        self._guess_columns()

    def options(self) -> Any:
        mapping = {
            row: key
            for row in range(self.mapping.rowCount())
            if (key := self.target_combo(row).currentData())
        }
        if self._kind() != "deals":
            return RecordOptions(
                mapping=mapping,
                decimal_comma=self.file_page.decimal_comma(),
                create_missing=self.values_page.create_missing.isChecked(),
                duplicates=self.values_page.duplicates.currentData(),
                values={**self._saved_values, **self.values_page.chosen()},
            )
        sources = {translate_message(label): code for code, label in DEAL_SOURCES.items()}
        return ImportOptions(
            mapping=mapping,
            pipeline_id=self.file_page.pipeline.currentData(),
            create_missing=self.values_page.create_missing.isChecked(),
            create_users=self.values_page.create_people.isChecked(),
            decimal_comma=self.file_page.decimal_comma(),
            day_first=self.file_page.day_first.isChecked(),
            value_names={"source": sources},
            values={**self._saved_values, **self.values_page.chosen()},
            duplicates=self.values_page.duplicates.currentData(),
            preset=self.file_page.chosen_preset(),
        )

    def _labels(self) -> dict[str, list[str]]:
        labels = {key: [label] for key, label in self._targets}
        # The list's column titles, which our own export writes as headers:
        labels.setdefault("contacts", []).append(self.tr("Contact"))
        labels.setdefault("stage", []).append(self.tr("Stage"))
        return labels

    @staticmethod
    def _label(label: Any) -> str:
        return label if isinstance(label, str) else translate_message(label)

    def _field_label(self, target: str) -> str:
        return self._target_names.get(target, target)

    def _choices(self, target: str) -> list[str]:
        return [self._label(name) for name in self._service.choices(target)]  # people, sources: all kinds

    # -- checking and importing ----------------------------------------------------------------

    def check(self) -> None:
        """The dry run: every row read and checked as the import would; nothing is written."""
        if self._table is None:
            return
        table, options, kind = self._table, self.options(), self._kind()
        service, records, people = self._service, self._services.record_import, self._services.people_import

        def work(progress: Progress) -> Any:
            if kind == "people":
                return people.check(table, options.mapping)
            if kind != "deals":
                return records.check(kind, table, options, progress)
            return service.check(table, options, progress)

        self._run(self.tr("Checking the rows…"), work, self._checked)

    def start_import(self) -> None:
        if self._table is None:
            return
        table, options, kind = self._table, self.options(), self._kind()
        service, records, people = self._service, self._services.record_import, self._services.people_import

        def work(progress: Progress) -> Any:
            if kind == "people":
                return people.run(table, options.mapping)
            if kind != "deals":
                return records.run(kind, table, options, progress)
            return service.run(table, options, progress)

        label = (
            self.tr("Importing deals…")
            if kind == "deals"
            else self.tr("Importing %1…").replace("%1", self.file_page.kind.currentText())
        )
        self._run(label, work, self._imported)

    def _run(self, label: str, work: Any, on_success: Any) -> None:
        self._operation = Operation(self, label, work, on_success, self._failed, on_cancel=self._cancelled)
        self._operation.finished.connect(self._done)
        self._enable()
        self._operation.start()

    def _done(self) -> None:
        self._operation = None
        self._enable()

    def _checked(self, check: ImportCheck) -> None:
        self._check = check
        step = self.steps.currentIndex()
        unknown = [
            u for u in check.unknown if not (u.target == "responsible" and getattr(check, "new_people", 0))
        ]
        if step == COLUMNS and unknown:
            self.values_page.show_unknown(
                check.unknown, self._field_label, self._choices, self.values_page.chosen()
            )
            self._show_status(self.tr("Say what the file's unknown names mean, then check."))
            self._go(VALUES)
            return
        self.summary_page.show_check(check)
        self._show_status(
            self.tr("Nothing has been written yet: Import stores every row, or none.")
            if check.ok
            else self.tr("Correct the file, the columns or the values, then check again.")
        )
        self._go(SUMMARY)

    def _imported(self, result: ImportResult) -> None:
        self.result_ = result
        self.imported.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, (ImportRejectedError, RecordImportRejectedError)):
            self._checked(error.check)
            return
        self._check = None
        self.summary_page.show_problems([])
        self._show_status(error_text(error), problem=True)

    def _cancelled(self) -> None:
        self._show_status(self.tr("Cancelled: nothing was imported."))

    def _show_status(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        self.status.setStyleSheet("color: #b3261e;" if problem else "")
