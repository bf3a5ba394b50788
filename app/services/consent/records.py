"""A contact's consent log (SPEC §19): every grant and withdrawal with what the
person saw (the consent text and policy link), where it came from (a form, a
double opt-in confirmation, an unsubscribe, a person recording it by hand),
the form version, the time and the IP address.

The log is append-only; ``contacts.marketing_consent`` keeps its latest word
(granted / withdrawn / NULL: never recorded) so sending checks one row.
"""

from __future__ import annotations

from app.db import fetch_page, get_in_workspace, new_id, now_iso
from app.errors import ValidationError
from app.services.events.log import emit
from app.services.forms.consent_field import TEXT_LIMIT, consent_fields
from app.services.mail.suppression import on_unsubscribe

ACTIONS = ("granted", "withdrawn")
SOURCES = ("form", "double_opt_in", "unsubscribe", "manual")
ACTION_LABELS = {"granted": "Consent given", "withdrawn": "Consent withdrawn"}
SOURCE_LABELS = {
    "form": "ticked on a form",
    "double_opt_in": "confirmed by email (double opt-in)",
    "unsubscribe": "unsubscribed from an email",
    "manual": "recorded by a team member",
}
UNSUBSCRIBE_TEXT = "Unsubscribed from marketing email."
ERASED_TEXT = "(erased)"
CONTACT_MISSING = "Contact not found."
_COLUMNS = (
    "id, contact_id, action, source, consent_text, privacy_url, field_name, form_id,"
    " form_version, submission_id, ip, user_agent, recorded_by, created_at"
)


def record_tx(
    conn,
    workspace_id: str,
    contact_id: str,
    action: str,
    source: str,
    *,
    text: str = "",
    at: str | None = None,
    **origin,
) -> str:
    """Append one entry (``origin``: privacy_url, field_name, form_id, form_version,
    submission_id, ip, user_agent, recorded_by) and set the contact's current state."""
    consent_id, at = new_id("consent"), at or now_iso()
    conn.execute(
        f"INSERT INTO consents ({_COLUMNS}, workspace_id) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            consent_id,
            contact_id,
            action,
            source,
            text[:TEXT_LIMIT],
            origin.get("privacy_url") or "",
            origin.get("field_name"),
            origin.get("form_id"),
            origin.get("form_version"),
            origin.get("submission_id"),
            origin.get("ip"),
            origin.get("user_agent"),
            origin.get("recorded_by"),
            at,
            workspace_id,
        ),
    )
    conn.execute(
        "UPDATE contacts SET marketing_consent = ? WHERE id = ? AND workspace_id = ?",
        (action, contact_id, workspace_id),
    )
    emit(
        conn,
        workspace_id,
        "consent_granted" if action == "granted" else "consent_withdrawn",
        submission_id=origin.get("submission_id"),
        form_id=origin.get("form_id"),
        details={"consent_id": consent_id, "contact_id": contact_id, "source": source},
        created_at=at,
    )
    return consent_id


def record_from_submission_tx(conn, prepared, submission_id: str, contact_id, at: str) -> None:
    """The capture pipeline's hook: each ticked consent field of the submission is a
    grant, with the text shown, the form version, the time and the IP. Costs nothing
    for a form without consent fields."""
    form = prepared.form
    if not contact_id:
        return
    for field in consent_fields(form):
        if prepared.data.get(field["name"]) is not True:
            continue
        record_tx(
            conn,
            form["workspace_id"],
            contact_id,
            "granted",
            "form",
            text=field["label"],
            at=at,
            privacy_url=field.get("privacy_url"),
            field_name=field["name"],
            form_id=form["id"],
            form_version=form.get("version"),
            submission_id=submission_id,
            ip=prepared.ip,
            user_agent=prepared.meta.get("user_agent"),
        )


@on_unsubscribe
def withdraw_on_unsubscribe(conn, workspace_id: str, contact_id: str) -> None:
    """An unsubscribe is a withdrawal of marketing consent (same transaction)."""
    record_tx(conn, workspace_id, contact_id, "withdrawn", "unsubscribe", text=UNSUBSCRIBE_TEXT)


def consent_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "contact_id": row["contact_id"],
        "action": row["action"],
        "source": row["source"],
        "text": row["consent_text"],
        "privacy_url": row["privacy_url"] or None,
        "field_name": row["field_name"],
        "form_id": row["form_id"],
        "form_version": row["form_version"],
        "submission_id": row["submission_id"],
        "ip": row["ip"],
        "user_agent": row["user_agent"],
        "recorded_by": row["recorded_by"],
        "created_at": row["created_at"],
    }


async def contact_consents(
    db, workspace_id: str, contact_id: str, *, cursor=None, limit: int = 50
) -> tuple[list[dict], str | None]:
    """The contact's consent log, newest first (404 for another workspace's contact)."""

    def read(conn):
        get_in_workspace(conn, "contacts", contact_id, workspace_id, missing=CONTACT_MISSING)
        return fetch_page(
            conn,
            f"SELECT {_COLUMNS} FROM consents",
            ["workspace_id = ?", "contact_id = ?"],
            [workspace_id, contact_id],
            cursor=cursor,
            limit=limit,
        )

    rows, next_cursor = await db.read(read)
    return [consent_shape(r) for r in rows], next_cursor


async def consent_log_ctx(db, workspace_id: str, contact_id: str) -> dict:
    """What the contact page's consent section renders (the newest 50 entries)."""
    items, _ = await contact_consents(db, workspace_id, contact_id)
    return {"consents": items, "consent_actions": ACTION_LABELS, "consent_sources": SOURCE_LABELS}


def _check_manual(action, text) -> str:
    errors = {}
    if action not in ACTIONS:
        errors["action"] = "Choose granted or withdrawn."
    text = text.strip() if isinstance(text, str) else ""
    if action == "granted" and not text:
        errors["text"] = (
            "Say what the person agreed to and how (e.g. “Agreed by phone to our newsletter”)."
        )
    if len(text) > TEXT_LIMIT:
        errors["text"] = f"Keep this under {TEXT_LIMIT} characters."
    if errors:
        raise ValidationError(fields=errors)
    return text


async def record_manual(
    db, workspace_id: str, contact_id: str, *, action, text, recorded_by: str
) -> dict:
    """A team member records a consent given (or withdrawn) outside the forms."""

    def write(conn):
        get_in_workspace(conn, "contacts", contact_id, workspace_id, missing=CONTACT_MISSING)
        checked = _check_manual(action, text)  # after the 404: another workspace learns nothing
        consent_id = record_tx(
            conn, workspace_id, contact_id, action, "manual", text=checked, recorded_by=recorded_by
        )
        return consent_shape(
            conn.one(f"SELECT {_COLUMNS} FROM consents WHERE id = ?", (consent_id,))
        )

    return await db.write(write)


def merged_consent_state_tx(conn, workspace_id: str, survivor_id: str, other: dict) -> None:
    """After a merge moved the other contact's log here: the latest entry of the joint
    log is the consent state; a confirmed double opt-in on either side counts."""
    latest = conn.value(
        "SELECT action FROM consents WHERE workspace_id = ? AND contact_id = ?"
        " ORDER BY created_at DESC, id DESC LIMIT 1",
        (workspace_id, survivor_id),
    )
    states = {
        conn.value("SELECT opt_in_status FROM contacts WHERE id = ?", (survivor_id,)),
        other.get("opt_in_status"),
    }
    opt_in = next((s for s in ("confirmed", "pending_confirmation") if s in states), None)
    conn.execute(
        "UPDATE contacts SET marketing_consent = ?, opt_in_status = ? WHERE id = ? AND workspace_id = ?",
        (latest, opt_in, survivor_id, workspace_id),
    )


def consent_log_tx(conn, workspace_id: str, contact_id: str) -> list[dict]:
    """The whole consent log of a contact, oldest first (for an export)."""
    rows = conn.all(
        f"SELECT {_COLUMNS} FROM consents WHERE workspace_id = ? AND contact_id = ?"
        " ORDER BY created_at, id",
        (workspace_id, contact_id),
    )
    return [consent_shape(r) for r in rows]


async def require_contact(db, workspace_id: str, contact_id: str) -> None:
    """404 unless the contact is in this workspace."""
    await db.read(get_in_workspace, "contacts", contact_id, workspace_id, missing=CONTACT_MISSING)


def erase_contact_consents_tx(conn, workspace_id: str, contact_id: str) -> int:
    """Erasure (SPEC §19, called by the privacy feature inside its transaction): the
    consent log keeps what happened and when (the proof that consent was asked for),
    but no longer who: IP address, browser, the double opt-in confirmation IP, and the
    notes team members wrote on entries recorded by hand go (a form's consent text is
    the form's, not the person's, and stays). Returns the number of entries cleared."""
    cleared = conn.execute(
        "UPDATE consents SET ip = NULL, user_agent = NULL, consent_text = CASE WHEN"
        " source = 'manual' THEN ? ELSE consent_text END WHERE workspace_id = ? AND contact_id = ?",
        (ERASED_TEXT, workspace_id, contact_id),
    ).rowcount
    conn.execute(
        "UPDATE opt_in_requests SET confirmed_ip = NULL WHERE workspace_id = ? AND contact_id = ?",
        (workspace_id, contact_id),
    )
    return cleared
