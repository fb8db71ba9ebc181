"""people and access rights: passwords and sign-in state, department heads, roles and who holds
them, deal observers and the "open to everyone" flag; the built-in roles

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 15:10:00
"""

import sqlalchemy as sa
from alembic import op


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("department") as batch:
        batch.add_column(sa.Column("head_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_department_head_id_user_account"),
            "user_account",
            ["head_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # A plain ALTER on the big table: a constant default costs SQLite nothing per row.
    op.add_column("deal", sa.Column("is_open", sa.Boolean(), server_default=sa.false(), nullable=False))
    for table in ("contact", "company", "lead"):  # open to everyone unless told otherwise (as Bitrix24)
        op.add_column(table, sa.Column("is_open", sa.Boolean(), server_default=sa.true(), nullable=False))
    # The indexes that serve totals and analytics hold the responsible person and the open flag too,
    # so a restricted person's figures come from them alone; the few open deals get their own.
    _covering_indexes(with_rights=True)
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date", "responsible_id", "is_open"], unique=False)
    op.create_index(
        "ix_deal_pipeline_id_created_at",
        "deal",
        ["pipeline_id", "created_at", "responsible_id", "is_open"],
        unique=False,
    )
    op.create_index(
        "ix_deal_responsible_closed_facts",
        "deal",
        [
            "responsible_id",
            "closed_at",
            "stage_id",
            "currency",
            "amount",
            "source",
            "pipeline_id",
            "company_id",
            "created_at",
            "is_open",
            "closed",
        ],
        unique=False,
        sqlite_where=sa.text("closed = 1"),
        postgresql_where=sa.text("closed"),
    )
    op.create_index(
        "ix_deal_is_open",
        "deal",
        ["is_open", "stage_id", "currency", "amount"],
        unique=False,
        sqlite_where=sa.text("is_open = 1"),
        postgresql_where=sa.text("is_open"),
    )
    op.create_table(
        "deal_observer",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_observer_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_deal_observer_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deal_id", "user_id", name=op.f("pk_deal_observer")),
    )
    op.create_index("ix_deal_observer_user_id_deal_id", "deal_observer", ["user_id", "deal_id"])
    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("builtin", sa.String(length=30), nullable=True),
        sa.Column("rights", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
        sa.UniqueConstraint("name", name=op.f("uq_role_name")),
    )
    op.create_table(
        "role_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("with_subdepartments", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("everyone", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(
            "CASE WHEN user_id IS NULL THEN 0 ELSE 1 END + CASE WHEN department_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN everyone THEN 1 ELSE 0 END = 1",
            name=op.f("ck_role_assignment_one_holder"),
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["role.id"], name=op.f("fk_role_assignment_role_id_role"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_role_assignment_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_role_assignment_department_id_department"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_assignment")),
    )
    op.create_index("ix_role_assignment_role_id", "role_assignment", ["role_id"])
    op.create_index("ix_role_assignment_user_id", "role_assignment", ["user_id"])
    op.create_index("ix_role_assignment_department_id", "role_assignment", ["department_id"])


def _covering_indexes(*, with_rights: bool) -> None:
    rights = ["is_open"] if with_rights else []
    for name in ("ix_deal_stage_id_currency_amount", "ix_deal_closed_facts", "ix_deal_open_close_date"):
        op.drop_index(name, table_name="deal")
    op.create_index(
        "ix_deal_stage_id_currency_amount",
        "deal",
        ["stage_id", "currency", "amount", *(["responsible_id", "is_open"] if with_rights else [])],
        unique=False,
    )
    closed_facts = ["closed_at", "stage_id", "currency", "amount", "responsible_id", "source", "pipeline_id"]
    op.create_index(
        "ix_deal_closed_facts",
        "deal",
        [*closed_facts, "company_id", "created_at", *rights, "closed"],
        unique=False,
        sqlite_where=sa.text("closed = 1"),
        postgresql_where=sa.text("closed"),
    )
    op.create_index(
        "ix_deal_open_close_date",
        "deal",
        ["close_date", "stage_id", "currency", "amount", "responsible_id", "pipeline_id", *rights, "closed"],
        unique=False,
        sqlite_where=sa.text("closed = 0"),
        postgresql_where=sa.text("NOT closed"),
    )


def downgrade() -> None:
    op.drop_table("role_assignment")
    op.drop_table("role")
    op.drop_table("deal_observer")
    op.drop_index("ix_deal_is_open", table_name="deal")
    op.drop_index("ix_deal_responsible_closed_facts", table_name="deal")
    op.drop_index("ix_deal_pipeline_id_created_at", table_name="deal")
    op.drop_index("ix_deal_close_date", table_name="deal")
    op.create_index("ix_deal_close_date", "deal", ["close_date"], unique=False)
    _covering_indexes(with_rights=False)
    op.drop_column("deal", "is_open")
    for table in ("contact", "company", "lead"):
        op.drop_column(table, "is_open")  # a plain ALTER: a view over these tables forbids rebuilding them
    with op.batch_alter_table("department") as batch:
        batch.drop_constraint(op.f("fk_department_head_id_user_account"), type_="foreignkey")
        batch.drop_column("head_id")
    with op.batch_alter_table("user_account") as batch:
        for column in ("last_login_at", "locked_until", "failed_logins", "password_hash"):
            batch.drop_column(column)
