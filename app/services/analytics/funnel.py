"""The funnel (SPEC §10): views → starts → submissions → passed spam → contact matched →
processed → deal → won, with counts and percentages of the first and the previous step.

Submissions counts every attempt (stored ones plus those the spam checks rejected);
deal and won count the deals created in the period from a form submission."""

from __future__ import annotations

from app.services.analytics import totals
from app.services.analytics.ranges import DateRange, Period

STEPS = (
    ("views", "Views"),
    ("starts", "Starts"),
    ("submissions", "Submissions"),
    ("passed_spam", "Passed spam checks"),
    ("contact_matched", "Contact matched"),
    ("processed", "Processed"),
    ("deal", "Deal"),
    ("won", "Won"),
)


def counts(conn, ws: str, p: Period) -> dict:
    subs, views = totals.submissions(conn, ws, p), totals.beacons(conn, ws, p)
    deals = totals.deals(conn, ws, p, from_forms=True)
    return {
        "views": views["views"],
        "starts": views["starts"],
        "submissions": subs["submissions"] + totals.workspace(conn, ws, p)["spam"],
        "passed_spam": subs["submissions"],
        "contact_matched": subs["matched"],
        "processed": subs["processed"],
        "deal": deals["deals"],
        "won": deals["won"],
    }


def steps(values: dict) -> list[dict]:
    out, first, previous = [], None, None
    for key, label in STEPS:
        count = values[key]
        first = count if first is None else first
        out.append(
            {
                "step": key,
                "label": label,
                "count": count,
                "percent_of_first": totals.percent(count, first),
                "percent_of_previous": None
                if previous is None
                else totals.percent(count, previous),
            }
        )
        previous = count
    return out


def _funnel_tx(conn, ws: str, r: DateRange) -> dict:
    return {"range": r.as_json(), "steps": steps(counts(conn, ws, r.current))}


async def funnel(db, ws: str, r: DateRange) -> dict:
    return await db.read(_funnel_tx, ws, r)
