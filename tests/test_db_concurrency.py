"""BEGIN IMMEDIATE (SPEC §2): concurrent writers on one SQLite file wait for each
other instead of failing with "database is locked", and no update is lost."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import pytest

from app.db import Database
from app.db.migrate import _statements, migrate
from tests import pg_support

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 200


def _setup(conn):
    conn.execute(
        "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS write_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, writer TEXT NOT NULL)"
    )
    conn.execute("INSERT OR IGNORE INTO counter (name, value) VALUES ('hits', 0)")


def _increment(conn, writer: str):
    # Read, then write from what was read: a lost update would show as a short count.
    value = conn.value("SELECT value FROM counter WHERE name = 'hits'")
    conn.execute("UPDATE counter SET value = ? WHERE name = 'hits'", (value + 1,))
    conn.execute("INSERT INTO write_log (writer) VALUES (?)", (writer,))


async def _hammer(db: Database, writer: str, rounds: int = ROUNDS):
    for _ in range(rounds):
        await db.write(_increment, writer)
        await asyncio.sleep(0.001)  # leave a gap so the two writers overlap in time


def _switches(writers: list[str]) -> int:
    return sum(1 for a, b in zip(writers, writers[1:], strict=False) if a != b)


async def test_two_handles_interleaved_read_then_write(tmp_path):
    path = tmp_path / "concurrency.db"
    first, second = await Database.open(path), await Database.open(path)
    try:
        await first.write(_setup)
        await asyncio.gather(_hammer(first, "a"), _hammer(second, "b"))
        assert await first.fetchval("SELECT value FROM counter") == 2 * ROUNDS
        writers = [
            r["writer"] for r in await second.fetchall("SELECT writer FROM write_log ORDER BY seq")
        ]
    finally:
        await first.close()
        await second.close()
    assert writers.count("a") == writers.count("b") == ROUNDS
    assert _switches(writers) > 2  # they really interleaved


CHILD = """
import asyncio, sys
sys.path.insert(0, {root!r})
from app.db import Database
from tests.test_db_concurrency import _hammer

async def main():
    db = await Database.open({path!r})
    print("ready", flush=True)
    sys.stdin.readline()
    await _hammer(db, "child")
    await db.close()

asyncio.run(main())
"""


async def test_postgres_runs_read_then_write_transactions_at_once_without_losing_one(pg_server):
    """On PostgreSQL the two handles' transactions really overlap (no single writer):
    SERIALIZABLE turns the lost update into a serialization failure, which the db
    layer retries, so the count still comes out exact."""
    with pg_support.fresh_database(pg_server) as url:
        first, second = await Database.open(url), await Database.open(url)
        try:
            await first.write(_setup)
            await asyncio.gather(_hammer(first, "a", 100), _hammer(second, "b", 100))
            assert await first.fetchval("SELECT value FROM counter") == 200
            writers = [
                r["writer"]
                for r in await second.fetchall("SELECT writer FROM write_log ORDER BY seq")
            ]
        finally:
            await first.close()
            await second.close()
    assert writers.count("a") == writers.count("b") == 100
    assert _switches(writers) > 2


async def test_a_second_process_writes_concurrently(tmp_path):
    path = tmp_path / "concurrency.db"
    db = await Database.open(path)
    try:
        await db.write(_setup)
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            CHILD.format(root=str(ROOT), path=str(path)),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            cwd=ROOT,
        )
        assert (await asyncio.wait_for(child.stdout.readline(), 30)).strip() == b"ready"
        child.stdin.write(b"go\n")
        await child.stdin.drain()
        await _hammer(db, "parent")
        _, stderr = await asyncio.wait_for(child.communicate(), 60)
        assert child.returncode == 0, stderr.decode()
        assert b"database is locked" not in stderr
        assert await db.fetchval("SELECT value FROM counter") == 2 * ROUNDS
        writers = [
            r["writer"] for r in await db.fetchall("SELECT writer FROM write_log ORDER BY seq")
        ]
    finally:
        await db.close()
    assert writers.count("parent") == writers.count("child") == ROUNDS
    assert _switches(writers) > 2  # the two processes' transactions overlapped in time


async def test_failed_commit_leaves_no_open_transaction(tmp_path):
    db = await Database.open(tmp_path / "deferred.db")
    try:

        def make(conn):
            conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            conn.execute(
                "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                " parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
            )

        await db.write(make)
        # A deferred foreign key fails at COMMIT time, not at the INSERT.
        with pytest.raises(sqlite3.IntegrityError):
            await db.write(
                lambda conn: conn.execute("INSERT INTO child (id, parent_id) VALUES (1, 99)")
            )
        # The writer is usable again: the failed COMMIT was rolled back.
        await db.write(lambda conn: conn.execute("INSERT INTO parent (id) VALUES (1)"))
        assert await db.fetchval("SELECT COUNT(*) FROM child") == 0
        assert await db.fetchval("SELECT COUNT(*) FROM parent") == 1
    finally:
        await db.close()


async def test_cancelled_write_still_wakes_listeners_and_keeps_order(tmp_path):
    db = await Database.open(tmp_path / "cancel.db")
    woken = []
    db.on_signal("test", lambda: woken.append(1))
    try:
        await db.write(lambda conn: conn.execute("CREATE TABLE t (n INTEGER)"))

        def slow_insert(conn):
            conn.execute("INSERT INTO t (n) VALUES (1)")
            conn.signals.add("test")
            import time

            time.sleep(0.2)  # still inside the transaction when the caller is cancelled

        task = asyncio.create_task(db.write(slow_insert))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The transaction committed; its wake-up was delivered, and the lock was held until it ended.
        assert woken == [1]
        assert await db.fetchval("SELECT COUNT(*) FROM t") == 1
    finally:
        await db.close()


async def test_listener_error_does_not_fail_a_committed_write(tmp_path):
    db = await Database.open(tmp_path / "listener.db")

    def broken():
        raise RuntimeError("listener bug")

    db.on_signal("jobs", broken)
    try:

        def fn(conn):
            conn.execute("CREATE TABLE t (n INTEGER)")
            conn.signals.add("jobs")
            return "done"

        assert await db.write(fn) == "done"
    finally:
        await db.close()


def test_migration_splitter_keeps_triggers_and_a_last_statement_without_semicolon():
    sql = (
        "-- header\nCREATE TABLE a (n INTEGER);\n"
        "CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN\n  UPDATE a SET n = n + 1 WHERE rowid = new.rowid;\nEND;\n"
        "-- the last one has no semicolon\nCREATE INDEX a_n ON a (n)\n-- trailing comment\n"
    )
    statements = list(_statements(sql))
    assert len(statements) == 3
    assert "END;" in statements[1]
    assert "CREATE INDEX a_n" in statements[2]


async def test_migrations_are_idempotent_and_refuse_duplicate_numbers(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text(
        "CREATE TABLE a (n INTEGER);\nCREATE TRIGGER a_t AFTER INSERT ON a BEGIN\n"
        "  UPDATE a SET n = n * 10 WHERE rowid = new.rowid;\nEND;\n"
    )
    db = await Database.open(tmp_path / "m.db")
    try:
        assert await migrate(db, folder) == ["0001_a.sql"]
        assert await migrate(db, folder) == []  # a restart applies nothing twice
        await db.write(lambda conn: conn.execute("INSERT INTO a (n) VALUES (2)"))
        assert await db.fetchval("SELECT n FROM a") == 20  # the trigger body ran whole
        (folder / "0002_b.sql").write_text("CREATE TABLE b (n INTEGER);")
        (folder / "0002_c.sql").write_text("CREATE TABLE c (n INTEGER);")
        with pytest.raises(RuntimeError, match="share a number"):
            await migrate(db, folder)
    finally:
        await db.close()


@pytest.mark.sqlite_only  # SQLite's PRAGMAs
async def test_app_database_settings(app, db):
    assert (await db.fetchval("PRAGMA journal_mode")).lower() == "wal"
    assert await db.fetchval("PRAGMA foreign_keys") == 1
    assert await db.fetchval("PRAGMA busy_timeout") == 5000
    names = [
        r["version"]
        for r in await db.fetchall("SELECT version FROM schema_migrations ORDER BY version")
    ]
    assert names[:2] == ["0001", "0002"]


async def test_two_processes_migrating_at_once_apply_each_migration_once(tmp_path):
    path = tmp_path / "fresh.db"
    first, second = await Database.open(path), await Database.open(path)
    try:
        applied = await asyncio.gather(migrate(first), migrate(second))
        names = [name for run in applied for name in run]
        assert len(names) == len(set(names)) and "0001_foundation.sql" in names
        assert sorted(applied, key=len)[0] == []  # the second found everything done
        rows = await first.fetchval("SELECT COUNT(*) FROM schema_migrations")
        assert rows == len(names)
    finally:
        await first.close()
        await second.close()


async def test_an_async_write_function_is_refused_not_silently_committed(tmp_path):
    db = await Database.open(tmp_path / "async.db")
    try:
        await db.write(lambda conn: conn.execute("CREATE TABLE t (n INTEGER)"))

        async def wrong(conn):
            conn.execute("INSERT INTO t (n) VALUES (1)")

        with pytest.raises(TypeError, match="synchronous"):
            await db.write(wrong)
        assert await db.fetchval("SELECT COUNT(*) FROM t") == 0
        await db.write(
            lambda conn: conn.execute("INSERT INTO t (n) VALUES (2)")
        )  # the writer is fine
    finally:
        await db.close()
