"""A person's data as JSON (SPEC §19): everything the workspace keeps about one
contact, in sections. Each section is one function reading one source; another
feature's table joins the export by adding its section to ``EXPORT_SECTIONS``
(uploads, consent log, partial submissions)."""

from __future__ import annotations

from collections.abc import Callable

from app.db import loads, now_iso
from app.services import audit
from app.services.capture.submissions import submission_shape
from app.services.consent.records import consent_log_tx
from app.services.crm.contacts import contact_shape, touchpoints_for
from app.services.crm.deals import deal_shape
from app.services.files.uploads import files_of_tx, shaped
from app.services.mail.outbox_view import email_shape
from app.services.privacy.person import Person, gather_tx, in_list

FORMAT_VERSION = 1


def _contact(conn, p: Person):
    row = conn.one("SELECT * FROM contacts WHERE id = ?", (p.contact_id,))
    return contact_shape(row, touchpoints_for(conn, [p.contact_id])[p.contact_id])


def _company(conn, p: Person):
    return conn.one(
        "SELECT c.id, c.name, c.domain FROM companies c JOIN contacts k ON k.company_id = c.id"
        " WHERE k.id = ? AND c.workspace_id = ?",
        (p.contact_id, p.workspace_id),
    )


def _submissions(conn, p: Person):
    marks, ids = in_list(p.submission_ids)
    rows = conn.all(f"SELECT * FROM submissions WHERE id IN ({marks}) ORDER BY created_at, id", ids)
    return [submission_shape(r) for r in rows]


def _emails(conn, p: Person):
    marks, ids = in_list(p.submission_ids)
    addr_marks, addrs = in_list(p.addresses)
    rows = conn.all(
        "SELECT * FROM emails WHERE workspace_id = ? AND (contact_id = ? OR submission_id IN"
        f" ({marks}) OR lower(to_addr) IN ({addr_marks})) ORDER BY created_at, id",
        [p.workspace_id, p.contact_id, *ids, *addrs],
    )
    return [{**email_shape(r), "text": r["body_text"], "html": r["body_html"]} for r in rows]


def _notes(conn, p: Person):
    return conn.all(
        "SELECT id, submission_id, author, body, created_at FROM notes"
        " WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at, id",
        (p.workspace_id, p.contact_id),
    )


def _deals(conn, p: Person):
    marks, ids = in_list(p.deal_ids)
    rows = conn.all(f"SELECT * FROM deals WHERE id IN ({marks}) ORDER BY created_at, id", ids)
    return [deal_shape(r) for r in rows]


def _events(conn, p: Person):
    """Events about their submissions, and those naming the contact."""
    marks, ids = in_list(p.submission_ids)
    rows = conn.all(
        "SELECT id, type, submission_id, form_id, details, created_at FROM events"
        f" WHERE workspace_id = ? AND (submission_id IN ({marks}) OR details LIKE ?) ORDER BY seq",
        [p.workspace_id, *ids, f'%"{p.contact_id}"%'],
    )
    return [{**r, "details": loads(r["details"], {})} for r in rows]


def _partial_submissions(conn, p: Person):
    """Answers they typed into a form and did not send (saved under their address)."""
    addr_marks, addrs = in_list(p.addresses)
    rows = conn.all(
        "SELECT id, form_id, email, name, data, page_url, status, created_at, updated_at"
        f" FROM partial_submissions WHERE workspace_id = ? AND lower(email) IN ({addr_marks})"
        " ORDER BY created_at, id",
        [p.workspace_id, *addrs],
    )
    return [{**r, "data": loads(r["data"], {})} for r in rows]


def _consent_log(conn, p: Person):
    """Every consent given or withdrawn, with the text shown, source, time and IP."""
    return consent_log_tx(conn, p.workspace_id, p.contact_id)


def _uploaded_files(conn, p: Person):
    """The files they sent with their submissions (SPEC §17): what each is, not its bytes
    (members download those from /files/{id})."""
    files = files_of_tx(conn, p.workspace_id, p.submission_ids)
    return [
        {**shaped(row), "submission_id": row["submission_id"], "created_at": row["created_at"]}
        for rows in files.values()
        for row in rows
    ]


# (key in the export, function(conn, person)); in the order a person reads them.
EXPORT_SECTIONS: list[tuple[str, Callable]] = [
    ("contact", _contact),
    ("company", _company),
    ("submissions", _submissions),
    ("emails", _emails),
    ("notes", _notes),
    ("deals", _deals),
    ("events", _events),
    ("partial_submissions", _partial_submissions),
    ("consent_log", _consent_log),
    ("uploaded_files", _uploaded_files),
]


def _export_tx(conn, workspace_id: str, contact_id: str) -> dict:
    person = gather_tx(conn, workspace_id, contact_id)
    export = {"format_version": FORMAT_VERSION, "exported_at": now_iso()}
    for key, section in EXPORT_SECTIONS:
        export[key] = section(conn, person)
    return export


def _record_tx(conn, workspace_id: str, contact_id: str, actor: audit.Actor) -> None:
    audit.record_tx(
        conn,
        workspace_id,
        "contact.exported",
        actor,
        target_id=contact_id,
        target_label=contact_id,
    )


async def export_contact(db, workspace_id: str, contact_id: str) -> dict:
    """Everything kept about a contact, as one JSON document; the export is audited."""
    actor = audit.current_actor()
    export = await db.read(_export_tx, workspace_id, contact_id)
    await db.write(_record_tx, workspace_id, contact_id, actor)
    return export
