"""What the public hosted form page shows of its workspace: name, logo, initials.

The hosted page is on the capture hot path, so the brand is cached per workspace for a
short time (a renamed workspace or a new logo shows within BRAND_SECONDS)."""

from __future__ import annotations

import time

from app.db import loads

BRAND_SECONDS = 30.0
_CACHE: dict[str, tuple[float, dict]] = {}
_CACHE_MAX = 5000


def initials(name: str) -> str:
    """ "Acme Marketing" -> "AM"; one word -> its first two letters."""
    words = [w for w in name.split() if w[:1].isalnum()]
    if len(words) >= 2:
        return (words[0][0] + words[1][0]).upper()
    return (words[0][:2] if words else "?").upper()


def _fetch(conn, workspace_id: str) -> dict | None:
    row = conn.execute(
        "SELECT name, settings FROM workspaces WHERE id = ?", (workspace_id,)
    ).fetchone()
    if row is None:
        return None
    logo = str(loads(row["settings"], {}).get("logo_url") or "")
    return {"name": row["name"], "logo_url": logo, "initials": initials(row["name"])}


async def hosted_brand(db, workspace_id: str) -> dict | None:
    """{"name", "logo_url", "initials"} for the hosted page header."""
    now = time.monotonic()
    cached = _CACHE.get(workspace_id)
    if cached is not None and now - cached[0] < BRAND_SECONDS:
        return cached[1]
    brand = await db.read(_fetch, workspace_id)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[workspace_id] = (now, brand)
    return brand


def forget(workspace_id: str) -> None:
    """Drop the cached brand (after a settings change made in this process)."""
    _CACHE.pop(workspace_id, None)
