"""Templates (added, replaced, removed, checked for unknown placeholders), documents rendered from a
deal in a sandbox and kept with it under a number that never repeats, PDF through LibreOffice."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.config import resources_dir
from app.models import (
    AppSetting,
    CustomFieldDefinition,
    DealDocument,
    DocumentCounter,
    DocumentTemplate,
    EntityType,
    User,
)
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ServiceError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict, load
from app.services.core.vocabulary import DEAL_SOURCES
from app.services.customers.service import CompanyService, ContactService
from app.services.deals.form import DealFormService
from app.services.deals.pricing import line_totals, totals
from app.services.documents import formatting as fmt
from app.services.fields.custom_fields import field_info

KINDS = ("quote", "invoice", "contract", "other")
PREFIXES = {"quote": "QUO", "invoice": "INV", "contract": "CON", "other": "DOC"}
DEFAULT_PATTERN = "{PREFIX}-{YYYY}-{NNNN}"
CONTEXT_NAMES = (
    "deal",
    "custom",
    "company",
    "contact",
    "responsible",
    "rows",
    "totals",
    "document",
    "my_company",
)
MY_COMPANY_FIELDS = (
    "name",
    "address",
    "tax_id",
    "bank",
    "iban",
    "bic",
    "phone",
    "email",
    "website",
    "payment_terms",
)
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
SOFFICE_TIMEOUT_S = 120
Progress = Callable[[int, int], None]

MSG_ADMIN = QT_TRANSLATE_NOOP("errors", "Only an administrator may change document templates.")
MSG_NOT_DOCX = QT_TRANSLATE_NOOP("errors", "'{file}' is not a Word document (.docx) that can be read.")
MSG_SYNTAX = QT_TRANSLATE_NOOP("errors", "The template has an error near “{near}”: {problem}")
MSG_UNSAFE = QT_TRANSLATE_NOOP(
    "errors", "The template tries to reach inside Dealdesk (“{near}”); such templates are refused."
)
MSG_NO_PDF = QT_TRANSLATE_NOOP(
    "errors", "A PDF needs LibreOffice, which is not installed on this computer; the Word document was kept."
)


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    name: str
    kind: str
    language: str
    pipeline_ids: tuple[int, ...]  # () : every pipeline
    file_name: str
    version: int


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    deal_id: int
    kind: str
    number: str
    title: str
    file_name: str
    created_at: datetime
    created_by: str | None
    has_pdf: bool


class DocumentService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- templates ---------------------------------------------------------------------------------------

    def templates(self, pipeline_id: int | None = None) -> list[TemplateInfo]:
        """Every template, or those a deal of this pipeline may use."""
        with self._ctx.read() as session:
            found = [
                _template_info(t)
                for t in session.scalars(select(DocumentTemplate).order_by(DocumentTemplate.name))
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
                kind=_clean_kind(kind),
                language="de" if language == "de" else "en",
                pipeline_ids=json.dumps(sorted(set(pipeline_ids))) if pipeline_ids else None,
                file_name=Path(file_name).name[:255],
                content=content,
            )
            uow.session.add(template)
            uow.session.flush()
            uow.history.created("document_template", template.id, template.version, template.name)
            uow.emit("document_template.created", [template.id])
            return _template_info(template)

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
            template = _template(session, template_id)
            check_version(session, "document_template", template, expected_version, template.name)
            if name is not None:
                template.name = _clean_name(name)
            if kind is not None:
                template.kind = _clean_kind(kind)
            if language is not None:
                template.language = "de" if language == "de" else "en"
            if pipeline_ids is not None:
                template.pipeline_ids = json.dumps(sorted(set(pipeline_ids))) if pipeline_ids else None
            if content is not None:
                template.content = content
                template.file_name = Path(file_name or template.file_name).name[:255]
            flush_or_conflict(session, "document_template", template.name)
            uow.emit("document_template.updated", [template.id])
            return _template_info(template)

    def remove_template(self, template_id: int) -> None:
        """Documents made from it stay."""
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            template = _template(uow.session, template_id)
            uow.history.deleted("document_template", template.id, template.version + 1, template.name)
            uow.session.delete(template)
            uow.emit("document_template.deleted", [template_id])

    def template_content(self, template_id: int) -> bytes:
        with self._ctx.read() as session:
            return bytes(_template(session, template_id).content)

    def check_template(self, content: bytes, file_name: str = "template.docx") -> tuple[list[str], list[str]]:
        """(placeholders the template uses, the unknown ones among them); a ValidationError when the
        file is no Word document or its placeholders can't be read."""
        if len(content) > MAX_TEMPLATE_BYTES:
            raise ValidationError.single("file", MSG_NOT_DOCX, file=Path(file_name).name)
        from docxtpl import DocxTemplate

        try:
            template = DocxTemplate(io.BytesIO(content))
            used = set(template.get_undeclared_template_variables(_environment()))
        except Exception as exc:
            raise _template_error(exc, file_name) from exc
        unknown = sorted(name for name in used if name not in CONTEXT_NAMES)
        return sorted(used), unknown

    def shipped_templates(self) -> list[tuple[str, str, str, Path]]:
        """(name, kind, language, file) of the templates Dealdesk comes with."""
        folder = resources_dir() / "templates"
        names = {
            ("quote", "en"): "Quote",
            ("invoice", "en"): "Invoice",
            ("quote", "de"): "Angebot",
            ("invoice", "de"): "Rechnung",
        }
        return [
            (name, kind, language, folder / f"{kind}_{language}.docx")
            for (kind, language), name in names.items()
            if (folder / f"{kind}_{language}.docx").is_file()
        ]

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
        sample = self.context(newest, self.office_language()) if newest else {}
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
            "company": ("title", "industry", "phone", "email", "website", "address"),
            "contact": ("name", "first_name", "last_name", "position", "phone", "email", "address"),
            "responsible": ("name", "email"),
            "totals": ("net", "tax", "gross", "discount"),
            "document": ("number", "date", "kind", "title"),
            "my_company": (*MY_COMPANY_FIELDS, "logo"),
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

    def office_language(self) -> str:
        with self._ctx.read() as session:
            stored = session.get(AppSetting, "language")
            return stored.value if stored else "en"

    # -- my company --------------------------------------------------------------------------------------

    def my_company(self) -> dict[str, str]:
        with self._ctx.read() as session:
            rows = session.execute(
                select(AppSetting.key, AppSetting.value).where(AppSetting.key.like("my_company.%"))
            )
            return {key.removeprefix("my_company."): value for key, value in rows}

    def set_my_company(self, values: Mapping[str, str], logo: bytes | None = None) -> dict[str, str]:
        """The office's own details for letterheads; `logo` b"" removes the logo, None keeps it."""
        import base64

        with self._ctx.write() as uow:
            session = uow.session
            require_admin(
                session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP("errors", "Only an administrator may change the office's details."),
            )
            for key in MY_COMPANY_FIELDS:
                if key in values:
                    _put_setting(session, f"my_company.{key}", str(values[key] or "").strip()[:2000])
            if logo is not None:
                _put_setting(session, "my_company.logo", base64.b64encode(logo).decode() if logo else "")
            uow.emit("office.updated", [], {"my_company"})
        return self.my_company()

    def number_pattern(self, kind: str) -> str:
        with self._ctx.read() as session:
            stored = session.get(AppSetting, f"documents.pattern.{kind}")
            return stored.value if stored else DEFAULT_PATTERN

    def set_number_pattern(self, kind: str, pattern: str) -> None:
        if "{N" not in pattern or len(pattern) > 40:
            raise ValidationError.single(
                "pattern",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A number pattern needs {{NNNN}} (the running number) and at most 40 characters.",
                ),
            )
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            _put_setting(uow.session, f"documents.pattern.{_clean_kind(kind)}", pattern)

    # -- documents ------------------------------------------------------------------------------------------

    def documents(self, deal_id: int) -> list[DocumentInfo]:
        with self._ctx.read() as session:
            rows = session.execute(
                select(DealDocument, User.name)
                .outerjoin(User, User.id == DealDocument.created_by_id)
                .where(DealDocument.deal_id == deal_id)
                .order_by(DealDocument.created_at.desc(), DealDocument.id.desc())
            )
            return [_document_info(doc, name) for doc, name in rows]

    def content(self, document_id: int, *, pdf: bool = False) -> tuple[str, bytes]:
        """(file name, bytes) of a stored document, or of its PDF."""
        with self._ctx.read() as session:
            document = session.get(DealDocument, document_id)
            if document is None:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["document"], id=document_id)
            if pdf:
                if document.pdf is None:
                    raise ValidationError.single(
                        "pdf", QT_TRANSLATE_NOOP("errors", "This document has no PDF yet.")
                    )
                return str(Path(document.file_name).with_suffix(".pdf")), bytes(document.pdf)
            return document.file_name, bytes(document.content)

    def make(self, deal_id: int, template_id: int, *, on: date | None = None) -> DocumentInfo:
        """Render the template for the deal and keep the document with it, under its next number.
        A broken or unsafe template raises a ValidationError and nothing is kept."""
        with self._ctx.read() as session:
            template = _template(session, template_id)
            template_bytes, kind, language, template_name = (
                bytes(template.content),
                template.kind,
                template.language,
                template.name,
            )
        day = on or date.today()  # noqa: DTZ011 - the document's date, on the user's calendar
        context = self.context(deal_id, language)
        title = f"{template_name} – {context['deal']['title']}"[:255]
        with self._ctx.write() as uow:
            session = uow.session
            number = _next_number(session, kind, day, self._pattern(session, kind))
            context["document"] = {
                "number": number,
                "date": fmt.day(day, language),
                "kind": kind,
                "title": title,
            }
            content = render(template_bytes, context, language=language)  # raises before anything is kept
            document = DealDocument(
                deal_id=deal_id,
                template_id=template_id,
                kind=kind,
                number=number,
                title=title,
                file_name=f"{_safe(number)} {_safe(context['deal']['title'])[:60]}.docx".strip(),
                content=content,
                created_by_id=uow.actor_id,
            )
            session.add(document)
            session.flush()
            uow.history.changed(
                "deal", deal_id, 0, {"document": (None, f"{number} {template_name}")}, action="document"
            )
            uow.emit("deal_document.created", [document.id])
            name = session.scalar(select(User.name).where(User.id == uow.actor_id)) if uow.actor_id else None
            return _document_info(document, name)

    def make_many(
        self, deal_ids: Sequence[int], template_id: int, progress: Progress | None = None
    ) -> list[DocumentInfo]:
        """A document for each deal (a batch from the list); each kept as it is made."""
        made = []
        for n, deal_id in enumerate(deal_ids, start=1):
            made.append(self.make(deal_id, template_id))
            if progress is not None:
                progress(n, len(deal_ids))
        return made

    def make_pdf(self, document_id: int) -> DocumentInfo:
        """Convert the stored Word document with LibreOffice (said plainly when it is missing)."""
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise ServiceError(MSG_NO_PDF)
        name, content = self.content(document_id)
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "document.docx"
            source.write_bytes(content)
            try:
                subprocess.run(
                    [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                    check=True,
                    capture_output=True,
                    timeout=SOFFICE_TIMEOUT_S,
                )
                pdf = (Path(folder) / "document.pdf").read_bytes()
            except (OSError, subprocess.SubprocessError) as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("errors", "LibreOffice could not make a PDF of '{file}'."), file=name
                ) from exc
        with self._ctx.write() as uow:
            document = load(uow.session, DealDocument, "document", document_id)
            document.pdf = pdf
            uow.emit("deal_document.updated", [document_id])
            return _document_info(document, None)

    # -- the context a template sees -----------------------------------------------------------------------

    def context(self, deal_id: int, language: str) -> dict[str, Any]:
        """Everything a template may use, with amounts and dates written in its language."""
        form = DealFormService(self._ctx).load(deal_id)
        deal = form.deal
        currency = deal.currency
        with self._ctx.read() as session:
            definitions = session.scalars(
                select(CustomFieldDefinition).where(CustomFieldDefinition.entity_type == EntityType.DEAL)
            ).all()
            fields = {d.id: field_info(d) for d in definitions}
            responsible = session.get(User, deal.responsible_id) if deal.responsible_id else None
            responsible_values = {
                "name": responsible.name if responsible else "",
                "email": (responsible.email or "") if responsible else "",
            }
        company: dict[str, Any] = {}
        if deal.company_id:
            c = CompanyService(self._ctx).get(deal.company_id)
            company = {
                k: getattr(c, k) or "" for k in ("title", "industry", "phone", "email", "website", "address")
            }
        contact: dict[str, Any] = {}
        if form.contacts:
            p = ContactService(self._ctx).get(form.contacts[0].id)
            contact = {
                "name": p.full_name,
                **{
                    k: getattr(p, k) or ""
                    for k in ("first_name", "last_name", "position", "phone", "email", "address")
                },
            }
        lines = list(form.products)
        summed = totals(lines, currency)
        rows = []
        for position, line in enumerate(lines, start=1):
            computed = line_totals(line, currency)
            rows.append(
                {
                    "position": position,
                    "name": line.name,
                    "quantity": fmt.quantity(line.quantity, language),
                    "unit": line.unit,
                    "price": fmt.money(line.price, currency, language),
                    "discount": (
                        fmt.percent(line.discount, language)
                        if line.discount and line.discount_type.value == "percent"
                        else fmt.money(line.discount, currency, language)
                        if line.discount
                        else ""
                    ),
                    "tax_rate": fmt.percent(line.tax_rate, language),
                    "net": fmt.money(computed.net, currency, language),
                    "tax": fmt.money(computed.tax, currency, language),
                    "total": fmt.money(computed.net, currency, language),
                    "gross": fmt.money(computed.gross, currency, language),
                }
            )
        custom = {}
        for field_id, value in form.custom.items():
            info = fields.get(field_id)
            if info is not None:
                custom[info.code] = _custom_text(info, value, language)
        my_company: dict[str, Any] = {k: v for k, v in self.my_company().items() if k != "logo"}
        source = DEAL_SOURCES.get(deal.source or "")
        return {
            "deal": {
                "id": deal.id,
                "title": deal.title,
                "amount": fmt.money(deal.amount, currency, language),
                "currency": currency,
                "stage": deal.stage_name,
                "pipeline": deal.pipeline_name,
                "begin_date": fmt.day(deal.begin_date, language),
                "close_date": fmt.day(deal.close_date, language),
                "probability": fmt.percent(Decimal(deal.probability), language)
                if deal.probability is not None
                else "",
                "source": source.template if source else (deal.source or ""),
                "comments": deal.comments or "",
                "responsible": responsible_values["name"],
            },
            "custom": custom,
            "company": company,
            "contact": contact,
            "responsible": responsible_values,
            "rows": rows,
            "totals": {
                "net": fmt.money(summed.net, currency, language),
                "tax": fmt.money(summed.tax, currency, language),
                "gross": fmt.money(summed.gross if lines else deal.amount, currency, language),
                "discount": fmt.money(summed.discount, currency, language),
                "taxes": [
                    {"rate": fmt.percent(rate, language), "amount": fmt.money(amount, currency, language)}
                    for rate, amount in sorted(summed.tax_by_rate.items())
                    if amount
                ],
            },
            "document": {},
            "my_company": my_company,
            "_logo": self.my_company().get("logo") or "",
        }

    def _pattern(self, session: Session, kind: str) -> str:
        stored = session.get(AppSetting, f"documents.pattern.{kind}")
        return stored.value if stored else DEFAULT_PATTERN


# -- rendering ------------------------------------------------------------------------------------


def _environment() -> Any:
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
        template.render(values, jinja_env=_environment())
        out = io.BytesIO()
        template.save(out)
    except Exception as exc:
        raise _template_error(exc, "template.docx") from exc
    return out.getvalue()


def _template_error(exc: Exception, file_name: str) -> ValidationError:
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


# -- numbers ------------------------------------------------------------------------------------


def _next_number(session: Session, kind: str, day: date, pattern: str) -> str:
    """The next number of this kind this year. The write transaction holds the database's write
    lock (SQLite) or the counter row's lock (PostgreSQL): two offices' PCs never get the same."""
    year = day.year
    for _attempt in range(3):
        last = session.execute(
            update(DocumentCounter)
            .where(DocumentCounter.kind == kind, DocumentCounter.year == year)
            .values(last=DocumentCounter.last + 1)
            .returning(DocumentCounter.last)
            .execution_options(synchronize_session=False)
        ).scalar()
        if last is None:
            try:
                with session.begin_nested():
                    session.add(DocumentCounter(kind=kind, year=year, last=1))
                last = 1
            except IntegrityError:
                continue  # made by somebody else meanwhile: count on it
        number = _format_number(pattern, kind, year, int(last))
        taken = session.scalar(
            select(func.count())
            .select_from(DealDocument)
            .where(DealDocument.kind == kind, DealDocument.number == number)
        )
        if not taken:
            return number
    raise ServiceError(QT_TRANSLATE_NOOP("errors", "No free document number was found; please try again."))


def _format_number(pattern: str, kind: str, year: int, last: int) -> str:
    text = (
        pattern.replace("{PREFIX}", PREFIXES.get(kind, "DOC"))
        .replace("{YYYY}", str(year))
        .replace("{YY}", str(year)[2:])
    )
    return re.sub(r"\{(N+)\}", lambda m: str(last).zfill(len(m.group(1))), text)


# -- helpers ------------------------------------------------------------------------------------


def _template(session: Session, template_id: int) -> DocumentTemplate:
    template = session.get(DocumentTemplate, template_id)
    if template is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["document_template"], id=template_id)
    return template


def _template_info(t: DocumentTemplate) -> TemplateInfo:
    ids = tuple(json.loads(t.pipeline_ids)) if t.pipeline_ids else ()
    return TemplateInfo(t.id, t.name, t.kind, t.language, ids, t.file_name, t.version)


def _document_info(d: DealDocument, created_by: str | None) -> DocumentInfo:
    return DocumentInfo(
        d.id, d.deal_id, d.kind, d.number, d.title, d.file_name, d.created_at, created_by, d.pdf is not None
    )


def _clean_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean or len(clean) > 200:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "A template needs a name of at most 200 characters.")
        )
    return clean


def _clean_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError.single(
            "kind", QT_TRANSLATE_NOOP("errors", "'{kind}' is not a kind of document."), kind=kind
        )
    return kind


def _put_setting(session: Session, key: str, value: str) -> None:
    setting = session.get(AppSetting, key)
    if setting is None:
        session.add(AppSetting(key=key, value=value))
    else:
        setting.value = value


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip()


def _custom_text(info: Any, value: Any, language: str) -> str:
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        if item is None:
            continue
        if info.options:
            out.append(info.option_label(item) or str(item))
        elif isinstance(item, (date, datetime)):
            out.append(fmt.day(item, language))
        elif isinstance(item, bool):
            out.append(("ja" if item else "nein") if language == "de" else ("yes" if item else "no"))
        elif isinstance(item, Decimal):
            out.append(fmt.number(item, language))
        else:
            out.append(str(item))
    return ", ".join(out)
