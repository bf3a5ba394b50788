"""Rebuilding a workspace's analytics rollups from its rows. Triggers keep the rollups
(migrations/0040_analytics.sql) as rows arrive and change; a bulk rewrite of history
that moves rows' created_at (the demo's spread over 90 days) calls this afterwards, in
its own transaction. Same SELECTs as the migration's backfill, for one workspace."""

from __future__ import annotations


# Portable SQL (SQLite and PostgreSQL): counts of conditions are SUM(CASE ...), not
# SUM(boolean); every subquery in FROM has an alias.
def _count(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


_PROCESSED, _WON = "status = 'processed'", "stage = 'won'"
_SPEED = ", ".join(
    _count(f"r = 1 AND {band}")
    for band in (
        "s < 60",
        "s >= 60 AND s < 300",
        "s >= 300 AND s < 1800",
        "s >= 1800 AND s < 3600",
        "s >= 3600 AND s < 14400",
        "s >= 14400 AND s < 86400",
        "s >= 86400",
    )
)
_PATH = (
    "COALESCE((SELECT group_concat(src, char(31)) FROM (SELECT src FROM ("
    " SELECT COALESCE(utm_source, '') AS src,"
    " LAG(COALESCE(utm_source, '')) OVER (ORDER BY created_at, id) AS prev"
    " FROM touchpoints WHERE contact_id = d.contact_id AND created_at <= d.created_at) AS steps"
    " WHERE prev IS NULL OR src <> prev) AS path_steps), '')"
)


def rebuild_tx(conn, workspace_id: str) -> None:
    ws = (workspace_id,)
    for table in ("analytics_daily", "analytics_deals_daily", "analytics_totals_daily"):
        conn.execute(f"DELETE FROM {table} WHERE workspace_id = ?", ws)
    conn.execute(
        "INSERT INTO analytics_daily (workspace_id, day, form_id, source, first_source,"
        " submissions, matched, new_contacts, processed, responded, response_seconds, speed_0,"
        " speed_1, speed_2, speed_3, speed_4, speed_5, speed_6)"
        " SELECT workspace_id, day, form_id, source, first_source, COUNT(*),"
        f" {_count('contact_id IS NOT NULL')}, SUM(is_new_contact),"
        f" {_count(_PROCESSED)}, SUM(r),"
        f" SUM(r * s), {_SPEED} FROM (SELECT workspace_id, substr(created_at, 1, 10) AS day,"
        " form_id, COALESCE(json_extract(meta, '$.utm.utm_source'), '') AS source,"
        " COALESCE((SELECT utm_source FROM touchpoints t WHERE t.contact_id = s.contact_id"
        " ORDER BY created_at, id LIMIT 1), '') AS first_source, contact_id, is_new_contact,"
        " status, CASE WHEN processed_at IS NOT NULL THEN 1 ELSE 0 END AS r, MAX(0, COALESCE((julianday(processed_at)"
        " - julianday(created_at)) * 86400.0, 0)) AS s FROM submissions s WHERE workspace_id = ?) AS base"
        " GROUP BY workspace_id, day, form_id, source, first_source",
        ws,
    )
    conn.execute(
        "INSERT INTO analytics_totals_daily (workspace_id, day, contacts)"
        " SELECT workspace_id, substr(created_at, 1, 10), COUNT(*) FROM contacts"
        " WHERE workspace_id = ? GROUP BY 1, 2",
        ws,
    )
    conn.execute(
        "INSERT INTO analytics_totals_daily (workspace_id, day, spam)"
        " SELECT workspace_id, substr(created_at, 1, 10), COUNT(*) FROM spam_log"
        " WHERE workspace_id = ? GROUP BY 1, 2 ON CONFLICT (workspace_id, day) DO UPDATE SET spam = excluded.spam",
        ws,
    )
    conn.execute(
        "INSERT INTO analytics_totals_daily (workspace_id, day, won, revenue)"
        " SELECT workspace_id, substr(COALESCE(closed_at, created_at), 1, 10), COUNT(*),"
        " SUM(amount) FROM deals WHERE workspace_id = ? AND stage = 'won' GROUP BY 1, 2"
        " ON CONFLICT (workspace_id, day) DO UPDATE SET won = excluded.won, revenue = excluded.revenue",
        ws,
    )
    conn.execute(
        "INSERT INTO analytics_deals_daily (workspace_id, day, form_id, source, first_source,"
        " path, deals, won, revenue) SELECT workspace_id, day, form_id, source, first_source,"
        f" path, COUNT(*), {_count(_WON)}, SUM(CASE WHEN stage = 'won' THEN amount ELSE 0 END)"
        " FROM (SELECT d.workspace_id, substr(d.created_at, 1, 10) AS day, d.stage, d.amount,"
        " COALESCE((SELECT form_id FROM submissions WHERE id = d.source_submission_id), '')"
        " AS form_id, COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = d.contact_id"
        " AND created_at <= d.created_at ORDER BY created_at DESC, id DESC LIMIT 1), '') AS source,"
        " COALESCE((SELECT utm_source FROM touchpoints WHERE contact_id = d.contact_id"
        f" ORDER BY created_at, id LIMIT 1), '') AS first_source, {_PATH} AS path"
        " FROM deals d WHERE d.workspace_id = ?) AS base"
        " GROUP BY workspace_id, day, form_id, source, first_source, path",
        ws,
    )
