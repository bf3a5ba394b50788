"""Form versions (SPEC §17): what a visitor was shown is kept, so a submission's page
shows the labels (and options) of the form as it was when it was sent.

A form's ``version`` moves only while the form is live: saving a change to an
ACTIVE form's fields, steps or translations writes a new ``form_versions`` row and
bumps ``forms.version``; activating a form records what it holds (a new version if
it changed since the last one recorded); drafts and paused forms edit in place.
The capture path reads ``forms.version`` from the row it already loads, so
recording the version costs no query per submission."""

from __future__ import annotations

from app.db import dumps, fetch_page, get_in_workspace, loads, new_id, now_iso

VERSIONED = ("fields", "steps", "translations")
_DEFAULTS = {"fields": [], "steps": [], "translations": {}}


def _content(config: dict) -> dict:
    return {key: config.get(key, _DEFAULTS[key]) for key in VERSIONED}


def _stored(row: dict) -> dict:
    return {key: loads(row[key], _DEFAULTS[key]) for key in VERSIONED}


def _insert_tx(conn, workspace_id: str, form_id: str, version: int, content: dict) -> None:
    conn.execute(
        "INSERT INTO form_versions (id, workspace_id, form_id, version, fields, steps,"
        " translations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (form_id, version) DO NOTHING",
        (
            new_id("fver"),
            workspace_id,
            form_id,
            version,
            *(dumps(content[key]) for key in VERSIONED),
            now_iso(),
        ),
    )


def next_version_tx(conn, workspace_id: str, before: dict, config: dict) -> int:
    """The version the form has once ``config`` is saved over ``before`` (both form
    configs with ``id``/``version`` on ``before``), recording it when it is new."""
    current = before.get("version") or 1
    if config["status"] != "active":
        return current  # drafts and paused forms edit in place
    content = _content(config)
    if before["status"] == "active" and _content(before) != content:
        _insert_tx(conn, workspace_id, before["id"], current + 1, content)
        return current + 1
    row = conn.one(
        "SELECT fields, steps, translations FROM form_versions WHERE form_id = ? AND version = ?",
        (before["id"], current),
    )
    if row is None:
        _insert_tx(conn, workspace_id, before["id"], current, content)
        return current
    if _stored(row) != content:  # edited while paused or in draft since it was live
        _insert_tx(conn, workspace_id, before["id"], current + 1, content)
        return current + 1
    return current


def record_new_form_tx(conn, workspace_id: str, form_id: str, config: dict) -> None:
    """A form created already active: its content is version 1."""
    if config["status"] == "active":
        _insert_tx(conn, workspace_id, form_id, 1, _content(config))


def _version_out(row: dict) -> dict:
    return {
        "version": row["version"],
        "form_id": row["form_id"],
        **_stored(row),
        "created_at": row["created_at"],
    }


def _list_tx(conn, workspace_id: str, form_id: str, cursor, limit: int):
    get_in_workspace(
        conn, "forms", form_id, workspace_id, missing="No such form in this workspace."
    )
    rows, next_cursor = fetch_page(
        conn,
        "SELECT * FROM form_versions",
        ["workspace_id = ?", "form_id = ?"],
        [workspace_id, form_id],
        cursor=cursor,
        limit=limit,
    )
    return [_version_out(r) for r in rows], next_cursor


async def list_versions(
    db, workspace_id: str, form_id: str, *, cursor: str | None = None, limit: int = 50
) -> tuple[list[dict], str | None]:
    """The recorded versions of a form, newest first."""
    return await db.read(_list_tx, workspace_id, form_id, cursor, limit)
