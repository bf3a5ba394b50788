"""Accounts: sign-up, log-in (with its rate limit), profile."""

from __future__ import annotations

import math
import re
import secrets

from app.db import clock, new_id, now_iso
from app.db.clock import iso_ago, parse_iso
from app.db.errors import IntegrityError
from app.errors import Conflict, RateLimited, Unauthorized, ValidationError
from app.services import audit
from app.services.accounts import invites, sessions, workspaces
from app.services.accounts.passwords import check_password_rules, hash_password, verify_password

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(email, field: str = "email") -> str:
    if email is not None and not isinstance(email, str):  # e.g. a JSON list
        raise ValidationError(fields={field: "Enter one email address, as text."})
    email = (email or "").strip()
    if not EMAIL_RE.match(email) or len(email) > 254 or workspaces.has_control_chars(email):
        raise ValidationError(fields={field: "Enter a valid email address."})
    return email


def public_account(row: dict) -> dict:
    keys = ("id", "email", "name", "status", "created_at", "last_login_at")
    return {k: row[k] for k in keys}


async def get_account(db, account_id: str) -> dict | None:
    return await db.fetchone("SELECT * FROM accounts WHERE id = ?", (account_id,))


def _all_checks(*checks) -> list:
    """Run every check and report every field's problem at once (a form shows them together)."""
    results, errors = [], {}
    for check in checks:
        try:
            results.append(check())
        except ValidationError as exc:
            errors.update(exc.fields)
            results.append(None)
    if errors:
        raise ValidationError(fields=errors)
    return results


async def signup(
    db,
    settings,
    *,
    email: str,
    password: str,
    name: str = "",
    workspace_name: str = "",
    invite_token: str | None = None,
    ip=None,
    user_agent=None,
):
    """Create account + first workspace + owner membership; returns (account, token).

    With ``invite_token`` (from an ``/invite/{token}`` link) the invite to this
    email is accepted in the same transaction and the session opens in that
    workspace; a wrong, used or expired token, or one for another email, creates
    nothing. Without a token no pending invite is touched: typing an address
    proves nothing (SPEC §3)."""
    ws_name = (workspace_name or "").strip() if isinstance(workspace_name, str) else ""
    email, _, name, ws_name = _all_checks(
        lambda: check_email(email),
        lambda: check_password_rules(password),
        lambda: check_name(name),
        lambda: workspaces.check_name(ws_name, "workspace_name") if ws_name else "",
    )
    ws_name = ws_name or (f"{name}'s workspace"[:120] if name else "My workspace")
    password_hash = await hash_password(password, settings.bcrypt_rounds)

    def create(conn):
        now = now_iso()
        account_id = new_id("acct")
        try:
            conn.execute(
                "INSERT INTO accounts (id, email, email_lower, name, password_hash, status, created_at, last_login_at)"
                " VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
                (account_id, email, email.lower(), name, password_hash, now, now),
            )
        except IntegrityError:
            raise Conflict(
                "An account with this email already exists. Log in instead.",
                fields={"email": "This email already has an account."},
                code="email_taken",
            ) from None
        workspace_id = workspaces.create_workspace_tx(conn, account_id, email, ws_name)
        if invite_token is not None:
            joiner = audit.Actor(account_id=account_id, name=name or email, ip=ip)
            workspace_id = invites.accept_tx(conn, invite_token, account_id, email, joiner)[
                "workspace_id"
            ]
        token = sessions.create_session_tx(
            conn, settings, account_id, workspace_id, ip=ip, user_agent=user_agent
        )
        return conn.one("SELECT * FROM accounts WHERE id = ?", (account_id,)), token

    return await db.write(create)


def _count_attempt_tx(conn, settings, email_lower: str, ip) -> int:
    """Count this attempt as a failure *before* its password is checked, in one
    transaction with the limit check: parallel attempts are serialised by the
    writer, so once ``login_max_failures`` are counted every later one is a 429,
    however many were sent at once. A right password turns its row into a
    success afterwards. Returns the attempt's row id."""
    rows = conn.all(
        "SELECT created_at FROM login_attempts WHERE email_lower = ? AND succeeded = 0 AND created_at > ?"
        " ORDER BY created_at LIMIT ?",
        (email_lower, iso_ago(settings.login_window_seconds), settings.login_max_failures),
    )
    if len(rows) >= settings.login_max_failures:
        oldest = parse_iso(rows[0]["created_at"])
        wait = settings.login_window_seconds - (clock.utcnow() - oldest).total_seconds()
        minutes = max(1, math.ceil(wait / 60))
        raise RateLimited(
            f"Too many failed log-ins for this email. Try again in {minutes} minute{'s' * (minutes > 1)}.",
            retry_after=math.ceil(wait),
        )
    return conn.value(
        "INSERT INTO login_attempts (email_lower, ip, succeeded, created_at) VALUES (?, ?, 0, ?)"
        " RETURNING id",
        (email_lower, ip, now_iso()),
    )


def _attempt_succeeded_tx(conn, attempt_id: int) -> None:
    conn.execute("UPDATE login_attempts SET succeeded = 1 WHERE id = ?", (attempt_id,))


_DUMMY_HASHES: dict[int, str] = {}


async def _dummy_hash(rounds: int) -> str:
    """Checked against when the email is unknown: made once per process at the
    configured cost, so an unknown email takes as long as a wrong password."""
    if rounds not in _DUMMY_HASHES:
        _DUMMY_HASHES[rounds] = await hash_password(secrets.token_urlsafe(24), rounds)
    return _DUMMY_HASHES[rounds]


async def login(db, settings, *, email: str, password: str, ip=None, user_agent=None):
    """Check the password; returns (account, token). Same message for unknown email and wrong password.
    Logging in never activates a pending invite: only its token does (SPEC §3)."""
    email_lower = (email or "").strip().lower()
    attempt_id = await db.write(_count_attempt_tx, settings, email_lower, ip)
    account = await db.fetchone(
        "SELECT * FROM accounts WHERE email_lower = ? AND status = 'active'", (email_lower,)
    )
    hashed = account["password_hash"] if account else await _dummy_hash(settings.bcrypt_rounds)
    ok = await verify_password(password or "", hashed)
    if not (account and ok):  # the attempt is already counted as a failure
        raise Unauthorized("Wrong email or password.", code="invalid_credentials")

    def start(conn):
        _attempt_succeeded_tx(conn, attempt_id)
        conn.execute(
            "UPDATE accounts SET last_login_at = ? WHERE id = ?", (now_iso(), account["id"])
        )
        workspace_id = workspaces.default_workspace_tx(conn, account["id"])
        token = sessions.create_session_tx(
            conn, settings, account["id"], workspace_id, ip=ip, user_agent=user_agent
        )
        return conn.one("SELECT * FROM accounts WHERE id = ?", (account["id"],)), token

    return await db.write(start)


# -- account settings ------------------------------------------------------------
def check_name(name, field: str = "name") -> str:
    if name is not None and not isinstance(name, str):
        raise ValidationError(fields={field: "Use text for the name."})
    name = (name or "").strip()
    if len(name) > 200:
        raise ValidationError(fields={field: "Keep the name under 200 characters."})
    if workspaces.has_control_chars(name):
        raise ValidationError(fields={field: "Use a single line without control characters."})
    return name


async def update_profile(db, account_id: str, *, name) -> dict:
    """Change the account's display name (the email is the log-in and stays)."""
    name = check_name(name)

    def update(conn):
        conn.execute("UPDATE accounts SET name = ? WHERE id = ?", (name, account_id))
        return conn.one("SELECT * FROM accounts WHERE id = ?", (account_id,))

    return await db.write(update)


async def change_password(
    db,
    settings,
    account_id: str,
    *,
    current_password,
    new_password,
    workspace_id: str | None = None,
    ip=None,
    user_agent=None,
) -> str:
    """Check the current password, store the new one, revoke EVERY session of the
    account (a stolen one included) and return a fresh token for the caller.

    Wrong current passwords count against the log-in limit of that email, so a
    borrowed session cannot be used to guess the password faster than log-in can."""
    account = await get_account(db, account_id)
    errors = {}
    if not isinstance(current_password, str) or not current_password:
        errors["current_password"] = "Enter your current password."
    try:
        check_password_rules(
            new_password if isinstance(new_password, str) else "", field="new_password"
        )
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(fields=errors)
    attempt_id = await db.write(_count_attempt_tx, settings, account["email_lower"], ip)
    if not await verify_password(current_password, account["password_hash"]):
        raise ValidationError(fields={"current_password": "That is not your current password."})
    password_hash = await hash_password(new_password, settings.bcrypt_rounds)

    def store(conn):
        _attempt_succeeded_tx(conn, attempt_id)
        conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE id = ?", (password_hash, account_id)
        )
        sessions.revoke_all_tx(conn, account_id)
        return sessions.create_session_tx(
            conn, settings, account_id, workspace_id, ip=ip, user_agent=user_agent
        )

    return await db.write(store)
