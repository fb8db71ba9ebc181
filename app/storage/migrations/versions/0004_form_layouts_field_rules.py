"""form layouts, field rules, amount from products

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 12:24:42.169928
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('field_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('field_key', sa.String(length=80), nullable=False),
    sa.Column('visible_to', sa.Text(), nullable=True),
    sa.Column('editable_by', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_field_rule')),
    sa.UniqueConstraint('entity_type', 'field_key', name=op.f('uq_field_rule_entity_type_field_key'))
    )
    op.create_table('form_layout',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('pipeline_id', sa.Integer(), nullable=True),
    sa.Column('forced', sa.Boolean(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pipeline_id'], ['pipeline.id'], name=op.f('fk_form_layout_pipeline_id_pipeline'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_form_layout_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_layout')),
    sa.UniqueConstraint('entity_type', 'user_id', 'pipeline_id', name=op.f('uq_form_layout_entity_type_user_id_pipeline_id'))
    )
    with op.batch_alter_table('form_layout', schema=None) as batch_op:
        batch_op.create_index('ix_form_layout_entity_type_user_id', ['entity_type', 'user_id'], unique=False)

    op.create_table('stage_requirement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('field_key', sa.String(length=80), nullable=False),
    sa.Column('pipeline_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pipeline_id'], ['pipeline.id'], name=op.f('fk_stage_requirement_pipeline_id_pipeline'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_stage_requirement_stage_id_stage'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_requirement')),
    sa.UniqueConstraint('entity_type', 'field_key', 'pipeline_id', name=op.f('uq_stage_requirement_entity_type_field_key_pipeline_id'))
    )
    with op.batch_alter_table('stage_requirement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_requirement_pipeline_id'), ['pipeline_id'], unique=False)

    # A plain ADD COLUMN with a default: no copy of the deal table (a million rows) on SQLite.
    op.add_column(
        'deal', sa.Column('amount_from_products', sa.Boolean(), nullable=False, server_default=sa.false())
    )



def downgrade() -> None:
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_column('amount_from_products')

    with op.batch_alter_table('stage_requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_requirement_pipeline_id'))

    op.drop_table('stage_requirement')
    with op.batch_alter_table('form_layout', schema=None) as batch_op:
        batch_op.drop_index('ix_form_layout_entity_type_user_id')

    op.drop_table('form_layout')
    op.drop_table('field_rule')
