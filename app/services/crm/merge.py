"""Merging two contacts into one (SPEC §7): nothing the other contact had is lost."""

from __future__ import annotations

from app.db import (
    dumps,
    find_in_workspace,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.db.errors import IntegrityError
from app.errors import Conflict, NotFound, ValidationError
from app.services.consent.records import merged_consent_state_tx
from app.services.crm.contacts import (
    TEXT_FIELDS,
    WRITABLE_COLUMNS,
    contact_id_by_email,
    set_tags_tx,
)
from app.services.crm.search_index import reindex_contacts_tx
from app.services.events.log import emit

# Tables whose rows follow the contact. Later waves' tables (enrollments, ...) are
# listed too: a table that does not exist yet is skipped.
MOVED_TABLES = (
    "submissions",
    "touchpoints",
    "notes",
    "deals",
    "activities",
    "emails",
    "tasks",
    "tickets",
    "enrollments",
    "campaign_contacts",
    "consents",  # SPEC §19: the consent log follows the person
    "opt_in_requests",
)
FILLED_FIELDS = (*TEXT_FIELDS, "company_id")
STATUS_RANK = {"lead": 0, "qualified": 1, "customer": 2}


def _merged_status(a: str, b: str) -> str:
    """An unsubscribe always wins (consent); otherwise the further-along status."""
    if "unsubscribed" in (a, b):
        return "unsubscribed"
    return max((a, b), key=lambda s: STATUS_RANK.get(s, 0))


def _min(a, b):
    return min(x for x in (a, b) if x) if (a or b) else None


def _max(a, b):
    return max(x for x in (a, b) if x) if (a or b) else None


def _move_rows(conn, workspace_id: str, survivor_id: str, other_id: str) -> dict[str, int]:
    moved = {}
    for table in MOVED_TABLES:
        try:
            cursor = conn.execute(
                f"UPDATE {table} SET contact_id = ? WHERE contact_id = ? AND workspace_id = ?",
                (survivor_id, other_id, workspace_id),
            )
        except IntegrityError:
            raise Conflict(
                f"Both contacts have {table.replace('_', ' ')} that cannot be combined; "
                "stop one of them first, then merge."
            ) from None
        if cursor.rowcount:
            moved[table] = cursor.rowcount
    return moved


def merge_contacts_tx(
    conn, workspace_id: str, survivor_id: str, other_id: str, actor: str = ""
) -> dict:
    """Fold ``other`` into ``survivor``: rows move, empty fields are filled, tags and
    custom fields combine, counts add up, first/last seen widen; ``other`` is deleted.
    The survivor keeps its email, so emails stay unique. Emits ``contact_merged``."""
    if survivor_id == other_id:
        raise ValidationError(fields={"other_id": "Choose a different contact to merge."})
    survivor = get_in_workspace(
        conn, "contacts", survivor_id, workspace_id, missing="Contact not found."
    )
    other = find_in_workspace(conn, "contacts", other_id, workspace_id)
    if other is None:  # fields name the input, so a page can say it beside the field
        raise NotFound(
            "Contact not found.",
            fields={"other_id": "No contact with this id in this workspace."},
        )
    # A campaign both are in keeps the survivor's membership (the earlier join stays).
    conn.execute(
        "DELETE FROM campaign_contacts WHERE contact_id = ? AND campaign_id IN"
        " (SELECT campaign_id FROM campaign_contacts WHERE contact_id = ?)",
        (other_id, survivor_id),
    )
    moved = _move_rows(conn, workspace_id, survivor_id, other_id)
    updates = {k: other[k] for k in FILLED_FIELDS if not survivor[k] and other[k]}
    custom = {**loads(other["custom_fields"], {}), **loads(survivor["custom_fields"], {})}
    updates.update(
        status=_merged_status(survivor["status"], other["status"]),
        custom_fields=dumps(custom),
        submission_count=survivor["submission_count"] + other["submission_count"],
        first_seen=_min(survivor["first_seen"], other["first_seen"]),
        last_seen=_max(survivor["last_seen"], other["last_seen"]),
        updated_at=now_iso(),
    )
    tags = loads(survivor["tags"], []) + [
        t for t in loads(other["tags"], []) if t not in loads(survivor["tags"], [])
    ]
    conn.execute("DELETE FROM contact_tags WHERE contact_id = ?", (other_id,))
    conn.execute("DELETE FROM contacts WHERE id = ?", (other_id,))
    update_columns(conn, "contacts", survivor_id, workspace_id, updates, allowed=WRITABLE_COLUMNS)
    set_tags_tx(conn, workspace_id, survivor_id, tags)
    merged_consent_state_tx(conn, workspace_id, survivor_id, other)
    reindex_contacts_tx(conn, workspace_id, [other_id, survivor_id])
    summary = f"Merged {other['name'] or other['email']} <{other['email']}> into this contact"
    conn.execute(
        "INSERT INTO activities (id, workspace_id, contact_id, kind, summary, details, created_at)"
        " VALUES (?, ?, ?, 'contact_merged', ?, ?, ?)",
        (
            new_id("act"),
            workspace_id,
            survivor_id,
            summary[:300],
            dumps(
                {"other_id": other_id, "other_email": other["email"], "moved": moved, "by": actor}
            ),
            now_iso(),
        ),
    )
    details = {
        "contact_id": survivor_id,
        "merged_id": other_id,
        "merged_email": other["email"],
        "moved": moved,
    }
    emit(conn, workspace_id, "contact_merged", details=details)
    return details


MISSING_OTHER = "Give the email or id of the contact to merge into this one."


async def merge_contacts(
    db, workspace_id: str, survivor_id: str, other: str | None, actor: str = ""
) -> dict:
    """Merge the contact ``other`` names (its id, or its email) into ``survivor_id``.

    The rules for the contact page and the API alike, errors on ``other_id``:
    it is required (422); an email must belong to a contact of this workspace
    (422); a contact never merges into itself (422); an id that is not this
    workspace's contact is a 404 (with ``fields``), and so is the survivor
    (without: the page then answers 404 as for any unknown contact)."""
    other = other.strip() if isinstance(other, str) else ""
    if not other:
        raise ValidationError(fields={"other_id": MISSING_OTHER})
    other_id = other
    if "@" in other:
        other_id = await contact_id_by_email(db, workspace_id, other)
        if other_id is None:
            raise ValidationError(
                fields={"other_id": f"No contact with the email {other} in this workspace."}
            )
    return await db.write(merge_contacts_tx, workspace_id, survivor_id, other_id, actor)
