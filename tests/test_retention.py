"""Retention (SPEC §19): the workspace says how long spam logs (30 days unless told)
and submissions (kept for good unless told) are kept; the periodic task enforces it,
with the analytics rollups left as they are."""

from __future__ import annotations

import itertools

from app.db import loads
from app.services.platform.jobs import enqueue
from tests.factory import make_form, submit, submitted
from tests.helpers import drain_jobs, soup

_ticks = itertools.count(1)


async def tick(app) -> None:
    """One scheduler tick (every periodic task), run inline."""
    await app.state.db.write(enqueue, "scheduler_tick", {"tick": f"retention-{next(_ticks)}"})
    await drain_jobs(app)


async def _spam_row(user, form_id: str, email: str) -> None:
    await submitted(user, form_id, {"email": email, "name": "First"})
    assert (await submit(user, form_id, {"email": email, "name": "Again"})).status_code == 409


async def _rollups(db) -> list:
    daily = await db.fetchall("SELECT * FROM analytics_daily ORDER BY day, form_id, source")
    totals = await db.fetchall("SELECT * FROM analytics_totals_daily ORDER BY day")
    return [daily, totals]


async def _settings(user) -> dict:
    r = await user.api.get("/api/workspaces")
    assert r.status_code == 200, r.text
    return next(w for w in r.json()["data"] if w["id"] == user.workspace_id)["settings"]


async def _spam_count(db, ws) -> int:
    return await db.fetchval("SELECT COUNT(*) FROM spam_log WHERE workspace_id = ?", (ws,))


async def test_spam_logs_and_submissions_go_when_their_time_is_up(app, db, user, freeze_clock):
    r = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"spam_log_days": 7, "submission_retention_months": 1}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["settings"]["spam_log_days"] == 7
    form = await make_form(user)
    await _spam_row(user, form["id"], "old@example.org")
    old = (await db.fetchall("SELECT id FROM submissions"))[0]["id"]
    await drain_jobs(app)
    rollups = await _rollups(db)

    freeze_clock.advance(days=6)
    await tick(app)
    assert await _spam_count(db, user.workspace_id) == 1  # 6 days: kept

    freeze_clock.advance(days=2)
    await tick(app)
    assert await _spam_count(db, user.workspace_id) == 0  # 8 days: gone
    assert await _rollups(db) == rollups  # "spam blocked" still counts it
    fresh = await submitted(user, form["id"], {"email": "new@example.org", "message": "Fresh one"})
    await drain_jobs(app)
    rollups = await _rollups(db)  # the fresh submission counts from here on

    freeze_clock.advance(days=25)  # the first submission is 33 days old, the fresh one 25
    await tick(app)
    cleared = await db.fetchone(
        "SELECT data, meta, ip, status FROM submissions WHERE id = ?", (old,)
    )
    assert loads(cleared["data"]) == {"email": "[erased]", "name": "[erased]"}
    assert loads(cleared["meta"])["removed_by_retention"] is True
    assert cleared["ip"] is None and cleared["status"] == "processed"
    kept = await db.fetchone("SELECT data FROM submissions WHERE id = ?", (fresh,))
    assert loads(kept["data"])["message"] == "Fresh one"
    assert await _rollups(db) == rollups
    received = await db.fetchone(
        "SELECT details FROM events WHERE submission_id = ? AND type = 'submission_received'",
        (old,),
    )
    assert "old@example.org" not in received["details"]

    await tick(app)  # the checkpoint: nothing is read or changed twice
    assert (
        loads((await db.fetchone("SELECT data FROM submissions WHERE id = ?", (fresh,)))["data"])[
            "message"
        ]
        == "Fresh one"
    )


async def test_defaults_keep_spam_30_days_and_submissions_for_good(app, db, user, freeze_clock):
    settings = await _settings(user)
    assert (settings["spam_log_days"], settings["submission_retention_months"]) == (30, None)
    form = await make_form(user)
    await _spam_row(user, form["id"], "spam@example.org")
    freeze_clock.advance(days=29)
    await tick(app)
    assert await _spam_count(db, user.workspace_id) == 1
    freeze_clock.advance(days=400)
    await tick(app)
    assert await _spam_count(db, user.workspace_id) == 0
    data = await db.fetchval("SELECT data FROM submissions")
    assert loads(data)["email"] == "spam@example.org"


async def test_the_settings_page_edits_retention_and_refuses_bad_values(app, user):
    page = await user.web.get("/settings/workspace")
    form = soup(page)
    assert form.select_one("#f-spam_log_days")["value"] == "30"
    assert form.select_one("#f-submission_retention_months")["value"] == ""
    values = {
        "name": "Acme Marketing",
        "timezone": "UTC",
        "currency": "USD",
        "spam_log_days": "0",
        "submission_retention_months": "soon",
    }
    bad = await user.post_form("/settings/workspace", values, page="/settings/workspace")
    assert bad.status_code == 422
    errors = soup(bad)
    assert "between 1 and 3650 days" in errors.select_one("#e-spam_log_days").text
    assert "between 1 and 120 months" in errors.select_one("#e-submission_retention_months").text
    good = await user.post_form(
        "/settings/workspace",
        {**values, "spam_log_days": "90", "submission_retention_months": "24"},
        page="/settings/workspace",
    )
    assert good.status_code == 303
    saved = await _settings(user)
    assert (saved["spam_log_days"], saved["submission_retention_months"]) == (90, 24)
    off = await user.api.put(
        f"/api/workspaces/{user.workspace_id}",
        json={"settings": {"submission_retention_months": None}},
    )
    assert off.json()["settings"]["submission_retention_months"] is None
    refused = await user.api.put(
        f"/api/workspaces/{user.workspace_id}", json={"settings": {"spam_log_days": 0}}
    )
    assert refused.status_code == 422
