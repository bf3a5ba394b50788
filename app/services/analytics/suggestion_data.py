"""The numbers the optimisation assistant reasons from, one form at a time (SPEC §10).

Every figure is an SQL aggregate over the form's recent rows, read in one
transaction: field interactions (what embed.js sends with each submission),
which fields were answered, views and starts (the beacon rollup), deals that
came from the form, the agent's reviewed drafts and the reasons it escalated. Nothing is loaded row by
row into Python.
"""

from __future__ import annotations

from app.db.clock import iso_ago
from app.db.dialect import json_flag, json_real

WINDOW_DAYS = 90  # suggestions follow the form as it has been lately, not as it was a year ago
# Field rules read the latest submissions only: a few thousand answer "which field do people
# skip" as well as a hundred thousand, and keep the editor page fast on a busy form.
SAMPLE = 5000
# The latest SAMPLE submissions of the form in the window, by rowid (from the
# (form_id, created_at) index, which carries the rowid).
_RECENT = (
    "WITH recent AS (SELECT rowid AS rid FROM submissions WHERE form_id = ? AND created_at >= ?"
    " ORDER BY created_at DESC LIMIT ?)"
)
MAX_NOTES = 5
MAX_REASONS = 50  # distinct escalation reasons read; the rest are too rare to matter

# A value counts as answered unless it is null, "", [] or false (an unticked checkbox).
_ANSWERED = (
    "j.type NOT IN ('null', 'false')"
    " AND NOT (j.type = 'text' AND j.atom = '')"
    " AND NOT (j.type = 'array' AND json_array_length(j.value) = 0)"
)


_FOCUSED, _FILLED = json_flag("j.value", "focused"), json_flag("j.value", "filled")


def _interactions(conn, form_id: str, since: str) -> dict:
    rows = conn.all(
        _RECENT + " SELECT j.key AS name,"
        f" SUM({_FOCUSED}) AS focused, SUM({_FOCUSED} * {_FILLED}) AS focused_filled,"
        f" AVG(CASE WHEN {_FOCUSED} = 1 THEN {json_real('j.value', 'time_ms')} END) AS avg_ms"
        " FROM recent JOIN submissions s ON s.rowid = recent.rid, json_each(s.field_interactions) j"
        " GROUP BY j.key",
        (form_id, since, SAMPLE),
    )
    return {r["name"]: r for r in rows}


def _answered(conn, form_id: str, since: str) -> dict:
    rows = conn.all(
        _RECENT + " SELECT j.key AS name, COUNT(*) AS n"
        " FROM recent JOIN submissions s ON s.rowid = recent.rid, json_each(s.data) j"
        f" WHERE {_ANSWERED} GROUP BY j.key",
        (form_id, since, SAMPLE),
    )
    return {r["name"]: r["n"] for r in rows}


def _deals(conn, workspace_id: str, form_id: str, since: str) -> dict:
    """Sampled submissions that led to a deal, and which fields they answered. Read from
    the deals side (few rows) joined to submissions by primary key."""
    sampled = (
        " FROM deals d JOIN submissions s ON s.id = d.source_submission_id"
        " WHERE d.workspace_id = ? AND s.form_id = ? AND s.rowid IN (SELECT rid FROM recent)"
    )
    args = (form_id, since, SAMPLE, workspace_id, form_id)
    total = conn.value(_RECENT + " SELECT COUNT(DISTINCT s.id)" + sampled, args)
    rows = conn.all(
        _RECENT + " SELECT j.key AS name, COUNT(DISTINCT s.id) AS n"
        " FROM deals d JOIN submissions s ON s.id = d.source_submission_id, json_each(s.data) j"
        " WHERE d.workspace_id = ? AND s.form_id = ? AND s.rowid IN (SELECT rid FROM recent)"
        f" AND {_ANSWERED} GROUP BY j.key",
        args,
    )
    return {"total": total or 0, "answered": {r["name"]: r["n"] for r in rows}}


def _drafts(conn, workspace_id: str, form_id: str, since: str) -> dict:
    counts = conn.one(
        "SELECT SUM(d.status = 'approved') AS approved, SUM(d.status = 'rejected') AS rejected"
        " FROM drafts d JOIN submissions s ON s.id = d.submission_id"
        " WHERE d.workspace_id = ? AND s.form_id = ? AND d.created_at >= ?",
        (workspace_id, form_id, since),
    )
    notes = conn.all(
        "SELECT TRIM(d.note) AS note, COUNT(*) AS n FROM drafts d"
        " JOIN submissions s ON s.id = d.submission_id"
        " WHERE d.workspace_id = ? AND s.form_id = ? AND d.created_at >= ?"
        " AND d.status = 'rejected' AND TRIM(d.note) != ''"
        " GROUP BY TRIM(d.note) ORDER BY n DESC, note LIMIT ?",
        (workspace_id, form_id, since, MAX_NOTES),
    )
    return {
        "approved": counts["approved"] or 0,
        "rejected": counts["rejected"] or 0,
        "notes": [r["note"] for r in notes],
    }


def _escalations(conn, workspace_id: str, form_id: str, since: str) -> dict:
    """Why the agent handed this form's submissions to a person: the reasons it gave,
    most frequent first. Read through the (workspace, type) index: escalations are few."""
    where = (
        " FROM events WHERE workspace_id = ? AND type = 'agent_escalated' AND form_id = ?"
        " AND created_at >= ?"
    )
    args = (workspace_id, form_id, since)
    reasons = conn.all(
        "SELECT TRIM(json_extract(details, '$.reason')) AS reason, COUNT(DISTINCT submission_id) AS n"
        + where
        + " AND TRIM(json_extract(details, '$.reason')) <> ''"  # also drops NULL (no reason)
        + " GROUP BY 1 ORDER BY n DESC, reason LIMIT ?",
        (*args, MAX_REASONS),
    )
    total = conn.value("SELECT COUNT(DISTINCT submission_id)" + where, args)
    return {"total": total or 0, "reasons": reasons}


def form_numbers_tx(conn, workspace_id: str, form_id: str) -> dict:
    """Everything the rules read, for a form already checked to be this workspace's."""
    since = iso_ago(WINDOW_DAYS * 86400)
    traffic = conn.one(
        "SELECT COALESCE(SUM(views), 0) AS views, COALESCE(SUM(starts), 0) AS starts"
        " FROM form_daily_stats WHERE workspace_id = ? AND form_id = ? AND day >= ?",
        (workspace_id, form_id, since[:10]),
    )
    submissions = conn.value(
        "SELECT COUNT(*) FROM submissions WHERE form_id = ? AND created_at >= ?", (form_id, since)
    )
    return {
        "views": traffic["views"],
        "starts": traffic["starts"],
        "submissions": submissions or 0,  # all of the window: compared with starts
        "sampled": min(submissions or 0, SAMPLE),  # what the field and deal numbers count
        "interactions": _interactions(conn, form_id, since),
        "answered": _answered(conn, form_id, since),
        "deals": _deals(conn, workspace_id, form_id, since),
        "drafts": _drafts(conn, workspace_id, form_id, since),
        "escalations": _escalations(conn, workspace_id, form_id, since),
    }
