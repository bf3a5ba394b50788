"""Helpers for the platform tests: apps with custom settings and test-only job kinds."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

from app.main import create_app
from app.services.events.log import emit
from app.services.platform import jobs
from tests.conftest import make_settings


@asynccontextmanager
async def running_app(tmp_path, **overrides):
    """An app with its lifespan entered, built from make_settings(**overrides)."""
    application = create_app(make_settings(tmp_path, **overrides))
    async with application.router.lifespan_context(application):
        yield application


async def wait_until(predicate, timeout: float = 5.0, step: float = 0.02):
    """Poll an async predicate until it is truthy; fails the test on timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(step)


# -- test job kinds ------------------------------------------------------------
# Registered into jobs.JOB_KINDS by the ``test_kinds`` fixture of test_jobs.py.
CONTROL: dict = {}


async def record_job(ctx, payload):
    """Writes one event per run (a catalogued type; test_jobs reads the workspace's
    events), through the fenced ctx.write."""
    await ctx.write(
        emit,
        "ws_jobs_test",
        "note_added",
        details={
            "n": payload.get("n"),
            "job_id": ctx.job.id,
            "attempt": ctx.job.attempts,
            "worker": CONTROL.get("worker"),
        },
    )


async def failing_job(ctx, payload):
    raise RuntimeError(f"boom on attempt {ctx.job.attempts}")


async def retry_later_job(ctx, payload):
    if ctx.job.attempts == 1:
        raise jobs.RetryLater(5, "not yet")
    await record_job(ctx, payload)


async def gated_job(ctx, payload):
    """Waits for CONTROL['gate'] (an asyncio.Event) before writing its result."""
    CONTROL.setdefault("started", []).append(ctx.job.attempts)
    await CONTROL["gate"].wait()
    await record_job(ctx, payload)


async def slow_job(ctx, payload):
    CONTROL.setdefault("started", []).append(ctx.job.attempts)
    await asyncio.sleep(payload["seconds"])
    await record_job(ctx, payload)


async def hang_first_job(ctx, payload):
    """Hangs on its first attempt (until cancelled), completes on the next."""
    CONTROL.setdefault("started", []).append(ctx.job.attempts)
    if len(CONTROL["started"]) == 1:
        await asyncio.Event().wait()
    await record_job(ctx, payload)


TEST_KINDS = {
    name: jobs.JobKind(f"tests.helpers_platform:{name}")
    for name in (
        "record_job",
        "failing_job",
        "retry_later_job",
        "gated_job",
        "slow_job",
        "hang_first_job",
    )
}


async def bulk_slice(ctx, payload):
    """Stands in for one slice of a bulk send: a little work, then done."""
    await asyncio.sleep(0.02)
