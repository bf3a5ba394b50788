"""Contacts CSV uploads kept between the preview and the confirm step of the
import pages (table contact_imports, migration 0016); deleted once imported,
dropped after a day if never confirmed."""

from __future__ import annotations

from app.db import fetch_in_workspace, new_id, now_iso
from app.db.clock import iso_ago
from app.errors import NotFound
from app.services.crm.csv_import import decode, parse, run_import_tx


async def store_upload(db, workspace_id: str, raw: bytes, filename: str, actor: str) -> str:
    text = decode(raw)
    parse(text)  # refuse a broken file at once, before the preview page
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


async def import_upload(
    db, workspace_id: str, upload_id: str, mapping: dict, *, skip_errors: bool, actor: str
) -> dict:
    def fn(conn):
        row = conn.one(
            "SELECT content FROM contact_imports WHERE id = ? AND workspace_id = ?",
            (upload_id, workspace_id),
        )
        if row is None:
            raise NotFound(
                "This upload is gone (imported already, or older than a day). Upload the file again."
            )
        result = run_import_tx(
            conn, workspace_id, row["content"], mapping, skip_errors=skip_errors, actor=actor
        )
        conn.execute("DELETE FROM contact_imports WHERE id = ?", (upload_id,))
        return result

    return await db.write(fn)
