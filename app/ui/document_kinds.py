"""The names of the kinds of document, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def document_kind_names() -> dict[str, str]:
    """The kinds of document in the user's language (quote, invoice, contract, other)."""
    return {
        "quote": QCoreApplication.translate("DocumentsSettings", "Quote"),
        "invoice": QCoreApplication.translate("DocumentsSettings", "Invoice"),
        "reminder": QCoreApplication.translate("DocumentsSettings", "Payment reminder"),
        "contract": QCoreApplication.translate("DocumentsSettings", "Contract"),
        "other": QCoreApplication.translate("DocumentsSettings", "Other"),
    }
