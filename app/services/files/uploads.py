"""Visitors' uploads (SPEC §17): receive one file, attach tokens to a submission,
list a submission's files, find a file to download, erase.

The order of an upload keeps the blob safe from the purge without a lock across
processes: the row is committed first, the blob written after. A purge that ran
before the commit could not see the row, and the blob is (re)written after it; a
purge that runs after sees the row and keeps the blob."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from app.db import clock, new_id, now_iso
from app.db.clock import iso
from app.errors import NotFound, PayloadTooLarge, RateLimited, ValidationError
from app.services.files import store
from app.services.files.types import accepted_types, describe, safe_name, sniff
from app.services.forms.file_fields import MB

UPLOADS_PER_IP_HOUR = 60
SNIFF_BYTES = 8192  # filetype reads at most 8 KB; the text check reads as much
COLUMNS = (
    "id, workspace_id, submission_id, field_name, name, size, content_type, sha256, created_at"
)


@dataclass
class Received:
    token: str
    name: str
    size: int
    content_type: str


def file_field(form: dict, name) -> dict:
    for field in form["fields"]:
        if field["name"] == name and field["type"] == "file":
            return field
    raise ValidationError(
        "Say which file field this upload is for.",
        fields={"field": "This form has no file field by that name."},
        code="unknown_file_field",
    )


def choose_message(allowed: set[str]) -> str:
    names = describe(allowed)
    return f"Choose a {names} file." if " " not in names else f"Choose one of: {names}."


def check_file(field: dict, name: str, content: bytes) -> str:
    """The file's real MIME type, or the 413/422 a person can act on."""
    label = field["label"] or field["name"]
    if len(content) > field["max_size_mb"] * MB:
        raise PayloadTooLarge(
            f"{name[:80]} is over {field['max_size_mb']} MB.",
            fields={field["name"]: f"Choose a file of at most {field['max_size_mb']} MB."},
            code="file_too_large",
        )
    if not content:
        raise ValidationError(
            f"{name[:80]} is empty.",
            fields={field["name"]: "This file is empty."},
            code="empty_file",
        )
    allowed = accepted_types(field["accept"])
    mime = sniff(content[:SNIFF_BYTES], name, allowed)
    if mime is None:
        raise ValidationError(
            f"{name[:80]} is not a file type {label} takes: its contents are not "
            f"{describe(allowed)}.",
            fields={field["name"]: choose_message(allowed)},
            code="file_type_not_allowed",
        )
    return mime


def _rate_tx(conn, form_id: str, ip: str | None) -> None:
    if not ip:
        return
    hour_ago = iso(clock.utcnow() - timedelta(hours=1))
    row = conn.one(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM uploads"
        " WHERE form_id = ? AND ip = ? AND created_at > ?",
        (form_id, ip, hour_ago),
    )
    if row["n"] >= UPLOADS_PER_IP_HOUR:
        wait = 3600 - (clock.utcnow() - clock.parse_iso(row["oldest"])).total_seconds()
        raise RateLimited(
            "Too many uploads from your network in the last hour; please try again later.",
            retry_after=int(wait) + 1,
            code="rate_limited",
        )


def _insert_tx(conn, form: dict, field: dict, row: dict) -> None:
    _rate_tx(conn, form["id"], row["ip"])
    conn.execute(
        "INSERT INTO uploads (id, workspace_id, form_id, field_name, token, name, size,"
        " content_type, sha256, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row["id"],
            form["workspace_id"],
            form["id"],
            field["name"],
            row["token"],
            row["name"],
            row["size"],
            row["content_type"],
            row["sha256"],
            row["ip"],
            now_iso(),
        ),
    )


async def receive_upload(
    db, data_dir: Path, form: dict, field_name, name: str, content: bytes, *, ip: str | None
) -> Received:
    """Check one visitor's file against its field, store it and hand out its token."""
    field = file_field(form, field_name)
    mime = check_file(field, name, content)
    sha = await asyncio.to_thread(store.digest, content)
    row = {
        "id": new_id("file"),
        "token": secrets.token_urlsafe(24),
        "name": safe_name(name, mime),
        "size": len(content),
        "content_type": mime,
        "sha256": sha,
        "ip": ip,
    }
    await db.write(_insert_tx, form, field, row)
    try:
        await asyncio.to_thread(store.write_blob, data_dir, form["workspace_id"], sha, content)
    except OSError:
        await db.write(_forget_tx, row["id"])
        raise
    return Received(row["token"], row["name"], row["size"], mime)


def _forget_tx(conn, upload_id: str) -> None:
    conn.execute("DELETE FROM uploads WHERE id = ?", (upload_id,))


# -- capture ----------------------------------------------------------------------------
def attach_uploads_tx(conn, form: dict, submission_id: str, data: dict, now: str):
    """Attach the upload tokens of ``data``'s file fields to the submission, in its
    transaction; the values become the files' names. Returns the ValidationError
    when a token is not this form's and field's, is already used, or is unknown."""
    wanted = {
        f["name"]: data[f["name"]]
        for f in form["fields"]
        if f["type"] == "file" and data.get(f["name"])
    }
    if not wanted:
        return None
    tokens = [t for values in wanted.values() for t in values]
    marks = ", ".join("?" * len(tokens))
    rows = {
        r["token"]: r
        for r in conn.all(
            "SELECT id, token, form_id, field_name, submission_id, name FROM uploads"
            f" WHERE token IN ({marks})",
            tokens,
        )
    }
    errors = {}
    for name, values in wanted.items():
        for token in values:
            row = rows.get(token)
            if row is None or row["form_id"] != form["id"] or row["field_name"] != name:
                errors[name] = "We do not have this file any more: please upload it again."
            elif row["submission_id"] is not None:
                errors[name] = "This file was already sent with another submission."
    if errors:
        return ValidationError(
            "Some files need uploading again: " + "; ".join(f"{k}: {v}" for k, v in errors.items()),
            fields=errors,
            code="validation_error",
        )
    ids = [rows[t]["id"] for t in tokens]
    conn.execute(
        f"UPDATE uploads SET submission_id = ?, attached_at = ? WHERE id IN ({marks})",
        (submission_id, now, *ids),
    )
    for name, values in wanted.items():
        data[name] = [rows[t]["name"] for t in values]
    return None


def has_file_fields(form: dict) -> bool:
    return any(f["type"] == "file" for f in form["fields"])


# -- members ----------------------------------------------------------------------------
def files_of_tx(conn, workspace_id: str, submission_ids: list[str]) -> dict[str, list[dict]]:
    """submission id -> its files (id, field_name, name, size, content_type), in upload order."""
    out: dict[str, list[dict]] = {}
    for start in range(0, len(submission_ids), 500):
        chunk = submission_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in conn.all(
            f"SELECT {COLUMNS} FROM uploads WHERE workspace_id = ? AND submission_id IN ({marks})"
            " ORDER BY created_at, id",
            (workspace_id, *chunk),
        ):
            out.setdefault(row["submission_id"], []).append(row)
    return out


def shaped(row: dict) -> dict:
    """A file as pages and the API show it (the API adds its ``url``)."""
    return {
        "id": row["id"],
        "field": row["field_name"],
        "name": row["name"],
        "size": row["size"],
        "size_label": human_size(row["size"]),
        "content_type": row["content_type"],
    }


def submission_files_tx(conn, workspace_id: str, submission_id: str) -> list[dict]:
    return [
        shaped(r) for r in files_of_tx(conn, workspace_id, [submission_id]).get(submission_id, [])
    ]


async def files_of(db, workspace_id: str, submission_ids: list[str]) -> dict[str, list[dict]]:
    if not submission_ids:
        return {}
    return await db.read(files_of_tx, workspace_id, list(submission_ids))


async def download(db, data_dir: Path, workspace_id: str, file_id: str) -> tuple[dict, Path]:
    """An attached file of this workspace and the path of its bytes; 404 otherwise
    (another workspace's file, an unattached upload, a blob gone)."""
    row = await db.read(
        lambda conn: conn.one(
            f"SELECT {COLUMNS} FROM uploads WHERE id = ? AND workspace_id = ?"
            " AND submission_id IS NOT NULL",
            (file_id, workspace_id),
        )
    )
    if row is None:
        raise NotFound("This file does not exist.", code="file_not_found")
    path = store.blob_path(data_dir, workspace_id, row["sha256"])
    if not await asyncio.to_thread(path.is_file):
        raise NotFound("This file's contents are gone.", code="file_not_found")
    return row, path


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < MB:
        return f"{size / 1024:.0f} KB"
    return f"{size / MB:.1f} MB"


# -- erasure ----------------------------------------------------------------------------
def erase_uploads_tx(conn, workspace_id: str, submission_ids: list[str]) -> int:
    """Delete the upload rows of these submissions (privacy erasure, SPEC §19). Their
    blobs are queued in ``upload_orphans`` and unlinked by the next purge once no row
    references them (``delete_orphan_blobs`` does it at once). Returns rows deleted."""
    deleted = 0
    for start in range(0, len(submission_ids), 500):
        chunk = list(submission_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        where = f"workspace_id = ? AND submission_id IN ({marks})"
        shas = conn.all(
            f"SELECT DISTINCT sha256 FROM uploads WHERE {where}", (workspace_id, *chunk)
        )
        deleted += conn.execute(
            f"DELETE FROM uploads WHERE {where}", (workspace_id, *chunk)
        ).rowcount
        queue_orphans_tx(conn, workspace_id, [r["sha256"] for r in shas])
    return deleted


def queue_orphans_tx(conn, workspace_id: str, shas: list[str]) -> None:
    now = now_iso()
    for sha in shas:
        conn.execute(
            "INSERT INTO upload_orphans (workspace_id, sha256, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT (workspace_id, sha256) DO NOTHING",
            (workspace_id, sha, now),
        )
