"""Retention (SPEC §19): a periodic task keeps each workspace's spam log for its
``spam_log_days`` and, when ``submission_retention_months`` is set, removes the
answers of older submissions.

Old submissions are emptied, not deleted: the row, its status, form, dates and utm
tags stay, so counts, the analytics rollups and the contact's history stay right,
while what the person typed (and the copies of it in the submission's events and
agent work) goes, as erasure does. Work is done in slices of ``SLICE`` rows, each
its own short transaction, at most ``MAX_SLICES`` per workspace and tick; a
checkpoint (retention_progress) keeps the place so no row is read twice."""

from __future__ import annotations

from datetime import datetime

from app.db import clock, dumps, loads, now_iso
from app.services.privacy import retention_settings as rs
from app.services.privacy.rows import scrub_rows
from app.services.privacy.scrub import ERASED, Needles, text_values

SLICE = 100
MAX_SLICES = 20


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the 31st → the month's last)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            day -= 1


def workspace_retention(settings_text: str) -> dict:
    settings = loads(settings_text, {}) or {}
    return {key: settings.get(key, default) for key, default in rs.DEFAULTS.items()}


def _purge_spam_tx(conn, workspace_id: str, cutoff: str) -> int:
    return conn.execute(
        "DELETE FROM spam_log WHERE id IN (SELECT id FROM spam_log WHERE workspace_id = ?"
        " AND created_at < ? ORDER BY created_at LIMIT ?)",
        (workspace_id, cutoff, SLICE),
    ).rowcount


def _has_spam(conn, workspace_id: str, cutoff: str) -> bool:
    return bool(
        conn.value(
            "SELECT 1 FROM spam_log WHERE workspace_id = ? AND created_at < ? LIMIT 1",
            (workspace_id, cutoff),
        )
    )


def _next_submissions(conn, workspace_id: str, cutoff: str, limit: int) -> list[dict]:
    """The submissions created before ``cutoff`` that follow the checkpoint, oldest first."""
    mark = conn.one(
        "SELECT upto_created_at, upto_id FROM retention_progress WHERE workspace_id = ?"
        " AND kind = 'submissions'",
        (workspace_id,),
    ) or {"upto_created_at": "", "upto_id": ""}
    upto = mark["upto_created_at"]
    return conn.all(
        "SELECT id, data, meta, created_at FROM submissions WHERE workspace_id = ? AND created_at < ?"
        " AND (created_at > ? OR (created_at = ? AND id > ?)) ORDER BY created_at, id LIMIT ?",
        (workspace_id, cutoff, upto, upto, mark["upto_id"], limit),
    )


def _has_old_submissions(conn, workspace_id: str, cutoff: str) -> bool:
    return bool(_next_submissions(conn, workspace_id, cutoff, 1))


def _clear_submissions_tx(conn, workspace_id: str, cutoff: str) -> int:
    """One slice: the next submissions past the checkpoint created before ``cutoff``."""
    rows = _next_submissions(conn, workspace_id, cutoff, SLICE)
    for row in rows:
        _clear_submission(conn, workspace_id, row)
    if rows:
        last = rows[-1]
        conn.execute(
            "INSERT INTO retention_progress (workspace_id, kind, upto_created_at, upto_id, updated_at)"
            " VALUES (?, 'submissions', ?, ?, ?) ON CONFLICT (workspace_id, kind) DO UPDATE SET"
            " upto_created_at = excluded.upto_created_at, upto_id = excluded.upto_id,"
            " updated_at = excluded.updated_at",
            (workspace_id, last["created_at"], last["id"], now_iso()),
        )
    return len(rows)


def _clear_submission(conn, workspace_id: str, row: dict) -> None:
    data = loads(row["data"], {}) or {}
    meta = loads(row["meta"], {}) or {}
    needles = Needles([s for s in text_values(data) if len(s.strip()) >= 5])
    cleared = {k: (v if v in (None, "", [], False) else ERASED) for k, v in data.items()}
    kept = {"utm": meta["utm"]} if isinstance(meta.get("utm"), dict) else {}
    conn.execute(
        "UPDATE submissions SET data = ?, meta = ?, ip = NULL, email_lower = NULL, agent_notes = ''"
        " WHERE id = ?",
        (dumps(cleared), dumps({**needles.value(kept), "removed_by_retention": True}), row["id"]),
    )
    where, params = "workspace_id = ? AND submission_id = ?", [workspace_id, row["id"]]
    scrub_rows(conn, "events", where, params, needles, key=("seq",), json=("details",))
    scrub_rows(conn, "agent_runs", where, params, needles, key=("submission_id",), json=("plan",))
    scrub_rows(
        conn, "drafts", where, params, needles, text=("reasoning",), json=("planned_actions",)
    )
    scrub_rows(
        conn, "submissions", "id = ?", [row["id"]], needles, json=("actions", "field_interactions")
    )


async def _in_slices(db, probe, fn, *args) -> int:
    """Slices of ``fn`` until one comes back short; nothing is written (no write
    transaction per workspace and tick) unless ``probe`` finds work on a reader."""
    if not await db.read(probe, *args):
        return 0
    done = 0
    for _ in range(MAX_SLICES):
        count = await db.write(fn, *args)
        done += count
        if count < SLICE:
            break
    return done


async def enforce_retention(ctx) -> dict:
    """Periodic task: apply every active workspace's retention settings a few slices at a time.
    Returns how many spam rows were deleted and submissions emptied (for tests and logs)."""
    db, now = ctx.db, clock.utcnow()
    workspaces = await db.fetchall("SELECT id, settings FROM workspaces WHERE status = 'active'")
    totals = {"spam_deleted": 0, "submissions_cleared": 0}
    for ws in workspaces:
        keep = workspace_retention(ws["settings"])
        spam_cutoff = _days_before(now, keep[rs.SPAM_LOG_DAYS])
        totals["spam_deleted"] += await _in_slices(
            db, _has_spam, _purge_spam_tx, ws["id"], spam_cutoff
        )
        months = keep[rs.SUBMISSION_MONTHS]
        if months:
            cutoff = clock.iso(months_before(now, months))
            totals["submissions_cleared"] += await _in_slices(
                db, _has_old_submissions, _clear_submissions_tx, ws["id"], cutoff
            )
    return totals


def _days_before(now: datetime, days: int) -> str:
    return clock.iso(datetime.fromtimestamp(now.timestamp() - days * 86400, tz=now.tzinfo))
