"""What a template may cost: checked before a Word file is read, counted while it renders.

A template is a user's file, and Jinja's sandbox keeps it away from Python's internals but not
from work: `{{ 'x' * 10**9 }}`, two nested loops over `range(100000)` or a 1.6 MB .docx that
inflates to gigabytes would each hang a PC (or, in a stored template, everyone who renders it).
So: the unpacked size of the .docx is read from its zip directory before anything is unpacked;
the sandbox refuses values and loops beyond the limits below; and rendering runs in a worker
process with a memory limit that is stopped after RENDER_SECONDS (see `worker.py`).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # the .docx as stored
MAX_UNPACKED_BYTES = 80 * 1024 * 1024  # every part, unpacked (pictures included)
MAX_XML_BYTES = 16 * 1024 * 1024  # the parts that are parsed (the document's XML)
MAX_PARTS = 4000
MAX_VALUE_CHARS = 1_000_000  # one computed text or list
MAX_ITERATIONS = 1_000_000  # loop steps over computed ranges, per document
MAX_OUTPUT_BYTES = 64 * 1024 * 1024  # the rendered document's XML
RENDER_SECONDS = 4.0
RENDER_MEMORY_BYTES = 300 * 1024 * 1024

MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors", "'{file}' is larger than {limit} MB: templates are limited to that size."
)
MSG_UNPACKS_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors",
    "'{file}' unpacks to more than {limit} MB (a Word file is a compressed folder): it is refused, "
    "as it would fill the memory of whoever renders it.",
)
MSG_VALUE_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors",
    "The template computes a text or list longer than {limit} characters (near “{near}”); such "
    "templates are refused.",
)
MSG_TOO_MANY_STEPS = QT_TRANSLATE_NOOP(
    "errors", "The template's loops take more than {limit} steps (near “{near}”); such templates are refused."
)
MSG_OUTPUT_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors", "The template makes a document larger than {limit} MB; such templates are refused."
)
MSG_TOO_SLOW = QT_TRANSLATE_NOOP(
    "errors",
    "The template took longer than {seconds} seconds to fill and was stopped (a loop too many?). "
    "Nothing was kept.",
)
MSG_TOO_MUCH_MEMORY = QT_TRANSLATE_NOOP(
    "errors", "The template needs more than {limit} MB of memory to fill and was stopped. Nothing was kept."
)


class LimitExceededError(Exception):
    """Raised inside the sandbox; becomes a ValidationError naming the limit."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def check_package(content: bytes, file_name: str) -> None:
    """Refuse a .docx whose stored or unpacked size is beyond the limits, before it is unpacked."""
    name = file_name.rsplit("/", 1)[-1]
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError.single("file", MSG_TOO_BIG, file=name, limit=MAX_TEMPLATE_BYTES // 2**20)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the reader says "not a Word document"
    unpacked = sum(p.file_size for p in parts)
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or xml > MAX_XML_BYTES:
        raise ValidationError.single(
            "file", MSG_UNPACKS_TOO_BIG, file=name, limit=MAX_UNPACKED_BYTES // 2**20
        )


def sized(value: Any, near: str) -> Any:
    """`value` if it is within MAX_VALUE_CHARS; else LimitExceededError."""
    if isinstance(value, (str, bytes, list, tuple)) and len(value) > MAX_VALUE_CHARS:
        raise LimitExceededError(MSG_VALUE_TOO_BIG, limit=f"{MAX_VALUE_CHARS:,}", near=near)
    return value


def product_size(left: Any, right: Any) -> int | None:
    """The length `left * right` would have for a sequence times a count (None otherwise)."""
    for seq, count in ((left, right), (right, left)):
        if (
            isinstance(seq, (str, bytes, list, tuple))
            and isinstance(count, int)
            and not isinstance(count, bool)
        ):
            return len(seq) * max(count, 0)
    return None
