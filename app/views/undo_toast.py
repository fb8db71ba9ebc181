"""A short note at the bottom of the window after a change that can be undone, with its Undo button;
it goes by itself after a few seconds (Edit › Undo stays)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SHOWN_MS = 8000


class UndoToast(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("undoToast")
        self.setStyleSheet(
            "#undoToast { background: #323a45; border-radius: 6px; }"
            " #undoToast QLabel { color: white; }"
            " #undoToast QPushButton { color: #8ab4f8; border: none; padding: 2px 10px; }"
        )
        self.text = QLabel()
        self.text.setObjectName("undoToastText")
        self.button = QPushButton(self.tr("Undo"))
        self.button.setObjectName("undoToastButton")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.button.clicked.connect(self._on_undo)
        parent.installEventFilter(self)  # stays at the bottom when the window is resized
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _on_undo(self) -> None:
        self.hide()
        self.undo_requested.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 40)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
