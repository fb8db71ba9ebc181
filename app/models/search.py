"""The deal search index: a full-text table kept by triggers (SQLite) or GIN indexes (PostgreSQL).

It is not part of Base.metadata: the migrations create it with dialect-specific DDL, and schema
comparisons skip it (see `is_search_object`).
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Text

SEARCH_PREFIX = "deal_search"
search_metadata = MetaData()

# SQLite FTS5 table: rowid is the deal id, doc is title + company + contact names.
deal_search = Table("deal_search", search_metadata, Column("rowid", Integer), Column("doc", Text))
# The view that makes each deal's document (what the triggers insert).
deal_search_doc = Table("deal_search_doc", search_metadata, Column("id", Integer), Column("doc", Text))


def is_search_object(name: str | None) -> bool:
    """Tables, views and triggers of the search index, which the ORM schema does not describe."""
    return bool(name) and str(name).startswith(SEARCH_PREFIX)
