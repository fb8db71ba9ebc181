"""Workflows: templates with versions, running instances, approvals (issue 23).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 03:23:14.235361
"""

from alembic import op
import sqlalchemy as sa



revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workflow_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('start_manual', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('start_on_create', sa.Boolean(), nullable=False),
    sa.Column('start_on_change', sa.Boolean(), nullable=False),
    sa.Column('change_fields', sa.Text(), nullable=False),
    sa.Column('starters', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_workflow_template_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_template'))
    )
    op.create_index('ix_workflow_template_entity_active', 'workflow_template', ['entity', 'active'], unique=False)

    op.create_table('workflow_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_workflow_version_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['workflow_template.id'], name=op.f('fk_workflow_version_template_id_workflow_template'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_version')),
    sa.UniqueConstraint('template_id', 'number', name=op.f('uq_workflow_version_template_id_number'))
    )
    op.create_table('workflow_instance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('next_at', sa.DateTime(), nullable=True),
    sa.Column('depth', sa.Integer(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('lease_owner', sa.String(length=100), nullable=True),
    sa.Column('lease_until', sa.DateTime(), nullable=True),
    sa.Column('steps_run', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['started_by_id'], ['user_account.id'], name=op.f('fk_workflow_instance_started_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['template_id'], ['workflow_template.id'], name=op.f('fk_workflow_instance_template_id_workflow_template'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['workflow_version.id'], name=op.f('fk_workflow_instance_version_id_workflow_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_instance'))
    )
    op.create_index('ix_workflow_instance_entity_record_id', 'workflow_instance', ['entity', 'record_id'], unique=False)
    op.create_index('ix_workflow_instance_live_next_at', 'workflow_instance', ['next_at'], unique=False, sqlite_where=sa.text("status IN ('running', 'waiting')"), postgresql_where=sa.text("status IN ('running', 'waiting')"))
    op.create_index('ix_workflow_instance_template_id_status', 'workflow_instance', ['template_id', 'status'], unique=False)

    op.create_table('workflow_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=40), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('answer', sa.String(length=10), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('escalated', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instance_id'], ['workflow_instance.id'], name=op.f('fk_workflow_approval_instance_id_workflow_instance'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_workflow_approval_task_id_task'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_workflow_approval_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_approval'))
    )
    op.create_index('ix_workflow_approval_instance_id_step', 'workflow_approval', ['instance_id', 'step'], unique=False)
    op.create_index('ix_workflow_approval_task_id', 'workflow_approval', ['task_id'], unique=False)



def downgrade() -> None:
    op.drop_index('ix_workflow_approval_task_id', 'workflow_approval')
    op.drop_index('ix_workflow_approval_instance_id_step', 'workflow_approval')

    op.drop_table('workflow_approval')
    op.drop_index('ix_workflow_instance_template_id_status', 'workflow_instance')
    op.drop_index('ix_workflow_instance_live_next_at', 'workflow_instance', sqlite_where=sa.text("status IN ('running', 'waiting')"), postgresql_where=sa.text("status IN ('running', 'waiting')"))
    op.drop_index('ix_workflow_instance_entity_record_id', 'workflow_instance')

    op.drop_table('workflow_instance')
    op.drop_table('workflow_version')
    op.drop_index('ix_workflow_template_entity_active', 'workflow_template')

    op.drop_table('workflow_template')
