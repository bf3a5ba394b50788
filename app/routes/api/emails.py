"""The outbox and email templates in the JSON API (SPEC §8, §12)."""

from __future__ import annotations

from app.services.mail import email_templates, outbox_view
from app.services.mail.outbox import SUBJECT_MAX_CHARS
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, no_content, read_json

# Placeholders and the rules between fields (a message in text or html) are
# checked by the service, with the same words as the editor page.
_EDITABLE = {
    "name": S.text(max_length=email_templates.NAME_MAX, non_empty=True, single_line=True),
    "subject": S.text(max_length=SUBJECT_MAX_CHARS, non_empty=True),
    "text": S.text(max_length=email_templates.BODY_MAX),
    "html": S.text(max_length=email_templates.BODY_MAX),
}
CREATE_BODY = S.obj(_EDITABLE, required=["name", "subject"])
UPDATE_BODY = S.obj(
    {
        **_EDITABLE,
        **S.read_only_keys("id", "created_at"),
        **S.read_only_keys("updated_at", computed=True),
    }
)


async def list_emails_api(request, principal):
    """Every email of the workspace, newest first. Filters: `status`
    (queued|sent|failed|suppressed), `kind` (transactional|notification|marketing), `contact` (a contact id)."""
    limit, cursor = list_params(request)
    q = request.query_params
    items, next_cursor = await outbox_view.list_emails(
        request.app.state.db,
        principal.workspace_id,
        status=q.get("status"),
        kind=q.get("kind"),
        contact=q.get("contact"),
        cursor=cursor,
        limit=limit,
    )
    return list_response(
        [{k: v for k, v in e.items() if k != "contact_name"} for e in items], next_cursor
    )


async def get_email_api(request, principal):
    """One email exactly as it was (or would be) sent: `text`, `html` and `headers`
    (a list of [name, value]), marketing footer and unsubscribe headers included."""
    email = await outbox_view.get_email(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        request.path_params["id"],
    )
    return json_response(email)


async def resend_email_api(request, principal):
    """Queue a failed email again (409 for any other status). Marketing mail to an
    address on the suppression list (e.g. after a hard bounce) is suppressed when sent."""
    email = await outbox_view.resend_email(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        request.path_params["id"],
    )
    return json_response(email)


async def list_templates_api(request, principal):
    """Email templates, newest first."""
    limit, cursor = list_params(request)
    items, next_cursor = await email_templates.list_templates(
        request.app.state.db, principal.workspace_id, cursor=cursor, limit=limit
    )
    return list_response(items, next_cursor)


async def create_template_api(request, principal):
    """Create a template: `name`, `subject`, and `text` and/or `html`, with the variables
    {{first_name}}, {{name}}, {{company}}, {{form_name}}, {{asset_url}}, {{booking_url}},
    {{unsubscribe_url}} (optionally with a fallback: {{first_name|there}}). An unknown
    variable is a 422 naming the field. Without `text`, the text part is derived from `html`."""
    body = await read_json(request)
    template = await email_templates.create_template(
        request.app.state.db, principal.workspace_id, body
    )
    return json_response(template, 201)


async def get_template_api(request, principal):
    """One email template."""
    template = await email_templates.get_template(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return json_response(template)


async def update_template_api(request, principal):
    """Change a template: send it as GET returns it, with changes (or only the keys
    to change). Read-only keys (id, created_at, updated_at) changed → 422."""
    db, template_id = request.app.state.db, request.path_params["id"]
    current = await email_templates.get_template(db, principal.workspace_id, template_id)
    body = await read_json(request, current=current)
    template = await email_templates.update_template(db, principal.workspace_id, template_id, body)
    return json_response(template)


async def delete_template_api(request, principal):
    """Delete a template (emails already queued from it keep their text)."""
    await email_templates.delete_template(
        request.app.state.db, principal.workspace_id, request.path_params["id"]
    )
    return no_content()


_R, _W = "emails:read", "emails:write"
_TAGS = ["email"]
routes = [
    api_route(
        "/emails", list_emails_api, methods=["GET"], scope=_R, tags=_TAGS, paged=True, errors=(422,)
    ),
    api_route("/emails/{id}", get_email_api, methods=["GET"], scope=_R, tags=_TAGS),
    api_route(
        "/emails/{id}/resend",
        resend_email_api,
        methods=["POST"],
        scope=_W,
        body=False,
        errors=(409,),
        tags=_TAGS,
    ),
    api_route(
        "/email-templates", list_templates_api, methods=["GET"], scope=_R, tags=_TAGS, paged=True
    ),
    api_route(
        "/email-templates",
        create_template_api,
        methods=["POST"],
        scope=_W,
        body=CREATE_BODY,
        status=201,
        tags=_TAGS,
    ),
    api_route("/email-templates/{id}", get_template_api, methods=["GET"], scope=_R, tags=_TAGS),
    api_route(
        "/email-templates/{id}",
        update_template_api,
        methods=["PUT"],
        scope=_W,
        body=UPDATE_BODY,
        tags=_TAGS,
    ),
    api_route(
        "/email-templates/{id}", delete_template_api, methods=["DELETE"], scope=_W, tags=_TAGS
    ),
]
