"""Helpers for capture / flows / routing tests.

Forms are created through the Forms API when it exists; until then (the Forms
issue is built in parallel) the same normalized config is stored directly.
"""

from __future__ import annotations

from app.db import dumps, new_id, now_iso
from app.services.form_config import validate_config

CONTACT_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "message", "type": "textarea", "label": "Message"},
]


async def make_form(app, workspace_id: str, **config) -> dict:
    """An active form (or whatever ``status`` says) in ``workspace_id``; returns its config with id."""
    raw = {"name": config.pop("name", "Demo request"), "status": config.pop("status", "active"),
           "fields": config.pop("fields", CONTACT_FIELDS), "flow_id": config.pop("flow_id", "direct_route"), **config}
    assignment = raw.pop("assignment", None)
    form = validate_config(raw)
    form_id, now = new_id("form"), now_iso()
    form["slug"] = f"{form['slug']}-{form_id[-6:]}"

    def tx(conn):
        conn.execute(
            "INSERT INTO forms (id, workspace_id, name, slug, description, status, type, flow_id, assignment_type,"
            " assignment_id, fields, field_mapping, auto, agent, security, response, autopilot, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (form_id, workspace_id, form["name"], form["slug"], form["description"], form["status"], form["type"],
             form["flow_id"], assignment and assignment["type"], assignment and assignment["id"],
             dumps(form["fields"]), dumps(form["field_mapping"]), dumps(form["auto"]), dumps(form["agent"]),
             dumps(form["security"]), dumps(form["response"]), int(form["autopilot"]), now, now))

    await app.state.db.write(tx)
    return {**form, "id": form_id, "workspace_id": workspace_id}


async def set_form(app, form_id: str, **columns) -> None:
    """Change form columns (status, security JSON...) and bump updated_at."""
    sets = ", ".join(f"{k} = ?" for k in columns)
    values = [dumps(v) if isinstance(v, dict | list) else v for v in columns.values()]
    await app.state.db.execute(f"UPDATE forms SET {sets}, updated_at = ? WHERE id = ?", (*values, now_iso(), form_id))


def submit(client, form_id: str, data: dict, **kwargs):
    return client.post(f"/api/submissions/{form_id}", json=data, **kwargs)
