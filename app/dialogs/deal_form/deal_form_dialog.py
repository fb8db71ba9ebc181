"""The deal form: stage bar, fields in the sections of the form layout, products, timeline.

Saves everything in one go through DealFormService. Problems show under their fields; closing
with unsaved changes asks; a save over somebody else's meanwhile asks, per field, whose value to
keep, then saves — nothing is silently overwritten.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.deal_form.conflict_dialog import ConflictDialog
from app.dialogs.deal_form.documents_tab import DocumentsTab
from app.dialogs.deal_form.form_sections import FormSections
from app.dialogs.deal_form.history_format import HistoryFormat
from app.dialogs.deal_form.products_tab import ProductsTab
from app.dialogs.deal_form.stage_bar import StageBar
from app.dialogs.deal_form.timeline_tab import TimelineTab
from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.fields.editors import MoneyEditor
from app.dialogs.fields.pickers import RecordPicker, RecordsPicker
from app.dialogs.loss_reason_dialog import LossReasonDialog
from app.services.container import Services
from app.services.core.errors import (
    ConflictError,
    DatabaseError,
    NotFoundError,
    ServiceError,
    ValidationError,
)
from app.services.core.history import history_text
from app.services.deals.form import DealFormData, rows_summary
from app.services.fields.custom_fields import EntityType
from app.services.setup.pipelines import PipelineInfo
from app.ui.i18n import error_text, translate_message
from app.views.invoices.invoices_view import InvoicesView
from app.views.invoices.quotes_view import QuotesView
from app.views.tasks.tasks_view import TasksView
from app.views.workflows.record_workflows import RecordWorkflows

DEAL = EntityType.DEAL
# Fields whose editor is not a plain value: handled by name when collecting.
PICKERS = ("company_id", "contact_ids")


class DealFormDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        deal_id: int | None = None,
        pipeline_id: int | None = None,
        stage_id: int | None = None,
        initial: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`initial`: first values of a new deal by field key (custom ones as "uf:<id>" or "uf:<code>")."""
        super().__init__(parent)
        self.setObjectName("dealForm")
        self.setMinimumSize(820, 600)
        self._services = services
        self._catalog = FieldCatalog(services, DEAL, self)
        self._pipelines = services.pipelines.list()
        self._data: DealFormData | None = services.deal_form.load(deal_id) if deal_id is not None else None
        self._loss_reason: str | None = None
        self._original: dict[str, Any] = {}
        self._dirty = False
        self.saved: DealFormData | None = None
        self.setWindowTitle(self.tr("Deal") if self._data else self.tr("New deal"))

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.stage_bar = StageBar()
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("formTabs")
        self.products = ProductsTab(services.products.list(active_only=True))
        self.timeline = TimelineTab()
        self.sections: FormSections | None = None
        self._general = QWidget()
        self._general_layout = QVBoxLayout(self._general)
        self._general_layout.setContentsMargins(0, 8, 0, 0)
        self.tabs.addTab(self._general, self.tr("General"))
        self.tabs.addTab(self.products, self.tr("Products"))
        self.documents = DocumentsTab(services)
        if self._data is not None:
            self.activities = TasksView(services, deal_id=self._data.deal.id)
            self.activities.open_deal_requested.connect(lambda _deal_id: None)  # it is open already
            self.tabs.addTab(self.activities, self.tr("Activities"))
            self.tabs.addTab(self.timeline, self.tr("Timeline"))
            self.tabs.addTab(self.documents, self.tr("Documents"))
            self.quotes = QuotesView(services, deal_id=self._data.deal.id)
            self.tabs.addTab(self.quotes, self.tr("Quotes"))
            self.invoices = InvoicesView(services, deal_id=self._data.deal.id)
            self.tabs.addTab(self.invoices, self.tr("Invoices"))
            self.workflows = RecordWorkflows(services, "deal", self._data.deal.id)
            self.tabs.addTab(self.workflows, self.tr("Workflows"))
            self.quotes.invoiced.connect(self._quote_invoiced)
            self.documents.show_deal(self._data.deal.id, self._data.deal.pipeline_id)
            self.documents.made.connect(self._show_timeline)

        self.configure = QPushButton(self.tr("Configure form…"))
        self.configure.setObjectName("configureForm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.move_pipeline = QPushButton(self.tr("Move to another pipeline…"))
        self.move_pipeline.setObjectName("movePipeline")
        self.move_pipeline.setVisible(self._data is not None and len(self._pipelines) > 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.configure)
        bottom.addWidget(self.move_pipeline)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stage_bar)
        layout.addWidget(self.errors)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.configure.clicked.connect(self._on_configure)
        self.move_pipeline.clicked.connect(self._on_move_pipeline)
        self.stage_bar.stage_chosen.connect(self._on_stage_chosen)
        self.products.changed.connect(self._on_changed)
        self.products.changed.connect(self._sync_amount)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save)

        self._pipeline_id = self._data.deal.pipeline_id if self._data else self._choose_pipeline(pipeline_id)
        self._build_sections()
        self._load(stage_id)
        if initial and self._data is None:
            self._put_initial(initial)
        assert self.sections is not None
        first = next(iter(self.sections.editors), None)
        if first is not None:
            self.sections.editors[first].focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------------------

    def _choose_pipeline(self, pipeline_id: int | None) -> int | None:
        ids = [p.id for p in self._pipelines]
        return pipeline_id if pipeline_id in ids else (ids[0] if ids else None)

    def _pipeline(self) -> PipelineInfo | None:
        return next((p for p in self._pipelines if p.id == self._pipeline_id), None)

    def _build_sections(self) -> None:
        """(Re)build the General tab from the form layout that applies here (keeps typed values)."""
        kept = self._collect() if self.sections is not None else None
        layout = self._services.form_layouts.layout(DEAL, self._pipeline_id)
        me = self._services.actor.id if self._services.actor else None
        rules = self._services.field_rules.rules(DEAL)
        hidden = {k for k, r in rules.items() if not r.may_see(me)}
        read_only = {k for k, r in rules.items() if not r.may_edit(me)}
        if self._data is not None:
            read_only.add("pipeline_id")  # moving to another pipeline is its own action
        if self.sections is not None:
            self._general_layout.removeWidget(self.sections)
            self.sections.deleteLater()
        self.sections = FormSections(self._catalog, layout, hidden_for_me=hidden, read_only_for_me=read_only)
        self._general_layout.addWidget(self.sections)
        self.sections.changed.connect(self._on_changed)
        amount = self.sections.editors.get("amount")
        if isinstance(amount, MoneyEditor):
            amount.currency.currentIndexChanged.connect(
                lambda _i: self.products.set_currency(amount.currency_code())
            )
        pipeline = self.sections.editors.get("pipeline_id")
        if pipeline is not None:
            pipeline.changed.connect(self._on_pipeline_changed)
        if kept is not None:
            self._put(kept)

    def _load(self, stage_id: int | None = None) -> None:
        """Fill the form from the stored deal, or with a new deal's defaults."""
        data = self._data
        values: dict[str, Any]
        if data is not None:
            deal = data.deal
            values = {
                "title": deal.title,
                "amount": deal.amount,
                "currency": deal.currency,
                "pipeline_id": deal.pipeline_id,
                "begin_date": deal.begin_date,
                "close_date": deal.close_date,
                "probability": deal.probability,
                "responsible_id": deal.responsible_id,
                "source": deal.source,
                "company_id": deal.company_id,
                "contact_ids": [c.id for c in data.contacts],
                "comments": deal.comments,
                "is_open": deal.is_open,
                "observer_ids": list(deal.observer_ids),
                "stage_id": deal.stage_id,
                "products": tuple(data.products),
                "amount_from_products": deal.amount_from_products,
            }
            for key, field in self._catalog.custom.items():
                values[key] = data.custom.get(field.id)
            self.heading.setText(deal.title)
            self._show_timeline()
        else:
            base = next((c.code for c in self._services.currencies.list() if c.is_base), "EUR")
            defaults = self._services.deal_form.new_defaults()
            pipeline = self._pipeline()
            first = pipeline.stages[0].id if pipeline and pipeline.stages else None
            values = {
                "currency": base,
                "pipeline_id": self._pipeline_id,
                "responsible_id": self._services.actor.id if self._services.actor else None,
                "stage_id": stage_id or first,
                "products": (),
                "amount_from_products": False,
            }
            for key, field in self._catalog.custom.items():
                values[key] = defaults.get(field.id)
            self.heading.setText(self.tr("New deal"))
        self._put(values)
        self._original = self._collect()
        self._dirty = False

    def _put_initial(self, initial: dict[str, Any]) -> None:
        """A new deal's first values (e.g. the day double-clicked in the calendar); the form counts
        them as the starting point, not as changes."""
        assert self.sections is not None
        by_id = {f"uf:{f.id}": key for key, f in self._catalog.custom.items()}
        for key, value in initial.items():
            editor = self.sections.editors.get(by_id.get(key, key))
            if editor is not None:
                editor.set_value(value)
        self._original = self._collect()
        self._dirty = False

    def _put(self, values: dict[str, Any]) -> None:
        assert self.sections is not None
        pipeline = self._pipeline()
        self.stage_bar.set_stages(list(pipeline.stages) if pipeline else [], values.get("stage_id"))
        for key, editor in self.sections.editors.items():
            if key in values:
                editor.blockSignals(True)
                editor.set_value(values[key])
                editor.blockSignals(False)
        amount = self.sections.editors.get("amount")
        if isinstance(amount, MoneyEditor) and values.get("currency"):
            amount.set_currency(values["currency"])
        self.products.set_rows(values.get("products", ()), bool(values.get("amount_from_products")))
        self.products.set_currency(values.get("currency") or self._currency())
        self._sync_amount()
        self._mark_required()

    def _sync_amount(self) -> None:
        """With "amount from products" on, the amount shows the rows' total and can't be typed."""
        amount = self.sections.editors.get("amount") if self.sections else None
        if not isinstance(amount, MoneyEditor):
            return
        computed = self.products.from_products.isChecked() and self.products.model.rowCount() > 0
        if computed:
            amount.blockSignals(True)
            amount.set_value(self.products.model.totals.gross)
            amount.blockSignals(False)
        amount.amount.edit.setReadOnly(computed)
        amount.amount.edit.setToolTip(
            self.tr("The total of the products (see the Products tab)") if computed else ""
        )

    def _currency(self) -> str:
        amount = self.sections.editors.get("amount") if self.sections else None
        return amount.currency_code() if isinstance(amount, MoneyEditor) else "EUR"

    def _mark_required(self) -> None:
        """A star on the fields the chosen stage needs (besides the always-required ones)."""
        if self.sections is None or self.stage_bar.current() is None:
            return
        needed = set(self._services.field_rules.required_at_stage(self.stage_bar.current() or 0))
        for key, label in self.sections.labels.items():
            star = self._catalog.required(key) or key in needed
            label.setText(self._catalog.label(key) + (" *" if star else ""))

    # -- reading the form -------------------------------------------------------------------------

    def _quote_invoiced(self, invoice_id: int) -> None:
        self.invoices.reload()
        self.invoices.select(invoice_id)
        self.tabs.setCurrentWidget(self.invoices)

    def _show_timeline(self) -> None:
        if self._data is not None:
            deal_id = self._data.deal.id
            self.timeline.show_items(self._services.deal_form.timeline(deal_id), HistoryFormat(self._catalog))

    def _collect(self) -> dict[str, Any]:
        """Everything the form holds, by field key (the keys the history uses)."""
        assert self.sections is not None
        values: dict[str, Any] = {}
        for key, editor in self.sections.editors.items():
            if isinstance(editor, RecordsPicker):
                values[key] = editor.value()
                values["new_contacts"] = editor.new_names()
            elif isinstance(editor, RecordPicker) and key == "company_id":
                values[key] = editor.value()
                values["new_company"] = editor.new_name()
            else:
                values[key] = editor.value()
        amount = self.sections.editors.get("amount")
        if isinstance(amount, MoneyEditor):
            values["currency"] = amount.currency_code()
        values["stage_id"] = self.stage_bar.current()
        values["products"] = tuple(self.products.model.rows())
        values["amount_from_products"] = self.products.from_products.isChecked()
        return values

    def _changed_keys(self, values: dict[str, Any]) -> set[str]:
        return {k for k, v in values.items() if _comparable(v) != _comparable(self._original.get(k))}

    # -- slots ------------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._dirty = True

    def _on_pipeline_changed(self) -> None:
        assert self.sections is not None
        self._pipeline_id = self.sections.editors["pipeline_id"].value()
        pipeline = self._pipeline()
        self.stage_bar.set_stages(
            list(pipeline.stages) if pipeline else [], pipeline.stages[0].id if pipeline else None
        )
        self._build_sections()  # a pipeline may have its own layout
        self._mark_required()

    def _on_stage_chosen(self, stage_id: int) -> None:
        pipeline = self._pipeline()
        stage = pipeline.stage(stage_id) if pipeline else None
        if stage is None:
            return
        if stage.is_lost:
            dialog = LossReasonDialog(self._services.office.loss_reasons(), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self._loss_reason = dialog.text()
        self.stage_bar.set_current(stage_id)
        self._dirty = True
        self._mark_required()

    def _on_configure(self) -> None:
        from app.dialogs.form_designer.form_designer_dialog import FormDesignerDialog

        designer = FormDesignerDialog(self._services, DEAL, pipeline_id=self._pipeline_id, parent=self)
        if designer.exec() == QDialog.DialogCode.Accepted:
            self._catalog.refresh()
            self._build_sections()
            self._mark_required()

    def _on_move_pipeline(self) -> None:
        """Into a stage of another pipeline, at once (history keeps where the deal was)."""
        if self._data is None:
            return
        title = self.tr("Move to another pipeline")
        if self._dirty:
            QMessageBox.information(self, title, self.tr("Save or undo your changes first."))
            return
        deal = self._data.deal
        options = [
            (f"{p.name}: {s.name}", s.id)
            for p in self._pipelines
            if p.id != deal.pipeline_id
            for s in p.stages
        ]
        names = [name for name, _id in options]
        chosen, ok = QInputDialog.getItem(
            self, title, self.tr("Where does “%1” go?").replace("%1", deal.title), names, 0, False
        )
        if not ok or chosen not in names:
            return
        stage_id = options[names.index(chosen)][1]
        try:
            self._services.deals.move_to_pipeline(deal.id, deal.version, stage_id)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not moved"), error_text(exc))
            return
        self._data = self._services.deal_form.load(deal.id)
        self._pipelines = self._services.pipelines.list()
        self._pipeline_id = self._data.deal.pipeline_id
        self._build_sections()  # the other pipeline may have its own layout
        self._load()
        self.saved = self._data

    # -- saving -----------------------------------------------------------------------------------

    def _on_save(self) -> None:
        assert self.sections is not None
        for editor in self.sections.editors.values():
            if isinstance(editor, RecordsPicker):
                editor.add_typed()  # a name typed but not yet added counts
        values = self._collect()
        self.sections.clear_problems()
        self.errors.hide()
        unknown = [
            (key, editor.unknown_name())
            for key, editor in self.sections.editors.items()
            if isinstance(editor, RecordPicker) and editor.unknown_name()
        ]
        if unknown:
            for key, name in unknown:
                self.sections.show_problem(
                    key, self.tr("Nothing called “%1” was found.").replace("%1", name or "")
                )
            self.sections.focus_field(unknown[0][0])
            return
        try:
            self.saved = self._save(values)
        except ValidationError as exc:
            self._show_problems(exc)
            return
        except ConflictError as exc:
            self._on_conflict(exc, values)
            return
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Deal not saved"), error_text(exc))
            self._dirty = False
            self.reject()
            return
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Deal not saved"), error_text(exc))
            return
        self._dirty = False
        self.accept()

    def _save(self, values: dict[str, Any]) -> DealFormData:
        standard = {
            k: v
            for k, v in values.items()
            if not k.startswith("uf:")
            and k not in ("products", "amount_from_products", "new_company", "new_contacts")
        }
        if self._data is not None:
            standard.pop("pipeline_id", None)
        if self._loss_reason is not None:
            standard["loss_reason"] = self._loss_reason
        custom = {self._catalog.custom[k].id: v for k, v in values.items() if k.startswith("uf:")}
        return self._services.deal_form.save(
            self._data.deal.id if self._data else None,
            self._data.deal.version if self._data else None,
            values=standard,
            custom=custom,
            products=list(values["products"]),
            amount_from_products=values["amount_from_products"],
            new_company=values.get("new_company"),
            new_contacts=values.get("new_contacts") or (),
        )

    def _show_problems(self, error: ValidationError) -> None:
        assert self.sections is not None
        elsewhere: list[str] = []
        first_key: str | None = None
        for problem in error.problems:
            text = translate_message(problem.message)
            if problem.field == "products":
                elsewhere.append(text)
                first_key = first_key or "products"
            elif self.sections.show_problem(problem.field, text):
                first_key = first_key or problem.field
            else:
                elsewhere.append(text)
        if elsewhere:
            self.errors.setText("\n".join(elsewhere))
            self.errors.show()
        if first_key == "products":
            self.tabs.setCurrentWidget(self.products)
        elif first_key is not None:
            self.tabs.setCurrentWidget(self._general)
            self.sections.focus_field(first_key)

    def _on_conflict(self, error: ConflictError, mine: dict[str, Any]) -> None:
        assert self._data is not None
        try:
            theirs = self._services.deal_form.load(self._data.deal.id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Deal not saved"), error_text(exc))
            self.reject()
            return
        mine_changed = self._changed_keys(mine)
        latest = {c.field: c for c in error.changes}  # the newest change of each field
        clashing = [key for key in latest if key in mine_changed]
        keep = set(mine_changed)
        if clashing:
            fmt = HistoryFormat(self._catalog)
            rows = [
                (
                    key,
                    fmt.field(key),
                    fmt.value(key, _text(key, self._original.get(key))),
                    fmt.value(key, latest[key].new_value),
                    latest[key],
                )
                for key in clashing
            ]
            shown_mine = {key: fmt.value(key, _text(key, mine.get(key))) for key in clashing}
            dialog = ConflictDialog(rows, shown_mine, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            keep -= set(clashing) - dialog.keep_mine()
        # Their deal, with my changes on top (those I keep), saved again.
        self._data = theirs
        self._load()
        merged = self._collect()
        for key in keep:
            if key in mine:
                merged[key] = mine[key]
        for extra in ("new_company", "new_contacts"):
            merged[extra] = mine.get(extra)
        self._put(merged)
        self._dirty = True
        self._on_save()

    def reject(self) -> None:
        if self._dirty and self._changed_keys(self._collect()):
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this deal?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Save:
                self._on_save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _comparable(value: Any) -> Any:
    """Values as typed and as stored compare equal: "12.50" and Decimal("12.5"), "" and None."""
    if isinstance(value, list):
        return tuple(value)
    if value == "":
        return None
    if isinstance(value, (str, Decimal)) and not isinstance(value, bool):
        try:
            return Decimal(value).normalize()
        except InvalidOperation:
            return value
    return value


def _text(key: str, value: Any) -> str | None:
    if key == "products":
        return rows_summary(list(value or ()))
    if isinstance(value, (list, tuple)):
        return ", ".join(history_text(v) or "" for v in value) or None
    return history_text(value)
