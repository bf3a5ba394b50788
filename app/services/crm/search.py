"""Contact list: prefix search, filters, allow-listed sorting, keyset pagination.

Search is a prefix match (``term >= q AND term < q || U+FFFF``) over the
lower-cased email, name, first and last name (table contact_search, kept by
triggers of migration 0016), the company name and the tags. Sorted by
created_at (the default) a search's page is picked from covering indexes alone,
so it stays fast at 100 000 contacts; it is plain SQL any engine understands."""

from __future__ import annotations

from app.db.pagination import decode_cursor, encode_cursor
from app.errors import ValidationError
from app.services.crm.contacts import (
    MAX_TAGS,
    STATUSES,
    contact_shape,
    normalize_tags,
    touchpoints_for,
)
from app.services.crm.normalize import normalize_company_name

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


def term_variants(q: str) -> list[str]:
    """Search terms are lower-cased by SQL lower(), which folds ASCII only ("Élise"
    stays "Élise"). Besides the fully lower-cased query, also try it ASCII-folded as
    typed and with a capital first letter, so "élise" and "Élise" both find "Élise"."""

    def ascii_lower(text: str) -> str:
        return "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in text)

    typed = " ".join(q.split())
    variants = [typed.lower(), ascii_lower(typed), ascii_lower(typed[:1].upper() + typed[1:])]
    return list(dict.fromkeys(variants))


def _branches(workspace_id: str, q: str, *, keyed: bool) -> tuple[list[str], list]:
    """One SELECT per searched column. ``keyed`` selects (created_at AS k, id) straight
    from the covering search indexes (migration 0016) instead of the id alone."""
    raw_q, q = q, " ".join(q.lower().split())
    company_q = normalize_company_name(q) or q
    cols = "created_at AS k, id" if keyed else "id"
    term_cols = "contact_created_at AS k, contact_id AS id" if keyed else "contact_id"
    parts, params = [], []
    for term in term_variants(raw_q):
        parts.append(
            f"SELECT {term_cols} FROM contact_search WHERE workspace_id = ? AND term >= ? AND term < ?"
        )
        params += [workspace_id, term, term + HIGH]
    parts.append(
        f"SELECT {cols} FROM contacts WHERE company_id IN (SELECT id FROM companies"
        " WHERE workspace_id = ? AND name_normalized >= ? AND name_normalized < ?)"
    )
    params += [workspace_id, company_q, company_q + HIGH]
    tag_cols = "contact_created_at AS k, contact_id AS id" if keyed else "contact_id"
    parts.append(
        f"SELECT {tag_cols} FROM contact_tags WHERE workspace_id = ? AND tag >= ? AND tag < ?"
    )
    params += [workspace_id, q, q + HIGH]
    return parts, params


def _search_clause(workspace_id: str, q: str) -> tuple[str, list]:
    """Ids of contacts whose email, name, first/last name, company or a tag starts with q."""
    parts, params = _branches(workspace_id, q, keyed=False)
    return "c.id IN (" + " UNION ".join(parts) + ")", params


def _newest_matches_clause(
    workspace_id: str, q: str, desc: bool, cursor, limit: int
) -> tuple[str, list]:
    """The page's ids for a search sorted by created_at with no other filter, picked from
    covering indexes alone. Each branch keeps only its own first rows (a bounded sort),
    so a broad prefix ("a") costs about what a narrow one does. A contact has at most
    4 search terms and MAX_TAGS tags, hence the per-branch limits: the union still
    holds the first ``limit + 1`` distinct contacts."""
    raw_q, q = q, " ".join(q.lower().split())
    company_q = normalize_company_name(q) or q
    n, op, order = int(limit) + 1, ("<" if desc else ">"), ("DESC" if desc else "ASC")
    terms = [
        (
            "contact_created_at",
            "contact_id",
            "contact_search WHERE workspace_id = ? AND term >= ? AND term < ?",
            [workspace_id, term, term + HIGH],
            n * 4,
        )
        for term in term_variants(raw_q)
    ]
    branches = [
        *terms,
        (
            "created_at",
            "id",
            "contacts WHERE company_id IN (SELECT id FROM companies WHERE workspace_id = ?"
            " AND name_normalized >= ? AND name_normalized < ?)",
            [workspace_id, company_q, company_q + HIGH],
            n,
        ),
        (
            "contact_created_at",
            "contact_id",
            "contact_tags WHERE workspace_id = ? AND tag >= ? AND tag < ?",
            [workspace_id, q, q + HIGH],
            n * MAX_TAGS,
        ),
    ]
    parts, params = [], []
    for k, ident, source, args, cap in branches:
        keyset = f" AND ({k}, {ident}) {op} (?, ?)" if cursor is not None else ""
        parts.append(
            f"SELECT * FROM (SELECT {k} AS k, {ident} AS id FROM {source}{keyset}"
            f" ORDER BY {k} {order}, {ident} {order} LIMIT {cap})"
        )
        params += args + (list(cursor) if cursor is not None else [])
    inner = " UNION ".join(parts)
    return (
        f"c.id IN (SELECT id FROM ({inner}) AS m ORDER BY k {order}, id {order} LIMIT {n})",
        params,
    )


# A contact cursor holds the sort key's value (text, a count, or NULL) and the id.
CURSOR_SHAPE = ((str, int, type(None)), str)


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
    updated_since=None,
) -> tuple[str, list]:
    """The list SQL and params (also used by the CSV export, without a limit)."""
    key, desc = parse_sort(sort)
    expr = SORTS[key][0]
    where, params = ["c.workspace_id = ?"], [workspace_id]
    source_sql = "contacts c"
    if status:
        if status not in STATUSES:
            raise ValidationError(fields={"status": f"Choose one of: {', '.join(STATUSES)}."})
        where.append("c.status = ?")
        params.append(status)
    if source:
        where.append("c.source = ?")
        params.append(source)
    if updated_since:  # SPEC §18: polling integrations
        where.append("c.updated_at >= ?")
        params.append(updated_since)
    tag_driven = bool(tag) and key == "created_at"
    if tag:
        tags = normalize_tags([tag])
        if tag_driven:
            # Walk the tag's index in created_at order and stop at the page's end,
            # instead of collecting every contact that has the tag first.
            source_sql = "contact_tags t JOIN contacts c ON c.id = t.contact_id"
            where += ["t.workspace_id = ?", "t.tag = ?"]
            expr = "t.contact_created_at"
        else:
            where.append(
                "c.id IN (SELECT contact_id FROM contact_tags WHERE workspace_id = ? AND tag = ?)"
            )
        params += [workspace_id, tags[0] if tags else ""]
    if q and q.strip():
        if key == "created_at" and limit and not (status or source or tag):
            clause, extra = _newest_matches_clause(workspace_id, q, desc, cursor, limit)
        else:
            clause, extra = _search_clause(workspace_id, q)
        where.append(clause)
        params += extra
    ident = "t.contact_id" if tag_driven else "c.id"
    if cursor is not None:
        where.append(f"({expr}, {ident}) {'<' if desc else '>'} (?, ?)")
        params += cursor
    order = "DESC" if desc else "ASC"
    sql = (
        f"SELECT {columns} FROM {source_sql} WHERE {' AND '.join(where)}"
        f" ORDER BY {expr} {order}, {ident} {order}"
    )
    if limit:
        sql += f" LIMIT {int(limit) + 1}"
    return sql, params


def list_contacts_tx(
    conn, workspace_id: str, *, limit: int = 50, cursor: str | None = None, sort=None, **filters
) -> tuple[list[dict], str | None]:
    """A page of contacts; ``cursor`` is the raw next_cursor of the previous page."""
    after = decode_cursor(cursor, CURSOR_SHAPE)
    sql, params = build_query(workspace_id, limit=limit, cursor=after, sort=sort, **filters)
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
