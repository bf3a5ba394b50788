"""A deal's timeline (SPEC §7, issue 14 item 10): created, stage changes and edits with who
and when, and notes people add. Rows in ``deal_activities``, written in the same transaction
as the change they describe, so the timeline never disagrees with the deal."""

from __future__ import annotations

from app.db import get_in_workspace, new_id, now_iso
from app.errors import ValidationError
from app.services.accounts.currency import format_money

MAX_NOTE = 5000
TIMELINE_LIMIT = 200
_LABELS = {
    "amount": "amount",
    "currency": "currency",
    "name": "name",
    "owner_id": "owner",
    "expected_close_date": "expected close date",
}


def actor_of(principal) -> dict:
    """Who a timeline entry names for this caller (a person, or an API key by name)."""
    return {"id": principal.account_id, "name": principal.display_name}


def record_tx(
    conn,
    workspace_id: str,
    deal_id: str,
    kind: str,
    actor: dict | None,
    *,
    from_stage: str | None = None,
    to_stage: str | None = None,
    body: str = "",
    now: str | None = None,
) -> None:
    """``actor`` is {"id": account id or None, "name": how to show them}; None = the system
    (an agent or a flow), shown as "FormAgent"."""
    conn.execute(
        "INSERT INTO deal_activities (id, workspace_id, deal_id, kind, actor_id, actor_name,"
        " from_stage, to_stage, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("dealact"),
            workspace_id,
            deal_id,
            kind,
            (actor or {}).get("id"),
            (actor or {}).get("name") or "",
            from_stage,
            to_stage,
            body,
            now or now_iso(),
        ),
    )


def record_edit_tx(conn, workspace_id: str, deal: dict, changed: list[str], actor, now) -> None:
    """One line for an edit: "Changed amount to €4,800 and expected close date to 2026-12-31"."""
    parts = []
    for key in changed:
        value = deal[key]
        if key == "amount":
            value = format_money(value, deal["currency"])
        elif key == "owner_id":
            value = (
                conn.value(
                    "SELECT COALESCE(NULLIF(name, ''), email) FROM accounts WHERE id = ?", (value,)
                )
                if value
                else None
            )
        parts.append(
            f"{_LABELS[key]} to {value}"
            if value not in (None, "")
            else f"cleared the {_LABELS[key]}"
        )
    text = " and ".join(parts)
    record_tx(conn, workspace_id, deal["id"], "edited", actor, body=f"Changed {text}", now=now)


def clean_note(body) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ValidationError(fields={"body": "Write something in the note."})
    if len(text) > MAX_NOTE:
        raise ValidationError(fields={"body": f"Keep a note under {MAX_NOTE} characters."})
    return text


async def add_note(db, workspace_id: str, deal_id: str, body, actor: dict | None) -> None:
    text = clean_note(body)

    def fn(conn):
        get_in_workspace(
            conn, "deals", deal_id, workspace_id, columns=("id",), missing="Deal not found."
        )
        record_tx(conn, workspace_id, deal_id, "note", actor, body=text)
        conn.execute("UPDATE deals SET updated_at = ? WHERE id = ?", (now_iso(), deal_id))

    await db.write(fn)


async def timeline(db, workspace_id: str, deal_id: str) -> list[dict]:
    """Newest first: kind (created|stage|edited|note), actor_name, from_stage, to_stage, body, created_at."""
    return await db.fetchall(
        "SELECT id, kind, actor_id, actor_name, from_stage, to_stage, body, created_at FROM deal_activities"
        " WHERE workspace_id = ? AND deal_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        (workspace_id, deal_id, TIMELINE_LIMIT),
    )
