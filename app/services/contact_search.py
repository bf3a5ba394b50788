"""Contact list: prefix search, filters, allow-listed sorting, keyset pagination.

Search is a prefix match (``col >= q AND col < q || U+FFFF``) on lower-cased,
indexed columns (migration 0016) — email, name, first name, last name, company
name and tag — so it stays in the low milliseconds at 100 000 contacts and is
plain SQL any engine understands."""

from __future__ import annotations

from app.db.pagination import encode_cursor
from app.services.contacts import STATUSES, contact_shape, normalize_tags, touchpoints_for
from app.services.errors import ValidationError
from app.services.normalize import normalize_company_name

# sort key -> (SQL expression over contacts c, python key of a row)
SORTS = {
    "created_at": ("c.created_at", lambda r: r["created_at"]),
    "last_seen": ("COALESCE(c.last_seen, '')", lambda r: r["last_seen"] or ""),
    "name": ("lower(c.name)", lambda r: r["name"].lower()),
    "email": ("c.email_lower", lambda r: r["email_lower"]),
    "submission_count": ("c.submission_count", lambda r: r["submission_count"]),
}
SORT_CHOICES = [s for key in SORTS for s in (f"-{key}", key)]
HIGH = "\uffff"


def parse_sort(raw: str | None) -> tuple[str, bool]:
    raw = raw or "-created_at"
    key, desc = (raw[1:], True) if raw.startswith("-") else (raw, False)
    if key not in SORTS:
        raise ValidationError(fields={"sort": f"Sort by one of: {', '.join(SORT_CHOICES)}."})
    return key, desc


def _search_clause(workspace_id: str, q: str) -> tuple[str, list]:
    """Ids of contacts whose email, name, first/last name, company or a tag starts with q."""
    q = " ".join(q.lower().split())
    company_q = normalize_company_name(q) or q
    parts, params = [], []
    for expr in ("email_lower", "lower(name)", "lower(first_name)", "lower(last_name)"):
        parts.append(
            f"SELECT id FROM contacts WHERE workspace_id = ? AND {expr} >= ? AND {expr} < ?"
        )
        params += [workspace_id, q, q + HIGH]
    parts.append(
        "SELECT id FROM contacts WHERE workspace_id = ? AND company_id IN (SELECT id FROM companies"
        " WHERE workspace_id = ? AND name_normalized >= ? AND name_normalized < ?)"
    )
    params += [workspace_id, workspace_id, company_q, company_q + HIGH]
    parts.append(
        "SELECT contact_id FROM contact_tags WHERE workspace_id = ? AND tag >= ? AND tag < ?"
    )
    params += [workspace_id, q, q + HIGH]
    return "c.id IN (" + " UNION ".join(parts) + ")", params


def build_query(
    workspace_id: str,
    *,
    q=None,
    status=None,
    source=None,
    tag=None,
    sort=None,
    limit: int = 50,
    cursor: list | None = None,
    columns: str = "c.*",
) -> tuple[str, list]:
    """The list SQL and params (also used by the CSV export, without a limit)."""
    key, desc = parse_sort(sort)
    expr = SORTS[key][0]
    where, params = ["c.workspace_id = ?"], [workspace_id]
    if status:
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Choose one of: {', '.join(STATUSES)}."})
        where.append("c.status = ?")
        params.append(status)
    if source:
        where.append("c.source = ?")
        params.append(source)
    if tag:
        tags = normalize_tags([tag])
        where.append(
            "c.id IN (SELECT contact_id FROM contact_tags WHERE workspace_id = ? AND tag = ?)"
        )
        params += [workspace_id, tags[0] if tags else ""]
    if q and q.strip():
        clause, extra = _search_clause(workspace_id, q)
        where.append(clause)
        params += extra
    if cursor is not None:
        if not (isinstance(cursor, list) and len(cursor) == 2):
            raise ValidationError(
                fields={"cursor": "The cursor does not fit this sort; start from the first page."}
            )
        where.append(f"({expr}, c.id) {'<' if desc else '>'} (?, ?)")
        params += cursor
    order = "DESC" if desc else "ASC"
    sql = f"SELECT {columns} FROM contacts c WHERE {' AND '.join(where)} ORDER BY {expr} {order}, c.id {order}"
    if limit:
        sql += f" LIMIT {int(limit) + 1}"
    return sql, params


def list_contacts_tx(
    conn, workspace_id: str, *, limit: int = 50, cursor=None, sort=None, **filters
) -> tuple[list[dict], str | None]:
    sql, params = build_query(workspace_id, limit=limit, cursor=cursor, sort=sort, **filters)
    rows = conn.all(sql, params)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        key = SORTS[parse_sort(sort)[0]][1]
        next_cursor = encode_cursor([key(rows[-1]), rows[-1]["id"]])
    touches = touchpoints_for(conn, [r["id"] for r in rows])
    return [contact_shape(r, touches[r["id"]]) for r in rows], next_cursor


async def list_contacts(db, workspace_id: str, **kwargs) -> tuple[list[dict], str | None]:
    return await db.read(lambda conn: list_contacts_tx(conn, workspace_id, **kwargs))
