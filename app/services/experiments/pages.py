"""What the experiment pages show: variants side by side with a preview of their
fields, stats as bars with numbers, the log in words (SPEC §9, §16)."""

from __future__ import annotations

from app.services.experiments import experiments as ex
from app.services.experiments.optimize import start_challenger
from app.services.experiments.stats import variant_stats
from app.services.forms.forms import get_form
from app.services.forms.public import schema_of

LOG_LABELS = {
    "created": "Created",
    "started": "Started",
    "completed": "Stopped",
    "archived": "Archived",
    "variants": "Variants changed",
    "waiting": "Optimize: waiting",
    "no_clear_winner": "Optimize: no clear winner",
    "promoted": "Winner promoted",
    "rolled_back": "Rolled back",
}


async def detail(db, workspace_id: str, experiment_id: str) -> dict:
    experiment = await ex.get_experiment(db, workspace_id, experiment_id)
    form = await get_form(db, workspace_id, experiment["form_id"])
    stats = {s["variant_id"]: s for s in await variant_stats(db, workspace_id, experiment)}
    total = sum(v["weight"] for v in experiment["variants"]) or 1
    top = max((s["conversion_high"] for s in stats.values()), default=0) or 1
    variants = []
    for v in experiment["variants"]:
        s = stats[v["id"]]
        variants.append(
            {
                **v,
                "share": v["weight"] / total,
                "stats": s,
                "preview": schema_of({**form, **(v["overrides"] or {})}),
                # bar and interval as percentages of the chart's width
                "bar": 100 * s["conversion"] / top,
                "low": 100 * s["conversion_low"] / top,
                "high": 100 * s["conversion_high"] / top,
            }
        )
    return {
        "experiment": experiment,
        "form": form,
        "variants": variants,
        "metric_label": ex.METRIC_LABELS[experiment["metric"]],
        "log": [
            {**e, "label": LOG_LABELS.get(e["kind"], e["kind"].replace("_", " ").capitalize())}
            for e in reversed(experiment["optimization_log"])
        ],
    }


async def start_for_form(db, llm, workspace_id: str, form_id: str) -> dict:
    """The editor's "Start experiment": the form against an LLM challenger; the
    running one when there is one."""
    running = await ex.active_for_form(db, workspace_id, form_id)
    if running:
        return running
    await get_form(db, workspace_id, form_id)  # NotFound for another workspace's form
    created = await start_challenger(db, llm, workspace_id, form_id, {})
    return created or await ex.active_for_form(db, workspace_id, form_id)


async def form_names(db, workspace_id: str, experiments: list[dict]) -> dict:
    names = {}
    for form_id in {e["form_id"] for e in experiments}:
        names[form_id] = (await get_form(db, workspace_id, form_id))["name"]
    return names


async def experiment_panel(db, workspace_id: str, form_id: str) -> dict:
    """The form editor's panel: the running experiment and the latest logged change."""
    latest, _ = await ex.list_experiments(db, workspace_id, form_id=form_id, limit=1)
    log = latest[0]["optimization_log"] if latest else []
    return {
        "running_experiment": await ex.active_for_form(db, workspace_id, form_id),
        "recent_experiment_log": log[-1] if log else None,
    }
