"""The durable jobs table and its workers (SPEC §6.6): claim, lease, fencing,
retry with backoff, dead letters, shutdown hand-back, scheduler ticks."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from app.db import Database, LeaseLost, loads
from app.db.clock import iso
from app.services.events.log import emit
from app.services.platform import jobs
from app.services.platform.workers import Workers
from tests.helpers import drain_jobs
from tests.helpers_platform import CONTROL, TEST_KINDS, running_app, wait_until


@pytest.fixture(autouse=True)
def test_kinds(monkeypatch):
    for kind, target in TEST_KINDS.items():
        monkeypatch.setitem(jobs.JOB_KINDS, kind, target)
    CONTROL.clear()
    yield
    CONTROL.clear()


async def enqueue(db, kind, payload=None, **kw):
    return await db.write(jobs.enqueue, kind, payload or {}, **kw)


async def job_row(db, job_id):
    return await db.fetchone("SELECT * FROM jobs WHERE id = ?", (job_id,))


async def runs(db):
    # record_job's events (the only notes in the ws_jobs_test workspace)
    rows = await db.fetchall(
        "SELECT details FROM events WHERE workspace_id = 'ws_jobs_test' AND type = 'note_added'"
        " ORDER BY seq"
    )
    return [loads(r["details"]) for r in rows]


async def test_job_runs_and_completes(app, db):
    job_id = await enqueue(db, "record_job", {"n": 1})
    assert await drain_jobs(app) == 1
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"], row["lease_until"], row["locked_by"]) == (
        "done",
        1,
        None,
        None,
    )
    assert row["finished_at"] is not None
    assert [r["n"] for r in await runs(db)] == [1]
    assert await drain_jobs(app) == 0  # nothing runs twice


async def test_failure_retries_with_doubling_backoff(freeze_clock, app, db, monkeypatch):
    base = app.state.settings.retry_base_seconds
    job_id = await enqueue(db, "failing_job", max_attempts=5)

    assert await drain_jobs(app) == 1
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"]) == ("queued", 1)
    assert row["run_at"] == iso(freeze_clock.now + timedelta(seconds=base))
    assert "boom on attempt 1" in row["last_error"]
    assert await drain_jobs(app) == 0  # not due before its backoff

    freeze_clock.advance(base)
    assert await drain_jobs(app) == 1
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"]) == ("queued", 2)
    assert row["run_at"] == iso(freeze_clock.now + timedelta(seconds=2 * base))

    freeze_clock.advance(2 * base)
    assert await drain_jobs(app) == 1
    assert (await job_row(db, job_id))["run_at"] == iso(
        freeze_clock.now + timedelta(seconds=4 * base)
    )


async def test_dead_after_max_attempts_emits_job_dead(freeze_clock, app, db, monkeypatch):
    job_id = await enqueue(db, "failing_job", workspace_id="ws_jobs_test", max_attempts=3)
    for _ in range(3):
        assert await drain_jobs(app) == 1
        freeze_clock.advance(60)
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"]) == ("dead", 3)
    assert "boom on attempt 3" in row["last_error"]
    assert await drain_jobs(app) == 0
    events = await db.fetchall(
        "SELECT details FROM events WHERE type = 'job_dead' AND workspace_id = 'ws_jobs_test'"
    )
    assert len(events) == 1
    details = loads(events[0]["details"])
    assert details["job_id"] == job_id and details["kind"] == "failing_job"
    assert "boom on attempt 3" in details["error"]


async def test_crashed_worker_job_runs_again_after_lease_expires(
    freeze_clock, app, db, monkeypatch
):
    settings = app.state.settings
    job_id = await enqueue(db, "record_job", {"n": 7})
    crashed = await jobs.claim_job(
        db, settings, "worker-that-crashes"
    )  # claims, then never finishes
    assert crashed.id == job_id and crashed.attempts == 1
    assert await drain_jobs(app) == 0  # the lease still holds

    freeze_clock.advance(settings.job_lease_seconds + 1)
    assert await drain_jobs(app) == 1
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"]) == ("done", 2)
    assert [(r["n"], r["attempt"]) for r in await runs(db)] == [(7, 2)]


async def test_crash_on_last_attempt_ends_dead_not_run_again(freeze_clock, app, db, monkeypatch):
    job_id = await enqueue(db, "record_job", workspace_id="ws_jobs_test", max_attempts=1)
    await jobs.claim_job(db, app.state.settings, "crashes")
    freeze_clock.advance(app.state.settings.job_lease_seconds + 1)
    await drain_jobs(app)
    assert (await job_row(db, job_id))["status"] == "dead"
    assert await runs(db) == []
    assert await db.fetchval("SELECT COUNT(*) FROM events WHERE type = 'job_dead'") == 1


async def test_fencing_expired_worker_cannot_write_or_complete(freeze_clock, app, db, monkeypatch):
    settings = app.state.settings
    CONTROL["gate"] = asyncio.Event()
    job_id = await enqueue(db, "gated_job", {"n": 1})

    stale = await jobs.claim_job(db, settings, "slow-worker")
    stale_run = asyncio.create_task(jobs.run_job(db, settings, app.state, stale))
    await wait_until(lambda: _true(CONTROL.get("started")))

    freeze_clock.advance(settings.job_lease_seconds + 1)  # the slow worker's lease expires...
    fresh = await jobs.claim_job(db, settings, "other-worker")  # ...and another worker re-claims
    assert fresh.id == job_id and fresh.attempts == 2
    fresh_run = asyncio.create_task(jobs.run_job(db, settings, app.state, fresh))

    CONTROL["gate"].set()
    assert await fresh_run == "done"
    assert await stale_run == "lost"  # its ctx.write raised LeaseLost

    assert [r["attempt"] for r in await runs(db)] == [2]  # only the owner's result was written
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"]) == ("done", 2)

    # The stale token cannot write, complete or renew anything afterwards either.
    ctx = jobs.JobContext(db, settings, app.state, stale)
    with pytest.raises(LeaseLost):
        await ctx.write(emit, "ws_jobs_test", "note_added", details={"attempt": 1})
    assert await db.write(jobs._finish, stale, "done") is False
    assert await db.write(jobs._renew, stale, 30) is False
    assert len(await runs(db)) == 1


async def _true(value):
    return bool(value)


async def test_lease_renewal_keeps_a_long_job_alive(tmp_path, monkeypatch):
    monkeypatch.setitem(jobs.JOB_KINDS, "slow_job", TEST_KINDS["slow_job"])
    async with running_app(tmp_path, job_lease_seconds=0.3) as application:
        db, settings = application.state.db, application.state.settings
        job_id = await enqueue(db, "slow_job", {"seconds": 1.0, "n": 1})
        run = asyncio.create_task(drain_jobs(application))
        await wait_until(lambda: _true(CONTROL.get("started")))
        # Three lease lengths pass while it runs; nobody else may claim it.
        for _ in range(8):
            await asyncio.sleep(0.1)
            assert await jobs.claim_job(db, settings, "thief") is None
        assert await run == 1
        row = await job_row(db, job_id)
        assert (row["status"], row["attempts"]) == ("done", 1)
        assert CONTROL["started"] == [1]


async def test_retry_later_requeues_without_using_an_attempt(freeze_clock, app, db, monkeypatch):
    job_id = await enqueue(db, "retry_later_job", {"n": 3}, max_attempts=2)
    assert await drain_jobs(app) == 1
    row = await job_row(db, job_id)
    assert (row["status"], row["attempts"], row["last_error"]) == ("queued", 1, "not yet")
    assert row["run_at"] == iso(freeze_clock.now + timedelta(seconds=5))
    assert row["max_attempts"] == 3  # the re-queue did not eat into the failure budget
    freeze_clock.advance(4)
    assert await drain_jobs(app) == 0
    freeze_clock.advance(1)
    assert await drain_jobs(app) == 1
    assert (await job_row(db, job_id))["status"] == "done"
    assert [r["n"] for r in await runs(db)] == [3]


async def test_dedupe_key_enqueues_once(app, db):
    first = await enqueue(db, "record_job", {"n": 1}, dedupe_key="once")
    second = await enqueue(db, "record_job", {"n": 2}, dedupe_key="once")
    assert first is not None and second is None
    assert await db.fetchval("SELECT COUNT(*) FROM jobs WHERE dedupe_key = 'once'") == 1
    await drain_jobs(app)
    assert [r["n"] for r in await runs(db)] == [1]


async def test_two_claimers_never_run_the_same_job(app, db):
    settings = app.state.settings
    for n in range(120):
        await enqueue(db, "record_job", {"n": n})
    other = await Database.open(settings.db_path)  # a second process's handle on the same file
    try:
        counts = await asyncio.gather(
            jobs.run_due_jobs(db, settings, app.state, "worker-a"),
            jobs.run_due_jobs(other, settings, app.state, "worker-b"),
        )
    finally:
        await other.close()
    assert sum(counts) == 120
    done = await runs(db)
    assert sorted(r["n"] for r in done) == list(range(120))  # each job exactly once
    assert {r["attempt"] for r in done} == {1}
    assert (
        await db.fetchval("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 1") == 120
    )


async def test_worker_shutdown_hands_a_running_job_back(tmp_path, monkeypatch):
    async with running_app(tmp_path, workers=1, job_lease_seconds=30) as application:
        db = application.state.db
        job_id = await enqueue(db, "hang_first_job", {"n": 5}, max_attempts=5)
        await wait_until(lambda: _true(CONTROL.get("started")))
        await application.state.workers.stop()
        row = await job_row(db, job_id)
        # Back in the queue at once (no 30 s lease wait), with its attempt budget intact.
        assert (row["status"], row["lease_until"], row["locked_by"]) == ("queued", None, None)
        assert (row["attempts"], row["max_attempts"]) == (1, 6)
        assert row["last_error"] == "worker stopped"
        assert await drain_jobs(application) == 1
        assert (await job_row(db, job_id))["status"] == "done"
        assert [r["n"] for r in await runs(db)] == [5]


async def test_scheduler_ticks_once_per_interval_across_two_processes(tmp_path):
    started = time.monotonic()
    async with running_app(tmp_path, scheduler_interval=0.2) as application:
        settings = application.state.settings
        other_db = await Database.open(settings.db_path)  # a second server process
        other = Workers(other_db, settings, application.state)
        other.start()
        try:
            await asyncio.sleep(1.1)
        finally:
            await other.stop()
            await other_db.close()
        rows = await application.state.db.fetchall(
            "SELECT payload, dedupe_key FROM jobs WHERE kind = 'scheduler_tick' ORDER BY run_at"
        )
        elapsed = time.monotonic() - started  # stopping the second process may take a while
    ticks = [loads(r["payload"])["tick"] for r in rows]
    assert len(ticks) == len(set(ticks))  # both schedulers tried every tick; each was queued once
    # about one per 0.2 s of the time both ran (a loaded machine may run a sleep late)
    most = int(elapsed / 0.2) + 2
    assert 3 <= len(ticks) <= most
    assert ticks == sorted(ticks) and ticks[-1] - ticks[0] <= most


async def test_scheduler_tick_runs_the_periodic_tasks(app, db, monkeypatch):
    import app.services.platform.scheduler as scheduler

    monkeypatch.setattr(
        scheduler, "PERIODIC_TASKS", ["tests.test_jobs:broken_task", "tests.test_jobs:probe_task"]
    )
    await enqueue(db, "scheduler_tick", {"tick": 1})
    assert await drain_jobs(app) == 1
    assert CONTROL["periodic"] == [
        "scheduler_tick"
    ]  # a broken task does not starve the ones after it


async def broken_task(ctx):
    raise RuntimeError("periodic task failure")


async def probe_task(ctx):
    CONTROL.setdefault("periodic", []).append(ctx.job.kind)


async def test_readyz_reports_stopped_workers(app, client):
    r = await client.get("/readyz")
    assert r.status_code == 200 and r.json()["checks"] == {"database": "ok", "workers": "ok"}
    await app.state.workers.stop()
    r = await client.get("/readyz")
    assert r.status_code == 503
    assert r.json()["checks"]["workers"] == "stopped"
    assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_workers_process_jobs_in_the_background(tmp_path):
    async with running_app(tmp_path, workers=2) as application:
        db = application.state.db
        for n in range(20):
            await enqueue(db, "record_job", {"n": n})
        await wait_until(lambda: _count_runs(db, 20))
        assert sorted(r["n"] for r in await runs(db)) == list(range(20))


async def _count_runs(db, expected):
    return len(await runs(db)) == expected


@pytest.mark.sqlite_only  # reads SQLite's EXPLAIN QUERY PLAN
async def test_claim_uses_indexes_not_a_sort_of_every_due_job(app, db):
    # Each claim runs inside the write lock: a sort over 10 000 due jobs made
    # every claim ~12 ms; the claim must stay an index lookup.
    # The claim's own statement (one UPDATE); EXPLAIN does not run it.
    plan = await db.fetchall("EXPLAIN QUERY PLAN " + jobs._claim_sql(""), ("z",) * 6)
    details = " | ".join(r["detail"] for r in plan)
    assert "TEMP B-TREE" not in details and "jobs_lease" in details
    # one index seek per priority level, none of them a scan
    assert details.count("USING INDEX jobs_claim (status=? AND priority=? AND run_at<?)") == len(
        jobs.PRIORITIES
    )
    assert "SCAN" not in details
    for n in range(300):
        await enqueue(db, "record_job", {"n": n}, run_at=f"2020-01-01T00:00:{n % 60:02d}.000Z")
    first = await jobs.claim_job(db, app.state.settings, "w")
    assert first is not None
    assert (await job_row(db, first.id))[
        "run_at"
    ] == "2020-01-01T00:00:00.000Z"  # earliest due first


CHILD_WORKER = """
import asyncio, sys
sys.path.insert(0, {root!r})
from app.db import Database
from app.services.platform import jobs
from tests.conftest import make_settings
from tests.helpers_platform import CONTROL, TEST_KINDS
from pathlib import Path

async def main():
    jobs.JOB_KINDS.update(TEST_KINDS)
    CONTROL["worker"] = "child"
    settings = make_settings(Path({tmp!r}), db_path={db!r})  # the parent's database
    db = await Database.open(settings.db_path)
    print("ready", flush=True)
    sys.stdin.readline()
    count = await jobs.run_due_jobs(db, settings, None, "child-process")
    await db.close()
    print(count, flush=True)

asyncio.run(main())
"""


async def test_two_processes_drain_one_queue_each_job_once(app, db):
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    settings = app.state.settings
    for n in range(
        300
    ):  # 5 ms a job: 1.5 s for one worker alone, far longer than the parent's start
        await enqueue(db, "record_job", {"n": n, "pause": 0.005})
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD_WORKER.format(root=str(root), tmp=str(settings.data_dir), db=str(settings.db_path)),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=root,
    )
    assert (await asyncio.wait_for(child.stdout.readline(), 30)).strip() == b"ready"
    child.stdin.write(b"go\n")
    await child.stdin.drain()
    CONTROL["worker"] = "parent"
    mine = await jobs.run_due_jobs(db, settings, app.state, "parent-process")
    out, err = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == 0, err.decode()
    theirs = int(out.strip())
    assert mine + theirs == 300
    done = await runs(db)
    assert sorted(r["n"] for r in done) == list(range(300))  # each job ran exactly once
    assert {r["worker"] for r in done} == {"parent", "child"}  # and both processes took a share


async def test_shutdown_during_a_claim_hands_the_claimed_job_back(tmp_path, monkeypatch):
    import app.services.platform.workers as workers_module

    claimed = asyncio.Event()
    real_claim = workers_module.claim_job

    async def slow_claim(db, settings, worker_id):
        job = await real_claim(db, settings, worker_id)
        if job is not None:
            claimed.set()
            await asyncio.sleep(0.3)  # shutdown arrives while the claim is still on its way back
        return job

    monkeypatch.setattr(workers_module, "claim_job", slow_claim)
    async with running_app(tmp_path, workers=1, job_lease_seconds=30) as application:
        db = application.state.db
        job_id = await enqueue(db, "record_job", {"n": 1})
        await asyncio.wait_for(claimed.wait(), 5)
        await application.state.workers.stop()
        row = await job_row(db, job_id)
        assert (row["status"], row["locked_by"], row["max_attempts"]) == ("queued", None, 6)
        assert await runs(db) == []


async def test_old_done_jobs_are_purged_dead_ones_kept(freeze_clock, app, db, monkeypatch):
    old_done = await enqueue(db, "record_job", {"n": 1})
    old_dead = await enqueue(db, "failing_job", max_attempts=1)
    await drain_jobs(app)
    freeze_clock.advance(8 * 86400)
    recent = await enqueue(db, "record_job", {"n": 2})
    await drain_jobs(app)
    await enqueue(db, "scheduler_tick", {"tick": 1})
    await drain_jobs(app)
    remaining = {r["id"] for r in await db.fetchall("SELECT id FROM jobs")}
    assert old_done not in remaining
    assert {old_dead, recent} <= remaining


CHILD_SCHEDULER = """
import asyncio, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from app.db import Database
from app.services.platform.workers import Workers
from tests.conftest import make_settings

async def main():
    settings = make_settings(Path({tmp!r}), scheduler_interval=0.2)
    db = await Database.open(settings.db_path)
    print("ready", flush=True)
    sys.stdin.readline()
    workers = Workers(db, settings, None)
    workers.start()
    await asyncio.sleep(1.2)
    await workers.stop()
    await db.close()

asyncio.run(main())
"""


async def test_scheduler_ticks_once_with_a_second_os_process(tmp_path):
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    async with running_app(tmp_path) as application:  # migrates the database
        pass
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD_SCHEDULER.format(root=str(root), tmp=str(tmp_path)),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=root,
    )
    assert (await asyncio.wait_for(child.stdout.readline(), 30)).strip() == b"ready"
    async with running_app(tmp_path, scheduler_interval=0.2) as application:
        child.stdin.write(b"go\n")
        await child.stdin.drain()
        _, err = await asyncio.wait_for(child.communicate(), 30)
        assert child.returncode == 0, err.decode()
        rows = await application.state.db.fetchall(
            "SELECT payload FROM jobs WHERE kind = 'scheduler_tick'"
        )
    ticks = [loads(r["payload"])["tick"] for r in rows]
    assert len(ticks) == len(set(ticks)) and len(ticks) >= 3
