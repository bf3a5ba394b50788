"""The global search (top bar): a results page grouped by kind, and the same search
as suggestions under the box while typing (an HTMX request gets the fragment)."""

from __future__ import annotations

from app.services.search import search_everything
from app.web.auth import require_page
from app.web.render import is_htmx, render
from app.web.routing import page_route

MAX_QUERY = 200
PAGE_ITEMS, SUGGESTIONS = 10, 4


async def global_search(request):
    principal = await require_page(request)
    q = " ".join((request.query_params.get("q") or "").split())[:MAX_QUERY]
    suggest = is_htmx(request)
    groups = (
        await search_everything(
            request.app.state.db,
            principal.workspace_id,
            q,
            limit=SUGGESTIONS if suggest else PAGE_ITEMS,
        )
        if q
        else []
    )
    return await render(
        request,
        "search/index.html",
        {"q": q, "groups": groups, "total": sum(g["count"] for g in groups)},
        fragment="search/_suggestions.html",
    )


routes = [page_route("/search", global_search, methods=["GET"], name="global_search")]
