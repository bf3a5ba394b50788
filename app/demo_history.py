"""The demo's history (see app/demo.py): everything it made happened "now";
this moves it back over ``days`` days so charts, lists and the dashboard look
lived-in — with the newest leads TODAY, in the workspace's time zone.

Each submission keeps its own story intact: its events, emails, drafts,
tickets, activities and touchpoints move by the same amount, and what the flow
did after arrival (processing, replies) lands a realistic few minutes later.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.db import dumps, loads
from app.db.clock import iso, parse_iso, utcnow
from app.services.crm.search_index import reindex_contacts_tx

# Tables whose rows belong to one submission (column submission_id, created_at).
_BY_SUBMISSION = ("emails", "drafts", "tickets", "tasks", "activities", "touchpoints", "notes")
# Events that happen when the lead arrives; the rest follow after the response lag.
_ARRIVAL_EVENTS = ("submission_received", "contact_created", "contact_matched", "spam_blocked")
_SHIFT = "strftime('%Y-%m-%dT%H:%M:%fZ', {col}, ? || ' seconds')"


def _when(rows: int, index: int, days: int, today: int, rng, now: datetime, midnight: datetime):
    """The last ``today`` submissions land between local midnight (or 6 h ago) and
    now; the others spread evenly over the days before."""
    if index >= rows - today:
        start = max(midnight, now - timedelta(hours=6))
        span = max(60.0, (now - start).total_seconds() - 120)
        slot = (index - (rows - today)) / max(1, today)
        return start + timedelta(seconds=span * slot + rng.random() * span / today / 2)
    back = days * (rows - today - index) / max(1, rows - today)
    return min(midnight, now) - timedelta(days=back, minutes=rng.randint(1, 600))


def spread_tx(conn, workspace_id: str, seed: int, days: int, today: int, tz: str) -> None:
    rng = random.Random(seed)
    now = utcnow()
    local = now.astimezone(ZoneInfo(tz))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    rows = conn.all(
        "SELECT id, created_at FROM submissions WHERE workspace_id = ? ORDER BY created_at, id",
        (workspace_id,),
    )
    for index, row in enumerate(rows):
        created = _when(len(rows), index, days, today, rng, now, midnight)
        delta = (created - parse_iso(row["created_at"])).total_seconds()
        lag = rng.choice([35, 70, 110, 160, 240, 420, 900])  # how long the answer took, in s
        lag = max(5, min(lag, int((now - created).total_seconds()) - 30))  # never in the future
        _move_submission(conn, row["id"], delta, lag)
    _move_rest(conn, workspace_id, days)


def _move_submission(conn, submission_id: str, delta: float, lag: int) -> None:
    shifted = _SHIFT.format(col="created_at")
    conn.execute(
        f"UPDATE submissions SET created_at = {shifted},"
        f" processed_at = CASE WHEN processed_at IS NULL THEN NULL"
        f"  ELSE {_SHIFT.format(col='processed_at')} END,"
        " processing_duration_ms = CASE WHEN processed_at IS NULL THEN processing_duration_ms"
        "  ELSE COALESCE(processing_duration_ms, 0) + ? END WHERE id = ?",
        (delta, delta + lag, lag * 1000, submission_id),
    )
    arrival = ", ".join("?" * len(_ARRIVAL_EVENTS))
    conn.execute(
        f"UPDATE events SET created_at = {shifted} WHERE submission_id = ? AND type IN ({arrival})",
        (delta, submission_id, *_ARRIVAL_EVENTS),
    )
    conn.execute(
        f"UPDATE events SET created_at = {shifted} WHERE submission_id = ?"
        f" AND type NOT IN ({arrival})",
        (delta + lag, submission_id, *_ARRIVAL_EVENTS),
    )
    for table in _BY_SUBMISSION:
        later = delta if table == "touchpoints" else delta + lag
        conn.execute(
            f"UPDATE {table} SET created_at = {shifted} WHERE submission_id = ?",
            (later, submission_id),
        )
    conn.execute(
        f"UPDATE emails SET sent_at = {_SHIFT.format(col='sent_at')}"
        " WHERE submission_id = ? AND sent_at IS NOT NULL",
        (delta + lag, submission_id),
    )
    _move_steps(conn, submission_id, delta + lag)


def _move_steps(conn, submission_id: str, seconds: float) -> None:
    """The processing log's times follow too, or the page would say "+89 d" between
    arrival and the first step."""
    actions = loads(
        conn.value("SELECT actions FROM submissions WHERE id = ?", (submission_id,)), []
    )
    for entry in actions:
        if entry.get("at"):
            entry["at"] = iso(parse_iso(entry["at"]) + timedelta(seconds=seconds))
    conn.execute("UPDATE submissions SET actions = ? WHERE id = ?", (dumps(actions), submission_id))


def _move_rest(conn, workspace_id: str, days: int) -> None:
    """Contacts follow their submissions; the workspace's own setup happened before it all."""
    conn.execute(
        "UPDATE contacts SET"
        " first_seen = (SELECT MIN(created_at) FROM submissions s WHERE s.contact_id = contacts.id),"
        " last_seen = (SELECT MAX(created_at) FROM submissions s WHERE s.contact_id = contacts.id),"
        " created_at = COALESCE((SELECT MIN(created_at) FROM submissions s"
        "  WHERE s.contact_id = contacts.id), created_at)"
        " WHERE workspace_id = ?",
        (workspace_id,),
    )
    # search ranks equal matches by recency: index the contacts again in their new order
    moved = conn.all(
        "SELECT id FROM contacts WHERE workspace_id = ? ORDER BY COALESCE(last_seen, created_at), id",
        (workspace_id,),
    )
    reindex_contacts_tx(conn, workspace_id, [r["id"] for r in moved])
    conn.execute(
        "UPDATE companies SET created_at = COALESCE((SELECT MIN(c.created_at) FROM contacts c"
        " WHERE c.company_id = companies.id), created_at) WHERE workspace_id = ?",
        (workspace_id,),
    )
    setup = iso(utcnow() - timedelta(days=days + 1))
    conn.execute(
        "UPDATE events SET created_at = ? WHERE workspace_id = ? AND submission_id IS NULL",
        (setup, workspace_id),
    )
    conn.execute(
        "UPDATE forms SET created_at = ?, updated_at = ? WHERE workspace_id = ?",
        (setup, setup, workspace_id),
    )


def spread_stats_tx(conn, workspace_id: str) -> None:
    """Beacons were counted today; give each day of a form the share of its views and
    starts that its submissions that day had (totals unchanged, so conversion holds)."""
    today = utcnow().date().isoformat()
    for stat in conn.all(
        "SELECT form_id, views, starts FROM form_daily_stats"
        " WHERE workspace_id = ? AND day = ? AND variant_id = ''",
        (workspace_id, today),
    ):
        per_day = conn.all(
            "SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM submissions"
            " WHERE workspace_id = ? AND form_id = ? GROUP BY day ORDER BY day",
            (workspace_id, stat["form_id"]),
        )
        total = sum(r["n"] for r in per_day) or 1
        left_views, left_starts = stat["views"], stat["starts"]
        for n, r in enumerate(per_day):
            last = n == len(per_day) - 1
            views = left_views if last else stat["views"] * r["n"] // total
            starts = left_starts if last else stat["starts"] * r["n"] // total
            left_views, left_starts = left_views - views, left_starts - starts
            conn.execute(
                "INSERT INTO form_daily_stats (workspace_id, form_id, variant_id, day, views, starts)"
                " VALUES (?, ?, '', ?, ?, ?) ON CONFLICT (form_id, variant_id, day)"
                " DO UPDATE SET views = excluded.views, starts = excluded.starts",
                (workspace_id, stat["form_id"], r["day"], views, starts),
            )
        if today not in {r["day"] for r in per_day}:
            conn.execute(
                "DELETE FROM form_daily_stats WHERE form_id = ? AND variant_id = '' AND day = ?",
                (stat["form_id"], today),
            )


def date_deals_tx(conn, workspace_id: str, seed: int) -> None:
    """Deals open a day or two after their lead; won and lost ones close days later,
    the newest win today (never in the future)."""
    rng = random.Random(seed)
    now = utcnow()
    deals = conn.all(
        "SELECT d.id, d.stage, s.created_at AS lead_at FROM deals d"
        " JOIN submissions s ON s.id = d.source_submission_id"
        " WHERE d.workspace_id = ? ORDER BY s.created_at",
        (workspace_id,),
    )
    for n, deal in enumerate(deals):
        created = min(
            now - timedelta(minutes=30),
            parse_iso(deal["lead_at"]) + timedelta(hours=rng.randint(1, 40)),
        )
        closed = None
        if deal["stage"] in ("won", "lost"):
            closed = min(
                now - timedelta(minutes=5 + n), created + timedelta(days=rng.randint(3, 21))
            )
        if n == len(deals) - 1 and deal["stage"] == "won":
            # today's win, even in the first minutes after midnight (the dashboard's day is UTC's)
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            closed = max(now - timedelta(minutes=12), midnight)
        if closed is not None:
            closed = max(closed, created + timedelta(minutes=1))
        conn.execute(
            "UPDATE deals SET created_at = ?, updated_at = ?, closed_at = ? WHERE id = ?",
            (iso(created), iso(closed or created), iso(closed) if closed else None, deal["id"]),
        )
        conn.execute(
            "UPDATE events SET created_at = ? WHERE workspace_id = ? AND type = 'deal_created'"
            " AND json_extract(details, '$.deal_id') = ?",
            (iso(created), workspace_id, deal["id"]),
        )
        conn.execute(
            "UPDATE events SET created_at = ? WHERE workspace_id = ? AND type = 'deal_stage_changed'"
            " AND json_extract(details, '$.deal_id') = ?",
            (iso(closed or created), workspace_id, deal["id"]),
        )
        # the deal's own timeline follows: created then, moved (and noted) when it closed
        moved = closed or created + timedelta(hours=rng.randint(2, 30))
        conn.execute(
            "UPDATE deal_activities SET created_at = CASE WHEN kind = 'created' THEN ? ELSE ? END"
            " WHERE deal_id = ?",
            (iso(created), iso(min(moved, now - timedelta(minutes=1))), deal["id"]),
        )


def renumber_events_tx(conn, workspace_id: str) -> None:
    """The log's order (seq) follows time again after the moves above, as it does in a
    live workspace: the feed and /live read newest first by seq. New numbers start past
    the largest one, so none collides while the update runs."""
    base = conn.value("SELECT COALESCE(MAX(seq), 0) FROM events") or 0
    conn.execute(
        "CREATE TEMP TABLE demo_seq AS SELECT seq AS old,"
        " ? + ROW_NUMBER() OVER (ORDER BY created_at, seq) AS new FROM events WHERE workspace_id = ?",
        (base, workspace_id),
    )
    conn.execute(
        "UPDATE events SET seq = (SELECT new FROM demo_seq WHERE old = events.seq)"
        " WHERE workspace_id = ?",
        (workspace_id,),
    )
    conn.execute("DROP TABLE demo_seq")
