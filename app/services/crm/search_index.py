"""The contact search index (SPEC §7, §14): written here and nowhere else.

For each contact, ``contact_search_docs`` holds one folded text (email, names,
company) for substring search and ``contact_search_terms`` its whole words and
fields (email, local part, domain, each name and company word, each tag) for
exact and prefix search. Folded = lower case, accents and special letters
spelled plainly ("Élise Ørsted" -> "elise orsted"), done here in Python so
every database compares the same text.

``seq`` orders the index by recency: a contact gets a new, higher seq each time
it is indexed (created, edited, submitted again, imported, merged), so ties in
search rank go to the most recently active contact without sorting.

Who calls ``reindex_contacts_tx``: the contact services (create, edit, tags,
merge, CSV import) inside their own transaction; for submissions, the
``process_submission`` job right after the 201 (never the capture transaction,
which stays as short as it can be). A contact that no longer exists is dropped.
A contact capture created is also ``unindexed`` (out of the list's filter and sort
indexes, migration 0150) until this runs for it.
"""

from __future__ import annotations

import re
import unicodedata

from app.db import loads, text_search
from app.services.crm.normalize import normalize_company_name

# Letters NFKD does not take apart.
_PLAIN = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_WORD_SPLIT = re.compile(r"[^\w]+|_")
CHUNK = 500
# Contacts per backfill transaction: about 100 ms of the shared writer each.
BACKFILL_SLICE = 200


def fold(text: str | None) -> str:
    """Lower case, no accents, single spaces: "  ÉLISE  Müller " -> "elise muller"."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.translate(_PLAIN).split())


def words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(text) if w]


def _folded(row: dict) -> dict:
    return {k: fold(row[k]) for k in ("email", "name", "first_name", "last_name", "company")}


def terms_for(row: dict, folded: dict | None = None) -> set[str]:
    """What a search may match whole or by its start."""
    f = folded or _folded(row)
    local, _, domain = f["email"].partition("@")
    terms = {f["email"], local, domain, *words(local), *words(domain.rpartition(".")[0])}
    for key in ("name", "first_name", "last_name", "company"):
        terms |= {f[key], *words(f[key])}
    terms.add(fold(normalize_company_name(row["company"])))
    terms |= {fold(tag) for tag in loads(row["tags"], []) or []}
    terms.discard("")
    return {t[:200] for t in terms}


def doc_for(folded: dict) -> str:
    """The text substring search looks in (tags are matched by their start only)."""
    return " | ".join(dict.fromkeys(v for v in folded.values() if v))


def _remove(conn, contact_ids: list[str]) -> None:
    marks = ",".join("?" * len(contact_ids))
    for old in conn.all(
        f"SELECT seq, doc FROM contact_search_docs WHERE contact_id IN ({marks})", contact_ids
    ):
        text_search.doc_removed(conn, old["seq"], old["doc"])
        conn.execute("DELETE FROM contact_search_terms WHERE seq = ?", (old["seq"],))
        conn.execute("DELETE FROM contact_search_docs WHERE seq = ?", (old["seq"],))


def forget_contacts_tx(conn, contact_ids: list[str]) -> None:
    """Take these contacts out of the search index (an erased person must not be found)."""
    if contact_ids:
        _remove(conn, list(contact_ids))


def reindex_contacts_tx(conn, workspace_id: str, contact_ids) -> None:
    """Bring the index up to date for these contacts of the workspace, in the caller's
    transaction; the last id given becomes the most recent."""
    ids = list(dict.fromkeys(i for i in contact_ids if i))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = {
            r["id"]: r
            for r in conn.all(
                "SELECT c.id, c.email, c.name, c.first_name, c.last_name, c.tags, c.unindexed,"
                " co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
                f" WHERE c.workspace_id = ? AND c.id IN ({marks})",
                [workspace_id, *chunk],
            )
        }
        _remove(conn, chunk)
        present = [i for i in chunk if i in rows]  # the others were deleted or merged away
        if not present:
            continue
        # A contact stored by capture enters the list's filter and sort indexes now
        # (migration 0150), with its search entry.
        waiting = [i for i in present if rows[i]["unindexed"] is not None]
        if waiting:
            conn.execute(
                f"UPDATE contacts SET unindexed = NULL WHERE id IN ({','.join('?' * len(waiting))})",
                waiting,
            )
        folded = {i: _folded(rows[i]) for i in present}
        # in the given order, so seq follows it; the seqs are read back by contact id
        conn.executemany(
            "INSERT INTO contact_search_docs (contact_id, workspace_id, doc) VALUES (?, ?, ?)",
            [(i, workspace_id, doc_for(folded[i])) for i in present],
        )
        marks = ",".join("?" * len(present))
        seqs = {
            r["contact_id"]: r["seq"]
            for r in conn.all(
                f"SELECT contact_id, seq FROM contact_search_docs WHERE contact_id IN ({marks})",
                present,
            )
        }
        text_search.docs_added(conn, list(seqs.values()))
        conn.executemany(
            "INSERT INTO contact_search_terms (workspace_id, term, seq) VALUES (?, ?, ?)",
            [
                (workspace_id, term, seqs[i])
                for i in present
                for term in sorted(terms_for(rows[i], folded[i]))
            ],
        )


# -- backfill ---------------------------------------------------------------------
def _unindexed_tx(conn, workspace_id: str, contact_ids: list[str]) -> None:
    marks = ",".join("?" * len(contact_ids))
    done = {
        r["contact_id"]
        for r in conn.all(
            f"SELECT contact_id FROM contact_search_docs WHERE contact_id IN ({marks})",
            contact_ids,
        )
    }
    reindex_contacts_tx(conn, workspace_id, [i for i in contact_ids if i not in done])


async def backfill(db, *, slice_rows: int = BACKFILL_SLICE, write=None) -> int:
    """Index every contact that is not indexed yet, least recently active first (so
    seq follows recency), ``slice_rows`` per transaction. Returns how many were looked at."""
    write = write or db.write
    rows = await db.fetchall(
        "SELECT c.id, c.workspace_id FROM contacts c WHERE NOT EXISTS"
        " (SELECT 1 FROM contact_search_docs d WHERE d.contact_id = c.id)"
        " ORDER BY c.workspace_id, COALESCE(c.last_seen, c.created_at), c.id"
    )
    by_ws: dict[str, list[str]] = {}
    for r in rows:
        by_ws.setdefault(r["workspace_id"], []).append(r["id"])
    for workspace_id, ids in by_ws.items():
        for start in range(0, len(ids), slice_rows):
            await write(_unindexed_tx, workspace_id, ids[start : start + slice_rows])
    return len(rows)


async def backfill_job(ctx, payload: dict) -> None:
    """Job ``reindex_contact_search``: queued by migration 0063 for existing contacts."""
    await backfill(ctx.db, write=ctx.write)
