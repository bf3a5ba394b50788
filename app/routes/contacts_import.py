"""The contacts import pages: upload -> preview with the detected mapping -> confirm.

The upload is kept (contact_imports) between the steps so the preview can be
re-run with another mapping; the import itself is written in batches and
resumes after the last one when confirmed again."""

from __future__ import annotations

from starlette.routing import Route

from app.errors import AppError, ValidationError
from app.services.crm import csv_import, csv_import_store
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path
from app.web.routing import IMPORT_BODY_BYTES, page_route

TARGET_CHOICES = [(t, csv_import.TARGET_LABELS[t]) for t in csv_import.TARGETS]


async def import_start(request):
    """GET: the upload form. POST: store the file and show its preview."""
    principal = await require_page(request, write=True)
    if request.method == "GET":
        return await render(request, "contacts/import.html", {"error": None})
    try:
        form = await read_form(request, max_files=1, max_fields=10)
        upload = form.files.get("file")
        if upload is None or not upload.filename:
            raise ValidationError("Choose a CSV file to upload.")
        raw = await upload.read(csv_import.MAX_BYTES + 1)
        upload_id = await csv_import_store.store_upload(
            request.app.state.db,
            principal.workspace_id,
            raw,
            upload.filename,
            principal.display_name,
        )
    except AppError as exc:
        return await render(
            request, "contacts/import.html", {"error": exc.message}, status=exc.status
        )
    return redirect(request, url_path(request, "contacts_import_preview", id=upload_id))


async def _preview_ctx(request, principal, upload: dict, mapping=None, **extra) -> dict:
    db, ws = request.app.state.db, principal.workspace_id
    ctx = {
        "upload": upload,
        "choices": TARGET_CHOICES,
        "error": None,
        "fields": {},
        "skip_errors": False,
    }
    try:
        ctx["preview"] = await csv_import.preview_text(db, ws, upload["content"], mapping)
    except ValidationError as exc:
        header, _ = csv_import.parse(upload["content"])
        ctx["preview"] = {
            "columns": header,
            "mapping": mapping or csv_import.detect_mapping(header),
            "rows": [],
            "summary": None,
            "rows_total": None,
        }
        ctx["error"] = (
            exc.message if exc.message != exc.default_message else "; ".join(exc.fields.values())
        )
    ctx.update(extra)
    return ctx


async def import_preview(request):
    principal = await require_page(request, write=True)
    upload = await csv_import_store.load_upload(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return await render(
        request, "contacts/import_preview.html", await _preview_ctx(request, principal, upload)
    )


async def import_confirm(request):
    """The mapping form: "Preview again" re-runs the analysis, "Import" imports."""
    principal = await require_page(request, write=True)
    db, ws, upload_id = request.app.state.db, principal.workspace_id, request.path_params["id"]
    upload = await csv_import_store.load_upload(db, ws, upload_id)
    form = await read_form(request)
    header, _ = csv_import.parse(upload["content"])
    mapping = {column: str(form.get(f"map_{i}") or "") for i, column in enumerate(header)}
    skip = form.get("skip_errors") == "on"
    if form.get("action") != "import":
        return await render(
            request,
            "contacts/import_preview.html",
            await _preview_ctx(request, principal, upload, mapping, skip_errors=skip),
        )
    try:
        result = await csv_import_store.import_upload(
            db,
            ws,
            upload_id,
            mapping,
            skip_errors=skip,
            actor=principal.display_name,
            batch_rows=request.app.state.settings.import_batch_rows,
        )
    except ValidationError as exc:
        ctx = await _preview_ctx(request, principal, upload, mapping, skip_errors=skip)
        ctx["error"] = (
            exc.message if exc.message != exc.default_message else "; ".join(exc.fields.values())
        )
        ctx["fields"] = exc.fields
        return await render(request, "contacts/import_preview.html", ctx, status=422)
    s = result["summary"]
    message = (
        f"Import done: {s['create']} created, {s['update']} updated (empty fields filled), "
        f"{s['unchanged']} unchanged"
        + (f", {s['error']} rows with errors skipped." if s["error"] else ".")
    )
    return redirect(request, url_path(request, "contacts"), message)


routes = [
    page_route(
        "/contacts/import",
        import_start,
        methods=["GET", "POST"],
        name="contacts_import",
        max_body=IMPORT_BODY_BYTES,
    ),
    Route("/contacts/import/{id}", import_preview, methods=["GET"], name="contacts_import_preview"),
    page_route(
        "/contacts/import/{id}",
        import_confirm,
        methods=["POST"],
        name="contacts_import_confirm",
        max_body=IMPORT_BODY_BYTES,
    ),
]
