"""CSV exports that belong to other areas' resources (SPEC §12: submissions)."""

from __future__ import annotations

import re

from starlette.responses import StreamingResponse

from app.services.crm import csv_export
from app.web.api import api_route
from app.web.origin import public_base_url
from app.web.render import url_path


async def submissions_csv_api(request, principal):
    """Download a form's submissions as CSV: id, created_at, status, one column per form
    field, then page_url, referrer and utm_*; a form with file fields ends with `files` (each file's
    name and download link). Formula-like cells are neutralised."""
    db = request.app.state.db
    form = await csv_export.form_for_export(db, principal.workspace_id, request.path_params["id"])
    base = public_base_url(request)

    def file_url(file_id: str) -> str:
        return base + url_path(request, "download_file", file_id=file_id)

    filename = re.sub(r"[^a-z0-9-]+", "-", form["slug"].lower()).strip("-") or "form"
    return StreamingResponse(
        csv_export.submissions_csv(db, principal.workspace_id, form, file_url=file_url),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}-submissions.csv"'},
    )


routes = [
    api_route(
        "/forms/{id}/submissions.csv",
        submissions_csv_api,
        methods=["GET"],
        scope="submissions:read",
        tags=["submissions"],
    ),
]
