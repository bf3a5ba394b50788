"""The agent status board (SPEC §11): each agent handler's state, heartbeat,
current submission, pending drafts and recent errors; stuck is flagged when a
processing agent's heartbeat is older than ``stuck_handler_seconds``."""

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


async def agent_board(db, settings, workspace_id: str) -> list[dict]:
    """Agents with their effective state: a processing agent past the heartbeat threshold reads as stuck."""
    rows = await db.read(_rows, workspace_id, iso_ago(86400))
    threshold = iso_ago(settings.stuck_handler_seconds)
    board = []
    for row in rows:
        state = row["state"] if row["state"] in STATES else "idle"
        late = state == "processing" and (row["last_heartbeat_at"] or "") < threshold
        board.append(
            {**row, "state": "stuck" if late else state, "stuck": late or state == "stuck"}
        )
    return board
