"""the calendar's day index carries the amount: a day's largest deals are read from the index alone,
a few rows per day, instead of ranking every deal of the month

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 09:10:00.000000
"""

from alembic import op

from app.storage.planner_statistics import analyse_indexes

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date", "amount", "responsible_id", "is_open"])
    analyse_indexes(op.get_bind(), "ix_deal_close_date")


def downgrade() -> None:
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date", "responsible_id", "is_open"])
    analyse_indexes(op.get_bind(), "ix_deal_close_date")
