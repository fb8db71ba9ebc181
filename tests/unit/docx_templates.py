"""Word templates for the document tests: one made from a line of text, one stored the old way."""

from __future__ import annotations

import io
import sqlite3

from docx import Document

from app.services.container import Services


def word_file(body: str) -> bytes:
    """A .docx whose one paragraph is `body` (placeholders and all)."""
    document = Document()
    document.add_paragraph(body)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def store_unchecked(services: Services, name: str, content: bytes) -> int:
    """A template stored by an older Dealdesk, before templates were test-rendered when stored."""
    path = services.database.path
    assert path is not None
    with sqlite3.connect(path) as conn:
        cursor = conn.execute(
            "INSERT INTO document_template (name, kind, language, file_name, content, version, created_at) "
            "VALUES (?, 'other', 'en', 'old.docx', ?, 1, CURRENT_TIMESTAMP)",
            (name, content),
        )
        return int(cursor.lastrowid or 0)
