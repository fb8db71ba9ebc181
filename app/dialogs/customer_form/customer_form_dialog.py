"""The contact or company form: fields laid out by the form layout (custom fields included), their
deals with count and won total, and the timeline. A new record is checked for duplicates first."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.deal_form.form_sections import FormSections
from app.dialogs.deal_form.history_format import HistoryFormat
from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.fields.pickers import RecordsPicker
from app.services.container import Services
from app.services.core.errors import (
    ConflictError,
    DatabaseError,
    NotFoundError,
    ServiceError,
    ValidationError,
)
from app.services.customers.form import CustomerFormData
from app.services.customers.queries import CustomerKind
from app.services.deals.filters import DealFilter
from app.services.deals.paging import DealSort
from app.ui.formatting import money, short_date
from app.ui.i18n import error_text, translate_message
from app.views.workflows.record_workflows import RecordWorkflows

MAX_DEALS_SHOWN = 200


class CustomerFormDialog(QDialog):
    open_deal_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        kind: CustomerKind,
        record_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.setMinimumSize(760, 560)
        self._services = services
        self.kind = kind
        self._catalog = FieldCatalog(services, kind.entity, self)
        self._data: CustomerFormData | None = (
            services.customer_form.load(kind, record_id) if record_id is not None else None
        )
        self._original: dict[str, Any] = {}
        self.saved: CustomerFormData | None = None
        contact = kind is CustomerKind.CONTACT
        if self._data is None:
            self.setWindowTitle(self.tr("New contact") if contact else self.tr("New company"))
        else:
            self.setWindowTitle(self.tr("Contact") if contact else self.tr("Company"))

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        self.sections = self._new_sections()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        self.tabs.addTab(self.sections, self.tr("General"))
        self.deal_figures = QLabel()
        self.deal_figures.setObjectName("dealFigures")
        self.deal_list = QTreeWidget()
        self.deal_list.setObjectName("customerDeals")
        self.deal_list.setRootIsDecorated(False)
        self.deal_list.setHeaderLabels(
            [self.tr("Deal"), self.tr("Stage"), self.tr("Amount"), self.tr("Close date")]
        )
        self.deal_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.deal_list.itemDoubleClicked.connect(
            lambda item, _c: self.open_deal_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
        )
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("customerTimeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.timeline.header().setStretchLastSection(True)
        if self._data is not None:
            deals_tab = QWidget()
            deals_layout = QVBoxLayout(deals_tab)
            deals_layout.addWidget(self.deal_figures)
            deals_layout.addWidget(self.deal_list, 1)
            self.tabs.addTab(deals_tab, self.tr("Deals"))
            self.tabs.addTab(self.timeline, self.tr("Timeline"))
            assert record_id is not None
            self.workflows = RecordWorkflows(services, kind.value, record_id)
            self.tabs.addTab(self.workflows, self.tr("Workflows"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.configure = QPushButton(self.tr("Configure form…"))
        self.configure.setObjectName("configureForm")
        self.configure.clicked.connect(self._on_configure)
        bottom = QHBoxLayout()
        bottom.addWidget(self.configure)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.errors)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save)
        self._load()

    def _new_sections(self) -> FormSections:
        services, entity = self._services, self.kind.entity
        me = services.actor.id if services.actor else None
        rules = services.field_rules.rules(entity)
        return FormSections(
            self._catalog,
            services.form_layouts.layout(entity, None),
            hidden_for_me={k for k, r in rules.items() if not r.may_see(me)},
            read_only_for_me={k for k, r in rules.items() if not r.may_edit(me)},
        )

    def _on_configure(self) -> None:
        """The form designer for contacts (or companies); the form shows the new layout at once."""
        from app.dialogs.form_designer.form_designer_dialog import FormDesignerDialog

        designer = FormDesignerDialog(self._services, self.kind.entity, parent=self)
        if designer.exec() != QDialog.DialogCode.Accepted:
            return
        typed, original = self._collect(), self._original
        self._catalog.refresh()
        old = self.sections
        self.sections = self._new_sections()
        self.tabs.removeTab(0)
        self.tabs.insertTab(0, self.sections, self.tr("General"))
        self.tabs.setCurrentIndex(0)
        old.deleteLater()
        for key, editor in self.sections.editors.items():
            if key in typed:
                editor.set_value(typed[key])
        self._original = {k: original.get(k) for k in self.sections.editors}

    # -- reading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        values: dict[str, Any] = {}
        if self._data is not None:
            record = self._data.record
            for key in self.sections.editors:
                if key.startswith("uf:"):
                    field = self._catalog.custom.get(key)
                    values[key] = self._data.custom.get(field.id) if field else None
                elif hasattr(record, key):
                    values[key] = getattr(record, key)
            self.heading.setText(getattr(record, "full_name", None) or getattr(record, "title", ""))
            self._show_deals(record.id)
            fmt = HistoryFormat(self._catalog)
            crud = self._services.contacts if self.kind is CustomerKind.CONTACT else self._services.companies
            self.timeline.clear()
            for item in reversed(crud.history(record.id)):
                local = item.at.replace(tzinfo=UTC).astimezone()
                if item.action == "created":
                    what = self.tr("Created")
                elif item.field == "merged":
                    what = self.tr("Merged with %1").replace("%1", item.new_value or "")
                else:
                    old, new = fmt.value(item.field, item.old_value), fmt.value(item.field, item.new_value)
                    what = f"{fmt.field(item.field)}: {old} → {new}"
                self.timeline.addTopLevelItem(
                    QTreeWidgetItem([f"{short_date(local)} {local:%H:%M}", item.user_name or "–", what])
                )
        else:
            values["responsible_id"] = self._services.actor.id if self._services.actor else None
            self.heading.setText(self.windowTitle())
        for key, editor in self.sections.editors.items():
            if key in values:
                editor.blockSignals(True)
                editor.set_value(values[key])
                editor.blockSignals(False)
        self._original = self._collect()

    def _show_deals(self, record_id: int) -> None:
        figures = self._services.customer_form.deals(self.kind, record_id)
        self.deal_figures.setText(
            self.tr("%Ln deal(s)", "", figures.all.count)
            + " · "
            + self.tr("%Ln open", "", figures.open.count)
            + " · "
            + self.tr("won: %1 (%2)")
            .replace("%1", str(figures.won.count))
            .replace("%2", money(figures.won.total, figures.won.base_currency))
        )
        deal_filter = (
            DealFilter(contact_id=record_id)
            if self.kind is CustomerKind.CONTACT
            else DealFilter(company_id=record_id)
        )
        rows = self._services.deal_queries.page(
            deal_filter, DealSort("id", descending=True), 0, MAX_DEALS_SHOWN
        )
        self.deal_list.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [row.title, row.stage_name, money(row.amount, row.currency), short_date(row.close_date)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.deal_list.addTopLevelItem(item)

    def _collect(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.sections.editors.items()}

    def is_dirty(self) -> bool:
        return self._collect() != self._original

    # -- saving ----------------------------------------------------------------------------------

    def _on_save(self) -> None:
        for editor in self.sections.editors.values():
            if isinstance(editor, RecordsPicker):
                editor.add_typed()
                if not self._resolve_typed_company(editor):
                    return
        values = self._collect()
        self.sections.clear_problems()
        self.errors.hide()
        standard = {k: v for k, v in values.items() if not k.startswith("uf:")}
        custom = {self._catalog.custom[k].id: v for k, v in values.items() if k.startswith("uf:")}
        if self._data is not None:  # only what changed: another person's edits to other fields stay
            standard = {k: v for k, v in standard.items() if v != self._original.get(k)}
            custom = {
                self._catalog.custom[k].id: v
                for k, v in values.items()
                if k.startswith("uf:") and v != self._original.get(k)
            }
        elif not self._confirm_not_duplicate(standard):
            return
        try:
            self.saved = self._services.customer_form.save(
                self.kind,
                self._data.record.id if self._data else None,
                self._data.record.version if self._data else None,
                values=standard,
                custom=custom,
            )
        except ValidationError as exc:
            self._show_problems(exc)
            return
        except ConflictError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                error_text(exc)
                + "\n\n"
                + self.tr("Your changes are kept in the form; the latest values are read again."),
            )
            self._reload_keeping(values)
            return
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.reject()
            return
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self._original = self._collect()
        self.accept()

    def _resolve_typed_company(self, editor: RecordsPicker) -> bool:
        """A company typed but not picked is never dropped: made now if the user says so, else the form
        stays open with the name flagged."""
        name = editor.pending_name()
        if name is None or editor.key != "company_ids":
            return True
        answer = QMessageBox.question(
            self,
            self.tr("New company"),
            self.tr("There is no company “%1” yet. Create it and link this contact to it?").replace(
                "%1", name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.sections.show_problem(
                editor.key, self.tr("Pick a company from the suggestions, or create it.")
            )
            editor.focus_widget().setFocus()
            return False
        try:
            company = self._services.companies.create(title=name)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return False
        editor.add_record(company.id, company.title)
        return True

    def _reload_keeping(self, mine: dict[str, Any]) -> None:
        """After a conflict: the stored record again, with my edits put back on top."""
        assert self._data is not None
        changed = {k: v for k, v in mine.items() if v != self._original.get(k)}
        self._data = self._services.customer_form.load(self.kind, self._data.record.id)
        self._load()
        for key, value in changed.items():
            editor = self.sections.editors.get(key)
            if editor is not None:
                editor.set_value(value)

    def _confirm_not_duplicate(self, values: dict[str, Any]) -> bool:
        if self.kind is CustomerKind.CONTACT:
            name = " ".join(str(values.get(k) or "") for k in ("first_name", "last_name")).strip()
        else:
            name = str(values.get("title") or "")
        found = self._services.duplicates.find(
            self.kind, name=name, email=values.get("email"), phone=values.get("phone")
        )
        if not found:
            return True
        reasons = {
            "email": self.tr("same e-mail"),
            "phone": self.tr("same phone"),
            "name": self.tr("similar name"),
        }
        lines = "\n".join(f"• {d.name} ({reasons[d.reason.value]})" for d in found)
        answer = QMessageBox.question(
            self,
            self.tr("Possible duplicate"),
            self.tr("Dealdesk already knows:\n%1\n\nSave a new one anyway?").replace("%1", lines),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _show_problems(self, error: ValidationError) -> None:
        elsewhere: list[str] = []
        first: str | None = None
        for problem in error.problems:
            text = translate_message(problem.message)
            if self.sections.show_problem(problem.field, text):
                first = first or problem.field
            else:
                elsewhere.append(text)
        if elsewhere:
            self.errors.setText("\n".join(elsewhere))
            self.errors.show()
        if first is not None:
            self.tabs.setCurrentIndex(0)
            self.sections.focus_field(first)

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Close without saving your changes?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
            self._original = self._collect()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
