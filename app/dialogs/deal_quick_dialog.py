"""A short deal form: title, pipeline and stage, amount and currency, close date, a contact.

Creates a deal ("+ Deal") or edits the basics of one; a version conflict with somebody else's
save is shown, never overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ConflictError, NotFoundError, ValidationError
from app.services.deals.service import DealDetails
from app.services.setup.pipelines import PipelineInfo
from app.ui.date_input import DateInput
from app.ui.formatting import parse_money
from app.ui.i18n import error_text, translate_message


class DealQuickDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        deal_id: int | None = None,
        pipeline_id: int | None = None,
        stage_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dealQuickDialog")
        self._services = services
        self._pipelines = services.pipelines.list()
        self._deal: DealDetails | None = services.deals.get(deal_id) if deal_id is not None else None
        self.saved_deal: DealDetails | None = None
        self.setWindowTitle(self.tr("Edit deal") if self._deal else self.tr("New deal"))
        self.setMinimumWidth(460)

        self._title = QLineEdit()
        self._title.setObjectName("title")
        self._title.setPlaceholderText(self.tr("What is being sold, to whom"))
        self._pipeline = QComboBox()
        self._pipeline.setObjectName("pipeline")
        for pipeline in self._pipelines:
            self._pipeline.addItem(pipeline.name, pipeline.id)
        self._stage = QComboBox()
        self._stage.setObjectName("stage")
        self._amount = QLineEdit()
        self._amount.setObjectName("amount")
        self._amount.setPlaceholderText(money_placeholder())
        self._amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._currency = QComboBox()
        self._currency.setObjectName("currency")
        for currency in services.currencies.list():
            self._currency.addItem(currency.code, currency.code)
        self._close_date = DateInput(self.tr("none"))
        self._close_date.setObjectName("closeDate")
        self._contact = QLineEdit()
        self._contact.setObjectName("contact")
        self._contact.setPlaceholderText(self.tr("Type a name: a stored contact, or a new one"))
        self._contact.setClearButtonEnabled(True)
        self._contact_matches: dict[str, int] = {}  # shown name -> contact id, of the last search
        self._contact_names = QStringListModel(self)
        completer = QCompleter(self._contact_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._contact.setCompleter(completer)
        self._contact_hint = QLabel()
        self._contact_hint.setObjectName("contactHint")
        self._contact_hint.setStyleSheet("color: #5b6470;")
        self._contact_hint.hide()
        self._errors = QLabel()
        self._errors.setObjectName("errors")
        self._errors.setWordWrap(True)
        self._errors.setStyleSheet("color: #c62828;")
        self._errors.hide()

        amount_row = QHBoxLayout()
        amount_row.addWidget(self._amount, 1)
        amount_row.addWidget(self._currency)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self._title)
        form.addRow(self.tr("&Pipeline"), self._pipeline)
        form.addRow(self.tr("&Stage"), self._stage)
        amount_label = QLabel(self.tr("&Amount"))
        amount_label.setBuddy(self._amount)  # the field is a row of two widgets: name the first
        form.addRow(amount_label, amount_row)
        form.addRow(self.tr("&Close date"), self._close_date)
        if self._deal is None:  # the contacts of a stored deal are edited on its full form
            form.addRow(self.tr("C&ontact"), self._contact)
            form.addRow("", self._contact_hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._errors)
        layout.addWidget(buttons)

        self._pipeline.currentIndexChanged.connect(self._on_pipeline_changed)
        self._contact.textEdited.connect(self._on_contact_typed)
        self._contact.textChanged.connect(self._show_contact_hint)
        self._load(pipeline_id, stage_id)

    # -- filling ---------------------------------------------------------------------------------

    def _load(self, pipeline_id: int | None, stage_id: int | None) -> None:
        deal = self._deal
        if deal is not None:
            pipeline_id, stage_id = deal.pipeline_id, deal.stage_id
            self._title.setText(deal.title)
            self._amount.setText(_plain_amount(deal))
            self._currency.setCurrentIndex(max(0, self._currency.findData(deal.currency)))
            self._close_date.set_date(deal.close_date)
            self._pipeline.setEnabled(False)  # moving between pipelines is its own action
        else:
            self._close_date.set_date(None)
        if pipeline_id is not None:
            self._pipeline.setCurrentIndex(max(0, self._pipeline.findData(pipeline_id)))
        self._fill_stages(self._current_pipeline())
        if stage_id is not None:
            self._stage.setCurrentIndex(max(0, self._stage.findData(stage_id)))

    def _current_pipeline(self) -> PipelineInfo | None:
        pipeline_id = self._pipeline.currentData()
        return next((p for p in self._pipelines if p.id == pipeline_id), None)

    def _fill_stages(self, pipeline: PipelineInfo | None) -> None:
        self._stage.clear()
        for stage in pipeline.stages if pipeline else ():
            self._stage.addItem(stage.name, stage.id)

    def _on_pipeline_changed(self, _index: int) -> None:
        self._fill_stages(self._current_pipeline())

    def _on_contact_typed(self, text: str) -> None:
        """Offer the stored contacts whose names start with what was typed."""
        found = self._services.contacts.search(text, limit=20) if len(text.strip()) >= 2 else []
        self._contact_matches = {}
        for contact in found:
            shown = contact.full_name
            if shown in self._contact_matches:  # two of the same name: tell them apart
                shown = f"{contact.full_name} ({contact.email or contact.phone or contact.id})"
            self._contact_matches[shown] = contact.id
        self._contact_names.setStringList(list(self._contact_matches))

    def _chosen_contact(self) -> tuple[int | None, str | None]:
        """(stored contact id, None) for a known name, (None, name) for a new one, or (None, None)."""
        text = " ".join(self._contact.text().split())
        if not text:
            return None, None
        known = self._contact_matches.get(text)
        if known is None:
            known = next(
                (i for name, i in self._contact_matches.items() if name.casefold() == text.casefold()), None
            )
        return (known, None) if known is not None else (None, text)

    def _show_contact_hint(self) -> None:
        _known, new = self._chosen_contact()
        if new is not None:
            self._contact_hint.setText(
                self.tr("A new contact “%1” is added with the deal.").replace("%1", new)
            )
        self._contact_hint.setVisible(new is not None)

    # -- saving ----------------------------------------------------------------------------------

    def _values(self) -> dict[str, object]:
        close = self._close_date
        return {
            "title": self._title.text(),
            "amount": parse_money(self._amount.text()),
            "currency": self._currency.currentData(),
            # text that is no date goes on as typed: the service says what is wrong with it
            "close_date": close.date() if close.is_valid() else close.line.text().strip(),
        }

    def _on_save(self) -> None:
        values = self._values()
        try:
            if self._deal is None:
                known, new = self._chosen_contact()
                if known is not None:
                    values["contact_ids"] = [known]
                self.saved_deal = self._services.deals.create(
                    pipeline_id=self._pipeline.currentData(),
                    stage_id=self._stage.currentData(),
                    new_contact=new,
                    **values,
                )
            else:
                self.saved_deal = self._services.deals.update(
                    self._deal.id, self._deal.version, stage_id=self._stage.currentData(), **values
                )
        except ValidationError as exc:
            self._show_errors(exc)
            return
        except ConflictError as exc:
            self._on_conflict(exc)
            return
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Deal not saved"), error_text(exc))
            self.reject()
            return
        self.accept()

    def _show_errors(self, error: ValidationError) -> None:
        self._errors.setText("\n".join(translate_message(p.message) for p in error.problems))
        self._errors.show()
        field = error.problems[0].field
        target = {
            "title": self._title,
            "amount": self._amount,
            "close_date": self._close_date,
            "contact": self._contact,
        }.get(field)
        if target is not None:
            target.setFocus()

    def _on_conflict(self, error: ConflictError) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Changed by somebody else"),
            error_text(error)
            + "\n\n"
            + self.tr("Load their version? Your changes in this form are discarded."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self._deal is not None:
            self._deal = self._services.deals.get(self._deal.id)
            self._load(None, None)


def _plain_amount(deal: DealDetails) -> str:
    """The amount as the user would type it (locale decimal point, no grouping, no symbol)."""
    text = format(deal.amount, "f")
    return text.replace(".", QLocale().decimalPoint())


def money_placeholder() -> str:
    return f"0{QLocale().decimalPoint()}00"
