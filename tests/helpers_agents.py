"""Helpers for the agent tests: forms through the JSON API, submissions through
the public capture endpoint, agent handlers, and reading back what happened."""

from __future__ import annotations

from app.db import loads
from tests.factory import make_form, submitted
from tests.helpers import drain_jobs

ALL_ACTIONS = [
    "qualify_lead",
    "send_email",
    "create_deal",
    "create_ticket",
    "book_meeting",
    "enroll_sequence",
    "escalate",
    "respond_direct",
]

SALES_FIELDS = [
    {"name": "email", "type": "email", "label": "Work email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "job_title", "type": "text", "label": "Job title"},
    {"name": "company_size", "type": "text", "label": "Company size"},
    {
        "name": "budget",
        "type": "select",
        "label": "Budget",
        "options": ["<$10K", "$10K-$50K", "$50K+"],
    },
    {"name": "message", "type": "textarea", "label": "What do you need?"},
]
SUPPORT_FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "subject", "type": "text", "label": "Subject"},
    {"name": "message", "type": "textarea", "label": "What happened?"},
]
CFO_LEAD = {
    "email": "jane.cfo@bigcorp.com",
    "name": "Jane Miller",
    "company": "BigCorp",
    "job_title": "CFO",
    "company_size": "500",
    "budget": "$50K+",
    "message": "We would like a demo for our finance team.",
}


async def make_agent_form(
    user,
    *,
    flow: str = "sales_lead",
    autonomy: str = "fully_autonomous",
    allowed: list[str] | None = None,
    booking_url: str = "",
    assignment: dict | None = None,
    notify: list[str] | None = None,
    instructions: str = "",
    name: str | None = None,
    extra_fields: list[dict] | None = None,
) -> dict:
    """A sales or support form whose own agent acts, made by the factory."""
    config = {
        "name": name or f"{flow.replace('_', ' ').title()} form",
        "type": "support" if flow == "support_triage" else "sales",
        "flow_id": flow,
        "fields": (SUPPORT_FIELDS if flow == "support_triage" else SALES_FIELDS)
        + (extra_fields or []),
        "agent": {
            "instructions": instructions,
            "autonomy_level": autonomy,
            "allowed_actions": ALL_ACTIONS if allowed is None else allowed,
        },
        "auto": {"booking_url": booking_url, "notify_handler_ids": notify or []},
    }
    if assignment:
        config["assignment"] = assignment
    return await make_form(user, **config)


async def submit_and_process(app, user, form_id: str, data: dict) -> str:
    sid = await submitted(user, form_id, data)
    await drain_jobs(app)
    return sid


async def submission(db, sid: str) -> dict:
    row = await db.fetchone("SELECT * FROM submissions WHERE id = ?", (sid,))
    return {**row, "actions": loads(row["actions"], []), "data": loads(row["data"], {})}


async def event_types(db, sid: str) -> list[str]:
    return [
        r["type"]
        for r in await db.fetchall(
            "SELECT type FROM events WHERE submission_id = ? ORDER BY seq", (sid,)
        )
    ]


async def emails_for(db, sid: str) -> list[dict]:
    return await db.fetchall(
        "SELECT * FROM emails WHERE submission_id = ? ORDER BY created_at, id", (sid,)
    )


async def agent_steps(db, sid: str) -> list[dict]:
    return [a for a in (await submission(db, sid))["actions"] if a["step"].startswith("agent_")]


class ScriptedEngine:
    """A test double at the engine seam (the LLM interface of app/services/llm):
    plays scripted plans or exceptions, calling ``on_retry`` first for items
    given as ("retry", n, then_item). Records the contexts it was asked about."""

    name = "scripted"

    def __init__(self, *items):
        self.items = list(items)
        self.contexts = []

    async def plan_agent_actions(self, context, *, workspace_id=None, on_retry=None):
        self.contexts.append(context)
        item = self.items.pop(0)
        if isinstance(item, tuple) and item[0] == "retry":
            for attempt in range(1, item[1] + 1):
                result = on_retry(attempt, "HTTP 529 overloaded", 0.01)
                if hasattr(result, "__await__"):
                    await result
            item = item[2]
        if isinstance(item, BaseException):
            raise item
        return item

    async def aclose(self):
        """Part of the engine contract; a scripted engine holds no connection."""


async def make_ctx(app, submission_id: str):
    """A JobContext for a claimed process_submission-like job (for calling run_agent directly)."""
    from app.services.platform.jobs import JobContext, claim_job, enqueue

    await app.state.db.write(
        lambda conn: enqueue(conn, "agent_test", {"submission_id": submission_id})
    )
    job = await claim_job(app.state.db, app.state.settings, "test")
    return JobContext(app.state.db, app.state.settings, app.state, job)


async def drain_later(app, clock, seconds: float = 60.0) -> int:
    """Move the frozen clock forward (re-queued and backed-off jobs fall due), then run
    due jobs. Tests use long retry delays plus this, so a retry never sneaks into the
    first drain."""
    clock.advance(seconds)
    return await drain_jobs(app)


async def qualified(app, user, db, form_name: str, data: dict) -> tuple[dict, list]:
    """The qualify_lead step's details and the deals of the submitter, after processing."""
    form = await make_agent_form(user, name=form_name)
    sid = await submit_and_process(app, user, form["id"], data)
    actions = (await submission(db, sid))["actions"]
    qualify = next(a["details"] for a in actions if a["details"].get("action") == "qualify_lead")
    deals = await db.fetchall(
        "SELECT d.id FROM deals d JOIN contacts c ON c.id = d.contact_id WHERE c.email = ?",
        (data["email"],),
    )
    return qualify, deals
