"""Who a submission goes to when the agent hands over (escalation, outage,
notify-only): the group's fallback handler, then the form's notify handlers,
then a human handler the form is assigned to; the workspace owner is told when
there is nobody else. Used inside write transactions (sync)."""

from __future__ import annotations

from app.db import find_in_workspace, loads, value_in_workspace
from app.services.mail.outbox import queue_email
from app.services.notifications import inbox


def _human(conn, workspace_id: str, handler_id: str | None) -> dict | None:
    if not handler_id:
        return None
    return conn.one(
        "SELECT h.id, h.name, COALESCE(NULLIF(h.email, ''), a.email) AS email FROM handlers h"
        " LEFT JOIN accounts a ON a.id = h.account_id"
        " WHERE h.id = ? AND h.workspace_id = ? AND h.type = 'human' AND h.active = 1 AND h.removed_at IS NULL",
        (handler_id, workspace_id),
    )


def responsible_humans(conn, workspace_id: str, form_id: str) -> list[dict]:
    """Human handlers to hand a submission of this form to, best first."""
    form = (
        find_in_workspace(
            conn,
            "forms",
            form_id,
            workspace_id,
            columns=("assignment_type", "assignment_id", "auto"),
        )
        or {}
    )
    candidates = []
    if form.get("assignment_type") == "group":
        settings = value_in_workspace(
            conn, "handler_groups", form["assignment_id"], workspace_id, "settings"
        )
        candidates.append((loads(settings, {}) or {}).get("fallback_handler_id"))
    candidates += (loads(form.get("auto"), {}) or {}).get("notify_handler_ids") or []
    if form.get("assignment_type") == "handler":
        candidates.append(form.get("assignment_id"))
    humans, seen = [], set()
    for handler_id in candidates:
        row = _human(conn, workspace_id, handler_id) if handler_id not in seen else None
        seen.add(handler_id)
        if row:
            humans.append(row)
    return humans


def responsible_accounts(conn, workspace_id: str, form_id: str) -> list[str]:
    """Member accounts to tell in the app (the bell): the responsible humans who are
    members, else the workspace owner."""
    humans = responsible_humans(conn, workspace_id, form_id)
    accounts = inbox.handler_accounts(conn, workspace_id, [h["id"] for h in humans])
    owner = inbox.owner_account(conn, workspace_id)
    return accounts or ([owner] if owner else [])


def owner_email(conn, workspace_id: str) -> str | None:
    return conn.value(
        "SELECT a.email FROM workspaces w JOIN accounts a ON a.id = w.owner_id WHERE w.id = ?",
        (workspace_id,),
    )


def hand_over_tx(
    conn,
    workspace_id: str,
    submission: dict,
    *,
    subject: str,
    body: str,
    key: str,
    assign: bool = True,
) -> dict:
    """Notify the responsible humans by email (idempotent per ``key``) and, with
    ``assign``, give the submission to the first of them. Returns who was told."""
    humans = responsible_humans(conn, workspace_id, submission["form_id"])
    recipients = [h["email"] for h in humans if h.get("email")]
    if not recipients and (owner := owner_email(conn, workspace_id)):
        recipients = [owner]
    link = f"Submission: /submissions/{submission['id']}"
    for to in dict.fromkeys(recipients):
        queue_email(
            conn,
            workspace_id,
            to=to,
            subject=subject,
            body_text=f"{body}\n\n{link}\n",
            kind="transactional",
            submission_id=submission["id"],
            related={"submission_id": submission["id"], "reason": "agent_handover"},
            dedupe_key=f"{key}:{to.lower()}",  # per person, whatever the list's order
        )
    assigned = humans[0]["id"] if humans and assign else None
    if assigned:
        conn.execute(
            "UPDATE submissions SET assigned_type = 'handler', assigned_id = ? WHERE id = ? AND workspace_id = ?",
            (assigned, submission["id"], workspace_id),
        )
        inbox.notify_assigned_tx(conn, workspace_id, submission["id"], assigned)
    return {"notified": list(dict.fromkeys(recipients)), "assigned_to": assigned}
