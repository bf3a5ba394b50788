"""The audit log (SPEC §19): an append-only record of who changed the workspace's
members, roles, API keys, webhooks and settings, and who exported or erased a
person's data, with when and from which IP.

``log`` writes and reads the rows (inside the caller's transaction, so a change
and its record commit together); ``present`` turns them into sentences."""

from app.services.audit.log import (
    ACTIONS,
    CATEGORIES,
    Actor,
    act_as,
    current_actor,
    list_actors,
    list_entries,
    record_tx,
)

__all__ = [
    "ACTIONS",
    "CATEGORIES",
    "Actor",
    "act_as",
    "current_actor",
    "list_actors",
    "list_entries",
    "record_tx",
]
