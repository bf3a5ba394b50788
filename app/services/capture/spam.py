"""The spam log (SPEC §5): every rejection by honeypot, limit or duplicate rule."""

from __future__ import annotations

from app.db import dumps, fetch_page, new_id, now_iso
from app.services.analytics.counters import Counts
from app.services.events.log import emit

REASONS = {
    "honeypot": "Hidden honeypot field was filled (a bot)",
    "rate_limit_ip": "Too many submissions from one IP address in an hour",
    "rate_limit_email": "Too many submissions with one email in an hour",
    "duplicate": "Same email again inside the duplicate window",
    "marked": "Marked as spam by a person (the submission is kept with status spam)",
    "score": "Spam score at or above the form's block threshold",
    "pow_expired": "Proof-of-work solution expired (older than 10 minutes)",
    "pow_replayed": "Proof-of-work solution used a second time",
}


def log_tx(
    conn,
    workspace_id: str,
    form_id: str,
    reason: str,
    *,
    ip: str | None,
    email: str | None,
    details: dict | None = None,
    counts: Counts | None = None,
) -> str:
    """A spam_log row plus a ``spam_blocked`` event, inside the caller's transaction; the
    rollup count goes to ``counts`` when given (the caller writes it), else is written here."""
    spam_id, now = new_id("spam"), now_iso()
    conn.execute(
        "INSERT INTO spam_log (id, workspace_id, form_id, reason, ip, email, details, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (spam_id, workspace_id, form_id, reason, ip, email, dumps(details or {}), now),
    )
    if counts is None:
        count_spam = Counts()
        count_spam.spam(workspace_id, now)
        count_spam.write_tx(conn)
    else:
        counts.spam(workspace_id, now)
    emit(
        conn,
        workspace_id,
        "spam_blocked",
        form_id=form_id,
        details={"reason": reason, "spam_id": spam_id, "ip": ip},
    )
    return spam_id


async def list_spam(
    db, workspace_id: str, form_id: str, *, cursor: str | None = None, limit: int = 50
):
    """A form's spam log, newest first: ``(rows, next_cursor)``."""
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT * FROM spam_log",
        ["workspace_id = ?", "form_id = ?"],
        [workspace_id, form_id],
        cursor=cursor,
        limit=limit,
    )
    for row in rows:
        row["reason_text"] = REASONS.get(row["reason"], row["reason"])
    return rows, next_cursor
