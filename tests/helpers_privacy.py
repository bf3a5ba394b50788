"""Looking for a person's data in the whole database, whatever the table: the erasure
tests' proof that nothing was missed. It walks the schema (sqlite_master, or
information_schema on PostgreSQL), so a table added by any feature is searched too."""

from __future__ import annotations

from app.db.rows import identifier
from app.db.schema import column_names, table_names


def _traces_tx(conn, needles: list[str]) -> list[str]:
    found = []
    for table in table_names(conn):
        for column in column_names(conn, table):
            text = f"lower(CAST({identifier(column)} AS TEXT))"
            for needle in needles:
                row = conn.one(
                    f"SELECT {text} AS v FROM {identifier(table)} WHERE {text} LIKE ? LIMIT 1",
                    ("%" + needle.lower() + "%",),
                )
                if row is not None:
                    found.append(f"{table}.{column} holds {needle!r}: {str(row['v'])[:160]}")
    return found


async def traces_of(db, needles: list[str]) -> list[str]:
    """``table.column holds 'needle': …`` for every column of every table where any of
    ``needles`` appears (case-insensitive); empty when the data is gone."""
    return await db.read(_traces_tx, needles)
