"""The live event stream's URL, shared by the pages that show a live list
(the dashboard and /live) so both resume the stream the same way."""

from __future__ import annotations

from urllib.parse import urlencode

from app.services.events.queries import EventFilters
from app.web.render import url_path


def stream_url(request, filters: EventFilters, latest: list[dict]) -> str:
    """The SSE URL for a list that already shows ``latest`` (newest first)."""
    items = filters.query_items()
    items.append(("after", latest[0]["id"]) if latest else ("since", "start"))
    return url_path(request, "event_stream") + "?" + urlencode(items)
