"""Reading files from requests (SPEC §17): the one file of POST
/api/forms/{id}/uploads, and the files of a hosted form's plain multipart post,
whose body cap is raised only when the form has file fields."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from app.errors import AppError, BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationError
from app.services.capture import pipeline as capture
from app.services.files.uploads import has_file_fields, receive_upload
from app.services.forms.file_fields import MAX_SIZE_MB, MB, body_cap
from app.web.routing import PUBLIC_BODY_BYTES
from app.web.submission_input import read_submission_body

UPLOAD_BODY_BYTES = MAX_SIZE_MB * MB + PUBLIC_BODY_BYTES  # one file at the largest cap


def _is_multipart(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == "multipart/form-data"


async def hosted_body_limit(scope) -> int:
    """The hosted form's body cap: 64 KB, or for a multipart post to a form with file
    fields 64 KB plus every file field full (the middleware calls this per request)."""
    headers = dict(scope.get("headers") or ())
    if not _is_multipart(headers.get(b"content-type", b"").decode("latin-1")):
        return PUBLIC_BODY_BYTES
    form_id = scope["path"].rstrip("/").rsplit("/", 1)[-1]
    try:
        form = await capture.public_form(scope["app"].state.db, form_id)
    except AppError:
        return PUBLIC_BODY_BYTES  # the handler answers 404/410
    return PUBLIC_BODY_BYTES + body_cap(form["fields"])


async def _multipart(request, max_files: int):
    try:
        return await request.form(max_files=max_files, max_fields=capture.MAX_KEYS * 5)
    except HTTPException as exc:
        raise BadRequest(
            f"The multipart body could not be read: {exc.detail}", code="malformed_body"
        ) from None


async def read_upload(request) -> tuple[str | None, str, bytes]:
    """(field name, file name, bytes) of an upload request: multipart with ``field``
    and ``file``; 415 for another content type, 400 without a file."""
    if not _is_multipart(request.headers.get("content-type")):
        raise UnsupportedMediaType(
            "Send the file as multipart/form-data with the parts field and file."
        )
    form = await _multipart(request, 1)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise BadRequest("Attach the file as the part named file.", code="missing_file")
    field = form.get("field")
    return (field if isinstance(field, str) else None), upload.filename or "", await upload.read()


async def read_hosted_body(request, form: dict, *, data_dir, ip) -> tuple[dict, dict]:
    """A hosted form's body and the refused files' messages by field. A multipart post
    to a form with file fields stores each file as an upload and puts its token in the
    field's value, beside tokens kept from an earlier try (the page re-renders them as
    hidden inputs, so a visitor fixing another field does not choose files again)."""
    if not (_is_multipart(request.headers.get("content-type")) and has_file_fields(form)):
        return await read_submission_body(request), {}
    most = sum(f["max_files"] for f in form["fields"] if f["type"] == "file")
    parts = await _multipart(request, most)
    files = [(k, v) for k, v in parts.multi_items() if isinstance(v, UploadFile)]
    body = capture.pairs_to_dict(parts.multi_items())
    capture.check_key_count(body)
    errors, names = {}, {f["name"] for f in form["fields"] if f["type"] == "file"}
    for name, upload in files:
        content = await upload.read()
        if name not in names or (not upload.filename and not content):
            continue  # an empty file input, or a part no file field takes
        try:
            received = await receive_upload(
                request.app.state.db, data_dir, form, name, upload.filename or "", content, ip=ip
            )
        except (ValidationError, PayloadTooLarge) as exc:
            errors.update(exc.fields or {name: exc.message})
            continue
        kept = body.get(name) or []
        body[name] = (kept if isinstance(kept, list) else [kept]) + [received.token]
    return body, errors
