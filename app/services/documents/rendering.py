"""Rendering Word templates in a sandbox: placeholders filled, errors said in the user's terms."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024

MSG_NOT_DOCX = QT_TRANSLATE_NOOP("errors", "'{file}' is not a Word document (.docx) that can be read.")

MSG_SYNTAX = QT_TRANSLATE_NOOP("errors", "The template has an error near “{near}”: {problem}")

MSG_UNSAFE = QT_TRANSLATE_NOOP(
    "errors", "The template tries to reach inside Dealdesk (“{near}”); such templates are refused."
)


def environment() -> Any:
    """A sandbox: templates are user files and must not reach Python internals or files. Autoescape
    on: without it "A <&> B" silently breaks the document's XML. Missing values render empty."""
    from jinja2 import ChainableUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=ChainableUndefined)


def render(template_bytes: bytes, context: Mapping[str, Any], *, language: str = "en") -> bytes:
    """The rendered Word document, or a ValidationError naming the problem (nothing written)."""
    import base64

    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    try:
        template = DocxTemplate(io.BytesIO(template_bytes))
        values = {k: v for k, v in context.items() if not k.startswith("_")}
        logo = context.get("_logo")
        company = dict(values.get("my_company") or {})
        company["logo"] = (
            InlineImage(template, io.BytesIO(base64.b64decode(logo)), width=Mm(40)) if logo else ""
        )
        values["my_company"] = company
        template.render(values, jinja_env=environment())
        out = io.BytesIO()
        template.save(out)
    except Exception as exc:
        raise template_error(exc, "template.docx") from exc
    return out.getvalue()


def template_error(exc: Exception, file_name: str) -> ValidationError:
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    if isinstance(exc, SecurityError):
        return ValidationError.single("template", MSG_UNSAFE, near=_near(str(exc)))
    if isinstance(exc, TemplateSyntaxError):
        return ValidationError.single(
            "template", MSG_SYNTAX, near=_near(exc.source or "", exc.lineno), problem=exc.message or ""
        )
    if isinstance(exc, UndefinedError):
        return ValidationError.single("template", MSG_SYNTAX, near=_near(str(exc)), problem=str(exc))
    return ValidationError.single("file", MSG_NOT_DOCX, file=Path(file_name).name)


def _near(text: str, line: int | None = None) -> str:
    if line and text:
        lines = text.splitlines()
        if 0 < line <= len(lines):
            text = lines[line - 1]
    plain = re.sub(r"<[^>]+>", "", text)  # the template's XML around the placeholder
    plain = " ".join(plain.split())
    return plain[:80]
