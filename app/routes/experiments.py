"""Experiment pages (SPEC §9, §12): the list, one experiment with its variants, stats,
log and start/stop/optimize, and "Start experiment" from the form editor."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.errors import Conflict, ValidationError
from app.services.experiments import experiments as ex
from app.services.experiments import pages
from app.services.experiments.optimize import optimize
from app.web.auth import require_page
from app.web.render import is_htmx, redirect, render, url_path


async def experiment_list(request):
    principal = await require_page(request)
    db, ws = request.app.state.db, principal.workspace_id
    items, next_cursor = await ex.list_experiments(
        db, ws, limit=50, cursor=request.query_params.get("cursor")
    )
    ctx = {
        "experiments": items,
        "form_names": await pages.form_names(db, ws, items),
        "metric_labels": ex.METRIC_LABELS,
        "next_url": url_path(request, "experiments") + "?" + urlencode({"cursor": next_cursor})
        if next_cursor
        else None,
    }
    return await render(request, "experiments/index.html", ctx)


async def _show(request, principal, experiment_id: str, *, message=None, status=200):
    ctx = await pages.detail(request.app.state.db, principal.workspace_id, experiment_id)
    ctx.update(can_edit=principal.can_write, message=message)
    fragment = "experiments/_main.html" if is_htmx(request) else None
    return await render(request, "experiments/detail.html", ctx, fragment=fragment, status=status)


async def experiment_detail(request):
    principal = await require_page(request)
    return await _show(request, principal, request.path_params["id"])


async def _act(request, change):
    """Run one action; htmx gets the page body back with the outcome, a plain form a redirect."""
    principal = await require_page(request, write=True)
    experiment_id = request.path_params["id"]
    try:
        message = await change(request.app.state.db, principal, experiment_id)
    except (Conflict, ValidationError) as exc:
        text = "; ".join(exc.fields.values()) if exc.fields else exc.message
        if is_htmx(request):  # htmx swaps 422 only (base.html)
            return await _show(request, principal, experiment_id, message=text, status=422)
        return redirect(request, url_path(request, "experiment_detail", id=experiment_id), text)
    if is_htmx(request):
        return await _show(request, principal, experiment_id, message=message)
    return redirect(request, url_path(request, "experiment_detail", id=experiment_id), message)


async def start_experiment(request):
    async def change(db, principal, experiment_id):
        await ex.update_experiment(db, principal.workspace_id, experiment_id, {"status": "active"})
        return "Experiment started: visitors now see the variants."

    return await _act(request, change)


async def stop_experiment(request):
    async def change(db, principal, experiment_id):
        await ex.update_experiment(
            db, principal.workspace_id, experiment_id, {"status": "completed"}
        )
        return "Experiment stopped: every visitor sees the form as it is."

    return await _act(request, change)


async def optimize_experiment(request):
    async def change(db, principal, experiment_id):
        result = await optimize(
            db,
            request.app.state.llm,
            principal.workspace_id,
            experiment_id,
            actor=principal.display_name,
        )
        return result["message"]

    return await _act(request, change)


async def start_for_form(request):
    """Two clicks: the editor's button starts the form against a generated challenger."""
    principal = await require_page(request, write=True)
    form_id = request.path_params["form_id"]
    experiment = await pages.start_for_form(
        request.app.state.db, request.app.state.llm, principal.workspace_id, form_id
    )
    if experiment is None:
        return redirect(
            request,
            url_path(request, "forms_edit", form_id=form_id),
            "No challenger could be built for this form yet.",
        )
    return redirect(
        request, url_path(request, "experiment_detail", id=experiment["id"]), "Experiment running."
    )


routes = [
    Route("/experiments", experiment_list, methods=["GET"], name="experiments"),
    Route("/experiments/{id}", experiment_detail, methods=["GET"], name="experiment_detail"),
    Route("/experiments/{id}/start", start_experiment, methods=["POST"], name="experiment_start"),
    Route("/experiments/{id}/stop", stop_experiment, methods=["POST"], name="experiment_stop"),
    Route(
        "/experiments/{id}/optimize",
        optimize_experiment,
        methods=["POST"],
        name="experiment_optimize",
    ),
    Route(
        "/forms/{form_id}/experiment",
        start_for_form,
        methods=["POST"],
        name="form_experiment_start",
    ),
]
