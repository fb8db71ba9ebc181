"""Somebody saved the deal while it was open: per field, keep their value or put mine."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.core.errors import ConflictingChange


class ConflictDialog(QDialog):
    """Rows: the field, its value when I opened the deal, theirs (who, when), mine; a choice each."""

    def __init__(
        self,
        changes: list[tuple[str, str, str, str, ConflictingChange]],  # key, label, original, theirs, change
        mine: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by somebody else"))
        self._choices: dict[str, QButtonGroup] = {}
        intro = QLabel(
            self.tr(
                "Somebody saved this deal after you opened it. For each field you both changed, "
                "choose the value to keep; everything else you changed is saved as well."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, title in enumerate(
            (self.tr("Field"), self.tr("When you opened it"), self.tr("Theirs"), self.tr("Yours"))
        ):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        for row, (key, label, original, theirs, change) in enumerate(changes, start=1):
            who = self.tr("%1, %2").replace("%1", change.user_name).replace("%2", change.at.strftime("%H:%M"))
            keep_theirs = QRadioButton(f"{theirs}  ({who})")
            keep_theirs.setObjectName(f"theirs_{key.replace(':', '_')}")
            use_mine = QRadioButton(mine.get(key, "–"))
            use_mine.setObjectName(f"mine_{key.replace(':', '_')}")
            use_mine.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(keep_theirs, 0)
            group.addButton(use_mine, 1)
            self._choices[key] = group
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(QLabel(original), row, 1)
            grid.addWidget(keep_theirs, row, 2)
            grid.addWidget(use_mine, row, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def keep_mine(self) -> set[str]:
        """The fields for which the user keeps their own value."""
        return {key for key, group in self._choices.items() if group.checkedId() == 1}
