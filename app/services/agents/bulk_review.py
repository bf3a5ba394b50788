"""Reviewing many drafts at once (the drafts list's bulk approve / reject).

Each draft goes through the same ``approve_draft`` / ``reject_draft`` as one reviewed
alone, so the per-(submission, action) idempotency and the 409 on a draft already
reviewed still hold; a draft that is gone, not in this workspace or reviewed meanwhile
is counted as skipped rather than failing the others."""

from __future__ import annotations

import logging

from app.errors import Conflict, NotFound, ValidationError
from app.services.agents import drafts

log = logging.getLogger("formagent.drafts")

MAX_BULK = 100
DECISIONS = ("approve", "reject")


def checked_request(ids, decision, note) -> tuple[list[str], str, str]:
    """Validated (ids, decision, note), before anything runs."""
    wanted = list(dict.fromkeys(str(i) for i in ids if str(i).strip()))
    if decision not in DECISIONS:
        raise ValidationError(fields={"decision": "Choose approve or reject."})
    if not wanted:
        raise ValidationError(fields={"ids": "Tick at least one draft first."})
    if len(wanted) > MAX_BULK:
        raise ValidationError(fields={"ids": f"Review at most {MAX_BULK} drafts at once."})
    return wanted, decision, drafts.checked_note(note, required=decision == "reject")


async def pending_drafts(db, workspace_id: str, ids: list[str]) -> list[dict]:
    """The ticked drafts still waiting (for the confirmation step), in the order given."""
    found = []
    for draft_id in ids:
        try:
            draft = await drafts.get_draft(db, workspace_id, draft_id)
        except NotFound:
            continue
        if draft["status"] == "pending":
            found.append(draft)
    return found


async def review_many(
    db, workspace_id: str, ids, *, decision: str, reviewer: str, note: str = ""
) -> dict:
    """Approve (actions as planned) or reject every ticked draft; returns the counts."""
    ids, decision, note = checked_request(ids, decision, note)
    done = skipped = 0
    for draft_id in ids:
        try:
            if decision == "approve":
                await drafts.approve_draft(
                    db, workspace_id, draft_id, reviewer=reviewer, note=note or None
                )
            else:
                await drafts.reject_draft(db, workspace_id, draft_id, reviewer=reviewer, note=note)
            done += 1
        except (Conflict, NotFound, ValidationError) as exc:
            log.info("bulk %s skipped draft %s: %s", decision, draft_id, exc)
            skipped += 1
    return {"done": done, "skipped": skipped, "decision": decision}
