"""kanban columns in the order deals came into their stage, and their totals from one index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 12:05:00
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_deal_stage_id_stage_changed_at_id", "deal", ["stage_id", "stage_changed_at", "id"], unique=False
    )
    op.create_index(
        "ix_deal_stage_id_currency_amount", "deal", ["stage_id", "currency", "amount"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_deal_stage_id_currency_amount", table_name="deal")
    op.drop_index("ix_deal_stage_id_stage_changed_at_id", table_name="deal")
