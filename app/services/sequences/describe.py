"""Words for people (SPEC §16): where an enrollment stands, why it stopped, how
long a step waits. Used by the sequence page, the contact page and its timeline."""

from __future__ import annotations

from app.db.clock import parse_iso, utcnow

STOP_REASONS = {
    "manual_stop": "stopped by hand",
    "contact_replied": "the contact replied",
    "deal_created": "a deal was created for the contact",
    "contact_unsubscribed": "the contact unsubscribed",
    "email_bounced": "the contact's address bounced",
    "sequence_deleted": "the sequence was deleted",
}
CONDITION_LABELS = {
    "contact_replied": "The contact replies",
    "deal_created": "A deal is created for the contact",
    "manual_stop": "Someone stops it by hand",
    "contact_unsubscribed": "The contact unsubscribes",
}
HISTORY_LABELS = {
    "enrolled": "Enrolled",
    "step_sent": "Step sent",
    "paused": "Paused",
    "resumed": "Resumed",
    "replied": "Marked as replied",
    "stopped": "Stopped",
    "completed": "Completed",
}


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def delay_text(step: dict, first: bool) -> str:
    """ "Wait 2 days 3 hours, then send at 09:00" (after enrollment for the first step)."""
    parts = [_plural(step["delay_days"], "day")] if step["delay_days"] else []
    parts += [_plural(step["delay_hours"], "hour")] if step["delay_hours"] else []
    after = "enrollment" if first else "the previous step"
    wait = f"{' '.join(parts)} after {after}" if parts else f"Right after {after}"
    at = f", at {step['send_time']}" if step.get("send_time") else ""
    return (wait[0].upper() + wait[1:]) + at


def progress_text(enrollment: dict, step_count: int) -> str:
    """ "Step 2 of 3 next", "Completed all 3 steps", "Stopped after step 1 of 3: …"."""
    sent, status = enrollment["current_step"], enrollment["status"]
    if status == "completed":
        return (
            f"Completed all {_plural(step_count, 'step')}" if step_count else "Completed (no steps)"
        )
    if status == "stopped":
        why = STOP_REASONS.get(enrollment["stop_reason"] or "", enrollment["stop_reason"] or "")
        done = f"after step {sent} of {step_count}" if sent else "before the first step"
        return f"Stopped {done}: {why}"
    waiting = f"Step {min(sent + 1, step_count)} of {step_count} next"
    return f"Paused · {waiting}" if status == "paused" else waiting


def history_text(entry: dict) -> str:
    label = HISTORY_LABELS.get(entry.get("event"), entry.get("event") or "")
    if entry.get("event") == "step_sent":
        label = f"Step {entry.get('step')} sent" + (
            " (personalised)" if entry.get("personalized") else ""
        )
    if entry.get("reason"):
        label += f": {STOP_REASONS.get(entry['reason'], entry['reason'])}"
    if entry.get("by"):
        label += f" — by {entry['by']}"
    return label


def until_text(due_iso: str | None) -> str:
    """ "now" (due, goes at the next tick), "in 40 minutes", "in 3 hours", "in 2 days"."""
    if not due_iso:
        return ""
    seconds = (parse_iso(due_iso) - utcnow()).total_seconds()
    if seconds < 60:
        return "now"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"in {_plural(round(seconds / size) if size > 60 else int(seconds // 60), unit)}"
    return "now"
