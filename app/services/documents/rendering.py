"""Rendering Word templates in a sandbox: placeholders filled, errors said in the user's terms.

The sandbox counts: computed texts and lists, loop steps over ranges and the document's size are
bounded (limits.py); the work itself runs in a worker process bounded in time and memory
(worker.py). The services call `worker.render` and `worker.placeholders`, which run the `_here`
versions below inside the worker.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.documents.limits import (
    MAX_ITERATIONS,
    MAX_OUTPUT_BYTES,
    MAX_TEMPLATE_BYTES,
    MAX_VALUE_CHARS,
    MSG_OUTPUT_TOO_BIG,
    MSG_TOO_MANY_STEPS,
    MSG_VALUE_TOO_BIG,
    LimitExceededError,
    product_size,
    sized,
)

__all__ = ["MAX_TEMPLATE_BYTES", "environment", "placeholders_here", "render_here", "template_error"]

MSG_NOT_DOCX = QT_TRANSLATE_NOOP("errors", "'{file}' is not a Word document (.docx) that can be read.")

MSG_SYNTAX = QT_TRANSLATE_NOOP("errors", "The template has an error near “{near}”: {problem}")

MSG_UNSAFE = QT_TRANSLATE_NOOP(
    "errors", "The template tries to reach inside Dealdesk (“{near}”); such templates are refused."
)


def environment() -> Any:
    """A sandbox: templates are user files and must not reach Python internals or files, nor grow
    without bound. Autoescape on: without it "A <&> B" silently breaks the document's XML. Missing
    values render empty."""
    from jinja2 import ChainableUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class CountingSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "+", "**", "%"})

        def __init__(self) -> None:
            super().__init__(autoescape=True, undefined=ChainableUndefined)
            self.steps = 0
            self.globals["range"] = self._range
            self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

        def _range(self, *args: int) -> range:
            steps = range(*args)
            self.steps += len(steps)
            if self.steps > MAX_ITERATIONS:
                raise LimitExceededError(MSG_TOO_MANY_STEPS, limit=f"{MAX_ITERATIONS:,}", near=f"range{args}")
            return steps

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            near = f"{_short(left)} {operator} {_short(right)}"
            if operator == "*":
                size = product_size(left, right)
                if size is not None and size > MAX_VALUE_CHARS:
                    raise LimitExceededError(MSG_VALUE_TOO_BIG, limit=f"{MAX_VALUE_CHARS:,}", near=near)
            if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
                raise LimitExceededError(MSG_VALUE_TOO_BIG, limit=f"{MAX_VALUE_CHARS:,}", near=near)
            return sized(super().call_binop(context, operator, left, right), near)

        def concat(self, pieces: Any) -> str:  # counts what a part grows to
            out: list[str] = []
            size = 0
            for piece in pieces:
                size += len(piece)
                if size > MAX_OUTPUT_BYTES:
                    raise LimitExceededError(MSG_OUTPUT_TOO_BIG, limit=MAX_OUTPUT_BYTES // 2**20)
                out.append(piece)
            return "".join(out)

    return CountingSandbox()


def _bounded_filter(name: str, function: Any) -> Any:
    """A filter refusing a size argument beyond the limit (`center(10**9)`), and a too long result."""
    import functools

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE_CHARS:
                raise LimitExceededError(
                    MSG_VALUE_TOO_BIG, limit=f"{MAX_VALUE_CHARS:,}", near=f"{name}({value})"
                )
        return sized(function(*args, **kwargs), name)

    return bounded


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 20 else text[:17] + "…"


def placeholders_here(content: bytes, file_name: str) -> list[str]:
    from docxtpl import DocxTemplate

    try:
        template = DocxTemplate(io.BytesIO(content))
        return sorted(template.get_undeclared_template_variables(environment()))
    except Exception as exc:
        raise template_error(exc, file_name) from exc


def render_here(template_bytes: bytes, context: Mapping[str, Any], language: str = "en") -> bytes:
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
        girocode = context.get("_girocode")
        if girocode and isinstance(values.get("invoice"), dict):  # an invoice's payment code
            values["invoice"] = {
                **values["invoice"],
                "girocode": InlineImage(template, io.BytesIO(base64.b64decode(girocode)), width=Mm(32)),
            }
        template.render(values, jinja_env=environment())
        out = io.BytesIO()
        template.save(out)
    except Exception as exc:
        raise template_error(exc, "template.docx") from exc
    return out.getvalue()


def template_error(exc: Exception, file_name: str) -> ValidationError:
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    if isinstance(exc, LimitExceededError):
        return ValidationError.single("template", exc.template, **exc.params)
    if isinstance(exc, MemoryError):
        raise exc  # the worker says "needs too much memory"
    if isinstance(exc, SecurityError) and "MAX_RANGE" in str(exc):
        return ValidationError.single(
            "template", MSG_TOO_MANY_STEPS, limit=f"{MAX_ITERATIONS:,}", near=_near(str(exc))
        )
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
