"""Partial submissions (SPEC §17): answers a visitor typed and did not send yet.

Opt-in per form (``partials.enabled``). Once the answers hold a valid email, embed.js
saves them to ``POST /api/forms/{id}/partials`` and keeps the resume token it gets
back; the same token updates the same row. The token is a bearer secret, so only its
SHA-256 is stored. A completed submission carrying ``_resume_token`` deletes its row
in the capture transaction (``complete_tx``: one DELETE, and only when a token came).

The scheduler's ``abandon_partials`` turns rows past their ``abandon_at`` (saved time
plus the form's delay) into ``abandoned``: a ``submission_abandoned`` event, and, when
the form's follow-up is on, one marketing email through the outbox (its dedupe key
makes it one per form and address; suppression is checked at delivery). Rows go after 30 days.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from app.db import clock, dumps, fetch_page, get_in_workspace, loads, new_id
from app.db.clock import iso, parse_iso
from app.errors import Conflict, RateLimited, ValidationError
from app.services.crm.memory import mapped_values, submitter_email
from app.services.events.log import emit
from app.services.forms.localize import canonical_answers
from app.services.forms.logic import visible_fields
from app.services.forms.values import clean_values
from app.services.mail import placeholders
from app.services.mail.outbox import queue_email
from app.services.mail.render import render_email

STATUSES = ("open", "abandoned")
NEW_PER_IP_PER_HOUR = 30  # new partials one network may start on one form
MAX_SAVES = 500  # saves of one partial (embed.js debounces: ~one per pause in typing)
KEEP_DAYS = 30
BATCH = 100


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- what a save holds ---------------------------------------------------------------
def _name(form: dict, data: dict) -> str | None:
    mapped = mapped_values(form, data)
    if mapped.get("contact.name"):
        return str(mapped["contact.name"])[:200]
    parts = [str(mapped[k]) for k in ("contact.first_name", "contact.last_name") if mapped.get(k)]
    return " ".join(parts)[:200] or None


def _progress(form: dict, data: dict, step) -> dict:
    """How far the visitor got: the step (of a multi-step form) and the last field filled."""
    filled = [f for f in form["fields"] if f["name"] in data]
    last = filled[-1] if filled else None
    steps = [s for s in form.get("steps") or [] if isinstance(s, dict)]
    reached = None
    if steps:
        reached = max(
            (i + 1 for i, s in enumerate(steps) if set(s.get("fields") or ()) & data.keys()),
            default=1,
        )
        if isinstance(step, int) and 1 <= step <= len(steps):
            reached = step  # the browser knows the step on screen
    return {
        "step": reached,
        "steps_total": len(steps) or None,
        "last_field": (last.get("label") or last["name"])[:200] if last else None,
    }


def _page_url(value) -> str | None:
    """Where the form was filled in (the follow-up's link back): http(s) only."""
    text = str(value or "")[:2000]
    return text if text.lower().startswith(("https://", "http://")) else None


def check_save(form: dict, body: dict) -> dict:
    """The columns a save writes, or 409 (partials off) / 422 (no valid email yet)."""
    if not form["partials"]["enabled"]:
        raise Conflict(
            "This form does not save unfinished answers: partial submissions are off in its "
            "settings.",
            code="partials_disabled",
        )
    raw = body.get("data") if isinstance(body.get("data"), dict) else {}
    raw = canonical_answers(form, raw)  # a translated form's options, as stored
    # half-typed answers that do not pass are left out, and so are hidden fields' (SPEC §17)
    data, _ = clean_values(visible_fields(form, raw), raw)
    email = submitter_email(form, data)
    if not email:
        raise ValidationError(
            "Type a valid email address first: unfinished answers are saved only with one.",
            fields={"data": "No valid email address among the answers yet."},
            code="email_required",
        )
    return {
        "email": email,
        "name": _name(form, data),
        "data": dumps(data),
        "page_url": _page_url(body.get("page_url")),
        **_progress(form, data, body.get("step")),
    }


# -- saving ------------------------------------------------------------------------------
_SAVED = ("email", "name", "data", "page_url", "step", "steps_total", "last_field")


def save_tx(conn, form: dict, token: str | None, values: dict, ip: str | None) -> str:
    """Insert or update the partial; answers its resume token."""
    now = clock.utcnow()
    abandon_at = iso(now + timedelta(minutes=form["partials"]["abandon_after_minutes"]))
    row = None
    if token:
        row = conn.one(
            "SELECT id, saves FROM partial_submissions WHERE token_hash = ? AND form_id = ?",
            (_hash(token), form["id"]),
        )
    if row is not None:
        if row["saves"] >= MAX_SAVES:
            raise RateLimited("These answers were saved often enough already.", retry_after=3600)
        # An abandoned partial keeps its state (and its one follow-up) until it is sent.
        conn.execute(
            f"UPDATE partial_submissions SET {', '.join(c + ' = ?' for c in _SAVED)},"
            " saves = saves + 1, updated_at = ?,"
            " abandon_at = CASE WHEN status = 'open' THEN ? ELSE abandon_at END WHERE id = ?",
            (*(values[c] for c in _SAVED), iso(now), abandon_at, row["id"]),
        )
        return token
    if ip:
        started = conn.value(
            "SELECT COUNT(*) FROM partial_submissions WHERE form_id = ? AND ip = ? AND created_at > ?",
            (form["id"], ip, iso(now - timedelta(hours=1))),
        )
        if started >= NEW_PER_IP_PER_HOUR:
            raise RateLimited(
                "Too many unfinished forms from your network in the last hour; try again later.",
                retry_after=3600,
            )
    token = secrets.token_urlsafe(24)
    conn.execute(
        f"INSERT INTO partial_submissions (id, workspace_id, form_id, token_hash, {', '.join(_SAVED)},"
        " ip, abandon_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("part"),
            form["workspace_id"],
            form["id"],
            _hash(token),
            *(values[c] for c in _SAVED),
            ip,
            abandon_at,
            iso(now),
            iso(now),
        ),
    )
    return token


async def save_partial(db, form: dict, body: dict, *, ip: str | None) -> dict:
    """Save a visitor's unfinished answers to ``form`` (the public, checked form);
    ``{"resume_token"}`` to send with the next save and with the submission."""
    values = check_save(form, body)
    token = body.get("resume_token") or None
    return {"resume_token": await db.write(save_tx, form, token, values, ip)}


def complete_tx(conn, workspace_id: str, form_id: str, token: str) -> None:
    """The submission that carries ``token`` was stored: its partial is done."""
    conn.execute(
        "DELETE FROM partial_submissions WHERE token_hash = ? AND form_id = ? AND workspace_id = ?",
        (_hash(token), form_id, workspace_id),
    )


# -- abandonment ----------------------------------------------------------------------
def _variables(row: dict, form_name: str) -> dict:
    name = row["name"] or ""
    return {
        "name": name,
        "first_name": name.split(" ")[0] if name else "",
        "email": row["email"],
        "form_name": form_name,
        "page_url": row["page_url"] or "",
        "data": loads(row["data"], {}),
    }


def _follow_up_tx(conn, row: dict, form_name: str, follow_up: dict) -> str:
    variables = _variables(row, form_name)
    subject = placeholders.fill(follow_up["subject"], variables)
    body = placeholders.fill(follow_up["body"], variables)
    contact_id = conn.value(
        "SELECT id FROM contacts WHERE workspace_id = ? AND email_lower = ?",
        (row["workspace_id"], row["email"].lower()),
    )
    return queue_email(
        conn,
        row["workspace_id"],
        to=row["email"],
        subject=subject,
        body_text=body,
        body_html=render_email(
            "message.html", {"subject": subject, "body": body, "form_name": form_name}
        ),
        kind="marketing",
        contact_id=contact_id,
        related={"form_id": row["form_id"], "partial_id": row["id"]},
        # once per form and address: starting again on another device brings no second one
        dedupe_key=f"partial_follow_up:{row['form_id']}:{row['email'].lower()}",
    )


def _sent_since(conn, row: dict) -> bool:
    """The visitor sent the form after all (on another device, or a save that reached us
    just after the submission): nothing to chase. A day before the partial started counts."""
    since = iso(parse_iso(row["created_at"]) - timedelta(days=1))
    return (
        conn.value(
            "SELECT 1 FROM submissions WHERE form_id = ? AND email_lower = ? AND created_at >= ?",
            (row["form_id"], row["email"].lower(), since),
        )
        is not None
    )


def _abandon_one_tx(conn, row: dict, now: str) -> None:
    if _sent_since(conn, row):
        conn.execute("DELETE FROM partial_submissions WHERE id = ?", (row["id"],))
        return
    config = loads(row["form_partials"], {}) or {}
    follow_up = config.get("follow_up") or {}
    email_id = None
    if follow_up.get("enabled") and row["form_status"] == "active":
        email_id = _follow_up_tx(conn, row, row["form_name"], follow_up)
    conn.execute(
        "UPDATE partial_submissions SET status = 'abandoned', abandoned_at = ?,"
        " follow_up_email_id = ? WHERE id = ? AND status = 'open'",
        (now, email_id, row["id"]),
    )
    emit(
        conn,
        row["workspace_id"],
        "submission_abandoned",
        form_id=row["form_id"],
        details={
            "form_name": row["form_name"],
            "email": row["email"],
            "partial_id": row["id"],
            "progress": progress_text(row),
            "follow_up": email_id is not None,
        },
        created_at=now,
    )


def abandon_due_tx(conn) -> int:
    """One batch of open partials past their delay, abandoned; answers how many."""
    now = iso(clock.utcnow())
    rows = conn.all(
        "SELECT p.*, f.name AS form_name, f.status AS form_status, f.partials AS form_partials"
        " FROM partial_submissions p JOIN forms f ON f.id = p.form_id"
        " WHERE p.status = 'open' AND p.abandon_at <= ? ORDER BY p.abandon_at LIMIT ?",
        (now, BATCH),
    )
    for row in rows:
        _abandon_one_tx(conn, row, now)
    return len(rows)


def purge_old_tx(conn) -> int:
    cutoff = iso(clock.utcnow() - timedelta(days=KEEP_DAYS))
    return conn.execute(
        "DELETE FROM partial_submissions WHERE id IN"
        " (SELECT id FROM partial_submissions WHERE updated_at < ? LIMIT 500)",
        (cutoff,),
    ).rowcount


async def abandon_partials(ctx) -> int:
    """Periodic task: abandon the partials past their form's delay (in batches, each its
    own short transaction), then purge those older than 30 days."""
    total = 0
    for _ in range(50):  # bounded per tick; the next tick continues
        done = await ctx.db.write(abandon_due_tx)
        total += done
        if done < BATCH:
            break
    while await ctx.db.write(purge_old_tx) >= 500:
        pass
    return total


# -- listing ---------------------------------------------------------------------------
FOLLOW_UP_WORDS = {
    None: "No follow-up",
    "queued": "Follow-up queued",
    "sending": "Follow-up queued",
    "sent": "Follow-up sent",
    "suppressed": "Follow-up not sent (the address opted out)",
    "failed": "Follow-up failed",
}


def progress_text(row: dict) -> str:
    if row["steps_total"]:
        return f"Stopped at step {row['step'] or 1} of {row['steps_total']}"
    if row["last_field"]:
        return f"Last answered “{row['last_field']}”"
    return "Typed an email address only"


def partial_out(row: dict) -> dict:
    """A partial as the API shows it (no token: it is the visitor's secret)."""
    email_status = row.get("follow_up_status")
    return {
        "id": row["id"],
        "form_id": row["form_id"],
        "status": row["status"],
        "email": row["email"],
        "name": row["name"],
        "data": loads(row["data"], {}),
        "page_url": row["page_url"],
        "step": row["step"],
        "steps_total": row["steps_total"],
        "last_field": row["last_field"],
        "progress": progress_text(row),
        "follow_up": {
            "email_id": row["follow_up_email_id"],
            "status": email_status,
            "text": FOLLOW_UP_WORDS.get(email_status, f"Follow-up {email_status}"),
        },
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "abandoned_at": row["abandoned_at"],
    }


def _list_tx(conn, workspace_id: str, form_id: str, status, cursor, limit: int):
    get_in_workspace(
        conn, "forms", form_id, workspace_id, missing="No such form in this workspace."
    )
    clauses, params = ["p.workspace_id = ?", "p.form_id = ?"], [workspace_id, form_id]
    if status:
        clauses.append("p.status = ?")
        params.append(status)
    rows, next_cursor = fetch_page(
        conn,
        "SELECT p.*, e.status AS follow_up_status FROM partial_submissions p"
        " LEFT JOIN emails e ON e.id = p.follow_up_email_id",
        clauses,
        params,
        cursor=cursor,
        limit=limit,
        alias="p.",
    )
    return [partial_out(r) for r in rows], next_cursor


async def list_partials(
    db,
    workspace_id: str,
    form_id: str,
    *,
    status: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[dict], str | None]:
    """A form's partials, newest first; ``status`` "open" or "abandoned" filters."""
    if status and status not in STATUSES:
        raise ValidationError(fields={"status": "Choose open or abandoned (or leave it out)."})
    return await db.read(_list_tx, workspace_id, form_id, status, cursor, limit)
