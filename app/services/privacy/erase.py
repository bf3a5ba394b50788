"""Erasing a person (SPEC §19): ``erase_contact`` runs the per-table steps of
``erase_steps.ERASE_STEPS`` in order, each in its own short transaction, then
``_finish_tx`` empties the contact row, puts the address on the suppression list as
a hash and records who did it. The contact row goes last, so a run cut short is
finished by running it again (the contact still has what identifies them).

Everything that says who the person was (their address, name, phone, what they
typed, their IP) is taken out, wherever it was copied; counts and aggregates stay
(see erase_steps.py for what each step keeps)."""

from __future__ import annotations

from app.db import now_iso
from app.errors import ValidationError
from app.services import audit
from app.services.accounts.permissions import require_role
from app.services.events.log import emit
from app.services.mail.suppression import address_hash
from app.services.privacy.erase_steps import ERASE_STEPS
from app.services.privacy.person import ERASED_STATUS, Person, gather_tx, in_list
from app.services.privacy.rows import Scan

ERASE_MESSAGE = "Only owners and admins erase a person's data."
SCAN_CHUNK = 200  # rows found by a Scan, scrubbed per write transaction


def _finish_tx(conn, p: Person, actor: audit.Actor) -> dict:
    now = now_iso()
    conn.execute(
        "UPDATE contacts SET email = '', email_lower = ?, name = '', first_name = '', last_name = '',"
        " phone = '', custom_fields = '{}', status = ?, updated_at = ? WHERE id = ? AND workspace_id = ?",
        (f"erased:{p.contact_id}", ERASED_STATUS, now, p.contact_id, p.workspace_id),
    )
    _suppress_hashes(conn, p, now)
    summary = {"contact_id": p.contact_id, "submissions": len(p.submission_ids)}
    emit(conn, p.workspace_id, "contact_erased", details={**summary, "by": actor.account_id})
    audit.record_tx(
        conn,
        p.workspace_id,
        "contact.erased",
        actor,
        target_id=p.contact_id,
        target_label=p.contact_id,
        details={"submissions": len(p.submission_ids), "deals": len(p.deal_ids)},
    )
    return {**summary, "erased_at": now}


def _suppress_hashes(conn, p: Person, now: str) -> None:
    """The addresses leave the list; their hashes join it, so no email reaches them again."""
    marks, addrs = in_list(p.addresses)
    conn.execute(
        f"DELETE FROM email_suppressions WHERE workspace_id = ? AND (contact_id = ? OR email_lower IN ({marks}))",
        (p.workspace_id, p.contact_id, *addrs),
    )
    for address in p.addresses:
        conn.execute(
            "INSERT INTO email_suppressions (workspace_id, email_lower, reason, contact_id, created_at)"
            " VALUES (?, ?, 'erased', ?, ?) ON CONFLICT DO NOTHING",
            (p.workspace_id, address_hash(address), p.contact_id, now),
        )


async def erase_contact(
    db, workspace_id: str, contact_id: str, *, role: str | None, confirm_email: str | None = None
) -> dict:
    """Erase a contact's personal data everywhere it is kept (owner or admin; 409 when
    already erased). Irreversible. ``confirm_email``, when given, must be the contact's
    address (the page makes people type it). Returns ``{contact_id, submissions, erased_at}``."""
    require_role(role, "admin", ERASE_MESSAGE)
    actor = audit.current_actor()
    person = await db.read(gather_tx, workspace_id, contact_id, for_erasure=True)
    if confirm_email is not None and confirm_email.strip().lower() != person.email:
        raise ValidationError(
            fields={"confirm_email": "Type the contact's email address exactly to erase them."}
        )
    for step in ERASE_STEPS:
        if isinstance(step, Scan):
            found = await db.read(step.find, person)
            for start in range(0, len(found), SCAN_CHUNK):
                await db.write(step.scrub, person, found[start : start + SCAN_CHUNK])
        else:
            await db.write(step, person)
    return await db.write(_finish_tx, person, actor)
