"""Bulk actions on the contacts list (issue 14): tag, untag, export, delete a selection.

Each contact is its own short transaction (tens of them per second even on a busy
writer), so a 500-row selection never holds the write lock for long and a failure
leaves the done ones done. Selections are capped; a bigger job belongs to a filter export
or an import."""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.db import get_in_workspace, loads
from app.errors import NotFound, ValidationError
from app.services.crm.contacts import add_tags_tx, normalize_tags, remove_tags_tx
from app.services.crm.csv_export import CONTACT_COLUMNS, _line
from app.services.crm.search_index import reindex_contacts_tx
from app.services.events.log import emit

MAX_SELECTION = 500
# Rows that keep existing without the contact: the link is cleared.
UNLINKED = (
    "submissions",
    "deals",
    "emails",
    "tasks",
    "tickets",
    "activities",
    "email_suppressions",
)
# Rows that only describe the contact: they go with it.
REMOVED = ("touchpoints", "notes", "enrollments", "campaign_contacts", "contact_tags")


def clean_selection(ids, noun: str = "contact") -> list[str]:
    """The selected ids, de-duplicated in order; 422 when none or too many."""
    chosen = list(dict.fromkeys(i for i in (ids or []) if isinstance(i, str) and i.strip()))
    if not chosen:
        raise ValidationError(fields={"ids": f"Select at least one {noun}."})
    if len(chosen) > MAX_SELECTION:
        raise ValidationError(fields={"ids": f"Select at most {MAX_SELECTION} {noun}s at a time."})
    return chosen


async def check_selection(db, workspace_id: str, table: str, ids: list[str], noun: str) -> None:
    """Every id must be this workspace's: one that is not answers 404, like a single one."""
    marks = ",".join("?" * len(ids))
    found = await db.fetchval(
        f"SELECT COUNT(*) FROM {table} WHERE workspace_id = ? AND id IN ({marks})",  # noqa: S608
        (workspace_id, *ids),
    )
    if found != len(ids):
        raise NotFound(f"Some of the selected {noun}s no longer exist; reload the list.")


async def change_tags(db, workspace_id: str, ids: list[str], *, add=(), remove=()) -> int:
    """Add or remove tags on each selected contact; answers how many changed."""
    tags = normalize_tags(list(add) or list(remove))
    if not tags:
        raise ValidationError(fields={"tag": "Give the tag to add or remove."})
    changed = 0
    for contact_id in ids:

        def one(conn, contact_id=contact_id):
            before = loads(
                get_in_workspace(conn, "contacts", contact_id, workspace_id, columns=("tags",))[
                    "tags"
                ],
                [],
            )
            after = (add_tags_tx if add else remove_tags_tx)(conn, workspace_id, contact_id, tags)
            return before != after

        changed += await db.write(one)
    return changed


def delete_contact_tx(conn, workspace_id: str, contact_id: str, by: str) -> None:
    """Delete one contact. What it took part in stays (its submissions, deals, emails sent
    and the unsubscribe list keep their rows, unlinked); what only described it goes."""
    get_in_workspace(conn, "contacts", contact_id, workspace_id, columns=("id",))
    for table in UNLINKED:
        conn.execute(
            f"UPDATE {table} SET contact_id = NULL WHERE contact_id = ? AND workspace_id = ?",  # noqa: S608
            (contact_id, workspace_id),
        )
    for table in REMOVED:
        conn.execute(
            f"DELETE FROM {table} WHERE contact_id = ? AND workspace_id = ?",  # noqa: S608
            (contact_id, workspace_id),
        )
    conn.execute(
        "DELETE FROM contacts WHERE id = ? AND workspace_id = ?", (contact_id, workspace_id)
    )
    reindex_contacts_tx(conn, workspace_id, [contact_id])  # drops it from search
    emit(conn, workspace_id, "contact_deleted", details={"contact_id": contact_id, "by": by})


async def delete_contacts(db, workspace_id: str, ids: list[str], *, by: str) -> int:
    for contact_id in ids:
        await db.write(delete_contact_tx, workspace_id, contact_id, by)
    return len(ids)


async def contacts_csv(db, workspace_id: str, ids: list[str]) -> AsyncIterator[str]:
    """The selected contacts, in the columns of the full export."""
    yield "\ufeff" + _line(CONTACT_COLUMNS)
    marks = ",".join("?" * len(ids))
    rows = await db.fetchall(
        "SELECT c.*, (SELECT name FROM companies co WHERE co.id = c.company_id) AS company"
        f" FROM contacts c WHERE c.workspace_id = ? AND c.id IN ({marks})"  # noqa: S608
        " ORDER BY c.created_at, c.id",
        (workspace_id, *ids),
    )
    for row in rows:
        values = {
            **row,
            "tags": loads(row["tags"], []),
            "custom_fields": loads(row["custom_fields"], {}) or "",
        }
        yield _line(values[c] for c in CONTACT_COLUMNS)
