"""Database access: one writer connection, a few readers, numbered migrations.

Writes are plain synchronous functions run inside ``BEGIN IMMEDIATE`` on the
writer's thread in one hop (``await db.write(fn, *args)``): the event loop and
the database thread meet once per transaction, and no network call can sneak
into a transaction. Reads go to reader connections (WAL lets them run beside
the writer).

The shapes every service would otherwise retype live in ``app.db.rows``: one row
of this workspace or NotFound, an allow-listed UPDATE, a keyset page from the
request's raw cursor (decoded and checked in ``app.db.pagination`` only).
"""

from app.db.clock import now_iso
from app.db.connection import Database, LeaseLost, dumps, loads, row_locking
from app.db.ids import new_id
from app.db.rows import (
    exists_in_workspace,
    fetch_in_workspace,
    fetch_page,
    find_in_workspace,
    get_in_workspace,
    update_columns,
    value_in_workspace,
)

__all__ = [
    "Database",
    "LeaseLost",
    "dumps",
    "exists_in_workspace",
    "fetch_in_workspace",
    "fetch_page",
    "find_in_workspace",
    "get_in_workspace",
    "loads",
    "new_id",
    "now_iso",
    "row_locking",
    "update_columns",
    "value_in_workspace",
]
