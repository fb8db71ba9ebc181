"""The bar over the deal list while deals are selected: how many, and what to do with all of them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from app.services.container import Services
from app.services.setup.pipelines import PipelineInfo


class BulkBar(QFrame):
    """Emits what the user chose; the Deals area carries it out (in the background, with progress)."""

    select_all_requested = Signal()
    stage_chosen = Signal(int)
    pipeline_stage_chosen = Signal(int)  # a stage of another pipeline: the deals move there
    responsible_chosen = Signal(int)
    set_field_requested = Signal()
    delete_requested = Signal()
    export_requested = Signal(str)  # "csv" or "xlsx"
    documents_requested = Signal()
    task_requested = Signal()
    workflow_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        """The stage and people menus are filled by `fill_menus` (for the pipeline shown)."""
        super().__init__(parent)
        self.setObjectName("bulkBar")
        self.setStyleSheet("#bulkBar { background: #e8f1fd; border-radius: 4px; }")
        self._services = services
        self.count_label = QLabel()
        self.count_label.setObjectName("selectedCount")
        self.select_all = QPushButton()
        self.select_all.setObjectName("selectAllMatching")
        self.select_all.setFlat(True)
        self.select_all.setStyleSheet("color: #1f5fbf; text-decoration: underline;")
        self.stage_button = self._menu_button("bulkStage", self.tr("Stage"))
        self.responsible_button = self._menu_button("bulkResponsible", self.tr("Responsible"))
        self.field_button = QPushButton(self.tr("Set field…"))
        self.field_button.setObjectName("bulkSetField")
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("bulkDelete")
        self.documents_button = QPushButton(self.tr("Documents…"))
        self.documents_button.setObjectName("bulkDocuments")
        self.task_button = QPushButton(self.tr("Task…"))
        self.task_button.setObjectName("bulkTask")
        self.task_button.setToolTip(self.tr("Plan the same task on each chosen deal"))
        self.workflow_button = QPushButton(self.tr("Workflow…"))
        self.workflow_button.setObjectName("bulkWorkflow")
        self.workflow_button.setToolTip(self.tr("Start a workflow on each chosen deal"))
        self.export_button = self._menu_button("bulkExport", self.tr("Export"))
        export_menu = self.export_button.menu()
        assert export_menu is not None
        for fmt, text in (("csv", self.tr("CSV file…")), ("xlsx", self.tr("Excel workbook…"))):
            action = export_menu.addAction(text)
            action.setObjectName(f"export_{fmt}")
            action.triggered.connect(lambda _checked=False, f=fmt: self.export_requested.emit(f))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.count_label)
        layout.addWidget(self.select_all)
        layout.addStretch(1)
        for widget in (
            self.stage_button,
            self.responsible_button,
            self.field_button,
            self.task_button,
            self.workflow_button,
            self.documents_button,
            self.export_button,
            self.delete_button,
        ):
            layout.addWidget(widget)

        self.select_all.clicked.connect(self.select_all_requested)
        self.field_button.clicked.connect(self.set_field_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.documents_button.clicked.connect(self.documents_requested)
        self.task_button.clicked.connect(self.task_requested)
        self.workflow_button.clicked.connect(self.workflow_requested)

    def _menu_button(self, name: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(QMenu(button))
        return button

    def fill_menus(self, pipeline_id: int | None) -> None:
        """Stages of the chosen pipeline (or of each pipeline, in submenus) and the people."""
        stage_menu = self.stage_button.menu()
        assert stage_menu is not None
        stage_menu.clear()
        pipelines = [p for p in self._services.pipelines.list() if pipeline_id in (None, p.id)]
        for pipeline in pipelines:
            target = stage_menu if len(pipelines) == 1 else stage_menu.addMenu(pipeline.name)
            self._add_stages(target, pipeline)
        others = [
            p for p in self._services.pipelines.list() if pipeline_id is not None and p.id != pipeline_id
        ]
        if others:
            stage_menu.addSeparator()
            elsewhere = stage_menu.addMenu(self.tr("Move to another pipeline"))
            elsewhere.setObjectName("movePipelineMenu")
            for pipeline in others:
                submenu = elsewhere.addMenu(pipeline.name)
                for stage in pipeline.stages:
                    action: QAction = submenu.addAction(stage.name)
                    action.setObjectName(f"pipelineStage_{stage.id}")
                    action.triggered.connect(
                        lambda _checked=False, sid=stage.id: self.pipeline_stage_chosen.emit(sid)
                    )
        people = self.responsible_button.menu()
        assert people is not None
        people.clear()
        for user in self._services.users.list():
            action = people.addAction(user.name)
            action.triggered.connect(lambda _checked=False, uid=user.id: self.responsible_chosen.emit(uid))

    def _add_stages(self, menu: QMenu, pipeline: PipelineInfo) -> None:
        for stage in pipeline.stages:
            action: QAction = menu.addAction(stage.name)
            action.setObjectName(f"stage_{stage.id}")
            action.triggered.connect(lambda _checked=False, sid=stage.id: self.stage_chosen.emit(sid))

    def show_selection(self, selected: int, matching: int, all_selected: bool) -> None:
        if all_selected:
            self.count_label.setText(self.tr("All %Ln matching deal(s) are selected.", "", matching))
            self.select_all.hide()
        else:
            self.count_label.setText(self.tr("%Ln deal(s) selected.", "", selected))
            self.select_all.setText(self.tr("Select all %1 matching deals").replace("%1", _n(matching)))
            self.select_all.setVisible(matching > selected)
        self.setVisible(selected > 0)


def _n(count: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().toString(count)
