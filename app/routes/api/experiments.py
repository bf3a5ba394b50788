"""JSON API for experiments (SPEC §9, §12)."""

from __future__ import annotations

from app.services.experiments import experiments as ex
from app.services.experiments.optimize import optimize
from app.services.experiments.stats import variant_stats
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    no_content,
    read_json,
)

_VARIANT = S.obj(
    {
        "id": S.text(max_length=64),
        "label": S.text(max_length=80, single_line=True),
        "weight": S.number(
            0,
            1_000_000,
            **{"x-message": "A weight is a number from 0 up (ratios: 1 and 1 split evenly)."},
        ),
        "overrides": S.obj(
            {},
            extra=True,
            nullable=True,
            description="a partial form config (name, description, fields, response); "
            "null for the control",
        ),
    }
)
_EDITABLE = {
    "name": S.text(max_length=120, single_line=True, non_empty=True),
    "metric": S.choice(ex.METRICS),
    "min_sample_size": S.integer(1, 1_000_000),
    "variants": S.array(_VARIANT, min_items=2, max_items=ex.MAX_VARIANTS),
    "status": S.choice(ex.STATUSES),
}
CREATE_BODY = S.obj({**_EDITABLE, "form_id": S.id_of("form")}, required=["form_id", "variants"])
UPDATE_BODY = S.obj(
    {
        **_EDITABLE,
        **S.read_only_keys("id", "form_id", "created_at"),
        **S.read_only_keys(
            "winner_variant_id",
            "optimization_log",
            "started_at",
            "ended_at",
            "stats",
            computed=True,
        ),
    }
)


async def _with_stats(db, ws: str, experiment: dict) -> dict:
    return {**experiment, "stats": await variant_stats(db, ws, experiment)}


async def list_experiments_api(request, principal):
    """Experiments, newest first; filter `status` (draft, active, completed, archived) and `form`."""
    limit, cursor = list_params(request)
    items, next_cursor = await ex.list_experiments(
        request.app.state.db,
        principal.workspace_id,
        status=request.query_params.get("status") or None,
        form_id=request.query_params.get("form") or None,
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def create_experiment_api(request, principal):
    """Create an experiment on a form: `variants` [{label, weight, overrides}] — the
    control first with `overrides: null`; weights are ratios (negative or all zero is a
    422); `overrides` is a partial form config (name, description, fields, response)
    checked like a form. `metric`: conversion_rate (default), contacts, deals or revenue;
    `min_sample_size` views per variant before optimizing (default 30). `status: "active"`
    starts it at once: 409 when the form already runs one. Answers 201."""
    db, ws = request.app.state.db, principal.workspace_id
    experiment = await ex.create_experiment(db, ws, await read_json(request))
    return json_response(await _with_stats(db, ws, experiment), 201)


async def get_experiment_api(request, principal):
    """One experiment with `stats` per variant: views, starts, submissions, processed,
    contacts, deals, revenue, conversion (submissions ÷ views) with its 95 % Wilson
    interval (`conversion_low`, `conversion_high`)."""
    db, ws = request.app.state.db, principal.workspace_id
    experiment = await ex.get_experiment(db, ws, request.path_params["id"])
    return json_response(await _with_stats(db, ws, experiment))


async def update_experiment_api(request, principal):
    """Change an experiment: send it as GET returns it, with changes. `status` moves
    draft → active → completed (any but active → archived); activating answers 409 when
    the form already runs another experiment. Variants keep their `id`s."""
    db, ws, experiment_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    current = await _with_stats(db, ws, await ex.get_experiment(db, ws, experiment_id))
    data = await read_json(request, current=current)
    experiment = await ex.update_experiment(db, ws, experiment_id, data)
    return json_response(await _with_stats(db, ws, experiment))


async def delete_experiment_api(request, principal):
    """Delete an experiment (its submissions keep their experiment and variant ids). Answers 204."""
    await ex.delete_experiment(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return no_content()


async def optimize_experiment_api(request, principal):
    """Decide on an active experiment. `outcome`: `waiting` (a variant is under the
    minimum sample; `counts` per variant), `no_clear_winner` (`reason`: identical,
    small_lift — under 10 % relative —, not_significant — p ≥ 0.05), or `promoted`: the
    winner's overrides are applied to the form, the experiment completes and a new one
    starts against an LLM challenger (`next_experiment_id`). 409 when it is not active."""
    result = await optimize(
        request.app.state.db,
        request.app.state.llm,
        principal.workspace_id,
        request.path_params["id"],
        actor=principal.display_name,
    )
    return json_response(result)


_R, _W, _T = "experiments:read", "experiments:write", ["experiments"]
routes = [
    api_route("/experiments", list_experiments_api, methods=["GET"], scope=_R, tags=_T, paged=True),
    api_route(
        "/experiments",
        create_experiment_api,
        methods=["POST"],
        scope=_W,
        body=CREATE_BODY,
        status=201,
        errors=(404, 409),
        tags=_T,
    ),
    api_route("/experiments/{id}", get_experiment_api, methods=["GET"], scope=_R, tags=_T),
    api_route(
        "/experiments/{id}",
        update_experiment_api,
        methods=["PUT"],
        scope=_W,
        body=UPDATE_BODY,
        errors=(409,),
        tags=_T,
    ),
    api_route(
        "/experiments/{id}",
        delete_experiment_api,
        methods=["DELETE"],
        scope=_W,
        body=False,
        tags=_T,
    ),
    api_route(
        "/experiments/{id}/optimize",
        optimize_experiment_api,
        methods=["POST"],
        scope=_W,
        body=False,
        errors=(409,),
        tags=_T,
    ),
]
