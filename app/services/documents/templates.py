"""Document templates: Word files added, replaced, checked for unknown placeholders, removed; the
ones Dealdesk ships; the reference of every placeholder."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CustomFieldDefinition, DocumentTemplate, EntityType
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict
from app.services.documents.kinds import MSG_ADMIN, clean_kind
from app.services.documents.office import MY_COMPANY_FIELDS, DocumentSettingsService
from app.services.documents.render_context import CONTEXT_NAMES, deal_context
from app.services.documents.worker import placeholders, render
from app.services.setup.defaults import shipped_templates


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    name: str
    kind: str
    language: str
    pipeline_ids: tuple[int, ...]  # () : every pipeline
    file_name: str
    version: int


class DocumentTemplateService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def templates(self, pipeline_id: int | None = None, *, for_deals: bool = False) -> list[TemplateInfo]:
        """Every template, or those a deal of this pipeline may use; `for_deals`: without the payment
        reminders' (a reminder is written for an invoice, from the Invoices list)."""
        with self._ctx.read() as session:
            found = [
                template_info(t)
                for t in session.scalars(select(DocumentTemplate).order_by(DocumentTemplate.name))
                if not (for_deals and t.kind == "reminder")
            ]
        if pipeline_id is None:
            return found
        return [t for t in found if not t.pipeline_ids or pipeline_id in t.pipeline_ids]

    def add_template(
        self,
        name: str,
        kind: str,
        content: bytes,
        file_name: str,
        *,
        language: str = "en",
        pipeline_ids: Sequence[int] = (),
    ) -> TemplateInfo:
        self.check_template(content, file_name)
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            template = DocumentTemplate(
                name=_clean_name(name),
                kind=clean_kind(kind),
                language="de" if language == "de" else "en",
                pipeline_ids=json.dumps(sorted(set(pipeline_ids))) if pipeline_ids else None,
                file_name=Path(file_name).name[:255],
                content=content,
            )
            uow.session.add(template)
            uow.session.flush()
            uow.history.created("document_template", template.id, template.version, template.name)
            uow.emit("document_template.created", [template.id])
            return template_info(template)

    def update_template(
        self,
        template_id: int,
        expected_version: int,
        *,
        name: str | None = None,
        kind: str | None = None,
        language: str | None = None,
        pipeline_ids: Sequence[int] | None = None,
        content: bytes | None = None,
        file_name: str | None = None,
    ) -> TemplateInfo:
        """Rename, re-kind, limit to pipelines, or replace the Word file (checked first)."""
        if content is not None:
            self.check_template(content, file_name or "template.docx")
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            template = load_template(session, template_id)
            check_version(session, "document_template", template, expected_version, template.name)
            if name is not None:
                template.name = _clean_name(name)
            if kind is not None:
                template.kind = clean_kind(kind)
            if language is not None:
                template.language = "de" if language == "de" else "en"
            if pipeline_ids is not None:
                template.pipeline_ids = json.dumps(sorted(set(pipeline_ids))) if pipeline_ids else None
            if content is not None:
                template.content = content
                template.file_name = Path(file_name or template.file_name).name[:255]
            flush_or_conflict(session, "document_template", template.name)
            uow.emit("document_template.updated", [template.id])
            return template_info(template)

    def remove_template(self, template_id: int) -> None:
        """Documents made from it stay."""
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            template = load_template(uow.session, template_id)
            uow.history.deleted("document_template", template.id, template.version + 1, template.name)
            uow.session.delete(template)
            uow.emit("document_template.deleted", [template_id])

    def template_content(self, template_id: int) -> bytes:
        with self._ctx.read() as session:
            return bytes(load_template(session, template_id).content)

    def check_template(self, content: bytes, file_name: str = "template.docx") -> tuple[list[str], list[str]]:
        """(placeholders the template uses, the unknown ones among them); a ValidationError when the
        file is no Word document, its placeholders can't be read, or filling it for a sample deal
        fails or goes beyond the limits (size, loops, time, memory): a stored template must never
        hang whoever renders it. The verdict on the same bytes is remembered for a while, so checking a
        file in the dialog and storing it a moment later fills it once."""
        digest = hashlib.sha256(content).hexdigest()
        known = _CHECKED.get(digest)
        if known is not None:
            return list(known[0]), list(known[1])
        used = set(placeholders(content, file_name))
        unknown = sorted(name for name in used if name not in CONTEXT_NAMES)
        render(content, self._sample_context(), language=DocumentSettingsService(self._ctx).office_language())
        _CHECKED[digest] = (sorted(used), unknown)
        while len(_CHECKED) > CHECKED_KEPT:
            _CHECKED.pop(next(iter(_CHECKED)))
        return sorted(used), unknown

    def _sample_context(self) -> dict[str, Any]:
        """What the test render fills a template with: the newest deal, or nothing (empty values)."""
        from app.models import Deal

        with self._ctx.read() as session:
            newest = session.scalar(select(Deal.id).order_by(Deal.id.desc()).limit(1))
        language = DocumentSettingsService(self._ctx).office_language()
        sample: dict[str, Any] = deal_context(self._ctx, newest, language) if newest else {"rows": []}
        sample["document"] = {"number": "SAMPLE-0001", "date": "", "kind": "other", "title": "Sample"}
        return sample

    def shipped_templates(self) -> list[tuple[str, str, str, Path]]:
        """(name, kind, language, file) of the templates Dealdesk comes with."""
        return shipped_templates()

    def add_shipped_templates(self) -> list[TemplateInfo]:
        """The shipped quote and invoice (English and German), unless templates of that name exist."""
        have = {t.name for t in self.templates()}
        return [
            self.add_template(name, kind, path.read_bytes(), path.name, language=language)
            for name, kind, language, path in self.shipped_templates()
            if name not in have
        ]

    def reference(self) -> list[tuple[str, str]]:
        """Every placeholder a template can use, with an example from the newest deal (custom fields
        by their code): generated from what `context` gives a template, so it never drifts."""
        from app.models import Deal

        with self._ctx.read() as session:
            newest = session.scalar(select(Deal.id).order_by(Deal.id.desc()).limit(1))
            codes = list(
                session.scalars(
                    select(CustomFieldDefinition.code).where(
                        CustomFieldDefinition.entity_type == EntityType.DEAL
                    )
                )
            )
        language = DocumentSettingsService(self._ctx).office_language()
        sample = deal_context(self._ctx, newest, language) if newest else {}
        out: list[tuple[str, str]] = []
        groups = {
            "deal": (
                "id",
                "title",
                "amount",
                "currency",
                "stage",
                "pipeline",
                "begin_date",
                "close_date",
                "probability",
                "source",
                "comments",
                "responsible",
            ),
            "custom": tuple(codes),
            "company": ("title", "industry", "phone", "email", "website", "address", "vat_id", "leitweg_id"),
            "contact": ("name", "first_name", "last_name", "position", "phone", "email", "address"),
            "responsible": ("name", "email"),
            "totals": ("net", "tax", "gross", "discount"),
            "document": ("number", "date", "kind", "title"),
            "my_company": (*MY_COMPANY_FIELDS, "logo"),
            # An invoice's, a quote's and a payment reminder's own documents (empty in a deal's).
            "invoice": INVOICE_KEYS,
            "quote": QUOTE_KEYS,
            "reminder": REMINDER_KEYS,
        }
        for group, keys in groups.items():
            values = sample.get(group) or {}
            for key in keys:
                example = values.get(key, "") if isinstance(values, dict) else ""
                out.append((f"{{{{ {group}.{key} }}}}", str(example)[:60]))
        row = (sample.get("rows") or [{}])[0]
        out.append(("{%tr for row in rows %} … {%tr endfor %}", ""))
        for key in (
            "position",
            "name",
            "quantity",
            "unit",
            "price",
            "discount",
            "tax_rate",
            "net",
            "tax",
            "total",
            "gross",
        ):
            out.append((f"{{{{ row.{key} }}}}", str(row.get(key, ""))[:60]))
        out.append(("{% for t in totals.taxes %}{{ t.rate }}: {{ t.amount }}{% endfor %}", ""))
        return out


INVOICE_KEYS = (
    "number",
    "kind",
    "date",
    "due_date",
    "gross",
    "paid",
    "open",
    "cancels",
    "buyer_reference",
    "iban",
    "bic",
    "girocode",
)
QUOTE_KEYS = ("number", "revision", "date", "valid_until", "terms")
REMINDER_KEYS = ("level", "date", "pay_by", "fee", "open", "total", "days_overdue")
CHECKED_KEPT = 16
_CHECKED: dict[str, tuple[list[str], list[str]]] = {}  # sha256 of a template that passed -> its placeholders


def load_template(session: Session, template_id: int) -> DocumentTemplate:
    template = session.get(DocumentTemplate, template_id)
    if template is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["document_template"], id=template_id)
    return template


def template_info(t: DocumentTemplate) -> TemplateInfo:
    ids = tuple(json.loads(t.pipeline_ids)) if t.pipeline_ids else ()
    return TemplateInfo(t.id, t.name, t.kind, t.language, ids, t.file_name, t.version)


def _clean_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean or len(clean) > 200:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "A template needs a name of at most 200 characters.")
        )
    return clean
