"""Routing (SPEC §6.2): who gets a submission. Runs inside a write transaction,
so the round-robin position (``handler_groups.last_assigned_member_id``) is read
and advanced by one writer at a time: no two submissions get the same turn,
whatever the number of server processes."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db import find_in_workspace, loads, now_iso
from app.services.events.log import emit
from app.services.notifications import inbox

FINAL_STATUSES = ("processed", "failed")
STRATEGIES = ("principal", "round_robin", "least_loaded", "broadcast")


@dataclass
class Route:
    kind: str | None  # "handler" | "broadcast" | "unassigned" | None (form has no assignment)
    handler: dict | None = None
    group_id: str | None = None
    notify: list = field(default_factory=list)  # handler rows to tell about it
    reason: str = ""

    @property
    def handler_id(self) -> str | None:
        return self.handler["id"] if self.handler else None

    @property
    def is_agent(self) -> bool:
        return bool(self.handler and self.handler["type"] == "agent")


def _active_handler(conn, workspace_id: str, handler_id: str | None) -> dict | None:
    if not handler_id:
        return None
    return find_in_workspace(
        conn, "handlers", handler_id, workspace_id, where="active = 1 AND removed_at IS NULL"
    )


def active_members(conn, group_id: str) -> list[dict]:
    """Active members whose handler is active, in the group's order."""
    return conn.all(
        "SELECT m.id AS member_id, m.role, h.* FROM handler_group_members m JOIN handlers h ON h.id = m.handler_id"
        " WHERE m.group_id = ? AND m.active = 1 AND h.active = 1 AND h.removed_at IS NULL"
        " ORDER BY m.position, m.created_at, m.id",
        (group_id,),
    )


def open_load(conn, workspace_id: str, handler_id: str) -> int:
    """Open assignments of a handler: open tasks and tickets, and unfinished submissions."""
    return conn.value(
        "SELECT COUNT(*) FROM (SELECT submission_id FROM tasks WHERE workspace_id = ? AND assignee_id = ?"
        " AND status IN ('open', 'in_progress') UNION SELECT submission_id FROM tickets WHERE workspace_id = ?"
        " AND assignee_id = ? AND status IN ('open', 'pending') UNION SELECT id FROM submissions WHERE assigned_id = ?"
        " AND assigned_type = 'handler' AND status NOT IN ('processed', 'failed'))",
        (workspace_id, handler_id, workspace_id, handler_id, handler_id),
    )


def round_robin_next(conn, group: dict, members: list[dict]) -> dict:
    """The member after the last assigned one (wrapping), recorded as the new last."""
    ids = [m["member_id"] for m in members]
    last = group["last_assigned_member_id"]
    chosen = members[(ids.index(last) + 1) % len(members)] if last in ids else members[0]
    conn.execute(
        "UPDATE handler_groups SET last_assigned_member_id = ? WHERE id = ?",
        (chosen["member_id"], group["id"]),
    )
    return chosen


def least_loaded(conn, workspace_id: str, members: list[dict]) -> dict:
    loads_ = [(open_load(conn, workspace_id, m["id"]), i) for i, m in enumerate(members)]
    return members[min(loads_)[1]]


def _group_route(conn, workspace_id: str, group: dict) -> Route:
    members = active_members(conn, group["id"])
    strategy = group["routing_strategy"]
    fallback = _active_handler(
        conn, workspace_id, loads(group["settings"], {}).get("fallback_handler_id")
    )
    if strategy == "principal":
        principal = next((m for m in members if m["role"] == "principal"), None)
        if principal:
            return Route("handler", principal, group["id"], [principal], "principal")
        members = []  # an inactive principal hands over to the fallback, not to a member
    if not members:
        if fallback:
            return Route("handler", fallback, group["id"], [fallback], "fallback")
        return Route("unassigned", None, group["id"], [], "no active member and no fallback")
    if strategy == "broadcast":
        return Route("broadcast", None, group["id"], members, "broadcast")
    chosen = (
        least_loaded(conn, workspace_id, members)
        if strategy == "least_loaded"
        else round_robin_next(conn, group, members)
    )
    return Route("handler", chosen, group["id"], [chosen], strategy)


def resolve(conn, workspace_id: str, assignment: dict | None) -> Route:
    """Where a form's assignment points right now."""
    if not assignment:
        return Route(None, reason="the form has no assignment")
    if assignment["type"] == "handler":
        handler = _active_handler(conn, workspace_id, assignment["id"])
        if handler:
            return Route("handler", handler, None, [handler], "handler")
        return Route("unassigned", reason="the assigned handler is inactive or removed")
    group = find_in_workspace(conn, "handler_groups", assignment["id"], workspace_id)
    if group is None:
        return Route("unassigned", reason="the assigned group no longer exists")
    return _group_route(conn, workspace_id, group)


def _current(conn, workspace_id: str, submission: dict) -> Route | None:
    """A submission already routed keeps its route on reprocessing (no second turn taken)."""
    kind, target = submission["assigned_type"], submission["assigned_id"]
    if kind == "handler":
        handler = _active_handler(conn, workspace_id, target)
        return Route("handler", handler, None, [handler], "already assigned") if handler else None
    if kind == "broadcast":
        return Route("broadcast", None, target, active_members(conn, target), "already offered")
    return None


def _assigned_event(conn, workspace_id: str, submission: dict, route: Route) -> None:
    # route.reason names how the handler was chosen: the group's strategy, its
    # principal or fallback, or "handler" for a form assigned to one handler directly.
    handler = route.handler
    emit(
        conn,
        workspace_id,
        "handler_assigned",
        submission_id=submission["id"],
        form_id=submission["form_id"],
        handler_id=handler["id"],
        details={
            "handler_id": handler["id"],
            "handler_name": handler["name"],
            "handler_type": handler["type"],
            "strategy": "direct" if route.reason == "handler" else route.reason,
            "group_id": route.group_id,
        },
    )


def route_submission(conn, workspace_id: str, submission: dict, assignment: dict | None) -> Route:
    """Route (or keep the existing route of) a submission and store it on the row.
    A new assignment to a handler writes ``handler_assigned``; a kept one does not."""
    kept = _current(conn, workspace_id, submission)
    route = kept or resolve(conn, workspace_id, assignment)
    if kept is None and route.kind == "handler":
        _assigned_event(conn, workspace_id, submission, route)
        inbox.notify_assigned_tx(conn, workspace_id, submission["id"], route.handler_id)
    if route.kind is not None:
        target = (
            route.handler_id
            if route.kind == "handler"
            else (route.group_id if route.kind == "broadcast" else None)
        )
        conn.execute(
            "UPDATE submissions SET assigned_type = ?, assigned_id = ? WHERE id = ?",
            (route.kind, target, submission["id"]),
        )
    return route


def release_assignments(conn, workspace_id: str, handler_id: str) -> int:
    """A handler deactivated or removed: its open work goes back to the unassigned queue
    (history — actions, events, closed items — keeps its id)."""
    now = now_iso()
    open_subs = [
        r["submission_id"]
        for r in conn.all(
            "SELECT submission_id FROM tasks WHERE workspace_id = ? AND assignee_id = ? AND status IN ('open', 'in_progress')"
            " UNION SELECT submission_id FROM tickets WHERE workspace_id = ? AND assignee_id = ? AND status IN ('open', 'pending')",
            (workspace_id, handler_id, workspace_id, handler_id),
        )
        if r["submission_id"]
    ]
    conn.execute(
        "UPDATE tasks SET assignee_id = NULL, updated_at = ? WHERE workspace_id = ? AND assignee_id = ?"
        " AND status IN ('open', 'in_progress')",
        (now, workspace_id, handler_id),
    )
    conn.execute(
        "UPDATE tickets SET assignee_id = NULL, updated_at = ? WHERE workspace_id = ? AND assignee_id = ?"
        " AND status IN ('open', 'pending')",
        (now, workspace_id, handler_id),
    )
    cursor = conn.execute(
        "UPDATE submissions SET assigned_type = 'unassigned', assigned_id = NULL WHERE workspace_id = ?"
        " AND assigned_type = 'handler' AND assigned_id = ? AND (status NOT IN ('processed', 'failed')"
        f" OR id IN ({','.join('?' * len(open_subs)) or 'NULL'}))",
        (workspace_id, handler_id, *open_subs),
    )
    if cursor.rowcount:
        emit(
            conn,
            workspace_id,
            "assignments_released",
            handler_id=handler_id,
            details={"count": cursor.rowcount},
        )
    return cursor.rowcount
