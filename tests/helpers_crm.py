"""Helpers for CRM tests: contacts, forms and submissions made through the public
surfaces (JSON API, capture endpoint), and a viewer."""

from __future__ import annotations

from tests.helpers import User
from tests.helpers_capture import CONTACT_FIELDS


async def make_contact(user: User, email: str, **fields) -> dict:
    r = await user.api.post("/api/contacts", json={"email": email, **fields})
    assert r.status_code == 201, r.text
    return r.json()


async def make_deal(user: User, **fields) -> dict:
    r = await user.api.post("/api/deals", json={"name": "Deal", **fields})
    assert r.status_code == 201, r.text
    return r.json()


async def make_form(user: User, name: str = "Demo request", fields=None) -> str:
    r = await user.api.post(
        "/api/forms", json={"name": name, "status": "active", "fields": fields or CONTACT_FIELDS}
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def submit(user: User, form_id: str, data: dict, **kwargs) -> str:
    """A public submission as a visitor makes it; answers the submission id."""
    r = await user.web.post(f"/api/submissions/{form_id}", json=data, **kwargs)
    assert r.status_code == 201, r.text
    return r.json()["submission_id"]


async def make_viewer(app, email: str = "viola@example.net") -> User:
    """A person whose role in their workspace is viewer (read-only)."""
    viewer = await User.signup(app, email, name="Viola Viewer", workspace="Viewer Land")
    await app.state.db.execute(
        "UPDATE memberships SET role = 'viewer' WHERE account_id = ? AND workspace_id = ?",
        (viewer.account_id, viewer.workspace_id),
    )
    return viewer
