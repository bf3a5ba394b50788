"""Contacts (SPEC §7): list/search, detail, edit, tags."""

from __future__ import annotations

from app.db import dumps, loads, now_iso
from app.services.errors import NotFound, ValidationError
from app.services.events import emit

MAX_TAG_LENGTH = 50
MAX_TAGS = 50


def normalize_tags(tags) -> list[str]:
    """Trimmed, lower-case, de-duplicated, order kept; a bad tag is a 422 on ``tags``."""
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, (list, tuple)):
        raise ValidationError(fields={"tags": "Give tags as a list of words."})
    result: list[str] = []
    for raw in tags:
        if not isinstance(raw, str):
            raise ValidationError(fields={"tags": "Each tag must be text."})
        tag = " ".join(raw.split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ValidationError(fields={"tags": f"Keep each tag under {MAX_TAG_LENGTH} characters."})
        if tag not in result:
            result.append(tag)
    return result


def _contact_tags(conn, workspace_id: str, contact_id: str) -> list[str]:
    row = conn.one("SELECT tags FROM contacts WHERE id = ? AND workspace_id = ?", (contact_id, workspace_id))
    if row is None:
        raise NotFound("Contact not found.")
    return loads(row["tags"], []) or []


def set_tags_tx(conn, workspace_id: str, contact_id: str, tags: list[str]) -> list[str]:
    """Replace the contact's tags; contacts.tags and contact_tags always agree."""
    tags = normalize_tags(tags)
    if len(tags) > MAX_TAGS:
        raise ValidationError(fields={"tags": f"A contact can have at most {MAX_TAGS} tags."})
    _contact_tags(conn, workspace_id, contact_id)
    conn.execute("UPDATE contacts SET tags = ?, updated_at = ? WHERE id = ? AND workspace_id = ?",
                 (dumps(tags), now_iso(), contact_id, workspace_id))
    conn.execute("DELETE FROM contact_tags WHERE contact_id = ?", (contact_id,))
    conn.executemany("INSERT INTO contact_tags (workspace_id, contact_id, tag) VALUES (?, ?, ?)",
                     [(workspace_id, contact_id, t) for t in tags])
    return tags


def add_tags_tx(conn, workspace_id: str, contact_id: str, tags) -> list[str]:
    """Add tags (normalised: trimmed, lower-case, de-duplicated); returns the full tag list."""
    current = _contact_tags(conn, workspace_id, contact_id)
    added = [t for t in normalize_tags(tags) if t not in current]
    if not added:
        return current
    result = set_tags_tx(conn, workspace_id, contact_id, current + added)
    emit(conn, workspace_id, "contact_tagged", details={"contact_id": contact_id, "added": added})
    return result


def remove_tags_tx(conn, workspace_id: str, contact_id: str, tags) -> list[str]:
    current = _contact_tags(conn, workspace_id, contact_id)
    gone = set(normalize_tags(tags))
    if not gone & set(current):
        return current
    result = set_tags_tx(conn, workspace_id, contact_id, [t for t in current if t not in gone])
    emit(conn, workspace_id, "contact_untagged", details={"contact_id": contact_id, "removed": sorted(gone)})
    return result
