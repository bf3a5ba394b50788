"""The onboarding checklist for a new workspace: describe a form → publish it → embed it
→ first submission → invite a teammate. Each step is done from real data (nothing to
tick by hand); the checklist hides when every step is done or someone dismisses it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.db import loads, now_iso

# Submissions looked at for a page outside the product (the embed on a customer's site).
EMBED_SAMPLE = 50


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    done: bool
    hint: str


def _facts(conn, workspace_id: str) -> dict:
    one = conn.one
    state = one("SELECT * FROM onboarding WHERE workspace_id = ?", (workspace_id,)) or {}
    forms = conn.all(
        "SELECT id, status FROM forms WHERE workspace_id = ? ORDER BY created_at, id",
        (workspace_id,),
    )
    metas = conn.all(
        "SELECT meta FROM submissions WHERE workspace_id = ? ORDER BY created_at LIMIT ?",
        (workspace_id, EMBED_SAMPLE),
    )
    people = conn.value(
        "SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND status IN ('active', 'pending')",
        (workspace_id,),
    )
    return {"state": state, "forms": forms, "metas": metas, "people": people or 0}


def _embedded_elsewhere(metas: list[dict], own_host: str) -> bool:
    """A submission sent from a page that is not ours: the form is embedded somewhere."""
    for row in metas:
        page = str(loads(row["meta"], {}).get("page_url") or "")
        try:
            host = urlsplit(page).hostname
        except ValueError:
            continue
        if host and host != own_host:
            return True
    return False


def _pick(forms: list[dict], *statuses: str) -> str | None:
    return next((f["id"] for f in forms if f["status"] in statuses), None)


async def checklist(db, workspace_id: str, *, own_host: str) -> dict | None:
    """{"steps": [Step], "done": n, "total": n, "form_id", "live_form_id"}, or None when
    the checklist is finished or dismissed (the dashboard shows nothing then)."""
    facts = await db.read(_facts, workspace_id)
    if facts["state"].get("dismissed_at"):
        return None
    forms = facts["forms"]
    published = _pick(forms, "active", "paused")
    embedded = bool(facts["state"].get("embed_copied_at")) or _embedded_elsewhere(
        facts["metas"], own_host
    )
    steps = [
        Step(
            "describe",
            "Describe your first form",
            bool(forms),
            "Say what it is for in plain words; FormAgent drafts the fields.",
        ),
        Step(
            "publish",
            "Publish it",
            bool(published),
            "Publishing makes the form accept submissions.",
        ),
        Step(
            "embed",
            "Put it on your website",
            embedded,
            "Copy the embed snippet (or the hosted link) and paste it into your site.",
        ),
        Step(
            "submit",
            "Get your first submission",
            bool(facts["metas"]),
            "Fill it in yourself on the hosted page to see what happens next.",
        ),
        Step(
            "invite",
            "Invite a teammate",
            facts["people"] > 1,
            "Share the work: invite a colleague as a member.",
        ),
    ]
    done = sum(s.done for s in steps)
    if done == len(steps):
        return None
    return {
        "steps": steps,
        "done": done,
        "total": len(steps),
        "form_id": published or _pick(forms, "draft") or _pick(forms, "archived"),
        "live_form_id": _pick(forms, "active"),
    }


def _mark(conn, workspace_id: str, column: str, value: str, by: str | None = None) -> None:
    conn.execute(
        "INSERT INTO onboarding (workspace_id) VALUES (?) ON CONFLICT (workspace_id) DO NOTHING",
        (workspace_id,),
    )
    if column == "embed_copied_at":
        conn.execute(
            "UPDATE onboarding SET embed_copied_at = COALESCE(embed_copied_at, ?) WHERE workspace_id = ?",
            (value, workspace_id),
        )
    else:
        conn.execute(
            "UPDATE onboarding SET dismissed_at = ?, dismissed_by = ? WHERE workspace_id = ?",
            (value, by, workspace_id),
        )


async def embed_copied(db, workspace_id: str) -> None:
    """Someone copied a form's snippet or hosted link: the embed step is done."""
    await db.write(_mark, workspace_id, "embed_copied_at", now_iso())


async def dismiss(db, workspace_id: str, account_id: str | None) -> None:
    """Hide the checklist for the whole workspace."""
    await db.write(_mark, workspace_id, "dismissed_at", now_iso(), account_id)
