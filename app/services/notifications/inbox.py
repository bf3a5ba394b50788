"""The in-app bell (issue 14): what waits on one member of one workspace.

Rows are written inside the transaction that makes the fact (a submission routed
to a person's handler, a draft stored, a semi-autonomous run closed, a note that
mentions someone), so the bell never disagrees with the data and a rolled-back
step leaves no notice behind. Each notice is keyed per member (``dedupe_key``):
a retried job or a reprocess writes it once. Reads always filter on workspace and
account: nobody sees another member's or another workspace's items.

Kinds: ``assigned`` (to you), ``draft`` (an agent plan waits for approval),
``review`` (the agent acted on its own; look before the due time), ``mention``
(@you in a note).
"""

from __future__ import annotations

import re

from app.db import loads, new_id, now_iso
from app.services.processing.summary import what, who

KINDS = ("assigned", "draft", "review", "mention")
MAX_TEXT = 300
# "@dana", "@dana.scully", "@DanaScully": a word after @ that is not part of an email address.
_MENTION = re.compile(r"(?<![\w.+-])@([A-Za-z0-9][\w.-]{0,63})")


# -- writing (inside the caller's transaction) ----------------------------------------
def notify_accounts_tx(
    conn,
    workspace_id: str,
    account_ids,
    *,
    kind: str,
    text: str,
    entity_id: str | None,
    key: str,
    actor_account_id: str | None = None,
) -> int:
    """One unread item per account (members of this workspace only; never the actor
    themself); returns how many were new."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    made = 0
    for account_id in dict.fromkeys(a for a in account_ids if a and a != actor_account_id):
        if not _is_member(conn, workspace_id, account_id):
            continue
        cursor = conn.execute(
            "INSERT INTO notifications (id, workspace_id, account_id, kind, text, entity_id,"
            " dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (workspace_id, account_id, dedupe_key) DO NOTHING",
            (
                new_id("ntf"),
                workspace_id,
                account_id,
                kind,
                text[:MAX_TEXT],
                entity_id,
                key,
                now_iso(),
            ),
        )
        made += cursor.rowcount or 0
    return made


def _is_member(conn, workspace_id: str, account_id: str) -> bool:
    return bool(
        conn.value(
            "SELECT 1 FROM memberships WHERE workspace_id = ? AND account_id = ? AND status = 'active'",
            (workspace_id, account_id),
        )
    )


def handler_accounts(conn, workspace_id: str, handler_ids) -> list[str]:
    """The member accounts behind human handlers (agents and name-only humans have none)."""
    ids = [h for h in dict.fromkeys(handler_ids) if h]
    if not ids:
        return []
    rows = conn.all(
        "SELECT account_id FROM handlers WHERE workspace_id = ? AND type = 'human'"
        f" AND account_id IS NOT NULL AND removed_at IS NULL AND id IN ({','.join('?' * len(ids))})",
        (workspace_id, *ids),
    )
    return [r["account_id"] for r in rows]


def owner_account(conn, workspace_id: str) -> str | None:
    return conn.value("SELECT owner_id FROM workspaces WHERE id = ?", (workspace_id,))


def submission_phrase(conn, workspace_id: str, submission_id: str) -> str:
    """ "Dana Scully (CFO, BigCorp) asked to talk to sales": who did what, for a sentence."""
    row = conn.one(
        "SELECT s.data, f.name AS form_name, f.type AS form_type, f.security AS form_security, c.name AS contact_name,"
        " c.email AS contact_email, co.name AS company_name FROM submissions s"
        " JOIN forms f ON f.id = s.form_id"
        " LEFT JOIN contacts c ON c.id = s.contact_id"
        " LEFT JOIN companies co ON co.id = c.company_id"
        " WHERE s.id = ? AND s.workspace_id = ?",
        (submission_id, workspace_id),
    )
    if row is None:
        return "A submission"
    data = loads(row["data"], {}) or {}
    person = who(data, row["contact_name"], row["company_name"], row["contact_email"])
    return f"{person} {what(row['form_type'], row['form_name'], row['form_security'])}"


def notify_assigned_tx(
    conn,
    workspace_id: str,
    submission_id: str,
    handler_id: str | None,
    *,
    actor_account_id: str | None = None,
) -> int:
    """The person behind ``handler_id`` got this submission."""
    accounts = handler_accounts(conn, workspace_id, [handler_id])
    if not accounts:
        return 0
    text = f"{submission_phrase(conn, workspace_id, submission_id)} — assigned to you."
    return notify_accounts_tx(
        conn,
        workspace_id,
        accounts,
        kind="assigned",
        text=text,
        entity_id=submission_id,
        key=f"assigned:{submission_id}:{handler_id}",
        actor_account_id=actor_account_id,
    )


def mentioned_accounts(conn, workspace_id: str, body: str) -> list[str]:
    """Members named by @first-name, @full-name-without-spaces, @first.last or @email-local-part."""
    handles = {m.lower().rstrip(".-") for m in _MENTION.findall(body or "")}
    if not handles:
        return []
    members = conn.all(
        "SELECT a.id, a.name, a.email FROM memberships m JOIN accounts a ON a.id = m.account_id"
        " WHERE m.workspace_id = ? AND m.status = 'active'",
        (workspace_id,),
    )
    found = []
    for member in members:
        if handles & _handles_of(member):
            found.append(member["id"])
    return found


def _handles_of(member: dict) -> set[str]:
    name = (member.get("name") or "").strip().lower()
    words = name.split()
    out = {(member.get("email") or "").split("@")[0].lower()}
    if words:
        out |= {words[0], "".join(words), ".".join(words), "_".join(words)}
    return {h for h in out if h}


def notify_mentions_tx(
    conn,
    workspace_id: str,
    body: str,
    *,
    where: str,
    entity_id: str,
    key: str,
    author_name: str = "",
    actor_account_id: str | None = None,
) -> int:
    """Tell each member @mentioned in ``body`` (a note on ``where``, e.g. "Dana Scully")."""
    accounts = mentioned_accounts(conn, workspace_id, body)
    if not accounts:
        return 0
    excerpt = " ".join((body or "").split())
    excerpt = excerpt if len(excerpt) <= 120 else excerpt[:119] + "…"
    by = author_name.strip() or "Someone"
    return notify_accounts_tx(
        conn,
        workspace_id,
        accounts,
        kind="mention",
        text=f"{by} mentioned you in a note on {where}: “{excerpt}”",
        entity_id=entity_id,
        key=key,
        actor_account_id=actor_account_id,
    )


# -- reading --------------------------------------------------------------------------
async def unread_count(db, workspace_id: str, account_id: str) -> int:
    return (
        await db.fetchval(
            "SELECT COUNT(*) FROM notifications WHERE workspace_id = ? AND account_id = ?"
            " AND read_at IS NULL",
            (workspace_id, account_id),
        )
        or 0
    )


async def open_inbox(db, workspace_id: str, account_id: str, *, limit: int = 30) -> list[dict]:
    """The newest items, each with ``unread`` as it was before this look; opening the
    list marks what it shows as read (the badge clears, the items stay listed)."""

    def tx(conn):
        rows = conn.all(
            "SELECT id, kind, text, entity_id, created_at, read_at FROM notifications"
            " WHERE workspace_id = ? AND account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (workspace_id, account_id, limit),
        )
        unread = [r["id"] for r in rows if r["read_at"] is None]
        if unread:
            conn.execute(
                "UPDATE notifications SET read_at = ? WHERE workspace_id = ? AND account_id = ?"
                f" AND id IN ({','.join('?' * len(unread))})",
                (now_iso(), workspace_id, account_id, *unread),
            )
        return [{**r, "unread": r["read_at"] is None} for r in rows]

    return await db.write(tx)
