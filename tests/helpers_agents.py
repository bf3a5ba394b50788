"""Helpers for the agent tests: forms through the JSON API, submissions through
the public capture endpoint, agent handlers, and reading back what happened."""

from __future__ import annotations

from app.db import loads, new_id, now_iso
from tests.helpers import drain_jobs

ALL_ACTIONS = ["qualify_lead", "send_email", "create_deal", "create_ticket", "book_meeting", "enroll_sequence",
               "escalate", "respond_direct"]

SALES_FIELDS = [
    {"name": "email", "type": "email", "label": "Work email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "job_title", "type": "text", "label": "Job title"},
    {"name": "company_size", "type": "text", "label": "Company size"},
    {"name": "budget", "type": "select", "label": "Budget", "options": ["<$10K", "$10K-$50K", "$50K+"]},
    {"name": "message", "type": "textarea", "label": "What do you need?"},
]
SUPPORT_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "subject", "type": "text", "label": "Subject"},
    {"name": "message", "type": "textarea", "label": "What happened?"},
]
CFO_LEAD = {"email": "jane.cfo@bigcorp.com", "name": "Jane Miller", "company": "BigCorp", "job_title": "CFO",
            "company_size": "500", "budget": "$50K+", "message": "We would like a demo for our finance team."}


async def make_form(user, *, flow: str = "sales_lead", autonomy: str = "fully_autonomous",
                    allowed: list[str] | None = None, booking_url: str = "", assignment: dict | None = None,
                    notify: list[str] | None = None, instructions: str = "", name: str | None = None) -> dict:
    body = {
        "name": name or f"{flow.replace('_', ' ').title()} form", "status": "active",
        "type": "support" if flow == "support_triage" else "sales", "flow_id": flow,
        "fields": SUPPORT_FIELDS if flow == "support_triage" else SALES_FIELDS,
        "agent": {"instructions": instructions, "autonomy_level": autonomy,
                  "allowed_actions": ALL_ACTIONS if allowed is None else allowed},
        "auto": {"booking_url": booking_url, "notify_handler_ids": notify or []},
    }
    if assignment:
        body["assignment"] = assignment
    r = await user.api.post("/api/forms", json=body)
    assert r.status_code == 201, r.text
    return r.json()


async def submit(user, form_id: str, data: dict) -> str:
    r = await user.web.post(f"/api/submissions/{form_id}", json=data)
    assert r.status_code == 201, r.text
    return r.json()["submission_id"]


async def submit_and_process(app, user, form_id: str, data: dict) -> str:
    sid = await submit(user, form_id, data)
    await drain_jobs(app)
    return sid


async def make_handler(db, workspace_id: str, *, type: str = "agent", name: str = "Sales agent",
                       email: str = "", instructions: str = "") -> str:
    handler_id = new_id("hdl")
    await db.execute(
        "INSERT INTO handlers (id, workspace_id, type, name, email, instructions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (handler_id, workspace_id, type, name, email, instructions, now_iso()))
    return handler_id


async def submission(db, sid: str) -> dict:
    row = await db.fetchone("SELECT * FROM submissions WHERE id = ?", (sid,))
    return {**row, "actions": loads(row["actions"], []), "data": loads(row["data"], {})}


async def event_types(db, sid: str) -> list[str]:
    return [r["type"] for r in await db.fetchall("SELECT type FROM events WHERE submission_id = ? ORDER BY seq", (sid,))]


async def emails_for(db, sid: str) -> list[dict]:
    return await db.fetchall("SELECT * FROM emails WHERE submission_id = ? ORDER BY created_at, id", (sid,))


async def agent_steps(db, sid: str) -> list[dict]:
    return [a for a in (await submission(db, sid))["actions"] if a["step"].startswith("agent_")]
