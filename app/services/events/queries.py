"""Reading the event log (SPEC §11, §12): filters, cursor pages, the live page's rows.

Every query filters on workspace_id. ``seq`` (the log's integer order) stays
internal: the public shape is id, type, submission_id, form_id, handler_id,
details, created_at, and cursors wrap seq opaquely.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from app.db import loads, value_in_workspace
from app.db.pagination import decode_cursor, encode_cursor, invalid_cursor
from app.errors import ValidationError
from app.services.events.catalogue import label_of, tone_of
from app.services.processing.summary import duration_words

PUBLIC_KEYS = ("id", "type", "submission_id", "form_id", "handler_id", "details", "created_at")
MAX_TYPES = 30
_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_PREFIX = {"form": "form", "submission": "sub", "handler": "hdl", "after": "evt"}
_ID_RE = {name: re.compile(rf"^{prefix}_[a-z0-9]{{16}}$") for name, prefix in _PREFIX.items()}


@dataclass(frozen=True)
class EventFilters:
    """What a stream or list asks for; ``None`` means any."""

    types: frozenset | None = None
    form_id: str | None = None
    submission_id: str | None = None
    handler_id: str | None = None

    def matches(self, event: dict) -> bool:
        return (
            (self.types is None or event["type"] in self.types)
            and (self.form_id is None or event["form_id"] == self.form_id)
            and (self.submission_id is None or event["submission_id"] == self.submission_id)
            and (self.handler_id is None or event["handler_id"] == self.handler_id)
        )

    def query_items(self) -> list[tuple[str, str]]:
        """The filters as query parameters (for the page's stream URL and links)."""
        items = [("type", t) for t in sorted(self.types or ())]
        for key, value in (
            ("form", self.form_id),
            ("submission", self.submission_id),
            ("handler", self.handler_id),
        ):
            if value:
                items.append((key, value))
        return items


def _id_param(params, name: str, errors: dict) -> str | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    if not _ID_RE[name].match(value):
        errors[name] = (
            f"'{value[:40]}' is not a {name} id (they look like {_PREFIX[name]}_ and 16 letters or digits)."
        )
    return value


def parse_filters(params) -> EventFilters:
    """Filters from query parameters: ``type`` (repeat it or separate with commas),
    ``form``, ``submission``, ``handler``. Malformed values answer 422."""
    errors: dict[str, str] = {}
    raw_types = params.getlist("type") if hasattr(params, "getlist") else [params.get("type") or ""]
    types = {t.strip() for raw in raw_types for t in raw.split(",") if t.strip()}
    bad = sorted(t for t in types if not _TYPE_RE.match(t))
    if bad:
        errors["type"] = f"'{bad[0][:40]}' is not an event type (lowercase letters, digits and _)."
    elif len(types) > MAX_TYPES:
        errors["type"] = f"Ask for at most {MAX_TYPES} types at once."
    ids = {name: _id_param(params, name, errors) for name in ("form", "submission", "handler")}
    if errors:
        raise ValidationError("Some filters are not valid.", fields=errors)
    return EventFilters(frozenset(types) or None, ids["form"], ids["submission"], ids["handler"])


def parse_after_id(value: str | None) -> str | None:
    value = (value or "").strip()
    if value and not _ID_RE["after"].match(value):
        raise ValidationError(
            "Some filters are not valid.",
            fields={"after": "Use an event id (evt_…) from a previous response."},
        )
    return value or None


# -- SQL -----------------------------------------------------------------------
_SELECT = (
    "SELECT e.seq, e.id, e.workspace_id, e.type, e.submission_id, e.form_id, e.handler_id, e.details,"
    " e.created_at, f.name AS form_name, h.name AS handler_name"
    " FROM events e"
    # names come from the event's own workspace only, whatever id a row carries
    " LEFT JOIN forms f ON f.id = e.form_id AND f.workspace_id = e.workspace_id"
    " LEFT JOIN handlers h ON h.id = e.handler_id AND h.workspace_id = e.workspace_id"
)


def _where(workspace_id: str | None, filters: EventFilters | None) -> tuple[list[str], list]:
    clauses, params = [], []
    if workspace_id is not None:
        clauses.append("e.workspace_id = ?")
        params.append(workspace_id)
    f = filters or EventFilters()
    if f.types:
        clauses.append(f"e.type IN ({', '.join('?' * len(f.types))})")
        params.extend(sorted(f.types))
    for column, value in (
        ("form_id", f.form_id),
        ("submission_id", f.submission_id),
        ("handler_id", f.handler_id),
    ):
        if value:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    return clauses, params


def select_events_tx(
    conn,
    workspace_id: str | None,
    filters: EventFilters | None = None,
    *,
    after_seq: int | None = None,
    before_seq: int | None = None,
    upto_seq: int | None = None,
    descending: bool = False,
    limit: int = 200,
) -> list[dict]:
    """Rows in seq order. ``workspace_id=None`` reads every workspace: only the
    live hub does that, and it routes each row to its own workspace's subscribers."""
    clauses, params = _where(workspace_id, filters)
    for op, value in ((">", after_seq), ("<", before_seq), ("<=", upto_seq)):
        if value is not None:
            clauses.append(f"e.seq {op} ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    order = "DESC" if descending else "ASC"
    return [
        decorate(row)
        for row in conn.all(f"{_SELECT}{where} ORDER BY e.seq {order} LIMIT ?", (*params, limit))
    ]


def max_seq_tx(conn) -> int:
    return conn.value("SELECT COALESCE(MAX(seq), 0) FROM events") or 0


def seq_of_tx(conn, workspace_id: str, event_id: str) -> int | None:
    return value_in_workspace(conn, "events", event_id, workspace_id, "seq")


# -- shapes ----------------------------------------------------------------------
def _short(value, limit: int = 140) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decorate(row: dict) -> dict:
    """A row with parsed details plus what the rendered row shows (label, tone, a short summary)."""
    event = dict(row)
    details = (
        loads(row["details"], {}) if isinstance(row["details"], str) else (row["details"] or {})
    )
    event["details"] = details if isinstance(details, dict) else {"value": details}
    event["label"] = label_of(row["type"])
    event["tone"] = tone_of(row["type"])
    event["summary"] = readable_details(event["details"])
    return event


# Internal bookkeeping a person has no use for (a step's own name and status,
# ids: the row links to what they point at).
_HIDDEN_KEYS = frozenset(
    {"step", "status", "entity_id", "index", "replaying_stored_plan", "flow", "flow_id"}
)
_BARE_ID = re.compile(r"\b[a-z]{2,12}_[a-z0-9]{16}\b")


def _is_noise(key: str, value) -> bool:
    if key in _HIDDEN_KEYS or key == "id" or key.endswith(("_id", "_ids")):
        return True
    if value in (None, "", [], {}) or value is False:
        return True
    if isinstance(value, str):  # "assigned:hdl_…" says nothing a person can use either
        return bool(_BARE_ID.search(value))
    return isinstance(value, list) and all(isinstance(v, str) and _BARE_ID.search(v) for v in value)


def _readable(value):
    if value is True:
        return "yes"
    if isinstance(value, (int, float)):
        return value  # the template formats numbers (money in the workspace currency)
    if isinstance(value, list):
        return _short(", ".join(str(v) for v in value))
    return _short(value)


def _took(ms) -> str:
    return f"{ms} ms" if ms < 1000 else duration_words(ms / 1000)


def readable_details(details: dict) -> list[tuple[str, object]]:
    """(label, value) pairs people read: no ids, no None/False, no step bookkeeping."""
    pairs = []
    for key, value in details.items():
        if _is_noise(str(key), value):
            continue
        if key == "duration_ms" and isinstance(value, int | float):
            pairs.append(("Took", _took(int(value))))
        else:
            pairs.append((str(key).replace("_", " ").capitalize(), _readable(value)))
    return pairs[:6]


def public_event(event: dict) -> dict:
    """The §12 event shape: nothing internal (seq, workspace, names) leaks out."""
    return {key: event[key] for key in PUBLIC_KEYS}


# -- services ----------------------------------------------------------------------
async def resolve_after(
    db, workspace_id: str, event_id: str | None, *, strict: bool = True
) -> int | None:
    """The seq of an event of this workspace. Unknown (or another workspace's)
    ids answer 422 when ``strict``, else ``None`` (a stale Last-Event-ID)."""
    if not event_id:
        return None
    seq = await db.read(seq_of_tx, workspace_id, event_id)
    if seq is None and strict:
        raise ValidationError(
            "Some filters are not valid.",
            fields={"after": "No event with this id in this workspace."},
        )
    return seq


def _decode_list_cursor(raw: str | None) -> tuple[str, int] | None:
    """An event cursor is (direction, seq), not the usual (created_at, id)."""
    values = decode_cursor(raw, (str, int))
    if values is None:
        return None
    if values[0] not in ("asc", "desc"):
        raise invalid_cursor()
    return values[0], values[1]


async def list_events(
    db,
    workspace_id: str,
    *,
    filters: EventFilters | None = None,
    after: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[dict], str | None]:
    """A page of events. Newest first; with ``after`` (an event id) oldest first
    from just after that event, so an integration can catch up in order."""
    position = _decode_list_cursor(cursor)
    if position is not None:
        direction, seq = position
    else:
        direction = "asc" if after else "desc"
        seq = await resolve_after(db, workspace_id, after) if after else None
    bound = {"after_seq": seq} if direction == "asc" else {"before_seq": seq}
    rows = await db.read(
        select_events_tx,
        workspace_id,
        filters,
        descending=direction == "desc",
        limit=limit + 1,
        **bound,
    )
    next_cursor = encode_cursor([direction, rows[limit - 1]["seq"]]) if len(rows) > limit else None
    return rows[:limit], next_cursor


async def recent_events(
    db, workspace_id: str, filters: EventFilters | None = None, limit: int = 50
) -> list[dict]:
    """The latest events, newest first (the initial rows of a live page)."""
    return await db.read(select_events_tx, workspace_id, filters, descending=True, limit=limit)


def _choices_tx(conn, workspace_id: str) -> dict:
    return {
        "forms": conn.all(
            "SELECT id, name FROM forms WHERE workspace_id = ? ORDER BY name LIMIT 500",
            (workspace_id,),
        ),
        "handlers": conn.all(
            "SELECT id, name FROM handlers WHERE workspace_id = ? AND removed_at IS NULL"
            " ORDER BY name LIMIT 500",
            (workspace_id,),
        ),
    }


async def filter_choices(db, workspace_id: str) -> dict:
    """The workspace's forms and handlers, for the live page's filter menus."""
    return await db.read(_choices_tx, workspace_id)
