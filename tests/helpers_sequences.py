"""Helpers for the sequence tests: a sequence made through the API, a scheduler tick."""

from __future__ import annotations

import itertools

from app.services.platform.jobs import enqueue
from tests.helpers import drain_jobs

_ticks = itertools.count(1)


def step(subject="Hello {{first_name|there}}", body="Hi {{first_name|there}},\nWelcome.", **kw):
    return {"subject": subject, "body": body, **kw}


async def make_sequence(who, *steps, **fields) -> dict:
    body = {"name": "Welcome series", "steps": list(steps), **fields}
    r = await getattr(who, "api", who).post("/api/sequences", json=body)
    assert r.status_code == 201, r.text
    return r.json()


async def enroll(who, sequence_id: str, contact_id: str, expect: int = 201) -> dict:
    r = await who.api.post(f"/api/sequences/{sequence_id}/enroll", json={"contact_id": contact_id})
    assert r.status_code == expect, r.text
    return r.json()


async def tick(app) -> None:
    """One scheduler tick (the periodic tasks, sequences' included), run inline."""
    await app.state.db.write(enqueue, "scheduler_tick", {"tick": next(_ticks)})
    await drain_jobs(app)


async def step_emails(db, enrollment_id: str) -> list[dict]:
    return await db.fetchall(
        "SELECT * FROM emails WHERE dedupe_key LIKE ? ORDER BY created_at, id",
        (f"{enrollment_id}:step:%",),
    )
