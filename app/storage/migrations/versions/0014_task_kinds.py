"""tasks as activities: their kind (to-do, call, meeting, e-mail), all-day, a meeting's length, the
result when done

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 21:10:00
"""

import sqlalchemy as sa
from alembic import op


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTERs with constant defaults: SQLite changes no row of a big table for them.
    op.add_column("task", sa.Column("kind", sa.String(length=20), server_default="todo", nullable=False))
    op.add_column("task", sa.Column("all_day", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("task", sa.Column("duration_minutes", sa.Integer(), nullable=True))
    op.add_column("task", sa.Column("result", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.drop_column("result")
        batch.drop_column("duration_minutes")
        batch.drop_column("all_day")
        batch.drop_column("kind")
