"""The Database handle: aiosqlite connections in WAL mode, or PostgreSQL
(``app.db.postgres``) when the target is a ``postgresql://`` URL."""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
import logging
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from json.encoder import c_make_encoder, encode_basestring
from pathlib import Path
from typing import Any

import aiosqlite

from app.db.checkpoint import WRITER_AUTOCHECKPOINT_PAGES, Checkpointer
from app.db.common import DatabaseShortcuts, RowShortcuts
from app.db.dialect import SQLITE, is_postgres_url

BUSY_TIMEOUT_MS = 5000
log = logging.getLogger("formagent.db")


def row_locking(fn):
    """Mark a transaction function whose correctness rests on row locks alone (one
    guarded UPDATE, a ``FOR UPDATE SKIP LOCKED`` claim): PostgreSQL runs it at READ
    COMMITTED instead of SERIALIZABLE, so the job queue's hot rows and ranges do not
    make every claim a serialization failure. SQLite runs every write serially anyway."""
    fn.row_locking = True
    return fn


class LeaseLost(Exception):
    """A job's fencing token no longer matches: another worker owns it now."""


class Conn(RowShortcuts, sqlite3.Connection):
    """sqlite3 connection that remembers which wake-up signals a transaction raised."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.signals: set[str] = set()

    dialect = SQLITE

    @contextmanager
    def savepoint(self):
        """A statement that may fail (a unique key) without aborting the transaction
        (PostgreSQL aborts the whole transaction on any error; SQLite does not)."""
        self.execute("SAVEPOINT formagent_sp")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK TO SAVEPOINT formagent_sp")
            raise
        self.execute("RELEASE SAVEPOINT formagent_sp")


def _dict_row(cursor, row):
    return {col[0]: value for col, value in zip(cursor.description, row, strict=True)}


def prebuilt_encoder(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode`` with its C encoder built once: JSONEncoder.encode builds a new
    one (and a dict for its circular-reference check) on every call, half the cost of
    encoding a submission's small dicts. Without that check a cycle ends in a
    RecursionError instead of a ValueError; what is encoded is never cyclic (parsed
    JSON, dicts built from it)."""
    if c_make_encoder is None or encoder.indent is not None or encoder.ensure_ascii:
        return encoder.encode  # a Python without the C accelerator, or options it skips
    c_encode = c_make_encoder(
        None,
        encoder.default,
        encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )

    def encode(value: Any) -> str:
        return "".join(c_encode(value, 0))

    return encode


_ENCODE = prebuilt_encoder(json.JSONEncoder(separators=(",", ":"), ensure_ascii=False))


def dumps(value: Any) -> str:
    return _ENCODE(value)


# NaN / Infinity stored before configs were checked read back as null: a value JSON
# cannot carry must not turn every later read of the row into a 500 (SPEC §13).
_DECODER = json.JSONDecoder(parse_constant=lambda _name: None)


def loads(value: str | None, default: Any = None) -> Any:
    if value is None or value == "":
        return default
    return _DECODER.decode(value)


async def _open(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(
        str(path), factory=Conn, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = _dict_row
    await conn.execute("PRAGMA journal_mode=WAL")
    await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA foreign_keys=ON")
    await conn.execute("PRAGMA synchronous=NORMAL")
    # Checkpoints run on their own thread (app/db/checkpoint.py), not inside a COMMIT.
    await conn.execute(f"PRAGMA wal_autocheckpoint={WRITER_AUTOCHECKPOINT_PAGES}")
    return conn


def _transaction(conn: Conn, fn: Callable, args, kwargs):
    """Returns (result, signals): the signals travel with the result, so a
    later transaction on the same connection cannot overwrite them."""
    conn.signals = set()
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = fn(conn, *args, **kwargs)
        if inspect.iscoroutine(result):  # an async fn would "commit" without having run
            result.close()
            raise TypeError(f"db.write needs a synchronous function, got a coroutine from {fn!r}")
        conn.execute("COMMIT")
    except BaseException:
        # Also after a failed COMMIT: never leave the writer inside a transaction,
        # or every later BEGIN would fail.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result, frozenset(conn.signals)


class Database(DatabaseShortcuts):
    """Open with ``await Database.open(path)``; close with ``await db.close()``."""

    def __init__(self, path: Path, writer, readers):
        self.path = Path(path)
        self._writer = writer
        self._readers = readers
        self._next_reader = itertools.cycle(readers)
        self._write_lock = asyncio.Lock()
        self._listeners: dict[str, list[Callable[[], None]]] = {}

    dialect = SQLITE

    @classmethod
    async def open(cls, path: Path | str, readers: int = 2) -> Database:
        """A SQLite file, or PostgreSQL for a ``postgresql://`` URL (same interface)."""
        if is_postgres_url(path):
            from app.db.postgres import PostgresDatabase

            return await PostgresDatabase.open(path, readers=readers)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await _open(path)
        reader_conns = [await _open(path) for _ in range(readers)]
        db = cls(path, writer, reader_conns)
        db._checkpointer = Checkpointer(path)
        db._checkpointer.start()
        return db

    async def close(self) -> None:
        checkpointer = getattr(self, "_checkpointer", None)
        if checkpointer is not None:
            await asyncio.to_thread(checkpointer.stop)
        for conn in [self._writer, *self._readers]:
            await conn.close()

    # -- writes -------------------------------------------------------------
    async def write(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """Run ``fn(conn, *args, **kwargs)`` in one ``BEGIN IMMEDIATE`` transaction.

        ``fn`` is synchronous and runs on the writer's thread; it commits when
        it returns and rolls back when it raises. Signals it raised (an event
        emitted, a job queued) wake their listeners after the commit.
        """
        async with self._write_lock:
            # Shielded: a cancelled caller must not release the lock (or lose the
            # wake-ups) while its transaction is still running on the writer thread.
            task = asyncio.ensure_future(
                self._writer._execute(_transaction, self._writer._conn, fn, args, kwargs)
            )
            try:
                result, signals = await asyncio.shield(task)
            except asyncio.CancelledError:
                await asyncio.wait([task])
                if not task.cancelled() and task.exception() is None:
                    self._wake(task.result()[1])
                raise
        self._wake(signals)
        return result

    async def write_schema(self, fn: Callable[..., Any], *args) -> Any:
        """The migration run (BEGIN IMMEDIATE already serialises it across processes)."""
        return await self.write(fn, *args)

    def _wake(self, signals) -> None:
        for name in signals:
            for listener in list(self._listeners.get(name, ())):
                try:
                    listener()
                except (
                    Exception
                ):  # the transaction is committed: a listener must not turn it into an error
                    log.exception("signal listener for %r failed", name)

    # -- reads --------------------------------------------------------------
    async def read(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """Run ``fn(conn, *args)`` on a reader's thread: several queries, one hop."""
        reader = next(self._next_reader)
        return await reader._execute(fn, reader._conn, *args, **kwargs)
