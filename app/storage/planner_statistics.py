"""SQLite's query planner statistics for indexes a migration makes or remakes.

Dropping an index drops its statistics, and a new one has none: next to figures for every other
index SQLite then guesses for it, and a guess can make it prefer the new index where another is
far better. A file that was analysed before (a demo, or one the app has closed: it refreshes them
then) gets them for these indexes at once, sampled as the demo samples; one never analysed is left
as it was (figures for a few indexes only would skew the planner the other way).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.storage.database import ANALYSIS_LIMIT


def analyse_indexes(conn: Connection, *indexes: str) -> None:
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL's autovacuum analyses new indexes on its own
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first() is None:
        return
    conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
    for index in indexes:
        conn.exec_driver_sql(f"ANALYZE {index}")
