"""Members download visitors' files (SPEC §17): always as an attachment, never inline."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import FileResponse

from app.errors import Forbidden
from app.services.files.uploads import download
from app.web.auth import get_principal, require_page
from app.web.routing import page_route

READ_SCOPE = "submissions:read"


async def _principal(request):
    """A signed-in member, or an API key with submissions:read (integrations fetch files)."""
    principal = await get_principal(request)
    if principal is not None and principal.kind == "api_key":
        if not principal.has_scope(READ_SCOPE):
            raise Forbidden(f"This API key lacks the '{READ_SCOPE}' scope.", code="missing_scope")
        return principal
    return await require_page(request)


def _disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


async def download_file(request):
    """GET /files/{file_id}: the bytes, as an attachment with the type read at upload
    (the security headers middleware adds ``X-Content-Type-Options: nosniff`` to every
    answer; the sandbox CSP keeps a browser that renders it anyway from running it)."""
    principal = await _principal(request)
    row, path = await download(
        request.app.state.db,
        request.app.state.settings.data_dir,
        principal.workspace_id,
        request.path_params["file_id"],
    )
    return FileResponse(
        path,
        media_type=row["content_type"],
        headers={
            "Content-Disposition": _disposition(row["name"]),
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


routes = [
    page_route("/files/{file_id}", download_file, methods=["GET"], name="download_file"),
]
