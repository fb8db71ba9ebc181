"""The kinds of document (quote, invoice, payment reminder, contract, other), and who may set them up."""

from __future__ import annotations

from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

KINDS = ("quote", "invoice", "reminder", "contract", "other")
MSG_ADMIN = QT_TRANSLATE_NOOP("errors", "Changing document templates needs the right to manage settings.")


def clean_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "'{kind}' is not a kind of document."), kind=kind
        )
    return kind
