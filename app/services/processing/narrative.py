"""The submission page's processing timeline as sentences (SPEC §16: "a product,
not a log"): each ``actions`` entry becomes one line a person reads — "Emailed
dana@bigcorp.com: “Your demo”", "Routed to Sam (round robin)" — with the time
since the step before in words, and the raw details kept for a disclosure.
Also the lead score the agent gave, pulled out of the log for the page's head."""

from __future__ import annotations

from app.db.clock import parse_iso
from app.services.processing.summary import duration_words

FLOWS = {
    "email_marketing": "email marketing",
    "sales_lead": "sales lead",
    "support_triage": "support triage",
    "booking_request": "booking request",
    "direct_route": "direct route",
    "notify_only": "notify only",
}
STATUS_WORDS = {
    "processed": "processed",
    "awaiting_approval": "waiting for a person to approve the agent's draft",
    "needs_human_review": "handed to a person for review",
    "failed": "failed",
}
ROUTE_REASONS = {
    "handler": "the form's handler",
    "principal": "the group's principal",
    "fallback": "the group's fallback",
    "round_robin": "round robin",
    "least_loaded": "fewest open items",
    "already assigned": "kept from before",
}
ACTION_NAMES = {
    "qualify_lead": "score the lead",
    "send_email": "send an email",
    "create_deal": "create a deal",
    "create_ticket": "open a ticket",
    "book_meeting": "send the booking link",
    "enroll_sequence": "enroll in a sequence",
    "escalate": "escalate",
    "respond_direct": "respond directly",
}


def _count(n, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def duration_text(ms: int | None) -> str:
    """ "0.4 s", "12 s", "7 h" — never a raw count of milliseconds."""
    if ms is None:
        return ""
    if ms < 10_000:
        return f"{ms / 1000:.1f} s"
    return duration_words(ms / 1000)


def after_words(ms: int | None) -> str:
    return "+" + duration_text(ms) if ms is not None else ""


# What ``outcome`` holds when processing set it (people may PUT their own words).
def outcome_words(outcome: str | None, assigned_name: str | None = None) -> str | None:
    """A person's reading of ``outcome``; None when it says nothing the page does not."""
    if not outcome or outcome == "agent" or outcome in FLOWS:
        return None
    if outcome.startswith("assigned:"):
        return f"Assigned to {assigned_name}" if assigned_name else None
    return {
        "awaiting_claim": "Waiting for a teammate to claim it",
        "unassigned": "In the unassigned queue",
    }.get(outcome, outcome)


def _d(entry: dict) -> dict:
    return entry.get("details") or {}


def _reason(entry: dict, prefix: str) -> str:
    why = _d(entry).get("reason")
    return f"{prefix}: {why}" if why else prefix


def _agent_action(entry: dict, names: dict) -> str:
    d, status = _d(entry), entry.get("status")
    action = d.get("action", "")
    if status != "done":
        return _reason(entry, f"The agent did not {ACTION_NAMES.get(action, action)}")
    if action == "qualify_lead":
        why = f": {d['reason']}" if d.get("reason") else ""
        return f"The agent scored the lead {d.get('score', '')}{why}"
    if action in ("send_email", "book_meeting"):
        what = "sent the booking link to" if action == "book_meeting" else "emailed"
        return f"The agent {what} {d.get('to', 'the submitter')}: “{d.get('subject', '')}”"
    if action == "create_deal":
        verb = "created a deal" if d.get("created", True) else "updated the open deal"
        return f"The agent {verb}"
    if action == "create_ticket":
        return f"The agent opened ticket {d.get('reference', '')}".rstrip()
    if action == "enroll_sequence":
        return f"The agent enrolled the contact in “{d.get('sequence', '')}”"
    if action == "escalate":
        return _reason(entry, "The agent escalated to a person")
    if action == "respond_direct":
        return "The agent wrote a direct response (below, under Agent notes)"
    return f"The agent ran {action}"


def _route(entry: dict, names: dict) -> str:
    d = _d(entry)
    if entry.get("status") == "skipped":
        return _reason(entry, "Not routed")
    target = names.get(entry.get("entity_id") or "", "")
    if d.get("kind") == "broadcast":
        return f"Offered to everyone in {target or 'the group'}; the first to claim it owns it"
    if d.get("kind") == "unassigned":
        return _reason(entry, "Put in the unassigned queue")
    how = ROUTE_REASONS.get(d.get("reason") or "", (d.get("reason") or "").replace("_", " "))
    return f"Routed to {target or 'a handler'}" + (f" ({how})" if how else "")


def _simple(entry: dict, names: dict) -> str | None:
    d, status, step = _d(entry), entry.get("status"), entry.get("step")
    if status == "skipped" and d.get("reason"):
        return f"{step.replace('_', ' ').capitalize()} skipped: {d['reason']}"
    texts = {
        "processing_started": (
            "Processing started again (reprocess)"
            if d.get("reprocess")
            else f"Processing started ({FLOWS.get(d.get('flow'), 'form')} flow)"
        ),
        "confirmation": f"Confirmation email queued to {d.get('to', 'the submitter')}",
        "welcome_email": f"Welcome email queued to {d.get('to', 'the submitter')}",
        "activity": "Logged on the contact's timeline",
        "notify": f"Told {len(d.get('handler_ids') or [])} teammate(s) by email",
        "ticket": f"Opened ticket {d.get('reference', '')}".rstrip(),
        "ticket_assigned": f"Ticket assigned to {names.get(d.get('handler_id') or '', 'a handler')}",
        "task": "Created a follow-up task"
        + (f" for {names[d['assignee_id']]}" if d.get("assignee_id") in names else ""),
        "campaign": "Added to the campaign",
        "sequence": "Enrolled in the nurture sequence",
        "agent_processing": "The AI agent started working on it"
        + (", replaying its stored plan" if d.get("replaying_stored_plan") else ""),
        "agent_contact_updates": "The agent updated the contact"
        + (f" (tags: {', '.join(d['tags_add'])})" if d.get("tags_add") else ""),
        "agent_draft": f"The agent drafted {_count(d.get('actions', 0), 'action')} for a person to approve",
        "agent_escalated": _reason(entry, "Handed to a person"),
        "agent_action_blocked": f"Blocked the agent's “{d.get('action', '')}”: {d.get('reason', '')}",
        "agent_ungrounded": (
            f"The agent's message stated facts found nowhere in the submission "
            f"({', '.join(d.get('facts') or d.get('numbers') or [])}); "
            + (
                "it was asked to write it again"
                if status == "regenerating"
                else "the rewrite did too, so it waits for a person's approval"
            )
        ),
        "human_approved": f"{_who(d.get('reviewed_by'), names)} approved the agent's draft",
        "human_rejected": f"{_who(d.get('reviewed_by'), names)} rejected the agent's draft"
        + (f": {d['note']}" if d.get("note") else ""),
        "reviewed": f"{_who(d.get('reviewed_by'), names)} reviewed what the agent did"
        + (" and took it over" if d.get("taken_over") else ": looks good"),
        "claimed": f"Claimed by {names.get(entry.get('entity_id') or '', 'a teammate')}",
        "reprocess_requested": "Reprocessing requested",
        "updated": "Changed by hand: "
        + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in d.items() if v is not None),
        "stale_recovered": "Recovered after it got stuck; processing again",
    }
    return texts.get(step)


def _who(value, names: dict) -> str:
    """A person named in a step: an account id becomes the member's name."""
    if not value:
        return "A person"
    if isinstance(value, str) and value.startswith("acct_"):
        return names.get(value, "A teammate")
    return str(value)


def sentence(entry: dict, names: dict) -> str:
    """One actions entry as a sentence; ``names`` maps handler/group ids to names."""
    step, status, d = entry.get("step", ""), entry.get("status"), _d(entry)
    if step == "agent_action":
        return _agent_action(entry, names)
    if step == "route":
        return _route(entry, names)
    if step == "completed" or step == "agent_completed":
        words = STATUS_WORDS.get(d.get("status"), "finished")
        who = "The agent finished" if step == "agent_completed" else "Done"
        return f"{who}: {words}"
    if step == "agent_retry":
        if status == "requeued":
            return "The AI model is unavailable; the agent tries again later"
        return f"The AI model did not answer (try {d.get('attempt', '?')}); retrying"
    if step in ("agent_error", "failed"):
        error = d.get("error") or d.get("kind") or "unknown error"
        return (
            "The agent hit an error and will retry"
            if status == "will_retry"
            else f"Processing failed: {error}"
        )
    return _simple(entry, names) or step.replace("_", " ").capitalize()


def narrate(actions: list[dict], created_at: str, names: dict) -> list[dict]:
    """The timeline: {text, status, at, after (words), entity_id, details} per step."""
    previous, out = _at(created_at), []
    for entry in actions:
        at = _at(entry.get("at"))
        ms = int((at - previous).total_seconds() * 1000) if at and previous else None
        previous = at or previous
        out.append(
            {
                "text": sentence(entry, names),
                "status": entry.get("status"),
                "at": entry.get("at"),
                "after": after_words(max(0, ms) if ms is not None else None),
                "entity_id": entry.get("entity_id"),
                "details": _d(entry),
            }
        )
    return out


def _at(value):
    try:
        return parse_iso(value) if value else None
    except ValueError:
        return None


def lead_score(actions: list[dict], draft_actions: list[dict] | None = None) -> dict | None:
    """The agent's last score: {score, reason, tags, proposed}; a pending draft's counts as proposed."""
    for entry in reversed(actions):
        d = _d(entry)
        if entry.get("step") == "agent_action" and d.get("action") == "qualify_lead":
            if entry.get("status") == "done":
                return {
                    "score": d.get("score"),
                    "reason": d.get("reason") or "",
                    "tags": d.get("tags") or [],
                    "proposed": False,
                }
    for item in draft_actions or []:
        if item.get("action") == "qualify_lead":
            d = item.get("details") or {}
            return {
                "score": d.get("score"),
                "reason": d.get("reason") or "",
                "tags": d.get("tags") or [],
                "proposed": True,
            }
    return None
