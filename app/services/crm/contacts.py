"""Contacts (SPEC §7): list/search, detail, edit, tags."""

from __future__ import annotations

import re

from app.db import (
    dumps,
    exists_in_workspace,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import Conflict, NotFound, ValidationError
from app.services.analytics.counters import count_contacts_tx
from app.services.crm.company_match import match_company_tx
from app.services.crm.normalize import complete_name, email_lower, split_full_name
from app.services.crm.search_index import reindex_contacts_tx
from app.services.events.log import emit

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
            raise ValidationError(
                fields={"tags": f"Keep each tag under {MAX_TAG_LENGTH} characters."}
            )
        if tag not in result:
            result.append(tag)
    return result


def _contact_tags(conn, workspace_id: str, contact_id: str) -> list[str]:
    row = get_in_workspace(
        conn, "contacts", contact_id, workspace_id, columns=("tags",), missing="Contact not found."
    )
    return loads(row["tags"], []) or []


def set_tags_tx(conn, workspace_id: str, contact_id: str, tags: list[str]) -> list[str]:
    """Replace the contact's tags; contacts.tags and contact_tags always agree."""
    tags = normalize_tags(tags)
    if len(tags) > MAX_TAGS:
        raise ValidationError(fields={"tags": f"A contact can have at most {MAX_TAGS} tags."})
    _contact_tags(conn, workspace_id, contact_id)
    created_at = conn.value("SELECT created_at FROM contacts WHERE id = ?", (contact_id,))
    update_columns(
        conn,
        "contacts",
        contact_id,
        workspace_id,
        {"tags": dumps(tags), "updated_at": now_iso()},
        allowed=WRITABLE_COLUMNS,
    )
    conn.execute("DELETE FROM contact_tags WHERE contact_id = ?", (contact_id,))
    conn.executemany(
        "INSERT INTO contact_tags (workspace_id, contact_id, tag, contact_created_at) VALUES (?, ?, ?, ?)",
        [(workspace_id, contact_id, t, created_at) for t in tags],
    )
    return tags


def add_tags_tx(conn, workspace_id: str, contact_id: str, tags) -> list[str]:
    """Add tags (normalised: trimmed, lower-case, de-duplicated); returns the full tag list."""
    current = _contact_tags(conn, workspace_id, contact_id)
    added = [t for t in normalize_tags(tags) if t not in current]
    if not added:
        return current
    result = set_tags_tx(conn, workspace_id, contact_id, current + added)
    reindex_contacts_tx(conn, workspace_id, [contact_id])
    emit(conn, workspace_id, "contact_tagged", details={"contact_id": contact_id, "added": added})
    return result


def remove_tags_tx(conn, workspace_id: str, contact_id: str, tags) -> list[str]:
    current = _contact_tags(conn, workspace_id, contact_id)
    gone = set(normalize_tags(tags))
    if not gone & set(current):
        return current
    result = set_tags_tx(conn, workspace_id, contact_id, [t for t in current if t not in gone])
    reindex_contacts_tx(conn, workspace_id, [contact_id])
    emit(
        conn,
        workspace_id,
        "contact_untagged",
        details={"contact_id": contact_id, "removed": sorted(gone)},
    )
    return result


# -- shapes --------------------------------------------------------------------
STATUSES = ("lead", "qualified", "customer", "unsubscribed")
EMAIL_RE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]+$")
TOUCH_KEYS = (
    "id",
    "form_id",
    "submission_id",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
    "page_url",
    "referrer",
    "created_at",
)
# The free-text columns and their length limits; imports and merges fill these when empty.
TEXT_FIELDS = {"name": 200, "first_name": 100, "last_name": 100, "phone": 50, "source": 100}
# What the contact form (page) edits.
EDIT_KEYS = ("email", *TEXT_FIELDS, "company", "status")
# The columns an edit, a merge or an import may write.
WRITABLE_COLUMNS = (
    *TEXT_FIELDS,
    "email",
    "email_lower",
    "status",
    "company_id",
    "custom_fields",
    "tags",
    "submission_count",
    "first_seen",
    "last_seen",
    "updated_at",
)


def contact_shape(row: dict, touchpoints: list[dict] | None = None) -> dict:
    return {
        "id": row["id"],
        "email": row["email"],
        "name": row["name"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "phone": row["phone"],
        "company_id": row["company_id"],
        "status": row["status"],
        "source": row["source"],
        "tags": loads(row["tags"], []),
        "custom_fields": loads(row["custom_fields"], {}),
        "touchpoints": touchpoints or [],
        "submission_count": row["submission_count"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "created_at": row["created_at"],
        # SPEC §19: the latest word of the consent log, and the double opt-in state
        "marketing_consent": row.get("marketing_consent"),
        "opt_in_status": row.get("opt_in_status"),
    }


def touchpoints_for(conn, contact_ids: list[str]) -> dict[str, list[dict]]:
    """Touchpoints of several contacts in one query, oldest first."""
    result: dict[str, list[dict]] = {cid: [] for cid in contact_ids}
    if not contact_ids:
        return result
    marks = ",".join("?" * len(contact_ids))
    for row in conn.all(
        f"SELECT * FROM touchpoints WHERE contact_id IN ({marks}) ORDER BY created_at, id",
        contact_ids,
    ):
        result[row["contact_id"]].append({k: row[k] for k in TOUCH_KEYS})
    return result


# -- validation ----------------------------------------------------------------
def clean_email(value, field: str = "email") -> str:
    email = value.strip() if isinstance(value, str) else ""
    if not email:
        raise ValidationError(fields={field: "Enter an email address."})
    if len(email) > 254 or not EMAIL_RE.match(email):
        raise ValidationError(fields={field: "Enter a valid email address, like name@example.com."})
    return email


def clean_fields(data: dict, *, partial: bool) -> dict:
    """Validate a contact body; returns only the keys given. Errors are collected per field."""
    out, errors = {}, {}
    if "email" in data or not partial:
        try:
            out["email"] = clean_email(data.get("email"))
        except ValidationError as exc:
            errors.update(exc.fields)
    for key, limit in TEXT_FIELDS.items():
        if key in data:
            value = data[key] if data[key] is not None else ""
            if not isinstance(value, str):
                errors[key] = "Give this as text."
            elif len(value.strip()) > limit:
                errors[key] = f"Keep this under {limit} characters."
            else:
                out[key] = value.strip()
    if "status" in data:
        if data["status"] not in STATUSES:
            errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
        else:
            out["status"] = data["status"]
    if "custom_fields" in data:
        value = data["custom_fields"]
        if not isinstance(value, dict) or len(value) > 100 or len(dumps(value)) > 10_000:
            errors["custom_fields"] = "Give custom fields as an object of up to 100 short values."
        else:
            out["custom_fields"] = value
    if "tags" in data:
        try:
            out["tags"] = normalize_tags(data["tags"])
        except ValidationError as exc:
            errors.update(exc.fields)
    for key in ("company", "company_id"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            errors[key] = "Give this as text."
        elif key in data:
            out[key] = (data[key] or "").strip()
    if errors:
        raise ValidationError(fields=errors)
    return out


def company_for_name_tx(conn, workspace_id: str, name: str, email: str | None = None) -> str | None:
    """The contact's company by the shared rules (crm/company_match.py): by name, else by the
    business email domain, else a new company; None for a blank or placeholder name at a free-mail address."""
    return match_company_tx(conn, workspace_id, name, email)


def _resolve_company(conn, workspace_id: str, fields: dict, email: str | None) -> str | None | bool:
    """company_id from the body: an id of this workspace, or a name to find/create; False = untouched."""
    if fields.get("company_id"):
        if not exists_in_workspace(conn, "companies", fields["company_id"], workspace_id):
            raise NotFound(
                "Company not found.", fields={"company_id": "No such company in this workspace."}
            )
        return fields["company_id"]
    if "company" in fields:
        return company_for_name_tx(conn, workspace_id, fields["company"], email)
    if "company_id" in fields:
        return None
    return False


def _name_parts(fields: dict, current: dict | None = None) -> dict:
    """name, first_name and last_name after this edit: the given ones as given, the
    others kept, and whichever is still empty filled from the rest ("Dana Scully" ↔ Dana + Scully)."""
    now = {
        k: fields.get(k, (current or {}).get(k) or "") for k in ("name", "first_name", "last_name")
    }
    if (
        "name" in fields
        and not fields["name"]
        and "first_name" not in fields
        and "last_name" not in fields
    ):
        return now  # the name was cleared on purpose: do not rebuild it from the parts
    if current and ("first_name" in fields or "last_name" in fields) and "name" not in fields:
        if (
            current.get("name")
            == f"{current.get('first_name') or ''} {current.get('last_name') or ''}".strip()
        ):
            now["name"] = ""  # a name built from the parts follows them
    if current and "name" in fields and not {"first_name", "last_name"} & fields.keys():
        parts = (current.get("first_name") or "", current.get("last_name") or "")
        if parts == split_full_name(current.get("name")):
            now["first_name"] = now["last_name"] = ""  # parts split from the name follow it
    name, first, last = complete_name(now["name"], now["first_name"], now["last_name"])
    return {
        "name": name,
        "first_name": now["first_name"] if "first_name" in fields else first,
        "last_name": now["last_name"] if "last_name" in fields else last,
    }


# -- create / read / update ------------------------------------------------------
def create_contact_tx(conn, workspace_id: str, data: dict) -> str:
    """A contact made by hand (API, page, import). 409 if the email is already a contact."""
    fields = clean_fields(data, partial=False)
    lowered = email_lower(fields["email"])
    if conn.value(
        "SELECT 1 FROM contacts WHERE workspace_id = ? AND email_lower = ?", (workspace_id, lowered)
    ):
        raise Conflict(
            f"{fields['email']} is already a contact in this workspace.",
            fields={"email": "Already a contact."},
        )
    company_id = _resolve_company(conn, workspace_id, fields, fields["email"])
    if company_id is False:  # no company given: the business email domain may still name one
        company_id = match_company_tx(conn, workspace_id, "", fields["email"])
    names = _name_parts(fields)
    contact_id, now = new_id("contact"), now_iso()
    conn.execute(
        "INSERT INTO contacts (id, workspace_id, email, email_lower, name, first_name, last_name, phone, company_id,"
        " status, source, custom_fields, first_seen, last_seen, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            contact_id,
            workspace_id,
            fields["email"],
            lowered,
            names["name"],
            names["first_name"],
            names["last_name"],
            fields.get("phone", ""),
            company_id,
            fields.get("status", "lead"),
            fields.get("source", "manual"),
            dumps(fields.get("custom_fields", {})),
            now,
            now,
            now,
            now,
        ),
    )
    count_contacts_tx(conn, workspace_id, now)
    if fields.get("tags"):
        set_tags_tx(conn, workspace_id, contact_id, fields["tags"])
    reindex_contacts_tx(conn, workspace_id, [contact_id])
    emit(
        conn,
        workspace_id,
        "contact_created",
        details={"contact_id": contact_id, "source": fields.get("source", "manual")},
    )
    return contact_id


def update_contact_tx(conn, workspace_id: str, contact_id: str, data: dict) -> None:
    """Edit the given keys only; a changed email must stay unique (409)."""
    current = get_in_workspace(
        conn, "contacts", contact_id, workspace_id, missing="Contact not found."
    )
    fields = clean_fields(data, partial=True)
    # name is derived below (it may combine first and last name)
    updates: dict = {k: fields[k] for k in (*TEXT_FIELDS, "status") if k in fields and k != "name"}
    if "email" in fields:
        lowered = email_lower(fields["email"])
        taken = conn.value(
            "SELECT id FROM contacts WHERE workspace_id = ? AND email_lower = ? AND id != ?",
            (workspace_id, lowered, contact_id),
        )
        if taken:
            raise Conflict(
                f"{fields['email']} belongs to another contact; merge the two instead.",
                fields={"email": "Another contact has this email."},
            )
        updates.update(email=fields["email"], email_lower=lowered)
    if {"name", "first_name", "last_name"} & fields.keys():
        names = _name_parts(fields, current)
        updates.update({k: v for k, v in names.items() if v != current[k] or k in fields})
    if "custom_fields" in fields:
        updates["custom_fields"] = dumps(fields["custom_fields"])
    company = _resolve_company(conn, workspace_id, fields, fields.get("email", current["email"]))
    if company is False and not current["company_id"]:  # a business email joins its company
        company = match_company_tx(conn, workspace_id, "", fields.get("email", current["email"]))
        company = company or False
    if company is not False:
        updates["company_id"] = company
    if updates:
        updates["updated_at"] = now_iso()
        update_columns(
            conn, "contacts", contact_id, workspace_id, updates, allowed=WRITABLE_COLUMNS
        )
    if "tags" in fields:
        set_tags_tx(conn, workspace_id, contact_id, fields["tags"])
    reindex_contacts_tx(conn, workspace_id, [contact_id])
    emit(
        conn,
        workspace_id,
        "contact_updated",
        details={"contact_id": contact_id, "fields": sorted(fields)},
    )


def get_contact_tx(conn, workspace_id: str, contact_id: str) -> dict:
    row = get_in_workspace(conn, "contacts", contact_id, workspace_id, missing="Contact not found.")
    return contact_shape(row, touchpoints_for(conn, [contact_id])[contact_id])


async def get_contact(db, workspace_id: str, contact_id: str) -> dict:
    return await db.read(get_contact_tx, workspace_id, contact_id)


async def create_contact(db, workspace_id: str, data: dict) -> dict:
    def fn(conn):
        return get_contact_tx(conn, workspace_id, create_contact_tx(conn, workspace_id, data))

    return await db.write(fn)


async def update_contact(db, workspace_id: str, contact_id: str, data: dict) -> dict:
    def fn(conn):
        update_contact_tx(conn, workspace_id, contact_id, data)
        return get_contact_tx(conn, workspace_id, contact_id)

    return await db.write(fn)


async def change_tags(db, workspace_id: str, contact_id: str, *, add=(), remove=()) -> list[str]:
    def fn(conn):
        tags = (
            add_tags_tx(conn, workspace_id, contact_id, list(add))
            if add
            else _contact_tags(conn, workspace_id, contact_id)
        )
        return remove_tags_tx(conn, workspace_id, contact_id, list(remove)) if remove else tags

    return await db.write(fn)


async def company_names(db, workspace_id: str, company_ids) -> dict[str, str]:
    ids = sorted({c for c in company_ids if c})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = await db.fetchall(
        f"SELECT id, name FROM companies WHERE workspace_id = ? AND id IN ({marks})",
        (workspace_id, *ids),
    )
    return {r["id"]: r["name"] for r in rows}


async def contact_id_by_email(db, workspace_id: str, email: str) -> str | None:
    return await db.fetchval(
        "SELECT id FROM contacts WHERE workspace_id = ? AND email_lower = ?",
        (workspace_id, email_lower(email) or ""),
    )
