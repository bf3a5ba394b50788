"""Optimize an experiment (SPEC §9): wait for the minimum sample, promote the best
variant only when it beats the runner-up by more than 10 % relative AND a
two-proportion z-test gives p < 0.05, then start a new LLM challenger.

Every run is logged on the experiment and emitted as ``optimization_run``.
"""

from __future__ import annotations

from app.db import dumps, now_iso
from app.errors import Conflict
from app.services.events.log import emit
from app.services.experiments import experiments as ex
from app.services.experiments.stats import two_proportion_p, variant_stats_tx
from app.services.forms.forms import config_of, get_form, update_form
from app.services.forms.public import forget

MIN_LIFT = 0.10
MAX_P = 0.05
# The count each metric turns into a rate per view (revenue ranks by money per view,
# tested on the deals that carry it).
_SUCCESSES = {
    "conversion_rate": "submissions",
    "contacts": "contacts",
    "deals": "deals",
    "revenue": "deals",
}


def _value(metric: str, row: dict) -> float:
    if not row["views"]:
        return 0.0
    top = row["revenue"] if metric == "revenue" else row[_SUCCESSES[metric]]
    return top / row["views"]


def decide(experiment: dict, stats: list[dict]) -> dict:
    """The verdict on stats (pure): {outcome, reason, message, winner?, lift?, p_value?}."""
    n = experiment["min_sample_size"]
    under = [s for s in stats if s["views"] < n]
    if under:
        counts = ", ".join(f"{s['label']} {s['views']} of {n} views" for s in stats)
        return {
            "outcome": "waiting",
            "message": f"Waiting for the minimum sample: {counts}.",
            "counts": {s["variant_id"]: s["views"] for s in stats},
        }
    metric = experiment["metric"]
    ranked = sorted(stats, key=lambda s: _value(metric, s), reverse=True)
    best, runner = ranked[0], ranked[1]
    vb, vr = _value(metric, best), _value(metric, runner)
    key = _SUCCESSES[metric]
    p = two_proportion_p(best[key], best["views"], runner[key], runner["views"])
    lift = (vb - vr) / vr if vr else (float("inf") if vb else 0.0)
    base = {"p_value": round(p, 4), "lift": None if lift == float("inf") else round(lift, 4)}
    if vb == vr:
        return {
            **base,
            "outcome": "no_clear_winner",
            "reason": "identical",
            "message": f"No clear winner: {best['label']} and {runner['label']} perform the same.",
        }
    if lift <= MIN_LIFT:
        return {
            **base,
            "outcome": "no_clear_winner",
            "reason": "small_lift",
            "message": f"No clear winner: {best['label']} leads {runner['label']} by "
            f"{lift:.0%}, under the 10 % needed.",
        }
    if p >= MAX_P:
        return {
            **base,
            "outcome": "no_clear_winner",
            "reason": "not_significant",
            "message": f"No clear winner yet: {best['label']} leads {runner['label']}, but the "
            f"difference is not significant (p = {p:.2f}).",
        }
    return {
        **base,
        "outcome": "promoted",
        "winner": best["variant_id"],
        "winner_rate": vb,
        "message": f"{best['label']} wins: {'+∞' if base['lift'] is None else f'+{lift:.0%}'} "
        f"over {runner['label']} (p = {p:.3f}).",
    }


def _record_tx(conn, workspace_id: str, experiment: dict, verdict: dict, actor: str) -> None:
    entry = ex.log_entry(
        verdict["outcome"],
        verdict["message"],
        by=actor,
        **{k: verdict[k] for k in ("reason", "p_value", "lift") if k in verdict},
    )
    ex.append_log_tx(conn, workspace_id, experiment["id"], entry)
    emit(
        conn,
        workspace_id,
        "optimization_run",
        form_id=experiment["form_id"],
        details={
            "experiment_id": experiment["id"],
            "outcome": verdict["outcome"],
            "message": verdict["message"],
        },
    )


def _promote_tx(conn, workspace_id: str, experiment: dict, verdict: dict, previous: dict) -> None:
    winner = next(v for v in experiment["variants"] if v["id"] == verdict["winner"])
    promotion = {
        "at": now_iso(),
        "variant_id": winner["id"],
        "label": winner["label"],
        "rate": verdict["winner_rate"],
        "previous": previous,
    }
    entry = ex.log_entry("promoted", verdict["message"], variant_id=winner["id"])
    ex.append_log_tx(
        conn,
        workspace_id,
        experiment["id"],
        entry,
        status="completed",
        winner_variant_id=winner["id"],
        ended_at=now_iso(),
        promotion=dumps(promotion),
    )
    emit(
        conn,
        workspace_id,
        "experiment_promoted",
        form_id=experiment["form_id"],
        details={
            "experiment_id": experiment["id"],
            "variant_id": winner["id"],
            "label": winner["label"],
            "message": verdict["message"],
        },
    )


def keeps_required(form: dict, overrides: dict | None) -> bool:
    """A challenger may reorder, relabel or add, never drop a required field."""
    if not overrides or "fields" not in overrides:
        return True
    names = {f["name"] for f in overrides["fields"]}
    return all(f["name"] in names for f in form["fields"] if f.get("required"))


async def start_challenger(db, llm, workspace_id: str, form_id: str, stats: dict) -> dict | None:
    """A new active experiment: the form as it is now against an LLM challenger
    (None when the challenger would drop a required field or another experiment runs)."""
    form = await get_form(db, workspace_id, form_id)
    challenger = await llm.generate_challenger(form, stats, workspace_id=workspace_id)
    overrides = {
        k: v for k, v in (challenger.get("overrides") or {}).items() if k in ex.OVERRIDE_KEYS
    }
    if not keeps_required(form, overrides):
        return None

    def fn(conn):
        if ex.active_for_form_tx(conn, workspace_id, form_id):
            return None
        created = ex.create_experiment_tx(
            conn,
            workspace_id,
            {
                "form_id": form_id,
                "status": "active",
                "variants": [
                    {"label": "Control", "weight": 1, "overrides": None},
                    {"label": challenger["label"], "weight": 1, "overrides": overrides},
                ],
            },
        )
        variant = created["variants"][1]
        emit(
            conn,
            workspace_id,
            "experiment_variant",
            form_id=form_id,
            details={
                "experiment_id": created["id"],
                "variant_id": variant["id"],
                "label": variant["label"],
                "rationale": challenger.get("rationale", ""),
            },
        )
        return created

    created = await db.write(fn)
    forget(form_id)
    return created


async def optimize(db, llm, workspace_id: str, experiment_id, *, actor: str = "") -> dict:
    """Run the decision on an active experiment; a promotion applies the winner's
    overrides to the form and starts the next challenger. Returns the verdict with
    ``experiment`` (this one, updated) and ``next_experiment_id``."""
    experiment = await ex.get_experiment(db, workspace_id, experiment_id)
    if experiment["status"] != "active":
        raise Conflict("Only an active experiment can be optimized; start it first.")
    stats = await db.read(variant_stats_tx, workspace_id, experiment)
    verdict = decide(experiment, stats)
    await db.write(_record_tx, workspace_id, experiment, verdict, actor or "you")
    next_id = None
    if verdict["outcome"] == "promoted":
        form = await get_form(db, workspace_id, experiment["form_id"])
        winner = next(v for v in experiment["variants"] if v["id"] == verdict["winner"])
        overrides = winner["overrides"] or {}
        previous = {k: config_of(form)[k] for k in overrides}
        if overrides:
            await update_form(db, workspace_id, form["id"], overrides)
        await db.write(_promote_tx, workspace_id, experiment, verdict, previous)
        forget(form["id"])
        totals = {
            "views": sum(s["views"] for s in stats),
            "submissions": sum(s["submissions"] for s in stats),
        }
        created = await start_challenger(db, llm, workspace_id, form["id"], totals)
        next_id = created["id"] if created else None
    return {
        **{k: v for k, v in verdict.items() if k != "winner_rate"},
        "experiment": await ex.get_experiment(db, workspace_id, experiment_id),
        "next_experiment_id": next_id,
    }
