"""payments by the day they came in: "paid this month" in Analytics reads a month's payments, not all

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 00:59:46.691668
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_invoice_payment_paid_on", "invoice_payment", ["paid_on", "invoice_id", "amount"])


def downgrade() -> None:
    op.drop_index("ix_invoice_payment_paid_on", table_name="invoice_payment")
