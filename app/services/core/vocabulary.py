"""Fixed vocabularies with translatable labels: deal sources and field names."""

from __future__ import annotations

from collections.abc import Mapping

from app.services.core.errors import Message
from app.services.core.i18n import QT_TRANSLATE_NOOP


def _field(text: str) -> Message:
    return Message(text, {}, "fields")


def _source(text: str) -> Message:
    return Message(text, {}, "sources")


DEAL_SOURCES: Mapping[str, Message] = {
    "call": _source(QT_TRANSLATE_NOOP("sources", "Call")),
    "email": _source(QT_TRANSLATE_NOOP("sources", "E-mail")),
    "website": _source(QT_TRANSLATE_NOOP("sources", "Website")),
    "advertising": _source(QT_TRANSLATE_NOOP("sources", "Advertising")),
    "existing_client": _source(QT_TRANSLATE_NOOP("sources", "Existing client")),
    "recommendation": _source(QT_TRANSLATE_NOOP("sources", "By recommendation")),
    "exhibition": _source(QT_TRANSLATE_NOOP("sources", "Show / exhibition")),
    "crm_form": _source(QT_TRANSLATE_NOOP("sources", "CRM form")),
    "callback": _source(QT_TRANSLATE_NOOP("sources", "Callback")),
    "other": _source(QT_TRANSLATE_NOOP("sources", "Other")),
}

# A company's "title" is its name: forms and messages say so.
COMPANY_NAME = _field(QT_TRANSLATE_NOOP("fields", "Company name"))

FIELD_LABELS: Mapping[str, Message] = {
    "id": _field(QT_TRANSLATE_NOOP("fields", "ID")),
    "title": _field(QT_TRANSLATE_NOOP("fields", "Title")),
    "pipeline_id": _field(QT_TRANSLATE_NOOP("fields", "Pipeline")),
    "stage_id": _field(QT_TRANSLATE_NOOP("fields", "Stage")),
    "amount": _field(QT_TRANSLATE_NOOP("fields", "Amount")),
    "currency": _field(QT_TRANSLATE_NOOP("fields", "Currency")),
    "begin_date": _field(QT_TRANSLATE_NOOP("fields", "Begin date")),
    "close_date": _field(QT_TRANSLATE_NOOP("fields", "Close date")),
    "probability": _field(QT_TRANSLATE_NOOP("fields", "Probability")),
    "responsible_id": _field(QT_TRANSLATE_NOOP("fields", "Responsible")),
    "source": _field(QT_TRANSLATE_NOOP("fields", "Source")),
    "company_id": _field(QT_TRANSLATE_NOOP("fields", "Company")),
    "contact_ids": _field(QT_TRANSLATE_NOOP("fields", "Contacts")),
    "is_open": _field(QT_TRANSLATE_NOOP("fields", "Open to everyone")),
    "observer_ids": _field(QT_TRANSLATE_NOOP("fields", "Observers")),
    "comments": _field(QT_TRANSLATE_NOOP("fields", "Comments")),
    "loss_reason": _field(QT_TRANSLATE_NOOP("fields", "Loss reason")),
    "closed": _field(QT_TRANSLATE_NOOP("fields", "Closed")),
    "created_at": _field(QT_TRANSLATE_NOOP("fields", "Created")),
    "name": _field(QT_TRANSLATE_NOOP("fields", "Name")),
    "department_id": _field(QT_TRANSLATE_NOOP("fields", "Department")),
    "login": _field(QT_TRANSLATE_NOOP("fields", "Login")),
    "email": _field(QT_TRANSLATE_NOOP("fields", "E-mail")),
    "phone": _field(QT_TRANSLATE_NOOP("fields", "Phone")),
    "is_admin": _field(QT_TRANSLATE_NOOP("fields", "Administrator")),
    "is_active": _field(QT_TRANSLATE_NOOP("fields", "Active")),
    "first_name": _field(QT_TRANSLATE_NOOP("fields", "First name")),
    "last_name": _field(QT_TRANSLATE_NOOP("fields", "Last name")),
    "position": _field(QT_TRANSLATE_NOOP("fields", "Position")),
    "address": _field(QT_TRANSLATE_NOOP("fields", "Address")),
    "company_ids": _field(QT_TRANSLATE_NOOP("fields", "Companies")),
    "industry": _field(QT_TRANSLATE_NOOP("fields", "Industry")),
    "website": _field(QT_TRANSLATE_NOOP("fields", "Website")),
    "vat_id": _field(QT_TRANSLATE_NOOP("fields", "VAT ID")),
    "leitweg_id": _field(QT_TRANSLATE_NOOP("fields", "Leitweg-ID")),
    "sku": _field(QT_TRANSLATE_NOOP("fields", "SKU")),
    "unit": _field(QT_TRANSLATE_NOOP("fields", "Unit")),
    "price": _field(QT_TRANSLATE_NOOP("fields", "Price")),
    "tax_rate": _field(QT_TRANSLATE_NOOP("fields", "Tax rate")),
    "tax_included": _field(QT_TRANSLATE_NOOP("fields", "Tax included")),
    "active": _field(QT_TRANSLATE_NOOP("fields", "Active")),
    "description": _field(QT_TRANSLATE_NOOP("fields", "Description")),
    "company_title": _field(QT_TRANSLATE_NOOP("fields", "Company name")),
    "status": _field(QT_TRANSLATE_NOOP("fields", "Status")),
    "section": _field(QT_TRANSLATE_NOOP("fields", "Section")),
}


def field_label(name: str) -> Message | str:
    """The translatable label of a field, or its name when it has none (e.g. a custom field code)."""
    return FIELD_LABELS.get(name, name)
