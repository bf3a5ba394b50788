"""POST /api/submissions/{form_id}: every branch of SPEC §5, in order."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from tests.factory import make_form, set_form, submit


@pytest.fixture
async def form(app, user):
    return await make_form(user)


async def count(db, table, **where):
    clause = " AND ".join(f"{k} = ?" for k in where) or "1 = 1"
    return await db.fetchval(f"SELECT COUNT(*) FROM {table} WHERE {clause}", tuple(where.values()))


async def test_accepts_json_and_stores_everything_in_one_go(client, db, form):
    r = await submit(
        client,
        form["id"],
        {
            "email": "Ada@Example.com",
            "name": "Ada",
            "company": "Analytical Engines",
            "message": "Hi",
            "surprise": "dropped",
            "_meta": {
                "page_url": "https://site.test/p",
                "referrer": "https://google.com",
                "utm_source": "newsletter",
            },
            "_interactions": {
                "email": {"focused": True, "filled": True, "time_ms": 1200},
                "nope": {},
            },
            "_experiment_id": "exp_1",
            "_variant_id": "var_a",
        },
        headers={"user-agent": "pytest-agent"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert (
        body["submission_id"].startswith("sub_")
        and body["message"]
        and body["redirect_url"] is None
    )
    sub = await db.fetchone("SELECT * FROM submissions WHERE id = ?", (body["submission_id"],))
    assert sub["status"] == "received" and sub["email_lower"] == "ada@example.com"
    assert json.loads(sub["data"]) == {
        "email": "Ada@Example.com",
        "name": "Ada",
        "company": "Analytical Engines",
        "message": "Hi",
    }
    meta = json.loads(sub["meta"])
    assert meta["page_url"] == "https://site.test/p" and meta["utm"] == {"utm_source": "newsletter"}
    assert (
        meta["user_agent"] == "pytest-agent"
        and meta["experiment_id"] == "exp_1"
        and sub["variant_id"] == "var_a"
    )
    assert json.loads(sub["field_interactions"]) == {
        "email": {"focused": True, "filled": True, "time_ms": 1200}
    }
    assert sub["contact_id"] and sub["is_new_contact"] == 1
    types = [
        e["type"]
        for e in await db.fetchall(
            "SELECT type FROM events WHERE submission_id = ? ORDER BY seq", (sub["id"],)
        )
    ]
    assert types == ["submission_received", "contact_created"]
    assert await count(db, "jobs", kind="process_submission") == 1


async def test_urlencoded_and_multipart_bodies(client, db, app, user):
    form = await make_form(
        user,
        fields=[
            {"name": "email", "type": "email", "required": True},
            {"name": "topics", "type": "multiselect", "options": ["a", "b", "c"]},
        ],
    )
    r = await client.post(
        f"/api/submissions/{form['id']}",
        content="email=u%40x.io&topics=a&topics=c",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 201, r.text
    r2 = await client.post(
        f"/api/submissions/{form['id']}",
        data={"email": "m@x.io", "topics": "b"},
        files={"ignored": (None, "x")},
    )
    assert r2.status_code == 201, r2.text
    datas = [
        json.loads(row["data"])
        for row in await db.fetchall("SELECT data FROM submissions ORDER BY created_at")
    ]
    assert {"email": "u@x.io", "topics": ["a", "c"]} in datas and {
        "email": "m@x.io",
        "topics": ["b"],
    } in datas


async def test_unknown_draft_paused_archived(client, app, user, form):
    assert (await submit(client, "form_doesnotexist000", {"email": "a@b.co"})).status_code == 404
    draft = await make_form(user, status="draft")
    r = await submit(client, draft["id"], {"email": "a@b.co"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "form_not_found"
    for status in ("paused", "archived"):
        await set_form(app, form["id"], status=status)
        r = await submit(client, form["id"], {"email": "a@b.co"})
        assert (
            r.status_code == 410 and r.json()["error"]["message"] == "This form is not available."
        )


async def test_origin_refused_and_cors(client, app, form):
    r = await client.options(
        f"/api/submissions/{form['id']}", headers={"origin": "https://any.test"}
    )
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == "*"
    await set_form(app, form["id"], security={"allowed_origins": ["https://shop.test"]})
    ok = await submit(
        client, form["id"], {"email": "a@b.co"}, headers={"origin": "https://shop.test"}
    )
    assert (
        ok.status_code == 201 and ok.headers["access-control-allow-origin"] == "https://shop.test"
    )
    # the 201's headers, CORS (encoded once per origin) and the security ones, all there
    assert ok.headers["vary"] == "Origin" and ok.headers["access-control-max-age"] == "600"
    assert ok.headers["access-control-allow-methods"] == "POST, OPTIONS"
    assert ok.headers["access-control-allow-headers"] == "Content-Type"
    assert ok.headers["content-type"] == "application/json"
    assert ok.headers["x-content-type-options"] == "nosniff"
    assert int(ok.headers["content-length"]) == len(ok.content)
    bad = await submit(
        client, form["id"], {"email": "c@b.co"}, headers={"origin": "https://evil.test"}
    )
    assert bad.status_code == 403 and bad.json()["error"]["code"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in bad.headers
    pre = await client.options(
        f"/api/submissions/{form['id']}", headers={"origin": "https://evil.test"}
    )
    assert "access-control-allow-origin" not in pre.headers


async def test_origin_checked_before_parsing(client, app, form):
    await set_form(app, form["id"], security={"allowed_origins": ["https://shop.test"]})
    r = await client.post(
        f"/api/submissions/{form['id']}",
        content=b"{broken",
        headers={"origin": "https://evil.test", "content-type": "application/json"},
    )
    assert r.status_code == 403


async def test_too_large_including_chunked(client, db, form):
    big = {"email": "a@b.co", "message": "x" * (65 * 1024)}
    r = await submit(client, form["id"], big)
    assert r.status_code == 413

    async def chunks():
        yield b'{"email": "a@b.co", "message": "'
        for _ in range(70):
            yield b"x" * 1024
        yield b'"}'

    r2 = await client.post(
        f"/api/submissions/{form['id']}",
        content=chunks(),
        headers={"content-type": "application/json"},
    )
    assert "content-length" not in r2.request.headers  # really chunked
    assert r2.status_code == 413 and r2.json()["error"]["code"] == "payload_too_large"
    assert await count(db, "submissions") == 0


async def test_chunked_body_under_the_cap_is_read_whole(client, db, form):
    """A body in several ASGI messages (no Content-Length), a character split between two."""

    async def chunks():
        yield b'{"email": "chunk@b.co", "message": "w'
        yield "ö".encode()[:1]
        yield "ö".encode()[1:] + b'rld", "_meta": {"utm_source": "chunks"}}'

    r = await client.post(
        f"/api/submissions/{form['id']}",
        content=chunks(),
        headers={"content-type": "application/json", "origin": "https://any.test"},
    )
    assert "content-length" not in r.request.headers  # really chunked
    assert r.status_code == 201, r.text
    assert r.headers["access-control-allow-origin"] == "*" and "vary" not in r.headers
    sub = await db.fetchone("SELECT * FROM submissions WHERE id = ?", (r.json()["submission_id"],))
    assert json.loads(sub["data"]) == {"email": "chunk@b.co", "message": "wörld"}
    assert json.loads(sub["meta"])["utm"] == {"utm_source": "chunks"}


@pytest.mark.parametrize(
    "ctype,content,status,code",
    [
        ("text/plain", b"email=a@b.co", 415, "unsupported_media_type"),
        ("application/json", b"{not json", 400, "malformed_body"),
        ("application/json", b"[1, 2]", 400, "malformed_body"),
        ("application/json", b'{"email": "\\ud800"}', 400, "malformed_body"),
        ("application/json", b"\xff\xfe", 400, "malformed_body"),
        ("application/x-www-form-urlencoded", b"email=%ED%A0%80", 400, "malformed_body"),
        (
            "application/json",
            json.dumps({"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {}}}}}}}}}).encode(),
            400,
            "too_deep",
        ),
        (
            "application/json",
            json.dumps({f"k{i}": "v" for i in range(201)}).encode(),
            400,
            "too_many_keys",
        ),
    ],
)
async def test_bad_bodies(client, db, form, ctype, content, status, code):
    r = await client.post(
        f"/api/submissions/{form['id']}", content=content, headers={"content-type": ctype}
    )
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]
    assert await count(db, "submissions") == 0


async def test_two_hundred_keys_is_fine(client, form):
    body = {f"k{i}": "v" for i in range(199)} | {"email": "a@b.co"}
    assert (await submit(client, form["id"], body)).status_code == 201


async def test_honeypot_looks_like_success_but_stores_only_spam_row(client, db, app, form):
    r = await submit(
        client, form["id"], {"email": "bot@spam.io", "_hp": "I am a bot", "message": "x" * 20000}
    )
    assert (
        r.status_code == 200
        and r.json()["submission_id"].startswith("sub_")
        and r.json()["message"]
    )
    assert await count(db, "submissions") == 0 and await count(db, "contacts") == 0
    assert await count(db, "spam_log", reason="honeypot") == 1
    assert await count(db, "events", type="spam_blocked") == 1 and await count(db, "jobs") == 0
    await set_form(app, form["id"], security={"honeypot_field": "website_url"})
    r = await submit(client, form["id"], {"email": "bot@spam.io", "website_url": "http://x"})
    assert r.status_code == 200 and await count(db, "spam_log", reason="honeypot") == 2


async def test_validation_422_message_per_field(client, db, form):
    r = await submit(client, form["id"], {"email": "not-an-email", "name": "x" * 10001})
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert set(fields) == {"email", "name"} and "name@example.com" in fields["email"]
    missing = await submit(client, form["id"], {"name": "No email"})
    assert missing.json()["error"]["fields"]["email"] == "Email is required."
    assert await count(db, "submissions") == 0 and await count(db, "spam_log") == 0


async def test_rate_limit_per_ip(client, db, app, form):
    await set_form(app, form["id"], security={"max_submissions_per_ip": 2})
    for i in range(2):
        assert (await submit(client, form["id"], {"email": f"p{i}@x.io"})).status_code == 201
    r = await submit(client, form["id"], {"email": "p9@x.io"})
    assert r.status_code == 429 and 3000 < int(r.headers["retry-after"]) <= 3601
    assert await count(db, "spam_log", reason="rate_limit_ip") == 1
    assert await count(db, "events", type="spam_blocked") == 1


async def test_rate_limit_per_email_and_retry_after(client, db, app, form, freeze_clock):
    await set_form(
        app,
        form["id"],
        security={
            "max_submissions_per_email": 2,
            "duplicate_window_minutes": 0,
            "max_submissions_per_ip": 100,
        },
    )
    assert (await submit(client, form["id"], {"email": "same@x.io"})).status_code == 201
    freeze_clock.advance(minutes=20)
    assert (await submit(client, form["id"], {"email": "same@x.io"})).status_code == 201
    r = await submit(client, form["id"], {"email": "SAME@x.io"})
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
    assert (
        2300 < int(r.headers["retry-after"]) <= 2401
    )  # the first one leaves the hour 40 minutes later
    assert await count(db, "spam_log", reason="rate_limit_email") == 1


async def test_duplicate_window(client, db, app, form, freeze_clock):
    first = await submit(client, form["id"], {"email": "dup@x.io"})
    assert first.status_code == 201
    again = await submit(client, form["id"], {"email": "Dup@x.io"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "duplicate_submission"
    assert await count(db, "spam_log", reason="duplicate") == 1
    freeze_clock.advance(minutes=6)
    assert (await submit(client, form["id"], {"email": "dup@x.io"})).status_code == 201


@pytest.mark.parametrize(
    "failing", ["app.services.capture.pipeline.enqueue", "app.services.crm.memory.remember"]
)
async def test_all_or_nothing_transaction(app, db, form, monkeypatch, failing):
    def boom(*args, **kwargs):
        raise RuntimeError("injected failure")

    # enqueue is the last step (after the submission insert, the contact and its events)
    monkeypatch.setattr(failing, boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        r = await submit(client, form["id"], {"email": "fail@x.io", "company": "Acme"})
    assert r.status_code == 500
    for table in ("submissions", "contacts", "companies", "touchpoints", "jobs"):
        assert await count(db, table) == 0, table
    assert (
        await db.fetchval(
            "SELECT COUNT(*) FROM events WHERE type LIKE 'submission%' OR type LIKE 'contact%'"
        )
        == 0
    )


async def test_submission_without_email_makes_no_contact(client, db, app, user):
    form = await make_form(user, fields=[{"name": "comment", "type": "textarea"}])
    r = await submit(client, form["id"], {"comment": "anonymous"})
    assert r.status_code == 201
    assert await count(db, "contacts") == 0
    sub = await db.fetchone(
        "SELECT contact_id FROM submissions WHERE id = ?", (r.json()["submission_id"],)
    )
    assert sub["contact_id"] is None


async def test_fifty_concurrent_submissions(client, db, app, form):
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1000})
    results = await asyncio.gather(
        *(submit(client, form["id"], {"email": f"c{i}@x.io"}) for i in range(50))
    )
    assert [r.status_code for r in results] == [201] * 50
    assert (
        await count(db, "submissions") == 50
        and await count(db, "jobs", kind="process_submission") == 50
    )


async def test_archived_workspace_form_is_gone(client, db, user, form):
    await db.execute("UPDATE workspaces SET status = 'archived' WHERE id = ?", (user.workspace_id,))
    assert (await submit(client, form["id"], {"email": "a@b.co"})).status_code == 410


async def test_concurrent_batch_answers_refusals_beside_accepted_ones(client, app, db, user, form):
    """Submissions to a paused form, an unknown form and from a refused origin share a
    transaction with accepted ones: each is answered with its own error, the others are
    stored with their contact, events and job, and nothing of the refused ones is."""
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1000})
    paused = await make_form(user, name="Paused")
    await set_form(app, paused["id"], status="paused")
    guarded = await make_form(user, name="Guarded")
    await set_form(
        app,
        guarded["id"],
        security={"allowed_origins": ["https://shop.test"], "max_submissions_per_ip": 1000},
    )
    sends = [(form["id"], f"ok{i}@x.io", None) for i in range(12)]
    sends[3:3] = [(paused["id"], "p@x.io", None), ("form_0000000000000000", "u@x.io", None)]
    sends[9:9] = [(guarded["id"], "g@x.io", "https://evil.test")]
    results = await asyncio.gather(
        *(
            submit(client, form_id, {"email": email}, headers={"origin": origin} if origin else {})
            for form_id, email, origin in sends
        )
    )
    codes = [r.status_code for r in results]
    assert codes == [201] * 3 + [410, 404] + [201] * 4 + [403] + [201] * 5
    assert await count(db, "submissions") == 12 and await count(db, "contacts") == 12
    assert await count(db, "jobs", kind="process_submission") == 12
    assert await db.fetchval("SELECT COUNT(*) FROM events WHERE type = 'contact_created'") == 12


async def test_concurrent_batch_isolates_a_failing_submission(app, db, form, monkeypatch):
    """Submissions arriving together share one transaction (group commit), each in its own
    savepoint: one failing undoes only its own rows and answers only its own request."""
    from app.services.crm import memory as contact_memory

    real = contact_memory.remember

    def flaky(conn, ws, form, **kwargs):
        if kwargs["email"].startswith("bad"):
            conn.execute(
                "INSERT INTO companies (id, workspace_id, name, name_normalized, created_at)"
                " VALUES ('company_partial0000000', ?, 'Half', 'half', 'x')",
                (ws,),
            )
            raise RuntimeError("injected")
        return real(conn, ws, form, **kwargs)

    monkeypatch.setattr("app.services.crm.memory.remember", flaky)
    await set_form(app, form["id"], security={"max_submissions_per_ip": 1000})
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        emails = (
            [f"ok{i}@x.io" for i in range(10)] + ["bad@x.io"] + [f"ok{i}@y.io" for i in range(10)]
        )
        results = await asyncio.gather(*(submit(client, form["id"], {"email": e}) for e in emails))
    codes = {e: r.status_code for e, r in zip(emails, results, strict=True)}
    assert codes.pop("bad@x.io") == 500 and set(codes.values()) == {201}
    assert await count(db, "submissions") == 20 and await count(db, "contacts") == 20
    assert (
        await count(db, "companies") == 0
        and await count(db, "jobs", kind="process_submission") == 20
    )
    assert await db.fetchval("SELECT COUNT(*) FROM submissions WHERE email_lower = 'bad@x.io'") == 0
