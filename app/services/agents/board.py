"""The agent status board (SPEC §11): each agent handler's state, heartbeat,
current submission, pending drafts and recent errors; stuck is flagged when a
processing agent's heartbeat is older than ``stuck_handler_seconds``.

A form with no assignment has its own agent (its agent settings act, SPEC §6.1): it
has no handler row, so it is listed from its runs — one row per form whose agent has
acted — with its state read from those runs and its drafts."""

from __future__ import annotations

from app.db.clock import iso_ago

STATES = ("idle", "processing", "waiting_approval", "stuck", "error")


def _rows(conn, workspace_id: str, day_ago: str) -> list[dict]:
    return conn.all(
        "SELECT h.id, h.name, h.active, h.removed_at, h.state, h.last_heartbeat_at, h.current_submission_id,"
        " f.name AS current_form_name,"
        " (SELECT COUNT(*) FROM drafts d WHERE d.handler_id = h.id AND d.status = 'pending') AS pending_drafts,"
        " (SELECT COUNT(*) FROM errors e WHERE e.handler_id = h.id AND e.created_at >= ?) AS errors_24h,"
        " (SELECT message FROM errors e WHERE e.handler_id = h.id ORDER BY e.created_at DESC LIMIT 1) AS last_error"
        " FROM handlers h LEFT JOIN submissions s ON s.id = h.current_submission_id"
        " LEFT JOIN forms f ON f.id = s.form_id"
        " WHERE h.workspace_id = ? AND h.type = 'agent' ORDER BY h.removed_at IS NOT NULL, h.name, h.id",
        (day_ago, workspace_id),
    )


def _form_agent_rows(conn, workspace_id: str, day_ago: str) -> list[dict]:
    return conn.all(
        "SELECT f.id AS form_id, f.name AS form_name, MAX(r.updated_at) AS last_heartbeat_at,"
        " SUM(CASE WHEN r.status IN ('planning', 'requeued', 'planned') THEN 1 ELSE 0 END) AS running,"
        " (SELECT COUNT(*) FROM drafts d JOIN submissions ds ON ds.id = d.submission_id"
        "   WHERE ds.form_id = f.id AND d.workspace_id = f.workspace_id AND d.handler_id IS NULL"
        "   AND d.status = 'pending') AS pending_drafts,"
        " (SELECT COUNT(*) FROM errors e JOIN submissions es ON es.id = e.submission_id"
        "   WHERE es.form_id = f.id AND e.workspace_id = f.workspace_id AND e.handler_id IS NULL"
        "   AND e.created_at >= ?) AS errors_24h,"
        " (SELECT r2.last_error FROM agent_runs r2 JOIN submissions s2 ON s2.id = r2.submission_id"
        "   WHERE s2.form_id = f.id AND r2.workspace_id = f.workspace_id AND r2.handler_id IS NULL"
        "   AND r2.status = 'failed' ORDER BY r2.updated_at DESC LIMIT 1) AS last_error"
        " FROM agent_runs r JOIN submissions s ON s.id = r.submission_id AND s.workspace_id = r.workspace_id"
        " JOIN forms f ON f.id = s.form_id"
        " WHERE r.workspace_id = ? AND r.handler_id IS NULL"
        " GROUP BY f.id, f.name, f.workspace_id ORDER BY f.name, f.id",
        (day_ago, workspace_id),
    )


def _form_agent(row: dict) -> dict:
    state = (
        "processing"
        if row["running"]
        else "waiting_approval"
        if row["pending_drafts"]
        else "error"
        if row["last_error"]
        else "idle"
    )
    return {
        "id": "form-" + row["form_id"],
        "form_id": row["form_id"],
        "name": f"{row['form_name']} agent",
        "kind": "form",
        "active": True,
        "removed_at": None,
        "state": state,
        "stuck": False,
        "last_heartbeat_at": row["last_heartbeat_at"],
        "current_submission_id": None,
        "current_form_name": None,
        "pending_drafts": row["pending_drafts"],
        "errors_24h": row["errors_24h"],
        "last_error": row["last_error"],
    }


async def agent_board(db, settings, workspace_id: str) -> list[dict]:
    """Agents with their effective state: a processing agent past the heartbeat threshold
    reads as stuck. Handler agents first, then the forms' own agents that have acted."""
    day_ago = iso_ago(86400)
    rows = await db.read(_rows, workspace_id, day_ago)
    threshold = iso_ago(settings.stuck_handler_seconds)
    board = []
    for row in rows:
        state = row["state"] if row["state"] in STATES else "idle"
        late = state == "processing" and (row["last_heartbeat_at"] or "") < threshold
        board.append(
            {
                **row,
                "kind": "handler",
                "state": "stuck" if late else state,
                "stuck": late or state == "stuck",
            }
        )
    return board + [_form_agent(r) for r in await db.read(_form_agent_rows, workspace_id, day_ago)]
