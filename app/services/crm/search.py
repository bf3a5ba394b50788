"""Contact list: search, filters, allow-listed sorting, keyset pagination.

Search (SPEC §7) reads the index of ``search_index``: a query is folded like
the indexed text (case and accents ignored), then ranked in three tiers, each
newest-first (``seq``, the contact's last activity):

1. exact: a whole field or word equals the query ("maria", "vip", an email);
2. prefix: a field or word starts with it ("mar", "northwind" in the domain);
3. substring: the email, name or company contains every word of it ("wind",
   "traders") -- three letters or more, through ``app.db.text_search``.

Each tier is read in index order and stops at the page's end, so a broad query
("a", "com") costs about what a narrow one does; tier 3 is only read when the
first two do not fill the page. With another sort or a filter, the same match
set filters the list instead."""

from __future__ import annotations

from app.db import text_search
from app.db.dialect import SQLITE
from app.db.pagination import decode_cursor, encode_cursor, invalid_cursor
from app.errors import ValidationError
from app.services.crm.contacts import (
    STATUSES,
    contact_shape,
    normalize_tags,
    touchpoints_for,
)
from app.services.crm.normalize import normalize_company_name
from app.services.crm.search_index import fold

# sort key -> (SQL expression over contacts c, python key of a row)
SORTS = {
    "created_at": ("c.created_at", lambda r: r["created_at"]),
    "last_seen": ("COALESCE(c.last_seen, '')", lambda r: r["last_seen"] or ""),
    "name": ("lower(c.name)", lambda r: r["name"].lower()),
    "email": ("c.email_lower", lambda r: r["email_lower"]),
    "submission_count": ("c.submission_count", lambda r: r["submission_count"]),
}
# Sorts whose index is partial: ``unindexed IS NULL`` (migration 0150).
PARTIAL_SORTS = frozenset({"last_seen", "name", "submission_count"})
RELEVANCE = "relevance"
SORT_CHOICES = [s for key in SORTS for s in (f"-{key}", key)]
HIGH = "\uffff"
# Above this many matches, a sorted search walks the list and tests each row (about
# 2 µs a row) instead of fetching and sorting every match (about 7 µs a match): at
# 100 000 contacts the two cost the same near a thousand matches.
BROAD = 1000
# A ranked cursor packs (tier, seq) into one integer.
TIER_SPAN = 10**15


def parse_sort(raw: str | None, *, ranked: bool = False) -> tuple[str, bool]:
    """(key, descending). No sort means best match first when searching, else newest."""
    if not raw or raw == RELEVANCE:
        return (RELEVANCE, True) if ranked else ("created_at", True)
    key, desc = (raw[1:], True) if raw.startswith("-") else (raw, False)
    if key not in SORTS:
        choices = ", ".join([RELEVANCE, *SORT_CHOICES])
        raise ValidationError(fields={"sort": f"Sort by one of: {choices}."})
    return key, desc


def query_terms(q: str) -> tuple[list[str], list[str]]:
    """(whole-query variants for exact/prefix matching, words for substring matching).
    The company form of the query ("Acme Ltd" -> "acme") is a variant too."""
    folded = fold(q)
    variants = [folded, fold(normalize_company_name(q))]
    return [v for v in dict.fromkeys(variants) if v], folded.split()


def _match_seqs(
    workspace_id: str, q: str, cap: int | None = None, dialect=SQLITE
) -> tuple[str, list]:
    """SQL for the seq of every contact matching q (any tier); ``cap`` limits each branch."""
    variants, words = query_terms(q)
    limit = f" LIMIT {int(cap)}" if cap else ""
    parts, params = [], []
    for v in variants:
        parts.append(
            "SELECT * FROM (SELECT seq FROM contact_search_terms"
            f" WHERE workspace_id = ? AND term >= ? AND term < ?{limit}) AS b{len(parts)}"
        )
        params += [workspace_id, v, v + HIGH]
    sub = text_search.substring_sql(words, dialect)
    if sub is not None:
        source, where, sub_params, _ = sub
        parts.append(
            f"SELECT * FROM (SELECT d.seq FROM {source} WHERE {where} AND d.workspace_id = ?"
            f"{limit}) AS b{len(parts)}"
        )
        params += [*sub_params, workspace_id]
    if not parts:
        return "SELECT NULL AS seq WHERE 0 = 1", []
    return " UNION ".join(parts), params


def _search_clause(
    workspace_id: str, q: str, broad: bool = False, dialect=SQLITE
) -> tuple[str, list]:
    """Contacts matching q: picked from the index (few matches), or, for a ``broad`` query,
    tested row by row while the list is walked in its own order (it fills a page soon)."""
    if not broad:
        sql, params = _match_seqs(workspace_id, q, dialect=dialect)
        return (
            f"c.id IN (SELECT sd.contact_id FROM contact_search_docs sd WHERE sd.seq IN ({sql}))",
            params,
        )
    variants, words = query_terms(q)
    ranges = " OR ".join("(e.term >= ? AND e.term < ?)" for _ in variants)
    tests = [f"EXISTS (SELECT 1 FROM contact_search_terms e WHERE e.seq = sd.seq AND ({ranges}))"]
    params = [x for v in variants for x in (v, v + HIGH)]
    contains = text_search.contains_sql(words, "sd.doc")
    if contains is not None:
        tests.append(contains[0])
        params += contains[1]
    return (
        "EXISTS (SELECT 1 FROM contact_search_docs sd WHERE sd.contact_id = c.id"
        f" AND ({' OR '.join(f'({t})' for t in tests)}))",
        params,
    )


def count_matches(conn, workspace_id: str, q: str, cap: int = 1000) -> int:
    """How many contacts match q, counted up to ``cap`` (a page says "1000+")."""
    sql, params = _match_seqs(workspace_id, q, cap=cap + 1, dialect=conn.dialect)
    return min(cap + 1, conn.value(f"SELECT COUNT(*) FROM ({sql}) AS m", params) or 0)


# -- ranked pages ---------------------------------------------------------------
def _exact(conn, workspace_id, variants, words, before, n) -> list[int]:
    found: set[int] = set()
    for v in variants:
        keyset = " AND seq < ?" if before is not None else ""
        rows = conn.all(
            "SELECT seq FROM contact_search_terms WHERE workspace_id = ? AND term = ?"
            f"{keyset} ORDER BY seq DESC LIMIT ?",
            [workspace_id, v, *([before] if before is not None else []), n],
        )
        found |= {r["seq"] for r in rows}
    return sorted(found, reverse=True)[:n]


def _prefix(conn, workspace_id, variants, words, before, n) -> list[int]:
    """Contacts with a field or word starting with the query, minus the exact matches.
    Each read takes the newest rows of the term range (a bounded sort, no DISTINCT over
    the whole range); duplicates and exact matches are dropped here, and the next read
    continues below the last seq seen when that left the page short."""
    found: set[int] = set()
    step = 2 * n + 20
    for v in variants:
        below, mine = before, set()
        while True:
            keyset = " AND seq < ?" if below is not None else ""
            seqs = conn.all(
                "SELECT seq FROM contact_search_terms WHERE workspace_id = ? AND term > ?"
                f" AND term < ?{keyset} ORDER BY seq DESC LIMIT ?",
                [workspace_id, v, v + HIGH, *([below] if below is not None else []), step],
            )
            batch = {r["seq"] for r in seqs}
            marks, vmarks = ",".join("?" * len(batch)), ",".join("?" * len(variants))
            exact = (
                {
                    r["seq"]
                    for r in conn.all(
                        f"SELECT seq FROM contact_search_terms WHERE seq IN ({marks})"
                        f" AND term IN ({vmarks})",
                        [*batch, *variants],
                    )
                }
                if batch
                else set()
            )
            mine |= batch - exact
            if len(seqs) < step or len(mine) >= n:
                break
            below = seqs[-1]["seq"]
        found |= mine
    return sorted(found, reverse=True)[:n]


def _substring(conn, workspace_id, variants, words, before, n) -> list[int]:
    sub = text_search.substring_sql(words, conn.dialect)
    if sub is None:
        return []
    source, where, params, seq = sub
    ranges = " OR ".join("(e.term >= ? AND e.term < ?)" for _ in variants)
    keyset = f" AND {seq} < ?" if before is not None else ""
    rows = conn.all(
        f"SELECT d.seq FROM {source} WHERE {where} AND d.workspace_id = ?{keyset}"
        f" AND NOT EXISTS (SELECT 1 FROM contact_search_terms e WHERE e.seq = d.seq AND ({ranges}))"
        f" ORDER BY {seq} DESC LIMIT ?",
        [
            *params,
            workspace_id,
            *([before] if before is not None else []),
            *[x for v in variants for x in (v, v + HIGH)],
            n,
        ],
    )
    return [r["seq"] for r in rows]


TIERS = (_exact, _prefix, _substring)


def ranked_seqs(conn, workspace_id: str, q: str, n: int, after: int | None = None) -> list[int]:
    """Up to n ranked keys (tier * TIER_SPAN + seq, best first) after the key ``after``."""
    variants, words = query_terms(q)
    if not variants:
        return []
    start_tier, before = (0, None) if after is None else divmod(after, TIER_SPAN)
    keys: list[int] = []
    for tier in range(start_tier, len(TIERS)):
        seqs = TIERS[tier](
            conn,
            workspace_id,
            variants,
            words,
            before if tier == start_tier else None,
            n - len(keys),
        )
        keys += [tier * TIER_SPAN + s for s in seqs]
        if len(keys) >= n:
            break
    return keys


def ranked_contacts_tx(
    conn, workspace_id: str, q: str, *, limit: int = 50, after: int | None = None
) -> tuple[list[dict], int | None]:
    """Contact rows (with ``rank_key``) of one ranked page, and the key to continue after."""
    keys = ranked_seqs(conn, workspace_id, q, limit + 1, after)
    page_keys = keys[:limit]
    next_key = page_keys[-1] if len(keys) > limit else None
    by_seq = {k % TIER_SPAN: k for k in page_keys}
    if not by_seq:
        return [], None
    marks = ",".join("?" * len(by_seq))
    rows = conn.all(
        "SELECT c.*, d.seq AS search_seq FROM contact_search_docs d JOIN contacts c"
        f" ON c.id = d.contact_id WHERE c.workspace_id = ? AND d.seq IN ({marks})",
        [workspace_id, *by_seq],
    )
    for r in rows:
        r["rank_key"] = by_seq[r.pop("search_seq")]
    rows.sort(key=lambda r: page_keys.index(r["rank_key"]))
    return rows, next_key


# A contact cursor holds the sort key's value (text, a count, or NULL) and the id.
CURSOR_SHAPE = ((str, int, type(None)), str)


def _ranked(sort, filters: dict) -> bool:
    """Best match first: a search with no other sort asked for and no other filter."""
    q = filters.get("q")
    others = any(v for k, v in filters.items() if k != "q")
    return bool(q and fold(q)) and sort in (None, "", RELEVANCE) and not others


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
    broad: bool = False,
    dialect=SQLITE,
) -> tuple[str, list]:
    """The list SQL and params for a sorted (not ranked) list; also the CSV export's,
    without a limit. ``sort=relevance`` reads as newest first here."""
    key, desc = parse_sort(None if sort == RELEVANCE else sort)
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
    if status or source or key in PARTIAL_SORTS:
        # these indexes leave out a contact capture created until its job indexed it,
        # a moment after the 201 (migration 0150); the term lets the planner use them
        where.append("c.unindexed IS NULL")
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
        clause, extra = _search_clause(workspace_id, q, broad, dialect)
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
    if _ranked(sort, filters):
        if after is not None and not isinstance(after[0], int):
            raise invalid_cursor()
        rows, next_key = ranked_contacts_tx(
            conn, workspace_id, filters["q"], limit=limit, after=after and after[0]
        )
        next_cursor = encode_cursor([next_key, ""]) if next_key is not None else None
    else:
        q = filters.get("q")
        broad = bool(q and fold(q)) and count_matches(conn, workspace_id, q, BROAD) > BROAD
        sql, params = build_query(
            workspace_id,
            limit=limit,
            cursor=after,
            sort=sort,
            broad=broad,
            dialect=conn.dialect,
            **filters,
        )
        rows = conn.all(sql, params)
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            key = SORTS[parse_sort(None if sort == RELEVANCE else sort)[0]][1]
            next_cursor = encode_cursor([key(rows[-1]), rows[-1]["id"]])
    touches = touchpoints_for(conn, [r["id"] for r in rows])
    return [contact_shape(r, touches[r["id"]]) for r in rows], next_cursor


async def list_contacts(db, workspace_id: str, **kwargs) -> tuple[list[dict], str | None]:
    return await db.read(lambda conn: list_contacts_tx(conn, workspace_id, **kwargs))
