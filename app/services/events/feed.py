"""The dashboard feed (SPEC §16): one row per lead or per meaningful change.

A submission writes about twenty events (received, routed, each flow step, the
agent's actions, processed); the feed folds them into one row that carries the
submission's one-line summary, with the raw events kept for a disclosure.
Events about no submission (a deal moved by hand, a form published) stay rows
of their own. New rows arrive over SSE filtered to FEED_TYPES, each rendered
with the same summary (see ``attach_summaries``).
"""

from __future__ import annotations

from app.services.events.queries import EventFilters, select_events_tx
from app.services.processing.summary import summaries

# What is worth a new row when it happens: a lead arriving, its outcome, a
# person's decision, money moving. The steps in between stay behind the disclosure.
FEED_TYPES = frozenset(
    {
        "submission_received",
        "submission_processed",
        "submission_awaiting_approval",
        "submission_needs_human_review",
        "spam_blocked",
        "agent_escalated",
        "human_approved",
        "human_rejected",
        "deal_created",
        "deal_stage_changed",
        "contacts_imported",
        "form_created",
        "form_active",
        "email_failed",
        "job_dead",
    }
)
FEED_FILTERS = EventFilters(types=FEED_TYPES)
# How far back the folding reads: enough for the last ~20 leads' events.
SCAN = 400


async def attach_summaries(db, workspace_id: str, events: list[dict], currency: str) -> None:
    """Give each submission event its submission's summary (``event["lead"]``), in one query."""
    wanted = {e["submission_id"] for e in events if e.get("submission_id") and "lead" not in e}
    found = await summaries(db, workspace_id, wanted, currency) if wanted else {}
    for event in events:
        if event.get("submission_id") and "lead" not in event:
            event["lead"] = found.get(event["submission_id"], "")


def fold(events: list[dict], limit: int) -> list[dict]:
    """Newest first: one row per submission (its newest feed-worthy event heads it,
    every event of it goes behind the disclosure), one row per other feed event."""
    rows, by_submission = [], {}
    for event in events:
        sid = event.get("submission_id")
        if sid:
            row = by_submission.get(sid)
            if row is None:
                row = by_submission[sid] = {"head": None, "events": [], "submission_id": sid}
                rows.append(row)
            row["events"].append(event)
            if row["head"] is None and event["type"] in FEED_TYPES:
                row["head"] = event
        elif event["type"] in FEED_TYPES:
            rows.append({"head": event, "events": [event], "submission_id": None})
    for row in rows:
        row["head"] = row["head"] or row["events"][0]
        row["events"].reverse()  # the disclosure reads in the order things happened
    return rows[:limit]


async def dashboard_feed(db, workspace_id: str, currency: str, limit: int = 20) -> dict:
    """The feed's rows and the newest event read (the stream resumes after it)."""
    events = await db.read(select_events_tx, workspace_id, None, descending=True, limit=SCAN)
    rows = fold(events, limit)
    await attach_summaries(db, workspace_id, [r["head"] for r in rows], currency)
    return {"rows": rows, "latest": events[:1]}
