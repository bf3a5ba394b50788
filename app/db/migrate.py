"""Numbered, forward-only SQL migrations recorded in ``schema_migrations``.

One numbered sequence for both databases. A migration is written once, in
SQLite's dialect, and translated for PostgreSQL (``app.db.dialect``); where the
two must differ (triggers, virtual tables) ``migrations/postgresql/`` holds the
PostgreSQL version under the same number, run as written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.clock import now_iso
from app.db.dialect import ddl_to_postgres

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
POSTGRES_DIR = "postgresql"
# Held by a migration run on PostgreSQL: two processes starting together apply
# each migration once (SQLite's BEGIN IMMEDIATE does this there).
_MIGRATION_LOCK = 7_152_015


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


def migration_files(
    directory: Path = MIGRATIONS_DIR, dialect: str = "sqlite"
) -> list[tuple[str, Path]]:
    files = sorted((p.name.split("_", 1)[0], p) for p in directory.glob("[0-9]*_*.sql"))
    versions = [version for version, _ in files]
    duplicates = sorted({v for v in versions if versions.count(v) > 1})
    if duplicates:
        # Two files with one number: the second would be skipped silently on an
        # existing database, so refuse loudly instead.
        names = [p.name for v, p in files if v in duplicates]
        raise RuntimeError(f"migrations share a number: {', '.join(names)}; renumber one of them")
    if dialect == "postgresql":
        own = {p.name.split("_", 1)[0]: p for p in (directory / POSTGRES_DIR).glob("[0-9]*_*.sql")}
        stray = sorted(set(own) - set(versions))
        if stray:
            raise RuntimeError(f"PostgreSQL migrations without a SQLite twin: {stray}")
        files = [(version, own.get(version, path)) for version, path in files]
    return files


def _run_file(conn, path: Path) -> None:
    if conn.dialect.name == "postgresql":
        if path.parent.name == POSTGRES_DIR:
            conn.raw.execute(path.read_text())  # written for PostgreSQL: run as is
            return
        for statement in _statements(path.read_text()):
            conn.execute(ddl_to_postgres(statement))
        return
    for statement in _statements(path.read_text()):
        conn.execute(statement)


def _apply_pending(conn, files) -> list[str]:
    if conn.dialect.name == "postgresql":
        conn.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
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
        _run_file(conn, path)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (version, path.name, now_iso()),
        )
        applied.append(path.name)
    return applied


async def migrate(db, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply pending migrations in one transaction; returns the names applied.

    The whole run holds the write lock (BEGIN IMMEDIATE on SQLite, an advisory
    lock on PostgreSQL), so two processes starting together apply each migration once.
    """
    return await db.write_schema(_apply_pending, migration_files(directory, db.dialect.name))
