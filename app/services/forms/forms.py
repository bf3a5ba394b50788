"""Forms (SPEC §4): create, read, list, update, archive, duplicate, status changes.

Services take (db, workspace_id, ...) and every query filters on workspace_id;
another workspace's form answers NotFound. The config shape and its checks live
in app/services/form_config.py; the public, per-page-view paths live in
app/services/form_public.py.
"""

from __future__ import annotations

from datetime import timedelta

from app.db import (
    dumps,
    exists_in_workspace,
    fetch_page,
    get_in_workspace,
    loads,
    new_id,
    update_columns,
)
from app.db.clock import iso, now_iso, parse_iso
from app.errors import Conflict, NotFound, ValidationError
from app.services.events.log import emit
from app.services.forms import spam_settings
from app.services.forms.config import (
    FORM_STATUSES,
    MAX_DESCRIPTION,
    normalize_config,
    validate_config,
)
from app.services.forms.partials_config import partials_shown
from app.services.forms.patterns import warm
from app.services.forms.translations import follow_fields
from app.services.forms.versions import next_version_tx, record_new_form_tx

TEXT_COLUMNS = ("name", "slug", "description", "status", "type", "flow_id", "layout")
JSON_COLUMNS = (
    "fields",
    "field_mapping",
    "auto",
    "agent",
    "security",
    "response",
    "steps",
    "translations",
    "theme",
    "partials",
)
LIST_COLUMNS = ("fields", "steps")
# The columns that hold a form's config (the assignment aside, stored as two columns).
CONFIG_ROW_COLUMNS = (*TEXT_COLUMNS, *JSON_COLUMNS, "autopilot")
CONFIG_KEYS = (*TEXT_COLUMNS, "assignment", *JSON_COLUMNS, "autopilot")
LIST_STATUSES = (*FORM_STATUSES, "all")
# The event a status change writes (each one in the event catalogue).
STATUS_EVENTS = {
    "draft": "form_draft",
    "active": "form_active",
    "paused": "form_paused",
    "archived": "form_archived",
}


def row_to_form(row: dict) -> dict:
    """A forms row as the API resource (SPEC §12)."""
    form = {
        "id": row["id"],
        "workspace_id": row["workspace_id"],
        "name": row["name"],
        "slug": row["slug"],
        "description": row["description"],
        "status": row["status"],
        "type": row["type"],
        "flow_id": row["flow_id"],
        "layout": row["layout"],
        "assignment": (
            {"type": row["assignment_type"], "id": row["assignment_id"]}
            if row["assignment_type"] and row["assignment_id"]
            else None
        ),
    }
    for column in JSON_COLUMNS:
        form[column] = loads(row[column], [] if column in LIST_COLUMNS else {})
    form["partials"] = partials_shown(form["partials"])  # forms saved before it had defaults
    form["security"] = spam_settings.with_defaults(form["security"], row["type"])
    form.update(
        autopilot=bool(row["autopilot"]),
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
    return form


def config_of(form: dict) -> dict:
    """The editable config part of a form resource."""
    return {key: form[key] for key in CONFIG_KEYS}


# Every column a saved config writes (_columns), plus the stamp.
CONFIG_COLUMNS = (
    *TEXT_COLUMNS,
    *JSON_COLUMNS,
    "assignment_type",
    "assignment_id",
    "autopilot",
    "version",
    "updated_at",
)


def _columns(config: dict) -> dict:
    assignment = config.get("assignment") or {}
    values = {key: config[key] for key in TEXT_COLUMNS}
    values.update({column: dumps(config[column]) for column in JSON_COLUMNS})
    values.update(
        assignment_type=assignment.get("type"),
        assignment_id=assignment.get("id"),
        autopilot=1 if config["autopilot"] else 0,
    )
    return values


def _next_updated_at(previous: str | None) -> str:
    """Strictly increasing per form: the public schema cache keys on it."""
    now = now_iso()
    if previous and now <= previous:
        return iso(parse_iso(previous) + timedelta(milliseconds=1))
    return now


def _slug_taken(conn, workspace_id: str, slug: str, exclude_id: str | None = None) -> bool:
    return (
        conn.value(
            "SELECT 1 FROM forms WHERE workspace_id = ? AND slug = ? AND id IS NOT ?",
            (workspace_id, slug, exclude_id),
        )
        is not None
    )


def _free_slug(conn, workspace_id: str, base: str) -> str:
    slug, n = base, 2
    while _slug_taken(conn, workspace_id, slug):
        suffix = f"-{n}"
        slug, n = base[: 60 - len(suffix)] + suffix, n + 1
    return slug


def _check_references(conn, workspace_id: str, config: dict) -> None:
    """Handler / group ids in the config must belong to this workspace."""
    assignment = config.get("assignment")
    if assignment:
        table = "handlers" if assignment["type"] == "handler" else "handler_groups"
        if not exists_in_workspace(conn, table, assignment["id"], workspace_id):
            raise ValidationError(
                fields={"assignment": f"No {assignment['type']} with this id in this workspace."}
            )
    for i, handler_id in enumerate(config["auto"].get("notify_handler_ids") or []):
        if not exists_in_workspace(
            conn, "handlers", handler_id, workspace_id, where="removed_at IS NULL"
        ):
            raise ValidationError(
                fields={
                    f"auto.notify_handler_ids[{i}]": "No handler with this id in this workspace."
                }
            )


def _insert(
    conn, workspace_id: str, config: dict, *, suffix_slug: bool, actor_id: str | None
) -> dict:
    if _slug_taken(conn, workspace_id, config["slug"]):
        if not suffix_slug:
            raise Conflict(
                f"Another form in this workspace already uses the slug “{config['slug']}”.",
                fields={"slug": "This slug is taken in this workspace; choose another."},
                code="slug_taken",
            )
        config = {**config, "slug": _free_slug(conn, workspace_id, config["slug"])}
    _check_references(conn, workspace_id, config)
    form_id, now = new_id("form"), now_iso()
    values = {
        "id": form_id,
        "workspace_id": workspace_id,
        **_columns(config),
        "created_at": now,
        "updated_at": now,
    }
    names = ", ".join(values)
    conn.execute(
        f"INSERT INTO forms ({names}) VALUES ({', '.join('?' for _ in values)})",
        tuple(values.values()),
    )
    record_new_form_tx(conn, workspace_id, form_id, config)
    emit(
        conn,
        workspace_id,
        "form_created",
        form_id=form_id,
        details={"name": config["name"], "by": actor_id},
    )
    return row_to_form(conn.one("SELECT * FROM forms WHERE id = ?", (form_id,)))


def _publishable(config: dict) -> dict:
    if config["status"] == "active" and not config["fields"]:
        raise ValidationError(
            "A published form needs at least one field.",
            fields={
                "fields": "A published form needs at least one field: add one, or pause the "
                "form first."
            },
        )
    return config


async def create_form(
    db, workspace_id: str, raw: dict, *, suffix_slug: bool = False, actor_id: str | None = None
) -> dict:
    """Validate and store a new form. A slug given explicitly and already taken
    is 409 unless ``suffix_slug``; a slug derived from the name gets "-2", "-3"…"""
    await warm(raw.get("fields") if isinstance(raw, dict) else None)
    config = _publishable(validate_config(raw))
    suffix_slug = suffix_slug or not (isinstance(raw, dict) and raw.get("slug"))
    return await db.write(_insert, workspace_id, config, suffix_slug=suffix_slug, actor_id=actor_id)


def _load(conn, workspace_id: str, form_id: str) -> dict:
    return row_to_form(
        get_in_workspace(
            conn, "forms", form_id, workspace_id, missing="No such form in this workspace."
        )
    )


async def get_form(db, workspace_id: str, form_id: str) -> dict:
    return await db.read(_load, workspace_id, form_id)


def _save(conn, workspace_id: str, form: dict, config: dict) -> dict:
    if config["slug"] != form["slug"] and _slug_taken(
        conn, workspace_id, config["slug"], form["id"]
    ):
        raise Conflict(
            f"Another form in this workspace already uses the slug “{config['slug']}”.",
            fields={"slug": "This slug is taken in this workspace; choose another."},
            code="slug_taken",
        )
    if config.get("assignment") != form.get("assignment") or config["auto"] != form["auto"]:
        _check_references(conn, workspace_id, config)
    values = {
        **_columns(config),
        "version": next_version_tx(conn, workspace_id, form, config),
        "updated_at": _next_updated_at(form["updated_at"]),
    }
    update_columns(conn, "forms", form["id"], workspace_id, values, allowed=CONFIG_COLUMNS)
    # Plain edits are not events (the log stays about work, not typing); status changes are.
    if config["status"] != form["status"]:
        emit(
            conn,
            workspace_id,
            STATUS_EVENTS[config["status"]],
            form_id=form["id"],
            details={"from": form["status"], "to": config["status"]},
        )
    return _load(conn, workspace_id, form["id"])


def _update(conn, workspace_id: str, form_id: str, changes, merge: bool) -> dict:
    form = _load(conn, workspace_id, form_id)
    if callable(changes):  # an editor operation: translations follow its field change
        raw = follow_fields(changes(config_of(form)))
    else:
        raw = {**config_of(form), **changes} if merge else changes
    return _save(conn, workspace_id, form, _publishable(validate_config(raw)))


def _forget(form_id: str) -> None:
    from app.services.forms.public import forget  # form_public imports this module

    forget(form_id)


async def _warm_patterns(db, workspace_id: str, form_id: str, changes, merge: bool) -> None:
    """Compile the patterns the new config will have in a worker thread first, so the
    validation inside the write transaction finds them compiled (SPEC §13: nothing a
    tenant configures runs with unbounded cost on the shared writer)."""
    if isinstance(changes, dict) and ("fields" in changes or not merge):
        await warm(changes.get("fields"))
        return
    form = await db.read(_load, workspace_id, form_id)
    fields = form["fields"]
    if callable(changes):
        try:
            fields = changes(config_of(form)).get("fields")
        except (NotFound, ValidationError):
            return  # the edit fails the same way inside the transaction
    await warm(fields)


async def update_form(db, workspace_id: str, form_id: str, changes, *, merge: bool = True) -> dict:
    """Change a form. ``changes`` is a partial config (top-level keys replace the
    current ones) or a function ``config -> new config`` run inside the write
    transaction, so read-modify-write edits from the editor never race."""
    await _warm_patterns(db, workspace_id, form_id, changes, merge)
    form = await db.write(_update, workspace_id, form_id, changes, merge)
    _forget(form_id)
    return form


async def set_status(db, workspace_id: str, form_id: str, status: str) -> dict:
    if status not in FORM_STATUSES:
        raise ValidationError(fields={"status": f"Choose one of: {', '.join(FORM_STATUSES)}."})

    def change(conn):
        form = _load(conn, workspace_id, form_id)
        return _save(
            conn,
            workspace_id,
            form,
            _publishable(normalize_config({**config_of(form), "status": status})),
        )

    form = await db.write(change)
    _forget(form_id)
    return form


async def archive_form(db, workspace_id: str, form_id: str) -> dict:
    return await set_status(db, workspace_id, form_id, "archived")


async def duplicate_form(
    db, workspace_id: str, form_id: str, *, actor_id: str | None = None
) -> dict:
    """A draft copy named "<name> (copy)" with a free slug."""

    def copy(conn):
        config = config_of(_load(conn, workspace_id, form_id))
        config.update(
            name=f"{config['name']} (copy)"[:120],
            status="draft",
            slug=f"{config['slug']}-copy"[:60],
        )
        return _insert(
            conn, workspace_id, normalize_config(config), suffix_slug=True, actor_id=actor_id
        )

    return await db.write(copy)


def _stats(conn, workspace_id: str, form_ids: list[str]) -> dict:
    if not form_ids:
        return {}
    marks = ", ".join("?" for _ in form_ids)
    owned = [
        r["id"]
        for r in conn.all(
            f"SELECT id FROM forms WHERE workspace_id = ? AND id IN ({marks})",
            (workspace_id, *form_ids),
        )
    ]
    # Counted by form id alone, over ids just checked to be this workspace's: the
    # count then reads only the covering (form_id, created_at) index, never the rows.
    marks = ", ".join("?" for _ in owned) or "NULL"
    subs = conn.all(
        f"SELECT form_id, COUNT(*) AS n FROM submissions WHERE form_id IN ({marks}) GROUP BY form_id",
        tuple(owned),
    )
    views = conn.all(
        f"SELECT form_id, SUM(views) AS views, SUM(starts) AS starts FROM form_daily_stats"
        f" WHERE workspace_id = ? AND form_id IN ({marks}) GROUP BY form_id",
        (workspace_id, *owned),
    )
    out = {fid: {"submissions": 0, "views": 0, "starts": 0} for fid in form_ids}
    for row in subs:
        out[row["form_id"]]["submissions"] = row["n"]
    for row in views:
        out[row["form_id"]].update(views=row["views"] or 0, starts=row["starts"] or 0)
    for entry in out.values():
        entry["conversion"] = (
            round(entry["submissions"] / entry["views"], 4) if entry["views"] else None
        )
    return out


def _list(
    conn, workspace_id: str, status: str, limit: int, cursor: str | None, updated_since=None
) -> tuple[list, str | None]:
    clauses, params = ["workspace_id = ?"], [workspace_id]
    if updated_since:
        clauses.append("updated_at >= ?")
        params.append(updated_since)
    if status == "all":
        pass
    elif status:
        clauses.append("status = ?")
        params.append(status)
    else:
        clauses.append("status != 'archived'")
    rows, next_cursor = fetch_page(
        conn, "SELECT * FROM forms", clauses, params, cursor=cursor, limit=limit
    )
    forms = [row_to_form(r) for r in rows]
    stats = _stats(conn, workspace_id, [f["id"] for f in forms])
    for form in forms:
        form["stats"] = stats[form["id"]]
    return forms, next_cursor


async def list_forms(
    db,
    workspace_id: str,
    *,
    status: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
    updated_since: str | None = None,
) -> tuple[list[dict], str | None]:
    """Newest first, archived hidden unless asked for (``status="archived"`` or ``"all"``).
    Each form carries ``stats`` {submissions, views, starts, conversion}."""
    if status and status not in LIST_STATUSES:
        raise ValidationError(fields={"status": f"Choose one of: {', '.join(LIST_STATUSES)}."})
    return await db.read(_list, workspace_id, status, limit, cursor, updated_since)


async def form_stats(db, workspace_id: str, form_id: str) -> dict:
    return (await db.read(_stats, workspace_id, [form_id]))[form_id]


def _assignees(conn, workspace_id: str) -> dict:
    handlers = conn.all(
        "SELECT id, name, type, active FROM handlers WHERE workspace_id = ? AND removed_at IS NULL"
        " ORDER BY name",
        (workspace_id,),
    )
    groups = conn.all(
        "SELECT id, name FROM handler_groups WHERE workspace_id = ? ORDER BY name", (workspace_id,)
    )
    return {"handlers": handlers, "groups": groups}


async def list_assignees(db, workspace_id: str) -> dict:
    """Handlers and groups a form can be assigned to (read-only here)."""
    return await db.read(_assignees, workspace_id)


async def form_choices(db, workspace_id: str) -> list[dict]:
    """id and name of the forms that are not archived, for filter menus."""
    return await db.fetchall(
        "SELECT id, name FROM forms WHERE workspace_id = ? AND status != 'archived' ORDER BY name",
        (workspace_id,),
    )


DESCRIPTION_TOO_LONG = f"Keep the description under {MAX_DESCRIPTION} characters."


async def generate_draft(llm, description: str, draft: dict | None, *, workspace_id: str) -> dict:
    """Ask the LLM engine for a form config draft (or a refinement of ``draft``);
    nothing is saved. An answer that is not a valid config is rejected with the
    reasons (LLMInvalidOutput, 422), never passed on. The text is at most
    MAX_DESCRIPTION characters (the describe page and the API share this rule)."""
    from app.services.llm import LLMInvalidOutput

    if len(description) > MAX_DESCRIPTION:
        raise ValidationError(fields={"description": DESCRIPTION_TOO_LONG})
    await warm(draft.get("fields") if isinstance(draft, dict) else None)
    result = await llm.generate_form(
        description, normalize_config(draft) if draft else None, workspace_id=workspace_id
    )
    await warm(result.get("fields") if isinstance(result, dict) else None)
    # What the engine wants the marketer to check (an untranslated label, an added question).
    notes = result.get("notes") if isinstance(result, dict) else None
    try:
        draft = validate_config({**(result if isinstance(result, dict) else {}), "status": "draft"})
        if isinstance(notes, list) and notes:
            draft["notes"] = [str(n)[:500] for n in notes[:20]]
        return draft
    except ValidationError as exc:
        raise LLMInvalidOutput(
            "The AI's draft was not a valid form ("
            + "; ".join(f"{k}: {v}" for k, v in list(exc.fields.items())[:3])
            + "). Try rephrasing.",
            fields=exc.fields,
        ) from None
