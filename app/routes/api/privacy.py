"""A person's data and the audit log in the JSON API (SPEC §19): export and erase a
contact, read the audit trail."""

from __future__ import annotations

from app.services import audit
from app.services.accounts.permissions import require_role
from app.services.accounts.workspaces import get_workspace, role_of
from app.services.audit.present import sentence
from app.services.privacy.erase import erase_contact as erase
from app.services.privacy.export import export_contact as export
from app.web import schema as S
from app.web.api import api_route, json_response, list_params, list_response, read_json

ERASE_BODY = S.obj(
    {
        "confirm_email": S.text(
            max_length=254,
            description="optional: the contact's email address, checked before erasing",
        )
    }
)


async def export_contact(request, principal):
    """Everything the workspace keeps about a contact, as one JSON document: `contact` (with
    touchpoints), `company`, `submissions`, `emails` (with their text), `notes`, `deals`,
    `events`, `consent_log` and `uploaded_files`. Each export is recorded in the audit log."""
    data = await export(request.app.state.db, principal.workspace_id, request.path_params["id"])
    headers = {
        "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="{request.path_params["id"]}.json"',
    }
    return json_response(data, headers=headers)


async def erase_contact(request, principal):
    """Erase a contact's personal data, irreversibly (owner or admin; 403 otherwise, also for
    an API key whose creator is neither). Their address, name, phone, what they typed and
    their IP are removed from the contact, its submissions (answers replaced by
    `[erased]`, rows kept so counts stay right), emails, notes, deals, work items, events,
    agent runs, notifications, webhook deliveries and logs. The address is kept only as a
    SHA-256 hash on the suppression list, so no email reaches it again. Emits
    `contact_erased` and records the erasure in the audit log. 409 when already erased."""
    body = await read_json(request)
    db = request.app.state.db
    return json_response(
        await erase(
            db,
            principal.workspace_id,
            request.path_params["id"],
            role=await _acting_role(db, principal),
            confirm_email=body.get("confirm_email"),
        )
    )


async def _acting_role(db, principal) -> str | None:
    """The role these owner/admin endpoints check. A key otherwise acts as a member at
    most; here it acts with its creator's current role (SPEC §3: the lesser of its scopes,
    which the route checked, and that role), so an admin's key may, a member's may not."""
    if principal.kind == "api_key":
        return await role_of(db, principal.workspace_id, principal.account_id)
    return principal.role


async def list_audit_log(request, principal):
    """The workspace's audit trail, newest first (owners and admins; keys need `audit:read`
    and a creator who is an owner or admin): who (`actor`), when, from which `ip`, what
    (`action`, `target_label`, `details`) and `sentence`, the entry in words. Filters:
    `category` (members, api_keys, webhooks, settings, personal_data), `actor` (an account
    id), `from` and `to` (days, YYYY-MM-DD, in the workspace's time zone)."""
    db, q = request.app.state.db, request.query_params
    role = await _acting_role(db, principal)
    require_role(role, "admin", "Only owners and admins read the audit log.")
    limit, cursor = list_params(request)
    workspace = await get_workspace(db, principal.workspace_id)
    items, next_cursor = await audit.list_entries(
        db,
        principal.workspace_id,
        category=q.get("category") or None,
        actor_id=q.get("actor") or None,
        date_from=q.get("from") or None,
        date_to=q.get("to") or None,
        tz=workspace["settings"].get("timezone") or "UTC",
        cursor=cursor,
        limit=limit,
    )
    return list_response([{**e, "sentence": sentence(e)} for e in items], next_cursor)


_TAGS = ["privacy"]
routes = [
    api_route(
        "/contacts/{id}/export",
        export_contact,
        methods=["GET"],
        scope="contacts:read",
        tags=_TAGS,
    ),
    api_route(
        "/contacts/{id}/erase",
        erase_contact,
        methods=["POST"],
        scope="contacts:write",
        body=ERASE_BODY,
        optional_body=True,
        errors=(409,),
        tags=_TAGS,
    ),
    api_route(
        "/audit-log",
        list_audit_log,
        methods=["GET"],
        scope="audit:read",
        paged=True,
        tags=_TAGS,
    ),
]
