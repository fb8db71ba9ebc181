"""Alembic environment: runs on the connection that open_database hands over."""

from alembic import context

from app.models import Base, is_search_object


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    # The search index (FTS5 tables, its view and triggers) is created by hand in the migrations.
    return not is_search_object(name)


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
