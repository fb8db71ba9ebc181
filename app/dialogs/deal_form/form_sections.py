"""The form's fields laid out in sections (blocks) from a form layout, with inline problems."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.dialogs.fields.catalog import FieldCatalog
from app.dialogs.fields.editors import FieldEditor
from app.services.core.errors import Message
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.fields.form_layouts import SECTION_TITLES, FormLayoutInfo
from app.ui.i18n import translate_message


def section_title(key: str, title: str | None) -> str:
    if title is not None:
        return title
    template = SECTION_TITLES.get(key, QT_TRANSLATE_NOOP("forms", "Section"))
    return translate_message(Message(template, {}, "forms"))


class FormSections(QScrollArea):
    """Editors for every field of the layout the user may see; `editors` by field key."""

    changed = Signal()

    def __init__(
        self,
        catalog: FieldCatalog,
        layout: FormLayoutInfo,
        *,
        hidden_for_me: set[str],
        read_only_for_me: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formSections")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self._problems: dict[str, QLabel] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        for section in layout.sections:
            fields = [k for k in section.fields if k not in hidden_for_me]
            if not fields:
                continue
            box = QGroupBox(section_title(section.key, section.title))
            box.setObjectName(f"section_{section.key}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(12)
            grid.setColumnStretch(1, 1)
            if section.columns == 2:
                grid.setColumnStretch(3, 1)
            for n, key in enumerate(fields):
                row, pair = (n // 2, n % 2) if section.columns == 2 else (n, 0)
                self._add(grid, catalog, key, 2 * row, 2 * pair, key in read_only_for_me)
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(body)

    def _add(
        self, grid: QGridLayout, catalog: FieldCatalog, key: str, row: int, col: int, read_only: bool
    ) -> None:
        text = catalog.label(key) + (" *" if catalog.required(key) else "")
        label = QLabel(text)
        label.setObjectName(f"label_{key.replace(':', '_')}")
        help_text = catalog.help_text(key)
        if help_text:
            label.setToolTip(help_text)
        editor = catalog.editor(key)
        editor.set_read_only(read_only)
        label.setBuddy(editor.focus_widget())
        problem = QLabel()
        problem.setObjectName(f"problem_{key.replace(':', '_')}")
        problem.setStyleSheet("color: #c62828;")
        problem.setWordWrap(True)
        problem.hide()
        tall = editor.sizeHint().height() > 2 * label.sizeHint().height()
        vertical = Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter
        if tall:
            label.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(label, row, col, vertical | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(editor, row, col + 1)
        grid.addWidget(problem, row + 1, col + 1)
        editor.changed.connect(self.changed)
        editor.changed.connect(lambda k=key: self.clear_problem(k))
        self.editors[key] = editor
        self.labels[key] = label
        self._problems[key] = problem

    def show_problem(self, key: str, text: str) -> bool:
        """Show a problem under its field; False when the field is not on the form."""
        label = self._problems.get(key)
        if label is None:
            return False
        label.setText(text if not label.text() else f"{label.text()}\n{text}")
        label.show()
        return True

    def clear_problem(self, key: str) -> None:
        label = self._problems.get(key)
        if label is not None:
            label.clear()
            label.hide()

    def clear_problems(self) -> None:
        for key in self._problems:
            self.clear_problem(key)

    def focus_field(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            self.ensureWidgetVisible(editor)
            editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
