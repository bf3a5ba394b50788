"""Autopilot (SPEC §9), opt-in per form (the editor's "Autopilot" checkbox; unticking
it pauses): keeps one experiment running, optimizes once every variant has its
minimum sample, and rolls back a promotion whose conversion drops by more than
15 % within 48 h. Every change lands in the experiment's log and as an event."""

from __future__ import annotations

import logging
from datetime import timedelta

from app.db import clock, dumps, loads, now_iso
from app.db.clock import parse_iso
from app.services.events.log import emit
from app.services.experiments import experiments as ex
from app.services.experiments.optimize import optimize, start_challenger
from app.services.experiments.stats import variant_stats_tx
from app.services.forms.forms import update_form
from app.services.forms.public import forget

log = logging.getLogger(__name__)
WATCH = timedelta(hours=48)
MAX_DROP = 0.15
RETRY = timedelta(hours=1)
BATCH = 50
ACTOR = "Autopilot"


def _forms_tx(conn) -> list[dict]:
    return conn.execute(
        "SELECT f.id, f.workspace_id FROM forms f JOIN workspaces w ON w.id = f.workspace_id"
        " WHERE f.autopilot = 1 AND f.status = 'active' AND w.status = 'active'"
        " ORDER BY f.id LIMIT ?",
        (BATCH,),
    ).fetchall()


def _watched_tx(conn, workspace_id: str, form_id: str):
    """(promoted experiment, its promotion, the follow-up's stats) while a promotion is
    under watch; None otherwise."""
    row = conn.execute(
        "SELECT * FROM experiments WHERE workspace_id = ? AND form_id = ? AND promotion IS NOT NULL"
        " ORDER BY ended_at DESC LIMIT 1",
        (workspace_id, form_id),
    ).fetchone()
    if row is None:
        return None
    promotion = loads(row["promotion"])
    if promotion.get("settled"):
        return None
    follow = ex.active_for_form_tx(conn, workspace_id, form_id)
    stats = variant_stats_tx(conn, workspace_id, follow) if follow else None
    return ex.experiment_shape(row), promotion, follow, stats


def _settle_tx(conn, workspace_id: str, experiment: dict, promotion: dict, how: str) -> None:
    ex.append_log_tx(
        conn,
        workspace_id,
        experiment["id"],
        ex.log_entry(
            "kept", f"{promotion['label']} held up for 48 hours: the change stays.", by=ACTOR
        ),
        promotion=dumps({**promotion, "settled": how}),
    )


def _rolled_back_tx(conn, workspace_id, experiment, promotion, follow, message) -> None:
    ex.append_log_tx(
        conn,
        workspace_id,
        experiment["id"],
        ex.log_entry("rolled_back", message, by=ACTOR),
        promotion=dumps({**promotion, "settled": "rolled_back"}),
    )
    if follow:
        ex.append_log_tx(
            conn,
            workspace_id,
            follow["id"],
            ex.log_entry(
                "completed", "Stopped: the promotion it built on was rolled back.", by=ACTOR
            ),
            status="completed",
            ended_at=now_iso(),
        )
    emit(
        conn,
        workspace_id,
        "experiment_rolled_back",
        form_id=experiment["form_id"],
        details={
            "experiment_id": experiment["id"],
            "variant_id": promotion["variant_id"],
            "label": promotion["label"],
            "message": message,
        },
    )


async def watch_promotion(db, workspace_id: str, form_id: str) -> str | None:
    """Roll back a promotion whose conversion fell by more than 15 % within 48 h
    (measured on the follow-up experiment's control, which is the promoted form)."""
    watched = await db.read(_watched_tx, workspace_id, form_id)
    if watched is None:
        return None
    experiment, promotion, follow, stats = watched
    if clock.utcnow() - parse_iso(promotion["at"]) > WATCH:
        await db.write(_settle_tx, workspace_id, experiment, promotion, "kept")
        return "kept"
    control = stats[0] if stats else None
    if control is None or control["views"] < experiment["min_sample_size"]:
        return None
    before, now = promotion["rate"], control["conversion"]
    if not before or (before - now) / before <= MAX_DROP:
        return None
    message = (
        f"Conversion fell from {before:.1%} to {now:.1%} after “{promotion['label']}” was "
        "promoted: the form is back as it was."
    )
    if promotion["previous"]:
        await update_form(db, workspace_id, form_id, promotion["previous"])
    await db.write(_rolled_back_tx, workspace_id, experiment, promotion, follow, message)
    forget(form_id)
    return "rolled_back"


def _recently_tried(experiment: dict) -> bool:
    """Without a clear winner, try again after more data, not on every tick."""
    last = experiment["optimization_log"][-1] if experiment["optimization_log"] else {}
    return last.get("by") == ACTOR and clock.utcnow() - parse_iso(last["at"]) < RETRY


async def run_form(db, llm, workspace_id: str, form_id: str) -> str:
    """One autopilot step for one form; answers what it did."""
    if await watch_promotion(db, workspace_id, form_id) == "rolled_back":
        return "rolled_back"
    running = await ex.active_for_form(db, workspace_id, form_id)
    if running is None:
        created = await start_challenger(db, llm, workspace_id, form_id, {})
        return "started" if created else "idle"
    stats = await db.read(variant_stats_tx, workspace_id, running)
    if any(s["views"] < running["min_sample_size"] for s in stats) or _recently_tried(running):
        return "waiting"
    result = await optimize(db, llm, workspace_id, running["id"], actor=ACTOR)
    return result["outcome"]


async def autopilot_tick(ctx) -> None:
    """Periodic task: one step for every form with autopilot on."""
    llm = getattr(ctx.state, "llm", None)
    if llm is None:
        return
    for form in await ctx.db.read(_forms_tx):
        try:
            await run_form(ctx.db, llm, form["workspace_id"], form["id"])
        except Exception:  # one form's trouble must not stop the others
            log.exception("autopilot on form %s failed", form["id"])
