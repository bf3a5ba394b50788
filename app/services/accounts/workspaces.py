"""Workspaces and the memberships that give accounts their roles in them."""

from __future__ import annotations

import re
import secrets
import unicodedata
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.db import dumps, fetch_page, loads, new_id, now_iso
from app.errors import Forbidden, NotFound, ValidationError
from app.services import audit
from app.services.accounts import branding
from app.services.accounts.currency import DEFAULT_CURRENCY, check_currency
from app.services.accounts.permissions import require_role
from app.services.events.log import emit
from app.services.privacy import retention_settings

DEFAULT_SETTINGS = {
    "timezone": "UTC",
    "default_from_email": "",
    "postal_address": "",
    "currency": DEFAULT_CURRENCY,
    "logo_url": "",  # shown on the hosted form page; empty: the workspace's initials
    **retention_settings.DEFAULTS,  # numbers (or None), not text: see check_settings
    # SPEC §19: no marketing email to a contact without a recorded consent (consent/gate.py)
    "marketing_requires_consent": False,
}
BOOLEAN_SETTINGS = ("marketing_requires_consent",)


def slugify(text: str, fallback: str = "item") -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:60].strip("-")
    return slug or fallback


def _unique_slug(conn, name: str) -> str:
    base = slugify(name, "workspace")
    slug = base
    while conn.value("SELECT 1 FROM workspaces WHERE slug = ?", (slug,)):
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def create_workspace_tx(conn, account_id: str, email: str, name: str) -> str:
    now = now_iso()
    workspace_id = new_id("ws")
    conn.execute(
        "INSERT INTO workspaces (id, name, slug, owner_id, settings, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
        (workspace_id, name, _unique_slug(conn, name), account_id, dumps(DEFAULT_SETTINGS), now),
    )
    conn.execute(
        "INSERT INTO memberships (id, workspace_id, account_id, email, email_lower, role, status, joined_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, 'owner', 'active', ?, ?)",
        (new_id("wm"), workspace_id, account_id, email, email.lower(), now, now),
    )
    return workspace_id


def default_workspace_tx(conn, account_id: str) -> str | None:
    return conn.value(
        "SELECT m.workspace_id FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.account_id = ? AND m.status = 'active' AND w.status = 'active' ORDER BY m.joined_at LIMIT 1",
        (account_id,),
    )


def public_workspace(row: dict) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "slug": row["slug"],
        "settings": {**DEFAULT_SETTINGS, **loads(row["settings"], {})},
        "status": row["status"],
        "created_at": row["created_at"],
    }


async def list_for_account(db, account_id: str) -> list[dict]:
    """The active workspaces an account belongs to, with its role in each."""
    rows = await db.fetchall(
        "SELECT w.*, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.account_id = ? AND m.status = 'active' AND w.status = 'active' ORDER BY w.name",
        (account_id,),
    )
    return [{**public_workspace(r), "role": r["role"]} for r in rows]


async def page_for_account(
    db, account_id: str, *, limit: int = 50, cursor: str | None = None
) -> tuple[list, str | None]:
    """``list_for_account`` a page at a time for the API, ordered by (name, id)."""
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT w.*, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id",
        ["m.account_id = ?", "m.status = 'active'", "w.status = 'active'"],
        [account_id],
        cursor=cursor,
        limit=limit,
        descending=False,
        alias="w.",
        key=("name", "id"),
    )
    return [{**public_workspace(r), "role": r["role"]} for r in rows], next_cursor


async def role_of(db, workspace_id: str, account_id: str) -> str | None:
    return await db.fetchval(
        "SELECT m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
        " WHERE m.workspace_id = ? AND m.account_id = ? AND m.status = 'active' AND w.status = 'active'",
        (workspace_id, account_id),
    )


async def get_workspace(db, workspace_id: str) -> dict:
    row = await db.fetchone(
        "SELECT * FROM workspaces WHERE id = ? AND status = 'active'", (workspace_id,)
    )
    if row is None:
        raise NotFound("Workspace not found.")
    return public_workspace(row)


# -- managing workspaces (SPEC §3, §13) ------------------------------------------
SETTING_KEYS = tuple(DEFAULT_SETTINGS)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


async def require_member(db, workspace_id: str, account_id: str) -> str:
    """The caller's role in ``workspace_id``; 404 when they are not an active member
    (another workspace's id must not be told apart from an unknown one)."""
    role = await role_of(db, workspace_id, account_id)
    if role is None:
        raise NotFound("Workspace not found.")
    return role


def has_control_chars(text: str) -> bool:
    """Line breaks and other control characters: names end up in email subjects."""
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def check_name(name, field: str = "name") -> str:
    name = (name if isinstance(name, str) else "").strip()
    if not name or len(name) > 120:
        raise ValidationError(fields={field: "Give the workspace a name (at most 120 characters)."})
    if has_control_chars(name):
        raise ValidationError(fields={field: "Use a single line without control characters."})
    return name


def _is_https_url(value: str) -> bool:
    """A logo address visitors' browsers may load: https, a host, no spaces or quotes."""
    try:
        parts = urlsplit(value)
    except ValueError:  # "https://[" and the like
        return False
    return (
        len(value) <= 500
        and parts.scheme == "https"
        and bool(parts.hostname)
        and not any(ch.isspace() or ch in "\"'<>\\" for ch in value)
    )


def check_settings(values) -> dict:
    """Validate the editable settings; unknown keys are refused rather than dropped."""
    if not isinstance(values, dict):
        raise ValidationError(fields={"settings": "Settings must be an object."})
    fields, clean = {}, {}
    for key, value in values.items():
        if key not in SETTING_KEYS:
            fields[key] = f"Unknown setting; use {', '.join(SETTING_KEYS)}."
        elif key in retention_settings.DEFAULTS:
            clean[key], error = retention_settings.check_retention(key, value)
            if error:
                fields[key] = error
        elif key in BOOLEAN_SETTINGS:
            if isinstance(value, bool):
                clean[key] = value
            else:
                fields[key] = "Use true or false."
        elif not isinstance(value, str):
            fields[key] = "Use a text value."
        else:
            clean[key] = value.strip()
    tz = clean.get("timezone")
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            fields["timezone"] = "Use an IANA time zone such as Europe/Berlin or America/New_York."
    if "currency" in clean:
        # Empty means the default: a form posted without the field keeps money in USD.
        code = check_currency(clean["currency"]) if clean["currency"] else DEFAULT_CURRENCY
        if code is None:
            fields["currency"] = "Use a three-letter ISO 4217 code such as USD, EUR or JPY."
        clean["currency"] = code or ""
    sender = clean.get("default_from_email")
    if sender and (not _EMAIL_RE.match(sender) or len(sender) > 254):
        fields["default_from_email"] = "Enter a valid email address, or leave it empty."
    logo = clean.get("logo_url")
    if logo and not _is_https_url(logo):
        fields["logo_url"] = (
            "Use an https:// address of an image (PNG, SVG, JPEG), or leave it empty for initials."
        )
    if len(clean.get("postal_address") or "") > 500:
        fields["postal_address"] = "Keep the postal address under 500 characters."
    if fields:
        raise ValidationError(fields=fields)
    return clean


async def create_workspace(db, account_id: str, *, name, settings: dict | None = None) -> dict:
    """Another workspace with the caller as its owner; any signed-in person may create one
    (viewers of other workspaces too: it writes nothing in those)."""
    name, clean = _check_all("" if name is None else name, settings)

    def create(conn):
        email = conn.value("SELECT email FROM accounts WHERE id = ?", (account_id,))
        workspace_id = create_workspace_tx(conn, account_id, email, name)
        if clean:
            conn.execute(
                "UPDATE workspaces SET settings = ? WHERE id = ?",
                (dumps({**DEFAULT_SETTINGS, **clean}), workspace_id),
            )
        emit(conn, workspace_id, "workspace_created", details={"by": account_id})
        return {
            **public_workspace(conn.one("SELECT * FROM workspaces WHERE id = ?", (workspace_id,))),
            "role": "owner",
        }

    return await db.write(create)


def _check_all(name, settings) -> tuple[str | None, dict]:
    """Both checks at once, so every field's message comes back together."""
    errors, clean = {}, {}
    try:
        name = check_name(name) if name is not None else None
    except ValidationError as exc:
        errors.update(exc.fields)
    try:
        clean = check_settings(settings) if settings is not None else {}
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(fields=errors)
    return name, clean


async def update_workspace(
    db,
    workspace_id: str,
    *,
    role: str | None,
    actor_id: str,
    name=None,
    settings: dict | None = None,
) -> dict:
    """Rename and/or change settings (timezone, currency, default_from_email, postal_address); admin or owner."""
    require_role(role, "admin", "Only owners and admins change workspace settings.")
    name, clean = _check_all(name, settings)
    actor = audit.current_actor()

    def update(conn):
        row = conn.one(
            "SELECT * FROM workspaces WHERE id = ? AND status = 'active'", (workspace_id,)
        )
        if row is None:
            raise NotFound("Workspace not found.")
        before = {**DEFAULT_SETTINGS, **loads(row["settings"], {})}
        merged = {**loads(row["settings"], {}), **clean}  # keys other features keep there survive
        conn.execute(
            "UPDATE workspaces SET name = ?, settings = ? WHERE id = ?",
            (name or row["name"], dumps(merged), workspace_id),
        )
        emit(
            conn,
            workspace_id,
            "workspace_updated",
            details={
                "by": actor_id,
                "changed": sorted(([] if name is None else ["name"]) + list(clean)),
            },
        )
        _audit_settings(conn, workspace_id, actor, row, before, name, clean)
        return public_workspace(conn.one("SELECT * FROM workspaces WHERE id = ?", (workspace_id,)))

    updated = await db.write(update)
    branding.forget(workspace_id)  # the hosted pages show the new name / logo at once
    return updated


def _audit_settings(conn, workspace_id, actor, row, before, name, clean) -> None:
    """One audit entry naming the settings that really changed, with old and new values."""
    changes = {k: {"from": before.get(k), "to": v} for k, v in clean.items() if before.get(k) != v}
    if name is not None and name != row["name"]:
        changes["name"] = {"from": row["name"], "to": name}
    if changes:
        audit.record_tx(
            conn,
            workspace_id,
            "workspace.updated",
            actor,
            target_id=workspace_id,
            target_label=name or row["name"],
            details={"changed": sorted(changes), "changes": changes},
        )


async def archive_workspace(db, workspace_id: str, *, role: str | None, actor_id: str) -> None:
    """Delete = archive (owner only): every query on it stops answering, its forms
    answer 410, its keys and pending invites stop working; members keep their
    other workspaces (their sessions fall back to one of those)."""
    if role != "owner":
        raise Forbidden("Only an owner can delete the workspace.")
    actor = audit.current_actor()

    def archive(conn):
        cursor = conn.execute(
            "UPDATE workspaces SET status = 'archived' WHERE id = ? AND status = 'active'",
            (workspace_id,),
        )
        if not cursor.rowcount:
            raise NotFound("Workspace not found.")
        emit(conn, workspace_id, "workspace_archived", details={"by": actor_id})
        audit.record_tx(conn, workspace_id, "workspace.deleted", actor)

    await db.write(archive)
