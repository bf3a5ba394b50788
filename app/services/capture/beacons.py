"""View / start beacons from embedded forms (SPEC §4, §9) into form_daily_stats.

Beacons arrive on every page view, so they are group-committed: requests that
arrive while a write is in flight are added up and written together in the
next transaction. Each request still answers only after its count is
committed, so nothing is lost on a crash and no process holds counts that
another would need.
"""

from __future__ import annotations

import asyncio
import re
import weakref

from app.db.clock import now_iso
from app.errors import ValidationError

BEACON_TYPES = {"view": "views", "start": "starts"}
VARIANT_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_BATCHERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def parse_beacon(body: dict) -> tuple[str, str]:
    kind, variant = body.get("type"), body.get("variant_id") or ""
    if not isinstance(kind, str) or kind not in BEACON_TYPES:
        raise ValidationError(fields={"type": 'Use "view" or "start".'})
    if variant and (not isinstance(variant, str) or not VARIANT_RE.match(variant)):
        raise ValidationError(fields={"variant_id": "Use the variant_id the schema gave you."})
    return kind, variant


def _bump_many(conn, counts: dict) -> None:
    for (workspace_id, form_id, variant_id, day), (views, starts) in counts.items():
        conn.execute(
            "INSERT INTO form_daily_stats (workspace_id, form_id, variant_id, day, views, starts)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (form_id, variant_id, day)"
            " DO UPDATE SET views = views + excluded.views, starts = starts + excluded.starts",
            (workspace_id, form_id, variant_id, day, views, starts),
        )


class _Batcher:
    """Counts arriving while a write is in flight go into the next one. Each request
    waits on a future of its own (a client that goes away cancels only its own wait,
    never the batch), resolved once the batch holding its count is committed."""

    def __init__(self, db):
        self.db, self.pending, self.waiters, self.running = db, {}, [], False

    async def add(self, key: tuple, column: str) -> None:
        views, starts = self.pending.get(key, (0, 0))
        self.pending[key] = (views + 1, starts) if column == "views" else (views, starts + 1)
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        self.waiters.append(waiter)
        if not self.running:
            self.running = True
            loop.create_task(self._run())
        await waiter

    async def _run(self) -> None:
        try:
            while self.waiters:
                batch, waiters = self.pending, self.waiters
                self.pending, self.waiters = {}, []
                try:
                    await self.db.write(_bump_many, batch)
                except BaseException as exc:  # every request of this batch gets the error
                    for waiter in waiters:
                        if not waiter.done():
                            waiter.set_exception(
                                exc if isinstance(exc, Exception) else RuntimeError("stopped")
                            )
                    if not isinstance(exc, Exception):
                        raise
                else:
                    for waiter in waiters:
                        if not waiter.done():
                            waiter.set_result(None)
        finally:
            self.running = False


async def record_beacon(db, entry: dict, kind: str, variant_id: str = "") -> None:
    """Count a view or a start for today (UTC); returns once it is committed."""
    batcher = _BATCHERS.get(db)
    if batcher is None:
        batcher = _BATCHERS[db] = _Batcher(db)
    key = (entry["workspace_id"], entry["form"]["id"], variant_id, now_iso()[:10])
    await batcher.add(key, BEACON_TYPES[kind])
