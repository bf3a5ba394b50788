"""Webhooks in the JSON API (SPEC §18): endpoints, their delivery log, resend, test."""

from __future__ import annotations

from app.services.integrations import deliveries, webhooks
from app.services.integrations.signing import VERIFY_JAVASCRIPT, VERIFY_PYTHON
from app.web import schema as S
from app.web.api import (
    api_route,
    json_response,
    list_params,
    list_response,
    no_content,
    read_json,
    updated_since_param,
)

_EDITABLE = {
    "url": S.text(max_length=2000, non_empty=True, description="http(s) URL of your receiver"),
    "description": S.text(max_length=200),
    "event_types": S.array(S.choice(webhooks.WEBHOOK_TYPES), min_items=1, max_items=200),
    "form_id": S.id_of("form", nullable=True),
    "active": S.boolean(),
}
CREATE_BODY = S.obj(_EDITABLE, required=["url", "event_types"])
UPDATE_BODY = S.obj(
    {
        **_EDITABLE,
        **S.read_only_keys("id", "created_at"),
        **S.read_only_keys(
            "status", "consecutive_failures", "last_delivery_at", "updated_at", computed=True
        ),
    }
)
TEST_BODY = S.obj({"form_id": S.id_of("form", nullable=True)})


async def create_webhook(request, principal):
    body = await read_json(request)
    endpoint = await webhooks.create_endpoint(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        body,
        role=principal.role,
        account_id=principal.account_id,
    )
    return json_response(endpoint, 201, headers={"Cache-Control": "no-store"})


create_webhook.__doc__ = f"""Create a webhook endpoint; the answer carries its `secret`, shown this once.

Each delivery is a POST of `{{id, type, created_at, workspace_id, data}}` (`data` holds the
event's ids and details, plus `submission` for events about one) with the headers
`FormAgent-Event` (the type), `FormAgent-Delivery` (a unique id: deduplicate on it; a resend
keeps it) and `FormAgent-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
Reject signatures older than 5 minutes. Answer 2xx within 10 s; anything else is retried after
about 1 min, 5 min, 30 min, 2 h, 6 h and 12 h. Answer 410 to disable the endpoint; after 20
failures in a row it is paused and the workspace's owners and admins are emailed. Redirects are
not followed; URLs that resolve to private, loopback or link-local addresses are refused.
`event_types` are the catalogue's types marked "webhooks" (see the events section); with
`form_id`, only that form's events are sent.

Verify a delivery in Python:

```python
{VERIFY_PYTHON}```

and in JavaScript (Node.js):

```javascript
{VERIFY_JAVASCRIPT}```
"""


async def list_webhooks(request, principal):
    """List the workspace's webhook endpoints, newest first (never their secrets)."""
    limit, cursor = list_params(request)
    items, next_cursor = await webhooks.list_endpoints(
        request.app.state.db,
        principal.workspace_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since_param(request),
    )
    return list_response(items, next_cursor)


async def get_webhook(request, principal):
    """One endpoint: `status` is active, inactive (switched off), paused (20 failures in a row)
    or disabled (the receiver answered 410)."""
    return json_response(
        await webhooks.get_endpoint(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


async def update_webhook(request, principal):
    """Change the URL, event types, form filter or description, or switch the endpoint on or off.
    Switching a paused or disabled endpoint back on resets its failure count."""
    db, endpoint_id = request.app.state.db, request.path_params["id"]
    current = await webhooks.get_endpoint(db, principal.workspace_id, endpoint_id)
    body = await read_json(request, current=current)
    return json_response(
        await webhooks.update_endpoint(
            db,
            request.app.state.settings,
            principal.workspace_id,
            endpoint_id,
            body,
            role=principal.role,
        )
    )


async def delete_webhook(request, principal):
    """Delete the endpoint and its delivery log; nothing more is sent to it. Answers 204."""
    await webhooks.delete_endpoint(
        request.app.state.db, principal.workspace_id, request.path_params["id"], role=principal.role
    )
    return no_content()


async def rotate_webhook_secret(request, principal):
    """Replace the endpoint's secret at once; the answer carries the new `secret`, shown this once."""
    endpoint = await webhooks.rotate_secret(
        request.app.state.db, principal.workspace_id, request.path_params["id"], role=principal.role
    )
    return json_response(endpoint, headers={"Cache-Control": "no-store"})


async def list_webhook_deliveries(request, principal):
    """The endpoint's delivery log, newest first: status (pending, delivered, failed), attempts,
    the latest attempt's HTTP status, duration and first KB of the answer, and the next retry."""
    limit, cursor = list_params(request)
    items, next_cursor = await deliveries.list_deliveries(
        request.app.state.db,
        principal.workspace_id,
        request.path_params["id"],
        limit=limit,
        cursor=cursor,
    )
    return list_response(items, next_cursor)


async def test_webhook(request, principal):
    """Send a sample `submission_received` now, made from a form's fields (`form_id`, else the
    endpoint's form, else the latest form), and answer the delivery with what the receiver said.
    The payload carries `"test": true`. Works on a switched-off endpoint; changes nothing else."""
    body = await read_json(request)
    delivery = await deliveries.send_test(
        request.app.state.db,
        request.app.state.settings,
        principal.workspace_id,
        request.path_params["id"],
        role=principal.role,
        form_id=body.get("form_id"),
    )
    return json_response(delivery)


async def get_webhook_delivery(request, principal):
    """One delivery of the log with the exact `payload` that was (or will be) sent."""
    return json_response(
        await deliveries.get_delivery(
            request.app.state.db, principal.workspace_id, request.path_params["id"]
        )
    )


async def resend_webhook_delivery(request, principal):
    """Send a delivery again (same `FormAgent-Delivery` id and body, a fresh signature); answers
    202 with the delivery, now pending. 409 while it is still pending or the endpoint is off."""
    delivery = await deliveries.resend(
        request.app.state.db, principal.workspace_id, request.path_params["id"], role=principal.role
    )
    return json_response(delivery, 202)


_R, _W, _TAGS = "webhooks:read", "webhooks:write", ["webhooks"]
routes = [
    api_route(
        "/webhooks",
        list_webhooks,
        methods=["GET"],
        scope=_R,
        tags=_TAGS,
        paged=True,
        updated_since=True,
    ),
    api_route(
        "/webhooks",
        create_webhook,
        methods=["POST"],
        scope=_W,
        body=CREATE_BODY,
        status=201,
        tags=_TAGS,
    ),
    api_route("/webhooks/{id}", get_webhook, methods=["GET"], scope=_R, tags=_TAGS),
    api_route(
        "/webhooks/{id}", update_webhook, methods=["PUT"], scope=_W, body=UPDATE_BODY, tags=_TAGS
    ),
    api_route("/webhooks/{id}", delete_webhook, methods=["DELETE"], scope=_W, tags=_TAGS),
    api_route(
        "/webhooks/{id}/deliveries",
        list_webhook_deliveries,
        methods=["GET"],
        scope=_R,
        tags=_TAGS,
        paged=True,
    ),
    api_route(
        "/webhooks/{id}/test",
        test_webhook,
        methods=["POST"],
        scope=_W,
        body=TEST_BODY,
        optional_body=True,
        tags=_TAGS,
    ),
    api_route(
        "/webhooks/{id}/rotate-secret",
        rotate_webhook_secret,
        methods=["POST"],
        scope=_W,
        body=False,
        tags=_TAGS,
    ),
    api_route(
        "/webhook-deliveries/{id}", get_webhook_delivery, methods=["GET"], scope=_R, tags=_TAGS
    ),
    api_route(
        "/webhook-deliveries/{id}/resend",
        resend_webhook_delivery,
        methods=["POST"],
        scope=_W,
        body=False,
        status=202,
        errors=(409,),
        tags=_TAGS,
    ),
]
