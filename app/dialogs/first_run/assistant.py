"""The assistant on the first start: the language; where the data lives (just this computer, an
office file on a shared drive, or a PostgreSQL server, tested); the own company for documents and
invoices and the base currency; the first administrator's password; then start empty, import, or
look around with demo data. It only asks: the start-up applies the answers (app/gui/first_run.py)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.services.core.iban import iban_problem
from app.services.setup.locations import on_network

LANGUAGES = (("en", "English"), ("de", "Deutsch"))
CURRENCIES = ("EUR", "CHF", "USD", "GBP")


class Where(enum.Enum):
    LOCAL = "local"  # just me on this computer
    SHARED = "shared"  # an office file on a shared drive
    SERVER = "server"  # a PostgreSQL server


class Start(enum.Enum):
    EMPTY = "empty"
    IMPORT = "import"
    DEMO = "demo"


@dataclass
class Answers:
    language: str = "en"
    where: Where = Where.LOCAL
    database: str = ""
    company: dict[str, str] = field(default_factory=dict)
    logo: bytes | None = None
    currency: str = "EUR"
    password: str = ""
    start: Start = Start.EMPTY


def _warn(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class _Page(QWizardPage):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__()
        self.assistant = assistant

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # each page says its texts again in the language chosen
        raise NotImplementedError


class LanguagePage(_Page):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__(assistant)
        self.setObjectName("languagePage")
        self.choice = QComboBox()
        self.choice.setObjectName("language")
        for code, name in LANGUAGES:
            self.choice.addItem(name, code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(assistant.answers.language)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.choice.currentIndexChanged.connect(lambda _i: assistant.set_language(self.choice.currentData()))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Dealdesk"))
        self.setSubTitle(self.tr("A few questions, and Dealdesk is ready. First: which language?"))
        self.note.setText(self.tr("You can change it later under Settings."))


class WherePage(_Page):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__(assistant)
        self.setObjectName("wherePage")
        self.local = QRadioButton()
        self.local.setObjectName("whereLocal")
        self.shared = QRadioButton()
        self.shared.setObjectName("whereShared")
        self.server = QRadioButton()
        self.server.setObjectName("whereServer")
        self.group = QButtonGroup(self)
        for button in (self.local, self.shared, self.server):
            self.group.addButton(button)
        self.local.setChecked(True)
        self.local_path = QLabel()
        self.local_path.setObjectName("localPath")
        self.path = QLineEdit()
        self.path.setObjectName("sharedPath")
        self.choose = QPushButton()
        self.choose.setObjectName("chooseShared")
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("postgresql+psycopg://user@server/dealdesk")
        self.test = QPushButton()
        self.test.setObjectName("testServer")
        self.warning = QLabel()
        self.warning.setObjectName("whereWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300;")
        self.tested = QLabel()
        self.tested.setObjectName("serverTested")
        self.tested.setWordWrap(True)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.choose)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.test)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_path)
        layout.addWidget(self.shared)
        layout.addLayout(path_row)
        layout.addWidget(self.server)
        layout.addLayout(url_row)
        layout.addWidget(self.tested)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        self._server_ok = ""  # the URL last tested successfully
        self.group.buttonToggled.connect(lambda *_a: self._update())
        self.path.textChanged.connect(lambda _t: self._update())
        self.url.textChanged.connect(lambda _t: self._update())
        self.choose.clicked.connect(self._choose)
        self.test.clicked.connect(lambda: self.test_server())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where your data lives"))
        self.setSubTitle(self.tr("Dealdesk keeps everything in one database. Who works with it?"))
        self.local.setText(self.tr("Just me, on this computer"))
        self.local_path.setText("    " + self.assistant.local_database)
        self.shared.setText(self.tr("An office file on a shared drive (2 to 10 people)"))
        self.choose.setText(self.tr("Choose…"))
        self.server.setText(self.tr("A PostgreSQL server"))
        self.test.setText(self.tr("Test the connection"))
        self._update()

    def where(self) -> Where:
        if self.shared.isChecked():
            return Where.SHARED
        return Where.SERVER if self.server.isChecked() else Where.LOCAL

    def database(self) -> str:
        return {
            Where.LOCAL: self.assistant.local_database,
            Where.SHARED: self.path.text().strip(),
            Where.SERVER: self.url.text().strip(),
        }[self.where()]

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("The office's database file"),
            str(Path(QDir.homePath()) / "dealdesk.sqlite"),
            self.tr("Dealdesk databases (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing office file is opened
        )
        if chosen:
            self.path.setText(chosen)

    def _update(self) -> None:
        where = self.where()
        self.path.setEnabled(where is Where.SHARED)
        self.choose.setEnabled(where is Where.SHARED)
        self.url.setEnabled(where is Where.SERVER)
        self.test.setEnabled(where is Where.SERVER and bool(self.url.text().strip()))
        if where is not Where.SERVER:
            self.tested.clear()
        _warn(self.warning, self._warning(where))
        self.completeChanged.emit()

    def _warning(self, where: Where) -> str:
        if where is Where.SERVER:
            return ""
        text = self.database()
        if not text:
            return ""
        network = self.assistant.is_network(Path(text))
        if where is Where.SHARED and network is False:
            return self.tr(
                "This file is on this computer's own disk: colleagues reach it only if the folder is "
                "shared. An office file belongs on the network drive (for example S:\\ or /mnt/office)."
            )
        if network:
            return self.tr(
                "On a network drive, Dealdesk uses SQLite's rollback journal, not the faster WAL mode: "
                "WAL needs memory shared between the computers, which network drives do not give "
                "reliably, and a database could be damaged."
            )
        return ""

    def test_server(self) -> bool:
        url = self.url.text().strip()
        problem = self.assistant.test_server(url)
        if problem is None:
            self._server_ok = url
            self.tested.setText(self.tr("Connected: the server answers."))
        else:
            self._server_ok = ""
            self.tested.setText(self.tr("No connection: %1").replace("%1", problem))
        self.completeChanged.emit()
        return problem is None

    def isComplete(self) -> bool:
        where = self.where()
        if where is Where.SHARED:
            return bool(self.path.text().strip())
        if where is Where.SERVER:
            return bool(self.url.text().strip())
        return True

    def validatePage(self) -> bool:
        where = self.where()
        if where is Where.SERVER and self._server_ok != self.url.text().strip():
            return self.test_server()  # tested on Next: a server that does not answer keeps the page
        if where is Where.SHARED and not Path(self.path.text().strip()).expanduser().parent.is_dir():
            _warn(self.warning, self.tr("That folder is not there. Is the network drive connected?"))
            return False
        return True


class CompanyPage(_Page):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__(assistant)
        self.setObjectName("companyPage")
        self.name = QLineEdit()
        self.name.setObjectName("companyName")
        self.address = QPlainTextEdit()
        self.address.setObjectName("companyAddress")
        self.address.setFixedHeight(70)
        self.tax_id = QLineEdit()
        self.tax_id.setObjectName("companyTaxId")
        self.iban = QLineEdit()
        self.iban.setObjectName("companyIban")
        self.bic = QLineEdit()
        self.bic.setObjectName("companyBic")
        self.currency = QComboBox()
        self.currency.setObjectName("baseCurrency")
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.logo_button = QPushButton()
        self.logo_button.setObjectName("chooseLogo")
        self.logo_label = QLabel()
        self.problem = QLabel()
        self.problem.setObjectName("companyProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setVisible(False)
        self.logo: bytes | None = None
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_label, 1)
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(7)]
        for label, widget in zip(
            self.labels,
            (self.name, self.address, self.tax_id, self.iban, self.bic, self.currency, logo_row),
            strict=True,
        ):
            self.form.addRow(label, widget)
        self.form.addRow(self.problem)
        self.logo_button.clicked.connect(self._choose_logo)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your company"))
        self.setSubTitle(self.tr("On your quotes and invoices. You can fill in the rest later."))
        for label, text in zip(
            self.labels,
            (
                self.tr("Name"),
                self.tr("Address"),
                self.tr("VAT ID"),
                self.tr("IBAN"),
                self.tr("BIC"),
                self.tr("Base currency"),
                self.tr("Logo"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.logo_button.setText(self.tr("Choose…"))
        self.logo_label.setText(self.tr("a logo is chosen") if self.logo else self.tr("no logo"))

    def _choose_logo(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), QDir.homePath(), self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.logo = Path(chosen).read_bytes()
            self.retranslate()

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "address": self.address.toPlainText().strip(),
            "tax_id": self.tax_id.text().strip(),
            "iban": self.iban.text().strip(),
            "bic": self.bic.text().strip(),
        }

    def validatePage(self) -> bool:
        iban = self.iban.text().strip()
        if iban and iban_problem(iban) is not None:
            _warn(
                self.problem,
                self.tr("'%1' is not an IBAN: its country, length or check digits are wrong.").replace(
                    "%1", iban
                ),
            )
            return False
        _warn(self.problem, "")
        return True


class AdminPage(_Page):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__(assistant)
        self.setObjectName("adminPage")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("adminPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("adminProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setVisible(False)
        self.form = QFormLayout(self)
        self.password_label, self.again_label = QLabel(), QLabel()
        self.form.addRow(self.note)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.again_label, self.again)
        self.form.addRow(self.problem)
        self.retranslate()

    def initializePage(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(self.tr("You are the first administrator: you set up pipelines, people and rights."))
        alone = self.assistant.where() is Where.LOCAL
        self.note.setText(
            self.tr("A password is optional when only you use this computer.")
            if alone
            else self.tr("Others will open this database: protect the administrator with a password.")
        )
        self.password_label.setText(self.tr("Password"))
        self.again_label.setText(self.tr("Once more"))

    def validatePage(self) -> bool:
        first, second = self.password.text(), self.again.text()
        if first != second:
            _warn(self.problem, self.tr("The two passwords are not the same."))
            return False
        if not first and self.assistant.where() is not Where.LOCAL:
            _warn(self.problem, self.tr("A shared database needs the administrator's password."))
            return False
        if first and len(first) < 8:
            _warn(self.problem, self.tr("A password has at least 8 characters."))
            return False
        _warn(self.problem, "")
        return True


class StartPage(_Page):
    def __init__(self, assistant: FirstRunAssistant) -> None:
        super().__init__(assistant)
        self.setObjectName("startPage")
        self.empty = QRadioButton()
        self.empty.setObjectName("startEmpty")
        self.import_ = QRadioButton()
        self.import_.setObjectName("startImport")
        self.demo = QRadioButton()
        self.demo.setObjectName("startDemo")
        self.group = QButtonGroup(self)
        for button in (self.empty, self.import_, self.demo):
            self.group.addButton(button)
        self.empty.setChecked(True)
        layout = QVBoxLayout(self)
        for button in (self.empty, self.import_, self.demo):
            layout.addWidget(button)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("How to begin"))
        self.setSubTitle(self.tr("Everything is ready."))
        self.empty.setText(self.tr("Start empty"))
        self.import_.setText(self.tr("Import my data (from a spreadsheet or another CRM)"))
        self.demo.setText(self.tr("Look around with demo data (2,000 example deals in this database)"))

    def start(self) -> Start:
        if self.import_.isChecked():
            return Start.IMPORT
        return Start.DEMO if self.demo.isChecked() else Start.EMPTY


class FirstRunAssistant(QWizard):
    def __init__(
        self,
        local_database: str,
        language: str,
        set_language: Callable[[str], Any],
        test_server: Callable[[str], str | None],
        is_network: Callable[[Path], bool | None] = on_network,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(680, 480)
        self.answers = Answers(language=language)
        self.local_database = local_database
        self._set_language = set_language
        self.test_server = test_server
        self.is_network = is_network
        self.language_page = LanguagePage(self)
        self.where_page = WherePage(self)
        self.company_page = CompanyPage(self)
        self.admin_page = AdminPage(self)
        self.start_page = StartPage(self)
        for page in (
            self.language_page,
            self.where_page,
            self.company_page,
            self.admin_page,
            self.start_page,
        ):
            self.addPage(page)
        self.setWindowTitle(self.tr("Dealdesk: first start"))

    def set_language(self, code: str) -> None:
        self.answers.language = code
        self._set_language(code)  # new translators: every page gets a LanguageChange and says it again

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Dealdesk: first start"))
        super().changeEvent(event)

    def where(self) -> Where:
        return self.where_page.where()

    def accept(self) -> None:
        self.answers.where = self.where()
        self.answers.database = self.where_page.database()
        self.answers.company = self.company_page.values()
        self.answers.logo = self.company_page.logo
        self.answers.currency = self.company_page.currency.currentData()
        self.answers.password = self.admin_page.password.text()
        self.answers.start = self.start_page.start()
        super().accept()
