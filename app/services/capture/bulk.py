"""Bulk actions on the submissions list (issue 14): reassign, reprocess, mark as spam,
export a selection.

Each submission is its own short transaction, the same one the single action runs, so a
200-row selection never holds the write lock for long and the rules stay one: reprocess
skips a submission being processed right now (as the single one refuses it), reassigning
checks the handler once per row exactly as the submission's PUT does."""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.db import get_in_workspace, loads, update_columns
from app.errors import Conflict
from app.services.capture import spam, submissions
from app.services.crm.csv_export import _line
from app.services.processing.steps import record_step
from app.services.processing.summary import summaries

EXPORT_COLUMNS = ("id", "received", "form", "email", "name", "status", "summary")


async def reassign(
    db, workspace_id: str, ids: list[str], handler_id: str | None, *, actor_account_id=None
) -> int:
    """Assign each to ``handler_id`` (None: back to the unassigned queue); a member who
    gets them is notified as with a single reassignment."""
    target = {"type": "handler", "id": handler_id} if handler_id else None
    for sid in ids:
        await submissions.update_submission(
            db, workspace_id, sid, {"assigned_to": target}, actor_account_id=actor_account_id
        )
    return len(ids)


async def reprocess(db, workspace_id: str, ids: list[str]) -> tuple[int, int]:
    """Run each one's flow again; answers (started, skipped because being processed)."""
    started = skipped = 0
    for sid in ids:
        try:
            await submissions.reprocess(db, workspace_id, sid)
            started += 1
        except Conflict:
            skipped += 1
    return started, skipped


def _mark_spam_tx(conn, workspace_id: str, sid: str, by: str) -> bool:
    row = get_in_workspace(
        conn, "submissions", sid, workspace_id, columns=("id", "form_id", "status", "data")
    )
    if row["status"] == "spam":
        return False
    update_columns(conn, "submissions", sid, workspace_id, {"status": "spam"}, allowed=("status",))
    record_step(
        conn,
        workspace_id,
        sid,
        "updated",
        details={"status": "spam"},
        event="submission_updated",
    )
    data = loads(row["data"], {})
    email = data.get("email") if isinstance(data.get("email"), str) else None
    spam.log_tx(
        conn,
        workspace_id,
        row["form_id"],
        "marked",
        ip=None,
        email=email,
        details={"submission_id": sid, "by": by},
    )
    return True


async def mark_spam(db, workspace_id: str, ids: list[str], *, by: str) -> int:
    """Status "spam" (kept, out of the default list) and a line in the form's spam log."""
    marked = 0
    for sid in ids:
        marked += await db.write(_mark_spam_tx, workspace_id, sid, by)
    return marked


async def export_csv(db, workspace_id: str, ids: list[str], *, currency: str) -> AsyncIterator[str]:
    """The selection, newest first: who, which form, status, the one-line summary, then one
    column per submitted field (the union over the selection)."""
    rows = []
    for sid in ids:
        rows.append(await submissions.get_submission(db, workspace_id, sid))
    rows.sort(key=lambda r: (r["created_at"], r["id"]), reverse=True)
    lines = await summaries(db, workspace_id, [r["id"] for r in rows], currency)
    keys = list(dict.fromkeys(k for r in rows for k in r["data"] if not k.startswith("_")))
    yield "\ufeff" + _line([*EXPORT_COLUMNS, *keys])
    for r in rows:
        contact = r.get("contact") or {}
        yield _line(
            [
                r["id"],
                r["created_at"],
                r.get("form_name") or "",
                contact.get("email") or r["data"].get("email"),
                contact.get("name") or r["data"].get("name"),
                r["status"],
                lines.get(r["id"], ""),
                *(r["data"].get(k) for k in keys),
            ]
        )
