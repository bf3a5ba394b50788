"""One submission as its page and ``GET /api/submissions/{id}`` show it: the row,
plus its contact, assignee, task/ticket, ``created_entities`` read from the
tables, the data under the form's field labels, the agent's lead score, the
emails written for it (readable in full) and the timeline as sentences."""

from __future__ import annotations

from app.db import loads
from app.db.clock import parse_iso
from app.errors import NotFound
from app.services.files.uploads import submission_files_tx
from app.services.processing import narrative
from app.services.processing.entities import created_entities_tx


def _with_names(row: dict, shape) -> dict:
    out = shape(row)
    out.update(
        form_name=row.get("form_name"),
        contact_email=row.get("contact_email"),
        contact_name=row.get("contact_name"),
    )
    return out


def timeline(actions: list[dict], created_at: str) -> list[dict]:
    """The actions with the time since the previous step (ms), starting from receipt."""
    previous, out = parse_iso(created_at), []
    for action in actions:
        try:
            at = parse_iso(action["at"])
        except (KeyError, ValueError):
            out.append({**action, "since_previous_ms": None})
            continue
        out.append(
            {**action, "since_previous_ms": max(0, int((at - previous).total_seconds() * 1000))}
        )
        previous = at
    return out


def labelled_fields(form_fields: list[dict], data: dict) -> list[dict]:
    """[{name, label, value}] in the form's order; keys the form no longer has come last."""
    known = {f.get("name"): f for f in form_fields if isinstance(f, dict)}
    names = [n for n in known if n in data] + [k for k in data if k not in known]
    out = []
    for name in names:
        label = (known.get(name) or {}).get("label") or name.replace("_", " ").capitalize()
        value = data[name]
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        options = (known.get(name) or {}).get("options") or []
        out.append(
            {
                "name": name,
                "label": label,
                "value": "" if value is None else str(value),
                "options": [str(o) for o in options],  # the choices that visitor was offered
            }
        )
    return out


def _names(conn, workspace_id: str, actions: list[dict]) -> dict:
    """Names of the handlers and groups the log mentions, for its sentences."""
    ids = set()
    for entry in actions:
        d = entry.get("details") or {}
        ids |= {
            entry.get("entity_id"),
            d.get("handler_id"),
            d.get("assignee_id"),
            d.get("group_id"),
        }
    ids = sorted(i for i in ids if isinstance(i, str) and i.startswith(("hdl_", "group_")))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.all(
        f"SELECT id, name FROM handlers WHERE workspace_id = ? AND id IN ({marks})"
        f" UNION ALL SELECT id, name FROM handler_groups WHERE workspace_id = ? AND id IN ({marks})",
        (workspace_id, *ids, workspace_id, *ids),
    )
    return {r["id"]: r["name"] for r in rows}


def _messages(conn, workspace_id: str, submission_id: str) -> list[dict]:
    """What was written to the submitter (and teammates) for this submission, in full."""
    return conn.all(
        'SELECT id, to_addr AS "to", subject, body_text AS body, kind, status, created_at, sent_at'
        " FROM emails WHERE workspace_id = ? AND submission_id = ? ORDER BY created_at, id",
        (workspace_id, submission_id),
    )


def _pending_draft(conn, workspace_id: str, submission_id: str) -> dict | None:
    row = conn.one(
        "SELECT id, planned_actions, created_at FROM drafts WHERE workspace_id = ?"
        " AND submission_id = ? AND status = 'pending'",
        (workspace_id, submission_id),
    )
    return {**row, "planned_actions": loads(row["planned_actions"], [])} if row else None


def _related(conn, workspace_id: str, row: dict, out: dict) -> None:
    sid = row["id"]
    out["contact"] = (
        conn.one(
            "SELECT id, email, name, company_id, submission_count FROM contacts WHERE id = ?",
            (row["contact_id"],),
        )
        if row["contact_id"]
        else None
    )
    assigned = None
    if row["assigned_type"] == "handler":
        assigned = conn.one(
            "SELECT id, name, type, removed_at FROM handlers WHERE id = ?", (row["assigned_id"],)
        )
    elif row["assigned_type"] == "broadcast":
        assigned = conn.one(
            "SELECT id, name FROM handler_groups WHERE id = ?", (row["assigned_id"],)
        )
    out["assigned"] = assigned
    out["task"] = conn.one(
        "SELECT id, title, status, assignee_id FROM tasks WHERE submission_id = ?", (sid,)
    )
    out["ticket"] = conn.one(
        "SELECT id, reference, status, assignee_id FROM tickets WHERE submission_id = ?", (sid,)
    )
    out["reviewer"] = (
        conn.value(
            "SELECT COALESCE(NULLIF(name, ''), email) FROM accounts WHERE id = ?",
            (row["reviewed_by"],),
        )
        if row.get("reviewed_by")
        else None
    )


def workspace_currency_tx(conn, workspace_id: str) -> str:
    settings = conn.value("SELECT settings FROM workspaces WHERE id = ?", (workspace_id,))
    return (loads(settings, {}) or {}).get("currency") or "USD"


def detail_tx(conn, workspace_id: str, submission_id: str, shape) -> dict:
    row = conn.one(
        # The fields of the version the visitor saw (SPEC §17), else the form's own.
        "SELECT s.*, f.name AS form_name, COALESCE(v.fields, f.fields) AS form_fields"
        " FROM submissions s JOIN forms f ON f.id = s.form_id"
        " LEFT JOIN form_versions v ON v.form_id = s.form_id AND v.version = s.form_version"
        " WHERE s.id = ? AND s.workspace_id = ?",
        (submission_id, workspace_id),
    )
    if row is None:
        raise NotFound("No such submission.")
    out = _with_names(row, shape)
    _related(conn, workspace_id, row, out)
    currency = workspace_currency_tx(conn, workspace_id)
    out["created_entities"] = created_entities_tx(conn, workspace_id, out, currency)
    out["timeline"] = timeline(out["actions"], row["created_at"])
    out["fields"] = labelled_fields(loads(row["form_fields"], []) or [], out["data"])
    draft = _pending_draft(conn, workspace_id, submission_id)
    out["pending_draft_id"] = draft["id"] if draft else None
    out["lead_score"] = narrative.lead_score(
        out["actions"], draft["planned_actions"] if draft else None
    )
    out["messages"] = _messages(conn, workspace_id, submission_id)
    out["files"] = submission_files_tx(conn, workspace_id, submission_id)  # SPEC §17
    out["narrative"] = narrative.narrate(
        out["actions"], row["created_at"], _names(conn, workspace_id, out["actions"])
    )
    return out
