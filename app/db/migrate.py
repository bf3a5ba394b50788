"""Numbered, forward-only SQL migrations recorded in ``schema_migrations``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.clock import now_iso

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _statements(sql: str):
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        yield buffer


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[str, Path]]:
    return sorted((p.name.split("_", 1)[0], p) for p in directory.glob("[0-9]*_*.sql"))


def _apply_pending(conn, files) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row["version"] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}
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
