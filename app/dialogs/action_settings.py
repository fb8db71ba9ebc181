"""The settings of each action a rule or a workflow step can take (a page per action, in the order of
the action registry): what the rule dialog and the workflow designer show under "Does"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from app.dialogs.fields.editors import MultiChoiceEditor
from app.dialogs.task_dialog import kind_names
from app.services.automation.actions import CHANGEABLE
from app.services.container import Services
from app.services.core.vocabulary import FIELD_LABELS
from app.ui.i18n import translate_message


def field_name(key: str) -> str:
    label = FIELD_LABELS.get(key)
    return translate_message(label) if label is not None else key


class ActionSettings(QStackedWidget):
    """A page of editors per action key; `params(key)` reads one page, `show(key, params)` fills it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, dict[str, Any]] = {}
        people = [(u.id, u.name) for u in services.users.list()]
        stages = [(s.id, f"{p.name} › {s.name}") for p in services.pipelines.list() for s in p.stages]
        templates = [(t.id, t.name) for t in services.document_templates.templates(for_deals=True)]

        def page(key: str, rows: list[tuple[str, str, QWidget]]) -> None:
            holder = QWidget()
            form = QFormLayout(holder)
            form.setContentsMargins(0, 0, 0, 0)
            for name, label, widget in rows:
                widget.setObjectName(f"{key}_{name}")
                form.addRow(label, widget)
            self.editors[key] = {name: widget for name, _label, widget in rows}
            self.addWidget(holder)

        kinds = QComboBox()
        for k, label in kind_names().items():
            kinds.addItem(label, k)
        hours = QSpinBox()
        hours.setRange(0, 365 * 24)
        hours.setValue(24)
        hours.setSuffix(" " + self.tr("h"))
        for_whom = QComboBox()
        for_whom.addItem(self.tr("The deal's responsible person"), "responsible")
        for person_id, name in people:
            for_whom.addItem(name, person_id)
        page(
            "task",
            [
                ("title", self.tr("Title"), QLineEdit()),
                ("kind", self.tr("Kind"), kinds),
                ("in_hours", self.tr("Due after"), hours),
                ("responsible", self.tr("For"), for_whom),
            ],
        )
        notify_people = MultiChoiceEditor(
            "people", [("responsible", self.tr("The deal's responsible person")), *people]
        )
        page("notify", [("text", self.tr("Message"), QLineEdit()), ("people", self.tr("To"), notify_people)])
        fields = QComboBox()
        for key in CHANGEABLE:
            fields.addItem(field_name(key), key)
        for custom in services.custom_fields.list():
            fields.addItem(custom.label, f"uf:{custom.code}")
        page("set_field", [("field", self.tr("Field"), fields), ("value", self.tr("New value"), QLineEdit())])
        robin = QCheckBox(self.tr("In turn (round robin)"))
        page(
            "responsible",
            [("people", self.tr("People"), MultiChoiceEditor("people", people)), ("round_robin", "", robin)],
        )
        stage_box = QComboBox()
        for stage_id_, label in stages:
            stage_box.addItem(label, stage_id_)
        page("move", [("stage_id", self.tr("To stage"), stage_box)])
        comment = QPlainTextEdit()
        comment.setFixedHeight(70)
        page("comment", [("text", self.tr("Comment"), comment)])
        to = QComboBox()
        to.addItem(self.tr("The deal's contact (else its company)"), "contact")
        to.addItem(self.tr("The deal's company (else its contact)"), "company")
        body = QPlainTextEdit()
        body.setFixedHeight(90)
        body.setPlaceholderText(self.tr("Dear {{ contact.first_name }}, …"))
        attach = QComboBox()
        attach.addItem(self.tr("No attachment"), None)
        for template_id, name in templates:
            attach.addItem(name, template_id)
        page(
            "email",
            [
                ("to", self.tr("To"), to),
                ("subject", self.tr("Subject"), QLineEdit()),
                ("body", self.tr("Text"), body),
                ("template_id", self.tr("Attach a document"), attach),
            ],
        )
        sms = QPlainTextEdit()
        sms.setFixedHeight(60)
        page("sms", [("text", self.tr("Text"), sms)])
        document = QComboBox()
        for template_id, name in templates:
            document.addItem(name, template_id)
        page("document", [("template_id", self.tr("Template"), document)])
        page("wait", [])

    def keys(self) -> list[str]:
        return list(self.editors)

    def params(self, key: str) -> dict[str, Any]:
        return {name: _get(widget) for name, widget in self.editors.get(key, {}).items()}

    def show_params(self, key: str, params: dict[str, Any]) -> None:
        if key in self.editors:
            self.setCurrentIndex(list(self.editors).index(key))
        for name, widget in self.editors.get(key, {}).items():
            _set(widget, params.get(name))


def _get(widget: QWidget) -> Any:
    if isinstance(widget, MultiChoiceEditor):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def _set(widget: QWidget, value: Any) -> None:
    if value is None:
        return
    if isinstance(widget, MultiChoiceEditor):
        widget.set_value(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
