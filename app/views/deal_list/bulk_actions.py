"""Carries out the bulk bar's actions on the list's selection, off the GUI thread, with progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QLocale, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.dialogs.bulk_field_dialog import BulkFieldDialog
from app.dialogs.start_workflow_dialog import StartWorkflowDialog
from app.dialogs.task_dialog import TaskDialog
from app.services.container import Services
from app.services.core.errors import MissingFieldsError, ServiceError
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.deals.bulk import BulkResult, DealSelection
from app.services.deals.export import ExportFormat
from app.ui.i18n import error_text, translate_message
from app.ui.operations import Operation, Progress
from app.views.deal_list.deal_list_view import DealListView
from app.views.deal_list.deal_table_model import DealTableModel

PROGRESS_FROM = 1000  # smaller actions finish before a progress dialog could be read


MAX_TASK_DEALS = 10_000  # one task per deal: a bigger choice is a mistake more likely than a plan


class DealBulkActions(QObject):
    """Turns the selection (rows, or "all matching") into a DealSelection and runs the action."""

    finished = Signal(str)  # a message for the status bar
    undo_changed = Signal()

    def __init__(self, services: Services, view: DealListView, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._view = view
        self._parent = parent
        self._operation: Operation | None = None

    @property
    def model(self) -> DealTableModel:
        model = self._view.model()
        assert isinstance(model, DealTableModel)
        return model

    # -- the selection ---------------------------------------------------------------------------

    def selected_count(self) -> int:
        return self._view.chosen.count()

    def covers_everything(self) -> bool:
        return self._view.chosen.covers_everything()

    def _selection(self) -> tuple[Any, int]:
        """What to act on, as work for a background thread: a function giving the DealSelection.

        The chosen deals by id, as the user picked them (never row numbers: rows move when the
        list is sorted or refreshed); or, when everything is chosen, whatever the filter matches."""
        chosen = self._view.chosen
        if chosen.covers_everything():
            deal_filter = self.model.deal_filter
            return (lambda: DealSelection(matching=deal_filter)), self.model.rowCount()
        ids = tuple(sorted(chosen.ids))
        # The versions the user saw: a deal somebody changed meanwhile refuses the action (a conflict).
        seen = self.model.versions_of(ids)
        selection = DealSelection(ids=ids, versions=tuple(sorted(seen.items())))
        return (lambda: selection), len(selection.ids)

    # -- actions ---------------------------------------------------------------------------------

    def move_to_stage(self, stage_id: int) -> None:
        stage = next((s for p in self._services.pipelines.list() for s in p.stages if s.id == stage_id), None)
        name = stage.name if stage else str(stage_id)
        self._update(
            "stage_id", stage_id, lambda n: self.tr("Moved %Ln deal(s) to %1.", "", n).replace("%1", name)
        )

    def move_to_pipeline(
        self, stage_id: int, fill: dict[str, Any] | None = None, chosen: tuple[Any, int] | None = None
    ) -> None:
        """Into a stage of another pipeline (history keeps where they were; not undoable)."""
        pipeline, stage = next(
            ((p, s) for p in self._services.pipelines.list() for s in p.stages if s.id == stage_id),
            (None, None),
        )
        if pipeline is None or stage is None:
            return
        resolve, count = chosen or self._selection()
        bulk = self._services.deal_bulk

        def missing(error: MissingFieldsError) -> None:
            from app.dialogs.required_fields_dialog import RequiredFieldsDialog

            dialog = RequiredFieldsDialog(self._services, error, stage.name, self._parent)
            if dialog.exec() == RequiredFieldsDialog.DialogCode.Accepted:
                self.move_to_pipeline(stage_id, dialog.values(), (resolve, count))

        where = f"{pipeline.name}: {stage.name}"
        self._run(
            self.tr("Moving %1 deals…").replace("%1", _n(count)),
            lambda progress: bulk.move_to_pipeline(resolve(), stage_id, fill=fill, progress=progress),
            count,
            lambda result: self.tr("Moved %Ln deal(s) to %1.", "", result.changed).replace("%1", where),
            on_missing=missing,
        )

    def set_responsible(self, user_id: int) -> None:
        user = next((u for u in self._services.users.list() if u.id == user_id), None)
        name = user.name if user else str(user_id)
        self._update(
            "responsible_id",
            user_id,
            lambda n: self.tr("%Ln deal(s) handed to %1.", "", n).replace("%1", name),
        )

    def set_field(self) -> None:
        dialog = BulkFieldDialog(self._parent)
        if dialog.exec() != BulkFieldDialog.DialogCode.Accepted:
            return
        field, value = dialog.choice()
        self._update(field, value, lambda n: self.tr("Changed %Ln deal(s).", "", n))

    def _update(
        self,
        field: str,
        value: Any,
        done_text: Any,
        fill: dict[str, Any] | None = None,
        chosen: tuple[Any, int] | None = None,
    ) -> None:
        resolve, count = chosen or self._selection()
        bulk = self._services.deal_bulk

        def work(progress: Progress) -> BulkResult:
            return bulk.update(resolve(), field, value, fill=fill, progress=progress)

        def missing(error: MissingFieldsError) -> None:
            """The stage needs fields some deals lack: ask once, then run again with the values."""
            from app.dialogs.required_fields_dialog import RequiredFieldsDialog

            stage = next(
                (s for p in self._services.pipelines.list() for s in p.stages if s.id == value), None
            )
            dialog = RequiredFieldsDialog(self._services, error, stage.name if stage else "", self._parent)
            if dialog.exec() == RequiredFieldsDialog.DialogCode.Accepted:
                # The same deals as first chosen, as they were then (not as the list shows them now).
                self._update(field, value, done_text, dialog.values(), (resolve, count))

        self._run(
            self.tr("Changing %1 deals…").replace("%1", _n(count)),
            work,
            count,
            lambda result: done_text(result.changed),
            on_missing=missing,
        )

    def _few_chosen(self, title: str, too_many: str) -> list[int]:
        """The chosen deals' ids, when there are at most MAX_TASK_DEALS of them (else said: none)."""
        chosen = self._view.chosen
        if not chosen.covers_everything():
            return sorted(chosen.ids)
        count = self.model.rowCount()
        if count > MAX_TASK_DEALS:
            text = too_many.replace("%1", QLocale().toString(count)).replace(
                "%2", QLocale().toString(MAX_TASK_DEALS)
            )
            QMessageBox.information(self._parent, title, text)
            return []
        return self.model.ids_in(0, count - 1)

    def plan_task(self) -> bool:
        """The same task on each chosen deal (for each deal's responsible person, unless another is
        chosen), in one transaction."""
        ids = self._few_chosen(
            self.tr("Plan a task"),
            self.tr("A task on %1 deals at once is too many: narrow the filter to %2 or fewer."),
        )
        if not ids:
            return False
        dialog = TaskDialog(self._services, deal_ids=ids, parent=self._parent)
        if not dialog.exec():
            return False
        self.finished.emit(self.tr("Planned a task on %Ln deal(s).", "", dialog.created))
        return True

    def start_workflow(self) -> StartWorkflowDialog | None:
        """A workflow on each chosen deal (up to as many as a task), started in one transaction."""
        ids = self._few_chosen(
            self.tr("Start a workflow"),
            self.tr("A workflow on %1 deals at once is too many: narrow the filter to %2 or fewer."),
        )
        if not ids:
            return None
        dialog = StartWorkflowDialog(self._services, "deal", ids, self._parent)
        dialog.accepted.connect(
            lambda: self.finished.emit(self.tr("Started a workflow on %Ln deal(s).", "", len(dialog.started)))
        )
        dialog.open()
        return dialog

    def delete(self) -> None:
        resolve, count = self._selection()
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete deals"),
            self.tr("Delete %Ln deal(s)? This can't be undone.", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        bulk = self._services.deal_bulk
        self._run(
            self.tr("Deleting %1 deals…").replace("%1", _n(count)),
            lambda progress: bulk.delete(resolve(), progress=progress),
            count,
            lambda result: self.tr("Deleted %Ln deal(s).", "", result.changed),
        )

    def export(self, fmt: str) -> None:
        resolve, count = self._selection()
        export_format = ExportFormat(fmt)
        filters = {
            ExportFormat.CSV: self.tr("CSV file (*.csv)"),
            ExportFormat.XLSX: self.tr("Excel workbook (*.xlsx)"),
        }
        target, _chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export deals"),
            str(Path(QDir.homePath()) / f"deals.{fmt}"),
            filters[export_format],
        )
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        header: list[tuple[str, str]] = []
        for key, title in self._view.visible_columns():
            if key == "activity":  # the open tasks of the moment, not a field of the deal
                continue
            header.append((key, title))
            if key == "amount":  # the list shows them together; a spreadsheet wants them apart
                header.append(("currency", self.tr("Currency")))
        german = QLocale().decimalPoint() == ","
        sources = {code: translate_message(label) for code, label in DEAL_SOURCES.items()}
        exporter, queries, model = self._services.deal_export, self._services.deal_queries, self.model
        everything = self.covers_everything()
        deal_filter, sort, cursor = model.deal_filter, model.deal_sort, model.cursor

        def work(progress: Progress) -> int:
            ids = None if everything else queries.in_list_order(deal_filter, sort, resolve().ids, cursor)
            return exporter.export(
                path,
                export_format,
                header,
                ids=ids,
                matching=(deal_filter, sort) if everything else None,
                value_names={"source": sources},
                delimiter=";" if german else ",",
                decimal_comma=german,
                progress=progress,
            )

        self._run(
            self.tr("Exporting %1 deals…").replace("%1", _n(count)),
            work,
            count,
            lambda written: self.tr("Exported %Ln deal(s) to %1.", "", written).replace("%1", str(path)),
        )

    def make_documents(self) -> None:
        """A document from one template for each selected deal, with progress; each kept as made."""
        from PySide6.QtWidgets import QInputDialog

        resolve, count = self._selection()
        documents = self._services.documents
        templates = self._services.document_templates.templates(for_deals=True)
        if not templates:
            QMessageBox.information(
                self._parent,
                self.tr("Documents"),
                self.tr("No template yet: an administrator adds them in Settings › Document templates."),
            )
            return
        names = [t.name for t in templates]
        chosen, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Documents"),
            self.tr("A document for each of the %Ln deal(s), from the template:", "", count),
            names,
            0,
            False,
        )
        if not ok or chosen not in names:
            return
        template = templates[names.index(chosen)]
        self._run(
            self.tr("Making %1 documents…").replace("%1", _n(count)),
            lambda progress: documents.make_many(
                self._services.deal_bulk.ids_of(resolve()), template.id, progress
            ),
            count,
            lambda made: self.tr("Made %Ln document(s); each is in its deal's Documents.", "", len(made)),
        )

    def undo(self) -> None:
        last = self._services.deal_bulk.last_undoable()
        if last is None:
            return
        bulk = self._services.deal_bulk

        def done(result: BulkResult) -> str:
            text = self.tr("Undone for %Ln deal(s).", "", result.changed)
            if result.skipped:
                text += " " + self.tr("%Ln changed since then were left as they are.", "", result.skipped)
            return text

        self._run(
            self.tr("Undoing…"), lambda progress: bulk.undo(last.id, progress=progress), last.count, done
        )

    # -- running ---------------------------------------------------------------------------------

    def _run(self, label: str, work: Any, count: int, message: Any, on_missing: Any = None) -> None:
        def succeeded(result: Any) -> None:
            self.undo_changed.emit()
            text = message(result)
            refused = getattr(result, "refused", 0)
            if refused:  # chosen deals the person's role does not let them change: said, not hidden
                text += " " + self.tr(
                    "%Ln deal(s) your role does not let you change stayed as they were.", "", refused
                )
            self.finished.emit(text)

        def failed(error: BaseException) -> None:
            if isinstance(error, MissingFieldsError) and on_missing is not None:
                on_missing(error)
                return
            text = error_text(error) if isinstance(error, ServiceError) else str(error)
            QMessageBox.warning(self._parent, self.tr("Not done"), text)

        def cancelled() -> None:
            self.finished.emit(self.tr("Cancelled; nothing was changed."))

        operation = Operation(
            self._parent,
            label,
            work,
            succeeded,
            failed,
            on_cancel=cancelled,
            show_progress=count > PROGRESS_FROM,
        )
        self._operation = operation
        operation.start()


def _n(count: int) -> str:
    return QLocale().toString(count)
