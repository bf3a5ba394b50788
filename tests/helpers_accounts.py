"""Helpers for the accounts / members / API-key tests: teammates with a given role."""

from __future__ import annotations

import httpx

from tests.helpers import User, soup


async def join_as(app, owner: User, email: str, role: str, *, name: str = "") -> User:
    """Sign ``email`` up (it gets its own workspace), have ``owner`` invite it with
    ``role`` into the owner's workspace, and switch both of its clients there."""
    person = await User.signup(
        app, email, name=name or email.split("@")[0].title(), workspace=f"{email} home"
    )
    r = await owner.api.post(
        f"/api/workspaces/{owner.workspace_id}/invite", json={"email": email, "role": role}
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "active"
    await switch(person, owner.workspace_id)
    return person


async def switch(person: User, workspace_id: str) -> None:
    """Switch the API session and the browser session (through the switcher form)."""
    r = await person.api.post("/api/auth/switch-workspace", json={"workspace_id": workspace_id})
    assert r.status_code == 200, r.text
    r = await person.post_form("/workspaces/switch", {"workspace_id": workspace_id})
    assert r.status_code == 303, r.text
    person.workspace_id = workspace_id


async def member_id(person: User, workspace_id: str, email: str) -> str:
    r = await person.api.get(f"/api/workspaces/{workspace_id}/members")
    assert r.status_code == 200, r.text
    return next(m["id"] for m in r.json()["data"] if m["email"].lower() == email.lower())


async def outbox(db, to: str) -> list[dict]:
    return await db.fetchall(
        "SELECT * FROM emails WHERE lower(to_addr) = lower(?) ORDER BY created_at", (to,)
    )


def anonymous(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


async def page_csrf(client: httpx.AsyncClient, path: str) -> str:
    meta = soup(await client.get(path)).find("meta", attrs={"name": "csrf-token"})
    assert meta is not None
    return meta["content"]


def form_token(response) -> str:
    """The csrf_token hidden input of the first form on a page (proves forms carry it)."""
    field = soup(response).select_one("form input[name=csrf_token]")
    assert field is not None and field["value"], "form without a CSRF token"
    return field["value"]
