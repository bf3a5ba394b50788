"""The suite on PostgreSQL (SPEC §15): ``make test-postgres`` exports
FORMAGENT_TEST_POSTGRES (a throw-away server from scripts/pg_cluster.py) and every
test gets its own database, copied from a template database migrated once per test
process, so a test starts as fast as a fresh SQLite file and leaves nothing behind."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import uuid

SERVER = os.environ.get("FORMAGENT_TEST_POSTGRES")  # postgresql://…/postgres, or unset = SQLite

_template: str | None = None
_created: dict[object, str] = {}  # tmp_path → database URL, for the running test
_lock = threading.Lock()


@contextlib.contextmanager
def fresh_database(server: str):
    """A new, empty database on ``server`` (a postgresql://…/postgres URL) for the block."""
    import psycopg

    name = f"fresh_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _url(name: str) -> str:
    return SERVER.rsplit("/", 1)[0] + "/" + name


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(sql)


def _in_new_loop(coro_fn) -> None:
    """Run ``coro_fn()`` to completion on its own loop (the caller may be inside one)."""
    errors = []

    def run():
        try:
            asyncio.run(coro_fn())
        except BaseException as exc:  # re-raised in the caller
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


def _template_name() -> str:
    """A migrated database to copy from: one per test process (xdist worker)."""
    global _template
    if _template is None:
        from app.db import Database
        from app.db.migrate import migrate

        name = f"tpl_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{uuid.uuid4().hex[:6]}"
        _admin(f"CREATE DATABASE {name}")

        async def build():
            db = await Database.open(_url(name))
            try:
                await migrate(db)
            finally:
                await db.close()

        _in_new_loop(build)
        _template = name
    return _template


_free: list[str] = []  # clean databases of this test process, ready for the next test
_cleanup_sql: list[str] = []
_tables: set[str] = {"schema_migrations"}  # the migrated schema's; others a test made are dropped


def _cleanup_statements(url: str) -> list[str]:
    """Emptying every table (DELETE: TRUNCATE takes ~1 s for ~50 tables, copying a
    template as long) and restarting identity columns."""
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename <> 'schema_migrations' ORDER BY tablename"
            )
        ]
        identities = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"
        ).fetchall()
    _tables.update(tables)
    return (
        # Triggers and foreign keys off while emptying: any order, no rollup work.
        ["SET session_replication_role = replica", "SET lock_timeout = '5s'"]
        + [f"DELETE FROM {t}" for t in tables]
        + [f"ALTER TABLE {t} ALTER COLUMN {c} RESTART WITH 1" for t, c in identities]
    )


def database_for(key) -> str:
    """The URL of this test's database for ``key`` (its tmp_path): the same one for
    every Settings the test builds on that path, as SQLite's file would be."""
    with _lock:
        if key not in _created:
            if _free:
                _created[key] = _free.pop()
            else:
                name = f"t_{uuid.uuid4().hex[:12]}"
                _admin(f"CREATE DATABASE {name} TEMPLATE {_template_name()}")
                _created[key] = _url(name)
        return _created[key]


def release_test_databases() -> None:
    """Empty the databases the test used and keep them for the next tests; one that
    cannot be emptied (a connection still holds a lock) is dropped instead."""
    import psycopg

    with _lock:
        urls = list(_created.values())
        _created.clear()
    for url in urls:
        try:
            if not _cleanup_sql:
                _cleanup_sql.extend(_cleanup_statements(_url(_template_name())))
            with psycopg.connect(url) as conn:
                for sql in _cleanup_sql:
                    conn.execute(sql)
                for (table,) in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                ).fetchall():
                    if table not in _tables:
                        conn.execute(f"DROP TABLE {table} CASCADE")
            _free.append(url)
        except psycopg.Error:
            _admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")
