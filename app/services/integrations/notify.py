"""Members' email notifications (SPEC §18): each new assignment, a daily digest
in the member's time zone, or none. Mail goes through the outbox (kind
``notification``), with dedupe keys so a reprocessed submission or a second
scheduler tick never sends twice.

A member is told about a submission assigned to a human handler linked to
their account. Without a saved choice a member gets an email per assignment
(the assignee must learn that work is waiting); the digest goes out at
``digest_hour`` local time, the first scheduler tick after it.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.db import clock, loads, now_iso
from app.db.clock import iso
from app.errors import ValidationError
from app.services.mail.outbox import queue_email
from app.services.processing.summary import who

MODES = {
    "each": "An email for each new assignment",
    "digest": "One daily digest",
    "none": "No emails",
}
DEFAULT_MODE = "each"

_RECIPIENT = (
    "SELECT m.id AS membership_id, a.email, a.name, COALESCE(n.mode, 'each') AS mode"
    " FROM handlers h JOIN memberships m ON m.account_id = h.account_id AND m.workspace_id = h.workspace_id"
    " JOIN accounts a ON a.id = m.account_id"
    " LEFT JOIN member_notifications n ON n.membership_id = m.id"
    " WHERE h.id = ? AND h.workspace_id = ? AND h.type = 'human' AND m.status = 'active'"
)


def assignment_email_tx(conn, event: dict) -> None:
    """On ``handler_assigned``: queue the email job when the assignee wants one each time."""
    details = event["details"]
    if details.get("handler_type") != "human" or not event.get("submission_id"):
        return
    person = conn.one(_RECIPIENT, (details.get("handler_id"), event["workspace_id"]))
    if person is None or person["mode"] != "each":
        return
    from app.services.platform import jobs  # noqa: PLC0415 - jobs imports the event log that calls us

    jobs.enqueue(
        conn,
        "notify_assignment",
        {"submission_id": event["submission_id"], "handler_id": details["handler_id"]},
        workspace_id=event["workspace_id"],
        dedupe_key=f"notify_assignment:{event['submission_id']}:{details['handler_id']}",
    )


def _assignment_tx(conn, workspace_id: str, payload: dict, base_url: str) -> None:
    person = conn.one(_RECIPIENT, (payload["handler_id"], workspace_id))
    row = conn.one(
        "SELECT s.id, s.data, f.name AS form_name FROM submissions s JOIN forms f ON f.id = s.form_id"
        " WHERE s.id = ? AND s.workspace_id = ?",
        (payload["submission_id"], workspace_id),
    )
    if person is None or person["mode"] != "each" or row is None:
        return
    data = loads(row["data"], {})
    someone = who(data, email=str(data.get("email") or ""))
    link = f"{base_url}/submissions/{row['id']}"
    lines = [f"{k}: {v}" for k, v in data.items() if not isinstance(v, dict | list)][:12]
    queue_email(
        conn,
        workspace_id,
        to=person["email"],
        subject=f"New for you: {someone} — {row['form_name']}",
        body_text=f"{someone} sent “{row['form_name']}” and it is assigned to you.\n\n"
        + "\n".join(lines)
        + f"\n\nOpen it: {link}\n\nChange these emails under Settings → Notifications.\n",
        kind="notification",
        submission_id=row["id"],
        related={"submission_id": row["id"], "reason": "assignment"},
        dedupe_key=f"assignment:{row['id']}:{person['email'].lower()}",
    )


async def send_assignment_email(ctx, payload: dict) -> None:
    await ctx.write(_assignment_tx, ctx.job.workspace_id, payload, ctx.settings.base_url)


# -- preferences ------------------------------------------------------------------
def _membership(conn, workspace_id: str, account_id: str) -> dict:
    return conn.one(
        "SELECT m.id, COALESCE(n.mode, 'each') AS mode, n.timezone, n.digest_hour"
        " FROM memberships m LEFT JOIN member_notifications n ON n.membership_id = m.id"
        " WHERE m.workspace_id = ? AND m.account_id = ? AND m.status = 'active'",
        (workspace_id, account_id),
    )


def _workspace_tz(conn, workspace_id: str) -> str:
    settings = conn.value("SELECT settings FROM workspaces WHERE id = ?", (workspace_id,))
    return (loads(settings, {}) or {}).get("timezone") or "UTC"


async def get_preferences(db, workspace_id: str, account_id: str) -> dict:
    def read(conn):
        row = _membership(conn, workspace_id, account_id) or {}
        return {
            "mode": row.get("mode") or DEFAULT_MODE,
            "timezone": row.get("timezone") or _workspace_tz(conn, workspace_id),
            "digest_hour": row.get("digest_hour") if row.get("digest_hour") is not None else 8,
        }

    return await db.read(read)


def _check(mode, timezone, digest_hour) -> None:
    fields = {}
    if mode not in MODES:
        fields["mode"] = "Choose each, digest or none."
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        fields["timezone"] = "Use an IANA time zone such as Europe/Berlin or America/New_York."
    if (
        not isinstance(digest_hour, int)
        or isinstance(digest_hour, bool)
        or not 0 <= digest_hour <= 23
    ):
        fields["digest_hour"] = "Choose an hour from 0 to 23."
    if fields:
        raise ValidationError(fields=fields)


async def set_preferences(
    db, workspace_id: str, account_id: str, *, mode, timezone, digest_hour
) -> dict:
    """Any member (viewers too: it is their own inbox) chooses for themselves."""
    _check(mode, timezone, digest_hour)

    def save(conn):
        member = _membership(conn, workspace_id, account_id)
        if member is None:
            raise ValidationError("You are not a member of this workspace.")
        conn.execute(
            "INSERT INTO member_notifications (membership_id, workspace_id, mode, timezone, digest_hour, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (membership_id) DO UPDATE SET mode = excluded.mode,"
            " timezone = excluded.timezone, digest_hour = excluded.digest_hour, updated_at = excluded.updated_at",
            (member["id"], workspace_id, mode, timezone, digest_hour, now_iso()),
        )

    await db.write(save)
    return await get_preferences(db, workspace_id, account_id)


# -- the daily digest -------------------------------------------------------------
def _due_digests(conn) -> list[dict]:
    rows = conn.all(
        "SELECT n.membership_id, n.workspace_id, n.timezone, n.digest_hour, n.last_digest_on,"
        " m.account_id, a.email FROM member_notifications n"
        " JOIN memberships m ON m.id = n.membership_id AND m.status = 'active'"
        " JOIN accounts a ON a.id = m.account_id"
        " JOIN workspaces w ON w.id = n.workspace_id AND w.status = 'active'"
        " WHERE n.mode = 'digest'"
    )
    due = []
    for row in rows:
        local = clock.utcnow().astimezone(ZoneInfo(row["timezone"]))
        today = local.date().isoformat()
        if local.hour >= row["digest_hour"] and row["last_digest_on"] != today:
            due.append({**row, "today": today})
    return due


def digest_content(conn, workspace_id: str, account_id: str, base_url: str) -> dict:
    """The last 24 hours' new submissions, the drafts waiting for approval and the
    member's overdue tasks, as numbers and short lists."""
    now = clock.utcnow()
    since, now_text = iso(now - timedelta(hours=24)), iso(now)
    new = conn.all(
        "SELECT s.id, s.data, f.name AS form_name FROM submissions s JOIN forms f ON f.id = s.form_id"
        " WHERE s.workspace_id = ? AND s.created_at >= ? ORDER BY s.created_at DESC LIMIT 200",
        (workspace_id, since),
    )
    drafts = conn.value(
        "SELECT COUNT(*) FROM drafts WHERE workspace_id = ? AND status = 'pending'", (workspace_id,)
    )
    overdue = conn.all(
        "SELECT t.title, t.due_at FROM tasks t JOIN handlers h ON h.id = t.assignee_id"
        " WHERE t.workspace_id = ? AND h.account_id = ? AND t.status IN ('open', 'in_progress')"
        " AND t.due_at IS NOT NULL AND t.due_at < ? ORDER BY t.due_at LIMIT 20",
        (workspace_id, account_id, now_text),
    )
    items = []
    for row in new[:10]:
        data = loads(row["data"], {})
        items.append(f"- {who(data, email=str(data.get('email') or ''))} — {row['form_name']}")
    return {
        "new_submissions": len(new),
        "new_lines": items,
        "waiting_drafts": drafts,
        "overdue_tasks": [t["title"] for t in overdue],
        "links": {
            "submissions": f"{base_url}/submissions",
            "drafts": f"{base_url}/drafts",
            "work": f"{base_url}/work",
        },
    }


def digest_text(content: dict) -> str:
    parts = [f"New submissions in the last 24 hours: {content['new_submissions']}"]
    parts += content["new_lines"]
    if content["new_submissions"] > len(content["new_lines"]):
        parts.append(f"… and {content['new_submissions'] - len(content['new_lines'])} more.")
    parts.append(f"{content['links']['submissions']}\n")
    parts.append(f"Drafts waiting for approval: {content['waiting_drafts']}")
    parts.append(f"{content['links']['drafts']}\n")
    parts.append(f"Your overdue tasks: {len(content['overdue_tasks'])}")
    parts += [f"- {title}" for title in content["overdue_tasks"]]
    parts.append(f"{content['links']['work']}\n")
    parts.append("Change these emails under Settings → Notifications.")
    return "\n".join(parts) + "\n"


def _send_digest_tx(conn, member: dict, base_url: str) -> None:
    content = digest_content(conn, member["workspace_id"], member["account_id"], base_url)
    queue_email(
        conn,
        member["workspace_id"],
        to=member["email"],
        subject=f"Your FormAgent digest: {content['new_submissions']} new,"
        f" {content['waiting_drafts']} drafts waiting",
        body_text=digest_text(content),
        kind="notification",
        related={"reason": "digest"},
        dedupe_key=f"digest:{member['membership_id']}:{member['today']}",
    )
    conn.execute(
        "UPDATE member_notifications SET last_digest_on = ? WHERE membership_id = ?",
        (member["today"], member["membership_id"]),
    )


async def send_digests(ctx) -> int:
    """Periodic task: each member whose local digest hour has come gets today's digest once."""
    due = await ctx.db.read(_due_digests)
    for member in due:
        await ctx.db.write(_send_digest_tx, member, ctx.settings.base_url)
    return len(due)
