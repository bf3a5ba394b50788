"""Blanking a person's data in the rows of one table: the shapes every erase and
retention step is made of. Table and column names always come from code."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Scan:
    """The rows of ``table`` (in the person's workspace) whose ``search`` columns mention
    one of their identifiers (address, phone, full name, contact id): for copies of their
    data that nothing links to them by id (logs, payloads). ``find`` runs on a reader, so
    the table is read without holding the write lock; ``scrub`` then writes the rows
    found, a chunk per transaction (the needles come out of ``text`` and ``json``)."""

    table: str
    search: tuple[str, ...]
    key: tuple[str, ...] = ("id",)
    text: tuple[str, ...] = ()
    json: tuple[str, ...] = ()

    def find(self, conn, person) -> list[tuple]:
        clause, params = like_any(self.search, person.identifiers)
        rows = conn.all(
            f"SELECT {', '.join(self.key)} FROM {self.table} WHERE workspace_id = ? AND {clause}",
            [person.workspace_id, *params],
        )
        return [tuple(r[k] for k in self.key) for r in rows]

    def scrub(self, conn, person, keys: list[tuple]) -> int:
        if len(self.key) == 1:
            where = f"{self.key[0]} IN ({', '.join('?' * len(keys)) or 'NULL'})"
        else:
            one = "(" + " AND ".join(f"{k} = ?" for k in self.key) + ")"
            where = " OR ".join([one] * len(keys)) or "0 = 1"
        params = [v for key in keys for v in key]
        return scrub_rows(
            conn,
            self.table,
            f"workspace_id = ? AND ({where})",
            [person.workspace_id, *params],
            person.needles,
            key=self.key,
            text=self.text,
            json=self.json,
        )
