"""A stage needs fields the deals being moved lack: ask for them, then the move is tried again."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.fields.editors import FieldEditor, MoneyEditor
from app.services.container import Services
from app.services.core.errors import MissingFieldsError, ValidationError
from app.services.fields.custom_fields import EntityType
from app.services.fields.field_rules import has_value
from app.ui.i18n import error_text


class RequiredFieldsDialog(QDialog):
    def __init__(
        self, services: Services, error: MissingFieldsError, stage_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requiredFieldsDialog")
        self.setWindowTitle(self.tr("Fill in to move"))
        self.setMinimumWidth(440)
        catalog = FieldCatalog(services, EntityType.DEAL, self)
        count = len(error.missing)
        intro = QLabel(
            self.tr(
                "Stage “%1” needs these fields. What you enter goes to the %Ln deal(s) that lack them.",
                "",
                count,
            ).replace("%1", stage_name)
        )
        intro.setWordWrap(True)
        self.editors: dict[str, FieldEditor] = {}
        form = QFormLayout()
        for key in error.field_keys:
            editor = catalog.editor(key)
            self.editors[key] = editor
            form.addRow(catalog.label(key) + " *", editor)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            values[key] = editor.value()
            if isinstance(editor, MoneyEditor):
                values["currency"] = editor.currency_code()
        return values

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _on_ok(self) -> None:
        empty = [key for key, editor in self.editors.items() if not has_value(editor.value())]
        if empty:
            self.show_problem(self.tr("Every field here is needed for the move."))
            self.editors[empty[0]].focus_widget().setFocus()
            return
        self.accept()


def ask_and_retry(
    parent: QWidget, services: Services, error: MissingFieldsError, stage_name: str, retry: Any
) -> Any:
    """Ask for the missing values and call `retry(fill)` until it goes through or the user cancels.

    Returns what `retry` returned, or None when the user cancelled. Other errors propagate.
    """
    dialog = RequiredFieldsDialog(services, error, stage_name, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return retry(dialog.values())
        except MissingFieldsError as again:  # other fields, e.g. somebody changed the rules
            dialog = RequiredFieldsDialog(services, again, stage_name, parent)
        except ValidationError as invalid:
            dialog.show_problem(error_text(invalid))
    return None
