"""product sections (catalog categories)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("product", sa.Column("section", sa.String(length=100), nullable=True))
    op.create_index("ix_product_section", "product", ["section"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_product_section", table_name="product")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_column("section")
