"""Sequences and their ordered steps (SPEC §8): validation and CRUD.

A step's subject and body are user text with ``{{placeholders}}`` (SPEC §13),
checked on save so an unknown variable is reported at once. Steps are kept at
positions 1..n without gaps; ``order`` in the API is that position. A deleted
sequence keeps its row (``deleted_at``) so its stopped enrollments can still
name it; it answers 404 everywhere else.
"""

from __future__ import annotations

import math
import re

from app.db import dumps, fetch_page, get_in_workspace, loads, new_id, now_iso, update_columns
from app.errors import NotFound, ValidationError
from app.services.mail import placeholders

STATUSES = ("active", "paused")
STOP_CONDITIONS = ("contact_replied", "deal_created", "manual_stop", "contact_unsubscribed")
# What a step's text may use; {{data.<field>}} reads the enrollment's submission.
STEP_VARIABLES = frozenset(
    {"name", "first_name", "last_name", "email", "company", "form_name", "asset_url"}
)
MAX_DELAY_DAYS, MAX_DELAY_HOURS, MAX_STEPS = 365, 23, 50
SEND_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
EDITABLE = ("name", "description", "status", "stop_conditions")
STEP_KEYS = (
    "order",
    "delay_days",
    "delay_hours",
    "send_time",
    "subject",
    "body",
    "agent_personalize",
)
MISSING = "Sequence not found."


# -- shapes ---------------------------------------------------------------------------
def step_shape(row: dict) -> dict:
    return {
        "id": row["id"],
        "order": row["position"],
        "delay_days": row["delay_days"],
        "delay_hours": row["delay_hours"],
        "send_time": row["send_time"],
        "subject": row["subject"],
        "body": row["body"],
        "agent_personalize": bool(row["agent_personalize"]),
    }


def steps_tx(conn, sequence_id: str) -> list[dict]:
    rows = conn.all(
        "SELECT * FROM sequence_steps WHERE sequence_id = ? ORDER BY position", (sequence_id,)
    )
    return [step_shape(r) for r in rows]


def sequence_shape(row: dict, steps: list[dict]) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "status": row["status"],
        "stop_conditions": loads(row["stop_conditions"], []),
        "steps": steps,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def sequence_row_tx(conn, workspace_id: str, sequence_id) -> dict:
    return get_in_workspace(
        conn, "sequences", sequence_id, workspace_id, where="deleted_at IS NULL", missing=MISSING
    )


def get_sequence_tx(conn, workspace_id: str, sequence_id) -> dict:
    row = sequence_row_tx(conn, workspace_id, sequence_id)
    return sequence_shape(row, steps_tx(conn, row["id"]))


# -- validation -----------------------------------------------------------------------
def _text(data: dict, key: str, errors: dict, *, limit: int, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[key] = "Use plain text."
        return ""
    value = value.strip()
    if required and not value:
        errors[key] = "This cannot be empty."
    elif len(value) > limit:
        errors[key] = f"Keep this under {limit} characters (it has {len(value)})."
    return value


def _whole(data: dict, key: str, errors: dict, top: int, unit: str) -> int:
    value = data.get(key, 0)
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    number_like = isinstance(value, int | float) and not isinstance(value, bool)
    if not number_like or not math.isfinite(value) or value != int(value):
        errors[key] = f"Give a whole number of {unit}, from 0 to {top}."
        return 0
    if not 0 <= value <= top:
        errors[key] = f"Give a whole number of {unit}, from 0 to {top}."
        return 0
    return int(value)


def _send_time(data: dict, errors: dict) -> str | None:
    value = data.get("send_time")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not SEND_TIME_RE.match(value.strip()):
        errors["send_time"] = (
            "Give a time of day as HH:MM (24-hour), e.g. 09:30, or leave it empty."
        )
        return None
    return value.strip()


def _user_text(data: dict, key: str, errors: dict, limit: int) -> str:
    text = _text(data, key, errors, limit=limit, required=True)
    problem = key not in errors and placeholders.problems(text, set(STEP_VARIABLES))
    if problem:
        errors[key] = problem
    return text


def _flag(value, errors: dict) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):  # a page's checkbox
        return value in ("on", "true", "1")
    errors["agent_personalize"] = "Use true or false."
    return False


def clean_step(data: dict) -> dict:
    """The step's stored columns from an API/page body; ValidationError naming each bad key."""
    errors: dict = {}
    step = {
        "delay_days": _whole(data, "delay_days", errors, MAX_DELAY_DAYS, "days"),
        "delay_hours": _whole(data, "delay_hours", errors, MAX_DELAY_HOURS, "hours"),
        "send_time": _send_time(data, errors),
        "subject": _user_text(data, "subject", errors, 300),
        "body": _user_text(data, "body", errors, 10000),
        "agent_personalize": _flag(data.get("agent_personalize"), errors),
    }
    if errors:
        raise ValidationError(fields=errors)
    return step


def _stop_conditions(value, errors: dict) -> list[str]:
    if value is None:
        return list(STOP_CONDITIONS)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors["stop_conditions"] = f"Give a list drawn from: {', '.join(STOP_CONDITIONS)}."
        return []
    unknown = [v for v in value if v not in STOP_CONDITIONS]
    if unknown:
        errors["stop_conditions"] = (
            f"Unknown stop condition “{unknown[0]}”; use {', '.join(STOP_CONDITIONS)}."
        )
    return [c for c in STOP_CONDITIONS if c in value]


def clean_sequence(data: dict, *, partial: bool = False) -> dict:
    errors: dict = {}
    clean = {}
    if not partial or "name" in data:
        clean["name"] = _text(data, "name", errors, limit=200, required=True)
    if not partial or "description" in data:
        clean["description"] = _text(data, "description", errors, limit=2000)
    if not partial or "status" in data:
        status = data.get("status") or "active"
        if status not in STATUSES:
            errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
        clean["status"] = status
    if not partial or "stop_conditions" in data:
        clean["stop_conditions"] = dumps(_stop_conditions(data.get("stop_conditions"), errors))
    if errors:
        raise ValidationError(fields=errors)
    return clean


# -- sequence writes ------------------------------------------------------------------
def create_sequence_tx(conn, workspace_id: str, data: dict) -> dict:
    clean = clean_sequence(data)
    steps = data.get("steps") or []
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise ValidationError(fields={"steps": "Give the steps as a list of objects."})
    if len(steps) > MAX_STEPS:
        raise ValidationError(fields={"steps": f"A sequence has at most {MAX_STEPS} steps."})
    cleaned = []
    for index, step in enumerate(steps):
        try:
            cleaned.append(clean_step(step))
        except ValidationError as exc:
            fields = {f"steps[{index}].{k}": v for k, v in exc.fields.items()}
            raise ValidationError(fields=fields) from None
    now, sequence_id = now_iso(), new_id("seq")
    conn.execute(
        "INSERT INTO sequences (id, workspace_id, name, description, status, stop_conditions,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (sequence_id, workspace_id, *clean.values(), now, now),
    )
    for position, step in enumerate(cleaned, start=1):
        _insert_step(conn, workspace_id, sequence_id, position, step)
    return get_sequence_tx(conn, workspace_id, sequence_id)


def update_sequence_tx(conn, workspace_id: str, sequence_id, data: dict) -> dict:
    """Edit the EDITABLE keys given in ``data`` (the API has dropped unchanged ones)."""
    sequence_row_tx(conn, workspace_id, sequence_id)
    changes = clean_sequence({k: data[k] for k in EDITABLE if k in data}, partial=True)
    changes["updated_at"] = now_iso()
    update_columns(
        conn, "sequences", sequence_id, workspace_id, changes, allowed=(*changes.keys(),)
    )
    return get_sequence_tx(conn, workspace_id, sequence_id)


def delete_sequence_tx(conn, workspace_id: str, sequence_id) -> str:
    row = sequence_row_tx(conn, workspace_id, sequence_id)
    now = now_iso()
    conn.execute(
        "UPDATE sequences SET deleted_at = ?, updated_at = ? WHERE id = ?", (now, now, row["id"])
    )
    return row["id"]


def list_sequences_tx(conn, workspace_id: str, *, cursor=None, limit: int = 50):
    rows, next_cursor = fetch_page(
        conn,
        "SELECT * FROM sequences",
        ["workspace_id = ?", "deleted_at IS NULL"],
        [workspace_id],
        cursor=cursor,
        limit=limit,
    )
    return [sequence_shape(r, steps_tx(conn, r["id"])) for r in rows], next_cursor


# -- step writes ----------------------------------------------------------------------
def _insert_step(conn, workspace_id, sequence_id, position: int, step: dict) -> str:
    step_id, now = new_id("step"), now_iso()
    conn.execute(
        "INSERT INTO sequence_steps (id, workspace_id, sequence_id, position, delay_days, delay_hours,"
        " send_time, subject, body, agent_personalize, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            step_id,
            workspace_id,
            sequence_id,
            position,
            step["delay_days"],
            step["delay_hours"],
            step["send_time"],
            step["subject"],
            step["body"],
            int(step["agent_personalize"]),
            now,
            now,
        ),
    )
    return step_id


def _order(data: dict, count: int) -> int | None:
    """The requested position, clamped to 1..count; None when not given."""
    value = data.get("order")
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            fields={"order": "Give the step's position as a whole number from 1."}
        )
    return min(value, count)


def _touch(conn, sequence_id: str) -> None:
    conn.execute("UPDATE sequences SET updated_at = ? WHERE id = ?", (now_iso(), sequence_id))


def add_step_tx(conn, workspace_id: str, sequence_id, data: dict) -> dict:
    """Append a step, or insert it at ``order`` (the steps after it move down one)."""
    seq = sequence_row_tx(conn, workspace_id, sequence_id)
    count = conn.value("SELECT COUNT(*) FROM sequence_steps WHERE sequence_id = ?", (seq["id"],))
    if count >= MAX_STEPS:
        raise ValidationError(fields={"steps": f"A sequence has at most {MAX_STEPS} steps."})
    step = clean_step(data)
    position = _order(data, count + 1) or count + 1
    conn.execute(
        "UPDATE sequence_steps SET position = position + 1 WHERE sequence_id = ? AND position >= ?",
        (seq["id"], position),
    )
    step_id = _insert_step(conn, workspace_id, seq["id"], position, step)
    _touch(conn, seq["id"])
    return step_shape(conn.one("SELECT * FROM sequence_steps WHERE id = ?", (step_id,)))


def _step_row(conn, workspace_id: str, sequence_id, step_id) -> dict:
    seq = sequence_row_tx(conn, workspace_id, sequence_id)
    row = get_in_workspace(conn, "sequence_steps", step_id, workspace_id, missing="Step not found.")
    if row["sequence_id"] != seq["id"]:
        raise NotFound("Step not found.")
    return row


def _move(conn, sequence_id: str, step_id: str, old: int, new: int) -> None:
    if new < old:
        conn.execute(
            "UPDATE sequence_steps SET position = position + 1"
            " WHERE sequence_id = ? AND position >= ? AND position < ?",
            (sequence_id, new, old),
        )
    elif new > old:
        conn.execute(
            "UPDATE sequence_steps SET position = position - 1"
            " WHERE sequence_id = ? AND position > ? AND position <= ?",
            (sequence_id, old, new),
        )
    conn.execute("UPDATE sequence_steps SET position = ? WHERE id = ?", (new, step_id))


def get_step_tx(conn, workspace_id: str, sequence_id, step_id) -> dict:
    return step_shape(_step_row(conn, workspace_id, sequence_id, step_id))


def update_step_tx(conn, workspace_id: str, sequence_id, step_id, data: dict) -> dict:
    """Edit a step; a changed ``order`` moves it (the others close up around it)."""
    row = _step_row(conn, workspace_id, sequence_id, step_id)
    if "id" in data and data["id"] != row["id"]:
        raise ValidationError(fields={"id": "This is read-only."})
    merged = {**step_shape(row), **{k: v for k, v in data.items() if k in STEP_KEYS}}
    step = clean_step(merged)
    count = conn.value(
        "SELECT COUNT(*) FROM sequence_steps WHERE sequence_id = ?", (row["sequence_id"],)
    )
    position = _order(merged, count) or row["position"]
    _move(conn, row["sequence_id"], row["id"], row["position"], position)
    conn.execute(
        "UPDATE sequence_steps SET delay_days = ?, delay_hours = ?, send_time = ?, subject = ?,"
        " body = ?, agent_personalize = ?, updated_at = ? WHERE id = ?",
        (
            step["delay_days"],
            step["delay_hours"],
            step["send_time"],
            step["subject"],
            step["body"],
            int(step["agent_personalize"]),
            now_iso(),
            row["id"],
        ),
    )
    _touch(conn, row["sequence_id"])
    return step_shape(conn.one("SELECT * FROM sequence_steps WHERE id = ?", (row["id"],)))


def delete_step_tx(conn, workspace_id: str, sequence_id, step_id) -> None:
    row = _step_row(conn, workspace_id, sequence_id, step_id)
    conn.execute("DELETE FROM sequence_steps WHERE id = ?", (row["id"],))
    conn.execute(
        "UPDATE sequence_steps SET position = position - 1 WHERE sequence_id = ? AND position > ?",
        (row["sequence_id"], row["position"]),
    )
    _touch(conn, row["sequence_id"])
