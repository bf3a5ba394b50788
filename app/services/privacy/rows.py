"""Blanking a person's data in the rows of one table: the two shapes every erase and
retention step is made of. Table and column names always come from code."""

from __future__ import annotations

from app.services.privacy.scrub import ERASED, Needles, like_any


def scrub_rows(
    conn,
    table: str,
    where: str,
    params: list,
    needles: Needles,
    *,
    key: tuple[str, ...] = ("id",),
    text: tuple[str, ...] = (),
    json: tuple[str, ...] = (),
    blank: tuple[str, ...] = (),
    null: tuple[str, ...] = (),
    fixed: dict | None = None,
) -> int:
    """For each row matching ``where``: take the needles out of ``text`` and ``json``
    columns, replace non-empty ``blank`` columns with the erasure marker, clear ``null``
    ones and set ``fixed`` values. Only rows that change are written; returns how many."""
    columns = dict.fromkeys((*key, *text, *json, *blank, *null, *(fixed or {})))
    rows = conn.all(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params)
    changed = 0
    for row in rows:
        changes = _changes(row, needles, text, json, blank, null, fixed or {})
        if changes:
            sets = ", ".join(f"{c} = ?" for c in changes)
            match = " AND ".join(f"{k} = ?" for k in key)
            conn.execute(
                f"UPDATE {table} SET {sets} WHERE {match}",
                (*changes.values(), *(row[k] for k in key)),
            )
            changed += 1
    return changed


def _changes(row, needles, text, json, blank, null, fixed) -> dict:
    changes = {}
    for column in text:
        value = needles.text(row[column])
        if value != row[column]:
            changes[column] = value
    for column in json:
        value = needles.json_text(row[column])
        if value != row[column]:
            changes[column] = value
    for column in blank:
        if row[column] not in (None, "", ERASED):
            changes[column] = ERASED
    for column in null:
        if row[column] is not None:
            changes[column] = None
    for column, value in fixed.items():
        if row[column] != value:
            changes[column] = value
    return changes


def scan_rows(
    conn,
    table: str,
    workspace_id: str,
    identifiers: list[str],
    needles: Needles,
    *,
    search: tuple[str, ...],
    **scrub,
) -> int:
    """Rows of the workspace whose ``search`` columns mention an identifier (the address,
    phone, full name, contact or submission id) anywhere: their text is scrubbed. Used
    where a copy of the person's data is not linked to them by id (logs, payloads)."""
    clause, params = like_any(search, identifiers)
    return scrub_rows(
        conn, table, f"workspace_id = ? AND {clause}", [workspace_id, *params], needles, **scrub
    )
