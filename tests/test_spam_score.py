"""SPEC §19 spam score: each named signal moves the score by its documented weight,
and the thresholds decide pass, quarantine and block."""

from __future__ import annotations

import json

import pytest

from app.services.capture.spam_signals import SIGNALS
from tests.factory import make_form, submit, submitted
from tests.helpers import soup

# Thresholds high enough that every single signal is stored with the submission.
LENIENT = {"review_threshold": 500, "block_threshold": 1000, "max_submissions_per_ip": 100}

CASES = [
    # (signal, extra security settings, submitted data, expected score)
    ("too_fast", {}, {"email": "a@corp.test", "_elapsed": 800}, 40),
    ("pow_missing", {"challenge": "on"}, {"email": "a@corp.test"}, 60),
    (
        "pow_invalid",
        {"challenge": "on"},
        {
            "email": "a@corp.test",
            "_pow": {"salt": "ab", "difficulty": 12, "expires_at": "x", "sig": "y", "nonce": 1},
        },
        100,
    ),
    ("disposable_email", {}, {"email": "a@mailinator.com"}, 50),
    ("free_mail", {"free_mail": "score"}, {"email": "a@gmail.com"}, 20),
    ("links", {}, {"email": "a@corp.test", "message": "see http://a.test and www.b.test"}, 30),
    ("links", {}, {"email": "a@corp.test", "message": " ".join(["http://x.test"] * 6)}, 45),
    (
        "blocked_words",
        {"blocked_words": ["casino"]},
        {"email": "a@corp.test", "message": "Best Casino!"},
        60,
    ),
    (
        "repeated_content",
        {},
        {"email": "a@corp.test", "name": "Acme Corporation", "company": "Acme Corporation"},
        30,
    ),
]


async def _stored(db, submission_id: str) -> tuple:
    row = await db.fetchone(
        "SELECT status, spam_score, spam_verdict FROM submissions WHERE id = ?", (submission_id,)
    )
    return row["status"], row["spam_score"], json.loads(row["spam_verdict"] or "{}")


async def test_a_clean_submission_has_no_score(app, db, user):
    form = await make_form(user, security=LENIENT)
    sid = await submitted(user, form["id"], {"email": "a@corp.test", "_elapsed": 9000})
    assert await _stored(db, sid) == ("received", None, {})


@pytest.mark.parametrize(("signal", "security", "data", "score"), CASES)
async def test_each_signal_moves_the_score_as_documented(
    app, db, user, signal, security, data, score
):
    form = await make_form(user, security={**LENIENT, **security})
    sid = await submitted(user, form["id"], data)
    status, stored, verdict = await _stored(db, sid)
    assert status == "received" and stored == score
    assert [s["signal"] for s in verdict["signals"]] == [signal]
    assert verdict["signals"][0]["weight"] == SIGNALS[signal].weight


async def test_ip_rate_fires_at_half_the_hourly_limit(app, db, user):
    form = await make_form(user, security={**LENIENT, "max_submissions_per_ip": 6})
    scores = []
    for i in range(4):
        sid = await submitted(user, form["id"], {"email": f"p{i}@corp.test"})
        scores.append((await _stored(db, sid))[1])
    assert scores == [None, None, None, 25]  # the 4th: 3 already this hour, half of 6


async def test_honeypot_is_refused_before_the_score(app, db, user):
    form = await make_form(user)
    r = await submit(user, form["id"], {"email": "a@corp.test", "_hp": "bot"})
    assert r.status_code == 200
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 0
    assert await db.fetchval("SELECT reason FROM spam_log") == "honeypot"


async def test_signals_add_up_to_quarantine_and_block(app, db, user):
    form = await make_form(user, security={"blocked_words": ["casino"]})
    # too_fast 40 alone passes; + links 15 = 55 reaches the review threshold (50)
    passed = await submitted(user, form["id"], {"email": "a@corp.test", "_elapsed": 100})
    assert (await _stored(db, passed))[:2] == ("received", 40)
    held = await submitted(
        user, form["id"], {"email": "b@corp.test", "_elapsed": 100, "message": "www.x.test"}
    )
    assert (await _stored(db, held))[:2] == ("quarantined", 55)
    # blocked word 60 + too_fast 40 = 100: the block threshold; answered like a success
    r = await submit(
        user, form["id"], {"email": "c@corp.test", "_elapsed": 100, "message": "casino"}
    )
    assert r.status_code == 201 and r.json()["submission_id"]
    assert (
        await db.fetchval("SELECT COUNT(*) FROM submissions WHERE email_lower = 'c@corp.test'") == 0
    )
    log = await db.fetchone("SELECT reason, details FROM spam_log")
    assert log["reason"] == "score"
    assert {s["signal"] for s in json.loads(log["details"])["signals"]} == {
        "too_fast",
        "blocked_words",
    }
    events = await db.fetchval("SELECT COUNT(*) FROM events WHERE type = 'spam_blocked'")
    assert events == 1


async def test_the_claimed_time_cannot_stretch_past_the_signed_one(app, db, user, client):
    """The hosted page's signed render time counts, whatever _elapsed claims."""
    form = await make_form(user, security=LENIENT)
    page = await client.get(f"/f/{form['id']}")
    stamp = page.text.split('name="_rt" value="')[1].split('"')[0]
    r = await client.post(
        f"/f/{form['id']}", data={"email": "h@corp.test", "_rt": stamp, "_elapsed": "60000"}
    )
    assert r.status_code == 200
    row = await db.fetchone("SELECT spam_score FROM submissions WHERE email_lower = 'h@corp.test'")
    assert row["spam_score"] == 40  # submitted at once: too_fast from the signed stamp
    forged = await client.post(
        f"/f/{form['id']}", data={"email": "i@corp.test", "_rt": "1.deadbeef"}
    )
    assert forged.status_code == 200
    row = await db.fetchone("SELECT spam_score FROM submissions WHERE email_lower = 'i@corp.test'")
    assert row["spam_score"] is None  # a forged stamp is ignored, it cannot help


async def test_free_mail_block_asks_for_a_work_address(app, db, user):
    form = await make_form(user, security={"free_mail": "block"})
    r = await submit(user, form["id"], {"email": "someone@gmail.com"})
    assert r.status_code == 422
    assert "work email" in r.json()["error"]["fields"]["email"]
    assert await db.fetchval("SELECT COUNT(*) FROM submissions") == 0
    await submitted(user, form["id"], {"email": "someone@corp.test"})


async def test_sales_forms_score_free_mail_by_default(app, user):
    sales = await make_form(user, type="sales")
    other = await make_form(user, name="Newsletter")
    assert sales["security"]["free_mail"] == "score"
    assert other["security"]["free_mail"] == "allow"


async def test_spam_settings_are_checked(app, user):
    async def create(security):
        body = {"name": "Bad", "fields": [{"name": "email", "type": "email", "label": "Email"}]}
        r = await user.api.post("/api/forms", json={**body, "security": security})
        assert r.status_code == 422
        return r.json()["error"]["fields"]

    swapped = await create({"review_threshold": 80, "block_threshold": 60})
    assert "review threshold" in swapped["security.block_threshold"]
    assert "security.challenge" in await create({"challenge": "maybe"})


async def test_the_editor_saves_the_spam_settings(app, user):
    form = await make_form(user)
    page = soup(await user.web.get(f"/forms/{form['id']}"))
    labels = {label.get_text(strip=True) for label in page.select("#sec-security label")}
    assert {"Quarantine at score", "Block at score", "Proof-of-work challenge"} <= labels
    security = {
        "_section": "security",
        "allowed_origins": "",
        "honeypot_field": "_hp",
        "max_submissions_per_ip": "10",
        "max_submissions_per_email": "5",
        "duplicate_window_minutes": "5",
        "review_threshold": "40",
        "block_threshold": "90",
        "free_mail": "block",
        "challenge": "auto",
        "blocked_words": "Casino\nfree money\n",
    }
    url = f"/forms/{form['id']}/settings"
    r = await user.post_form(url, security, htmx=True)
    assert r.status_code == 200
    saved = (await user.api.get(f"/api/forms/{form['id']}")).json()["security"]
    assert (saved["review_threshold"], saved["block_threshold"]) == (40, 90)
    assert saved["free_mail"] == "block" and saved["challenge"] == "auto"
    assert saved["blocked_words"] == ["casino", "free money"]
    r = await user.post_form(url, {**security, "block_threshold": "30"}, htmx=True)
    assert r.status_code == 422
    error = soup(r).select_one("#se-block_threshold-error").get_text()
    assert "above the review threshold (40)" in error
