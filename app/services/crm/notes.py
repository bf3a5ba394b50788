"""Append-only notes on contacts (SPEC §7): there is no edit or delete."""

from __future__ import annotations

from app.db import get_in_workspace, new_id, now_iso
from app.errors import ValidationError
from app.services.events.log import emit
from app.services.notifications import inbox

MAX_NOTE_LENGTH = 10_000
EMPTY_NOTE = "Write something in the note."
LONG_NOTE = f"Keep the note under {MAX_NOTE_LENGTH} characters."


def add_note_tx(
    conn,
    workspace_id: str,
    contact_id: str,
    body: str,
    author: str,
    submission_id: str | None = None,
    author_account_id: str | None = None,
) -> str:
    """Append a note inside the caller's transaction; 404 for another workspace's contact.
    Members @mentioned in it get a notification (never the author themself)."""
    text = (body or "").strip()
    if not text:
        raise ValidationError(fields={"body": EMPTY_NOTE})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(fields={"body": LONG_NOTE})
    contact = get_in_workspace(
        conn,
        "contacts",
        contact_id,
        workspace_id,
        columns=("id", "name", "email"),
        missing="Contact not found.",
    )
    note_id = new_id("note")
    conn.execute(
        "INSERT INTO notes (id, workspace_id, contact_id, submission_id, author, body, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (note_id, workspace_id, contact_id, submission_id, (author or "")[:200], text, now_iso()),
    )
    emit(
        conn,
        workspace_id,
        "note_added",
        submission_id=submission_id,
        details={"note_id": note_id, "contact_id": contact_id},
    )
    inbox.notify_mentions_tx(
        conn,
        workspace_id,
        text,
        where=contact["name"] or contact["email"],
        entity_id=contact_id,
        key=f"mention:{note_id}",
        author_name=author,
        actor_account_id=author_account_id,
    )
    return note_id


def note_shape(row: dict) -> dict:
    return {
        k: row[k] for k in ("id", "contact_id", "submission_id", "author", "body", "created_at")
    }


async def list_for_contact(db, workspace_id: str, contact_id: str) -> list[dict]:
    rows = await db.fetchall(
        "SELECT * FROM notes WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC, id DESC",
        (workspace_id, contact_id),
    )
    return [note_shape(r) for r in rows]


async def add_note(
    db,
    workspace_id: str,
    contact_id: str,
    body: str,
    author: str,
    author_account_id: str | None = None,
) -> dict:
    def fn(conn):
        note_id = add_note_tx(
            conn, workspace_id, contact_id, body, author, author_account_id=author_account_id
        )
        return conn.one("SELECT * FROM notes WHERE id = ?", (note_id,))

    return note_shape(await db.write(fn))
