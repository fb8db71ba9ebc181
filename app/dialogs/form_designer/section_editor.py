"""One section in the designer: its name, one or two columns, its fields; moved up/down or removed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from app.dialogs.deal_form.form_sections import section_title
from app.dialogs.form_designer.field_list import FieldList
from app.services.fields.form_layouts import Section


class SectionEditor(QFrame):
    move_requested = Signal(object, int)  # this editor, -1 up / +1 down
    remove_requested = Signal(object)

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"designSection_{section.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.key = section.key
        self._default_title = section_title(section.key, None)
        self.title = QLineEdit(section_title(section.key, section.title))
        self.title.setObjectName("sectionTitle")
        self.title.setPlaceholderText(self.tr("Name of the section"))
        self.two_columns = QCheckBox(self.tr("Two columns"))
        self.two_columns.setObjectName("twoColumns")
        self.two_columns.setChecked(section.columns == 2)
        up = QToolButton()
        up.setText("▲")
        up.setToolTip(self.tr("Move the section up"))
        down = QToolButton()
        down.setText("▼")
        down.setToolTip(self.tr("Move the section down"))
        remove = QToolButton()
        remove.setObjectName("removeSection")
        remove.setText("×")
        remove.setToolTip(self.tr("Remove the section (its fields become hidden)"))
        for button in (up, down, remove):
            button.setAutoRaise(True)
        self.fields = FieldList()
        self.fields.setObjectName(f"fields_{section.key}")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.two_columns)
        head.addWidget(up)
        head.addWidget(down)
        head.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.fields)
        up.clicked.connect(lambda: self.move_requested.emit(self, -1))
        down.clicked.connect(lambda: self.move_requested.emit(self, 1))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def section(self) -> Section:
        """The section as edited; a name left as its default stays translatable (title None)."""
        text = self.title.text().strip()
        title = None if text == self._default_title else text
        return Section(
            self.key, title, 2 if self.two_columns.isChecked() else 1, tuple(self.fields.field_keys())
        )
