"""automation: rules per stage, triggers, the jobs the engine runs (with leases) and the outbox of
e-mails and SMS

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 22:38:51
"""

import sqlalchemy as sa
from alembic import op


revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "automation_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("timing", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("after_previous", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("run_anyway", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_automation_rule_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pipeline_id"],
            ["pipeline.id"],
            name=op.f("fk_automation_rule_pipeline_id_pipeline"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_automation_rule_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_rule")),
    )
    with op.batch_alter_table("automation_rule", schema=None) as batch_op:
        batch_op.create_index("ix_automation_rule_stage_id_sort", ["stage_id", "sort"], unique=False)

    op.create_table(
        "automation_trigger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("backwards", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_automation_trigger_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pipeline_id"],
            ["pipeline.id"],
            name=op.f("fk_automation_trigger_pipeline_id_pipeline"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stage.id"], name=op.f("fk_automation_trigger_stage_id_stage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_trigger")),
    )
    with op.batch_alter_table("automation_trigger", schema=None) as batch_op:
        batch_op.create_index("ix_automation_trigger_pipeline_id_kind", ["pipeline_id", "kind"], unique=False)

    op.create_table(
        "automation_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("trigger_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("run_anyway", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_automation_job_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["automation_rule.id"],
            name=op.f("fk_automation_job_rule_id_automation_rule"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trigger_id"],
            ["automation_trigger.id"],
            name=op.f("fk_automation_job_trigger_id_automation_trigger"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_job")),
    )
    with op.batch_alter_table("automation_job", schema=None) as batch_op:
        batch_op.create_index("ix_automation_job_deal_id_status", ["deal_id", "status"], unique=False)
        batch_op.create_index("ix_automation_job_finished_at", ["finished_at"], unique=False)
        batch_op.create_index(
            "ix_automation_job_waiting_due_at",
            ["due_at"],
            unique=False,
            sqlite_where=sa.text("status IN ('waiting', 'running')"),
            postgresql_where=sa.text("status IN ('waiting', 'running')"),
        )

    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=998), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attachment_name", sa.String(length=255), nullable=True),
        sa.Column("attachment", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_outbox_message_deal_id_deal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["automation_job.id"],
            name=op.f("fk_outbox_message_job_id_automation_job"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_message_deal_id", ["deal_id"], unique=False)
        batch_op.create_index(
            "ix_outbox_message_pending_next_attempt_at",
            ["next_attempt_at"],
            unique=False,
            sqlite_where=sa.text("status IN ('queued', 'sending')"),
            postgresql_where=sa.text("status IN ('queued', 'sending')"),
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_outbox_message_pending_next_attempt_at",
            sqlite_where=sa.text("status IN ('queued', 'sending')"),
            postgresql_where=sa.text("status IN ('queued', 'sending')"),
        )
        batch_op.drop_index("ix_outbox_message_deal_id")

    op.drop_table("outbox_message")
    with op.batch_alter_table("automation_job", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_automation_job_waiting_due_at",
            sqlite_where=sa.text("status IN ('waiting', 'running')"),
            postgresql_where=sa.text("status IN ('waiting', 'running')"),
        )
        batch_op.drop_index("ix_automation_job_finished_at")
        batch_op.drop_index("ix_automation_job_deal_id_status")

    op.drop_table("automation_job")
    with op.batch_alter_table("automation_trigger", schema=None) as batch_op:
        batch_op.drop_index("ix_automation_trigger_pipeline_id_kind")

    op.drop_table("automation_trigger")
    with op.batch_alter_table("automation_rule", schema=None) as batch_op:
        batch_op.drop_index("ix_automation_rule_stage_id_sort")

    op.drop_table("automation_rule")
