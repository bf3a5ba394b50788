"""What tables and columns the database has, on either database (tests that walk
every table, tools)."""

from __future__ import annotations

from app.db.rows import identifier


def table_names(conn) -> list[str]:
    if conn.dialect.name == "postgresql":
        rows = conn.all(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
            " ORDER BY tablename"
        )
    else:
        rows = conn.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r["name"] for r in rows]


def column_names(conn, table: str) -> list[str]:
    if conn.dialect.name == "postgresql":
        rows = conn.all(
            "SELECT column_name AS name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
    else:
        rows = conn.all(f"PRAGMA table_info({identifier(table)})")
    return [r["name"] for r in rows]
