"""A campaign's contacts (SPEC §8): joined automatically through an inbound form
or added by hand; the contact page lists a contact's campaigns."""

from __future__ import annotations

from app.db import fetch_page, find_in_workspace, get_in_workspace, now_iso
from app.db.pagination import TIMESTAMP_ID
from app.errors import NotFound, ValidationError
from app.services.crm.contacts import add_tags_tx
from app.services.events.log import emit

SOURCES = {"submission": "Sign-up", "manual": "Added by hand"}


def add_member_tx(
    conn,
    workspace_id: str,
    campaign: dict,
    contact_id: str,
    *,
    source: str,
    submission_id: str | None = None,
) -> bool:
    """Add the contact (once) and give it the campaign's tags; True when it joined now."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO campaign_contacts (workspace_id, campaign_id, contact_id, source,"
        " submission_id, added_at) VALUES (?, ?, ?, ?, ?, ?)",
        (workspace_id, campaign["id"], contact_id, source, submission_id, now_iso()),
    )
    if campaign["contact_tags"]:
        add_tags_tx(conn, workspace_id, contact_id, campaign["contact_tags"])
    if cursor.rowcount:
        emit(
            conn,
            workspace_id,
            "campaign_contact_added",
            submission_id=submission_id,
            details={"campaign_id": campaign["id"], "contact_id": contact_id, "source": source},
        )
    return bool(cursor.rowcount)


def campaign_for_form_tx(conn, workspace_id: str, form_id: str) -> dict | None:
    """The active campaign this form feeds, if any (a form feeds at most one)."""
    from app.services.campaigns.campaigns import get_campaign_tx

    campaign_id = conn.value(
        "SELECT cf.campaign_id FROM campaign_forms cf JOIN campaigns c ON c.id = cf.campaign_id"
        " WHERE cf.form_id = ? AND cf.workspace_id = ? AND c.status = 'active'",
        (form_id, workspace_id),
    )
    return get_campaign_tx(conn, workspace_id, campaign_id) if campaign_id else None


def _contact_id(conn, workspace_id: str, data: dict) -> str:
    contact_id, email = data.get("contact_id"), data.get("email")
    if contact_id is not None and not isinstance(contact_id, str):
        raise ValidationError(fields={"contact_id": "Give the contact's id as text."})
    if email is not None and not isinstance(email, str):
        raise ValidationError(fields={"email": "Give the contact's email as text."})
    if contact_id:
        if find_in_workspace(conn, "contacts", contact_id, workspace_id, columns=("id",)):
            return contact_id
        raise NotFound("Contact not found.", fields={"contact_id": "No such contact here."})
    if email and email.strip():
        found = conn.value(
            "SELECT id FROM contacts WHERE workspace_id = ? AND email_lower = ?",
            (workspace_id, email.strip().lower()),
        )
        if found:
            return found
        raise ValidationError(
            fields={"email": "No contact has this email; create the contact first."}
        )
    raise ValidationError(fields={"contact_id": "Give a contact_id or an email."})


def add_contact_tx(conn, workspace_id: str, campaign_id, data: dict) -> tuple[dict, bool]:
    from app.services.campaigns.campaigns import get_campaign_tx

    campaign = get_campaign_tx(conn, workspace_id, campaign_id)
    contact_id = _contact_id(conn, workspace_id, data)
    added = add_member_tx(conn, workspace_id, campaign, contact_id, source="manual")
    return member_tx(conn, campaign["id"], contact_id), added


def remove_contact_tx(conn, workspace_id: str, campaign_id, contact_id) -> None:
    get_in_workspace(conn, "campaigns", campaign_id, workspace_id, missing="Campaign not found.")
    cursor = conn.execute(
        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND contact_id = ? AND workspace_id = ?",
        (campaign_id, contact_id, workspace_id),
    )
    if not cursor.rowcount:
        raise NotFound("This contact is not in the campaign.")
    emit(
        conn,
        workspace_id,
        "campaign_contact_removed",
        details={"campaign_id": campaign_id, "contact_id": contact_id},
    )


_MEMBER_SELECT = (
    "SELECT cc.contact_id, cc.source, cc.submission_id, cc.added_at, c.email, c.name, c.status,"
    " co.name AS company_name FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id"
    " LEFT JOIN companies co ON co.id = c.company_id"
)


def member_shape(row: dict) -> dict:
    return {
        "contact_id": row["contact_id"],
        "email": row["email"],
        "name": row["name"],
        "status": row["status"],
        "company": row["company_name"] or "",
        "source": row["source"],
        "submission_id": row["submission_id"],
        "added_at": row["added_at"],
    }


def member_tx(conn, campaign_id: str, contact_id: str) -> dict:
    return member_shape(
        conn.one(
            f"{_MEMBER_SELECT} WHERE cc.campaign_id = ? AND cc.contact_id = ?",
            (campaign_id, contact_id),
        )
    )


async def list_members(
    db, workspace_id: str, campaign_id, *, limit: int = 50, cursor=None
) -> tuple[list[dict], str | None]:
    """The campaign's contacts, most recently added first."""

    def fn(conn):
        get_in_workspace(
            conn, "campaigns", campaign_id, workspace_id, missing="Campaign not found."
        )
        rows, next_cursor = fetch_page(
            conn,
            _MEMBER_SELECT,
            ["cc.campaign_id = ?", "cc.workspace_id = ?"],
            [campaign_id, workspace_id],
            cursor=cursor,
            limit=limit,
            alias="cc.",
            key=("added_at", "contact_id"),
            shape=TIMESTAMP_ID,
        )
        return [member_shape(r) for r in rows], next_cursor

    return await db.read(fn)


async def add_contact(db, workspace_id: str, campaign_id, data: dict) -> tuple[dict, bool]:
    return await db.write(add_contact_tx, workspace_id, campaign_id, data)


async def remove_contact(db, workspace_id: str, campaign_id, contact_id) -> None:
    await db.write(remove_contact_tx, workspace_id, campaign_id, contact_id)


async def contact_campaigns(db, workspace_id: str, contact_id: str) -> list[dict]:
    """The campaigns a contact belongs to, for its page: name, how and when it joined."""
    return await db.fetchall(
        "SELECT c.id, c.name, c.status, cc.source, cc.added_at FROM campaign_contacts cc"
        " JOIN campaigns c ON c.id = cc.campaign_id WHERE cc.contact_id = ? AND cc.workspace_id = ?"
        " ORDER BY cc.added_at DESC",
        (contact_id, workspace_id),
    )
