"""The words of a deal import: what a column can be imported as, the names other programs and
people give those columns (English and German), and what the check says — problems and the
assumptions it made."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.tables import EMPTY, NO_HEADER, NOT_A_FILE, NOT_A_WORKBOOK, WRONG_ENCODING
from app.models import Pipeline, Stage
from app.services.core.errors import Message
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.vocabulary import FIELD_LABELS
from app.services.fields.custom_fields import CustomFieldInfo

NUMBER_TARGETS = frozenset({"amount", "probability", "product_quantity", "product_price"})
# Without a title column, a deal is named after these (what it sold to whom, or its ID).
TITLE_PARTS = frozenset({"company", "product", "external_id"})
NEW_FIELD = "new_field"  # a column no field holds: a new text field of its own
ENTERED = "entered:"  # "entered:<stage id>": the date a deal came into that stage

# What to do with rows whose ID (in the program they came from) an earlier import already brought in.
REFUSE, SKIP, UPDATE = DUPLICATE_CHOICES = ("refuse", "skip", "update")

# What a column can be imported as, besides custom fields ("uf:<id>") and stage dates; in the order offered.
STANDARD_TARGETS: tuple[str, ...] = (
    "title",
    "pipeline",
    "stage",
    "amount",
    "currency",
    "begin_date",
    "close_date",
    "probability",
    "responsible",
    "source",
    "company",
    "contacts",
    "comments",
    "created_at",
    "closed_at",
    "loss_reason",
    "external_id",
    "product",
    "product_quantity",
    "product_price",
    "status",
    "new_field",
)
LABEL_KEYS = {
    "pipeline": "pipeline_id",
    "stage": "stage_id",
    "responsible": "responsible_id",
    "company": "company_id",
    "contacts": "contact_ids",
}
IMPORT_LABELS: Mapping[str, Message] = {
    "closed_at": Message(QT_TRANSLATE_NOOP("fields", "Closed on"), {}, "fields"),
    "external_id": Message(QT_TRANSLATE_NOOP("fields", "ID in the other program"), {}, "fields"),
    "product": Message(QT_TRANSLATE_NOOP("fields", "Product"), {}, "fields"),
    "product_quantity": Message(QT_TRANSLATE_NOOP("fields", "Product quantity"), {}, "fields"),
    "product_price": Message(QT_TRANSLATE_NOOP("fields", "Product price"), {}, "fields"),
    "status": Message(QT_TRANSLATE_NOOP("fields", "Status (open, won, lost)"), {}, "fields"),
    "new_field": Message(QT_TRANSLATE_NOOP("fields", "A new custom field (text)"), {}, "fields"),
}
# A deal's status as other CRMs write it (Pipedrive keeps a won deal in its last stage).
STATUSES = {
    "open": "open",
    "offen": "open",
    "won": "won",
    "gewonnen": "won",
    "lost": "lost",
    "verloren": "lost",
    "deleted": "lost",
}
# Names other CRMs give the closing stages, for the pipeline's won and lost stage.
WON_WORDS = ("won", "closed won", "deal won", "gewonnen", "erfolgreich", "erfolgreich abgeschlossen")
LOST_WORDS = ("lost", "closed lost", "deal lost", "verloren", "nicht erfolgreich", "abgelehnt")
MSG_ENTERED = QT_TRANSLATE_NOOP("fields", "Entered {stage} ({pipeline})")
# Plain words other programs (and our own export) use for a column, besides the field's label.
# English and German, as other CRMs' exports and hand-made Excel lists name them.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": (
        "name",
        "deal",
        "deal name",
        "subject",
        "bezeichnung",
        "betreff",
        "dealname",
        "deal title",
        "titel",
    ),
    "pipeline": ("funnel", "sales funnel", "trichter", "verkaufstrichter"),
    "amount": ("value", "deal value", "wert", "umsatz", "summe", "betrag", "close value", "revenue"),
    "contacts": ("contact", "contact person", "ansprechpartner", "kontakt", "kontaktperson"),
    "company": (
        "customer",
        "organisation",
        "organization",
        "account",
        "firma",
        "kunde",
        "unternehmen",
        "company name",
        "organization name",
    ),
    "responsible": (
        "owner",
        "assigned to",
        "assigned",
        "verantwortlich",
        "verantwortliche person",
        "zuständig",
        "betreuer",
        "sales agent",
        "salesperson",
        "sales rep",
        "deal owner",
        "user",
        "vertriebler",
    ),
    "close_date": ("expected close date", "due date", "abschluss", "abschlussdatum", "fällig"),
    "begin_date": ("start date", "start", "beginn", "startdatum", "engage date"),
    "comments": ("notes", "note", "description", "notizen", "bemerkung", "bemerkungen", "kommentar"),
    "stage": ("status", "phase", "deal stage", "pipeline stage", "stufe"),
    "source": ("channel", "quelle", "kanal", "lead source"),
    "probability": ("wahrscheinlichkeit",),
    "currency": ("währung",),
    "created_at": (
        "created",
        "created at",
        "created on",
        "creation date",
        "date created",
        "create date",
        "deal created",
        "deal created on",
        "add time",
        "erstellt",
        "erstellt am",
        "angelegt",
        "angelegt am",
        "erstellungsdatum",
        "anlagedatum",
    ),
    "closed_at": (
        "closed at",
        "closing date",
        "close time",
        "deal closed on",
        "actual close date",
        "geschlossen am",
        "abgeschlossen am",
    ),
    "loss_reason": ("lost reason", "reason lost", "closed lost reason", "verlustgrund", "grund"),
    "external_id": (
        "id",
        "deal id",
        "record id",
        "external id",
        "opportunity id",
        "nr",
        "deal nr",
        "nummer",
        "legacy id",
        "old id",
        "alte id",
    ),
    "product": ("products", "produkt", "produkte", "artikel", "item"),
    "product_quantity": ("quantity", "qty", "menge", "anzahl", "stückzahl"),
    "status": ("deal status", "won/lost", "gewonnen/verloren"),
    "product_price": ("unit price", "price", "preis", "einzelpreis", "stückpreis"),
}

MSG_NO_TITLE = QT_TRANSLATE_NOOP("errors", "Choose the column that holds the deals' titles.")
MSG_TWICE = QT_TRANSLATE_NOOP("errors", "Columns '{first}' and '{second}' are both imported as {label}.")
MSG_NO_ROWS = QT_TRANSLATE_NOOP("errors", "The file has no rows below its header.")
MSG_READ = {
    NOT_A_FILE: QT_TRANSLATE_NOOP("errors", "The file does not exist or can't be opened."),
    EMPTY: QT_TRANSLATE_NOOP("errors", "The file is empty."),
    NO_HEADER: QT_TRANSLATE_NOOP("errors", "The first row of the file must name the columns."),
    NOT_A_WORKBOOK: QT_TRANSLATE_NOOP(
        "errors", "The file is not an Excel workbook (.xlsx) that can be read."
    ),
    WRONG_ENCODING: QT_TRANSLATE_NOOP(
        "errors", "The file can't be read as {encoding}: choose the encoding it was saved in."
    ),
}
MSG_REQUIRED = QT_TRANSLATE_NOOP("errors", "{label} is required.")
MSG_NUMBER = QT_TRANSLATE_NOOP("errors", "'{value}' in column '{column}' is not a number.")
MSG_DATE = QT_TRANSLATE_NOOP(
    "errors", "'{value}' in column '{column}' is not a date (write 27.11.2026 or 2026-11-27)."
)
MSG_DATETIME = QT_TRANSLATE_NOOP(
    "errors", "'{value}' in column '{column}' is not a date and time (write 27.11.2026 14:30)."
)
MSG_YES_NO = QT_TRANSLATE_NOOP("errors", "'{value}' in column '{column}' is neither yes nor no.")
MSG_NO_PIPELINE = QT_TRANSLATE_NOOP("errors", "There is no pipeline named '{value}'.")
MSG_NO_STAGE = QT_TRANSLATE_NOOP("errors", "Pipeline '{pipeline}' has no stage named '{value}'.")
MSG_NO_USER = QT_TRANSLATE_NOOP("errors", "There is no user named '{value}'.")
MSG_NO_STATUS = QT_TRANSLATE_NOOP("errors", "'{value}' is not a status (open, won or lost).")
MSG_NO_SOURCE = QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the sources.")
MSG_NO_CHOICE = QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the choices of {label}.")
MSG_NO_COMPANY = QT_TRANSLATE_NOOP("errors", "There is no company named '{value}'.")
MSG_NO_CONTACT = QT_TRANSLATE_NOOP("errors", "There is no contact named '{value}'.")
MSG_NO_PRODUCT = QT_TRANSLATE_NOOP("errors", "There is no product named '{value}'.")
MSG_DID_YOU_MEAN = QT_TRANSLATE_NOOP("errors", "{problem} Did you mean '{suggestion}'?")
MSG_FUTURE = QT_TRANSLATE_NOOP("errors", "{label} {value} is in the future.")
MSG_CLOSED_BEFORE = QT_TRANSLATE_NOOP(
    "errors", "The deal closed ({closed}) before it was created ({created})."
)
MSG_DUPLICATE_ID = QT_TRANSLATE_NOOP("errors", "The ID '{value}' is in the file more than once.")
MSG_IMPORTED_BEFORE = QT_TRANSLATE_NOOP(
    "errors",
    "These deals were imported before (the same ID): nothing is imported twice; choose to skip or to "
    "update them.",
)
MSG_COMMA_NEEDED = QT_TRANSLATE_NOOP(
    "errors",
    "'{value}' in column '{column}' (row {row}) only makes sense with a decimal comma: switch on "
    '"decimal comma" or nothing is imported.',
)
MSG_POINT_NEEDED = QT_TRANSLATE_NOOP(
    "errors",
    "'{value}' in column '{column}' (row {row}) only makes sense with a decimal point: switch off "
    '"decimal comma" or nothing is imported.',
)
MSG_MIXED_MARKS = QT_TRANSLATE_NOOP(
    "errors",
    "The file writes numbers with a decimal comma ('{comma}', row {comma_row}) and with a decimal "
    "point ('{point}', row {point_row}): correct one of them.",
)
MSG_PEOPLE_RIGHTS = QT_TRANSLATE_NOOP(
    "errors", "Only somebody who may manage people can create the new ones this file names."
)
# What the check assumed, said in its summary.
NOTE_ENCODING = QT_TRANSLATE_NOOP(
    "errors",
    "The file was read as {encoding}, the likeliest of several encodings: if letters look wrong, "
    "choose another.",
)
NOTE_COMMA = QT_TRANSLATE_NOOP(
    "errors", "Numbers were read with a decimal comma (as '{value}' in column '{column}', row {row})."
)
NOTE_POINT = QT_TRANSLATE_NOOP(
    "errors", "Numbers were read with a decimal point (as '{value}' in column '{column}', row {row})."
)
NOTE_CLOSED_FROM_CLOSE_DATE = QT_TRANSLATE_NOOP(
    "errors",
    "No column says when deals were closed: won and lost deals are taken as closed on their close "
    "date ('{column}').",
)
NOTE_CLOSED_TODAY = QT_TRANSLATE_NOOP(
    "errors", "{count} won or lost deals have no closing date: they are taken as closed today."
)
NOTE_CREATED_FROM_EARLIEST = QT_TRANSLATE_NOOP(
    "errors",
    "{count} deals have no creation date: each is taken as created on the earliest date the file gives "
    "for it (its begin date, a stage's date or its closing).",
)
NOTE_CREATED_TODAY = QT_TRANSLATE_NOOP(
    "errors", "{count} deals have no date at all: they are taken as created today."
)
NOTE_TITLES_MADE = QT_TRANSLATE_NOOP(
    "errors",
    "No column holds the deals' titles: {count} deals are named after their company and product "
    "(or their ID).",
)
NOTE_UPDATES = QT_TRANSLATE_NOOP(
    "errors", "{count} deals imported before (the same ID) are updated with the file's values."
)
NOTE_NOT_UPDATED = QT_TRANSLATE_NOOP(
    "errors",
    "{count} deals imported before were changed in Dealdesk since (or deleted) and stay as they are: {ids}",
)
NOTE_NEW_FIELDS = QT_TRANSLATE_NOOP("errors", "New custom fields (text) are made for the columns {columns}.")
NOTE_SKIPPED = QT_TRANSLATE_NOOP("errors", "{count} deals imported before (the same ID) are skipped.")
NOTE_NEW_PEOPLE = QT_TRANSLATE_NOOP(
    "errors", "New people are created without roles: give them roles in Settings › People."
)

# Targets that are not fields of the deal form (their rights are checked elsewhere or not at all).
NOT_DEAL_FIELDS = frozenset(
    {
        "stage",
        "pipeline",
        "created_at",
        "closed_at",
        "external_id",
        "product",
        "product_quantity",
        "product_price",
        "status",
        "new_field",
    }
)


# -- one import -----------------------------------------------------------------------------------


def target_labels(session: Session, fields: Mapping[int, CustomFieldInfo]) -> list[tuple[str, Message | str]]:
    standard: list[tuple[str, Message | str]] = [(key, label_of(key)) for key in STANDARD_TARGETS]
    entered: list[tuple[str, Message | str]] = [
        (
            f"{ENTERED}{stage.id}",
            Message(MSG_ENTERED, {"stage": stage.name, "pipeline": pipeline.name}, "fields"),
        )
        for stage, pipeline in session.execute(
            select(Stage, Pipeline)
            .join(Pipeline, Pipeline.id == Stage.pipeline_id)
            .order_by(Pipeline.sort, Pipeline.id, Stage.sort, Stage.id)
        )
    ]
    return standard + [(f"uf:{f.id}", f.label) for f in fields.values()] + entered


def label_of(key: str) -> Message:
    return IMPORT_LABELS.get(key) or FIELD_LABELS[LABEL_KEYS.get(key, key)]


def encoding_name(encoding: str) -> str:
    return {
        "cp1252": "Windows-1252 (Western European)",
        "cp850": "DOS code page 850",
        "mac_roman": "Mac Roman",
        "latin-1": "ISO-8859-1 (Latin-1)",
    }.get(encoding, encoding)
