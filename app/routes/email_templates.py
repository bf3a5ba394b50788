"""Email template pages (SPEC §8): a list, and one editor with a live preview
(HTMX posts the fields as they change; the preview fills in sample values)."""

from __future__ import annotations

from app.errors import ValidationError
from app.services.mail import email_templates
from app.web.auth import require_page
from app.web.forms_input import read_form
from app.web.render import redirect, render, url_path
from app.web.routing import page_route

VARIABLE_HELP = ", ".join("{{" + v + "}}" for v in email_templates.VARIABLES)


def _values(form) -> dict:
    return {k: form.get(k) or "" for k in email_templates.FIELDS}


def _preview(values: dict) -> dict:
    """The sample rendering, or the problems that keep it from being saved."""
    try:
        email_templates.check_template(values)
    except ValidationError as exc:
        problems = {k: v for k, v in exc.fields.items() if k in ("subject", "text", "html")}
        if problems:
            return {"problems": problems}
    subject, text, html = email_templates.render_parts(
        values.get("subject") or "",
        values.get("text") or "",
        values.get("html") or "",
        email_templates.SAMPLE,
        keep_late=False,
    )
    return {"problems": {}, "subject": subject, "text": text, "html": html}


async def _editor(request, principal, template, values, *, errors=None, status=200):
    return await render(
        request,
        "email_templates/edit.html",
        {
            "template": template,
            "values": values,
            "errors": errors or {},
            "preview": _preview(values),
            "variables": VARIABLE_HELP,
            "can_write": principal.can_write,
        },
        status=status,
    )


async def templates_page(request):
    principal = await require_page(request)
    items, next_cursor = await email_templates.list_templates(
        request.app.state.db,
        principal.workspace_id,
        cursor=request.query_params.get("cursor"),
        limit=50,
    )
    next_url = (
        f"{url_path(request, 'email_templates')}?cursor={next_cursor}" if next_cursor else None
    )
    return await render(
        request,
        "email_templates/index.html",
        {"templates": items, "next_url": next_url, "can_write": principal.can_write},
    )


async def new_template_page(request):
    principal = await require_page(request, write=True)
    values = {"name": "", "subject": "", "text": "Hi {{first_name|there}},\n\n", "html": ""}
    return await _editor(request, principal, None, values)


async def create_template(request):
    principal = await require_page(request, write=True)
    values = _values(await read_form(request))
    try:
        template = await email_templates.create_template(
            request.app.state.db, principal.workspace_id, values
        )
    except ValidationError as exc:
        return await _editor(request, principal, None, values, errors=exc.fields, status=422)
    return redirect(
        request,
        url_path(request, "email_template", id=template["id"]),
        f"Template “{template['name']}” saved.",
    )


async def template_page(request):
    principal = await require_page(request)
    template = await email_templates.get_template(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return await _editor(
        request, principal, template, {k: template[k] for k in email_templates.FIELDS}
    )


async def update_template(request):
    principal = await require_page(request, write=True)
    db, template_id = request.app.state.db, request.path_params["id"]
    template = await email_templates.get_template(db, principal.workspace_id, template_id)
    values = _values(await read_form(request))
    try:
        template = await email_templates.update_template(
            db, principal.workspace_id, template_id, values
        )
    except ValidationError as exc:
        return await _editor(request, principal, template, values, errors=exc.fields, status=422)
    return redirect(request, url_path(request, "email_template", id=template_id), "Template saved.")


async def delete_template(request):
    principal = await require_page(request, write=True)
    await email_templates.delete_template(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return redirect(request, url_path(request, "email_templates"), "Template deleted.")


async def preview_template(request):
    """The live preview fragment (HTMX); without JavaScript the editor page itself."""
    await require_page(request, write=True)
    values = _values(await read_form(request))
    return await render(
        request,
        "email_templates/edit.html",
        {
            "template": None,
            "values": values,
            "errors": {},
            "preview": _preview(values),
            "variables": VARIABLE_HELP,
            "can_write": True,
        },
        fragment="email_templates/_preview.html",
    )


routes = [
    page_route("/email-templates", templates_page, methods=["GET"], name="email_templates"),
    page_route("/email-templates", create_template, methods=["POST"], name="create_email_template"),
    page_route(
        "/email-templates/new", new_template_page, methods=["GET"], name="new_email_template"
    ),
    page_route(
        "/email-templates/preview",
        preview_template,
        methods=["POST"],
        name="preview_email_template",
    ),
    page_route("/email-templates/{id}", template_page, methods=["GET"], name="email_template"),
    page_route(
        "/email-templates/{id}", update_template, methods=["POST"], name="update_email_template"
    ),
    page_route(
        "/email-templates/{id}/delete",
        delete_template,
        methods=["POST"],
        name="delete_email_template",
    ),
]
