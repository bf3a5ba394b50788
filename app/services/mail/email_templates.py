"""Email templates (SPEC §8, §13): a subject, a text body and/or an HTML body
that users write, with the §8 variables as ``{{placeholders}}`` (substitution
only, nothing runs). Unknown variables are refused on save, naming the field;
values are HTML-escaped in the HTML body; an HTML-only template gets a text
part derived from it.

Other features send a stored template with ``render_template_for`` (inside their
own transaction) and ``queue_email``: ``{{unsubscribe_url}}`` stays in the
rendered bodies and is filled when a marketing email is sent
(app/services/mail/compose.py)."""

from __future__ import annotations

import html as html_lib

from app.db import fetch_page, get_in_workspace, new_id, now_iso, update_columns
from app.errors import ValidationError
from app.services.mail import placeholders
from app.services.mail.html_text import html_to_text
from app.services.mail.outbox import SUBJECT_MAX_CHARS, header_safe

VARIABLES = (
    "first_name",
    "name",
    "company",
    "form_name",
    "asset_url",
    "booking_url",
    "unsubscribe_url",
)
LATE = frozenset({"unsubscribe_url"})  # filled at send time, per recipient
NAME_MAX, BODY_MAX = 200, 50_000
FIELDS = ("name", "subject", "text", "html")
MISSING = "Email template not found."
# What the live preview fills in when no contact is chosen.
SAMPLE = {
    "first_name": "Dana",
    "name": "Dana Scully",
    "company": "BigCorp",
    "form_name": "Demo request",
    "asset_url": "https://example.com/guide.pdf",
    "booking_url": "https://example.com/book",
    "unsubscribe_url": "https://example.com/unsubscribe/sample",
}
_COLUMNS = {"name": "name", "subject": "subject", "text": "body_text", "html": "body_html"}


def template_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "subject": row["subject"],
        "text": row["body_text"],
        "html": row["body_html"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def check_template(values: dict, *, current: dict | None = None) -> dict:
    """The cleaned fields of ``values`` (a full template, or changes to ``current``),
    or ValidationError naming each bad field."""
    if not isinstance(values, dict):
        raise ValidationError(fields={"template": "Send an object with name, subject, text, html."})
    merged = {**(current or {}), **{k: v for k, v in values.items() if k in FIELDS}}
    errors, clean = {}, {}
    for key in FIELDS:
        value = merged.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors[key] = "Write this as text."
            continue
        clean[key] = value.strip() if key in ("name", "subject") else value
    limits = {"name": NAME_MAX, "subject": SUBJECT_MAX_CHARS, "text": BODY_MAX, "html": BODY_MAX}
    for key, limit in limits.items():
        if key in clean and len(clean[key]) > limit:
            errors[key] = f"Keep it under {limit} characters."
    if "name" in clean and not clean["name"] and "name" not in errors:
        errors["name"] = "Give the template a name, e.g. “Welcome”."
    if "subject" in clean and not clean["subject"] and "subject" not in errors:
        errors["subject"] = "Write a subject line."
    if not errors.get("text") and not errors.get("html"):
        if not clean.get("text", "").strip() and not clean.get("html", "").strip():
            errors["text"] = "Write the message (plain text, HTML, or both)."
    for key in ("subject", "text", "html"):
        if key in clean and key not in errors:
            problem = placeholders.problems(clean[key], set(VARIABLES), data_fields=False)
            if problem:
                errors[key] = problem
    if errors:
        raise ValidationError("Fix the highlighted fields.", fields=errors)
    return clean


def render_parts(
    subject: str, text: str, html: str, variables: dict, *, keep_late: bool = True
) -> tuple[str, str, str | None]:
    """(subject, text, html or None) with ``variables`` filled in: escaped in the
    HTML body; a text part derived from the HTML when only HTML was written.
    ``keep_late`` leaves ``{{unsubscribe_url}}`` for send time."""
    keep = LATE if keep_late else frozenset()
    subject_out = header_safe(placeholders.fill(subject, variables, keep=keep))
    html_out = (
        placeholders.fill(html, variables, escape=html_lib.escape, keep=keep)
        if html.strip()
        else None
    )
    if text.strip():
        text_out = placeholders.fill(text, variables, keep=keep)
    else:
        text_out = html_to_text(html_out or "")
    return subject_out, text_out, html_out


def render_template_for(
    conn, workspace_id: str, template_id: str, variables: dict
) -> tuple[str, str, str | None]:
    """A stored template filled for one recipient: (subject, text, html or None).
    NotFound for another workspace's or an unknown id. Runs in the caller's
    transaction (``db.write`` or ``db.read``)."""
    row = get_in_workspace(conn, "email_templates", template_id, workspace_id, missing=MISSING)
    return render_parts(row["subject"], row["body_text"], row["body_html"], variables)


def contact_variables(conn, workspace_id: str, contact_id: str | None, **extra) -> dict:
    """The §8 variables that come from a contact (first_name, name, company),
    plus ``extra`` (form_name, asset_url, booking_url…)."""
    values = {}
    if contact_id:
        row = conn.one(
            "SELECT c.first_name, c.name, c.email, co.name AS company FROM contacts c"
            " LEFT JOIN companies co ON co.id = c.company_id"
            " WHERE c.id = ? AND c.workspace_id = ?",
            (contact_id, workspace_id),
        )
        if row:
            first = row["first_name"] or (row["name"] or "").split(" ")[0]
            values = {"first_name": first, "name": row["name"], "company": row["company"] or ""}
    return {**values, **extra}


async def list_templates(db, workspace_id: str, *, cursor=None, limit: int = 50):
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT * FROM email_templates",
        ["workspace_id = ?"],
        [workspace_id],
        cursor=cursor,
        limit=limit,
    )
    return [template_shape(r) for r in rows], next_cursor


async def get_template(db, workspace_id: str, template_id) -> dict:
    row = await db.read(
        get_in_workspace, "email_templates", template_id, workspace_id, missing=MISSING
    )
    return template_shape(row)


async def create_template(db, workspace_id: str, values: dict) -> dict:
    clean = check_template(values)

    def insert(conn):
        template_id, now = new_id("tmpl"), now_iso()
        conn.execute(
            "INSERT INTO email_templates (id, workspace_id, name, subject, body_text, body_html,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (template_id, workspace_id, clean["name"], clean["subject"], clean["text"],
             clean["html"], now, now),
        )  # fmt: skip
        return get_in_workspace(conn, "email_templates", template_id, workspace_id)

    return template_shape(await db.write(insert))


async def update_template(db, workspace_id: str, template_id, values: dict) -> dict:
    def update(conn):
        row = get_in_workspace(conn, "email_templates", template_id, workspace_id, missing=MISSING)
        current = template_shape(row)
        clean = check_template(values, current=current)
        changes = {_COLUMNS[k]: v for k, v in clean.items() if v != current[k]}
        if changes:
            changes["updated_at"] = now_iso()
            update_columns(
                conn, "email_templates", template_id, workspace_id, changes,
                allowed=(*_COLUMNS.values(), "updated_at"),
            )  # fmt: skip
        return get_in_workspace(conn, "email_templates", template_id, workspace_id)

    return template_shape(await db.write(update))


async def delete_template(db, workspace_id: str, template_id) -> None:
    def delete(conn):
        get_in_workspace(
            conn, "email_templates", template_id, workspace_id, columns=("id",), missing=MISSING
        )
        conn.execute(
            "DELETE FROM email_templates WHERE id = ? AND workspace_id = ?",
            (template_id, workspace_id),
        )

    await db.write(delete)
