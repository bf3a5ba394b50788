"""What the agent sees (SPEC §6.4): form purpose, instructions, allowed actions,
autonomy, the submission, the contact's history and the company. Read in one
hop on a reader connection."""

from __future__ import annotations

from app.db import find_in_workspace, get_in_workspace, loads
from app.errors import NotFound
from app.services.forms.config import ALLOWED_ACTIONS, AUTONOMY_LEVELS, FLOW_DEFAULT_ACTIONS
from app.services.forms.spam_settings import with_defaults
from app.services.llm.grounding import ticked_opt_in

DEFAULT_AUTONOMY = "draft"
HISTORY_LIMIT = 10


def agent_settings(form: dict) -> dict:
    """The form's agent settings with defaults: {instructions, autonomy, allowed_actions}."""
    agent = (
        loads(form.get("agent"), {})
        if isinstance(form.get("agent"), str)
        else (form.get("agent") or {})
    )
    autonomy = agent.get("autonomy_level") or agent.get("autonomy") or DEFAULT_AUTONOMY
    if autonomy not in AUTONOMY_LEVELS:
        autonomy = DEFAULT_AUTONOMY
    allowed = agent.get("allowed_actions")
    if allowed is None:
        allowed = FLOW_DEFAULT_ACTIONS.get(form.get("flow_id"), ())
    allowed = [a for a in allowed if a in ALLOWED_ACTIONS]
    return {
        "instructions": agent.get("instructions") or "",
        "autonomy": autonomy,
        "allowed_actions": allowed,
    }


def _load(conn, workspace_id: str, submission_id: str, handler_id: str | None) -> dict:
    sub = get_in_workspace(
        conn, "submissions", submission_id, workspace_id, missing="No such submission."
    )
    ws = (workspace_id,)
    rows = {
        "submission": sub,
        "workspace": conn.one("SELECT id, name FROM workspaces WHERE id = ?", ws),
        "form": find_in_workspace(conn, "forms", sub["form_id"], workspace_id),
        "handler": handler_id
        and find_in_workspace(
            conn,
            "handlers",
            handler_id,
            workspace_id,
            columns=("id", "name", "type", "instructions", "model"),
        ),
        "ticket": conn.one(
            "SELECT id, reference, title, status, priority FROM tickets"
            " WHERE submission_id = ? AND workspace_id = ?",
            (submission_id, workspace_id),
        ),
    }
    contact_id = sub["contact_id"]
    rows["contact"] = contact_id and find_in_workspace(conn, "contacts", contact_id, workspace_id)
    company_id = sub["company_id"] or (rows["contact"] or {}).get("company_id")
    rows["company"] = company_id and find_in_workspace(
        conn, "companies", company_id, workspace_id, columns=("id", "name", "domain")
    )
    rows["history"] = _history(conn, workspace_id, contact_id, submission_id) if contact_id else {}
    rows["in_campaign"] = bool(
        contact_id
        and conn.value(
            "SELECT 1 FROM campaign_contacts WHERE contact_id = ? AND workspace_id = ? LIMIT 1",
            (contact_id, workspace_id),
        )
    )
    return rows


def _history(conn, workspace_id: str, contact_id: str, submission_id: str) -> dict:
    args = (contact_id, workspace_id)
    return {
        "previous_submissions": [
            {**r, "data": loads(r["data"], {})}
            for r in conn.all(
                "SELECT s.id, s.created_at, s.status, s.outcome, s.data, f.name AS form_name FROM submissions s"
                " LEFT JOIN forms f ON f.id = s.form_id WHERE s.contact_id = ? AND s.workspace_id = ? AND s.id != ?"
                " ORDER BY s.created_at DESC LIMIT ?",
                (*args, submission_id, HISTORY_LIMIT),
            )
        ],
        "touchpoints": conn.all(
            "SELECT created_at, form_id, utm_source, utm_medium, utm_campaign, page_url, referrer FROM touchpoints"
            " WHERE contact_id = ? AND workspace_id = ? ORDER BY created_at DESC LIMIT ?",
            (*args, HISTORY_LIMIT),
        ),
        "tags": [
            r["tag"]
            for r in conn.all(
                "SELECT tag FROM contact_tags WHERE contact_id = ? AND workspace_id = ? ORDER BY tag",
                args,
            )
        ],
        "notes": conn.all(
            "SELECT created_at, author, body FROM notes WHERE contact_id = ? AND workspace_id = ?"
            " ORDER BY created_at DESC LIMIT ?",
            (*args, HISTORY_LIMIT),
        ),
        "open_deals": conn.all(
            "SELECT id, name, amount, stage, created_at FROM deals WHERE contact_id = ? AND workspace_id = ?"
            " AND stage NOT IN ('won', 'lost') ORDER BY created_at DESC",
            args,
        ),
    }


def marketing_consent(row: dict, history: dict, in_campaign: bool) -> bool:
    """Consent to marketing: joined a campaign (a sign-up form) or ticked an opt-in box before;
    never after an unsubscribe. (This submission's own opt-in box is read by the agent.)"""
    if row["status"] == "unsubscribed":
        return False
    previous = history.get("previous_submissions") or []
    return in_campaign or any(ticked_opt_in(p.get("data") or {}) for p in previous)


def _contact(row: dict | None, history: dict, in_campaign: bool = False) -> dict | None:
    if not row:
        return None
    tags = sorted(set(loads(row["tags"], []) or []) | set(history.get("tags") or []))
    keys = (
        "id",
        "email",
        "name",
        "first_name",
        "last_name",
        "phone",
        "status",
        "source",
        "submission_count",
        "first_seen",
        "last_seen",
    )
    return {
        **{k: row[k] for k in keys},
        "tags": tags,
        "custom_fields": loads(row["custom_fields"], {}),
        "marketing_consent": marketing_consent(row, history, in_campaign),
    }


def _form(form: dict) -> dict:
    auto = loads(form["auto"], {}) or {}
    return {
        "id": form["id"],
        "name": form["name"],
        "description": form["description"],
        "type": form["type"],
        "flow_id": form["flow_id"],
        "booking_url": auto.get("booking_url") or "",
        # "allow": a free-mail address is how this form's visitors write (a couple, a homeowner)
        "free_mail": with_defaults(loads(form["security"], {}) or {}, form["type"])["free_mail"],
        "fields": [
            {"name": f.get("name"), "label": f.get("label"), "type": f.get("type")}
            for f in loads(form["fields"], []) or []
            if isinstance(f, dict)
        ],
    }


def shape_context(rows: dict) -> dict:
    """Turn the loaded rows into the agent context (plain JSON-able dict)."""
    sub, form, handler = rows["submission"], rows["form"], rows["handler"] or None
    settings = agent_settings(form)
    instructions = "\n\n".join(
        x for x in (settings["instructions"], (handler or {}).get("instructions")) if x
    )
    meta = loads(sub["meta"], {}) or {}
    return {
        "workspace": {"id": sub["workspace_id"], "name": (rows["workspace"] or {}).get("name", "")},
        "form": _form(form),
        "instructions": instructions,
        "allowed_actions": settings["allowed_actions"],
        "autonomy": settings["autonomy"],
        "handler": {k: handler[k] for k in ("id", "name", "instructions")} if handler else None,
        "submission": {
            "id": sub["id"],
            "created_at": sub["created_at"],
            "data": loads(sub["data"], {}),
            "meta": {k: v for k, v in meta.items() if k not in ("ip", "user_agent")},
            "is_new_contact": bool(sub["is_new_contact"]),
        },
        "contact": _contact(rows["contact"], rows["history"], rows.get("in_campaign", False)),
        "company": rows["company"] or None,
        "history": {k: v for k, v in rows["history"].items() if k != "tags"},
        "ticket": rows["ticket"] or None,
    }


async def build_context(
    db, workspace_id: str, submission_id: str, handler_id: str | None = None
) -> dict:
    """The agent context for one submission; NotFound if it is not in this workspace."""
    rows = await db.read(_load, workspace_id, submission_id, handler_id)
    if rows["form"] is None:
        raise NotFound("The submission's form no longer exists.")
    return shape_context(rows)
