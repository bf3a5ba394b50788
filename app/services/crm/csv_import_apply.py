"""Writing an analysed contacts import, in batches (SPEC §13).

A 50 000-row file in one transaction held the shared writer for 3 s, so every
other workspace's submissions waited behind it. Rows are now written
``batch_rows`` at a time, one short transaction each; other writes queue
between batches and wait at most one batch (≈ 30 ms for the default 500 rows).

Nothing is lost or made twice: every batch matches its rows by email against
the contacts as they are *in that transaction*, so a batch run again (a retry
after a crash, the same file uploaded twice, a contact created meanwhile by a
submission) fills empty fields instead of inserting a duplicate. A checkpoint
callback lets the caller record progress in the same transaction as the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import dumps, loads, new_id, now_iso, update_columns
from app.services.analytics.counters import count_contacts_tx
from app.services.crm.contacts import TEXT_FIELDS, WRITABLE_COLUMNS, company_for_name_tx
from app.services.crm.normalize import business_domain, complete_name
from app.services.crm.search_index import reindex_contacts_tx

FILL_FIELDS = tuple(TEXT_FIELDS)
DEFAULT_BATCH_ROWS = 500


def existing_tx(conn, workspace_id: str, emails: list[str]) -> dict[str, dict]:
    """Contacts of the workspace by lower-cased email."""
    found = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.all(
            f"SELECT * FROM contacts WHERE workspace_id = ? AND email_lower IN ({marks})",
            (workspace_id, *chunk),
        ):
            found[row["email_lower"]] = row
    return found


def fills(current: dict, values: dict) -> list[str]:
    """What an update would change: empty fields that the row fills, and new tags / custom keys."""
    changed = [k for k in FILL_FIELDS if values.get(k) and not current[k]]
    if values.get("status") and current["status"] == "lead" and values["status"].lower() != "lead":
        changed.append("status")
    if values.get("company") and not current["company_id"]:
        changed.append("company")
    if set(values.get("tags") or []) - set(loads(current["tags"], [])):
        changed.append("tags")
    custom = loads(current["custom_fields"], {})
    if any(k not in custom or custom[k] in ("", None) for k in values["custom_fields"]):
        changed.append("custom_fields")
    return changed


def match_tx(conn, workspace_id: str, results: list[dict]) -> None:
    """Set each valid row's action (create | update | unchanged) from the stored contacts."""
    valid = [r for r in results if r["action"] != "error"]
    existing = existing_tx(conn, workspace_id, [r["email"].lower() for r in valid])
    for result in valid:
        current = existing.get(result["email"].lower())
        result["action"], result["fills"], result["contact_id"] = "create", [], None
        if current is not None:
            result["contact_id"] = current["id"]
            result["fills"] = fills(current, result["values"])
            result["action"] = "update" if result["fills"] else "unchanged"


def _insert_rows(conn, workspace_id: str, results: list[dict], now: str) -> None:
    companies: dict[str, str | None] = {}
    contacts, tags = [], []
    for r in results:
        v = r["values"]
        company = (v.get("company", ""), business_domain(v["email"]))
        if company not in companies:
            companies[company] = company_for_name_tx(conn, workspace_id, company[0], v["email"])
        contact_id = r["contact_id"] = new_id("contact")
        name, first, last = complete_name(
            v.get("name", ""), v.get("first_name", ""), v.get("last_name", "")
        )
        contacts.append(
            (
                contact_id,
                workspace_id,
                v["email"],
                v["email"].lower(),
                name,
                first,
                last,
                v.get("phone", ""),
                companies.get(company),
                (v.get("status") or "lead").lower(),
                v.get("source") or "import",
                dumps(v["tags"]),
                dumps(v["custom_fields"]),
                now,
                now,
                now,
                now,
            )
        )
        tags += [(workspace_id, contact_id, t, now) for t in v["tags"]]
    conn.executemany(
        "INSERT INTO contacts (id, workspace_id, email, email_lower, name, first_name, last_name, phone, company_id,"
        " status, source, tags, custom_fields, first_seen, last_seen, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contacts,
    )
    count_contacts_tx(conn, workspace_id, now, len(contacts))
    conn.executemany(
        "INSERT INTO contact_tags (workspace_id, contact_id, tag, contact_created_at) VALUES (?, ?, ?, ?)",
        tags,
    )


def _update_rows(conn, workspace_id: str, results: list[dict], now: str) -> None:
    existing = existing_tx(conn, workspace_id, [r["email"].lower() for r in results])
    for r in results:
        current, v = existing[r["email"].lower()], r["values"]
        sets = {k: v[k] for k in FILL_FIELDS if k in r["fills"]}
        if "status" in r["fills"]:
            sets["status"] = v["status"].lower()
        if "company" in r["fills"]:
            sets["company_id"] = company_for_name_tx(conn, workspace_id, v["company"], v["email"])
        if "custom_fields" in r["fills"]:
            custom = loads(current["custom_fields"], {})
            sets["custom_fields"] = dumps(
                {**v["custom_fields"], **{k: x for k, x in custom.items() if x not in ("", None)}}
            )
        new_tags = [t for t in v["tags"] if t not in loads(current["tags"], [])]
        if new_tags:
            sets["tags"] = dumps(loads(current["tags"], []) + new_tags)
            conn.executemany(
                "INSERT INTO contact_tags (workspace_id, contact_id, tag, contact_created_at) VALUES (?, ?, ?, ?)",
                [(workspace_id, current["id"], t, current["created_at"]) for t in new_tags],
            )
        sets["updated_at"] = now
        update_columns(
            conn, "contacts", current["id"], workspace_id, sets, allowed=WRITABLE_COLUMNS
        )


@dataclass
class Tally:
    """What the batches actually did (a retried batch counts its rows as unchanged)."""

    create: int = 0
    update: int = 0
    unchanged: int = 0

    def add(self, batch: list[dict]) -> None:
        for r in batch:
            setattr(self, r["action"], getattr(self, r["action"]) + 1)

    def as_dict(self) -> dict:
        return {"create": self.create, "update": self.update, "unchanged": self.unchanged}


def batch_tx(conn, workspace_id: str, batch: list[dict], checkpoint=None) -> list[dict]:
    """One batch in one transaction: re-match by email, insert, fill; then the checkpoint,
    which sees each row's action and may raise to roll the batch back."""
    match_tx(conn, workspace_id, batch)
    now = now_iso()
    _insert_rows(conn, workspace_id, [r for r in batch if r["action"] == "create"], now)
    _update_rows(conn, workspace_id, [r for r in batch if r["action"] == "update"], now)
    # created rows got their contact_id in _insert_rows, updated ones in match_tx
    touched = [r["contact_id"] for r in batch if r["action"] in ("create", "update")]
    reindex_contacts_tx(conn, workspace_id, touched)
    if checkpoint is not None:
        checkpoint(conn, batch)
    return batch


async def write_batches(
    db,
    workspace_id: str,
    rows: list[dict],
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    tally: Tally | None = None,
    checkpoint=None,
) -> Tally:
    """Write the valid ``rows`` ``batch_rows`` at a time, each batch its own transaction.
    ``checkpoint(conn, batch)`` ends each batch's transaction (it may raise to stop)."""
    tally = tally or Tally()
    size = max(1, batch_rows)
    for start in range(0, len(rows), size):
        done = await db.write(batch_tx, workspace_id, rows[start : start + size], checkpoint)
        tally.add(done)
    return tally
