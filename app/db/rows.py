"""The row shapes every workspace transaction would otherwise retype.

- ``get_in_workspace``: one row of this workspace, or ``NotFound`` (another
  workspace's id answers exactly like an unknown one);
- ``exists_in_workspace``: the same check as a bool, for callers that name the
  offending field themselves; ``value_in_workspace``: one column of it, or None;
- ``update_columns``: ``UPDATE … SET`` built from an allow-list of columns;
- ``fetch_page``: decode the request's cursor, run the keyset query, return the
  rows and the next cursor.

Table and column names are spliced into SQL, so they must come from code: each is
checked against an identifier pattern, and ``update_columns`` refuses a column
outside the caller's allow-list. Values are always bound parameters. The
functions take a connection: the writer inside ``db.write``, or a reader through
``await db.read(fetch_page, ...)``; ``fetch_in_workspace`` is ``get_in_workspace``
awaited from a ``Database``, as services read single rows today.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from app.db.pagination import CREATED_KEY, TIMESTAMP_ID, decode_cursor, keyset, page
from app.errors import NotFound

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?\Z")


def identifier(name: str) -> str:
    """``name`` if it is a plain (optionally ``alias.``-qualified) SQL identifier."""
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise ValueError(f"not an SQL identifier: {name!r}")
    return name


@functools.lru_cache(maxsize=512)  # the same few statements, built once
def _select(table: str, columns: tuple[str, ...] | str, where: str) -> str:
    cols = "*" if columns == "*" else ", ".join(identifier(c) for c in columns)
    extra = f" AND {where}" if where else ""
    return f"SELECT {cols} FROM {identifier(table)} WHERE id = ? AND workspace_id = ?{extra}"  # noqa: S608 - identifiers checked


def find_in_workspace(
    conn, table: str, row_id, workspace_id: str, *, columns="*", where: str = ""
) -> dict | None:
    """The row, or None. ``columns`` is ``"*"`` or a tuple of names; ``where`` is an
    extra constant clause from code (e.g. ``"removed_at IS NULL"``), never input."""
    if not isinstance(row_id, str):  # an id from a JSON body may be any type
        return None
    return conn.execute(_select(table, columns, where), (row_id, workspace_id)).fetchone()


def get_in_workspace(
    conn,
    table: str,
    row_id,
    workspace_id: str,
    *,
    columns="*",
    where: str = "",
    missing: str = "Not found.",
) -> dict:
    """The row, or ``NotFound(missing)``."""
    row = find_in_workspace(conn, table, row_id, workspace_id, columns=columns, where=where)
    if row is None:
        raise NotFound(missing)
    return row


def value_in_workspace(
    conn, table: str, row_id, workspace_id: str, column: str, *, where: str = ""
):
    """One column of the row, or None when there is no such row."""
    row = find_in_workspace(conn, table, row_id, workspace_id, columns=(column,), where=where)
    return None if row is None else row[column]


def exists_in_workspace(conn, table: str, row_id, workspace_id: str, *, where: str = "") -> bool:
    return (
        find_in_workspace(conn, table, row_id, workspace_id, columns=("id",), where=where)
        is not None
    )


async def fetch_in_workspace(db, table: str, row_id, workspace_id: str, **options) -> dict:
    """``get_in_workspace`` on a reader connection."""
    return await db.read(get_in_workspace, table, row_id, workspace_id, **options)


def update_columns(
    conn, table: str, row_id: str, workspace_id: str, changes: dict, *, allowed: Iterable[str]
) -> int:
    """Set ``changes`` (column → value) on one row of this workspace; returns the
    number of rows changed (0 when the row is not there or ``changes`` is empty).
    A column outside ``allowed`` is a programming error, never silently written."""
    stray = set(changes) - set(allowed)
    if stray:
        raise ValueError(f"columns not allowed on {table}: {sorted(stray)}")
    if not changes:
        return 0
    sets = ", ".join(f"{identifier(c)} = ?" for c in changes)
    return conn.execute(
        f"UPDATE {identifier(table)} SET {sets} WHERE id = ? AND workspace_id = ?",  # noqa: S608 - allow-listed
        (*changes.values(), row_id, workspace_id),
    ).rowcount


def fetch_page(
    conn,
    select: str,
    where: list[str],
    params: list,
    *,
    cursor: str | None,
    limit: int,
    descending: bool = True,
    alias: str = "",
    key: tuple = CREATED_KEY,
    shape: tuple = TIMESTAMP_ID,
) -> tuple[list[dict], str | None]:
    """One keyset page: ``select`` is ``SELECT … FROM …`` (code), ``where`` the
    clauses for ``params``; rows are ordered by ``key`` (columns of ``alias``) and
    ``cursor`` is the raw string from the request. Returns (rows, next_cursor)."""
    after = decode_cursor(cursor, shape)
    clauses, values = list(where), list(params)
    if after is not None:
        clause, extra = keyset(after, descending=descending, alias=alias, key=key)
        clauses.append(clause)
        values += extra
    direction = " DESC" if descending else ""
    order = ", ".join(f"{identifier(alias + c)}{direction}" for c in key)
    rows = conn.execute(
        f"{select} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?",
        (*values, int(limit) + 1),
    ).fetchall()
    return page(rows, limit, key=lambda r: [r[c] for c in key])
