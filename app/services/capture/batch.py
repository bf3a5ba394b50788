"""Group commit for the public submission endpoint (SPEC §14).

SQLite has one writer, and each ``db.write`` costs a hop to the writer thread
and back; under load the writer sat idle between transactions while the event
loop was busy. Submissions that arrive while a transaction is running are
queued here and written together in the next one: each submission runs inside
its own SAVEPOINT (so a failure undoes only its own rows and answers only its
own request), and nobody is answered before the shared COMMIT. All-or-nothing
per submission holds: a submission is stored with its contact changes, events
and job, or not at all.

Only requests in flight live here; every decision (limits, duplicates,
round-robin) is made against the database inside the transaction, so several
server processes still agree.
"""

from __future__ import annotations

import asyncio
import weakref

from app.db.errors import RetryTransaction
from app.services.analytics.counters import Counts
from app.services.capture.pipeline import Incoming, Outcome, pipeline_tx, pre_check

MAX_BATCH = 64
_BATCHERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def batch_tx(conn, items: list[Incoming]) -> list:
    """Each item in its own savepoint; returns an Outcome or the exception per item.
    The rollup counts of the items that stay are added up and written once, before
    the COMMIT (one upsert per rollup row instead of one per submission)."""
    results, counts = [], Counts()
    conn.capture_memo = {}  # look-ups this transaction cannot change (fanout._endpoints)
    try:
        _run_items(conn, items, results, counts)
    finally:
        conn.capture_memo = None
    counts.write_tx(conn)
    return results


def _run_items(conn, items: list[Incoming], results: list, counts: Counts) -> None:
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
                results = await self.db.write(batch_tx, [item for item, _ in batch])
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
