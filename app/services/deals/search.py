"""Full-text search of deals by title, company and contact names, as a condition for deal queries."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, or_, select

from app.models import Company, Contact, Deal, EntityType, deal_contact, deal_search
from app.services.fields.field_rules import field_access

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8


def search_terms(text: str) -> list[str]:
    """The words of what the user typed, as the index splits them (letters and digits)."""
    return _WORD.findall(text.casefold())[:MAX_TERMS]


def search_condition(dialect: str, text: str) -> ColumnElement[bool] | None:
    """Deals where every word typed starts a word of the title, the company or a contact's name.

    None when there is nothing to search for (no letters or digits typed).
    """
    terms = search_terms(text)
    if not terms:
        return None
    if dialect == "sqlite":
        matching = select(deal_search.c.rowid).where(_match(terms))
        return Deal.id.in_(matching)
    return _postgres_condition(terms)


def search_match(text: str) -> ColumnElement[bool] | None:
    """SQLite: the condition on the search index itself (its rowid is the deal's id), for reading a
    search's deals straight from the index; None when there is nothing to search for."""
    terms = search_terms(text)
    return _match(terms) if terms else None


def _match(terms: list[str]) -> ColumnElement[bool]:
    # FTS5 prefix query: each term quoted (so no word is read as an operator), then *.
    query = " ".join('"' + term.replace('"', '""') + '"*' for term in terms)
    # MATCH on the table itself: detail=none indexes allow no column filters.
    table: ColumnElement[str] = literal_column(deal_search.name)
    match: ColumnElement[bool] = table.op("MATCH")(query)
    return match


def _postgres_condition(terms: list[str]) -> ColumnElement[bool]:
    config: ColumnElement[str] = literal_column("'simple'")  # a literal: the GIN expression indexes apply
    query = func.to_tsquery(config, " & ".join(f"{term}:*" for term in terms))

    def matches(document: Any) -> ColumnElement[bool]:
        return func.to_tsvector(config, document).op("@@")(query)

    companies = select(Company.id).where(matches(Company.title))
    contacts = (
        select(deal_contact.c.deal_id)
        .join(Contact, Contact.id == deal_contact.c.contact_id)
        .where(matches(Contact.first_name + " " + Contact.last_name))
    )
    return or_(matches(Deal.title), Deal.company_id.in_(companies), Deal.id.in_(contacts))


def search_scope(session: Any, actor_id: int | None, text: str) -> list[ColumnElement[bool]]:
    """For someone who may not see a deal's company or contacts (field access), a search must not
    find a deal through them: every word must then be in the title itself."""
    terms = search_terms(text)
    if not terms:
        return []
    hidden, _read_only = field_access(session, EntityType.DEAL, actor_id)
    if not hidden & {"company_id", "contact_ids"}:
        return []
    return [Deal.title.ilike(f"%{term}%") for term in terms]
