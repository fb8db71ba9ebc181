"""Settings › E-mail: the office's mail server for automation's e-mails (server, port, STARTTLS/SSL,
login, sender); the password goes to the operating system's password store, not into the database;
"Send a test mail…" tries it at once and shows the server's own words when it refuses."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.automation.mail import SmtpAccount
from app.automation.sms import SmsGateway
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.ui.i18n import error_text
from app.ui.operations import run_in_background


class MailSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("E-mail (for automation)"))
        self.setObjectName("mailSettings")
        self._services = services
        may_change = services.roles.may_manage_settings()
        account = services.outbox.account() or SmtpAccount("", 587, "starttls", "", "")
        self.host = QLineEdit(account.host)
        self.host.setObjectName("smtpHost")
        self.host.setPlaceholderText("smtp.example.com")
        self.port = QSpinBox()
        self.port.setObjectName("smtpPort")
        self.port.setRange(1, 65535)
        self.port.setValue(account.port)
        self.security = QComboBox()
        self.security.setObjectName("smtpSecurity")
        for value, label in (("starttls", "STARTTLS"), ("ssl", "SSL/TLS"), ("none", self.tr("None"))):
            self.security.addItem(label, value)
        self.security.setCurrentIndex(max(0, self.security.findData(account.security)))
        self.login = QLineEdit(account.login)
        self.login.setObjectName("smtpLogin")
        self.password = QLineEdit()
        self.password.setObjectName("smtpPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in this computer's password store"))
        self.sender = QLineEdit(account.sender)
        self.sender.setObjectName("smtpSender")
        self.sender.setPlaceholderText("office@example.com")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSmtp")
        self.test_button = QPushButton(self.tr("Send a test mail…"))
        self.test_button.setObjectName("testSmtp")
        self.state = QLabel()
        self.state.setObjectName("smtpState")
        self.state.setWordWrap(True)
        for widget in (
            self.host,
            self.port,
            self.security,
            self.login,
            self.password,
            self.sender,
            self.save_button,
        ):
            widget.setEnabled(may_change)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for line in (self.host, self.login, self.password, self.sender):
            line.setMinimumWidth(280)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("From"), self.sender)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.state)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(lambda: self.send_test())
        self._call = None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """The account as stored (another PC, or an administrator elsewhere, may have changed it)."""
        account = self._services.outbox.account()
        if account is None:
            return
        self.host.setText(account.host)
        self.port.setValue(account.port)
        self.security.setCurrentIndex(max(0, self.security.findData(account.security)))
        self.login.setText(account.login)
        self.sender.setText(account.sender)

    def account(self) -> SmtpAccount:
        return SmtpAccount(
            self.host.text(),
            self.port.value(),
            self.security.currentData(),
            self.login.text(),
            self.sender.text(),
        )

    def save(self) -> bool:
        try:
            self._services.outbox.save_account(self.account(), self.password.text() or None)
        except ServiceError as exc:
            self.state.setStyleSheet("color: #b3261e;")
            self.state.setText(error_text(exc))
            return False
        self.password.clear()
        self.state.setStyleSheet("color: #1e7b34;")
        self.state.setText(self.tr("Saved."))
        return True

    def send_test(self, to: str | None = None) -> None:
        if to is None:
            to, ok = QInputDialog.getText(self, self.tr("Test mail"), self.tr("Send a test mail to"))
            if not ok or not to.strip():
                return
        self.state.setStyleSheet("")
        self.state.setText(self.tr("Sending…"))
        outbox = self._services.outbox

        def done(_result: object) -> None:
            self.state.setStyleSheet("color: #1e7b34;")
            self.state.setText(self.tr("The test mail went out to %1.").replace("%1", to or ""))

        def failed(error: BaseException) -> None:
            self.state.setStyleSheet("color: #b3261e;")
            self.state.setText(error_text(error))

        self._call = run_in_background(lambda: outbox.test_account(to.strip()), done, failed)  # type: ignore[union-attr]


class SmsSettings(QGroupBox):
    """The office's SMS gateway: any provider with an HTTP interface (its address, GET or POST, the
    parameters with {to} and {text}, the header carrying the key, kept in the password store), and
    the country phone numbers without a country code belong to."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("SMS gateway (for automation)"))
        self.setObjectName("smsSettings")
        self._services = services
        may_change = services.roles.may_manage_settings()
        self.url = QLineEdit()
        self.url.setObjectName("smsUrl")
        self.url.setPlaceholderText("https://sms.example.com/api/send")
        self.method = QComboBox()
        self.method.setObjectName("smsMethod")
        self.method.addItems(["POST", "GET"])
        self.params = QLineEdit("to={to}&text={text}")
        self.params.setObjectName("smsParams")
        self.json_body = QCheckBox(self.tr("Send the parameters as JSON"))
        self.json_body.setObjectName("smsJson")
        self.header = QLineEdit("Authorization")
        self.header.setObjectName("smsHeader")
        self.secret = QLineEdit()
        self.secret.setObjectName("smsSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("kept in this computer's password store"))
        self.region = QLineEdit(services.outbox.phone_region())
        self.region.setObjectName("smsRegion")
        self.region.setMaxLength(2)
        self.region.setFixedWidth(48)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSms")
        self.state = QLabel()
        self.state.setObjectName("smsState")
        self.state.setWordWrap(True)
        for widget in (
            self.url,
            self.method,
            self.params,
            self.json_body,
            self.header,
            self.secret,
            self.region,
        ):
            widget.setEnabled(may_change)
        self.save_button.setEnabled(may_change)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for line in (self.url, self.params, self.header, self.secret):
            line.setMinimumWidth(380)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Parameters"), self.params)
        form.addRow("", self.json_body)
        form.addRow(self.tr("Key header"), self.header)
        form.addRow(self.tr("Key"), self.secret)
        form.addRow(self.tr("Country of local numbers"), self.region)
        form.addRow("", self.save_button)
        form.addRow("", self.state)
        self.save_button.clicked.connect(self.save)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        gateway = self._services.outbox.gateway()
        if gateway is not None:
            self.url.setText(gateway.url)
            self.method.setCurrentText(gateway.method)
            self.params.setText(gateway.params)
            self.json_body.setChecked(gateway.json_body)
            self.header.setText(gateway.header_name)
        self.region.setText(self._services.outbox.phone_region())

    def save(self) -> bool:
        gateway = SmsGateway(
            self.url.text(),
            self.method.currentText(),
            self.params.text(),
            self.json_body.isChecked(),
            self.header.text(),
        )
        try:
            self._services.outbox.save_gateway(gateway, self.secret.text() or None, self.region.text())
        except ServiceError as exc:
            self.state.setStyleSheet("color: #b3261e;")
            self.state.setText(error_text(exc))
            return False
        self.secret.clear()
        self.state.setStyleSheet("color: #1e7b34;")
        self.state.setText(self.tr("Saved."))
        return True
