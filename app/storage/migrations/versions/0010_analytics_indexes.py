"""analytics: closed deals by close day and open deals by close date (partial, covering), a
pipeline's deals by creation, a deal's stage visits with their stage

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 14:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_deal_closed_facts",
        "deal",
        [
            "closed_at",
            "stage_id",
            "currency",
            "amount",
            "responsible_id",
            "source",
            "pipeline_id",
            "company_id",
            "created_at",
            "closed",
        ],
        unique=False,
        sqlite_where=sa.text("closed = 1"),
        postgresql_where=sa.text("closed"),
    )
    op.create_index(
        "ix_deal_open_close_date",
        "deal",
        ["close_date", "stage_id", "currency", "amount", "responsible_id", "pipeline_id", "closed"],
        unique=False,
        sqlite_where=sa.text("closed = 0"),
        postgresql_where=sa.text("NOT closed"),
    )
    op.drop_index("ix_deal_stage_visit_deal_id_entered_at", table_name="deal_stage_visit")
    op.create_index(
        "ix_deal_stage_visit_deal_id_entered_at_stage_id",
        "deal_stage_visit",
        ["deal_id", "entered_at", "stage_id"],
        unique=False,
    )
    op.create_index(
        "ix_deal_pipeline_id_created_at",
        "deal",
        ["pipeline_id", "created_at", "stage_id", "currency", "amount", "responsible_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_deal_pipeline_id_created_at", table_name="deal")
    op.drop_index("ix_deal_stage_visit_deal_id_entered_at_stage_id", table_name="deal_stage_visit")
    op.create_index(
        "ix_deal_stage_visit_deal_id_entered_at", "deal_stage_visit", ["deal_id", "entered_at"], unique=False
    )
    op.drop_index("ix_deal_open_close_date", table_name="deal")
    op.drop_index("ix_deal_closed_facts", table_name="deal")
