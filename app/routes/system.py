"""Liveness and readiness (SPEC §2)."""

from starlette.responses import JSONResponse
from starlette.routing import Route


async def healthz(request):
    return JSONResponse({"status": "ok"})


async def readyz(request):
    checks = {"database": "ok", "workers": "ok"}
    try:
        await request.app.state.db.ping()
    except Exception as exc:
        checks["database"] = f"error: {type(exc).__name__}"
    if not request.app.state.workers.alive:
        checks["workers"] = "stopped"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status_code=200 if ready else 503,
    )


routes = [
    Route("/healthz", healthz, methods=["GET"], name="healthz"),
    Route("/readyz", readyz, methods=["GET"], name="readyz"),
]
