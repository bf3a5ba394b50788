"""Job priorities (SPEC §8, §6.6): interactive work is claimed before bulk work,
so a long bulk queue never delays a submission."""

from __future__ import annotations

import time

import pytest

from app.services.platform import jobs
from tests.conftest import make_settings
from tests.factory import make_form, submit
from tests.helpers_platform import wait_until

BULK_JOBS = 5000


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path, workers=2)  # the real workers, as in production


@pytest.fixture(autouse=True)
def bulk_kind(monkeypatch):
    monkeypatch.setitem(
        jobs.JOB_KINDS, "bulk_slice", jobs.JobKind("tests.helpers_platform:bulk_slice", jobs.BULK)
    )


def queue_bulk(conn, count):
    for n in range(count):  # one transaction for all of them
        jobs.enqueue(conn, "bulk_slice", {"n": n})


async def count_jobs(db, kind, status):
    return await db.fetchval(
        "SELECT COUNT(*) FROM jobs WHERE kind = ? AND status = ?", (kind, status)
    )


def test_declared_kinds_have_known_priorities():
    assert {kind.priority for kind in jobs.JOB_KINDS.values()} <= set(jobs.PRIORITIES)
    for interactive in ("process_submission", "deliver_email"):
        assert jobs.JOB_KINDS[interactive].priority == jobs.INTERACTIVE


async def test_submission_starts_within_a_second_behind_5000_bulk_jobs(app, client, db, user):
    form = await make_form(user, flow_id="notify_only")
    await db.write(queue_bulk, BULK_JOBS)
    # the workers are busy with bulk work before the submission arrives
    await wait_until(lambda: count_jobs(db, "bulk_slice", "done"))

    began = time.monotonic()
    r = await submit(client, form["id"], {"email": "ada@corp.test", "name": "Ada"})
    assert r.status_code == 201, r.text
    sid = r.json()["submission_id"]

    async def started():
        return await db.fetchval(
            "SELECT status IN ('processing', 'processed') FROM submissions WHERE id = ?", (sid,)
        )

    await wait_until(started, timeout=5)
    waited = time.monotonic() - began
    assert waited < 1.0, f"the submission waited {waited:.2f} s behind bulk jobs"
    # it jumped the queue: most bulk jobs are still waiting
    assert await count_jobs(db, "bulk_slice", "queued") > BULK_JOBS // 2
    job = await db.fetchone("SELECT priority FROM jobs WHERE kind = 'process_submission'")
    assert job["priority"] == jobs.INTERACTIVE


async def test_bulk_jobs_run_when_no_interactive_work_is_due(app, db):
    await db.write(queue_bulk, 3)
    await db.write(jobs.enqueue, "process_submission", {"submission_id": "sub_none"}, delay=3600)
    await wait_until(lambda: _all_bulk_done(db, 3))
    assert await count_jobs(db, "process_submission", "queued") == 1  # not due yet: untouched


async def _all_bulk_done(db, expected):
    return await count_jobs(db, "bulk_slice", "done") == expected
