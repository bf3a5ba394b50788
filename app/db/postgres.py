"""The Database handle on PostgreSQL 15 (SPEC §15): psycopg 3, a small pool.

The same synchronous ``fn(conn, ...)`` transaction functions as on SQLite run on
a pooled connection in a worker thread. Several write transactions run at once
(no single writer); each is SERIALIZABLE, so what SQLite's one writer made
serial (a check and the insert it guards, a counter read then bumped) stays
correct, and the serialization failures and deadlocks that isolation reports are
retried here a bounded number of times. Statements are translated once by the
dialect seam (``app.db.dialect``); rows are plain dicts, as on SQLite.

Wake-ups cross processes: a transaction's signals ("events", "jobs") are sent
with ``pg_notify`` inside it (so they arrive only if it commits), and every
process LISTENs and wakes its own streams and workers.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import logging
import os
import random
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import psycopg
import psycopg_pool
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper, Loader
from psycopg.rows import dict_row

from app.db.common import DatabaseShortcuts, RowShortcuts
from app.db.dialect import POSTGRES

log = logging.getLogger("formagent.db")

CHANNEL = "formagent"
# Serialization failures and deadlocks are retried for up to RETRY_SECONDS, then
# raised. A hot row (a round-robin position every routing updates) can make a
# transaction lose many times in a row under load; each retry waits a random while
# ("full jitter"), growing to at most MAX_BACKOFF, so the losers do not collide again
# in step.
RETRY_SECONDS = 15.0
MAX_BACKOFF = 0.1
UNIQUE_RETRIES = 2
_RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)


class _BoolDumper(Dumper):
    """Python bools as an untyped '1'/'0': an INTEGER column takes it as SQLite stores
    bools (0/1), and ``CASE WHEN ?`` reads it as a boolean."""

    oid = 0  # unknown: the server infers the type from where the parameter is used

    def dump(self, obj):
        return b"1" if obj else b"0"


class _NumericLoader(Loader):
    """SUM/AVG over integers answer NUMERIC: read back as int or float, as SQLite does
    (Decimal would not add to a float, nor serialise to JSON)."""

    def load(self, data):
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


def _configure(conn: psycopg.Connection) -> None:
    conn.adapters.register_dumper(bool, _BoolDumper)
    conn.adapters.register_loader("numeric", _NumericLoader)


def _params(params) -> tuple:
    """PostgreSQL text cannot hold NUL, which SQLite stores: it becomes U+FFFD (the
    replacement character) rather than failing the whole write."""
    if params is None:
        return ()
    values = tuple(params)
    if any(type(v) is str and "\x00" in v for v in values):
        return tuple(v.replace("\x00", "\ufffd") if type(v) is str else v for v in values)
    return values


class Cursor:
    """What services use of a sqlite3 cursor: fetchone/fetchall/rowcount/iteration."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor):
        self._cursor = cursor

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self):
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self):
        return self._cursor.description

    @property
    def lastrowid(self):
        raise NotImplementedError("lastrowid is SQLite-only: use RETURNING id")


class PgConn(RowShortcuts):
    """A pooled psycopg connection dressed as app.db.connection.Conn."""

    dialect = POSTGRES

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw
        self.signals: set[str] = set()

    def execute(self, sql: str, params=()) -> Cursor:
        cursor = self.raw.cursor()
        cursor.execute(POSTGRES.translate(sql), _params(params))
        return Cursor(cursor)

    def executemany(self, sql: str, seq) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(POSTGRES.translate(sql), [_params(p) for p in seq])
        return Cursor(cursor)

    @contextmanager
    def savepoint(self):
        """A statement that may fail (a unique key) without aborting the transaction."""
        self.raw.execute("SAVEPOINT formagent_sp")
        try:
            yield
        except BaseException:
            self.raw.execute("ROLLBACK TO SAVEPOINT formagent_sp")
            raise
        self.raw.execute("RELEASE SAVEPOINT formagent_sp")

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


class PostgresDatabase(DatabaseShortcuts):
    """Open with ``await Database.open("postgresql://…")``; close with ``await db.close()``."""

    dialect = POSTGRES

    def __init__(self, url: str, pool: psycopg_pool.ConnectionPool, size: int):
        self.url = url
        self.path = url
        self._pool = pool
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="pg")
        self._listeners: dict[str, list[Callable[[], None]]] = {}
        self._token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # this process's own notifies
        self._listen_task: asyncio.Task | None = None

    @classmethod
    async def open(cls, url: str, readers: int = 2) -> PostgresDatabase:
        size = max(4, readers + 4)
        pool = psycopg_pool.ConnectionPool(
            url,
            min_size=2,
            max_size=size,
            kwargs={"autocommit": True, "row_factory": dict_row},
            configure=_configure,
            open=False,
            name="formagent",
        )
        await asyncio.to_thread(pool.open, True, 30.0)
        db = cls(url, pool, size)
        db._listen_task = asyncio.get_running_loop().create_task(db._listen())
        return db

    async def close(self) -> None:
        if self._listen_task is not None:
            self._listen_task.cancel()
            await asyncio.gather(self._listen_task, return_exceptions=True)
        await asyncio.to_thread(self._pool.close)
        self._executor.shutdown(wait=False)

    async def _in_thread(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    # -- writes -------------------------------------------------------------
    def _transaction(self, fn: Callable, args, kwargs, isolation="SERIALIZABLE"):
        unique_retries, deadline = 0, time.monotonic() + RETRY_SECONDS
        for attempt in itertools.count():
            with self._pool.connection() as raw:
                conn = PgConn(raw)
                try:
                    raw.execute(f"BEGIN ISOLATION LEVEL {isolation}")
                    result = fn(conn, *args, **kwargs)
                    if inspect.iscoroutine(result):
                        result.close()
                        raise TypeError(
                            f"db.write needs a synchronous function, got a coroutine from {fn!r}"
                        )
                    if conn.signals:
                        payload = self._token + ":" + ",".join(sorted(conn.signals))
                        raw.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
                    raw.execute("COMMIT")
                    return result, frozenset(conn.signals)
                except _RETRYABLE:
                    _rollback(raw)
                    if time.monotonic() > deadline:
                        raise
                except pg_errors.UniqueViolation:
                    # Two transactions that each checked a key was free and then took it:
                    # a serialization anomaly PostgreSQL reports as a unique violation.
                    # Run again (now the other's row is visible and the check sees it);
                    # a key that is really taken fails the same way and is raised.
                    _rollback(raw)
                    unique_retries += 1
                    if isolation != "SERIALIZABLE" or unique_retries > UNIQUE_RETRIES:
                        raise
                except BaseException:
                    _rollback(raw)
                    raise
            log.debug("transaction retried after a serialization failure (attempt %d)", attempt + 1)
            time.sleep(random.uniform(0, min(MAX_BACKOFF, 0.002 * 2 ** min(attempt, 10))))  # noqa: S311

    async def write(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """Run ``fn(conn, *args, **kwargs)`` in one SERIALIZABLE transaction on a
        pooled connection (READ COMMITTED when ``fn`` is marked ``row_locking``);
        retried from the start on a serialization failure or deadlock."""
        isolation = "READ COMMITTED" if getattr(fn, "row_locking", False) else "SERIALIZABLE"
        return await self._write(fn, args, kwargs, isolation)

    async def write_schema(self, fn: Callable[..., Any], *args) -> Any:
        """The migration run: READ COMMITTED, so that once ``fn`` holds its advisory
        lock it sees what another process's run committed while it waited."""
        return await self._write(fn, args, {}, "READ COMMITTED")

    async def _write(self, fn, args, kwargs, isolation):
        task = asyncio.ensure_future(
            self._in_thread(self._transaction, fn, args, kwargs, isolation)
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
    def _read(self, fn, args, kwargs):
        with self._pool.connection() as raw:
            return fn(PgConn(raw), *args, **kwargs)

    async def read(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """Run ``fn(conn, *args)`` on a pooled connection (each statement autocommits)."""
        return await self._in_thread(self._read, fn, args, kwargs)

    # -- wake-ups -----------------------------------------------------------
    async def _listen(self) -> None:
        """Wake this process's listeners for signals other processes committed."""
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(self.url, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    async for notify in conn.notifies():
                        token, _, names = notify.payload.partition(":")
                        if token != self._token:
                            self._wake(names.split(","))
            except asyncio.CancelledError:
                raise
            except Exception:  # the server restarted: listen again (streams still poll meanwhile)
                log.warning("LISTEN connection lost; reconnecting", exc_info=True)
                await asyncio.sleep(1)


def _rollback(raw: psycopg.Connection) -> None:
    if raw.closed or raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        return
    try:
        raw.execute("ROLLBACK")
    except psycopg.Error:
        log.warning("ROLLBACK failed; the pool will discard the connection", exc_info=True)
