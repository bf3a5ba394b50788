"""Substring search over a folded text column: the one dialect-specific piece of
contact search (SPEC §15 "case-insensitive search" seam).

On SQLite, ``contact_search_docs.doc`` is indexed by an FTS5 table with the
trigram tokenizer (migration 0063), kept by hand because it is an external-content
table: ``docs_added`` / ``doc_removed`` run in the same transaction as the row's
insert / delete. On PostgreSQL a ``gin (doc gin_trgm_ops)`` index on the column
(postgresql/0063) keeps itself: the two writers do nothing and ``substring_sql``
answers ``doc LIKE ?`` per word, which that index serves; nothing else in the
search changes.

Texts arrive already folded (lower case, no accents) by the caller, so the
index needs no case or diacritics handling of its own.
"""

from __future__ import annotations

from app.db.dialect import SQLITE

# Trigrams need three characters; shorter words are checked with LIKE on the
# candidates the longer words found (or not searched as substrings at all).
MIN_WORD = 3


def _trigram_index_keeps_itself(conn) -> bool:
    return conn.dialect.name == "postgresql"


def docs_added(conn, seqs: list[int]) -> None:
    """Index the docs rows just inserted with these seqs."""
    if _trigram_index_keeps_itself(conn):
        return
    marks = ",".join("?" * len(seqs))
    conn.execute(
        "INSERT INTO contact_search_fts (rowid, doc) SELECT seq, doc FROM contact_search_docs"
        f" WHERE seq IN ({marks})",
        seqs,
    )


def doc_removed(conn, seq: int, doc: str) -> None:
    """An external-content FTS5 row is deleted by giving back the text it indexed."""
    if _trigram_index_keeps_itself(conn):
        return
    conn.execute(
        "INSERT INTO contact_search_fts (contact_search_fts, rowid, doc) VALUES ('delete', ?, ?)",
        (seq, doc),
    )


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def contains_sql(words: list[str], doc: str) -> tuple[str, list] | None:
    """The same test as ``substring_sql`` on one row's ``doc`` column (plain LIKE, for
    walking a list in another order and keeping the rows that match)."""
    if not any(len(w) >= MIN_WORD for w in words):
        return None
    return " AND ".join(f"{doc} LIKE ? ESCAPE '\\'" for _ in words), [_like(w) for w in words]


def substring_sql(words: list[str], dialect=SQLITE) -> tuple[str, str, list, str] | None:
    """(FROM, WHERE, params, seq) selecting ``d`` = contact_search_docs rows whose doc
    contains every word; ``seq`` is the column to keyset and ``ORDER BY ... DESC`` on
    (the index's own order, so a LIMIT stops early). None when no word is long enough
    to use the index: one- and two-letter queries are prefix searches only."""
    long = [w for w in words if len(w) >= MIN_WORD]
    if not long:
        return None
    if dialect.name == "postgresql":  # the trigram index serves LIKE itself
        clause, params = contains_sql(words, "d.doc")
        return "contact_search_docs d", clause, params, "d.seq"
    match = " ".join('"' + w.replace('"', '""') + '"' for w in long)
    where = ["contact_search_fts MATCH ?"]
    params: list = [match]
    for w in words:
        if len(w) < MIN_WORD:
            where.append("d.doc LIKE ? ESCAPE '\\'")
            params.append(_like(w))
    source = "contact_search_fts f JOIN contact_search_docs d ON d.seq = f.rowid"
    return source, " AND ".join(where), params, "f.rowid"
