"""stage visits (time in stage), tunnels between pipelines, idle days per stage, deal copies

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 13:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("stage", sa.Column("idle_days", sa.Integer(), nullable=True))
    op.create_table(
        "deal_copy",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("source_deal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_copy_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_deal_id"], ["deal.id"], name=op.f("fk_deal_copy_source_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("deal_id", name=op.f("pk_deal_copy")),
    )
    op.create_index(op.f("ix_deal_copy_source_deal_id"), "deal_copy", ["source_deal_id"], unique=False)
    op.create_table(
        "stage_tunnel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_stage_id", sa.Integer(), nullable=False),
        sa.Column("target_stage_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_stage_id"], ["stage.id"], name=op.f("fk_stage_tunnel_source_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["target_stage_id"], ["stage.id"], name=op.f("fk_stage_tunnel_target_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_tunnel")),
        sa.UniqueConstraint(
            "source_stage_id", "target_stage_id", name=op.f("uq_stage_tunnel_source_stage_id_target_stage_id")
        ),
    )
    op.create_index(op.f("ix_stage_tunnel_target_stage_id"), "stage_tunnel", ["target_stage_id"], unique=False)
    op.create_table(
        "deal_stage_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_stage_visit_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["pipeline_id"], ["pipeline.id"], name=op.f("fk_deal_stage_visit_pipeline_id_pipeline"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_deal_stage_visit_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_deal_stage_visit_user_id_user_account"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage_visit")),
    )
    # Deals stored before: their stay in the current stage, from when they came into it.
    op.execute(
        "INSERT INTO deal_stage_visit (deal_id, pipeline_id, stage_id, entered_at, left_at, user_id) "
        "SELECT id, pipeline_id, stage_id, stage_changed_at, NULL, NULL FROM deal ORDER BY id"
    )
    op.create_index(
        "ix_deal_stage_visit_deal_id_entered_at", "deal_stage_visit", ["deal_id", "entered_at"], unique=False
    )
    op.create_index(
        "ix_deal_stage_visit_stage_id_entered_at", "deal_stage_visit", ["stage_id", "entered_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_deal_stage_visit_stage_id_entered_at", table_name="deal_stage_visit")
    op.drop_index("ix_deal_stage_visit_deal_id_entered_at", table_name="deal_stage_visit")
    op.drop_table("deal_stage_visit")
    op.drop_index(op.f("ix_stage_tunnel_target_stage_id"), table_name="stage_tunnel")
    op.drop_table("stage_tunnel")
    op.drop_index(op.f("ix_deal_copy_source_deal_id"), table_name="deal_copy")
    op.drop_table("deal_copy")
    with op.batch_alter_table("stage", schema=None) as batch_op:
        batch_op.drop_column("idle_days")
