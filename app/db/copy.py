"""``formagent copy-db SRC DST``: move a database between SQLite and PostgreSQL.

Both sides are migrated first, so they have the same tables; DST must hold no
rows yet (a copy never merges into live data). Every table is copied as it is —
the rollups and the search rows too — with DST's triggers off while rows arrive
(they would count each submission twice), in one transaction on DST, streamed
in batches. Afterwards each table's row count on DST must equal SRC's, or the
copy is rolled back and the differences reported.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.db.dialect import is_postgres_url, to_postgres

BATCH = 2000
_SKIP = {"schema_migrations"}


class CopyError(Exception):
    pass


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise CopyError(f"unexpected table or column name {name!r}")
    return name


class _SQLite:
    name = "sqlite"

    def __init__(self, path):
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA foreign_keys=OFF")  # rows arrive table by table
        self._triggers: list[str] = []

    def tables(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
        # A virtual table (full-text index) is rebuilt from its source, not copied; nor
        # are the shadow tables that hold its data.
        return sorted(
            name
            for name, _sql in rows
            if name not in _SKIP and not any(name == v or name.startswith(v + "_") for v in virtual)
        )

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({_identifier(table)})")]

    def parents(self, table: str) -> set[str]:
        rows = self.conn.execute(f"PRAGMA foreign_key_list({_identifier(table)})").fetchall()
        return {r[2] for r in rows}

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {_identifier(table)}").fetchone()[0]

    def rows(self, table: str, columns: list[str]) -> Iterator[list[tuple]]:
        cursor = self.conn.execute(f"SELECT {', '.join(columns)} FROM {_identifier(table)}")
        while batch := cursor.fetchmany(BATCH):
            yield batch

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        # SQLite cannot switch triggers off: take them out for the copy and put
        # them back in the same transaction.
        self._triggers = [
            sql
            for (sql,) in self.conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL"
            )
        ]
        for (name,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall():
            self.conn.execute(f"DROP TRIGGER {_identifier(name)}")

    def insert(self, table: str, columns: list[str], batch: list[tuple]) -> None:
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608 - names from the schema
            batch,
        )

    def commit(self) -> None:
        for sql in self._triggers:
            self.conn.execute(sql)
        # Full-text indexes over a copied table are rebuilt from it (PostgreSQL's
        # trigram index has no rows of its own to copy).
        for (name,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        ).fetchall():
            self.conn.execute(f"INSERT INTO {_identifier(name)} ({name}) VALUES ('rebuild')")
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


class _Postgres:
    name = "postgresql"

    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)

    def tables(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
        return sorted(r[0] for r in rows if r[0] not in _SKIP)

    def columns(self, table: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
            (table,),
        ).fetchall()
        return [r[0] for r in rows]

    def parents(self, table: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT p.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
            " JOIN pg_class p ON p.oid = c.confrelid WHERE c.contype = 'f' AND t.relname = %s",
            (table,),
        ).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {_identifier(table)}").fetchone()[0]

    def rows(self, table: str, columns: list[str]) -> Iterator[list[tuple]]:
        with self.conn.transaction(), self.conn.cursor(name=f"copy_{table}") as cursor:
            cursor.execute(f"SELECT {', '.join(columns)} FROM {_identifier(table)}")
            while batch := cursor.fetchmany(BATCH):
                yield [tuple(_plain(v) for v in row) for row in batch]

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        for table in self.tables():
            self.conn.execute(f"ALTER TABLE {_identifier(table)} DISABLE TRIGGER USER")

    def insert(self, table: str, columns: list[str], batch: list[tuple]) -> None:
        marks = ", ".join("?" for _ in columns)
        sql = to_postgres(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})")
        with self.conn.cursor() as cursor:
            cursor.executemany(sql, batch)

    def commit(self) -> None:
        for table in self.tables():
            self.conn.execute(f"ALTER TABLE {_identifier(table)} ENABLE TRIGGER USER")
        # Identity columns continue after the highest copied value.
        for table, column in self.conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"
        ).fetchall():
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                f" COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.info.transaction_status != 0:  # not idle
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def _plain(value):
    """NUMERIC sums come back as Decimal from a raw psycopg connection."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _open(target):
    return _Postgres(target) if is_postgres_url(target) else _SQLite(Path(target))


def _order(side, tables: list[str]) -> list[str]:
    """Parents before children, so foreign keys hold as rows arrive."""
    ordered, placed = [], set()
    pending = {t: side.parents(t) & set(tables) - {t} for t in tables}
    while pending:
        ready = sorted(t for t, parents in pending.items() if parents <= placed)
        if not ready:
            raise CopyError(f"foreign keys form a cycle among {sorted(pending)}")
        for table in ready:
            ordered.append(table)
            placed.add(table)
            del pending[table]
    return ordered


async def _migrate(target) -> None:
    from app.db import Database
    from app.db.migrate import migrate

    db = await Database.open(target)
    try:
        await migrate(db)
    finally:
        await db.close()


def copy_database(src, dst, progress=print) -> dict[str, int]:
    """Copy every row of SRC into the empty DST; returns {table: rows}."""
    if str(src) == str(dst):
        raise CopyError("SRC and DST are the same database")
    if not is_postgres_url(src) and not Path(src).exists():
        raise CopyError(f"{src}: no such database file")
    for target in (src, dst):
        asyncio.run(_migrate(target))
    source, dest = _open(src), _open(dst)
    try:
        tables = source.tables()
        missing = sorted(set(tables) - set(dest.tables()))
        if missing:
            raise CopyError(f"DST has no table {', '.join(missing)}")
        busy = [t for t in dest.tables() if dest.count(t)]
        if busy:
            raise CopyError(
                f"DST is not empty ({', '.join(busy)} hold rows): copy into a new database"
            )
        counts = {}
        dest.begin()
        try:
            for table in _order(dest, tables):
                columns = [c for c in source.columns(table) if c in set(dest.columns(table))]
                copied = 0
                for batch in source.rows(table, columns):
                    dest.insert(table, columns, batch)
                    copied += len(batch)
                counts[table] = copied
                if copied:
                    progress(f"{table}: {copied} rows")
            wrong = {
                t: (source.count(t), dest.count(t))
                for t in tables
                if source.count(t) != dest.count(t)
            }
            if wrong:
                raise CopyError(
                    "row counts differ, nothing copied: "
                    + ", ".join(f"{t} {a} in SRC, {b} in DST" for t, (a, b) in wrong.items())
                )
            dest.commit()
        except BaseException:
            dest.rollback()
            raise
        return counts
    finally:
        source.close()
        dest.close()
