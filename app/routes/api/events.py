"""GET /api/events: the event log as JSON (SPEC §12)."""

from __future__ import annotations

from app.services.events import catalogue
from app.services.events import queries as event_queries
from app.web.api import api_route, list_params, list_response


async def list_events(request, principal):
    """List the workspace's events, newest first.

    Filters: `type` (repeat it or separate with commas), `form`, `submission`, `handler`.
    With `after=<event id>` the list runs oldest first from just after that event, so an
    integration can catch up in order and keep following with `next_cursor`.
    Each event: id, type, submission_id, form_id, handler_id, details, created_at.
    The types, from the event catalogue, follow."""
    limit, cursor = list_params(request)
    params = request.query_params
    filters = event_queries.parse_filters(params)
    after = event_queries.parse_after_id(params.get("after"))
    rows, next_cursor = await event_queries.list_events(
        request.app.state.db,
        principal.workspace_id,
        filters=filters,
        after=after,
        cursor=cursor,
        limit=limit,
    )
    return list_response([event_queries.public_event(r) for r in rows], next_cursor)


# The docstring is the API documentation: the catalogue completes it, so the
# list of types in the docs is never a second copy to keep in step.
list_events.__doc__ += "\n\n" + catalogue.types_markdown()

routes = [
    api_route(
        "/events",
        list_events,
        methods=["GET"],
        scope="events:read",
        name="api_list_events",
        paged=True,
    )
]
