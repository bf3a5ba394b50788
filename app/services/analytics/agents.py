"""Agent performance (SPEC §10), per handler over the submissions assigned to it and
created in the range: average handling time, success (processed), escalation (sent to a
person), error (hit an error or failed) and recovery (of those with an error, processed
in the end) rates, and actions per submission."""

from __future__ import annotations

from app.db import get_in_workspace
from app.services.analytics import totals
from app.services.analytics.ranges import DateRange


def _handler_numbers(conn, ws: str, handler_id: str, r: DateRange) -> dict:
    p = r.current
    row = conn.one(
        "SELECT COUNT(*) AS handled, AVG(processing_duration_ms) AS avg_ms,"
        " COALESCE(SUM(status = 'processed'), 0) AS processed,"
        " COALESCE(SUM(status IN ('needs_human_review', 'awaiting_approval')), 0) AS escalated,"
        " COALESCE(SUM(status = 'failed'), 0) AS failed,"
        " AVG(json_array_length(actions)) AS actions"
        " FROM submissions WHERE assigned_id = ? AND created_at >= ? AND created_at < ?"
        " AND workspace_id = ?",
        (handler_id, p.since, p.until, ws),
    )
    errors = conn.one(
        "SELECT COUNT(*) AS errored, COALESCE(SUM(s.status = 'processed'), 0) AS recovered"
        " FROM submissions s WHERE s.assigned_id = ? AND s.created_at >= ? AND s.created_at < ?"
        " AND s.workspace_id = ? AND (s.status = 'failed'"
        " OR EXISTS (SELECT 1 FROM errors e WHERE e.submission_id = s.id))",
        (handler_id, p.since, p.until, ws),
    )
    handled = row["handled"]
    return {
        "handled": handled,
        "avg_handling_seconds": None if row["avg_ms"] is None else round(row["avg_ms"] / 1000, 2),
        "success_rate": totals.percent(row["processed"], handled),
        "escalation_rate": totals.percent(row["escalated"], handled),
        "error_rate": totals.percent(errors["errored"], handled),
        "recovery_rate": totals.percent(errors["recovered"], errors["errored"]),
        "actions_per_submission": None if row["actions"] is None else round(row["actions"], 2),
    }


def _agent_tx(conn, ws: str, handler_id: str, r: DateRange) -> dict:
    handler = get_in_workspace(
        conn, "handlers", handler_id, ws, columns=("id", "name", "type"), missing="No such handler."
    )
    return {"handler": handler, "range": r.as_json(), **_handler_numbers(conn, ws, handler_id, r)}


def _agents_tx(conn, ws: str, r: DateRange) -> dict:
    handlers = conn.all(
        "SELECT id, name, type FROM handlers WHERE workspace_id = ? ORDER BY type, name, id", (ws,)
    )
    data = [{"handler": h, **_handler_numbers(conn, ws, h["id"], r)} for h in handlers]
    return {"range": r.as_json(), "handlers": data}


async def agent_performance(db, ws: str, handler_id: str, r: DateRange) -> dict:
    return await db.read(_agent_tx, ws, handler_id, r)


async def all_agents(db, ws: str, r: DateRange) -> dict:
    return await db.read(_agents_tx, ws, r)
