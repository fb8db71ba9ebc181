"""Answer an approval a workflow asks for (from the Tasks area or the bell): approve or reject, with
a comment; the workflow goes on along the answer's branch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.workflows.service import ApprovalInfo
from app.ui.i18n import error_text


class ApprovalDialog(QDialog):
    def __init__(self, services: Services, approval: ApprovalInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Approval"))
        self._services = services
        self._approval = approval
        self.answer: bool | None = None
        title = QLabel(f"<b>{approval.title}</b>")
        title.setWordWrap(True)
        about = QLabel(self.tr("Asked by the workflow “%1”.").replace("%1", approval.template_name))
        about.setStyleSheet("color: #5b6470;")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("approvalComment")
        self.comment.setPlaceholderText(self.tr("A comment (optional)"))
        self.comment.setFixedHeight(80)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("reject")
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(lambda: self.give(True))
        self.reject_button.clicked.connect(lambda: self.give(False))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addWidget(self.comment)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def give(self, approve: bool) -> None:
        try:
            self._services.workflows.answer(self._approval.task_id, approve, self.comment.toPlainText())
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.answer = approve
        self.accept()
