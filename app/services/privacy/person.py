"""Who is being erased or exported: the contact, the rows that are theirs by id, and
the words that identify them wherever else they were copied."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import get_in_workspace, loads
from app.errors import Conflict
from app.services.privacy.scrub import Needles, text_values

ERASED_STATUS = "erased"
MIN_TYPED = 5  # shorter answers ("Yes", "EU") are too common to take out of other text


@dataclass
class Person:
    workspace_id: str
    contact_id: str
    email: str  # lower-cased; '' when the contact has none
    addresses: list[str]  # every address of theirs (the contact's, the suppression list's)
    submission_ids: list[str]
    deal_ids: list[str]
    needles: Needles  # what is taken out of text that is theirs
    # What finds their rows where nothing links them by id (logs, payloads): address, phone,
    # full name, contact id. A short list: each is a LIKE over the table's text columns.
    identifiers: list[str]


def in_list(ids: list[str]) -> tuple[str, list]:
    """``?, ?, …`` for an IN list; ``NULL`` (matches nothing) when empty."""
    return (", ".join("?" * len(ids)) or "NULL"), list(ids)


def gather_tx(conn, workspace_id: str, contact_id: str, *, for_erasure: bool = False) -> Person:
    contact = get_in_workspace(
        conn, "contacts", contact_id, workspace_id, missing="Contact not found."
    )
    if for_erasure and contact["status"] == ERASED_STATUS:
        raise Conflict("This contact was erased already.", code="already_erased")
    email = (contact["email_lower"] or "").strip() if "@" in contact["email_lower"] else ""
    submissions = _submissions(conn, workspace_id, contact_id, email)
    deal_ids = [
        r["id"]
        for r in conn.all(
            "SELECT id FROM deals WHERE workspace_id = ? AND contact_id = ?",
            (workspace_id, contact_id),
        )
    ]
    addresses = sorted(
        {email}
        | {
            r["email_lower"]
            for r in conn.all(
                "SELECT email_lower FROM email_suppressions WHERE workspace_id = ? AND contact_id = ?"
                " AND email_lower LIKE '%@%'",
                (workspace_id, contact_id),
            )
        }
        - {""}
    )
    return Person(
        workspace_id=workspace_id,
        contact_id=contact_id,
        email=email,
        addresses=addresses,
        submission_ids=[s["id"] for s in submissions],
        deal_ids=deal_ids,
        needles=Needles(_words(contact, submissions, addresses)),
        identifiers=_identifiers(contact, addresses),
    )


def _submissions(conn, workspace_id: str, contact_id: str, email: str) -> list[dict]:
    """Theirs by contact, and by address where no contact was kept (notify-only forms)."""
    rows = conn.all(
        "SELECT id, data FROM submissions WHERE workspace_id = ? AND contact_id = ?",
        (workspace_id, contact_id),
    )
    if email:
        rows += conn.all(
            "SELECT id, data FROM submissions WHERE form_id IN"
            " (SELECT id FROM forms WHERE workspace_id = ?) AND email_lower = ?"
            " AND contact_id IS NULL",
            (workspace_id, email),
        )
    return rows


def _words(contact: dict, submissions: list[dict], addresses: list[str]) -> list[str]:
    words = [*addresses, contact["email"], contact["phone"]]
    words += [contact["name"], contact["first_name"], contact["last_name"]]
    words += text_values(loads(contact["custom_fields"], {}))
    for sub in submissions:
        for typed in text_values(loads(sub["data"], {})):
            pieces = [typed, *typed.splitlines()]
            words += [p for p in pieces if len(p.strip()) >= MIN_TYPED]
    return words


def _identifiers(contact: dict, addresses: list[str]) -> list[str]:
    found = [*addresses, contact["id"]]
    if len(contact["phone"].strip()) >= 6:
        found.append(contact["phone"].strip())
    name = contact["name"].strip()
    if " " in name and len(name) >= 5:  # a full name; a lone first name is too common
        found.append(name)
    return found
