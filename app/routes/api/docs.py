"""The OpenAPI document and a readable page of it."""

from starlette.responses import JSONResponse
from starlette.routing import Route

from app.web.openapi import build_openapi
from app.web.origin import public_base_url
from app.web.render import render


async def openapi_json(request):
    if not hasattr(request.app.state, "openapi"):
        request.app.state.openapi = build_openapi(request.app)
    # The server a client should call is the one it reached (FORMAGENT_BASE_URL unset).
    return JSONResponse(
        {**request.app.state.openapi, "servers": [{"url": public_base_url(request)}]}
    )


async def api_docs(request):
    if not hasattr(request.app.state, "openapi"):
        request.app.state.openapi = build_openapi(request.app)
    spec = request.app.state.openapi
    groups: dict[str, list] = {}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            groups.setdefault(op["tags"][0], []).append(
                # The sidebar drops the common /api prefix to fit.
                {
                    "path": path,
                    "short_path": path.removeprefix("/api"),
                    "method": method.upper(),
                    **op,
                }
            )
    return await render(request, "docs/api.html", {"spec": spec, "groups": sorted(groups.items())})


routes = [
    Route("/openapi.json", openapi_json, methods=["GET"], name="openapi_json"),
    Route("/docs", api_docs, methods=["GET"], name="api_docs"),
]
