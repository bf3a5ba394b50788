"""Company pages: the list (search, pages) and a company with its contacts, deals, submissions."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.routing import Route

from app.services.crm import companies
from app.web.auth import require_page
from app.web.render import render, url_path


async def company_list(request):
    principal = await require_page(request)
    q = (request.query_params.get("q") or "").strip()
    items, next_cursor = await companies.list_companies(
        request.app.state.db,
        principal.workspace_id,
        q=q or None,
        limit=50,
        cursor=request.query_params.get("cursor"),
    )
    next_url = (
        url_path(request, "companies")
        + "?"
        + urlencode({**({"q": q} if q else {}), "cursor": next_cursor})
        if next_cursor
        else None
    )
    return await render(
        request,
        "companies/index.html",
        {"companies": items, "q": q, "next_url": next_url},
        fragment="companies/_results.html",
    )


async def company_detail(request):
    principal = await require_page(request)
    company = await companies.company_detail(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return await render(request, "companies/detail.html", {"company": company})


routes = [
    Route("/companies", company_list, methods=["GET"], name="companies"),
    Route("/companies/{id}", company_detail, methods=["GET"], name="company_detail"),
]
