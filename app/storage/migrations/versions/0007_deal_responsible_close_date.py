"""a person's deals by close date (the calendar of "my deals")

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 14:10:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_deal_responsible_id_close_date", "deal", ["responsible_id", "close_date"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_deal_responsible_id_close_date", table_name="deal")
