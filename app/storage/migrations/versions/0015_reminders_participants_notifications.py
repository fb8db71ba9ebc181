"""task reminders (minutes before, the moment still to come), task participants and observers, and
the notifications in each person's bell

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 22:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


_LINKS = ("company_id", "contact_id", "lead_id")


def upgrade() -> None:
    # A person's open tasks by due time, their done ones latest first: two partial indexes instead of
    # one over both (the Done group is read latest first, not by due time).
    op.drop_index("ix_task_responsible_id_done_due_at", table_name="task")
    op.create_index(
        "ix_task_open_responsible_id_due_at",
        "task",
        ["responsible_id", "due_at"],
        sqlite_where=sa.text("done IS 0"),
        postgresql_where=sa.text("done = false"),
    )
    op.create_index(
        "ix_task_done_responsible_id_completed_at",
        "task",
        ["responsible_id", "completed_at"],
        sqlite_where=sa.text("done IS 1"),
        postgresql_where=sa.text("done = true"),
    )
    # Done tasks are history: only the open ones are looked up by due time (2 of 10 in a full office).
    op.drop_index("ix_task_due_at", table_name="task")
    op.create_index(
        "ix_task_open_due_at",
        "task",
        ["due_at", "deal_id"],
        sqlite_where=sa.text("done IS 0"),
        postgresql_where=sa.text("done = false"),
    )
    # Most tasks are about a deal: the indexes of their other links keep only the tasks that have one.
    for column in _LINKS:
        op.drop_index(f"ix_task_{column}", table_name="task")
        op.create_index(
            f"ix_task_{column}",
            "task",
            [column],
            sqlite_where=sa.text(f"{column} IS NOT NULL"),
            postgresql_where=sa.text(f"{column} IS NOT NULL"),
        )
    op.add_column("task", sa.Column("remind_minutes", sa.Integer(), nullable=True))
    op.add_column("task", sa.Column("remind_at", sa.DateTime(), nullable=True))
    op.create_index(
        "ix_task_responsible_id_remind_at",
        "task",
        ["responsible_id", "remind_at"],
        sqlite_where=sa.text("remind_at IS NOT NULL"),
        postgresql_where=sa.text("remind_at IS NOT NULL"),
    )
    op.create_table(
        "task_participant",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), server_default="participant", nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_task_participant_task_id_task"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_task_participant_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", "user_id", name=op.f("pk_task_participant")),
    )
    op.create_index("ix_task_participant_user_id_task_id", "task_participant", ["user_id", "task_id"])
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("entity_type", sa.String(length=20), nullable=True),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), server_default="1", nullable=False),
        sa.Column("title", sa.String(length=255), server_default="", nullable=False),
        sa.Column("detail", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_notification_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["user_account.id"],
            name=op.f("fk_notification_actor_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    op.create_index("ix_notification_user_id_read_at_id", "notification", ["user_id", "read_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_task_done_responsible_id_completed_at", table_name="task")
    op.drop_index("ix_task_open_responsible_id_due_at", table_name="task")
    op.create_index("ix_task_responsible_id_done_due_at", "task", ["responsible_id", "done", "due_at"])
    op.drop_index("ix_task_open_due_at", table_name="task")
    op.create_index("ix_task_due_at", "task", ["due_at"])
    op.drop_table("notification")
    op.drop_table("task_participant")
    op.drop_index("ix_task_responsible_id_remind_at", table_name="task")
    for column in _LINKS:
        op.drop_index(f"ix_task_{column}", table_name="task")
        op.create_index(f"ix_task_{column}", "task", [column])
    with op.batch_alter_table("task") as batch:
        batch.drop_column("remind_at")
        batch.drop_column("remind_minutes")
