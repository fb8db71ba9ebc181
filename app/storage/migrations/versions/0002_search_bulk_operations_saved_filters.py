"""search index, bulk operations, saved filters

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:40:06.987876
"""

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('operation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_operation_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operation'))
    )
    op.create_table('saved_filter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_saved_filter_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_filter'))
    )
    with op.batch_alter_table('saved_filter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_saved_filter_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_stage_id_currency_amount'))
        batch_op.create_index('ix_deal_stage_id_id_currency_amount', ['stage_id', 'id', 'currency', 'amount'], unique=False)

    with op.batch_alter_table('history_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('operation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_history_entry_operation_id'), ['operation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_history_entry_operation_id_operation'), 'operation', ['operation_id'], ['id'], ondelete='SET NULL')

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
        op.execute("INSERT INTO deal_search(rowid, doc) SELECT id, doc FROM deal_search_doc")
    else:
        for statement in POSTGRES_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS deal_search")
        op.execute("DROP VIEW IF EXISTS deal_search_doc")
    else:
        for name in ("deal_search_title", "deal_search_company", "deal_search_contact"):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table('history_entry', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_history_entry_operation_id_operation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_history_entry_operation_id'))
        batch_op.drop_column('operation_id')

    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_stage_id_id_currency_amount')
        batch_op.create_index(batch_op.f('ix_deal_stage_id_currency_amount'), ['stage_id', 'currency', 'amount'], unique=False)

    with op.batch_alter_table('saved_filter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_saved_filter_user_id'))

    op.drop_table('saved_filter')
    op.drop_table('operation')


# The deal search index. SQLite: one FTS5 document per deal (its title, its company's name, its
# contacts' names), kept current by triggers, so every write path (services, bulk SQL, imports)
# keeps it right. Prefix queries ("mül*") on detail=none are enough for search as you type.
SQLITE_TRIGGERS = (
    "deal_search_deal_insert",
    "deal_search_deal_update",
    "deal_search_deal_delete",
    "deal_search_company_update",
    "deal_search_contact_update",
    "deal_search_link_insert",
    "deal_search_link_delete",
)
_REFRESH = """
    DELETE FROM deal_search WHERE rowid IN ({ids});
    INSERT INTO deal_search(rowid, doc) SELECT id, doc FROM deal_search_doc WHERE id IN ({ids});
"""
SQLITE_SEARCH = (
    """CREATE VIEW deal_search_doc AS
    SELECT d.id AS id,
           d.title || ' ' || coalesce(c.title, '') || ' ' || coalesce(
               (SELECT group_concat(ct.first_name || ' ' || ct.last_name, ' ')
                FROM deal_contact dc JOIN contact ct ON ct.id = dc.contact_id
                WHERE dc.deal_id = d.id), '') AS doc
    FROM deal d LEFT JOIN company c ON c.id = d.company_id""",
    """CREATE VIRTUAL TABLE deal_search USING fts5(
        doc, tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0)""",
    """CREATE TRIGGER deal_search_deal_insert AFTER INSERT ON deal BEGIN
        INSERT INTO deal_search(rowid, doc) SELECT id, doc FROM deal_search_doc WHERE id = NEW.id;
    END""",
    "CREATE TRIGGER deal_search_deal_update AFTER UPDATE OF title, company_id ON deal BEGIN"
    + _REFRESH.format(ids="NEW.id") + "END",
    """CREATE TRIGGER deal_search_deal_delete AFTER DELETE ON deal BEGIN
        DELETE FROM deal_search WHERE rowid = OLD.id;
    END""",
    "CREATE TRIGGER deal_search_company_update AFTER UPDATE OF title ON company BEGIN"
    + _REFRESH.format(ids="SELECT id FROM deal WHERE company_id = NEW.id") + "END",
    "CREATE TRIGGER deal_search_contact_update AFTER UPDATE OF first_name, last_name ON contact BEGIN"
    + _REFRESH.format(ids="SELECT deal_id FROM deal_contact WHERE contact_id = NEW.id") + "END",
    "CREATE TRIGGER deal_search_link_insert AFTER INSERT ON deal_contact BEGIN"
    + _REFRESH.format(ids="NEW.deal_id") + "END",
    "CREATE TRIGGER deal_search_link_delete AFTER DELETE ON deal_contact BEGIN"
    + _REFRESH.format(ids="OLD.deal_id") + "END",
)
# PostgreSQL: the built-in full-text search on each source, prefix queries with to_tsquery('x:*').
POSTGRES_SEARCH = (
    "CREATE INDEX deal_search_title ON deal USING gin (to_tsvector('simple', title))",
    "CREATE INDEX deal_search_company ON company USING gin (to_tsvector('simple', title))",
    "CREATE INDEX deal_search_contact ON contact "
    "USING gin (to_tsvector('simple', first_name || ' ' || last_name))",
)
