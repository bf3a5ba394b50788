"""Members of a workspace: invite, list, change role, remove (SPEC §3, §13).

Rules, decided here once for pages and API alike:
- Only owners and admins manage members; members and viewers see the list.
- An admin manages everyone except owners: an admin cannot invite or promote
  anyone to owner, and cannot change an owner's role or remove an owner. Only
  an owner hands out ownership (as in GitHub organisations and Slack).
- Anyone may leave a workspace (remove their own membership), viewers too:
  leaving writes no workspace data.
- The last owner can neither leave nor lose the owner role (409): a workspace
  always has someone who can delete it or hand it over.
- Inviting an email that has an account makes an active membership at once
  (and mails a notice); any other email gets a pending invite, an email with its
  ``/invite/{token}`` link, and an expiry (``settings.invite_days``). Only that
  token activates it (see invites.py). Inviting a pending or expired address
  again refreshes its expiry and role, makes a new link and mails it again.
- Owners and admins see a pending invite's link as ``invite_url`` (to pass on
  by hand when no SMTP is configured); nobody else does.
- At most INVITES_PER_HOUR invitation emails per workspace per hour (429).
- Removing someone also revokes the API keys they created in that workspace:
  only their creator ever saw a key, so it leaves with them.
"""

from __future__ import annotations

from app.db import fetch_page, new_id, now_iso
from app.db.clock import iso_ago, iso_in
from app.errors import Conflict, Forbidden, NotFound, RateLimited, ValidationError
from app.services import audit
from app.services.accounts import invites
from app.services.accounts.account import check_email
from app.services.accounts.permissions import ROLES, has_role, require_role
from app.services.events.log import emit
from app.services.mail.outbox import queue_email
from app.services.mail.render import render_email

MANAGE_MESSAGE = "Only owners and admins manage members."
# Invites send email to any address typed in: a cap keeps a workspace from being used to spam.
INVITES_PER_HOUR = 50


def public_member(row: dict, now: str | None = None, *, links=None) -> dict:
    """The membership shape of SPEC §12, plus name, invite dates and ``expired``;
    ``links`` (the settings, given only for owners and admins) adds ``invite_url``
    to a pending invite."""
    now = now or now_iso()
    status = row["status"]
    if status == "pending" and row.get("expires_at") and row["expires_at"] <= now:
        status = "expired"
    link = {}
    if links is not None and status == "pending" and row.get("invite_nonce"):
        link = {"invite_url": invites.invite_url(links, row["invite_nonce"])}
    return {
        "id": row["id"],
        "workspace_id": row["workspace_id"],
        "account_id": row["account_id"],
        "email": row["email"],
        "name": row.get("name") or "",
        "role": row["role"],
        "status": status,
        "joined_at": row["joined_at"],
        "invited_at": row.get("invited_at"),
        "expires_at": row.get("expires_at"),
        **link,
    }


def _links_for(settings, role: str | None):
    return settings if settings is not None and has_role(role, "admin") else None


def check_role(role) -> str:
    if role not in ROLES:
        raise ValidationError(fields={"role": "Choose owner, admin, member or viewer."})
    return role


def _check_actor(
    actor_role: str | None, *, target_role: str | None = None, new_role: str | None = None
) -> None:
    require_role(actor_role, "admin", MANAGE_MESSAGE)
    if actor_role != "owner" and "owner" in (target_role, new_role):
        raise Forbidden("Only an owner can grant, change or remove the owner role.")


def _member_row(conn, workspace_id: str, member_id: str) -> dict:
    row = conn.one(
        "SELECT m.*, a.name FROM memberships m LEFT JOIN accounts a ON a.id = m.account_id"
        " WHERE m.id = ? AND m.workspace_id = ?",
        (member_id, workspace_id),
    )
    if row is None:
        raise NotFound("Member not found.")
    return row


def _owner_count(conn, workspace_id: str) -> int:
    return conn.value(
        "SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND role = 'owner' AND status = 'active'",
        (workspace_id,),
    )


def _guard_last_owner(conn, workspace_id: str, row: dict, message: str) -> None:
    if (
        row["role"] == "owner"
        and row["status"] == "active"
        and _owner_count(conn, workspace_id) <= 1
    ):
        raise Conflict(message, code="last_owner")


# -- listing -------------------------------------------------------------------
async def list_members(
    db,
    workspace_id: str,
    *,
    limit: int = 200,
    cursor: str | None = None,
    settings=None,
    viewer_role: str | None = None,
) -> tuple[list, str | None]:
    """Active members and invites (pending or expired), oldest first; ``(items, next_cursor)``.
    With ``settings``, a ``viewer_role`` of admin or owner also gets the invite links."""
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT m.*, a.name FROM memberships m LEFT JOIN accounts a ON a.id = m.account_id",
        ["m.workspace_id = ?"],
        [workspace_id],
        cursor=cursor,
        limit=limit,
        descending=False,
        alias="m.",
    )
    now, links = now_iso(), _links_for(settings, viewer_role)
    return [public_member(r, now, links=links) for r in rows], next_cursor


async def active_accounts(db, workspace_id: str) -> list[dict]:
    """account_id, name, email of the active members, by name (for pickers)."""
    return await db.fetchall(
        "SELECT m.account_id, a.name, a.email FROM memberships m JOIN accounts a ON"
        " a.id = m.account_id WHERE m.workspace_id = ? AND m.status = 'active' ORDER BY a.name",
        (workspace_id,),
    )


async def get_member(db, workspace_id: str, member_id: str) -> dict:
    return public_member(await db.read(_member_row, workspace_id, member_id))


async def membership_of(db, workspace_id: str, account_id: str) -> dict | None:
    row = await db.fetchone(
        "SELECT m.*, a.name FROM memberships m LEFT JOIN accounts a ON a.id = m.account_id"
        " WHERE m.workspace_id = ? AND m.account_id = ? AND m.status = 'active'",
        (workspace_id, account_id),
    )
    return public_member(row) if row else None


# -- invite ----------------------------------------------------------------------
def _invite_mail(settings, workspace: dict, inviter: dict, nonce: str, existing: bool) -> dict:
    ctx = {
        "workspace_name": workspace["name"],
        "inviter": inviter.get("name") or inviter["email"],
        "link": settings.base_url.rstrip("/") + "/login"
        if existing
        else invites.invite_url(settings, nonce),
        "existing": existing,
        "invite_days": int(settings.invite_days),
    }
    subject = " ".join(f"{ctx['inviter']} invited you to {workspace['name']} on FormAgent".split())
    return {
        "subject": subject,
        "body_text": render_email("invite.txt", ctx),
        "body_html": render_email("invite.html", ctx),
    }


async def invite(
    db,
    settings,
    workspace_id: str,
    *,
    actor_id: str,
    actor_role: str | None,
    email: str,
    role: str = "member",
) -> dict:
    """Invite ``email`` with ``role``; returns the membership (active or pending)."""
    _check_actor(actor_role, new_role=role)
    email = check_email(email)
    role = check_role(role)
    ctx = await db.read(_invite_context, workspace_id, actor_id, email.lower())
    if ctx["sent_last_hour"] >= INVITES_PER_HOUR:
        raise RateLimited(
            f"This workspace sent {INVITES_PER_HOUR} invitations in the last hour; try again later.",
            retry_after=3600,
        )
    nonce = (
        invites.new_nonce()
    )  # the link's secret: made here so the mail is rendered outside the writer
    mails = {
        existing: _invite_mail(settings, ctx["workspace"], ctx["inviter"], nonce, existing)
        for existing in (True, False)
    }
    actor = audit.current_actor()
    return await db.write(
        _invite_tx, settings, workspace_id, actor_id, email, role, mails, nonce, actor
    )


def _invite_context(conn, workspace_id: str, actor_id: str, email_lower: str) -> dict:
    return {
        "workspace": conn.one("SELECT id, name FROM workspaces WHERE id = ?", (workspace_id,)),
        "inviter": conn.one("SELECT email, name FROM accounts WHERE id = ?", (actor_id,)),
        "sent_last_hour": conn.value(
            "SELECT COUNT(*) FROM emails WHERE workspace_id = ? AND dedupe_key LIKE 'invite:%' AND created_at > ?",
            (workspace_id, iso_ago(3600)),
        ),
    }


def _invite_tx(
    conn, settings, workspace_id, actor_id, email, role, mails, nonce, actor=None
) -> dict:
    now, email_lower = now_iso(), email.lower()
    account_id = conn.value(
        "SELECT id FROM accounts WHERE email_lower = ? AND status = 'active'", (email_lower,)
    )
    row = conn.one(
        "SELECT * FROM memberships WHERE workspace_id = ? AND email_lower = ?",
        (workspace_id, email_lower),
    )
    if row and row["status"] == "active":
        raise Conflict(
            f"{email} is already a member of this workspace.",
            fields={"email": "Already a member."},
            code="already_member",
        )
    status = "active" if account_id else "pending"
    expires_at = None if account_id else iso_in(settings.invite_days * 86400)
    joined_at = now if account_id else None
    nonce = None if account_id else nonce
    token_hash = invites.token_hash(invites.invite_token(settings, nonce)) if nonce else None
    if row:  # a pending or expired invite: refresh it (a new link voids the old one)
        member_id = row["id"]
        conn.execute(
            "UPDATE memberships SET account_id = ?, role = ?, status = ?, invited_by = ?, invited_at = ?,"
            " expires_at = ?, joined_at = ?, invite_nonce = ?, invite_token_hash = ? WHERE id = ?",
            (
                account_id,
                role,
                status,
                actor_id,
                now,
                expires_at,
                joined_at,
                nonce,
                token_hash,
                member_id,
            ),
        )
    else:
        member_id = new_id("wm")
        conn.execute(
            "INSERT INTO memberships (id, workspace_id, account_id, email, email_lower, role, status, invited_by,"
            " invited_at, expires_at, joined_at, invite_nonce, invite_token_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                member_id,
                workspace_id,
                account_id,
                email,
                email_lower,
                role,
                status,
                actor_id,
                now,
                expires_at,
                joined_at,
                nonce,
                token_hash,
                now,
            ),
        )
    mail = mails[bool(account_id)]
    queue_email(
        conn,
        workspace_id,
        to=email,
        **mail,
        related={"membership_id": member_id, "type": "invite"},
        dedupe_key=f"invite:{member_id}:{now}",
    )
    emit(
        conn,
        workspace_id,
        "member_invited",
        details={
            "member_id": member_id,
            "email": email,
            "role": role,
            "status": status,
            "by": actor_id,
        },
    )
    audit.record_tx(
        conn,
        workspace_id,
        "member.invited",
        actor or audit.Actor(account_id=actor_id),
        target_id=member_id,
        target_label=email,
        details={"role": role, "status": status},
    )
    return public_member(_member_row(conn, workspace_id, member_id), now, links=settings)


# -- change role / remove ----------------------------------------------------------
async def change_role(
    db,
    workspace_id: str,
    member_id: str,
    *,
    actor_id: str,
    actor_role: str | None,
    role: str,
    settings=None,
) -> dict:
    """Give a member (or a pending invite) another role; 409 when it would leave no owner."""
    require_role(actor_role, "admin", MANAGE_MESSAGE)  # a viewer learns 403, not what a role is
    role = check_role(role)
    actor = audit.current_actor()

    def change(conn):
        row = _member_row(conn, workspace_id, member_id)
        _check_actor(actor_role, target_role=row["role"], new_role=role)
        links = _links_for(settings, actor_role)
        if row["role"] == role:
            return public_member(row, links=links)
        if role != "owner":
            _guard_last_owner(
                conn,
                workspace_id,
                row,
                "A workspace needs an owner: make someone else owner first.",
            )
        conn.execute("UPDATE memberships SET role = ? WHERE id = ?", (role, member_id))
        emit(
            conn,
            workspace_id,
            "member_role_changed",
            details={"member_id": member_id, "from": row["role"], "to": role, "by": actor_id},
        )
        audit.record_tx(
            conn,
            workspace_id,
            "member.role_changed",
            actor,
            target_id=member_id,
            target_label=row["email"],
            details={"from": row["role"], "to": role},
        )
        return public_member(_member_row(conn, workspace_id, member_id), links=links)

    return await db.write(change)


async def remove_member(
    db, workspace_id: str, member_id: str, *, actor_id: str, actor_role: str | None
) -> dict:
    """Remove a member or cancel an invite; anyone may remove themselves (leave).
    Returns the removed membership."""
    actor = audit.current_actor()

    def remove(conn):
        row = _member_row(conn, workspace_id, member_id)
        leaving = row["account_id"] is not None and row["account_id"] == actor_id
        if not leaving:
            _check_actor(actor_role, target_role=row["role"])
        _guard_last_owner(
            conn,
            workspace_id,
            row,
            "The last owner cannot leave: make someone else owner first, or delete the workspace.",
        )
        conn.execute("DELETE FROM memberships WHERE id = ?", (member_id,))
        if row["account_id"]:
            conn.execute(
                "UPDATE api_keys SET status = 'revoked', revoked_at = ? WHERE workspace_id = ? AND account_id = ?"
                " AND status = 'active'",
                (now_iso(), workspace_id, row["account_id"]),
            )
        emit(
            conn,
            workspace_id,
            "member_removed",
            details={
                "member_id": member_id,
                "email": row["email"],
                "left": leaving,
                "by": actor_id,
            },
        )
        audit.record_tx(
            conn,
            workspace_id,
            "member.left" if leaving else "member.removed",
            actor,
            target_id=member_id,
            target_label=row["email"],
            details={"role": row["role"], "status": row["status"]},
        )
        return public_member(row)

    return await db.write(remove)
