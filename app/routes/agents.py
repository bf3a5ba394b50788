"""The agent status board (SPEC §11): a self-refreshing widget (polls every 5 s)."""

from __future__ import annotations

from starlette.routing import Route

from app.services.agents.board import agent_board
from app.web.auth import require_page
from app.web.render import render


async def agents_page(request):
    principal = await require_page(request)
    settings = request.app.state.settings
    agents = await agent_board(request.app.state.db, settings, principal.workspace_id)
    return await render(
        request,
        "agents/index.html",
        {"agents": agents, "stuck_minutes": f"{settings.stuck_handler_seconds / 60:g}"},
        fragment="agents/_board.html",
    )


routes = [Route("/agents", agents_page, methods=["GET"], name="agents")]
