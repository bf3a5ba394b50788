"""Streamed CSV exports of contacts and of a form's submissions (SPEC §7, §13).

Rows are read in keyset batches (no long read transaction, flat memory) and every
cell that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator

from app.db import fetch_in_workspace, loads
from app.services.crm.search import build_query
from app.services.files.uploads import files_of

BATCH = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CONTACT_COLUMNS = (
    "id",
    "email",
    "name",
    "first_name",
    "last_name",
    "phone",
    "company",
    "status",
    "source",
    "tags",
    "submission_count",
    "first_seen",
    "last_seen",
    "created_at",
    "custom_fields",
)
META_COLUMNS = (
    "page_url",
    "referrer",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
)


def safe_cell(value) -> str:
    """Text a spreadsheet shows as-is: a leading = + - @ tab CR LF gets a ' in front (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = ", ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _line(cells) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([safe_cell(c) for c in cells])
    return buffer.getvalue()


async def contacts_csv(db, workspace_id: str, **filters) -> AsyncIterator[str]:
    """All contacts matching the list filters (q, status, source, tag), oldest first.

    The caller should check the filters first (``build_query``) so a bad one is a 422, not a broken stream."""
    yield "\ufeff" + _line(CONTACT_COLUMNS)  # BOM: Excel opens UTF-8 correctly
    cursor = None
    while True:
        sql, params = build_query(
            workspace_id,
            sort="created_at",
            limit=BATCH,
            cursor=cursor,
            columns="c.*, (SELECT name FROM companies co WHERE co.id = c.company_id) AS company",
            dialect=db.dialect,
            **filters,
        )
        rows = await db.fetchall(sql, params)
        for row in rows[:BATCH]:
            values = {
                **row,
                "tags": loads(row["tags"], []),
                "custom_fields": loads(row["custom_fields"], {}) or "",
            }
            yield _line(values[c] for c in CONTACT_COLUMNS)
        if len(rows) <= BATCH:
            return
        cursor = [rows[BATCH - 1]["created_at"], rows[BATCH - 1]["id"]]


async def form_for_export(db, workspace_id: str, form_id: str) -> dict:
    form = await fetch_in_workspace(
        db,
        "forms",
        form_id,
        workspace_id,
        columns=("id", "name", "slug", "fields"),
        missing="Form not found.",
    )
    return {**form, "fields": loads(form["fields"], [])}


def _meta_value(meta: dict, key: str):
    if key.startswith("utm_"):
        return (meta.get("utm") or {}).get(key) or meta.get(key)
    return meta.get(key)


async def submissions_csv(
    db, workspace_id: str, form: dict, *, file_url=None
) -> AsyncIterator[str]:
    """One row per submission of ``form`` (from form_for_export), oldest first:
    id, created_at, status, one column per form field, then page_url, referrer, utm_*;
    a form with file fields ends with ``files``: "name url" per file, joined by "; "
    (``file_url(file_id)`` makes the link)."""
    names = [f["name"] for f in form["fields"] if f.get("name")]
    with_files = file_url is not None and any(f.get("type") == "file" for f in form["fields"])
    yield "\ufeff" + _line(
        ["id", "created_at", "status", *names, *META_COLUMNS, *(["files"] if with_files else [])]
    )
    cursor: tuple = ("", "")
    while True:
        rows = await db.fetchall(
            "SELECT id, data, meta, status, created_at FROM submissions WHERE workspace_id = ? AND form_id = ?"
            " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
            (workspace_id, form["id"], *cursor, BATCH),
        )
        files = await files_of(db, workspace_id, [r["id"] for r in rows]) if with_files else {}
        for row in rows:
            data, meta = loads(row["data"], {}), loads(row["meta"], {})
            links = "; ".join(f"{f['name']} {file_url(f['id'])}" for f in files.get(row["id"], []))
            yield _line(
                [
                    row["id"],
                    row["created_at"],
                    row["status"],
                    *(data.get(n) for n in names),
                    *(_meta_value(meta, k) for k in META_COLUMNS),
                    *([links] if with_files else []),
                ]
            )
        if len(rows) < BATCH:
            return
        cursor = (rows[-1]["created_at"], rows[-1]["id"])
