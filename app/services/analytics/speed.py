"""Speed-to-lead (SPEC §10): time from a submission to its first response, the moment a
handler (agent or human flow) first finished with it (submissions.processed_at), in
buckets <1 min, 1–5 min, 5–30 min, 30–60 min, 1–4 h, 4–24 h, >24 h (rollup counters)."""

from __future__ import annotations

from app.services.analytics import totals
from app.services.analytics.ranges import DateRange, delta


def _speed_tx(conn, ws: str, r: DateRange) -> dict:
    now, before = (totals.submissions(conn, ws, p) for p in (r.current, r.previous))
    return {
        "range": r.as_json(),
        "responded": now["responded"],
        "waiting": now["submissions"] - now["responded"],
        "average_seconds": delta(totals.average_speed(now), totals.average_speed(before)),
        "buckets": [
            {
                "bucket": label,
                "count": now[column],
                "percent": totals.percent(now[column], now["responded"]),
            }
            for label, column in zip(totals.SPEED_BUCKETS, totals.SPEED_COLUMNS, strict=True)
        ],
    }


async def speed(db, ws: str, r: DateRange) -> dict:
    return await db.read(_speed_tx, ws, r)
