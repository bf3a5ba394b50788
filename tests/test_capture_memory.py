"""Contact memory (SPEC §5 step 7) and the server-side value checks of every field type."""

from __future__ import annotations

import json

import pytest

from tests.factory import make_form, set_form, submit


async def contact(db, email):
    row = await db.fetchone("SELECT * FROM contacts WHERE email_lower = ?", (email.lower(),))
    row["custom_fields"] = json.loads(row["custom_fields"])
    return row


async def test_new_then_returning_contact_fills_only_empty_values(app, client, db, user):
    form = await make_form(
        user,
        fields=[
            {"name": "email", "type": "email", "required": True},
            {"name": "name", "type": "text"},
            {"name": "phone", "type": "phone"},
            {"name": "company", "type": "text"},
            {"name": "budget", "type": "select", "options": ["<10k", "10k+"]},
        ],
        field_mapping={"budget": "contact.custom_fields.budget"},
        security={"duplicate_window_minutes": 0},
    )
    first = await submit(
        client,
        form["id"],
        {
            "email": "Grace@Navy.test",
            "name": "Grace",
            "budget": "<10k",
            "_meta": {"utm_source": "ads", "page_url": "https://x.test/a"},
        },
    )
    assert first.status_code == 201
    c = await contact(db, "grace@navy.test")
    assert (c["name"], c["phone"], c["submission_count"], c["custom_fields"]) == (
        "Grace",
        "",
        1,
        {"budget": "<10k"},
    )
    second = await submit(
        client,
        form["id"],
        {
            "email": "grace@NAVY.test",
            "name": "Someone Else",
            "phone": "+1 555 0100",
            "company": "US Navy",
            "budget": "10k+",
        },
    )
    assert second.status_code == 201
    c2 = await contact(db, "grace@navy.test")
    assert c2["id"] == c["id"] and c2["name"] == "Grace" and c2["phone"] == "+1 555 0100"
    assert (
        c2["submission_count"] == 2
        and c2["custom_fields"] == {"budget": "<10k"}
        and c2["company_id"]
    )
    assert c2["last_seen"] >= c["last_seen"] and c2["first_seen"] == c["first_seen"]
    tps = await db.fetchall(
        "SELECT * FROM touchpoints WHERE contact_id = ? ORDER BY created_at", (c["id"],)
    )
    assert [t["submission_id"] for t in tps] == [
        first.json()["submission_id"],
        second.json()["submission_id"],
    ]
    assert tps[0]["utm_source"] == "ads" and tps[0]["page_url"] == "https://x.test/a"
    subs = await db.fetchall("SELECT is_new_contact FROM submissions ORDER BY created_at")
    assert [s["is_new_contact"] for s in subs] == [1, 0]
    types = [
        e["type"]
        for e in await db.fetchall(
            "SELECT type FROM events WHERE type LIKE 'contact_%' ORDER BY seq"
        )
    ]
    assert types == ["contact_created", "contact_matched"]


async def test_company_matched_case_insensitively_and_linked(app, client, db, user):
    form = await make_form(user)
    for email, company in (
        ("a@acme.test", "Acme, Inc."),
        ("b@acme.test", "ACME inc"),
        ("c@gmail.com", " acme "),
    ):
        assert (
            await submit(client, form["id"], {"email": email, "company": company})
        ).status_code == 201
    companies = await db.fetchall("SELECT * FROM companies")
    assert len(companies) == 1 and companies[0]["domain"] == "acme.test"
    linked = {r["company_id"] for r in await db.fetchall("SELECT company_id FROM contacts")}
    assert linked == {companies[0]["id"]}


async def test_same_email_in_two_workspaces_is_two_contacts(app, client, db, two_workspaces):
    alice, bob = two_workspaces
    for owner in (alice, bob):
        form = await make_form(owner)
        assert (await submit(client, form["id"], {"email": "shared@x.test"})).status_code == 201
    rows = await db.fetchall(
        "SELECT workspace_id FROM contacts WHERE email_lower = 'shared@x.test'"
    )
    assert {r["workspace_id"] for r in rows} == {alice.workspace_id, bob.workspace_id}


async def test_create_contact_off_skips_memory(app, client, db, user):
    form = await make_form(user, auto={"create_contact": False})
    assert (await submit(client, form["id"], {"email": "x@y.test"})).status_code == 201
    assert await db.fetchval("SELECT COUNT(*) FROM contacts") == 0


ALL_TYPES = [
    {"name": "email", "type": "email", "required": True},
    {"name": "title", "type": "text", "min": 2, "max_length": 10, "regex": "[A-Z].*"},
    {"name": "phone", "type": "phone"},
    {"name": "seats", "type": "number", "min": 1, "max": 100},
    {"name": "plan", "type": "select", "options": ["free", "pro"]},
    {"name": "tags", "type": "multiselect", "options": ["a", "b"]},
    {"name": "notes", "type": "textarea", "max_length": 20},
    {"name": "essay", "type": "textarea", "max_length": 12000},
    {"name": "consent", "type": "checkbox", "required": True},
    {"name": "src", "type": "hidden"},
    {"name": "start", "type": "date", "min": "2026-01-01", "max": "2026-12-31"},
    {"name": "site", "type": "url"},
]
GOOD = {
    "email": "ok@x.test",
    "title": "Hello",
    "phone": "+44 (0)20 7946-0958",
    "seats": "12",
    "plan": "pro",
    "tags": ["a", "b"],
    "notes": "short",
    "essay": "y" * 11000,
    "consent": "on",
    "src": "utm",
    "start": "2026-05-01",
    "site": "https://example.com/x",
}


async def test_every_field_type_accepts_good_values(app, client, db, user):
    form = await make_form(user, fields=ALL_TYPES)
    r = await submit(client, form["id"], GOOD)
    assert r.status_code == 201, r.text
    data = json.loads(await db.fetchval("SELECT data FROM submissions"))
    assert data["seats"] == 12 and data["consent"] is True and data["tags"] == ["a", "b"]
    assert data["start"] == "2026-05-01" and len(data["essay"]) == 11000


@pytest.mark.parametrize(
    "field,value,needle",
    [
        ("email", "a@b", "email address"),
        ("title", "H", "at least 2"),
        ("title", "Hello world!", "at most 10"),
        ("title", "hello", "format"),
        ("phone", "12-34", "6 to 20 digits"),
        ("phone", "call me", "6 to 20 digits"),
        ("seats", "many", "number"),
        ("seats", 0, "1 or more"),
        ("seats", 101, "100 or less"),
        ("plan", "enterprise", "listed options"),
        ("tags", ["a", "z"], "listed options"),
        ("notes", "x" * 21, "at most 20"),
        ("essay", "x" * 12001, "under 12 000"),
        ("consent", "", "Tick this box"),
        ("consent", False, "Tick this box"),
        ("start", "05/01/2026", "2026-01-31"),
        ("start", "2025-12-31", "2026-01-01 or later"),
        ("site", "javascript:alert(1)", "http"),
        ("site", "ftp://x.test", "http"),
        ("src", "z" * 10001, "too long"),
        ("title", {"nested": "object"}, "plain text"),
    ],
)
async def test_each_rule_answers_422_with_a_message(app, client, user, field, value, needle):
    form = await make_form(user, fields=ALL_TYPES)
    r = await submit(client, form["id"], {**GOOD, field: value})
    assert r.status_code == 422, r.text
    fields = r.json()["error"]["fields"]
    assert list(fields) == [field] and needle.lower() in fields[field].lower()


async def test_nul_and_rtl_override_are_stored_as_given(app, client, db, user):
    form = await make_form(user)
    r = await submit(client, form["id"], {"email": "n@x.test", "name": "a\x00b\u202etxt.exe"})
    assert r.status_code == 201
    data = json.loads(await db.fetchval("SELECT data FROM submissions"))
    assert data["name"] == "a\x00b\u202etxt.exe"


async def test_limits_are_per_form(app, client, user):
    one, two = await make_form(user), await make_form(user)
    await set_form(app, one["id"], security={"max_submissions_per_ip": 1})
    assert (await submit(client, one["id"], {"email": "a@x.test"})).status_code == 201
    assert (await submit(client, one["id"], {"email": "b@x.test"})).status_code == 429
    assert (await submit(client, two["id"], {"email": "b@x.test"})).status_code == 201
