"""Double opt-in (SPEC §19) for email_marketing forms with ``auto.double_opt_in``.

The flow is held at its start (``hold_tx``): the only email the submission
sends is a confirmation link (transactional: it must reach the person whatever
the marketing rules), and the contact is ``pending_confirmation``, which the
send-time gate (gate.py) reads: no marketing email reaches it until it confirms.

The link's GET only shows a page with a Confirm button (mail scanners fetch
links); its POST (``confirm``) records the consent (source ``double_opt_in``),
marks the contact ``confirmed`` and queues the submission's flow again, which
now runs whole — campaign, welcome email, sequence, activity, notify — with the
same idempotent steps as any reprocessing. A link works once and for 7 days.
"""

from __future__ import annotations

import html as html_lib
from datetime import timedelta

from app.db import clock, new_id, now_iso
from app.db.clock import iso
from app.errors import Conflict, Gone, NotFound
from app.services.capture.pipeline import form_from_row
from app.services.consent import links
from app.services.consent.records import record_tx
from app.services.forms.consent_field import consent_fields
from app.services.mail.outbox import queue_email
from app.services.mail.suppression import lift_unsubscribe_tx, mask_address
from app.services.platform.jobs import enqueue
from app.services.processing.steps import record_step

VALID_DAYS = 7
BAD_LINK = "This confirmation link is not valid. Use the link in the email exactly as it arrived."
USED_LINK = (
    "This confirmation link has already been used: the sign-up is confirmed. "
    "There is nothing more to do."
)
EXPIRED_LINK = (
    f"This confirmation link has expired (links work for {VALID_DAYS} days). "
    "Sign up again on the form to get a new one."
)
GONE_CONTACT = "This sign-up no longer exists, so there is nothing to confirm."


def hold_tx(conn, fc) -> bool:
    """At the start of an email_marketing run: True when the flow must wait for the
    person's confirmation (the confirmation email is queued, once per submission)."""
    contact_id = fc.submission["contact_id"]
    if not fc.form["auto"].get("double_opt_in") or not contact_id or not fc.email:
        return False
    request = conn.one("SELECT * FROM opt_in_requests WHERE submission_id = ?", (fc.sid,))
    if request is not None and request["confirmed_at"]:
        return False  # confirmed: this run is the rest of the flow
    contact = fc.contact or {}
    if request is None and contact.get("opt_in_status") == "confirmed":
        if contact.get("status") != "unsubscribed":
            return False  # confirmed on an earlier sign-up: no second confirmation
        # unsubscribed since: signing up again is confirmed again, which lifts the unsubscribe
    if request is None:
        request = _new_request_tx(conn, fc, contact_id)
    conn.execute(
        "UPDATE contacts SET opt_in_status = 'pending_confirmation' WHERE id = ?"
        " AND workspace_id = ? AND (opt_in_status IS NULL OR opt_in_status <> 'confirmed'"
        " OR status = 'unsubscribed')",
        (contact_id, fc.workspace_id),
    )
    record_step(
        conn,
        fc.workspace_id,
        fc.sid,
        "double_opt_in",
        "waiting",
        entity_id=request["email_id"],
        details={"contact_id": contact_id, "expires_at": request["expires_at"]},
        form_id=fc.form["id"],
    )
    return True


def _new_request_tx(conn, fc, contact_id: str) -> dict:
    now = clock.utcnow()
    request = {
        "id": new_id("optin"),
        "created_at": iso(now),
        "expires_at": iso(now + timedelta(days=VALID_DAYS)),
    }
    workspace_name = conn.value("SELECT name FROM workspaces WHERE id = ?", (fc.workspace_id,))
    subject, text, body_html = _message(fc.name, workspace_name, fc.form["name"])
    request["email_id"] = queue_email(
        conn,
        fc.workspace_id,
        to=fc.email,
        subject=subject,
        body_text=text,
        body_html=body_html,
        kind="transactional",
        contact_id=contact_id,
        submission_id=fc.sid,
        related={"opt_in_id": request["id"], "type": "double_opt_in"},
        dedupe_key=f"{fc.sid}:double_opt_in",
    )
    conn.execute(
        "INSERT INTO opt_in_requests (id, workspace_id, contact_id, submission_id, form_id,"
        " email_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            request["id"],
            fc.workspace_id,
            contact_id,
            fc.sid,
            fc.form["id"],
            request["email_id"],
            request["created_at"],
            request["expires_at"],
        ),
    )
    return request


def _message(name: str, workspace_name: str, form_name: str) -> tuple[str, str, str]:
    """(subject, text, html) of the confirmation email; the link is filled when sent."""
    subject = f"Please confirm your subscription — {form_name}"
    lines = [
        f"Hi {name or 'there'},",
        f"Please confirm that you want to receive email from {workspace_name} "
        f"(you signed up through “{form_name}”):",
        links.PLACEHOLDER,
        f"The link works for {VALID_DAYS} days. If you did not sign up, ignore this email: "
        "you will not hear from us.",
    ]
    text = "\n\n".join(lines)
    e = html_lib.escape
    body_html = (
        "<!doctype html><html><body>"
        f"<p>{e(lines[0])}</p><p>{e(lines[1])}</p>"
        f'<p><a href="{links.PLACEHOLDER}">Confirm my subscription</a></p>'
        f"<p>{e(lines[3])}</p></body></html>"
    )
    return subject, text, body_html


# -- the link --------------------------------------------------------------------------
def _request_tx(conn, secret: str, token) -> dict:
    """The usable request a token names: 404 garbled or forged, 409 used, 410 expired."""
    request_id = links.request_id_of(secret, token)
    row = None
    if request_id:
        row = conn.one(
            "SELECT r.*, w.name AS workspace_name, c.email, f.name AS form_name,"
            " s.form_version FROM opt_in_requests r JOIN workspaces w ON w.id = r.workspace_id"
            " LEFT JOIN contacts c ON c.id = r.contact_id AND c.workspace_id = r.workspace_id"
            " LEFT JOIN forms f ON f.id = r.form_id"
            " LEFT JOIN submissions s ON s.id = r.submission_id WHERE r.id = ?",
            (request_id,),
        )
    if row is None:
        raise NotFound(BAD_LINK)
    if row["confirmed_at"]:
        raise Conflict(USED_LINK, code="already_confirmed")
    if row["expires_at"] <= now_iso():
        raise Gone(EXPIRED_LINK, code="link_expired")
    if row["email"] is None:  # the contact was deleted or erased since
        raise Gone(GONE_CONTACT)
    return row


def _page(row: dict, done: bool) -> dict:
    return {
        "workspace_name": row["workspace_name"],
        "form_name": row["form_name"] or "",
        "address": mask_address(row["email"]),
        "done": done,
    }


def preview_tx(conn, secret: str, token) -> dict:
    """What the confirmation page shows before the button is pressed."""
    return _page(_request_tx(conn, secret, token), done=False)


def confirm_tx(conn, secret: str, token, ip: str | None, user_agent: str | None) -> dict:
    """Confirm once: the consent is recorded and the held-back flow is queued."""
    row = _request_tx(conn, secret, token)
    now = now_iso()
    taken = conn.execute(
        "UPDATE opt_in_requests SET confirmed_at = ?, confirmed_ip = ? WHERE id = ?"
        " AND confirmed_at IS NULL",
        (now, ip, row["id"]),
    ).rowcount
    if not taken:
        raise Conflict(USED_LINK, code="already_confirmed")
    ws = row["workspace_id"]
    conn.execute(
        "UPDATE contacts SET opt_in_status = 'confirmed', status = CASE WHEN status ="
        " 'unsubscribed' THEN 'lead' ELSE status END WHERE id = ? AND workspace_id = ?",
        (row["contact_id"], ws),
    )
    # Confirming a new sign-up by email is the clearest "yes" there is: it lifts an
    # earlier unsubscribe (a hard bounce stays on the list).
    lift_unsubscribe_tx(conn, ws, row["email"])
    record_tx(
        conn,
        ws,
        row["contact_id"],
        "granted",
        "double_opt_in",
        text=_consent_text(conn, row),
        at=now,
        form_id=row["form_id"],
        form_version=row["form_version"],
        submission_id=row["submission_id"],
        ip=ip,
        user_agent=(user_agent or "")[:500] or None,
    )
    conn.execute(
        "UPDATE submissions SET status = 'received' WHERE id = ? AND workspace_id = ?",
        (row["submission_id"], ws),
    )
    record_step(
        conn,
        ws,
        row["submission_id"],
        "opt_in_confirmed",
        entity_id=row["contact_id"],
        details={"contact_id": row["contact_id"]},
        form_id=row["form_id"],
    )
    enqueue(
        conn,
        "process_submission",
        {"submission_id": row["submission_id"], "reprocess": True},
        workspace_id=ws,
    )
    return _page(row, done=True)


def _consent_text(conn, row: dict) -> str:
    """What the person confirmed: the form's consent text when it has one."""
    form_row = conn.one("SELECT * FROM forms WHERE id = ?", (row["form_id"],))
    texts = [f["label"] for f in consent_fields(form_from_row(form_row))] if form_row else []
    confirmed = f"Confirmed the sign-up to {row['workspace_name']}'s email by the emailed link."
    return " ".join([*texts, confirmed]) if texts else confirmed


async def preview(db, secret: str, token) -> dict:
    return await db.read(preview_tx, secret, token)


async def confirm(db, secret: str, token, *, ip: str | None, user_agent: str | None) -> dict:
    return await db.write(confirm_tx, secret, token, ip, user_agent)
