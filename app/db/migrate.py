"""Numbered, forward-only SQL migrations recorded in ``schema_migrations``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.clock import now_iso

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _has_sql(text: str) -> bool:
    """True when ``text`` holds more than comments and blank lines."""
    return any(line.strip() and not line.strip().startswith("--") for line in text.splitlines())


def _statements(sql: str):
    """Split a file into statements; sqlite3.complete_statement knows that a
    CREATE TRIGGER body's inner ``;`` does not end the statement."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if _has_sql(buffer):
                yield buffer
            buffer = ""
    if _has_sql(buffer):
        yield buffer  # a last statement without its ';' still runs (sqlite raises if it is truncated)


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[str, Path]]:
    files = sorted((p.name.split("_", 1)[0], p) for p in directory.glob("[0-9]*_*.sql"))
    versions = [version for version, _ in files]
    duplicates = sorted({v for v in versions if versions.count(v) > 1})
    if duplicates:
        # Two files with one number: the second would be skipped silently on an
        # existing database, so refuse loudly instead.
        names = [p.name for v, p in files if v in duplicates]
        raise RuntimeError(f"migrations share a number: {', '.join(names)}; renumber one of them")
    return files


def _apply_pending(conn, files) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {
        row["version"] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()
    }
    applied = []
    for version, path in files:
        if version in done:
            continue
        for statement in _statements(path.read_text()):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (version, path.name, now_iso()),
        )
        applied.append(path.name)
    return applied


async def migrate(db, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply pending migrations in one transaction; returns the names applied.

    The whole run holds the write lock (BEGIN IMMEDIATE), so two processes
    starting together apply each migration once.
    """
    return await db.write(_apply_pending, migration_files(directory))
