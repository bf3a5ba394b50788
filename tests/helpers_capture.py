"""Helpers for capture / flows / routing tests.

Forms are created through the Forms API; ``set_form`` tweaks stored columns
directly where a test needs a state the API makes slow to reach.
"""

from __future__ import annotations

from datetime import timedelta

from app.db import dumps, new_id, now_iso
from app.db.clock import iso, parse_iso

CONTACT_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "message", "type": "textarea", "label": "Message"},
]


async def make_form(app, owner, **config) -> dict:
    """An active form (or whatever ``status`` says) created through the Forms API by ``owner``."""
    raw = {
        "name": config.pop("name", "Demo request"),
        "status": config.pop("status", "active"),
        "fields": config.pop("fields", CONTACT_FIELDS),
        "flow_id": config.pop("flow_id", "direct_route"),
        **config,
    }
    raw["slug"] = "form-" + new_id("x")[-8:]
    r = await owner.api.post("/api/forms", json=raw)
    assert r.status_code == 201, r.text
    return r.json()


async def set_form(app, form_id: str, **columns) -> None:
    """Change form columns directly (status, security JSON...) with a strictly later updated_at."""
    previous = await app.state.db.fetchval("SELECT updated_at FROM forms WHERE id = ?", (form_id,))
    updated = now_iso()
    if updated <= previous:
        updated = iso(parse_iso(previous) + timedelta(milliseconds=1))
    sets = ", ".join(f"{k} = ?" for k in columns)
    values = [dumps(v) if isinstance(v, dict | list) else v for v in columns.values()]
    await app.state.db.execute(
        f"UPDATE forms SET {sets}, updated_at = ? WHERE id = ?", (*values, updated, form_id)
    )


def submit(client, form_id: str, data: dict, **kwargs):
    return client.post(f"/api/submissions/{form_id}", json=data, **kwargs)
