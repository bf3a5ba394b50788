"""The per-process live hub (SPEC §11, CONVENTIONS 16).

The events table is the log. One hub per Database (so one reader per
process, however many clients) follows it from a cursor over ``seq``: it is
woken at once by the in-process ``events`` signal after a commit, and polls
every ``events_poll_seconds`` for events other server processes wrote. Each
row goes to the subscribers of its own workspace whose filters match, through
a bounded per-client buffer: a client that falls behind is dropped (it
resumes from its last event id), never allowed to block the hub.

The hub runs only while someone listens, so an idle process reads nothing.
A resuming client first reads what it missed from the table (its own query,
once), then continues with the live feed; the seq numbers stitch the two.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import weakref

from app.services.events.queries import EventFilters, max_seq_tx, select_events_tx

log = logging.getLogger("formagent.live")

BATCH = 200  # rows per hub read; also the backlog page size
BUFFER = 1000  # events a client may have pending before it is dropped (> BATCH)

_HUBS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class SubscriptionDropped(Exception):
    """The client fell more than BUFFER events behind; it should resume from its last id."""


class Subscription:
    """One client's view: a workspace, filters, and a bounded buffer the hub fills."""

    def __init__(
        self,
        hub: Hub,
        workspace_id: str,
        filters: EventFilters,
        after_seq: int | None,
        start_seq: int,
    ):
        self.hub, self.workspace_id, self.filters = hub, workspace_id, filters
        self.start_seq = (
            start_seq  # live events are those after this; older ones come from the backlog
        )
        self.last_seq = after_seq if after_seq is not None else start_seq
        self.dropped = False
        self._items: collections.deque = collections.deque()
        self._ready = asyncio.Event()

    def offer(self, event: dict) -> None:
        """Called by the hub; never blocks."""
        if self.dropped:
            return
        if len(self._items) >= BUFFER:
            self.hub.drop(self)
            return
        self._items.append(event)
        self._ready.set()

    async def _backlog(self) -> list[dict]:
        """The next page of what was missed before this subscription went live."""
        if self.last_seq >= self.start_seq:
            return []
        return await self.hub.db.read(
            select_events_tx,
            self.workspace_id,
            self.filters,
            after_seq=self.last_seq,
            upto_seq=self.start_seq,
            limit=BATCH,
        )

    async def next_batch(self, timeout: float) -> list[dict]:
        """Events in seq order, each once; ``[]`` after ``timeout`` seconds of quiet
        (time for a heartbeat). Raises SubscriptionDropped for a slow client."""
        backlog = await self._backlog()
        if backlog:
            self.last_seq = backlog[-1]["seq"]
            return backlog
        if not self._items and not self.dropped:
            self._ready.clear()
            try:
                await asyncio.wait_for(self._ready.wait(), timeout)
            except TimeoutError:
                return []
        if self.dropped:
            raise SubscriptionDropped()
        batch = [e for e in self._items if e["seq"] > self.last_seq]
        self._items.clear()
        if batch:
            self.last_seq = batch[-1]["seq"]
        return batch

    def close(self) -> None:
        self.hub.unsubscribe(self)


class Hub:
    def __init__(self, db, poll_seconds: float):
        self.db = db
        self.poll_seconds = poll_seconds
        self.cursor = 0
        self._subs: dict[str, set[Subscription]] = {}
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self._unlisten = None
        self._start_lock = asyncio.Lock()

    @property
    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._subs.values())

    async def subscribe(
        self, workspace_id: str, filters: EventFilters | None = None, after_seq: int | None = None
    ) -> Subscription:
        """Listen to a workspace's events after ``after_seq`` (``None``: from now on)."""
        async with self._start_lock:
            if self._task is None:
                # Start from the end of the log: a fresh hub never replays history.
                self.cursor = await self.db.read(max_seq_tx)
                self._unlisten = self.db.on_signal("events", self._wake.set)
                self._task = asyncio.get_running_loop().create_task(self._run(), name="live-hub")
            sub = Subscription(
                self, workspace_id, filters or EventFilters(), after_seq, self.cursor
            )
            self._subs.setdefault(workspace_id, set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        subs = self._subs.get(sub.workspace_id)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[sub.workspace_id]
        if not self._subs:
            self._wake.set()  # let the reader notice it is alone and stop

    async def _run(self) -> None:
        try:
            while True:
                self._wake.clear()  # before reading: a commit during the read wakes the next round
                await self._pump()
                if self._stop_if_idle():
                    return
                try:
                    await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
                except TimeoutError:
                    pass
                if self._stop_if_idle():
                    return
        except Exception:
            log.exception("live hub stopped; dropping its subscribers so they reconnect")
            for sub in [s for subs in self._subs.values() for s in subs]:
                self.drop(sub)
            self._stop_if_idle(force=True)

    def drop(self, sub: Subscription) -> None:
        """Cut a client loose: its next read raises SubscriptionDropped."""
        sub.dropped = True
        sub._items.clear()
        sub._ready.set()
        self.unsubscribe(sub)

    def _stop_if_idle(self, force: bool = False) -> bool:
        # Synchronous with subscribe()'s check of self._task: no await in between.
        if self._subs and not force:
            return False
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self._task = None
        return True

    async def _pump(self) -> None:
        """Read everything after the cursor, in batches, and hand it out."""
        while self._subs:
            rows = await self.db.read(
                select_events_tx, None, None, after_seq=self.cursor, limit=BATCH
            )
            for event in rows:
                for sub in list(self._subs.get(event["workspace_id"], ())):
                    if sub.filters.matches(event):
                        sub.offer(event)
            if rows:
                self.cursor = rows[-1]["seq"]
            if len(rows) < BATCH:
                return
            await asyncio.sleep(0)  # let clients drain between batches


def hub_for(db, settings) -> Hub:
    """The hub of this process for this database (created on first use)."""
    hub = _HUBS.get(db)
    if hub is None:
        hub = _HUBS[db] = Hub(db, settings.events_poll_seconds)
    return hub


def subscriber_count(db, workspace_id: str | None = None) -> int:
    """Live subscriptions in this process: all of them, or one workspace's (a
    stream counts from the moment it can receive events)."""
    hub = _HUBS.get(db)
    if hub is None:
        return 0
    return hub.subscriber_count if workspace_id is None else len(hub._subs.get(workspace_id, ()))
