"""Configure a form: sections and their fields (dragged between them), hidden fields, who may see
or edit a field and from which stage it is required; for oneself or for everyone, per pipeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.custom_field_dialog import CustomFieldDialog
from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.form_designer.field_list import FieldList, KeyRole
from app.dialogs.form_designer.section_editor import SectionEditor
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError, ValidationError
from app.services.fields.custom_fields import EntityType
from app.services.fields.field_rules import FieldRuleInfo
from app.services.fields.form_layouts import ALWAYS_REQUIRED, FormLayoutInfo, Section
from app.ui.i18n import error_text


class FormDesignerDialog(QDialog):
    def __init__(
        self,
        services: Services,
        entity: EntityType = EntityType.DEAL,
        *,
        pipeline_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formDesigner")
        self.setWindowTitle(self.tr("Configure the form"))
        self.resize(900, 640)
        self._services = services
        self._entity = entity
        self._catalog = FieldCatalog(services, entity, self)
        self._is_admin = services.roles.may_manage_settings()
        self._pipelines = services.pipelines.list()
        self._rules: dict[str, FieldRuleInfo] = services.field_rules.rules(entity)
        self._rule_edits: dict[str, tuple[tuple[int, ...] | None, tuple[int, ...] | None]] = {}
        self._required_edits: dict[tuple[str, int], int | None] = {}
        self._selected_key: str | None = None
        self.sections: list[SectionEditor] = []

        # scope: for me / for everyone (forced), which pipeline
        self.personal = QRadioButton(self.tr("Just for me"))
        self.personal.setObjectName("scopePersonal")
        self.shared = QRadioButton(self.tr("For everyone"))
        self.shared.setObjectName("scopeShared")
        self.shared.setEnabled(self._is_admin)
        scope = QButtonGroup(self)
        scope.addButton(self.personal)
        scope.addButton(self.shared)
        self.forced = QCheckBox(self.tr("Everyone uses it (personal layouts are ignored)"))
        self.forced.setObjectName("forced")
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("designPipeline")
        self.pipeline.addItem(self.tr("Every pipeline"), None)
        for pipeline in self._pipelines if entity is EntityType.DEAL else ():
            self.pipeline.addItem(pipeline.name, pipeline.id)
        # The pipeline's own layout when it has one, else the one for every pipeline.
        own = pipeline_id is not None and any(
            services.form_layouts.stored(entity, shared=shared, pipeline_id=pipeline_id) is not None
            for shared in (False, True)
        )
        self.pipeline.setCurrentIndex(max(0, self.pipeline.findData(pipeline_id)) if own else 0)
        self.pipeline.setVisible(entity is EntityType.DEAL)
        self.personal.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layout:")))
        top.addWidget(self.personal)
        top.addWidget(self.shared)
        top.addWidget(self.forced)
        top.addStretch(1)
        top.addWidget(self.pipeline)

        # sections (left), hidden fields and the selected field's rules (right)
        self._sections_box = QWidget()
        self._sections_layout = QVBoxLayout(self._sections_box)
        self._sections_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._sections_box)
        self.hidden = FieldList()
        self.hidden.setObjectName("hiddenFields")
        self.hidden.fields_dropped.connect(self._on_fields_dropped)
        self.hidden.itemSelectionChanged.connect(lambda: self._on_selected(self.hidden))
        hidden_box = QGroupBox(self.tr("Hidden fields (drag here to hide)"))
        QVBoxLayout(hidden_box).addWidget(self.hidden)
        self.rules_box = self._rules_panel()
        side = QVBoxLayout()
        side.addWidget(hidden_box, 1)
        side.addWidget(self.rules_box)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)

        self.add_section = QPushButton(self.tr("Add section"))
        self.add_section.setObjectName("addSection")
        self.new_field = QPushButton(self.tr("New field…"))
        self.new_field.setObjectName("newField")
        self.new_field.setEnabled(self._is_admin)
        self.reset = QPushButton(self.tr("Reset to default"))
        self.reset.setObjectName("resetLayout")
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_section)
        bottom.addWidget(self.new_field)
        bottom.addWidget(self.reset)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors)
        layout.addLayout(bottom)

        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.add_section.clicked.connect(self._on_add_section)
        self.new_field.clicked.connect(self._on_new_field)
        self.reset.clicked.connect(self._on_reset)
        self.personal.toggled.connect(lambda _on: self._load())
        self.pipeline.currentIndexChanged.connect(lambda _i: self._load())
        self._load()

    # -- the layout being edited ------------------------------------------------------------------------

    def _pipeline_id(self) -> int | None:
        value = self.pipeline.currentData()
        return int(value) if value is not None else None

    def _load(self) -> None:
        """Show the stored layout of the chosen scope, or what applies now as the starting point."""
        shared = self.shared.isChecked()
        stored = self._services.form_layouts.stored(
            self._entity, shared=shared, pipeline_id=self._pipeline_id()
        )
        layout = stored or self._services.form_layouts.layout(self._entity, self._pipeline_id())
        self.forced.setEnabled(shared)
        self.forced.setChecked(bool(stored and stored.forced))
        self._show(layout)

    def _show(self, layout: FormLayoutInfo) -> None:
        for editor in self.sections:
            self._sections_layout.removeWidget(editor)
            editor.deleteLater()
        self.sections = []
        for section in layout.sections:
            self._append_section(section)
        self.hidden.clear()
        for key in layout.hidden:
            self.hidden.add_field(key, self._catalog.label(key))
        self._fit()

    def _append_section(self, section: Section) -> SectionEditor:
        editor = SectionEditor(section)
        for key in section.fields:
            editor.fields.add_field(key, self._label(key))
        editor.fields.fields_dropped.connect(self._on_fields_dropped)
        editor.fields.itemSelectionChanged.connect(lambda e=editor: self._on_selected(e.fields))
        editor.move_requested.connect(self._on_move_section)
        editor.remove_requested.connect(self._on_remove_section)
        self.sections.append(editor)
        self._sections_layout.insertWidget(self._sections_layout.count() - 1, editor)
        return editor

    def _label(self, key: str) -> str:
        return self._catalog.label(key) + (" *" if self._catalog.required(key) else "")

    def _lists(self) -> list[FieldList]:
        return [e.fields for e in self.sections] + [self.hidden]

    def _fit(self) -> None:
        for editor in self.sections:
            editor.fields.fit_height()

    def current_sections(self) -> list[Section]:
        return [e.section() for e in self.sections]

    # -- editing --------------------------------------------------------------------------------------

    def _on_fields_dropped(self, target: FieldList, keys: list[str], row: int) -> None:
        """Fields dropped on a list leave every list they were in and stand where they fell."""
        if target is self.hidden:
            always = [k for k in keys if k in ALWAYS_REQUIRED[self._entity]]
            if always:
                self._show_error(
                    self.tr("“%1” is always required, so it can't be hidden.").replace(
                        "%1", self._catalog.label(always[0])
                    )
                )
                keys = [k for k in keys if k not in always]
        if not keys:
            return
        before = target.field_keys()[:row]
        row -= sum(1 for k in before if k in keys)
        for field_list in self._lists():
            field_list.remove_keys(set(keys))
        for offset, key in enumerate(keys):
            label = self._label(key) if target is not self.hidden else self._catalog.label(key)
            target.add_field(key, label, row + offset)
        self._fit()
        self.errors.hide()

    def _on_add_section(self) -> None:
        taken = {e.key for e in self.sections}
        n = 1
        while f"s{n}" in taken:
            n += 1
        editor = self._append_section(Section(f"s{n}", self.tr("New section"), 1, ()))
        editor.title.setFocus()
        editor.title.selectAll()
        self._fit()

    def _on_move_section(self, editor: SectionEditor, step: int) -> None:
        index = self.sections.index(editor)
        target = index + step
        if not 0 <= target < len(self.sections):
            return
        self.sections.insert(target, self.sections.pop(index))
        self._sections_layout.removeWidget(editor)
        self._sections_layout.insertWidget(target, editor)

    def _on_remove_section(self, editor: SectionEditor) -> None:
        if len(self.sections) == 1:
            self._show_error(self.tr("A form needs at least one section."))
            return
        keys = editor.fields.field_keys()
        always = [k for k in keys if k in ALWAYS_REQUIRED[self._entity]]
        target = self.sections[0] if self.sections[0] is not editor else self.sections[1]
        for key in always:  # fields that can't be hidden go to the first section
            target.fields.add_field(key, self._label(key))
        for key in keys:
            if key not in always:
                self.hidden.add_field(key, self._catalog.label(key))
        self.sections.remove(editor)
        self._sections_layout.removeWidget(editor)
        editor.deleteLater()
        self._fit()

    def _on_new_field(self) -> None:
        dialog = CustomFieldDialog(self._services, self._entity, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        self._catalog.refresh()
        key = f"uf:{dialog.saved.code}"
        target = self.sections[-1] if self.sections else self._append_section(Section("more", None, 1, ()))
        target.fields.add_field(key, self._label(key))
        self._fit()

    def _on_reset(self) -> None:
        shared = self.shared.isChecked()
        answer = QMessageBox.question(
            self,
            self.tr("Reset the form"),
            self.tr("Go back to the standard form for everyone?")
            if shared
            else self.tr("Forget your own layout and use the office's (or the standard) form?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.form_layouts.reset(self._entity, shared=shared, pipeline_id=self._pipeline_id())
        except (ServiceError, DatabaseError) as exc:
            self._show_error(error_text(exc))
            return
        self._load()

    def _show_error(self, text: str) -> None:
        self.errors.setText(text)
        self.errors.show()

    # -- the selected field's rules ---------------------------------------------------------------------

    def _rules_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Field"))
        box.setObjectName("fieldRules")
        self.rule_title = QLabel(self.tr("Choose a field to set who sees it and when it is required."))
        self.rule_title.setWordWrap(True)
        self.required_from = QComboBox()
        self.required_from.setObjectName("requiredFrom")
        self.visible_all = QCheckBox(self.tr("Everyone sees it"))
        self.visible_all.setObjectName("visibleToAll")
        self.editable_all = QCheckBox(self.tr("Everyone may change it"))
        self.editable_all.setObjectName("editableByAll")
        self.people = QListWidget()
        self.people.setObjectName("people")
        self.people.setMaximumHeight(110)
        for user_id, name in self._catalog.users():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        form = QFormLayout(box)
        form.addRow(self.rule_title)
        form.addRow(self.tr("Required from stage"), self.required_from)
        form.addRow(self.visible_all)
        form.addRow(self.editable_all)
        form.addRow(self.tr("Only these people"), self.people)
        box.setEnabled(False)
        self.required_from.activated.connect(lambda _i: self._remember_rules())
        self.visible_all.toggled.connect(lambda _on: self._remember_rules())
        self.editable_all.toggled.connect(lambda _on: self._remember_rules())
        self.people.itemChanged.connect(lambda _item: self._remember_rules())
        return box

    def _on_selected(self, field_list: FieldList) -> None:
        items = field_list.selectedItems()
        if not items:
            return
        for other in self._lists():
            if other is not field_list:
                other.blockSignals(True)
                other.clearSelection()
                other.blockSignals(False)
        key = items[0].data(KeyRole)
        self._selected_key = None  # no remembering while the panel is filled
        rule = self._rules.get(key)
        visible, editable = self._rule_edits.get(
            key, (rule.visible_to if rule else None, rule.editable_by if rule else None)
        )
        self.rule_title.setText(self._catalog.label(key))
        self.required_from.clear()
        self.required_from.addItem(self.tr("never"), None)
        pipeline_id = self._pipeline_id() or (self._pipelines[0].id if self._pipelines else None)
        pipeline = next((p for p in self._pipelines if p.id == pipeline_id), None)
        for stage in pipeline.stages if pipeline and self._entity is EntityType.DEAL else ():
            if not stage.is_lost:
                self.required_from.addItem(stage.name, stage.id)
        current = self._required_edits.get(
            (key, pipeline_id or 0), (rule.required_from.get(pipeline_id or 0) if rule else None)
        )
        self.required_from.setCurrentIndex(max(0, self.required_from.findData(current)))
        self.required_from.setEnabled(
            self._entity is EntityType.DEAL and key not in ALWAYS_REQUIRED[self._entity]
        )
        self.visible_all.setChecked(visible is None)
        self.editable_all.setChecked(editable is None)
        chosen = set(visible or ()) | set(editable or ())
        for n in range(self.people.count()):
            item = self.people.item(n)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in chosen
                else Qt.CheckState.Unchecked
            )
        self.rules_box.setEnabled(self._is_admin)
        self._selected_key = key

    def _remember_rules(self) -> None:
        key = self._selected_key
        if key is None:
            return
        people = tuple(
            self.people.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.people.count())
            if self.people.item(n).checkState() == Qt.CheckState.Checked
        )
        visible = None if self.visible_all.isChecked() else people
        editable = None if self.editable_all.isChecked() else people
        self._rule_edits[key] = (visible, editable)
        pipeline_id = self._pipeline_id() or (self._pipelines[0].id if self._pipelines else 0)
        self._required_edits[(key, pipeline_id)] = self.required_from.currentData()

    # -- saving ---------------------------------------------------------------------------------------

    def _on_save(self) -> None:
        shared = self.shared.isChecked()
        try:
            self._services.form_layouts.save(
                self._entity,
                self.current_sections(),
                self.hidden.field_keys(),
                shared=shared,
                pipeline_id=self._pipeline_id(),
                forced=shared and self.forced.isChecked(),
            )
            if self._is_admin:
                self._save_rules()
        except ValidationError as exc:
            self._show_error(error_text(exc))
            return
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Form not saved"), error_text(exc))
            return
        self.accept()

    def _save_rules(self) -> None:
        for key, (visible, editable) in self._rule_edits.items():
            rule = self._rules.get(key)
            if rule is None and visible is None and editable is None:
                continue
            if rule is not None and (rule.visible_to, rule.editable_by) == (visible, editable):
                continue
            self._services.field_rules.set_access(self._entity, key, visible_to=visible, editable_by=editable)
        for (key, pipeline_id), stage_id in self._required_edits.items():
            rule = self._rules.get(key)
            if (rule.required_from.get(pipeline_id) if rule else None) != stage_id and pipeline_id:
                self._services.field_rules.set_required_from(self._entity, key, pipeline_id, stage_id)
