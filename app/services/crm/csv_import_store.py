"""Contacts CSV uploads kept between the preview and the confirm step of the
import pages (table contact_imports, migration 0016); a confirmed upload holds
the import's progress (migration 0024) until its last batch is in, then is
deleted; uploads are dropped after a day."""

from __future__ import annotations

import asyncio

from app.db import dumps, fetch_in_workspace, find_in_workspace, loads, new_id, now_iso
from app.db.clock import iso_ago
from app.errors import Conflict
from app.services.crm.csv_import import (
    analysis_tx,
    decode,
    imported_tx,
    parse,
    refuse_row_errors,
    result_of,
)
from app.services.crm.csv_import_apply import DEFAULT_BATCH_ROWS, Tally, write_batches


async def store_upload(db, workspace_id: str, raw: bytes, filename: str, actor: str) -> str:
    text = await asyncio.to_thread(decode, raw)
    await asyncio.to_thread(parse, text)  # refuse a broken file at once, off the event loop
    upload_id = new_id("import")

    def fn(conn):
        # Uploads never confirmed are dropped after a day.
        conn.execute(
            "DELETE FROM contact_imports WHERE workspace_id = ? AND created_at < ?",
            (workspace_id, _day_ago()),
        )
        conn.execute(
            "INSERT INTO contact_imports (id, workspace_id, filename, content, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (upload_id, workspace_id, filename[:200], text, actor, now_iso()),
        )

    await db.write(fn)
    return upload_id


def _day_ago() -> str:
    return iso_ago(86400)


async def load_upload(db, workspace_id: str, upload_id: str) -> dict:
    return await fetch_in_workspace(
        db,
        "contact_imports",
        upload_id,
        workspace_id,
        missing="This upload is gone (imported already, or older than a day). Upload the file again.",
    )


def _checkpoint(workspace_id: str, upload_id: str, progress: dict):
    """Record one batch with its rows. The upload must still be where this run left it:
    a second confirm of the same upload stops with 409 instead of importing twice."""

    def record(conn, batch: list[dict]) -> None:
        row = find_in_workspace(
            conn, "contact_imports", upload_id, workspace_id, columns=("progress",)
        )
        stored = loads(row["progress"], None) if row else None
        if row is None or (stored or {}).get("done", 0) != progress["done"]:
            raise Conflict(
                "This import is already running or done; reload the contacts page.",
                code="import_running",
            )
        progress["done"] += len(batch)
        for r in batch:
            progress["tally"][r["action"]] += 1
        conn.execute(
            "UPDATE contact_imports SET progress = ? WHERE id = ?", (dumps(progress), upload_id)
        )

    return record


async def import_upload(
    db,
    workspace_id: str,
    upload_id: str,
    mapping: dict,
    *,
    skip_errors: bool,
    actor: str,
    batch_rows: int = DEFAULT_BATCH_ROWS,
) -> dict:
    """Import a stored upload in batches. Progress is committed with each batch, so after
    a crash the same confirm resumes after the last batch (with the mapping first
    confirmed); the upload is deleted together with the final event."""
    upload = await load_upload(db, workspace_id, upload_id)
    progress = loads(upload["progress"], None) or {
        "mapping": mapping,
        "skip_errors": skip_errors,
        "done": 0,
        "tally": Tally().as_dict(),
    }
    report, results = await db.read(
        analysis_tx, workspace_id, upload["content"], progress["mapping"]
    )
    bad = refuse_row_errors(results, progress["skip_errors"])
    valid = [r for r in results if not r["errors"]]
    await write_batches(
        db,
        workspace_id,
        valid[progress["done"] :],
        batch_rows=batch_rows,
        checkpoint=_checkpoint(workspace_id, upload_id, progress),
    )
    result = result_of(report, Tally(**progress["tally"]), bad)

    def finish(conn):
        imported_tx(conn, workspace_id, result["summary"], actor)
        conn.execute("DELETE FROM contact_imports WHERE id = ?", (upload_id,))

    await db.write(finish)
    return result
