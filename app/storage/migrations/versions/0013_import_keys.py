"""import keys: records an import made, known by their ID in the program they came from; an
operation's label (the file an import came from)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 19:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("operation", sa.Column("label", sa.String(length=255), nullable=True))
    op.create_table(
        "import_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(length=20), nullable=False),
        sa.Column("system", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_import_key_operation_id_operation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_key")),
        sa.UniqueConstraint(
            "entity_type", "system", "external_id", name=op.f("uq_import_key_entity_type_system_external_id")
        ),
    )
    op.create_index("ix_import_key_entity_type_entity_id", "import_key", ["entity_type", "entity_id"])
    op.create_index(op.f("ix_import_key_operation_id"), "import_key", ["operation_id"])


def downgrade() -> None:
    op.drop_table("import_key")
    with op.batch_alter_table("operation") as batch:
        batch.drop_column("label")
