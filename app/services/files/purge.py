"""The uploads purge (SPEC §17), a periodic task (platform/scheduler.py):
uploads never attached to a submission are deleted after 24 hours, and a blob is
unlinked once no uploads row references it.

The unlink happens inside the write transaction that checked "no row references
it": on SQLite that transaction holds the one write lock, so an upload of the same
bytes cannot commit its row between the check and the unlink (and an upload
writes its blob only after its row is committed: app/services/files/uploads.py).
Work goes in slices of SLICE rows so no transaction holds the writer for long."""

from __future__ import annotations

from datetime import timedelta

from app.db import clock
from app.db.clock import iso
from app.services.files import store
from app.services.files.uploads import queue_orphans_tx

UNATTACHED_HOURS = 24
SLICE = 200


def _purge_unattached_tx(conn, cutoff: str) -> int:
    rows = conn.all(
        "SELECT id, workspace_id, sha256 FROM uploads WHERE submission_id IS NULL"
        " AND created_at < ? ORDER BY created_at LIMIT ?",
        (cutoff, SLICE),
    )
    for row in rows:
        conn.execute("DELETE FROM uploads WHERE id = ?", (row["id"],))
        queue_orphans_tx(conn, row["workspace_id"], [row["sha256"]])
    return len(rows)


def _delete_orphans_tx(conn, data_dir) -> int:
    rows = conn.all("SELECT workspace_id, sha256 FROM upload_orphans LIMIT ?", (SLICE,))
    for row in rows:
        ws, sha = row["workspace_id"], row["sha256"]
        still_used = conn.value(
            "SELECT 1 FROM uploads WHERE workspace_id = ? AND sha256 = ? LIMIT 1", (ws, sha)
        )
        if not still_used:
            store.delete_blob(data_dir, ws, sha)
        conn.execute("DELETE FROM upload_orphans WHERE workspace_id = ? AND sha256 = ?", (ws, sha))
    return len(rows)


async def delete_orphan_blobs(db, data_dir) -> int:
    """Unlink every queued blob no row references any more (after an erasure, too)."""
    total = 0
    while n := await db.write(_delete_orphans_tx, data_dir):
        total += n
    return total


async def purge_uploads(ctx) -> int:
    """Periodic task: forget unattached uploads older than 24 h, then their blobs."""
    cutoff = iso(clock.utcnow() - timedelta(hours=UNATTACHED_HOURS))
    total = 0
    while n := await ctx.db.write(_purge_unattached_tx, cutoff):
        total += n
    await delete_orphan_blobs(ctx.db, ctx.settings.data_dir)
    return total
