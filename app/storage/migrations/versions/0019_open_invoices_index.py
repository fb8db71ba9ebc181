"""the open invoices by due date (a partial index): the overdue list and the receivables read a few
thousand entries instead of every invoice issued

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 00:46:10.064393
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


OPEN_WHERE = "state = 'issued' AND kind <> 'cancellation' AND paid < gross"
COLUMNS = ["due_date", "currency", "gross", "paid", "deal_id"]


def upgrade() -> None:
    # Replaces (state, due_date): every query that read it asks for open invoices.
    op.drop_index("ix_invoice_state_due_date", table_name="invoice")
    op.create_index(
        "ix_invoice_open_due_date",
        "invoice",
        COLUMNS,
        sqlite_where=sa.text(OPEN_WHERE),
        postgresql_where=sa.text(OPEN_WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_invoice_open_due_date", table_name="invoice")
    op.create_index("ix_invoice_state_due_date", "invoice", ["state", "due_date"])
