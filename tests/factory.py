"""One factory for test data, made through the product's public surfaces (the JSON
API and the public capture endpoint) as a person or a visitor would make it.

``who`` is a ``tests.helpers.User`` (its ``api`` client makes objects, its ``web``
client submits like a visitor's browser) or any httpx client."""

from __future__ import annotations

from datetime import timedelta

from app.db import dumps, new_id, now_iso
from app.db.clock import iso, parse_iso
from tests.helpers import User

CONTACT_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "message", "type": "textarea", "label": "Message"},
]


def _api(who):
    return getattr(who, "api", who)


async def make_form(who, **config) -> dict:
    """An active direct-route form with contact fields, unless ``config`` says otherwise."""
    body = {"name": "Demo request", "status": "active", "fields": CONTACT_FIELDS, **config}
    r = await _api(who).post("/api/forms", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def submit(who, form_id: str, data: dict, **kwargs):
    """A public submission as a visitor's browser sends it; awaits to the response."""
    return getattr(who, "web", who).post(f"/api/submissions/{form_id}", json=data, **kwargs)


async def submitted(who, form_id: str, data: dict, **kwargs) -> str:
    """``submit`` that must be accepted; answers the submission id."""
    r = await submit(who, form_id, data, **kwargs)
    assert r.status_code == 201, r.text
    return r.json()["submission_id"]


async def make_contact(who, email: str, **fields) -> dict:
    r = await _api(who).post("/api/contacts", json={"email": email, **fields})
    assert r.status_code == 201, r.text
    return r.json()


async def make_deal(who, **fields) -> dict:
    r = await _api(who).post("/api/deals", json={"name": "Deal", **fields})
    assert r.status_code == 201, r.text
    return r.json()


async def set_form(app, form_id: str, **columns) -> None:
    """Change stored form columns (status, security JSON…) directly, with a strictly
    later updated_at: for states the API makes slow to reach."""
    previous = await app.state.db.fetchval("SELECT updated_at FROM forms WHERE id = ?", (form_id,))
    updated = now_iso()
    if updated <= previous:
        updated = iso(parse_iso(previous) + timedelta(milliseconds=1))
    sets = ", ".join(f"{k} = ?" for k in columns)
    values = [dumps(v) if isinstance(v, dict | list) else v for v in columns.values()]
    await app.state.db.execute(
        f"UPDATE forms SET {sets}, updated_at = ? WHERE id = ?", (*values, updated, form_id)
    )


async def make_handler(
    db,
    workspace_id: str,
    *,
    type: str = "agent",
    name: str = "Sales agent",
    email: str = "",
    instructions: str = "",
) -> str:
    handler_id = new_id("hdl")
    await db.execute(
        "INSERT INTO handlers (id, workspace_id, type, name, email, instructions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (handler_id, workspace_id, type, name, email, instructions, now_iso()),
    )
    return handler_id


async def make_viewer(app, email: str = "viola@example.net") -> User:
    """A person whose role in their workspace is viewer (read-only)."""
    viewer = await User.signup(app, email, name="Viola Viewer", workspace="Viewer Land")
    await app.state.db.execute(
        "UPDATE memberships SET role = 'viewer' WHERE account_id = ? AND workspace_id = ?",
        (viewer.account_id, viewer.workspace_id),
    )
    return viewer


def browser_signup(
    page, url: str, email: str = "alice@example.com", workspace: str = "Acme"
) -> None:
    """Sign up through the real page in a browser test; the page ends signed in on the dashboard."""
    page.goto(url + "/signup")
    page.fill("#f-email", email)
    page.fill("#f-password", "correct horse battery")
    page.fill("#f-workspace_name", workspace)
    page.click("button:has-text('Create account')")
    page.wait_for_url(url + "/")
