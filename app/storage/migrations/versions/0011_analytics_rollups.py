"""analytics: running totals of deals, won product rows and customers, kept by triggers; each deal's
visited stages; the funnel's index of a pipeline's deals by creation goes (the totals serve it)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 15:30:00
"""

import sqlalchemy as sa
from alembic import op

from app.storage import rollups

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("deal", sa.Column("visited_stages", sa.Text(), server_default="", nullable=False))
    op.create_table(
        "deal_rollup",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("visited", sa.Text(), nullable=False),
        sa.Column("deals", sa.Integer(), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.Column("seconds", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind",
            "month",
            "pipeline_id",
            "responsible_id",
            "stage_id",
            "source",
            "currency",
            "visited",
            name=op.f("pk_deal_rollup"),
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "product_rollup",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "pipeline_id", "product_id", "name", "currency", name=op.f("pk_product_rollup")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "customer_rollup",
        sa.Column("kind", sa.String(length=7), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("won", sa.Integer(), nullable=False),
        sa.Column("closed", sa.Integer(), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind", "year", "customer_id", "pipeline_id", "currency", name=op.f("pk_customer_rollup")
        ),
        sqlite_with_rowid=False,
    )
    op.drop_index("ix_deal_pipeline_id_created_at", table_name="deal")
    conn = op.get_bind()
    rollups.fill_visited(conn)
    rollups.rebuild(conn)
    rollups.create_triggers(conn)


def downgrade() -> None:
    rollups.drop_triggers(op.get_bind())
    op.drop_table("customer_rollup")
    op.drop_table("product_rollup")
    op.drop_table("deal_rollup")
    # Not batch mode: recreating the deal table would break the search index's view of it (SQLite
    # drops a column itself since 3.35).
    op.execute("ALTER TABLE deal DROP COLUMN visited_stages")
    op.create_index(
        "ix_deal_pipeline_id_created_at",
        "deal",
        ["pipeline_id", "created_at", "stage_id", "currency", "amount", "responsible_id"],
        unique=False,
    )
