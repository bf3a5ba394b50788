"""Sequence health (SPEC §10): per sequence, contacts enrolled in the range and how many
of them are active (or paused), completed or stopped now, with the completion rate."""

from __future__ import annotations

from app.services.analytics import totals
from app.services.analytics.ranges import DateRange


def _health_tx(conn, ws: str, r: DateRange) -> dict:
    rows = conn.all(
        "SELECT s.id, s.name, COUNT(e.id) AS enrolled,"
        " COALESCE(SUM(e.status IN ('active', 'paused')), 0) AS active,"
        " COALESCE(SUM(e.status = 'completed'), 0) AS completed,"
        " COALESCE(SUM(e.status = 'stopped'), 0) AS stopped"
        " FROM sequences s LEFT JOIN enrollments e ON e.sequence_id = s.id"
        " AND e.enrolled_at >= ? AND e.enrolled_at < ?"
        " WHERE s.workspace_id = ? AND s.deleted_at IS NULL GROUP BY s.id ORDER BY s.name",
        (r.current.since, r.current.until, ws),
    )
    data = [
        {**row, "completion_rate": totals.percent(row["completed"], row["enrolled"])}
        for row in rows
    ]
    return {"range": r.as_json(), "sequences": data}


async def sequence_health(db, ws: str, r: DateRange) -> dict:
    return await db.read(_health_tx, ws, r)
