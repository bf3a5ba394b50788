"""Quarantined submissions (SPEC §19): stored with their verdict, not processed, no
contact memory. A person releases one (it is then processed as if it had passed) or
confirms it as spam (status ``spam``); each moves the form's weights (spam_tuning.py).
Quarantine older than PURGE_DAYS is deleted by a periodic task."""

from __future__ import annotations

from datetime import timedelta

from app.db import clock, fetch_page, get_in_workspace, loads
from app.db.clock import iso
from app.errors import Conflict, NotFound
from app.services.analytics.counters import Counts
from app.services.capture import spam, spam_tuning
from app.services.capture.pipeline import form_from_row
from app.services.capture.spam_signals import explain
from app.services.crm import memory as contact_memory
from app.services.events.log import emit
from app.services.platform.jobs import enqueue

PURGE_DAYS = 30
_PURGE_SLICE = 500


def explained(verdict_json) -> list[str]:
    """A stored verdict (or a spam-log row's details) as one sentence per signal."""
    verdict = loads(verdict_json, {}) if isinstance(verdict_json, str | None) else verdict_json
    return [
        explain(s["signal"], s["value"], s["weight"]) for s in (verdict or {}).get("signals", [])
    ]


def _signals(row: dict) -> list[str]:
    return [s["signal"] for s in loads(row["spam_verdict"], {}).get("signals", [])]


def _quarantined_tx(conn, workspace_id: str, submission_id: str, form_id=None) -> dict:
    row = get_in_workspace(
        conn, "submissions", submission_id, workspace_id, missing="This submission does not exist."
    )
    if form_id is not None and row["form_id"] != form_id:
        raise NotFound("This submission does not belong to this form.")
    if row["status"] != "quarantined":
        raise Conflict(
            "This submission is not in quarantine (it was released, confirmed or never held).",
            code="not_quarantined",
        )
    return row


def release_tx(conn, workspace_id: str, submission_id: str, actor: str, form_id=None) -> dict:
    """Process it as if it had passed: contact memory, submission_received, the job;
    then lower the weights of the signals that fired."""
    row = _quarantined_tx(conn, workspace_id, submission_id, form_id)
    form = form_from_row(conn.one("SELECT * FROM forms WHERE id = ?", (row["form_id"],)))
    data, meta, now = loads(row["data"], {}), loads(row["meta"], {}), row["created_at"]
    email = contact_memory.submitter_email(form, data)
    memory = None
    if email and form["flow_id"] != "notify_only" and form["auto"].get("create_contact", True):
        memory = contact_memory.remember(
            conn,
            workspace_id,
            form,
            submission_id=submission_id,
            email=email,
            data=data,
            meta=meta,
            now=now,
        )
    conn.execute(
        "UPDATE submissions SET status = 'received', contact_id = ?, company_id = ?,"
        " is_new_contact = ? WHERE id = ? AND workspace_id = ?",
        (
            memory and memory.contact_id,
            memory and memory.company_id,
            int(bool(memory and memory.is_new)),
            submission_id,
            workspace_id,
        ),
    )
    _count(conn, workspace_id, form, row, memory)
    signals = _signals(row)
    changes = spam_tuning.tune_tx(
        conn,
        workspace_id,
        form["id"],
        signals,
        cause="released",
        submission_id=submission_id,
        actor=actor,
    )
    ids = {"submission_id": submission_id, "form_id": form["id"]}
    emit(
        conn, workspace_id, "submission_released", **ids, details={"by": actor, "signals": signals}
    )
    emit(
        conn,
        workspace_id,
        "submission_received",
        **ids,
        details={"form_name": form["name"], "flow_id": form["flow_id"], "email": email},
    )
    if memory is not None:
        emit(
            conn,
            workspace_id,
            "contact_created" if memory.is_new else "contact_matched",
            **ids,
            details={"contact_id": memory.contact_id, "company_id": memory.company_id},
        )
    enqueue(conn, "process_submission", {"submission_id": submission_id}, workspace_id=workspace_id)
    return {
        "submission_id": submission_id,
        "status": "received",
        "contact_id": memory and memory.contact_id,
        "weight_changes": changes,
    }


def _count(conn, workspace_id: str, form: dict, row: dict, memory) -> None:
    """The analytics rollups a passing submission adds, on the day it arrived."""
    counts = Counts()
    source = (loads(row["meta"], {}).get("utm") or {}).get("utm_source") or ""
    counts.submission(
        workspace_id,
        row["created_at"],
        form["id"],
        source=source,
        first_source=""
        if memory is None
        else (memory.first_source if memory.first_source is not None else source),
        matched=memory is not None,
        new_contact=bool(memory and memory.is_new),
    )
    if memory is not None and memory.is_new:
        counts.contact(workspace_id, row["created_at"])
    counts.write_tx(conn)


def confirm_tx(conn, workspace_id: str, submission_id: str, actor: str, form_id=None) -> dict:
    """Status ``spam`` (kept, out of the default list); raise the fired signals' weights."""
    row = _quarantined_tx(conn, workspace_id, submission_id, form_id)
    conn.execute(
        "UPDATE submissions SET status = 'spam' WHERE id = ? AND workspace_id = ?",
        (submission_id, workspace_id),
    )
    signals = _signals(row)
    changes = spam_tuning.tune_tx(
        conn,
        workspace_id,
        row["form_id"],
        signals,
        cause="confirmed",
        submission_id=submission_id,
        actor=actor,
    )
    emit(
        conn,
        workspace_id,
        "spam_confirmed",
        submission_id=submission_id,
        form_id=row["form_id"],
        details={"by": actor, "signals": signals},
    )
    return {"submission_id": submission_id, "status": "spam", "weight_changes": changes}


async def release(db, workspace_id: str, submission_id: str, *, actor: str, form_id=None) -> dict:
    """Release a quarantined submission (409 ``not_quarantined`` otherwise); with
    ``form_id``, 404 unless it was sent to that form."""
    return await db.write(release_tx, workspace_id, submission_id, actor, form_id)


async def confirm(db, workspace_id: str, submission_id: str, *, actor: str, form_id=None) -> dict:
    """Confirm a quarantined submission as spam (409 ``not_quarantined`` otherwise)."""
    return await db.write(confirm_tx, workspace_id, submission_id, actor, form_id)


def _list_tx(conn, workspace_id: str, form_id: str, cursor, limit: int):
    rows, next_cursor = fetch_page(
        conn,
        "SELECT id, data, spam_score, spam_verdict, email_lower, ip, created_at FROM submissions",
        ["workspace_id = ?", "form_id = ?", "status = 'quarantined'"],
        [workspace_id, form_id],
        cursor=cursor,
        limit=limit,
    )
    for row in rows:
        row["data"] = loads(row["data"], {})
        row["reasons"] = explained(row["spam_verdict"])
    return rows, next_cursor


async def list_quarantined(db, workspace_id: str, form_id: str, *, cursor=None, limit: int = 50):
    """A form's quarantined submissions, newest first, each with its verdict in sentences."""
    return await db.read(_list_tx, workspace_id, form_id, cursor, limit)


async def spam_page_data(
    db, workspace_id: str, form_id: str, *, held_cursor=None, blocked_cursor=None
) -> dict:
    """What /forms/{id}/spam shows: quarantine, the blocked log, weights, tuning log."""
    held, held_next = await list_quarantined(db, workspace_id, form_id, cursor=held_cursor)
    blocked, blocked_next = await spam.list_spam(db, workspace_id, form_id, cursor=blocked_cursor)
    for row in blocked:
        row["reasons"] = explained(row["details"])
    return {
        "quarantined": held,
        "quarantined_next": held_next,
        "blocked": blocked,
        "blocked_next": blocked_next,
        "weights": await db.read(spam_tuning.weights_tx, workspace_id, form_id),
        "tuning_log": await db.read(spam_tuning.tuning_log_tx, workspace_id, form_id),
    }


async def purge_quarantine(ctx) -> int:
    """Periodic task: delete quarantined submissions older than PURGE_DAYS, in slices."""
    cutoff = iso(clock.utcnow() - timedelta(days=PURGE_DAYS))

    def purge(conn):
        ids = [
            r["id"]
            for r in conn.all(
                "SELECT id FROM submissions WHERE status = 'quarantined' AND created_at < ?"
                " ORDER BY created_at LIMIT ?",
                (cutoff, _PURGE_SLICE),
            )
        ]
        for sid in ids:
            conn.execute("DELETE FROM submissions WHERE id = ? AND status = 'quarantined'", (sid,))
        return len(ids)

    total = 0
    while (n := await ctx.db.write(purge)) > 0:
        total += n
        if n < _PURGE_SLICE:
            break
    return total
