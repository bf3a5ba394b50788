"""Campaigns (SPEC §8): what a sign-up joins — inbound forms, the tags it gets,
the welcome email with the asset, the nurture sequence — and their CRUD."""

from __future__ import annotations

import re

from app.db import (
    dumps,
    fetch_page,
    find_in_workspace,
    get_in_workspace,
    loads,
    new_id,
    now_iso,
    update_columns,
)
from app.errors import NotFound, ValidationError
from app.services.crm.contacts import normalize_tags
from app.services.events.log import emit
from app.services.mail import placeholders

TYPES = ("newsletter", "content_download", "webinar", "event", "product_launch", "other")
TYPE_LABELS = {
    "newsletter": "Newsletter",
    "content_download": "Content download",
    "webinar": "Webinar",
    "event": "Event",
    "product_launch": "Product launch",
    "other": "Other",
}
STATUSES = ("draft", "active", "paused", "completed")
# The placeholders a welcome subject or body may use (SPEC §8).
WELCOME_VARIABLES = frozenset(
    {"first_name", "name", "email", "company", "form_name", "asset_url", "asset_name"}
    | {"unsubscribe_url"}
)
TEXT_LIMITS = {
    "name": 200,
    "description": 4000,
    "asset_url": 2000,
    "asset_name": 200,
    "utm_campaign": 200,
    "welcome_subject": 300,
    "welcome_body": 10000,
}
EDITABLE = (
    *TEXT_LIMITS,
    "type",
    "status",
    "inbound_form_ids",
    "welcome_template_id",
    "nurture_sequence_id",
    "contact_tags",
)
READ_ONLY = ("id", "created_at", "updated_at")
DERIVED = ("performance",)  # shown by GET, ignored by PUT (it changes by itself)
COLUMNS = tuple(k for k in EDITABLE if k != "inbound_form_ids") + ("updated_at",)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def campaign_shape(row: dict, form_ids: list[str]) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "type": row["type"],
        "status": row["status"],
        "inbound_form_ids": form_ids,
        "welcome_template_id": row["welcome_template_id"],
        "welcome_subject": row["welcome_subject"],
        "welcome_body": row["welcome_body"],
        "nurture_sequence_id": row["nurture_sequence_id"],
        "asset_url": row["asset_url"],
        "asset_name": row["asset_name"],
        "contact_tags": loads(row["contact_tags"], []),
        "utm_campaign": row["utm_campaign"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


# -- validation --------------------------------------------------------------------
def _text(key: str, value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(fields={key: "Give this as text."})
    text = value if key in ("welcome_body", "description") else " ".join(value.split())
    text = text.strip()
    if len(text) > TEXT_LIMITS[key]:
        raise ValidationError(fields={key: f"Keep this under {TEXT_LIMITS[key]:,} characters."})
    if key != "welcome_body" and key != "description" and _CONTROL.search(text):
        raise ValidationError(fields={key: "Remove the control characters."})
    return text


def _clean_one(key: str, value):
    if key in TEXT_LIMITS:
        text = _text(key, value)
        if key == "name" and not text:
            raise ValidationError(fields={"name": "Give the campaign a name."})
        if key == "asset_url" and text and not _URL.match(text):
            raise ValidationError(
                fields={"asset_url": "Give a full link starting with https://, or leave it empty."}
            )
        if key in ("welcome_subject", "welcome_body") and text:
            problem = placeholders.problems(text, set(WELCOME_VARIABLES))
            if problem:
                raise ValidationError(fields={key: problem})
        return text
    if key == "type":
        if value not in TYPES:
            raise ValidationError(fields={"type": f"Choose one of: {', '.join(TYPES)}."})
        return value
    if key == "status":
        if value not in STATUSES:
            raise ValidationError(fields={"status": f"Choose one of: {', '.join(STATUSES)}."})
        return value
    if key == "contact_tags":
        try:
            return normalize_tags([] if value is None else value)
        except ValidationError as exc:  # named after the contact's own field
            raise ValidationError(fields={key: exc.fields["tags"]}) from None
    if key in ("welcome_template_id", "nurture_sequence_id"):
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            raise ValidationError(fields={key: "Give an id, or null for none."})
        return value
    if key == "inbound_form_ids":
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(fields={key: "Give a list of form ids."})
        return list(dict.fromkeys(value))
    raise ValidationError(fields={key: "Unknown field."})


def clean(data: dict, current: dict | None = None) -> dict:
    """The editable keys of ``data``, checked; all errors at once, beside their keys.
    Read-only keys sent back unchanged are ignored; changed, they are a 422."""
    if not isinstance(data, dict):
        raise ValidationError("Send the campaign as a JSON object.")
    errors, values = {}, {}
    for key, value in data.items():
        if key in DERIVED:
            continue
        if key in READ_ONLY:
            if current is None or value != current.get(key):
                errors[key] = "This is set by FormAgent and cannot be changed."
            continue
        if key not in EDITABLE:
            errors[key] = "Unknown field."
            continue
        try:
            values[key] = _clean_one(key, value)
        except ValidationError as exc:
            errors.update(exc.fields)
    if current is None and "name" not in data and "name" not in errors:
        errors["name"] = "Give the campaign a name."
    if errors:
        raise ValidationError(fields=errors)
    return values


def _check_links(conn, workspace_id: str, campaign_id: str | None, values: dict) -> None:
    """Linked ids must be this workspace's: an unknown or foreign one is a 404
    naming the field."""
    for key, table, where in (
        ("welcome_template_id", "email_templates", ""),
        ("nurture_sequence_id", "sequences", "deleted_at IS NULL"),
    ):
        value = values.get(key)
        if value:
            if find_in_workspace(conn, table, value, workspace_id, columns=("id",), where=where):
                continue
            raise NotFound(fields={key: "No such item in this workspace."})
    for form_id in values.get("inbound_form_ids") or ():
        if not find_in_workspace(conn, "forms", form_id, workspace_id, columns=("id",)):
            raise NotFound(
                "Form not found.", fields={"inbound_form_ids": f"No form {form_id} here."}
            )
        other = conn.one(
            "SELECT c.name FROM campaign_forms cf JOIN campaigns c ON c.id = cf.campaign_id"
            " WHERE cf.form_id = ? AND cf.campaign_id IS NOT ?",
            (form_id, campaign_id),
        )
        if other:
            form = conn.value("SELECT name FROM forms WHERE id = ?", (form_id,))
            raise ValidationError(
                fields={
                    "inbound_form_ids": f"“{form}” already feeds the campaign “{other['name']}”;"
                    " a sign-up joins one campaign. Remove it there first."
                }
            )


def _set_forms(conn, workspace_id: str, campaign_id: str, form_ids: list[str]) -> None:
    conn.execute("DELETE FROM campaign_forms WHERE campaign_id = ?", (campaign_id,))
    conn.executemany(
        "INSERT INTO campaign_forms (workspace_id, campaign_id, form_id) VALUES (?, ?, ?)",
        [(workspace_id, campaign_id, f) for f in form_ids],
    )


def _stored(values: dict) -> dict:
    stored = {k: v for k, v in values.items() if k != "inbound_form_ids"}
    if "contact_tags" in stored:
        stored["contact_tags"] = dumps(stored["contact_tags"])
    return stored


# -- transactions ----------------------------------------------------------------------
def form_ids_tx(conn, campaign_id: str) -> list[str]:
    return [
        r["form_id"]
        for r in conn.all(
            "SELECT form_id FROM campaign_forms WHERE campaign_id = ? ORDER BY form_id",
            (campaign_id,),
        )
    ]


def get_campaign_tx(conn, workspace_id: str, campaign_id) -> dict:
    row = get_in_workspace(
        conn, "campaigns", campaign_id, workspace_id, missing="Campaign not found."
    )
    return campaign_shape(row, form_ids_tx(conn, row["id"]))


def create_campaign_tx(conn, workspace_id: str, data: dict) -> dict:
    values = {"type": "newsletter", "status": "active", **clean(data)}
    _check_links(conn, workspace_id, None, values)
    campaign_id, now = new_id("camp"), now_iso()
    row = {**{k: "" for k in TEXT_LIMITS}, "contact_tags": "[]", **_stored(values)}
    row.update(id=campaign_id, workspace_id=workspace_id, created_at=now, updated_at=now)
    conn.execute(
        f"INSERT INTO campaigns ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",  # noqa: S608 - keys from code
        tuple(row.values()),
    )
    _set_forms(conn, workspace_id, campaign_id, values.get("inbound_form_ids", []))
    emit(
        conn,
        workspace_id,
        "campaign_created",
        details={"campaign_id": campaign_id, "name": row["name"]},
    )
    return get_campaign_tx(conn, workspace_id, campaign_id)


def update_campaign_tx(conn, workspace_id: str, campaign_id, data: dict) -> dict:
    current = get_campaign_tx(conn, workspace_id, campaign_id)
    values = clean(data, current)
    _check_links(conn, workspace_id, current["id"], values)
    if "inbound_form_ids" in values:
        _set_forms(conn, workspace_id, current["id"], values["inbound_form_ids"])
    stored = {**_stored(values), "updated_at": now_iso()}
    update_columns(conn, "campaigns", current["id"], workspace_id, stored, allowed=COLUMNS)
    emit(
        conn,
        workspace_id,
        "campaign_updated",
        details={"campaign_id": current["id"], "fields": sorted(values)},
    )
    return get_campaign_tx(conn, workspace_id, current["id"])


def delete_campaign_tx(conn, workspace_id: str, campaign_id) -> None:
    """Delete the campaign, its form links and memberships; a running broadcast
    stops (its emails already queued stay in the outbox)."""
    current = get_campaign_tx(conn, workspace_id, campaign_id)
    conn.execute(
        "UPDATE broadcasts SET status = 'cancelled', finished_at = ? WHERE campaign_id = ?"
        " AND status IN ('queued', 'sending')",
        (now_iso(), current["id"]),
    )
    for table in ("campaign_forms", "campaign_contacts"):
        conn.execute(f"DELETE FROM {table} WHERE campaign_id = ?", (current["id"],))  # noqa: S608
    conn.execute("DELETE FROM campaigns WHERE id = ?", (current["id"],))
    emit(
        conn,
        workspace_id,
        "campaign_deleted",
        details={"campaign_id": current["id"], "name": current["name"]},
    )


# -- the service ---------------------------------------------------------------------
async def get_campaign(db, workspace_id: str, campaign_id) -> dict:
    return await db.read(get_campaign_tx, workspace_id, campaign_id)


async def create_campaign(db, workspace_id: str, data: dict) -> dict:
    return await db.write(create_campaign_tx, workspace_id, data)


async def update_campaign(db, workspace_id: str, campaign_id, data: dict) -> dict:
    return await db.write(update_campaign_tx, workspace_id, campaign_id, data)


async def delete_campaign(db, workspace_id: str, campaign_id) -> None:
    await db.write(delete_campaign_tx, workspace_id, campaign_id)


async def list_campaigns(
    db, workspace_id: str, *, status: str | None = None, limit: int = 50, cursor=None
) -> tuple[list[dict], str | None]:
    """Newest first; ``status`` filters."""
    where, params = ["workspace_id = ?"], [workspace_id]
    if status:
        _clean_one("status", status)
        where.append("status = ?")
        params.append(status)

    def fn(conn):
        rows, next_cursor = fetch_page(
            conn, "SELECT * FROM campaigns", where, params, cursor=cursor, limit=limit
        )
        return [campaign_shape(r, form_ids_tx(conn, r["id"])) for r in rows], next_cursor

    return await db.read(fn)


async def workspace_choices(db, workspace_id: str) -> dict:
    """What the campaign form offers: forms, templates and sequences by name."""

    def fn(conn):
        choices = {
            "forms": conn.all(
                "SELECT id, name FROM forms WHERE workspace_id = ? AND status != 'archived'"
                " ORDER BY name",
                (workspace_id,),
            ),
            "templates": [],
            "sequences": [],
        }
        for key, sql in (
            (
                "templates",
                "SELECT id, name FROM email_templates WHERE workspace_id = ? ORDER BY name",
            ),
            (
                "sequences",
                "SELECT id, name FROM sequences WHERE workspace_id = ? AND deleted_at IS NULL"
                " ORDER BY name",
            ),
        ):
            choices[key] = conn.all(sql, (workspace_id,))
        return choices

    return await db.read(fn)
