"""Deals, the contacts on them and their product rows."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Money, Percent, Quantity, TimestampMixin, VersionedMixin, utcnow
from app.models.customers import Company, Contact
from app.models.pipeline import Pipeline, Stage

deal_contact = Table(
    "deal_contact",
    Base.metadata,
    Column("deal_id", ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("sort", Integer, nullable=False, default=0),
    Index("ix_deal_contact_contact_id", "contact_id"),
)


# Deals a tunnel copied: the copy, and the deal it was copied from (gone with either).
deal_copy = Table(
    "deal_copy",
    Base.metadata,
    Column("deal_id", ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True),
    Column("source_deal_id", ForeignKey("deal.id", ondelete="CASCADE"), nullable=False, index=True),
)


# People who may read a deal they are not responsible for (access rights: "own" covers them).
deal_observer = Table(
    "deal_observer",
    Base.metadata,
    Column("deal_id", ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    # A person's observed deals (the read filter asks "is this person an observer of the deal?").
    Index("ix_deal_observer_user_id_deal_id", "user_id", "deal_id"),
)


class Deal(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "deal"
    __table_args__ = (
        # A stage's deals in id order (kanban columns, the list sorted by stage) and their totals
        # by currency from the index alone. Filtering by pipeline uses it too (a pipeline is its
        # set of stages), so pipeline_id needs no index of its own.
        Index("ix_deal_stage_id_id_currency_amount", "stage_id", "id", "currency", "amount"),
        # A kanban column: the deals that came into the stage last come first, read in pages.
        Index("ix_deal_stage_id_stage_changed_at_id", "stage_id", "stage_changed_at", "id"),
        # A column's count and total by currency, read in index order (no sorting): 5x faster. With
        # the responsible person and the open flag, restricted people's totals come from it alone too.
        Index(
            "ix_deal_stage_id_currency_amount", "stage_id", "currency", "amount", "responsible_id", "is_open"
        ),
        # The deals open to everyone (few): found at once for those who may read open deals.
        Index(
            "ix_deal_is_open",
            "is_open",
            "stage_id",
            "currency",
            "amount",
            sqlite_where=text("is_open = 1"),
            postgresql_where=text("is_open"),
        ),
        # List sorting and filtering.
        Index("ix_deal_title", "title"),
        Index("ix_deal_amount", "amount"),
        # The calendar by close date: a day's largest deals read from the index alone (amount), and
        # with the responsible person and the open flag a restricted person's days counted from it.
        Index("ix_deal_close_date", "close_date", "amount", "responsible_id", "is_open"),
        Index("ix_deal_begin_date", "begin_date"),
        Index("ix_deal_created_at", "created_at"),
        Index("ix_deal_responsible_id_stage_id", "responsible_id", "stage_id"),
        # A person's deals by close date: the calendar of "my deals" reads a month along it. (With the
        # amount too it would give a day's largest deals at once, but a restricted person's list
        # then collects its rows from it in no useful order: 2.6x slower at ten million deals.)
        Index("ix_deal_responsible_id_close_date", "responsible_id", "close_date"),
        Index("ix_deal_company_id", "company_id"),
        Index("ix_deal_source", "source"),
        # Analytics: closed deals by the day they closed, with everything the charts group by, so
        # the figures come from the index alone; partial, so open deals cost it nothing.
        Index(
            "ix_deal_closed_facts",
            "closed_at",
            "stage_id",
            "currency",
            "amount",
            "responsible_id",
            "source",
            "pipeline_id",
            "company_id",
            "created_at",
            "is_open",  # access rights: a restricted person's figures from the index alone
            "closed",  # in the index too, or SQLite reads the table to check the WHERE
            sqlite_where=text("closed = 1"),
            postgresql_where=text("closed"),
        ),
        # Analytics of a restricted person (read from the deals, not the running totals): a pipeline's
        # deals by creation (the funnel) with what the rights need. Without the stage and amounts
        # (read from the table for the few that match): a stage change then leaves it alone.
        Index("ix_deal_pipeline_id_created_at", "pipeline_id", "created_at", "responsible_id", "is_open"),
        # Analytics of a person, a department or a restricted person: their closed deals by the day
        # they closed, from the index alone (partial: open deals and their stage changes cost nothing).
        Index(
            "ix_deal_responsible_closed_facts",
            "responsible_id",
            "closed_at",
            "stage_id",
            "currency",
            "amount",
            "source",
            "pipeline_id",
            "company_id",
            "created_at",
            "is_open",
            "closed",
            sqlite_where=text("closed = 1"),
            postgresql_where=text("closed"),
        ),
        # Analytics: open deals by close date (the weighted forecast), from the index alone.
        Index(
            "ix_deal_open_close_date",
            "close_date",
            "stage_id",
            "currency",
            "amount",
            "responsible_id",
            "pipeline_id",
            "is_open",
            "closed",
            sqlite_where=text("closed = 0"),
            postgresql_where=text("NOT closed"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255))
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id"))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(ForeignKey("currency.code"))
    begin_date: Mapped[date | None] = mapped_column(Date)
    close_date: Mapped[date | None] = mapped_column(Date)
    probability: Mapped[int | None] = mapped_column(Integer)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    source: Mapped[str | None] = mapped_column(String(50))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    comments: Mapped[str | None] = mapped_column(Text)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    loss_reason: Mapped[str | None] = mapped_column(Text)
    # The amount is the gross total of the product rows (kept in step by the services) — or typed.
    amount_from_products: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # "Open to everyone": read by whoever may read open deals (access level "all open").
    is_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    stage_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The stages the deal has been in, "3,5,7," — kept by a trigger on its stage visits, for the
    # funnel's running totals (app/storage/rollups.py); the services never write it.
    visited_stages: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    pipeline: Mapped[Pipeline] = relationship()
    stage: Mapped[Stage] = relationship()
    company: Mapped[Company | None] = relationship()
    contacts: Mapped[list[Contact]] = relationship(secondary=deal_contact, order_by=deal_contact.c.sort)
    product_rows: Mapped[list[DealProductRow]] = relationship(
        back_populates="deal", order_by="DealProductRow.sort", cascade="all, delete-orphan"
    )


class DiscountType(enum.StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"


class DealProductRow(Base):
    """One line of a deal's products: a snapshot of name and price, so catalog edits don't rewrite deals."""

    __tablename__ = "deal_product_row"
    __table_args__ = (Index("ix_deal_product_row_deal_id_sort", "deal_id", "sort"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"), index=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(255))
    price: Mapped[Decimal] = mapped_column(Money)
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    discount_type: Mapped[DiscountType] = mapped_column(
        Enum(DiscountType, native_enum=False, length=10, values_callable=lambda e: [m.value for m in e]),
        default=DiscountType.PERCENT,
    )
    discount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_included: Mapped[bool] = mapped_column(Boolean, default=False)

    deal: Mapped[Deal] = relationship(back_populates="product_rows")
