"""The ``process_submission`` job (SPEC §6.1): run the form's flow.

One run = one transaction that starts (status ``processing``), runs the
deterministic steps (emails queued, activity, ticket/task, notify, route) and,
when no agent is involved, finishes (status, ``processed_at``,
``processing_duration_ms``). When the flow calls for an agent, that first
transaction commits, the agent runs outside any transaction (through the Agents
seam) and a second one finishes. Every write goes through ``ctx.write`` (fenced).
"""

from __future__ import annotations

import logging

from app.db import dumps, loads, new_id, now_iso
from app.db.clock import parse_iso
from app.services.capture.pipeline import form_from_row
from app.services.consent import double_opt_in
from app.services.crm.memory import submitter_email
from app.services.crm.search_index import reindex_contacts_tx
from app.services.platform.jobs import RetryLater
from app.services.processing import flow_steps as s
from app.services.processing.steps import record_step

log = logging.getLogger("formagent.flows")

FINAL = ("processed", "awaiting_approval", "needs_human_review", "failed")
AGENT_FLOWS = ("sales_lead", "support_triage")
# The event that closes a run, by the status the run ends in.
FINISHED_EVENTS = {
    "processed": "submission_processed",
    "awaiting_approval": "submission_awaiting_approval",
    "needs_human_review": "submission_needs_human_review",
}
DEFAULT_CONFIRMATION = "Hi {{name|there}},\n\nThanks for contacting us through “{{form_name}}”. We received your message and will get back to you soon."
SUPPORT_CONFIRMATION = "Hi {{name|there}},\n\nWe opened ticket {{ticket_reference}} for your request. Reply to this email to add details."
BOOKING_CONFIRMATION = "Hi {{name|there}},\n\nThanks for your booking request. Pick a time that suits you here: {{booking_url}}"


def _load_tx(conn, submission_id: str, reprocess: bool):
    sub = conn.one("SELECT * FROM submissions WHERE id = ?", (submission_id,))
    if sub is None:
        return None
    if sub["status"] in FINAL and not reprocess:
        return None  # a re-run of a finished job: nothing to do
    form_row = conn.one("SELECT * FROM forms WHERE id = ?", (sub["form_id"],))
    contact = (
        conn.one("SELECT * FROM contacts WHERE id = ?", (sub["contact_id"],))
        if sub["contact_id"]
        else None
    )
    if contact is not None:
        # Contact memory wrote the contact in the capture transaction; its search
        # index is derived data, written here so the 201 does not wait for it.
        reindex_contacts_tx(conn, sub["workspace_id"], [contact["id"]])
    conn.execute("UPDATE submissions SET status = 'processing' WHERE id = ?", (submission_id,))
    sub["data"] = loads(sub["data"], {})
    fc = s.FlowContext(sub["workspace_id"], sub, form_from_row(form_row), contact, None)
    fc.email = submitter_email(fc.form, sub["data"])
    s.step(
        conn,
        fc,
        "processing_started",
        details={"flow": sub["flow_id"], "reprocess": reprocess},
        event="submission_processing",
    )
    return fc


def _email_marketing(conn, fc):
    if double_opt_in.hold_tx(conn, fc):  # SPEC §19: the rest runs once the person confirms
        return
    s.campaign(conn, fc)
    s.welcome(conn, fc)
    s.enroll_in_sequence(conn, fc)
    s.activity(conn, fc)
    s.notify(conn, fc)


def _sales_lead(conn, fc):
    s.confirmation(conn, fc, default=None)
    s.activity(conn, fc)
    s.route(conn, fc)
    s.notify(conn, fc, fc.route.notify if fc.route and not fc.route.is_agent else [])


def _support_triage(conn, fc):
    s.ticket(conn, fc)
    s.confirmation(conn, fc, default=SUPPORT_CONFIRMATION, ticket_reference=fc.ticket[1])
    s.route(conn, fc)
    s.assign_ticket(conn, fc)
    s.notify(conn, fc, fc.route.notify if fc.route and not fc.route.is_agent else [])


def _booking_request(conn, fc):
    if fc.form["auto"].get("booking_url"):
        s.confirmation(conn, fc, default=BOOKING_CONFIRMATION)
    else:
        s.step(
            conn,
            fc,
            "confirmation",
            "skipped",
            details={"reason": "no booking link is set on this form"},
        )
    s.activity(conn, fc, "booking_request")
    s.notify(conn, fc)


def _direct_route(conn, fc):
    s.route(conn, fc)
    s.task(conn, fc)
    s.confirmation(conn, fc, default=DEFAULT_CONFIRMATION)
    s.notify(conn, fc, fc.route.notify if fc.route and not fc.route.is_agent else [])


def _notify_only(conn, fc):
    s.notify(conn, fc)


FLOWS = {
    "email_marketing": _email_marketing,
    "sales_lead": _sales_lead,
    "support_triage": _support_triage,
    "booking_request": _booking_request,
    "direct_route": _direct_route,
    "notify_only": _notify_only,
}


def _run_tx(conn, submission_id: str, reprocess: bool):
    """Start, run the deterministic steps and — when no agent is involved — finish, all in
    one transaction: a deterministic flow costs one write hop."""
    fc = _load_tx(conn, submission_id, reprocess)
    if fc is None:
        return None
    FLOWS.get(fc.submission["flow_id"], _direct_route)(conn, fc)
    if not _needs_agent(fc):
        _finish_tx(conn, fc, "processed", _outcome(fc))
        fc.finished = True
    return fc


def _needs_agent(fc) -> bool:
    """Agents act on sales leads and support requests routed to an agent, or when the
    form has no assignment (its own agent settings act)."""
    if fc.submission["flow_id"] not in AGENT_FLOWS or fc.route is None:
        return False
    return fc.route.kind is None or (fc.route.kind == "handler" and fc.route.is_agent)


def _outcome(fc) -> str:
    r = fc.route
    if r is None or r.kind is None:
        return fc.submission["flow_id"]
    if r.kind == "broadcast":
        return "awaiting_claim"
    if r.kind == "unassigned":
        return "unassigned"
    return f"assigned:{r.handler_id}"


def _finish_tx(conn, fc, status: str, outcome: str | None):
    now = now_iso()
    duration = int((parse_iso(now) - parse_iso(fc.submission["created_at"])).total_seconds() * 1000)
    previous = loads(
        conn.value("SELECT created_entities FROM submissions WHERE id = ?", (fc.sid,)), {}
    )
    conn.execute(
        "UPDATE submissions SET status = ?, outcome = COALESCE(?, outcome, 'agent'), processed_at = ?,"
        " processing_duration_ms = ?, created_entities = ? WHERE id = ?",
        (status, outcome, now, max(0, duration), dumps({**previous, **fc.created}), fc.sid),
    )
    s.step(
        conn,
        fc,
        "completed",
        details={"status": status, "outcome": outcome, "duration_ms": duration},
        event=FINISHED_EVENTS[status],
    )


async def _run_agent(ctx, fc) -> str:
    try:
        from app.services.agents.runner import run_agent  # the Agents seam, built in parallel
    except ImportError as exc:
        if not (getattr(exc, "name", "") or "").startswith("app.services.agents"):
            raise
        await ctx.write(
            lambda conn: s.step(
                conn, fc, "agent", "skipped", details={"reason": "agent not available"}
            )
        )
        return "processed"
    return await run_agent(ctx, fc.workspace_id, fc.sid, fc.route.handler_id if fc.route else None)


def _fail_tx(conn, workspace_id: str, submission_id: str, error: str):
    # the run that failed rolled back its reindex: the contact is still findable
    contact_id = conn.value("SELECT contact_id FROM submissions WHERE id = ?", (submission_id,))
    reindex_contacts_tx(conn, workspace_id, [contact_id])
    conn.execute(
        "UPDATE submissions SET status = 'needs_human_review', processed_at = ? WHERE id = ?",
        (now_iso(), submission_id),
    )
    conn.execute(
        "INSERT INTO errors (id, workspace_id, submission_id, kind, message, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (new_id("err"), workspace_id, submission_id, "flow_failed", error[:2000], now_iso()),
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "failed",
        "failed",
        details={"error": error[:500]},
        event="submission_needs_human_review",
    )


async def process_submission(ctx, payload: dict) -> None:
    """Job handler: run a submission's flow; on the last failed attempt, hand it to a human."""
    submission_id = payload["submission_id"]
    try:
        fc = await ctx.write(_run_tx, submission_id, bool(payload.get("reprocess")))
        if fc is None or fc.finished:
            return
        # the agent runs outside any transaction (it may call the LLM), then the finish
        status = await _run_agent(ctx, fc)
        await ctx.write(_finish_tx, fc, status, None)
    except RetryLater:
        raise
    except Exception as exc:
        if ctx.job.attempts >= ctx.job.max_attempts and type(exc).__name__ != "LeaseLost":
            row = await ctx.db.fetchone(
                "SELECT workspace_id FROM submissions WHERE id = ?", (submission_id,)
            )
            if row:
                await ctx.write(
                    _fail_tx, row["workspace_id"], submission_id, f"{type(exc).__name__}: {exc}"
                )
        raise
