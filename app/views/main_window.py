"""The main window: navigation sidebar, the areas, menus, toolbar and status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, QLocale, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app import __version__
from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.deal_import.import_dialog import DealImportDialog, choose_import_file
from app.dialogs.deal_quick_dialog import DealQuickDialog
from app.services.container import Services, sqlite_file
from app.services.core.errors import DatabaseError, MissingFieldsError, ServiceError
from app.services.core.events import DomainEvent
from app.services.customers.queries import CustomerKind
from app.services.deals.bulk import OperationInfo
from app.services.deals.queries import DealSummary
from app.services.importing.deals import ImportResult
from app.ui.actions import ActionId, build_actions
from app.ui.change_hub import ChangeHub
from app.ui.crash import log_folder
from app.ui.formatting import money
from app.ui.i18n import error_text
from app.ui.icons import icon
from app.ui.operations import Operation, Progress, run_in_background
from app.ui.settings import BACKUP_FOLDER, PreserveGeometry, UserSettings
from app.views.analytics.analytics_view import AnalyticsView
from app.views.automation.engine_timer import EngineTimer
from app.views.customers.customers_area import CustomersArea
from app.views.deals_area import DealsArea, DealsViewMode
from app.views.invoices.invoices_view import InvoicesView
from app.views.invoices.quotes_view import QuotesView
from app.views.leads.leads_area import LeadsArea
from app.views.office_status import BackupLabel, PeopleLabel
from app.views.sidebar import Area, Sidebar
from app.views.tasks.bell import NotificationBell
from app.views.tasks.reminders import ReminderClock
from app.views.tasks.tasks_view import TasksView
from app.views.undo_toast import UndoToast

if TYPE_CHECKING:
    from app.views.settings_page import SettingsPage

BACKUP_FIRST_CHECK_MS = 60_000  # a minute after start: the scheduled backup, if one is due
BACKUP_CHECK_MS = 3_600_000  # then every hour


class MainWindow(PreserveGeometry, QMainWindow):
    geometry_key = "main_window"
    restart_wanted = Signal()  # the data changed under the window (a restore), the language: start again

    def __init__(
        self,
        services: Services,
        settings: UserSettings,
        hub: ChangeHub,
        parent: QWidget | None = None,
        *,
        presence: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("dealdesk"))
        self._services = services
        self._settings = settings
        self._hub = hub
        self.presence = presence  # this process's row in the file's list of who is in (or None)
        self._operation: Operation | None = None
        self.actions = build_actions(self)

        self.sidebar = Sidebar()
        self.deals = DealsArea(services, settings)
        self._settings_page: SettingsPage | None = None  # built when first wanted (see settings_page)
        self._settings_placeholder = QWidget()
        self.contacts = CustomersArea(services, CustomerKind.CONTACT)
        self.companies = CustomersArea(services, CustomerKind.COMPANY)
        self.leads = LeadsArea(services)
        self.analytics = AnalyticsView(services)
        self.tasks = TasksView(services)
        self.invoices = InvoicesView(services)
        self.quotes = QuotesView(services)
        self.billing = QTabWidget()
        self.billing.setObjectName("billing")
        self.billing.addTab(self.invoices, self.tr("Invoices"))
        self.billing.addTab(self.quotes, self.tr("Quotes"))
        self._pages = QStackedWidget()
        self._area_pages: dict[Area, QWidget] = {
            Area.DEALS: self.deals,
            Area.CONTACTS: self.contacts,
            Area.COMPANIES: self.companies,
            Area.LEADS: self.leads,
            Area.TASKS: self.tasks,
            Area.INVOICES: self.billing,
            Area.ANALYTICS: self.analytics,
            Area.SETTINGS: self._settings_placeholder,
        }
        for page in self._area_pages.values():
            self._pages.addWidget(page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self._pages, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_toolbar()
        self._count_label = QLabel()
        self._count_label.setObjectName("dealCount")
        user = services.actor.name if services.actor else ""
        self._where_label = QLabel(f"{user} · {services.database.display_name}")
        self._where_label.setObjectName("whereLabel")
        self.people_label = PeopleLabel(presence)
        self.trouble_label = QLabel()
        self.trouble_label.setObjectName("fileTrouble")
        self.trouble_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.trouble_label.setWordWrap(False)
        self.trouble_label.hide()
        hub.trouble.connect(self._on_file_trouble)
        self.read_only_label = QLabel("⚠ " + self.tr("Read only"))
        self.read_only_label.setObjectName("readOnly")
        self.read_only_label.setStyleSheet("color: #b3261e;")
        self.read_only_label.setToolTip(
            self.tr(
                "The database file, its folder or its drive is write-protected: you can look at "
                "everything, but changes can't be saved. Ask whoever looks after the drive for write access."
            )
        )
        self.read_only_label.hide()
        self.moved_label = QLabel("⚠ " + self.tr("Moved to a server"))
        self.moved_label.setObjectName("movedLabel")
        self.moved_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.moved_label.hide()
        self.backup_label = BackupLabel()
        self.backup_label.clicked.connect(self.show_backups)
        self.statusBar().addWidget(self._count_label, 1)
        self.statusBar().addPermanentWidget(self.trouble_label)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.moved_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.people_label)
        self.statusBar().addPermanentWidget(self._where_label)
        self.undo_toast = UndoToast(self)
        self._toasted_operation: int | None = None
        self.reminders = ReminderClock(services, self)
        self.automation = EngineTimer(services, self)
        self._update_title()
        self._connect_signals()
        self.sidebar.select(Area.DEALS)
        self._on_view_changed(self.deals.current_view)
        self._update_undo()
        self._on_count_changed(self.deals.model.rowCount())
        if self.deals.model.summary is not None:
            self._on_summary_changed(self.deals.model.summary)
        if not self.restore_geometry():
            self.resize(1280, 800)
        self._writable_call = run_in_background(
            self._services.writable, lambda writable: self.read_only_label.setVisible(not writable)
        )
        self._moved_call = run_in_background(self._services.moving.moved_to, self._show_moved, owner=self)
        self._backing_up: bool | None = None
        self._backup_call: Any = None
        if self._services.backups.supported:
            self._backup_timer = QTimer(self)
            self._backup_timer.timeout.connect(self.backup_if_due)
            self._backup_timer.start(BACKUP_CHECK_MS)
            QTimer.singleShot(BACKUP_FIRST_CHECK_MS, self.backup_if_due)
            self._show_backup_state()

    # -- building --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a[ActionId.NEW_DEAL])
        file_menu.addAction(a[ActionId.IMPORT_DEALS])
        file_menu.addAction(a[ActionId.IMPORTS])
        file_menu.addAction(a[ActionId.EXPORT_ALL])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.BACKUP])
        file_menu.addAction(a[ActionId.RESTORE])
        file_menu.addAction(a[ActionId.MOVE_TO_SERVER])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(a[ActionId.UNDO])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action_id in (ActionId.SHOW_LIST, ActionId.SHOW_KANBAN, ActionId.SHOW_CALENDAR):
            view_menu.addAction(a[action_id])
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.REFRESH])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.GUIDE])
        help_menu.addAction(a[ActionId.LOG_FOLDER])
        help_menu.addSeparator()
        help_menu.addAction(a[ActionId.ABOUT])
        a[ActionId.BACKUP].setEnabled(self._services.database.is_sqlite)
        a[ActionId.RESTORE].setEnabled(self._services.backups.supported)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action_id in (ActionId.NEW_DEAL, ActionId.REFRESH, ActionId.FIND):
            toolbar.addAction(self.actions[action_id])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.bell = NotificationBell(self._services)
        toolbar.addWidget(self.bell)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _connect_signals(self) -> None:
        a = self.actions
        # navigation
        self.sidebar.area_selected.connect(self._on_area_selected)
        # actions
        a[ActionId.NEW_DEAL].triggered.connect(self._on_new_deal)
        a[ActionId.BACKUP].triggered.connect(self._on_backup)
        a[ActionId.RESTORE].triggered.connect(self.show_backups)
        a[ActionId.MOVE_TO_SERVER].triggered.connect(self.show_move)
        actor = self._services.actor
        a[ActionId.MOVE_TO_SERVER].setVisible(
            self._services.backups.supported and (actor is None or actor.is_admin)
        )
        a[ActionId.IMPORT_DEALS].triggered.connect(self._on_import)
        a[ActionId.IMPORTS].triggered.connect(self.show_imports)
        a[ActionId.EXPORT_ALL].triggered.connect(self.export_all)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.FIND].triggered.connect(self._on_find)
        a[ActionId.UNDO].triggered.connect(self.deals.bulk.undo)
        self.undo_toast.undo_requested.connect(self.deals.bulk.undo)
        a[ActionId.SHOW_LIST].triggered.connect(lambda: self._show_deals(DealsViewMode.LIST))
        a[ActionId.SHOW_KANBAN].triggered.connect(lambda: self._show_deals(DealsViewMode.KANBAN))
        a[ActionId.SHOW_CALENDAR].triggered.connect(lambda: self._show_deals(DealsViewMode.CALENDAR))
        a[ActionId.REFRESH].triggered.connect(self.deals.refresh)
        a[ActionId.ABOUT].triggered.connect(self._on_about)
        a[ActionId.LOG_FOLDER].triggered.connect(self.open_log_folder)
        a[ActionId.GUIDE].triggered.connect(lambda: self.open_guide())
        # the Deals area
        self.deals.new_deal_requested.connect(self._on_new_deal)
        self.deals.open_requested.connect(self._on_open_deal)
        self.deals.new_deal_in_stage.connect(self._on_new_deal_in_stage)
        self.deals.kanban.move_refused.connect(self._on_move_refused)
        self.deals.calendar.move_refused.connect(self._on_move_refused)
        self.deals.calendar.read_failed.connect(self._on_read_failed)
        self.deals.new_deal_with.connect(self._on_new_deal_with)
        self.analytics.deals_requested.connect(self._on_show_deals)
        self.analytics.read_failed.connect(self._on_read_failed)
        self.deals.kanban.read_failed.connect(self._on_read_failed)
        self.deals.view_changed.connect(self._on_view_changed)
        self.deals.edit_pipelines_requested.connect(self._on_edit_pipelines)
        self.deals.count_changed.connect(self._on_count_changed)
        self.deals.summary_changed.connect(self._on_summary_changed)
        self.deals.model.read_failed.connect(self._on_read_failed)
        self.deals.model.edit_failed.connect(self._on_edit_failed)
        for area in (
            self.contacts,
            self.companies,
            self.leads,
            self.tasks,
            self.invoices,
            self.quotes,
            self.bell,
        ):  # type: ignore[assignment]
            area.open_deal_requested.connect(self._on_open_deal)
            area.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.deals.bulk.finished.connect(self._on_bulk_finished)
        self.deals.message.connect(self._on_bulk_finished)
        self.deals.bulk.undo_changed.connect(self._update_undo)
        self.bell.open_task_requested.connect(self._open_task)
        self.reminders.toast.open_deal_requested.connect(self._on_open_deal)
        # changes made here and elsewhere
        self._hub.changed.connect(self._on_data_changed)

    # -- slots -----------------------------------------------------------------------------------

    @property
    def settings_page(self) -> SettingsPage:
        """The Settings area, built the first time it is wanted: it reads and lays out every section
        (people, roles, pipelines, fields, automation, mail, documents …), ~70 ms that the start no
        longer waits for."""
        if self._settings_page is None:
            from app.views.settings_page import SettingsPage

            page = SettingsPage(self._services, self._settings)
            page.backup_requested.connect(self._on_backup)
            page.restart_requested.connect(self.restart_wanted)
            shown = self._pages.currentWidget() is self._settings_placeholder
            self._pages.insertWidget(self._pages.indexOf(self._settings_placeholder), page)
            self._pages.removeWidget(self._settings_placeholder)
            self._settings_placeholder.deleteLater()
            self._area_pages[Area.SETTINGS] = page
            self._settings_page = page
            if shown:
                self._pages.setCurrentWidget(page)
        return self._settings_page

    def _on_area_selected(self, area: Area) -> None:
        if area is Area.SETTINGS:
            self.settings_page  # noqa: B018  # built now
        self._pages.setCurrentWidget(self._area_pages[area])

    def _show_deals(self, view: DealsViewMode) -> None:
        self.sidebar.select(Area.DEALS)
        self.deals.set_view(view)

    def _on_view_changed(self, view: DealsViewMode) -> None:
        mapping = {
            DealsViewMode.LIST: ActionId.SHOW_LIST,
            DealsViewMode.KANBAN: ActionId.SHOW_KANBAN,
            DealsViewMode.CALENDAR: ActionId.SHOW_CALENDAR,
        }
        for each, action_id in mapping.items():
            self.actions[action_id].setChecked(each is view)

    def _on_find(self) -> None:
        self.sidebar.select(Area.DEALS)
        self.deals.focus_search()

    def _on_new_deal(self) -> None:
        dialog = DealFormDialog(self._services, pipeline_id=self.deals.current_pipeline_id(), parent=self)
        dialog.exec()

    def _on_edit_pipelines(self, pipeline_id: int) -> None:
        """Settings, at the pipelines, with the one shown in the Deals area chosen."""
        self.sidebar.select(Area.SETTINGS)
        self.settings_page.pipelines.refresh(pipeline_id or None)
        self.settings_page.scroll_to(self.settings_page.pipelines)

    def _on_import(self) -> None:
        path = choose_import_file(self)
        if path is None:
            return
        dialog = DealImportDialog(self._services, path, self)
        dialog.imported.connect(self._on_imported)
        dialog.exec()

    def show_imports(self) -> None:
        """File › Imports…: the imports so far, and undoing one."""
        from app.dialogs.deal_import.imports_dialog import ImportsDialog

        dialog = ImportsDialog(self._services, self)
        dialog.undone.connect(lambda _undone: self.deals.refresh())
        dialog.exec()

    def _on_imported(self, result: Any) -> None:
        if isinstance(result, ImportResult):
            self.statusBar().showMessage(self.tr("Imported %Ln deal(s).", "", len(result.deals)), 10000)
        else:  # companies, contacts, leads, products
            count = len(result.created) + len(result.updated)
            self.statusBar().showMessage(self.tr("Imported %Ln record(s).", "", count), 10000)
        self.deals.refresh()

    def _on_show_deals(self, deal_filter: Any) -> None:
        """A chart's bar: exactly its deals, in the list."""
        self.sidebar.select(Area.DEALS)
        self.deals.show_filter(deal_filter)

    def _on_new_deal_with(self, values: dict[str, Any]) -> None:
        dialog = DealFormDialog(
            self._services, pipeline_id=self.deals.current_pipeline_id(), initial=values, parent=self
        )
        dialog.exec()

    def _on_new_deal_in_stage(self, pipeline_id: int, stage_id: int) -> None:
        dialog = DealQuickDialog(self._services, pipeline_id=pipeline_id, stage_id=stage_id, parent=self)
        dialog.exec()

    def _on_move_refused(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not moved"), error_text(error))

    def _on_open_deal(self, deal_id: int) -> None:
        try:
            dialog = DealFormDialog(self._services, deal_id=deal_id, parent=self)
        except (ServiceError, DatabaseError) as exc:  # deleted meanwhile, or the file is busy
            QMessageBox.warning(self, self.tr("Deal not opened"), error_text(exc))
            return
        dialog.exec()

    def _open_task(self, task_id: int) -> None:
        """A task from the bell: the Tasks area, and an approval asked of me opens to be answered."""
        self.sidebar.select(Area.TASKS)
        approval = self._services.workflows.approval_for_task(task_id)
        if approval is not None and approval.answer is None:
            self.tasks.answer_approval(task_id)

    def _on_data_changed(self, event: DomainEvent) -> None:
        if event.name == "deal.stage_changed" and event.actor_id == self._services.context.actor_id:
            self._offer_undo()  # my own move, from the board, the list or the form
        areas = (
            self.deals,
            self.contacts,
            self.companies,
            self.leads,
            self.tasks,
            self.invoices,
            self.quotes,
            self.analytics,
            self.bell,
        )
        for area in areas:
            try:
                area.on_changed(event)
            except DatabaseError as exc:  # out of reach meanwhile: read again once it answers
                self._on_read_failed(exc)

    def _on_count_changed(self, count: int) -> None:
        if self.deals.model.counting:  # the first rows are shown, the count is on its way
            self._count_label.setText(self.tr("Counting deals…"))
            return
        self._count_label.setText(self.tr("%Ln deal(s)", "", count))

    def _on_summary_changed(self, summary: DealSummary) -> None:
        text = self.tr("%Ln deal(s)", "", summary.count)
        if summary.count and summary.total is not None:  # None: the role hides sums
            total = money(summary.total, summary.base_currency)
            text = self.tr("%1 · total %2").replace("%1", text).replace("%2", total)
        self._count_label.setText(text)

    def _on_bulk_finished(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _update_undo(self) -> OperationInfo | None:
        """Edit > Undo names the change it would undo, or is off when there is none."""
        action = self.actions[ActionId.UNDO]
        last = self._services.deal_bulk.last_undoable()
        action.setEnabled(last is not None)
        if last is None:
            action.setText(self.tr("&Undo"))
        elif last.deal_title is not None:
            action.setText(
                self.tr("&Undo move of “%1” to %2")
                .replace("%1", last.deal_title)
                .replace("%2", last.stage_name or "")
            )
        else:
            action.setText(self.tr("&Undo change of %Ln deal(s)", "", last.count))
        return last

    def _offer_undo(self) -> None:
        """After my stage move: Edit › Undo names it, and a note with Undo shows for a few seconds."""
        last = self._update_undo()
        if last is None or last.id == self._toasted_operation:
            return
        self._toasted_operation = last.id
        if last.deal_title is not None:
            text = (
                self.tr("Moved “%1” to %2.")
                .replace("%1", last.deal_title)
                .replace("%2", last.stage_name or "")
            )
        else:
            text = self.tr("Moved %Ln deal(s).", "", last.count)
        self.undo_toast.show_message(text)

    def _on_edit_failed(self, error: BaseException) -> None:
        if isinstance(error, MissingFieldsError) and len(error.missing) == 1:
            # A stage chosen in the list needs fields the deal lacks: ask for them and move it.
            from app.dialogs.required_fields_dialog import ask_and_retry

            deal_id = next(iter(error.missing))
            stages = {s.id: s.name for p in self._services.pipelines.list() for s in p.stages}

            def retry(fill: dict[str, object]) -> int:
                # As the deal was when it was checked: a change by somebody meanwhile is a conflict.
                moves = [(deal_id, error.versions.get(deal_id))]
                return self._services.deals.move_each(moves, error.stage_id, fill=fill)

            try:
                ask_and_retry(self, self._services, error, stages.get(error.stage_id, ""), retry)
            except (ServiceError, DatabaseError) as exc:
                QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        QMessageBox.warning(self, self.tr("Not saved"), error_text(error))

    def _on_read_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("Could not read the deals: %1").replace("%1", error_text(error)), 10000
        )

    def export_all(self, folder: str | None = None) -> None:
        """File › Export all…: every record as CSV, and the documents, into a folder."""
        target = folder or QFileDialog.getExistingDirectory(
            self, self.tr("Export all into a folder"), QDir.homePath()
        )
        if not target:
            return
        services = self._services

        def work(progress: Progress) -> Any:
            return services.export_all.export_all(Path(target) / "dealdesk-export", progress)

        def done(exported: Any) -> None:
            text = self.tr("Exported %Ln file(s) to %1", "", len(exported.files))
            self.statusBar().showMessage(text.replace("%1", str(exported.folder)), 10000)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Export failed"), error_text(error))

        self._operation = Operation(self, self.tr("Exporting everything…"), work, done, failed)
        self._operation.start()

    def _on_backup(self) -> None:
        source = sqlite_file(self._services.database.display_name)
        suggestion = str(source.with_name(source.stem + "-backup.sqlite")) if source else QDir.homePath()
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Back up database"), suggestion, self.tr("Dealdesk database (*.sqlite)")
        )
        if not target:
            return
        services = self._services

        def work(progress: Progress) -> Path:
            return services.backup(Path(target), progress)

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(path)), 8000)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Backup failed"), error_text(error))

        self._operation = Operation(self, self.tr("Backing up the database…"), work, done, failed)
        self._operation.start()

    # -- backups -------------------------------------------------------------------------------

    def _show_backup_state(self) -> None:
        backups, chosen = self._services.backups, self._settings.get(BACKUP_FOLDER)
        self._backup_state_call = run_in_background(
            lambda: backups.newest(chosen), self.backup_label.show_newest
        )

    def backup_if_due(self) -> None:
        """The scheduled backup (daily), off the GUI thread; the status bar says how it went."""
        if self._backing_up is not None:
            return
        backups, chosen = self._services.backups, self._settings.get(BACKUP_FOLDER)

        def work() -> Any:
            return backups.make(chosen) if backups.is_due(chosen) else None

        def done(made: Any) -> None:
            self._backing_up = None
            if made is not None:
                self.backup_label.show_newest(made.made_at)

        def failed(error: BaseException) -> None:
            self._backing_up = None
            self.backup_label.show_failed(error_text(error))

        self._backing_up = True  # before the call: its callbacks may run at once (tests run it in place)
        self._backup_call = run_in_background(work, done, failed)

    def show_backups(self) -> None:
        from app.dialogs.backups_dialog import BackupsDialog

        if not self._services.backups.supported:
            return
        dialog = BackupsDialog(self._services, self._settings, self)
        dialog.backed_up.connect(self._show_backup_state)
        dialog.restored.connect(self._on_restored)
        dialog.exec()

    def _show_moved(self, moved: Any) -> None:
        """A file moved onto a server, opened anyway: said for as long as the window is open."""
        self.moved_label.setVisible(moved is not None)
        if moved is not None:
            self.moved_label.setToolTip(
                self.tr(
                    "Your office works on %1 now: changes made in this file do not reach anybody."
                ).replace("%1", moved.to)
            )

    def show_move(self) -> None:
        """File › Move to a server… (administrators, on a file): once moved, start again on the server."""
        from app.dialogs.move_dialog import MoveDialog

        dialog = MoveDialog(self._services, self)
        dialog.moved.connect(lambda _url: self.restart_wanted.emit())
        dialog.exec()

    def _on_file_trouble(self, text: str) -> None:
        """The file can't be reached (a network share gone) or the server's connection is lost: a
        lasting warning until it is back."""
        self.trouble_label.setVisible(bool(text))
        if self._services.database.is_sqlite:
            lost = self.tr("Database not reachable")
        else:  # the pool and the listener connect again by themselves: the label goes when they have
            lost = self.tr("Connection lost, reconnecting…")
        self.trouble_label.setText("⚠ " + lost if text else "")
        self.trouble_label.setToolTip(text)
        if text:
            self.statusBar().showMessage(text, 30000)
        else:
            self.statusBar().showMessage(self.tr("The database can be reached again."), 10000)

    def check_after_crash(self) -> None:
        """Dealdesk (here or on this PC before) ended without closing the file: a quick check, off
        the GUI thread; a damaged file says so and offers the backups, a sound one is said sound."""
        self.statusBar().showMessage(self.tr("Checking the database after an unexpected end…"))
        backups = self._services.backups

        def done(result: str) -> None:
            if result == "ok":
                self.statusBar().showMessage(
                    self.tr("Checked after an unexpected end: the database is sound."), 15000
                )
                return
            self.statusBar().clearMessage()
            QMessageBox.warning(
                self,
                self.tr("The database is damaged"),
                self.tr(
                    "The check after the last unexpected end found the database damaged (%1).\n\n"
                    "Restore a backup now: choose one in the list that follows."
                ).replace("%1", result),
            )
            self.show_backups()

        self._check_call = run_in_background(backups.quick_check, done, lambda error: done(error_text(error)))

    def _on_restored(self, kept: str) -> None:
        QMessageBox.information(
            self,
            self.tr("Restored"),
            self.tr(
                "The backup is in place. The file as it was is kept at:\n%1\n\nDealdesk starts again now."
            ).replace("%1", kept),
        )
        self.restart_wanted.emit()

    def about_text(self) -> str:
        """Version, database (file or server), its schema revision and where the logs are."""
        from html import escape

        return (
            self.tr(
                "<h3>Dealdesk %1</h3><p>A fast, private desktop CRM for deals.</p>"
                "<p>Database: %2<br>Schema revision: %3<br>Logs: %4</p>"
            )
            .replace("%1", __version__)
            .replace("%2", escape(self._services.database.display_name))
            .replace("%3", escape(self._services.schema_revision()))
            .replace("%4", escape(str(log_folder())))
        )

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Dealdesk"), self.about_text())

    # The guide's page for each area (F1 opens the one on screen).
    GUIDE_PAGES = {
        Area.DEALS: "deals.md",
        Area.CONTACTS: "customers.md",
        Area.COMPANIES: "customers.md",
        Area.LEADS: "customers.md",
        Area.TASKS: "tasks.md",
        Area.INVOICES: "invoices.md",
        Area.ANALYTICS: "analytics.md",
        Area.SETTINGS: "pipelines.md",
    }

    def open_guide(self, page: str | None = None) -> QDialog:
        """Help › User guide (F1): the page of the area on screen, in the language spoken."""
        from app.dialogs.guide_dialog import GuideDialog

        if page is None:
            current = next(
                (area for area, widget in self._area_pages.items() if widget is self._pages.currentWidget()),
                Area.DEALS,
            )
            page = self.GUIDE_PAGES.get(current, "index.md")
        language = "de" if QLocale().language() == QLocale.Language.German else "en"
        dialog = GuideDialog(language, page, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # beside the window, not blocking it
        self.guide = dialog
        return dialog

    def open_log_folder(self) -> Path:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self, self.tr("Log folder"), str(folder))
        return folder

    def _update_title(self) -> None:
        source = sqlite_file(self._services.database.display_name)
        name = source.name if source else self._services.database.display_name
        self.setWindowTitle(f"Dealdesk – {name}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self._hub.stop()
        self.reminders.stop()
        self.automation.stop()
        if self.presence is not None:
            if Operation.announce == self.presence.set_activity:
                Operation.announce = None
            self.presence.stop()
        super().closeEvent(event)
