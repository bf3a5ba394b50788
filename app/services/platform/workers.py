"""Background workers and the scheduler, started and stopped by the lifespan."""

from __future__ import annotations

import asyncio
import logging
import os
import socket

from app.db import clock
from app.services.platform.jobs import claim_job, enqueue, hand_back, run_job

log = logging.getLogger("formagent.workers")


class Workers:
    def __init__(self, db, settings, state):
        self.db, self.settings, self.state = db, settings, state
        self.tasks: list[asyncio.Task] = []
        self._wake = asyncio.Event()
        self._unsubscribe = None
        self.running = False
        self.name = f"{socket.gethostname()}:{os.getpid()}"

    def start(self) -> None:
        self.running = True
        self._unsubscribe = self.db.on_signal("jobs", self._wake.set)
        for n in range(self.settings.workers):
            self.tasks.append(
                asyncio.create_task(self._work(f"{self.name}:w{n}"), name=f"worker-{n}")
            )
        if self.settings.scheduler_interval > 0:
            self.tasks.append(asyncio.create_task(self._schedule(), name="scheduler"))

    async def stop(self) -> None:
        self.running = False
        if self._unsubscribe:
            self._unsubscribe()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        self.tasks = []

    @property
    def alive(self) -> bool:
        """Started, not stopped, and no loop has died (readiness, SPEC §2)."""
        return self.running and all(not t.done() for t in self.tasks)

    async def _claim(self, worker_id: str):
        # A claim cancelled mid-flight still commits on the writer thread: wait
        # for it and hand the job back, rather than leave it leased to nobody.
        claim = asyncio.ensure_future(claim_job(self.db, self.settings, worker_id))
        try:
            return await asyncio.shield(claim)
        except asyncio.CancelledError:
            await asyncio.wait([claim])
            if not claim.cancelled() and claim.exception() is None and claim.result() is not None:
                await hand_back(self.db, claim.result())
            raise

    async def _work(self, worker_id: str) -> None:
        while True:
            # Cleared before the claim: a job queued while we look is not missed.
            self._wake.clear()
            try:
                job = await self._claim(worker_id)
                if job is not None:
                    await run_job(self.db, self.settings, self.state, job)
                    continue
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("worker %s: unexpected error", worker_id)
            try:
                await asyncio.wait_for(self._wake.wait(), self.settings.worker_poll_seconds)
            except TimeoutError:
                pass

    async def _schedule(self) -> None:
        """Queue one scheduler tick per interval; the dedupe key makes it once across processes."""
        interval = self.settings.scheduler_interval
        while True:
            tick = int(clock.utcnow().timestamp() // interval)
            try:
                await self.db.write(
                    enqueue,
                    "scheduler_tick",
                    {"tick": tick},
                    dedupe_key=f"scheduler_tick:{tick}",
                    max_attempts=1,
                )
            except Exception:
                log.exception("scheduler: could not queue a tick")
            await asyncio.sleep(interval - (clock.utcnow().timestamp() % interval))
