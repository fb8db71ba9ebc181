"""Running totals for the Analytics page, kept by database triggers (app/storage/rollups.py) so every
write path — services, bulk SQL, imports, another person's app on the shared file — keeps them in
step in its own transaction. The charts read a year from a few thousand rows of these instead of
grouping hundreds of thousands of deals. Keys never hold NULL (0 or '' stand for "none"): a
unique key treats NULLs as different, and the triggers' upserts must find the row again.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from app.models.base import Base

# Deals by month and everything the charts filter or group by.
#   kind 'c': closed deals by the month they closed (count, amount, seconds from creation to closing);
#   kind 'n': all deals by the month they were created, with the stages each has been in (the funnel);
#   kind 'o': open deals by the month they should close (the weighted forecast; '' without a close date).
deal_rollup = Table(
    "deal_rollup",
    Base.metadata,
    Column("kind", String(1), nullable=False),
    Column("month", String(7), nullable=False),  # YYYY-MM
    Column("pipeline_id", Integer, nullable=False),
    Column("responsible_id", Integer, nullable=False),  # 0: nobody
    Column("stage_id", Integer, nullable=False),
    Column("source", String(50), nullable=False),  # '': none
    Column("currency", String(3), nullable=False),
    Column("visited", Text, nullable=False),  # kind 'n': "3,5,7," the stages the deals were in
    Column("deals", Integer, nullable=False),
    Column("cents", BigInteger, nullable=False),
    Column("seconds", BigInteger, nullable=False),  # kind 'c': creation to closing, summed
    PrimaryKeyConstraint(
        "kind",
        "month",
        "pipeline_id",
        "responsible_id",
        "stage_id",
        "source",
        "currency",
        "visited",
        name="pk_deal_rollup",
    ),
    # Every deal's count and amount per stage (kind 'n'): a board's columns and the list's totals
    # read a few hundred entries of it instead of scanning every month's rows (2.4 against 15 ms).
    Index("ix_deal_rollup_kind_stage_id", "kind", "stage_id", "currency", "deals", "cents"),
    sqlite_with_rowid=False,
)

# Won deals' product rows by the month the deals closed: net revenue (after discounts, before tax).
product_rollup = Table(
    "product_rollup",
    Base.metadata,
    Column("month", String(7), nullable=False),
    Column("pipeline_id", Integer, nullable=False),
    Column("product_id", Integer, nullable=False),  # 0: a row typed in, not from the catalog
    Column("name", String(255), nullable=False),  # such a row's name ('' for catalog products)
    Column("currency", String(3), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("cents", BigInteger, nullable=False),
    PrimaryKeyConstraint("month", "pipeline_id", "product_id", "name", "currency", name="pk_product_rollup"),
    sqlite_with_rowid=False,
)

# Closed deals per customer (kind 'company' or 'contact') and the year they closed.
customer_rollup = Table(
    "customer_rollup",
    Base.metadata,
    Column("kind", String(7), nullable=False),
    Column("year", Integer, nullable=False),
    Column("customer_id", Integer, nullable=False),
    Column("pipeline_id", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("won", Integer, nullable=False),
    Column("closed", Integer, nullable=False),
    Column("cents", BigInteger, nullable=False),  # of the won ones
    PrimaryKeyConstraint("kind", "year", "customer_id", "pipeline_id", "currency", name="pk_customer_rollup"),
    sqlite_with_rowid=False,
)
