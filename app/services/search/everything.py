"""One query over the workspace's contacts, companies, forms and submissions.

Contacts use the ranked contact search (``crm.search``); the others are small
lookups: companies and forms by a word of their name (companies also by domain),
submissions by the submitter's email (its start, or any part of a matching
contact's email). Each kind gives its first few items and a count (capped: a
page says "1000+"). Nothing here knows about URLs or templates."""

from __future__ import annotations

from app.services.crm.contacts import contact_shape
from app.services.crm.search import count_matches, ranked_contacts_tx
from app.services.crm.search_index import fold

KINDS = {
    "contacts": "Contacts",
    "companies": "Companies",
    "forms": "Forms",
    "submissions": "Submissions",
}
COUNT_CAP = 1000
HIGH = "\uffff"


def _escape(text: str) -> str:
    """``text`` taken literally by ``LIKE ... ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(text: str) -> str:
    return "%" + _escape(text) + "%"


def _needles(q: str) -> list[str]:
    """The query as typed (lower case) and folded: stored names keep their accents."""
    typed = " ".join(q.lower().split())
    return list(dict.fromkeys(n for n in (typed, fold(q)) if n))


def _contacts(conn, workspace_id: str, q: str, limit: int) -> tuple[list[dict], int]:
    rows, _ = ranked_contacts_tx(conn, workspace_id, q, limit=limit)
    names = _company_names(conn, workspace_id, [r["company_id"] for r in rows])
    items = [{**contact_shape(r), "company_name": names.get(r["company_id"], "")} for r in rows]
    return items, count_matches(conn, workspace_id, q, COUNT_CAP) if rows else 0


def _company_names(conn, workspace_id: str, ids) -> dict[str, str]:
    ids = sorted({i for i in ids if i})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r["id"]: r["name"]
        for r in conn.all(
            f"SELECT id, name FROM companies WHERE workspace_id = ? AND id IN ({marks})",
            [workspace_id, *ids],
        )
    }


def _name_match(column: str, needles: list[str]) -> tuple[str, list]:
    return (
        "(" + " OR ".join(f"lower({column}) LIKE ? ESCAPE '\\'" for _ in needles) + ")",
        [_like(n) for n in needles],
    )


def _companies(conn, workspace_id: str, q: str, limit: int) -> tuple[list[dict], int]:
    needles = _needles(q)
    names, params = _name_match("name", needles)
    domains, dparams = _name_match("COALESCE(domain, '')", needles)
    where = f"workspace_id = ? AND ({names} OR {domains})"
    args = [workspace_id, *params, *dparams]
    rows = conn.all(
        f"SELECT id, name, domain, created_at FROM companies WHERE {where}"
        f" ORDER BY CASE WHEN lower(name) LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, created_at DESC"
        " LIMIT ?",
        [*args, _escape(needles[0]) + "%", limit],
    )
    count = conn.value(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM companies WHERE {where} LIMIT {COUNT_CAP + 1}) AS m",
        args,
    )
    return rows, count or 0


def _forms(conn, workspace_id: str, q: str, limit: int) -> tuple[list[dict], int]:
    names, params = _name_match("name", _needles(q))
    where = f"workspace_id = ? AND status != 'archived' AND {names}"
    rows = conn.all(
        f"SELECT id, name, status, created_at FROM forms WHERE {where}"
        " ORDER BY updated_at DESC LIMIT ?",
        [workspace_id, *params, limit],
    )
    count = conn.value(f"SELECT COUNT(*) FROM forms WHERE {where}", [workspace_id, *params])
    return rows, count or 0


def _submissions(conn, workspace_id: str, q: str, limit: int) -> tuple[list[dict], int]:
    """By the start of the email (the per-form email index), or the email of a matching
    contact (any part of it, through the contact index). Each branch reads only its
    newest rows, so a one-letter query over a million submissions stays quick."""
    email = "".join(q.lower().split())
    contacts, _ = ranked_contacts_tx(conn, workspace_id, q, limit=20)
    contact_ids = [c["id"] for c in contacts if fold(q) in fold(c["email"])]
    branches = [
        (
            "submissions s WHERE s.form_id IN (SELECT id FROM forms WHERE workspace_id = ?)"
            " AND s.email_lower >= ? AND s.email_lower < ?",
            [workspace_id, email, email + HIGH],
        )
    ]
    if contact_ids:
        marks = ",".join("?" * len(contact_ids))
        branches.append(
            (
                f"submissions s WHERE s.workspace_id = ? AND s.contact_id IN ({marks})",
                [workspace_id, *contact_ids],
            )
        )

    def union(cap: int) -> tuple[str, list]:
        sql = " UNION ".join(
            f"SELECT * FROM (SELECT s.id, s.created_at FROM {source}"
            f" ORDER BY s.created_at DESC LIMIT {cap}) AS b{n}"
            for n, (source, _) in enumerate(branches)
        )
        return sql, [p for _, params in branches for p in params]

    newest, params = union(limit)
    rows = conn.all(
        "SELECT s.id, s.email_lower AS email, s.status, s.created_at, s.form_id,"
        f" f.name AS form_name FROM ({newest}) AS m JOIN submissions s ON s.id = m.id"
        " JOIN forms f ON f.id = s.form_id ORDER BY s.created_at DESC LIMIT ?",
        [*params, limit],
    )
    counted, params = union(COUNT_CAP + 1)
    return rows, conn.value(f"SELECT COUNT(*) FROM ({counted}) AS m", params) or 0


FINDERS = {
    "contacts": _contacts,
    "companies": _companies,
    "forms": _forms,
    "submissions": _submissions,
}


def search_everything_tx(conn, workspace_id: str, q: str, *, limit: int = 5) -> list[dict]:
    """[{kind, label, count, capped, results}] for every kind, in KINDS order."""
    groups = []
    for kind, label in KINDS.items():
        items, count = FINDERS[kind](conn, workspace_id, q, limit) if fold(q) else ([], 0)
        groups.append(
            {
                "kind": kind,
                "label": label,
                "results": items,
                "count": min(count, COUNT_CAP),
                "capped": count > COUNT_CAP,
            }
        )
    return groups


async def search_everything(db, workspace_id: str, q: str, *, limit: int = 5) -> list[dict]:
    return await db.read(lambda conn: search_everything_tx(conn, workspace_id, q, limit=limit))
