"""Group commit for the public submission endpoint (SPEC §14).

SQLite has one writer, and each ``db.write`` costs a hop to the writer thread
and back; under load the writer sat idle between transactions while the event
loop was busy. Submissions that arrive while a transaction is running are
queued here and written together in the next one; a failure undoes only its own
submission's rows and answers only its own request, and nobody is answered before
the shared COMMIT. All-or-nothing per submission holds: a submission is stored with
its contact changes, events and job, or not at all.

How a failure stays its own: on PostgreSQL each submission runs inside its own
SAVEPOINT. On SQLite a SAVEPOINT makes every page the submission then changes be
copied into a sub-journal first, which was most of the writer's time per submission
(about 110 of 250 µs, measured), so the submissions of a batch first run side by
side with none. One refused before it wrote anything (404, 410, 403 at its first
steps) is answered alone; any other failure rolls the whole transaction back and the
batch runs again, this time each submission in its own savepoint (``isolated``).
Nobody was answered yet, and every decision is made again against the database.

Only requests in flight live here; every decision (limits, duplicates,
round-robin) is made against the database inside the transaction, so several
server processes still agree.
"""

from __future__ import annotations

import asyncio
import weakref

from app.db.errors import RetryTransaction
from app.errors import AppError
from app.services.analytics.counters import Counts
from app.services.capture.pipeline import Incoming, Outcome, pipeline_tx, pre_check

MAX_BATCH = 64
_BATCHERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Isolate(Exception):
    """An item failed after it wrote: run the batch again, each item in a savepoint."""


def batch_tx(conn, items: list[Incoming], isolated: bool = False) -> list:
    """Each item in its own savepoint (``isolated``, and always on PostgreSQL, whose
    savepoints copy nothing) or side by side (SQLite, the first try); returns an Outcome
    or the exception per item. The rollup counts of the items that stay are added up and
    written once, before the COMMIT (one upsert per rollup row instead of one per
    submission)."""
    results, counts = [], Counts()
    conn.capture_memo = {}  # look-ups this transaction cannot change (fanout._endpoints)
    try:
        if isolated or conn.dialect.name != "sqlite":
            _run_isolated(conn, items, results, counts)
        else:
            _run_together(conn, items, results, counts)
    finally:
        conn.capture_memo = None
    counts.write_tx(conn)
    return results


def _run_together(conn, items: list[Incoming], results: list, counts: Counts) -> None:
    for item in items:
        written = conn.total_changes
        mine = Counts()
        try:
            results.append(pipeline_tx(conn, item, mine))
        except AppError as exc:
            if conn.total_changes != written:
                raise Isolate from exc
            results.append(exc)  # refused before it wrote anything: nothing to undo
        except Exception as exc:
            raise Isolate from exc
        else:
            counts.merge(mine)


def _run_isolated(conn, items: list[Incoming], results: list, counts: Counts) -> None:
    for item in items:
        conn.execute("SAVEPOINT capture_item")
        mine = Counts()
        try:
            results.append(pipeline_tx(conn, item, mine))
        except RetryTransaction:  # PostgreSQL: the whole batch runs again
            raise
        except Exception as exc:  # this item only: undo its writes, report its error
            conn.execute("ROLLBACK TO capture_item")
            results.append(exc)
        else:
            counts.merge(mine)
        conn.execute("RELEASE capture_item")


async def write_batch(db, items: list[Incoming]) -> list:
    """batch_tx in one write transaction; again with a savepoint per item when an item
    failed after writing (the first transaction rolled back whole)."""
    try:
        return await db.write(batch_tx, items)
    except Isolate:
        return await db.write(batch_tx, items, True)


class Batcher:
    def __init__(self, db):
        self.db = db
        self.pending: list[tuple[Incoming, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def submit(self, item: Incoming) -> Outcome:
        pre_check(item)  # parsing and validation off the writer thread
        future = asyncio.get_running_loop().create_future()
        self.pending.append((item, future))
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self.pending:
            batch, self.pending = self.pending[:MAX_BATCH], self.pending[MAX_BATCH:]
            try:
                results = await write_batch(self.db, [item for item, _ in batch])
            except (
                BaseException
            ) as exc:  # the COMMIT failed (or shutdown): nothing of the batch is stored
                for _, future in batch:
                    if not future.done():
                        future.set_exception(
                            exc if isinstance(exc, Exception) else RuntimeError("stopped")
                        )
                if not isinstance(exc, Exception):
                    raise
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue  # the client went away; its submission is stored all the same
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)


async def submit(db, item: Incoming) -> Outcome:
    """Run the capture pipeline for ``item``, sharing a transaction with concurrent ones."""
    batcher = _BATCHERS.get(db)
    if batcher is None:
        batcher = _BATCHERS[db] = Batcher(db)
    return await batcher.submit(item)
