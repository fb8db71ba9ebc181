"""the running totals by stage: a board's columns and the list's totals without a filter read a
stage's rows of them at once instead of every month's

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 09:30:00.000000
"""

from alembic import op

from app.storage.planner_statistics import analyse_indexes

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_deal_rollup_kind_stage_id", "deal_rollup", ["kind", "stage_id", "currency", "deals", "cents"]
    )
    analyse_indexes(op.get_bind(), "ix_deal_rollup_kind_stage_id")


def downgrade() -> None:
    op.drop_index("ix_deal_rollup_kind_stage_id", table_name="deal_rollup")
