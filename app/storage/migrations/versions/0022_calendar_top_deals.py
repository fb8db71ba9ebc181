"""the calendar's day index carries the amount: a day's largest deals are read from the index alone,
a few rows per day, instead of ranking every deal of the month

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 09:10:00.000000
"""

from alembic import op
from sqlalchemy import text

from app.storage.database import ANALYSIS_LIMIT

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date", "amount", "responsible_id", "is_open"])
    _statistics("ix_deal_close_date")


def _statistics(*indexes: str) -> None:
    """A dropped index takes its planner statistics with it: a file analysed before (a demo, or one
    the app has closed: it refreshes them then) gets them anew for the remade index, sampled as
    the demo samples; without them SQLite would guess, next to figures for every other index."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL's autovacuum analyses new indexes on its own
    if bind.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first() is None:
        return
    bind.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
    for index in indexes:
        bind.exec_driver_sql(f"ANALYZE {index}")


def downgrade() -> None:
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date", "responsible_id", "is_open"])
    _statistics("ix_deal_close_date")
