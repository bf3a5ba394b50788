"""The runner's write transactions: run bookkeeping, handler state, and what
each autonomy level does with a checked plan (SPEC §6.4). All sync, each
called through a fenced ``write``."""

from __future__ import annotations

from app.db import clock, dumps, loads, new_id, now_iso, value_in_workspace
from app.db.clock import iso_in, parse_iso
from app.services.agents.humans import hand_over_tx, responsible_accounts
from app.services.llm.grounding import invented
from app.services.notifications import inbox
from app.services.processing.steps import record_step


# -- handler state -------------------------------------------------------------
def set_handler_tx(
    conn, workspace_id: str, handler_id: str | None, state: str, submission_id: str | None
) -> None:
    if handler_id:
        conn.execute(
            "UPDATE handlers SET state = ?, current_submission_id = ?, last_heartbeat_at = ?"
            " WHERE id = ? AND workspace_id = ?",
            (state, submission_id, now_iso(), handler_id, workspace_id),
        )


def settle_handler_tx(conn, workspace_id: str, handler_id: str | None) -> None:
    """Idle, or waiting_approval while the handler has drafts pending."""
    if not handler_id:
        return
    pending = conn.value(
        "SELECT submission_id FROM drafts WHERE handler_id = ? AND workspace_id = ? AND status = 'pending'"
        " ORDER BY created_at DESC LIMIT 1",
        (handler_id, workspace_id),
    )
    set_handler_tx(
        conn, workspace_id, handler_id, "waiting_approval" if pending else "idle", pending
    )


# -- run bookkeeping -------------------------------------------------------------
def start_tx(conn, workspace_id: str, submission_id: str, handler_id: str | None) -> dict:
    now = now_iso()
    conn.execute(
        "INSERT INTO agent_runs (submission_id, workspace_id, handler_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO UPDATE SET handler_id = excluded.handler_id,"
        " updated_at = excluded.updated_at",
        (submission_id, workspace_id, handler_id, now, now),
    )
    # A run after a hand-over (a human reprocessing it) gets its own LLM re-queue.
    conn.execute(
        "UPDATE agent_runs SET llm_requeues = 0, status = 'planning' WHERE submission_id = ? AND status = 'failed'",
        (submission_id,),
    )
    conn.execute(
        "UPDATE submissions SET status = 'processing' WHERE id = ? AND workspace_id = ?",
        (submission_id, workspace_id),
    )
    set_handler_tx(conn, workspace_id, handler_id, "processing", submission_id)
    run = conn.one("SELECT * FROM agent_runs WHERE submission_id = ?", (submission_id,))
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_processing",
        "started",
        entity_id=handler_id,
        details={"replaying_stored_plan": run["plan"] is not None},
        handler_id=handler_id,
    )
    return {**run, "plan": loads(run["plan"], None)}


def retry_event_tx(
    conn, workspace_id: str, submission_id: str, handler_id: str | None, details: dict
) -> None:
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_retry",
        "retrying",
        details=details,
        handler_id=handler_id,
    )
    if handler_id:
        conn.execute(
            "UPDATE handlers SET last_heartbeat_at = ? WHERE id = ? AND workspace_id = ?",
            (now_iso(), handler_id, workspace_id),
        )


def ungrounded_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    handler_id: str | None,
    problems: list,
    attempt: int,
    outcome: str,
) -> None:
    """A plan whose messages state numbers, dates or names found in no input (issue 20)."""
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_ungrounded",
        outcome,
        handler_id=handler_id,
        details={
            "numbers": sorted({n for p in problems for n in p["numbers"]}),
            "facts": invented(problems),
            "attempt": attempt,
            "outcome": outcome,
        },
    )


def requeue_tx(
    conn, workspace_id: str, submission_id: str, handler_id: str | None, error: str, delay: float
) -> None:
    conn.execute(
        "UPDATE agent_runs SET llm_requeues = llm_requeues + 1, status = 'requeued', last_error = ?,"
        " updated_at = ? WHERE submission_id = ?",
        (error, now_iso(), submission_id),
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_retry",
        "requeued",
        handler_id=handler_id,
        details={"error": error, "retry_in_seconds": delay, "run_at": iso_in(delay)},
    )
    settle_handler_tx(conn, workspace_id, handler_id)


def store_plan_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    handler_id: str | None,
    plan: dict,
    checked: dict,
    engine: str,
) -> None:
    """Keep the plan (a retry replays it) and log each blocked action once."""
    conn.execute(
        "UPDATE agent_runs SET plan = ?, blocked = ?, engine = ?, status = 'planned', updated_at = ?"
        " WHERE submission_id = ?",
        (dumps(plan), dumps(checked["blocked"]), engine, now_iso(), submission_id),
    )
    for item in checked["blocked"]:
        record_step(
            conn,
            workspace_id,
            submission_id,
            "agent_action_blocked",
            "blocked",
            handler_id=handler_id,
            details={"action": item["action"], "index": item["index"], "reason": item["reason"]},
        )
    if checked["blocked"]:
        flag = "Blocked: " + "; ".join(f"{b['action']} ({b['reason']})" for b in checked["blocked"])
        conn.execute(
            "UPDATE submissions SET agent_flag = ? WHERE id = ? AND workspace_id = ?",
            (flag[:500], submission_id, workspace_id),
        )


def _append_notes(conn, workspace_id: str, submission_id: str, text: str) -> None:
    notes = conn.value("SELECT agent_notes FROM submissions WHERE id = ?", (submission_id,)) or ""
    if text not in notes:
        conn.execute(
            "UPDATE submissions SET agent_notes = ? WHERE id = ? AND workspace_id = ?",
            ((notes + "\n\n" + text).strip(), submission_id, workspace_id),
        )


def close_submission_tx(
    conn, workspace_id: str, submission_id: str, status: str, review_due: str | None = None
) -> None:
    created_at = value_in_workspace(conn, "submissions", submission_id, workspace_id, "created_at")
    duration = int((clock.utcnow() - parse_iso(created_at)).total_seconds() * 1000)
    conn.execute(
        "UPDATE submissions SET status = ?, processed_at = ?, processing_duration_ms = ?,"
        " review_due_at = COALESCE(?, review_due_at) WHERE id = ? AND workspace_id = ?",
        (status, now_iso(), duration, review_due, submission_id, workspace_id),
    )


def finish_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    handler_id: str | None,
    *,
    status: str,
    review_hours: float | None = None,
    details: dict | None = None,
) -> str:
    """Set the final status, processed_at and duration; settle the handler."""
    review_due = iso_in(review_hours * 3600) if review_hours else None
    close_submission_tx(conn, workspace_id, submission_id, status, review_due)
    if review_due:
        _tell_responsible(
            conn,
            workspace_id,
            submission_id,
            kind="review",
            text="the agent acted on its own; review it",
            entity_id=submission_id,
            key=f"review:{submission_id}:{review_due}",
        )
    conn.execute(
        "UPDATE agent_runs SET status = 'done', updated_at = ? WHERE submission_id = ?",
        (now_iso(), submission_id),
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_completed",
        "done",
        handler_id=handler_id,
        details={
            "status": status,
            **({"review_due_at": review_due} if review_due else {}),
            **(details or {}),
        },
    )
    settle_handler_tx(conn, workspace_id, handler_id)
    return status


def _tell_responsible(conn, workspace_id: str, submission_id: str, *, text: str, **notice) -> None:
    """The bell of the form's responsible humans (else the owner): "<who did what> — <text>."""
    form_id = value_in_workspace(conn, "submissions", submission_id, workspace_id, "form_id")
    phrase = inbox.submission_phrase(conn, workspace_id, submission_id)
    inbox.notify_accounts_tx(
        conn,
        workspace_id,
        responsible_accounts(conn, workspace_id, form_id),
        text=f"{phrase} — {text}.",
        **notice,
    )


def summary_text(checked: dict) -> str:
    lines = [f"Agent summary: {checked['reasoning']}".strip()]
    for n, item in enumerate(checked["actions"], 1):
        d = item["details"]
        gist = (
            d.get("subject")
            or d.get("name")
            or d.get("title")
            or d.get("reason")
            or d.get("score")
            or d.get("message")
            or ""
        )
        lines.append(f"{n}. {item['action']}: {str(gist)[:200]}")
    return "\n".join(lines)


# -- autonomy levels -------------------------------------------------------------
def notify_only_tx(
    conn, workspace_id: str, submission_id: str, handler_id: str | None, checked: dict
) -> str:
    """Nothing runs: the summary is stored and the responsible humans are told."""
    text = summary_text(checked) + (
        "\n(Proposed only: this form's agent is set to notify.)" if checked["actions"] else ""
    )
    _append_notes(conn, workspace_id, submission_id, text)
    sub = conn.one("SELECT id, form_id FROM submissions WHERE id = ?", (submission_id,))
    told = hand_over_tx(
        conn,
        workspace_id,
        sub,
        subject="New submission: the agent's summary",
        body=text,
        key=f"{submission_id}:notify",
        assign=False,
    )
    return finish_tx(
        conn,
        workspace_id,
        submission_id,
        handler_id,
        status="processed",
        details={"autonomy": "notify_only", "notified": told["notified"]},
    )


def create_draft_tx(
    conn, workspace_id: str, submission_id: str, handler_id: str | None, checked: dict
) -> str:
    """A pending draft waits for a human; one per submission at a time."""
    existing = conn.one(
        "SELECT id, status FROM drafts WHERE submission_id = ? AND workspace_id = ?"
        " ORDER BY created_at DESC LIMIT 1",
        (submission_id, workspace_id),
    )
    if existing and existing["status"] == "approved":
        return finish_tx(
            conn,
            workspace_id,
            submission_id,
            handler_id,
            status="processed",
            details={"autonomy": "draft", "draft_id": existing["id"], "already_approved": True},
        )
    draft_id = existing["id"] if existing and existing["status"] == "pending" else None
    if draft_id is None:
        draft_id = new_id("draft")
        actions = [{"action": a["action"], "details": a["details"]} for a in checked["actions"]]
        conn.execute(
            "INSERT INTO drafts (id, workspace_id, submission_id, handler_id, reasoning, planned_actions,"
            " contact_updates, blocked_actions, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
            (
                draft_id,
                workspace_id,
                submission_id,
                handler_id,
                checked["reasoning"],
                dumps(actions),
                dumps(checked["contact_updates"]),
                dumps(checked["blocked"]),
                now_iso(),
            ),
        )
        record_step(
            conn,
            workspace_id,
            submission_id,
            "agent_draft",
            "pending",
            entity_id=draft_id,
            handler_id=handler_id,
            details={"draft_id": draft_id, "actions": len(actions)},
        )
        _tell_responsible(
            conn,
            workspace_id,
            submission_id,
            kind="draft",
            text="the agent's draft waits for your approval",
            entity_id=draft_id,
            key=f"draft:{draft_id}",
        )
    conn.execute(
        "UPDATE submissions SET status = 'awaiting_approval' WHERE id = ? AND workspace_id = ?",
        (submission_id, workspace_id),
    )
    conn.execute(
        "UPDATE agent_runs SET status = 'awaiting_approval', updated_at = ? WHERE submission_id = ?",
        (now_iso(), submission_id),
    )
    settle_handler_tx(conn, workspace_id, handler_id)
    return "awaiting_approval"


def _count_errors(conn, submission_id: str, kind: str) -> int:
    return conn.value(
        "SELECT COUNT(*) FROM errors WHERE submission_id = ? AND kind = ?", (submission_id, kind)
    )


def fail_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    handler_id: str | None,
    *,
    kind: str,
    message: str,
    details: dict | None = None,
) -> str:
    """Give up on the agent: an errors row, human review, the fallback handler told."""
    conn.execute(
        "INSERT INTO errors (id, workspace_id, submission_id, handler_id, kind, message, details, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("err"),
            workspace_id,
            submission_id,
            handler_id,
            kind,
            message,
            dumps(details or {}),
            now_iso(),
        ),
    )
    conn.execute(
        "UPDATE agent_runs SET status = 'failed', last_error = ?, updated_at = ? WHERE submission_id = ?",
        (message, now_iso(), submission_id),
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_error",
        "failed",
        handler_id=handler_id,
        details={"kind": kind, "error": message, **(details or {})},
    )
    sub = conn.one("SELECT id, form_id FROM submissions WHERE id = ?", (submission_id,))
    told = hand_over_tx(
        conn,
        workspace_id,
        sub,
        subject="Needs a human: the AI agent could not process a submission",
        body=f"The agent gave up on this submission and handed it to you.\nWhy: {message}",
        key=f"{submission_id}:failure:{kind}:{_count_errors(conn, submission_id, kind)}",
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_escalated",
        "done",
        entity_id=told["assigned_to"],
        handler_id=handler_id,
        details={"reason": message, **told},
    )
    _append_notes(conn, workspace_id, submission_id, f"Agent error ({kind}): {message}")
    close_submission_tx(conn, workspace_id, submission_id, "needs_human_review")
    set_handler_tx(conn, workspace_id, handler_id, "error", submission_id)
    return "needs_human_review"


def crash_tx(
    conn, workspace_id: str, submission_id: str, handler_id: str | None, error: str
) -> None:
    """An unexpected failure: logged; the job's retry resumes from action_runs."""
    conn.execute(
        "UPDATE agent_runs SET last_error = ?, updated_at = ? WHERE submission_id = ?",
        (error, now_iso(), submission_id),
    )
    record_step(
        conn,
        workspace_id,
        submission_id,
        "agent_error",
        "will_retry",
        handler_id=handler_id,
        details={"error": error},
    )
    set_handler_tx(conn, workspace_id, handler_id, "error", submission_id)
