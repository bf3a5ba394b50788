"""Per-variant stats (SQL aggregates) and the maths optimization relies on:
the Wilson score interval and the two-proportion z-test (SPEC §9)."""

from __future__ import annotations

import math

Z95 = 1.959963984540054


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion; (0, 0) without trials."""
    if trials <= 0:
        return 0.0, 0.0
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def two_proportion_p(s1: int, n1: int, s2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (1.0 when undefined)."""
    if n1 <= 0 or n2 <= 0:
        return 1.0
    pooled = (s1 + s2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = abs(s1 / n1 - s2 / n2) / se
    return math.erfc(z / math.sqrt(2))


def _views_starts(conn, experiment: dict) -> dict:
    ids = [v["id"] for v in experiment["variants"]]
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        "SELECT variant_id, SUM(views) AS views, SUM(starts) AS starts FROM form_daily_stats"  # noqa: S608 - placeholders only
        f" WHERE form_id = ? AND variant_id IN ({marks}) GROUP BY variant_id",
        (experiment["form_id"], *ids),
    ).fetchall()
    return {r["variant_id"]: r for r in rows}


_OUTCOMES = (
    "SELECT s.variant_id, COUNT(*) AS submissions,"
    " SUM(s.status = 'processed') AS processed,"
    " COUNT(DISTINCT CASE WHEN s.is_new_contact = 1 THEN s.contact_id END) AS contacts,"
    " COUNT(d.id) AS deals, COALESCE(SUM(CASE WHEN d.stage = 'won' THEN d.amount END), 0)"
    " AS revenue FROM submissions s LEFT JOIN deals d ON d.source_submission_id = s.id"
    " AND d.workspace_id = s.workspace_id"
    " WHERE s.experiment_id = ? AND s.workspace_id = ? GROUP BY s.variant_id"
)


def variant_stats_tx(conn, workspace_id: str, experiment: dict) -> list[dict]:
    """One row per variant, in the experiment's order: views, starts, submissions,
    processed, contacts, deals, revenue, conversion (submissions ÷ views) and its
    95 % interval."""
    seen = _views_starts(conn, experiment)
    outcomes = {
        r["variant_id"]: r
        for r in conn.execute(_OUTCOMES, (experiment["id"], workspace_id)).fetchall()
    }
    out = []
    for v in experiment["variants"]:
        vs, oc = seen.get(v["id"]) or {}, outcomes.get(v["id"]) or {}
        views, subs = int(vs.get("views") or 0), int(oc.get("submissions") or 0)
        # a submission without a counted view (beacon blocked) still counts as one
        views = max(views, subs)
        low, high = wilson(subs, views)
        out.append(
            {
                "variant_id": v["id"],
                "label": v["label"],
                "views": views,
                "starts": int(vs.get("starts") or 0),
                "submissions": subs,
                "processed": int(oc.get("processed") or 0),
                "contacts": int(oc.get("contacts") or 0),
                "deals": int(oc.get("deals") or 0),
                "revenue": float(oc.get("revenue") or 0),
                "conversion": subs / views if views else 0.0,
                "conversion_low": low,
                "conversion_high": high,
            }
        )
    return out


async def variant_stats(db, workspace_id: str, experiment: dict) -> list[dict]:
    return await db.read(variant_stats_tx, workspace_id, experiment)
