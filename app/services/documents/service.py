"""Documents of a deal: rendered from a template under the next number, kept with the deal, as PDF."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import Deal, DealDocument, User
from app.services.access.rights import Action, Entity
from app.services.access.scope import access_for, require_deal
from app.services.core.context import ServiceContext
from app.services.core.errors import (
    ENTITY_NAMES,
    MSG_NOT_FOUND,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import load
from app.services.documents import formatting as fmt
from app.services.documents.numbering import next_number
from app.services.documents.office import read_pattern
from app.services.documents.pdf import docx_to_pdf
from app.services.documents.render_context import deal_context
from app.services.documents.templates import load_template
from app.services.documents.worker import render

Progress = Callable[[int, int], None]


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

    def _check(self, session: Any, document: DealDocument, action: Action) -> None:
        """The document's deal must be readable, and the document itself allowed by the roles'
        document levels (a document is "own" to whoever made it); else it is "not found"."""
        deal = session.get(Deal, document.deal_id)
        if deal is not None:
            require_deal(session, self._ctx.actor_id, deal, Action.READ)
        access = access_for(session, self._ctx.actor_id)
        if not access.allows_record(Entity.DOCUMENT, Action.READ, document.created_by_id, False) or (
            action is not Action.READ
            and not access.allows_record(Entity.DOCUMENT, action, document.created_by_id, False)
        ):
            raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["document"], id=document.id)

    def documents(self, deal_id: int) -> list[DocumentInfo]:
        """The deal's documents this person may read, newest first."""
        with self._ctx.read() as session:
            deal = load(session, Deal, "deal", deal_id)
            require_deal(session, self._ctx.actor_id, deal, Action.READ)
            access = access_for(session, self._ctx.actor_id)
            rows = session.execute(
                select(DealDocument, User.name)
                .outerjoin(User, User.id == DealDocument.created_by_id)
                .where(DealDocument.deal_id == deal_id)
                .order_by(DealDocument.created_at.desc(), DealDocument.id.desc())
            )
            return [
                _document_info(doc, name)
                for doc, name in rows
                if access.allows_record(Entity.DOCUMENT, Action.READ, doc.created_by_id, False)
            ]

    def content(self, document_id: int, *, pdf: bool = False) -> tuple[str, bytes]:
        """(file name, bytes) of a stored document, or of its PDF."""
        with self._ctx.read() as session:
            document = session.get(DealDocument, document_id)
            if document is None:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["document"], id=document_id)
            self._check(session, document, Action.READ)
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
            if access_for(session, self._ctx.actor_id).grant(Entity.DOCUMENT, Action.ADD).nothing:
                raise PermissionDeniedError(
                    QT_TRANSLATE_NOOP("errors", "Your role does not let you make documents.")
                )
            template = load_template(session, template_id)
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
            number = next_number(session, kind, day, read_pattern(session, kind))
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
        pdf = docx_to_pdf(*self.content(document_id))
        with self._ctx.write() as uow:
            document = load(uow.session, DealDocument, "document", document_id)
            self._check(uow.session, document, Action.EDIT)
            document.pdf = pdf
            uow.emit("deal_document.updated", [document_id])
            return _document_info(document, None)

    def context(self, deal_id: int, language: str) -> dict[str, Any]:
        """Everything a template may use (see render_context)."""
        return deal_context(self._ctx, deal_id, language)


def _document_info(d: DealDocument, created_by: str | None) -> DocumentInfo:
    return DocumentInfo(
        d.id, d.deal_id, d.kind, d.number, d.title, d.file_name, d.created_at, created_by, d.pdf is not None
    )


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip()
