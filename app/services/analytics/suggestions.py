"""The optimisation assistant (SPEC §10): what to change on a form, and why.

A suggestion is recomputed from the form's numbers (suggestion_data.py) by the rules
(suggestion_rules.py) every time it is asked for; it has no row of its own. Each one
carries:

- ``id``: a fingerprint of (form, kind, field), stable while the form keeps the field;
- ``kind`` and a plain-language ``title``;
- ``evidence``: sentences with their numbers and sample size ("… (n=48)");
- ``change``: one editor operation on the form config (app/services/forms/editor.py),
  which "Apply to editor" previews unsaved and saving applies.

A dismissal remembers the fingerprint with the evidence it was dismissed on
(metric, sample); the suggestion comes back only when that evidence changes
materially: the sample has doubled or the metric moved by a quarter or more.
"""

from __future__ import annotations

from app.db import now_iso
from app.errors import NotFound
from app.services.analytics.suggestion_data import form_numbers_tx
from app.services.analytics.suggestion_rules import MINIMUMS, compute
from app.services.forms import editor
from app.services.forms.forms import config_of, get_form, update_form

__all__ = ["MINIMUMS", "apply", "apply_change", "dismiss", "form_suggestions", "preview"]

MATERIAL_CHANGE = 0.25


# -- the change, as an editor operation --------------------------------------------------


def apply_change(config: dict, change: dict) -> dict:
    """The form config with a suggestion's change made (pure; raises NotFound when
    the field is gone)."""
    op = change["op"]
    if op == "delete_field":
        return editor.delete_field(config, change["field"])
    if op == "set_required":
        return editor.set_required(config, change["field"], change["required"])
    if op == "move_to_end":
        return editor.move_field_to_end(config, change["field"])
    if op == "append_instructions":
        return editor.append_agent_instructions(config, change["text"])
    raise ValueError(f"unknown suggestion change {op!r}")


# -- dismissals ---------------------------------------------------------------------------


def _material(suggestion: dict, dismissed: dict) -> bool:
    """True when the evidence has changed enough to show a dismissed suggestion again."""
    if suggestion["sample"] >= 2 * dismissed["sample"]:
        return True
    old = abs(dismissed["metric"]) or 1e-9
    return abs(suggestion["metric"] - dismissed["metric"]) / old >= MATERIAL_CHANGE


def _current_tx(conn, workspace_id: str, form: dict) -> list[dict]:
    found = compute(form, form_numbers_tx(conn, workspace_id, form["id"]))
    dismissed = {
        r["fingerprint"]: r
        for r in conn.all(
            "SELECT fingerprint, metric, sample FROM suggestion_dismissals"
            " WHERE workspace_id = ? AND form_id = ?",
            (workspace_id, form["id"]),
        )
    }
    return [s for s in found if s["id"] not in dismissed or _material(s, dismissed[s["id"]])]


async def form_suggestions(db, workspace_id: str, form_id: str) -> list[dict]:
    """The suggestions for one form, dismissed ones left out (NotFound for another
    workspace's form)."""
    form = await get_form(db, workspace_id, form_id)
    return await db.read(_current_tx, workspace_id, form)


async def get_suggestion(db, workspace_id: str, form_id: str, suggestion_id: str) -> dict:
    for suggestion in await form_suggestions(db, workspace_id, form_id):
        if suggestion["id"] == suggestion_id:
            return suggestion
    raise NotFound(
        "This suggestion no longer applies: it was dismissed, applied, or the numbers changed."
    )


def _dismiss_tx(conn, workspace_id: str, suggestion: dict, account_id) -> None:
    conn.execute(
        "INSERT INTO suggestion_dismissals"
        " (workspace_id, form_id, fingerprint, metric, sample, dismissed_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (workspace_id, form_id, fingerprint) DO UPDATE SET"
        " metric = excluded.metric, sample = excluded.sample,"
        " dismissed_by = excluded.dismissed_by, created_at = excluded.created_at",
        (
            workspace_id,
            suggestion["form_id"],
            suggestion["id"],
            suggestion["metric"],
            suggestion["sample"],
            account_id,
            now_iso(),
        ),
    )


async def dismiss(
    db, workspace_id: str, form_id: str, suggestion_id: str, *, account_id=None
) -> dict:
    """Remember that this suggestion was dismissed, with the evidence it had."""
    suggestion = await get_suggestion(db, workspace_id, form_id, suggestion_id)
    await db.write(_dismiss_tx, workspace_id, suggestion, account_id)
    return suggestion


async def preview(db, workspace_id: str, form_id: str, suggestion_id: str) -> tuple[dict, dict]:
    """(suggestion, the form as it would be with the change) — nothing is saved."""
    form = await get_form(db, workspace_id, form_id)
    suggestion = await get_suggestion(db, workspace_id, form_id, suggestion_id)
    return suggestion, {**form, **apply_change(config_of(form), suggestion["change"])}


async def apply(db, workspace_id: str, form_id: str, suggestion_id: str) -> dict:
    """Save the suggestion's change to the form (validated like any editor edit)."""
    suggestion = await get_suggestion(db, workspace_id, form_id, suggestion_id)
    return await update_form(
        db, workspace_id, form_id, lambda config: apply_change(config, suggestion["change"])
    )
