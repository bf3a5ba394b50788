"""Companies (SPEC §7): list with contact counts, detail with contacts, deals, submissions."""

from __future__ import annotations

from app.db import fetch_in_workspace, fetch_page, get_in_workspace
from app.services.crm.contacts import contact_shape
from app.services.crm.deals import deal_shape, workspace_currency_tx
from app.services.crm.normalize import normalize_company_name

DETAIL_LIMIT = 100


def company_shape(row: dict) -> dict:
    return {k: row[k] for k in ("id", "name", "domain", "created_at")}


async def list_companies(
    db, workspace_id: str, *, q: str | None = None, limit: int = 50, cursor: str | None = None
) -> tuple[list[dict], str | None]:
    """Newest first; ``q`` is a prefix of the (normalised) name or of the domain."""
    where, params = ["co.workspace_id = ?"], [workspace_id]
    if q and q.strip():
        needle = normalize_company_name(q) or q.strip().lower()
        where.append(
            "(co.name_normalized >= ? AND co.name_normalized < ? OR lower(co.domain) LIKE ?)"
        )
        params += [needle, needle + "\uffff", needle.replace("%", "").replace("_", "") + "%"]
    rows, next_cursor = await db.read(
        fetch_page,
        "SELECT co.*, (SELECT COUNT(*) FROM contacts c WHERE c.company_id = co.id) AS contact_count,"
        " (SELECT COUNT(*) FROM deals d WHERE d.company_id = co.id) AS deal_count FROM companies co",
        where,
        params,
        cursor=cursor,
        limit=limit,
        alias="co.",
    )
    return [
        {**company_shape(r), "contact_count": r["contact_count"], "deal_count": r["deal_count"]}
        for r in rows
    ], next_cursor


async def get_company(db, workspace_id: str, company_id: str) -> dict:
    row = await fetch_in_workspace(
        db, "companies", company_id, workspace_id, missing="Company not found."
    )
    return company_shape(row)


async def company_detail(db, workspace_id: str, company_id: str) -> dict:
    """The company with its contacts, deals and submissions (newest 100 of each)."""

    def fn(conn):
        row = get_in_workspace(
            conn, "companies", company_id, workspace_id, missing="Company not found."
        )
        contacts = conn.all(
            "SELECT * FROM contacts WHERE workspace_id = ? AND company_id = ? ORDER BY created_at DESC"
            " LIMIT ?",
            (workspace_id, company_id, DETAIL_LIMIT),
        )
        deals = conn.all(
            "SELECT * FROM deals WHERE workspace_id = ? AND company_id = ? ORDER BY created_at DESC LIMIT ?",
            (workspace_id, company_id, DETAIL_LIMIT),
        )
        subs = conn.all(
            "SELECT s.id, s.form_id, s.contact_id, s.status, s.created_at, f.name AS form_name FROM submissions s"
            " LEFT JOIN forms f ON f.id = s.form_id WHERE s.workspace_id = ? AND s.company_id = ?"
            " ORDER BY s.created_at DESC LIMIT ?",
            (workspace_id, company_id, DETAIL_LIMIT),
        )
        return {
            **company_shape(row),
            "contacts": [contact_shape(c) for c in contacts],
            "deals": [deal_shape(d, workspace_currency_tx(conn, workspace_id)) for d in deals],
            "submissions": subs,
        }

    return await db.read(fn)
