"""The filter panel beside the deal list: presets, and fields to filter by."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals.filter_presets import FilterPreset
from app.services.deals.filters import (
    ACTIVITY_LABELS,
    PERIOD_LABELS,
    Activity,
    CustomCondition,
    DateRange,
    DealFilter,
    Period,
    Status,
)
from app.services.fields.custom_fields import EntityType
from app.ui.formatting import date_format, parse_money
from app.ui.i18n import error_text, translate_message
from app.views.deal_list.custom_filters import CustomFilter, InvalidValueError

PresetRole = Qt.ItemDataRole.UserRole + 1
StageIdRole = Qt.ItemDataRole.UserRole + 2
_ANY = "any"


class FilterPanel(QFrame):
    """Edits a DealFilter; `applied` carries the new one. The pipeline and the search text stay
    with the Deals area's bar: the panel keeps whatever they were."""

    applied = Signal(object)  # DealFilter

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(300)
        self.setMaximumWidth(360)
        self._services = services
        self._current = DealFilter()

        self.presets = QListWidget()
        self.presets.setObjectName("presets")
        self.presets.setMaximumHeight(120)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("Any"), _ANY)
        self.status.addItem(self.tr("Open"), Status.OPEN.value)
        self.status.addItem(self.tr("Won"), Status.WON.value)
        self.status.addItem(self.tr("Lost"), Status.LOST.value)
        self.stages = QListWidget()
        self.stages.setObjectName("stages")
        self.stages.setMaximumHeight(170)
        self.responsible = QComboBox()
        self.responsible.setObjectName("responsible")
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.addItem(self.tr("Any"), _ANY)
        for code, label in DEAL_SOURCES.items():
            self.source.addItem(translate_message(label), code)
        self.amount_min = QLineEdit()
        self.amount_min.setObjectName("amountMin")
        self.amount_min.setPlaceholderText(self.tr("from"))
        self.amount_max = QLineEdit()
        self.amount_max.setObjectName("amountMax")
        self.amount_max.setPlaceholderText(self.tr("to"))
        amounts = QHBoxLayout()
        amounts.addWidget(self.amount_min)
        amounts.addWidget(self.amount_max)
        self.close_period, close_row, self._close_dates = self._period_row("close")
        self.created_period, created_row, self._created_dates = self._period_row("created")
        self.errors = QLabel()
        self.errors.setObjectName("filterErrors")
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stale = QCheckBox(self.tr("Only idle deals"))
        self.stale.setObjectName("staleOnly")
        self.stale.setToolTip(self.tr("Only deals idle longer than their stage allows"))
        self.activity = QComboBox()
        self.activity.setObjectName("activity")
        self.activity.addItem(self.tr("Any"), _ANY)
        for key, label in ACTIVITY_LABELS.items():
            self.activity.addItem(translate_message(label), key.value)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.stale)
        form.addRow(self.tr("Activities"), self.activity)
        form.addRow(self.tr("Stages"), self.stages)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Amount"), amounts)
        form.addRow(self.tr("Close date"), close_row)
        form.addRow(self.tr("Created"), created_row)
        self._custom_filters = [
            CustomFilter(f) for f in services.custom_fields.list(EntityType.DEAL) if f.filterable
        ]
        for custom in self._custom_filters:
            form.addRow(custom.field.label, custom.widget)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("applyFilter")
        self.apply_button.setDefault(True)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("resetFilter")
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("saveFilter")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deletePreset")
        self.delete_button.setToolTip(self.tr("Delete the selected saved filter"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        preset_buttons = QHBoxLayout()
        preset_buttons.addWidget(self.save_button)
        preset_buttons.addWidget(self.delete_button)

        heading = QLabel(self.tr("Filter"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Saved filters")))
        layout.addWidget(self.presets)
        layout.addLayout(preset_buttons)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._fill_people()
        self.fill_presets()
        self.fill_stages(None)
        self._connect_signals()

    def _period_row(self, name: str) -> tuple[QComboBox, QWidget, tuple[QDateEdit, QDateEdit]]:
        combo = QComboBox()
        combo.setObjectName(f"{name}Period")
        combo.addItem(self.tr("Any time"), _ANY)
        for period, label in PERIOD_LABELS.items():
            combo.addItem(translate_message(label), period.value)
        first, last = QDateEdit(), QDateEdit()
        for edit, suffix in ((first, "First"), (last, "Last")):
            edit.setObjectName(f"{name}{suffix}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(first)
        dates.addWidget(last)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(combo)
        column.addLayout(dates)
        combo.currentIndexChanged.connect(
            lambda _i: [e.setVisible(combo.currentData() == Period.CUSTOM.value) for e in (first, last)]
        )
        return combo, row, (first, last)

    def _connect_signals(self) -> None:
        self.apply_button.clicked.connect(self._on_apply)
        self.reset_button.clicked.connect(self._on_reset)
        self.save_button.clicked.connect(self._on_save)
        self.delete_button.clicked.connect(self._on_delete)
        self.presets.itemClicked.connect(self._on_preset_clicked)
        self.presets.currentItemChanged.connect(self._on_preset_selected)
        for line in (self.amount_min, self.amount_max):
            line.returnPressed.connect(self._on_apply)

    # -- filling -------------------------------------------------------------------------------

    def _fill_people(self) -> None:
        self.responsible.addItem(self.tr("Anyone"), _ANY)
        self.responsible.addItem(self.tr("Me"), "me")
        for user in self._services.users.list():
            self.responsible.addItem(user.name, user.id)

    def fill_presets(self) -> None:
        self.presets.clear()
        for preset in self._services.filter_presets.list():
            name = translate_message(preset.name) if preset.built_in else str(preset.name)  # type: ignore[arg-type]
            if preset.shared and not preset.built_in:
                name = self.tr("%1 (shared)").replace("%1", name)
            item = QListWidgetItem(name)
            item.setData(PresetRole, preset)
            self.presets.addItem(item)
        self.delete_button.setEnabled(False)

    def fill_stages(self, pipeline_id: int | None) -> None:
        """The stages to choose from: the chosen pipeline's, or every pipeline's (named)."""
        checked = self._checked_stages()
        self.stages.clear()
        pipelines = self._services.pipelines.list()
        for pipeline in pipelines:
            if pipeline_id is not None and pipeline.id != pipeline_id:
                continue
            for stage in pipeline.stages:
                label = (
                    stage.name
                    if pipeline_id is not None or len(pipelines) == 1
                    else f"{pipeline.name}: {stage.name}"
                )
                item = QListWidgetItem(label)
                item.setData(StageIdRole, stage.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if stage.id in checked else Qt.CheckState.Unchecked)
                self.stages.addItem(item)

    def shown_stage_ids(self) -> set[int]:
        return {int(self.stages.item(row).data(StageIdRole)) for row in range(self.stages.count())}

    def _checked_stages(self) -> set[int]:
        return {
            int(self.stages.item(row).data(StageIdRole))
            for row in range(self.stages.count())
            if self.stages.item(row).checkState() == Qt.CheckState.Checked
        }

    # -- filter <-> fields -----------------------------------------------------------------------

    def show_filter(self, deal_filter: DealFilter) -> None:
        """Set the fields from a filter (e.g. a preset, or what the list shows now)."""
        self._current = deal_filter
        self.status.setCurrentIndex(
            max(0, self.status.findData(deal_filter.status.value if deal_filter.status else _ANY))
        )
        wanted = set(deal_filter.stage_ids)
        for row in range(self.stages.count()):
            item = self.stages.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(StageIdRole) in wanted else Qt.CheckState.Unchecked
            )
        person: object = (
            "me"
            if deal_filter.mine
            else (deal_filter.responsible_ids[0] if deal_filter.responsible_ids else _ANY)
        )
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(person)))
        self.stale.setChecked(deal_filter.stale)
        self.activity.setCurrentIndex(
            max(0, self.activity.findData(deal_filter.activity.value if deal_filter.activity else _ANY))
        )
        self.source.setCurrentIndex(max(0, self.source.findData(deal_filter.source or _ANY)))
        self.amount_min.setText(_amount_text(deal_filter.amount_min))
        self.amount_max.setText(_amount_text(deal_filter.amount_max))
        self._show_range(self.close_period, self._close_dates, deal_filter.close_date)
        self._show_range(self.created_period, self._created_dates, deal_filter.created)
        conditions = {c.field_id: c for c in deal_filter.custom}
        for custom in self._custom_filters:
            custom.show(conditions.get(custom.field.id))
        self.errors.hide()

    @staticmethod
    def _show_range(combo: QComboBox, dates: tuple[QDateEdit, QDateEdit], value: DateRange | None) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value.period.value if value else _ANY)))
        if value is not None and value.period is Period.CUSTOM:
            for edit, day in zip(dates, (value.first, value.last), strict=True):
                if day is not None:
                    edit.setDate(QDate(day.year, day.month, day.day))

    def current_filter(self) -> DealFilter | None:
        """The filter the fields describe, or None (and a message) when an amount is not a number."""
        problems: list[str] = []
        amounts = []
        for line in (self.amount_min, self.amount_max):
            text = line.text().strip()
            try:
                amounts.append(Decimal(parse_money(text)) if text else None)
            except InvalidOperation:
                problems.append(self.tr("'%1' is not an amount.").replace("%1", text))
                amounts.append(None)
        if amounts[0] is not None and amounts[1] is not None and amounts[0] > amounts[1]:
            problems.append(self.tr("The smallest amount is larger than the largest."))
        custom: list[CustomCondition] = []
        for editor in self._custom_filters:
            try:
                condition = editor.condition()
            except InvalidValueError as exc:
                problems.append(str(exc))
                continue
            if condition is not None:
                custom.append(condition)
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return None
        self.errors.hide()
        person = self.responsible.currentData()
        status = self.status.currentData()
        source = self.source.currentData()
        return replace(
            self._current,
            status=None if status == _ANY else Status(status),
            stage_ids=tuple(sorted(self._checked_stages())),
            mine=person == "me",
            responsible_ids=() if person in (_ANY, "me") else (int(person),),
            source=None if source == _ANY else source,
            amount_min=amounts[0],
            amount_max=amounts[1],
            close_date=self._range(self.close_period, self._close_dates),
            created=self._range(self.created_period, self._created_dates),
            close_from=None,
            close_to=None,
            custom=tuple(custom),
            stale=self.stale.isChecked(),
            activity=None if self.activity.currentData() == _ANY else Activity(self.activity.currentData()),
        )

    @staticmethod
    def _range(combo: QComboBox, dates: tuple[QDateEdit, QDateEdit]) -> DateRange | None:
        value = combo.currentData()
        if value == _ANY:
            return None
        period = Period(value)
        if period is not Period.CUSTOM:
            return DateRange(period)
        first, last = (date(d.date().year(), d.date().month(), d.date().day()) for d in dates)
        return DateRange(Period.CUSTOM, min(first, last), max(first, last))

    # -- slots -----------------------------------------------------------------------------------

    def _on_apply(self) -> None:
        deal_filter = self.current_filter()
        if deal_filter is not None:
            self._current = deal_filter
            self.applied.emit(deal_filter)

    def _on_reset(self) -> None:
        self.show_filter(DealFilter(pipeline_id=self._current.pipeline_id, search=self._current.search))
        self.presets.clearSelection()
        self._on_apply()

    def _on_preset_clicked(self, item: QListWidgetItem) -> None:
        preset: FilterPreset = item.data(PresetRole)
        keep = DealFilter(pipeline_id=self._current.pipeline_id, search=self._current.search)
        self.show_filter(replace(preset.filter, pipeline_id=keep.pipeline_id, search=keep.search))
        self._on_apply()

    def _on_preset_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        preset: FilterPreset | None = current.data(PresetRole) if current is not None else None
        self.delete_button.setEnabled(bool(preset and not preset.built_in and (preset.mine or preset.shared)))

    def _on_save(self) -> None:
        deal_filter = self.current_filter()
        if deal_filter is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of the filter:"))
        if not ok or not name.strip():
            return
        try:
            self._services.filter_presets.save(name, deal_filter)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Filter not saved"), error_text(exc))
            return
        self.fill_presets()

    def _on_delete(self) -> None:
        item = self.presets.currentItem()
        preset: FilterPreset | None = item.data(PresetRole) if item is not None else None
        if preset is None or preset.id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete filter"),
            self.tr("Delete the saved filter '%1'?").replace("%1", item.text()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.filter_presets.delete(preset.id)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Filter not deleted"), error_text(exc))
        self.fill_presets()


def _amount_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value, "f").replace(".", QLocale().decimalPoint())
