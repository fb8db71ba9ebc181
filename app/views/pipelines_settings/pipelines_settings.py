"""Settings > Pipelines: the pipelines in order, the stages of the chosen one (name, colour, kind,
probability, idle days), and the tunnels between pipelines, drawn as arrows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.setup.pipelines import PipelineInfo, StageInfo, StageSemantic
from app.ui.i18n import error_text
from app.ui.operations import run_in_background
from app.views.pipelines_settings.stage_table_model import (
    COL_AVERAGE,
    COL_COLOR,
    COL_IDLE,
    COL_KIND,
    COL_NAME,
    COL_PROBABILITY,
    StageEditDelegate,
    StageTableModel,
)
from app.views.pipelines_settings.tunnel_map import TunnelMap


class PipelinesSettings(QGroupBox):
    """Every change is saved at once through the services; a refusal is said and the view re-read."""

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Pipelines and stages"))
        self.setObjectName("pipelinesSettings")
        self._services = services
        self._pipelines: list[PipelineInfo] = []
        may_change = services.roles.may_manage_settings()

        self.pipeline_list = QListWidget()
        self.pipeline_list.setObjectName("pipelineList")
        self.pipeline_list.setMaximumWidth(180)
        self.new_pipeline = QPushButton(self.tr("New…"))
        self.new_pipeline.setObjectName("newPipeline")
        self.rename_pipeline = QPushButton(self.tr("Rename…"))
        self.rename_pipeline.setObjectName("renamePipeline")
        self.delete_pipeline = QPushButton(self.tr("Delete…"))
        self.delete_pipeline.setObjectName("deletePipeline")
        self.pipeline_up = QPushButton("▲")
        self.pipeline_up.setObjectName("pipelineUp")
        self.pipeline_up.setToolTip(self.tr("Move the pipeline up"))
        self.pipeline_down = QPushButton("▼")
        self.pipeline_down.setObjectName("pipelineDown")
        self.pipeline_down.setToolTip(self.tr("Move the pipeline down"))
        pipeline_buttons = QHBoxLayout()
        for button in (self.new_pipeline, self.rename_pipeline, self.delete_pipeline):
            pipeline_buttons.addWidget(button)
        order_buttons = QHBoxLayout()
        order_buttons.addWidget(self.pipeline_up)
        order_buttons.addWidget(self.pipeline_down)
        order_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.pipeline_list, 1)
        left.addLayout(order_buttons)
        left.addLayout(pipeline_buttons)

        self.stage_model = StageTableModel(self)
        self.stages = QTableView()
        self.stages.setObjectName("stageTable")
        self.stages.setModel(self.stage_model)
        self.stages.setItemDelegate(StageEditDelegate(self.stages))
        self.stages.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.stages.verticalHeader().setVisible(False)
        self.stages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.stages.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_COLOR, COL_KIND, COL_PROBABILITY, COL_IDLE, COL_AVERAGE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.stages.setMinimumHeight(240)
        self.add_stage = QPushButton(self.tr("Add stage"))
        self.add_stage.setObjectName("addStage")
        self.add_failure = QPushButton(self.tr("Add failure stage"))
        self.add_failure.setObjectName("addFailureStage")
        self.delete_stage = QPushButton(self.tr("Delete stage…"))
        self.delete_stage.setObjectName("deleteStage")
        self.stage_up = QPushButton("▲")
        self.stage_up.setObjectName("stageUp")
        self.stage_up.setToolTip(self.tr("Move the stage up"))
        self.stage_down = QPushButton("▼")
        self.stage_down.setObjectName("stageDown")
        self.stage_down.setToolTip(self.tr("Move the stage down"))
        for arrow in (self.pipeline_up, self.pipeline_down, self.stage_up, self.stage_down):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("▲") * 3 + 16)
        stage_buttons = QHBoxLayout()
        for button in (self.add_stage, self.add_failure, self.delete_stage):
            stage_buttons.addWidget(button)
        stage_buttons.addStretch(1)
        stage_buttons.addWidget(self.stage_up)
        stage_buttons.addWidget(self.stage_down)
        right = QVBoxLayout()
        right.addWidget(self.stages, 1)
        right.addLayout(stage_buttons)

        self.tunnels = TunnelMap(services)
        self.tunnels.setObjectName("tunnelMap")
        tunnels_note = QLabel(
            self.tr(
                "Tunnels: drag from a stage to a stage of another pipeline. A deal reaching the first is copied into the second (dashed arrow) or moved there (solid arrow); double-click an arrow to switch, select it and press Delete to remove it."  # noqa: E501
            )
        )
        tunnels_note.setWordWrap(True)
        self.note = QLabel(
            self.tr("Changing pipelines needs the right to manage settings.") if not may_change else ""
        )
        self.note.setObjectName("pipelinesNote")
        self.note.setWordWrap(True)

        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tunnels_note)
        layout.addWidget(self.tunnels)
        layout.addWidget(self.note)
        for widget in (
            self.new_pipeline,
            self.rename_pipeline,
            self.delete_pipeline,
            self.pipeline_up,
            self.pipeline_down,
            self.add_stage,
            self.add_failure,
            self.delete_stage,
            self.stage_up,
            self.stage_down,
        ):
            widget.setEnabled(may_change)
        self._may_change = may_change
        if not may_change:
            self.tunnels.setEnabled(False)

        self.pipeline_list.currentRowChanged.connect(lambda _row: self._fill_stages())
        self.new_pipeline.clicked.connect(self._on_new_pipeline)
        self.rename_pipeline.clicked.connect(self._on_rename_pipeline)
        self.delete_pipeline.clicked.connect(self._on_delete_pipeline)
        self.pipeline_up.clicked.connect(lambda: self._move_pipeline(-1))
        self.pipeline_down.clicked.connect(lambda: self._move_pipeline(1))
        self.add_stage.clicked.connect(lambda: self._on_add_stage("in_progress"))
        self.add_failure.clicked.connect(lambda: self._on_add_stage("lost"))
        self.delete_stage.clicked.connect(self._on_delete_stage)
        self.stage_up.clicked.connect(lambda: self._move_stage(-1))
        self.stage_down.clicked.connect(lambda: self._move_stage(1))
        # Queued: the save re-reads the table, which must not happen while its editor commits.
        self.stage_model.edited.connect(
            lambda stage, changes: self._save(stage, **changes), Qt.ConnectionType.QueuedConnection
        )
        self.stages.doubleClicked.connect(self._on_stage_double_clicked)
        self.tunnels.changed.connect(self.changed)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self, select_pipeline: int | None = None) -> None:
        current = select_pipeline if select_pipeline is not None else self.current_pipeline_id()
        self._pipelines = list(self._services.pipelines.list())
        ids = [p.id for p in self._pipelines]
        with QSignalBlocker(self.pipeline_list):  # one filling of the stages, below
            self.pipeline_list.clear()
            for pipeline in self._pipelines:
                text = pipeline.name + (self.tr(" (default)") if pipeline.is_default else "")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pipeline.id)
                self.pipeline_list.addItem(item)
            self.pipeline_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._fill_stages()
        self.tunnels.refresh()

    def current_pipeline_id(self) -> int | None:
        item = self.pipeline_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_pipeline(self) -> PipelineInfo | None:
        pipeline_id = self.current_pipeline_id()
        return next((p for p in self._pipelines if p.id == pipeline_id), None)

    def current_stage(self) -> StageInfo | None:
        return self.stage_model.stage(self.stages.currentIndex().row())

    def _fill_stages(self) -> None:
        pipeline = self.current_pipeline()
        self.stage_model.set_stages(pipeline.stages if pipeline else (), editable=self._may_change)
        if self.isVisible():
            self._fill_averages()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fill_averages()  # an aggregate over the pipeline's stage history: read when seen

    def _fill_averages(self) -> None:
        """How long deals stay in each stage, on average (closing stages: since they closed)."""
        pipeline = self.current_pipeline()
        if pipeline is None:
            return
        deals = self._services.deals

        def show(averages: dict[int, float]) -> None:  # a second for 600,000 deals: off the GUI thread
            if self.current_pipeline_id() == pipeline.id:
                self.stage_model.set_averages(averages)

        self._averages_call = run_in_background(lambda: deals.average_days_in_stage(pipeline.id), show)

    # -- changing --------------------------------------------------------------------------------

    def _call(self, title: str, action: Callable[[], Any], select_pipeline: int | None = None) -> bool:
        try:
            action()
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, title, error_text(exc))
            self.refresh()
            return False
        self.refresh(select_pipeline)
        self.changed.emit()
        return True

    def _save(self, stage: StageInfo, **changes: Any) -> None:
        current = next((s for p in self._pipelines for s in p.stages if s.id == stage.id), stage)
        if all(getattr(current, key) == value for key, value in changes.items()):
            return
        index = self.stages.currentIndex()
        self._call(
            self.tr("Stage not changed"),
            lambda: self._services.pipelines.update_stage(current.id, current.version, **changes),
        )
        self.stages.setCurrentIndex(self.stage_model.index(max(0, index.row()), max(0, index.column())))

    def _on_stage_double_clicked(self, index: QModelIndex) -> None:
        stage = self.stage_model.stage(index.row())
        if index.column() != COL_COLOR or stage is None or not self._may_change:
            return
        chosen = QColorDialog.getColor(
            QColor(stage.color), self, self.tr("Colour of “%1”").replace("%1", stage.name)
        )
        if chosen.isValid():
            self._save(stage, color=chosen.name())

    def _on_new_pipeline(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New pipeline"), self.tr("Name of the pipeline"))
        if ok and name.strip():
            created: list[int] = []
            self._call(
                self.tr("Pipeline not created"),
                lambda: created.append(self._services.pipelines.create_pipeline(name).id),
            )
            if created:
                self.refresh(created[0])

    def _on_rename_pipeline(self) -> None:
        pipeline = self.current_pipeline()
        if pipeline is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename pipeline"), self.tr("Name of the pipeline"), text=pipeline.name
        )
        if ok:
            self._call(
                self.tr("Pipeline not renamed"),
                lambda: self._services.pipelines.rename_pipeline(pipeline.id, pipeline.version, name),
                pipeline.id,
            )

    def _on_delete_pipeline(self) -> None:
        pipeline = self.current_pipeline()
        if pipeline is None:
            return
        if pipeline.is_default:
            QMessageBox.information(
                self, self.tr("Delete pipeline"), self.tr("The default pipeline can't be deleted.")
            )
            return
        count = sum(self._services.pipelines.stage_deal_counts(pipeline.id).values())
        move_to: int | None = None
        if count:
            targets = [
                (f"{p.name} — {s.name}", s.id)
                for p in self._pipelines
                if p.id != pipeline.id
                for s in p.stages
            ]
            label = self.tr("“%1” holds %Ln deal(s). Where do they go?", "", count).replace(
                "%1", pipeline.name
            )
            chosen = self._choose(self.tr("Delete pipeline"), label, targets)
            if chosen is None:
                return
            move_to = chosen
        elif (
            QMessageBox.question(
                self,
                self.tr("Delete pipeline"),
                self.tr("Delete the pipeline “%1”?").replace("%1", pipeline.name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._call(
            self.tr("Pipeline not deleted"),
            lambda: self._services.pipelines.delete_pipeline(
                pipeline.id, pipeline.version, move_to_stage=move_to
            ),
        )

    def _move_pipeline(self, step: int) -> None:
        row = self.pipeline_list.currentRow()
        ids = [p.id for p in self._pipelines]
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self._call(
            self.tr("Not moved"), lambda: self._services.pipelines.reorder_pipelines(ids), ids[row + step]
        )

    def _on_add_stage(self, semantic: str) -> None:
        pipeline = self.current_pipeline()
        if pipeline is None:
            return
        title = self.tr("New stage") if semantic == "in_progress" else self.tr("New failure stage")
        name, ok = QInputDialog.getText(self, title, self.tr("Name of the stage"))
        if ok and name.strip():
            self._call(
                self.tr("Stage not added"),
                lambda: self._services.pipelines.add_stage(
                    pipeline.id, name, semantic=StageSemantic(semantic)
                ),
                pipeline.id,
            )

    def _on_delete_stage(self) -> None:
        pipeline, stage = self.current_pipeline(), self.current_stage()
        if pipeline is None or stage is None:
            return
        count = self._services.pipelines.stage_deal_counts(pipeline.id).get(stage.id, 0)
        move_to: int | None = None
        if count:
            targets = [(s.name, s.id) for s in pipeline.stages if s.id != stage.id]
            label = self.tr("“%1” holds %Ln deal(s). Where do they go?", "", count).replace("%1", stage.name)
            chosen = self._choose(self.tr("Delete stage"), label, targets)
            if chosen is None:
                return
            move_to = chosen
        elif (
            QMessageBox.question(
                self, self.tr("Delete stage"), self.tr("Delete the stage “%1”?").replace("%1", stage.name)
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._call(
            self.tr("Stage not deleted"),
            lambda: self._services.pipelines.delete_stage(stage.id, stage.version, move_to=move_to),
            pipeline.id,
        )

    def _move_stage(self, step: int) -> None:
        pipeline, stage = self.current_pipeline(), self.current_stage()
        if pipeline is None or stage is None or stage.is_closed:
            return
        order = [s.id for s in pipeline.stages if not s.is_closed]
        index = order.index(stage.id)
        if not 0 <= index + step < len(order):
            return
        order[index], order[index + step] = order[index + step], order[index]
        if self._call(
            self.tr("Not moved"),
            lambda: self._services.pipelines.reorder_stages(pipeline.id, order),
            pipeline.id,
        ):
            self.stages.setCurrentIndex(self.stage_model.index(index + step, COL_NAME))

    def _choose(self, title: str, label: str, options: list[tuple[str, int]]) -> int | None:
        names = [name for name, _ident in options]
        chosen, ok = QInputDialog.getItem(self, title, label, names, 0, False)
        if not ok or chosen not in names:
            return None
        return options[names.index(chosen)][1]
