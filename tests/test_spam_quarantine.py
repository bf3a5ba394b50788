"""SPEC §19 quarantine: held submissions are stored but not processed; the spam page
explains each verdict; release processes it and lowers the form's weights, confirm
raises them (bounded, logged); quarantine is purged after 30 days."""

from __future__ import annotations

from types import SimpleNamespace

from app.services.capture.quarantine import purge_quarantine
from tests.factory import make_form, submitted
from tests.helpers import drain_jobs, soup

HOLD = {"blocked_words": ["viagra"]}  # blocked word: 60, between review 50 and block 100


async def _held(user, form_id: str, email: str = "held@corp.test") -> str:
    return await submitted(user, form_id, {"email": email, "message": "cheap viagra here"})


async def _job_count(db, sid: str) -> int:
    return await db.fetchval(
        "SELECT COUNT(*) FROM jobs WHERE kind = 'process_submission' AND payload LIKE ?",
        (f"%{sid}%",),
    )


async def _weights(user, form_id: str) -> dict:
    page = soup(await user.web.get(f"/forms/{form_id}/spam"))
    return {
        row["data-signal"]: row.select("td")[2].text.strip()
        for row in page.select("#weights tbody tr")
    }


async def test_a_quarantined_submission_is_stored_not_processed(app, db, user):
    form = await make_form(user, security=HOLD)
    sid = await _held(user, form["id"])
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["status"] == "quarantined" and item["contact_id"] is None
    assert await _job_count(db, sid) == 0
    assert await db.fetchval("SELECT COUNT(*) FROM contacts") == 0
    # out of the dashboard's default list, like spam; the API lists it with its status
    assert sid not in (await user.web.get("/submissions")).text
    listed = (await user.api.get("/api/submissions", params={"status": "quarantined"})).json()
    assert [s["id"] for s in listed["data"]] == [sid]
    # the page explains the verdict in sentences
    page = soup(await user.web.get(f"/forms/{form['id']}/spam"))
    held = page.select_one(f"#q-{sid}")
    assert held is not None and "held@corp.test" in held.text
    assert "It contains the blocked word “viagra”: +60." in held.select_one(".reasons").text
    api = (await user.api.get(f"/api/forms/{form['id']}/quarantine")).json()["data"]
    assert [h["id"] for h in api] == [sid] and api[0]["spam_score"] == 60


async def test_release_processes_it_and_lowers_the_weight(app, db, user):
    form = await make_form(user, security=HOLD)
    sid = await _held(user, form["id"])
    r = await user.api.post(f"/api/submissions/{sid}/release")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "received"
    assert body["weight_changes"] == [
        {"signal": "blocked_words", "old_weight": 60, "new_weight": 48.0}
    ]
    contact = await user.api.get(f"/api/contacts/{body['contact_id']}")
    assert contact.status_code == 200 and contact.json()["email"] == "held@corp.test"
    assert await _job_count(db, sid) == 1
    await drain_jobs(app)
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["status"] not in ("quarantined", "received") and item["contact_id"]
    assert (await _weights(user, form["id"]))["blocked_words"] == "48.0"
    # a second release: 409, nothing changes
    again = await user.api.post(f"/api/submissions/{sid}/release")
    assert again.status_code == 409 and again.json()["error"]["code"] == "not_quarantined"
    # the lowered weight now lets the same text through (48 < 50)
    passed = await submitted(user, form["id"], {"email": "b@corp.test", "message": "viagra"})
    assert (await user.api.get(f"/api/submissions/{passed}")).json()["status"] != "quarantined"


async def test_release_never_lowers_a_weight_below_half_its_default(app, db, user):
    form = await make_form(user, security={**HOLD, "review_threshold": 10})
    for i in range(5):
        sid = await _held(user, form["id"], f"r{i}@corp.test")
        assert (await user.api.post(f"/api/submissions/{sid}/release")).status_code == 200
    # 60 → 48 → 38.4 → 30.72 → 30 (floor) → 30: four changes logged, the fifth none
    assert (await _weights(user, form["id"]))["blocked_words"] == "30.0"
    page = soup(await user.web.get(f"/forms/{form['id']}/spam"))
    lines = [li.text for li in page.select("#tuning-log li")]
    assert len(lines) == 4
    assert "Contains a blocked word 30.7 → 30.0" in lines[0]
    assert "released a quarantined submission" in lines[0]


async def test_confirm_marks_spam_and_raises_the_weight_within_bounds(app, db, user):
    form = await make_form(user, security={**HOLD, "block_threshold": 1000})
    weights = []
    for i in range(5):
        sid = await _held(user, form["id"], f"c{i}@corp.test")
        r = await user.api.post(f"/api/submissions/{sid}/confirm-spam")
        assert r.status_code == 200 and r.json()["status"] == "spam"
        weights.append((await _weights(user, form["id"]))["blocked_words"])
    # 60 → 75 → 93.75 → 117.19 → 120 (ceiling: twice the default) → 120
    assert weights == ["75.0", "93.8", "117.2", "120.0", "120.0"]
    item = (await user.api.get(f"/api/submissions/{sid}")).json()
    assert item["status"] == "spam" and item["contact_id"] is None
    assert await _job_count(db, sid) == 0
    assert (await user.api.post(f"/api/submissions/{sid}/confirm-spam")).status_code == 409
    log = await db.fetchval("SELECT COUNT(*) FROM spam_tuning_log WHERE cause = 'confirmed'")
    assert log == 4


async def test_release_and_confirm_from_the_page(app, db, user):
    form = await make_form(user, security=HOLD)
    keep, drop = (
        await _held(user, form["id"], "k@corp.test"),
        await _held(user, form["id"], "d@corp.test"),
    )
    spam_page = f"/forms/{form['id']}/spam"
    r = await user.post_form(f"{spam_page}/{keep}/release", page=spam_page)
    assert r.status_code == 303
    r = await user.post_form(f"{spam_page}/{drop}/confirm", page=spam_page)
    assert r.status_code == 303
    statuses = {
        sid: (await user.api.get(f"/api/submissions/{sid}")).json()["status"]
        for sid in (keep, drop)
    }
    assert statuses == {keep: "received", drop: "spam"}
    page = soup(await user.web.get(spam_page))
    assert page.select("#quarantine li.quarantined") == []
    assert len(page.select("#tuning-log li")) == 2


async def test_another_workspace_cannot_see_or_release_it(app, two_workspaces):
    alice, bob = two_workspaces
    form = await make_form(alice, security=HOLD)
    sid = await _held(alice, form["id"])
    assert (await bob.api.post(f"/api/submissions/{sid}/release")).status_code == 404
    assert (await bob.api.post(f"/api/submissions/{sid}/confirm-spam")).status_code == 404
    assert (await bob.api.get(f"/api/forms/{form['id']}/quarantine")).status_code == 404
    item = (await alice.api.get(f"/api/submissions/{sid}")).json()
    assert item["status"] == "quarantined"


async def test_quarantine_is_purged_after_30_days(app, db, user, freeze_clock):
    form = await make_form(user, security=HOLD)
    old = await _held(user, form["id"], "old@corp.test")
    freeze_clock.advance(days=20)
    recent = await _held(user, form["id"], "new@corp.test")
    kept = await submitted(user, form["id"], {"email": "fine@corp.test"})
    freeze_clock.advance(days=11)
    ctx = SimpleNamespace(db=db, settings=app.state.settings)
    assert await purge_quarantine(ctx) == 1
    remaining = {r["id"] for r in await db.fetchall("SELECT id FROM submissions")}
    assert old not in remaining and {recent, kept} <= remaining
