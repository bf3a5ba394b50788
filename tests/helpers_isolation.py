"""The isolation harness (SPEC §3: another workspace's object answers 404, for
every route, HTML or JSON).

``seed_victim`` puts one row of every workspace table into a workspace with
plain SQL, so it does not depend on any domain service. ``route_cases`` lists
every registered route with path parameters and the victim's value for each
parameter. A new route whose parameter cannot be mapped fails the isolation test:
add the mapping here (PARAM_KEYS / COLLECTION_KEYS / LITERAL_PARAMS), or, if the
route is public by design (the form id is the boundary), declare it ``public=True``
where it is routed (app/web/routing.py) — the same declaration the middleware reads.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import re
import secrets
from urllib.parse import urlencode

from starlette.routing import Mount, Route

from app.db import dumps, new_id, now_iso
from app.db.schema import column_names, table_names

MARKER = (
    "bobmarker"  # written into the victim's rows: must never show up in another workspace's pages
)

# A parameter whose name says what it is.
PARAM_KEYS = {
    "form_id": "form",
    "submission_id": "submission",
    "contact_id": "contact",
    "company_id": "company",
    "deal_id": "deal",
    "handler_id": "handler",
    "group_id": "group",
    "task_id": "task",
    "ticket_id": "ticket",
    "draft_id": "draft",
    "workspace_id": "workspace",
    "key_id": "api_key",
    "kid": "api_key",
    "event_id": "event",
    "note_id": "note",
    "email_id": "email",
    "membership_id": "membership",
    "campaign_id": "campaign",
    "broadcast_id": "broadcast",
    "file_id": "file",
}
# A generic parameter ({id}, {mid}, ...): what the static segment before it names.
COLLECTION_KEYS = {
    "forms": "form",
    "f": "form",
    "submissions": "submission",
    "contacts": "contact",
    "companies": "company",
    "deals": "deal",
    "handlers": "handler",
    "handler-groups": "group",
    "groups": "group",
    "tasks": "task",
    "tickets": "ticket",
    "drafts": "draft",
    "workspaces": "workspace",
    "api-keys": "api_key",
    "events": "event",
    "notes": "note",
    "emails": "email",
    "outbox": "email",
    "email-templates": "email_template",
    "errors": "error",
    "activities": "activity",
    "agents": "handler",
    "imports": "contact_import",
    "import": "contact_import",
    "sequences": "sequence",
    "steps": "sequence_step",
    "enrollments": "enrollment",
    "campaigns": "campaign",
    "broadcasts": "broadcast",
    "experiments": "experiment",
    "webhooks": "webhook",
    "webhook-deliveries": "webhook_delivery",
}
# Parameters that are not ids but live under an id (the id decides the 404):
# (segment before, name) -> value, or a list of values (each is walked). When an
# {id} follows such a value, the value names the collection ("/work/{kind}/{id}").
LITERAL_PARAMS = {
    ("fields", "name"): "email",
    ("settings", "section"): "security",
    # A suggestion is recomputed from its form's numbers: the form id decides the 404.
    ("suggestions", "suggestion_id"): "sugg_0000000000000000",
    ("work", "kind"): ["task", "ticket"],
    # An invite link's token is its credential (SPEC §3): whoever holds it sees the
    # invite, and only the invited email accepts it (tests/test_invites.py). Here it
    # is walked with a token that opens nothing.
    ("invite", "token"): "no-such-invite-token",
    ("invites", "token"): "no-such-invite-token",
}


def normalize(path: str) -> str:
    return re.sub(r"{[^}]+}", "{}", path)


def is_public(route) -> bool:
    """Declared public where it is routed (page_route / api_route ``public=True``)."""
    return getattr(route, "public", False)


def walk_routes(routes, prefix: str = ""):
    """(full path, route) for every HTTP route, through Mounts (static files excluded)."""
    for route in routes:
        if isinstance(route, Mount):
            if route.path == "/static":
                continue
            yield from walk_routes(route.routes or [], prefix + route.path)
        elif isinstance(route, Route):
            yield prefix + route.path, route


def _key_for(segments: list[str], index: int, name: str, before: str) -> str | None:
    if name in PARAM_KEYS:
        return PARAM_KEYS[name]
    if before == "members":
        return (
            "group_member"
            if ("handler-groups" in segments or "groups" in segments)
            else "membership"
        )
    return COLLECTION_KEYS.get(
        before, before if before in ("task", "ticket", "form", "contact") else None
    )


def substitutions(full_path: str, ids: dict) -> tuple[list[str], str | None]:
    """Every concrete path with the victim's values, or ([], why it could not be mapped)."""
    segments = full_path.strip("/").split("/")
    paths = [[]]
    for index, segment in enumerate(segments):
        match = re.fullmatch(r"{(\w+)(?::\w+)?}(.*)", segment)
        if not match:
            paths = [p + [segment] for p in paths]
            continue
        name, suffix = match.group(1), match.group(2)
        grown = []
        for path in paths:
            before = path[-1] if path else ""
            raw_before = segments[index - 1] if index > 0 else ""
            literal = LITERAL_PARAMS.get((raw_before, name))
            if literal is not None:
                grown += [
                    path + [value + suffix]
                    for value in ([literal] if isinstance(literal, str) else literal)
                ]
                continue
            key = _key_for(segments, index, name, before)
            if key is None or key not in ids:
                return [], f"parameter {{{name}}} after '/{raw_before}'"
            grown.append(path + [ids[key] + suffix])
        paths = grown
    return ["/" + "/".join(p) for p in paths], None


def substitute(full_path: str, ids: dict) -> tuple[str | None, str | None]:
    """The first concrete path (see ``substitutions``)."""
    paths, problem = substitutions(full_path, ids)
    return (paths[0] if paths else None), problem


def route_cases(app, ids: dict):
    """(method, template path, concrete path or None, problem or None, exempt reason or None)."""
    for full_path, route in walk_routes(app.routes):
        if "{" not in full_path:
            continue
        for method in sorted(route.methods or ()):
            if method == "HEAD":
                continue
            exempt = "declared public=True" if is_public(route) else None
            concretes, problem = substitutions(full_path, ids)
            for concrete in concretes or [None]:
                yield method, full_path, concrete, problem, exempt


def list_routes(app):
    """GET routes without parameters: lists, dashboards, exports."""
    for full_path, route in walk_routes(app.routes):
        if "{" not in full_path and "GET" in (route.methods or ()):
            yield full_path


# -- the victim's data -----------------------------------------------------------
def _rows(ws: str, account_id: str) -> dict[str, dict]:
    """One row per workspace table (0002_domain.sql and later), all naming MARKER."""
    now = now_iso()
    ids = {
        k: new_id(p)
        for k, p in (
            ("form", "form"),
            ("company", "company"),
            ("contact", "contact"),
            ("handler", "hdl"),
            ("group", "group"),
            ("group_member", "gm"),
            ("submission", "sub"),
            ("touchpoint", "tp"),
            ("spam", "spam"),
            ("task", "task"),
            ("ticket", "ticket"),
            ("deal", "deal"),
            ("note", "note"),
            ("activity", "act"),
            ("draft", "draft"),
            ("error", "err"),
            ("notification", "ntf"),
            ("api_key", "key"),
            ("membership", "wm"),
            ("email", "email"),
            ("llm_call", "llm"),
            ("contact_import", "imp"),
            ("job", "job"),
            ("email_template", "tmpl"),
            ("sequence", "seq"),
            ("sequence_step", "step"),
            ("enrollment", "enroll"),
            ("campaign", "camp"),
            ("broadcast", "bcast"),
            ("experiment", "exp"),
            ("webhook", "wh"),
            ("webhook_delivery", "whdel"),
            ("partial", "part"),
            ("form_version", "fver"),
            ("consent", "consent"),
            ("opt_in", "optin"),
            ("file", "file"),
        )
    }
    email = f"{MARKER}@bob.example"
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "message", "type": "textarea", "label": "Message", "required": False},
    ]
    key = "fa_live_" + secrets.token_hex(16)
    rows = {
        "forms": dict(
            id=ids["form"],
            name=f"{MARKER} form",
            slug=f"{MARKER}-form",
            description=MARKER,
            status="active",
            fields=dumps(fields),
            created_at=now,
            updated_at=now,
        ),
        "companies": dict(
            id=ids["company"],
            name=f"{MARKER} Corp",
            name_normalized=f"{MARKER} corp",
            domain="bob.example",
            created_at=now,
        ),
        "contacts": dict(
            id=ids["contact"],
            email=email,
            email_lower=email,
            name=f"{MARKER} person",
            company_id=ids["company"],
            tags=dumps([MARKER]),
            first_seen=now,
            last_seen=now,
            submission_count=1,
            created_at=now,
            updated_at=now,
        ),
        "contact_tags": dict(contact_id=ids["contact"], tag=MARKER),
        "handlers": dict(
            id=ids["handler"],
            type="human",
            name=f"{MARKER} handler",
            email=email,
            account_id=account_id,
            created_at=now,
        ),
        "handler_groups": dict(id=ids["group"], name=f"{MARKER} group", created_at=now),
        "handler_group_members": dict(
            id=ids["group_member"], group_id=ids["group"], handler_id=ids["handler"], created_at=now
        ),
        "submissions": dict(
            id=ids["submission"],
            form_id=ids["form"],
            flow_id="direct_route",
            data=dumps({"email": email, "message": MARKER}),
            email_lower=email,
            contact_id=ids["contact"],
            company_id=ids["company"],
            status="needs_human_review",
            assigned_type="handler",
            assigned_id=ids["handler"],
            created_at=now,
        ),
        "touchpoints": dict(
            id=ids["touchpoint"],
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            form_id=ids["form"],
            utm_source=MARKER,
            created_at=now,
        ),
        "partial_submissions": dict(
            id=ids["partial"],
            form_id=ids["form"],
            token_hash=secrets.token_hex(32),
            email=email,
            name=MARKER,
            data=dumps({"email": email, "message": MARKER}),
            abandon_at=now,
            created_at=now,
            updated_at=now,
        ),
        "form_versions": dict(
            id=ids["form_version"],
            form_id=ids["form"],
            version=1,
            fields=dumps([{**fields[0], "label": f"{MARKER} Email"}]),
            created_at=now,
        ),
        "spam_log": dict(
            id=ids["spam"], form_id=ids["form"], reason="honeypot", email=email, created_at=now
        ),
        "spam_weights": dict(form_id=ids["form"], signal="links", weight=12.0, updated_at=now),
        "spam_tuning_log": dict(
            id=f"tune_{ids['form']}",
            form_id=ids["form"],
            submission_id=ids["submission"],
            signal="links",
            old_weight=15.0,
            new_weight=12.0,
            cause="released",
            actor=f"{MARKER} actor",
            created_at=now,
        ),
        "tasks": dict(
            id=ids["task"],
            title=f"{MARKER} task",
            assignee_id=ids["handler"],
            submission_id=ids["submission"],
            contact_id=ids["contact"],
            created_at=now,
            updated_at=now,
        ),
        "tickets": dict(
            id=ids["ticket"],
            reference="T-1",
            title=f"{MARKER} ticket",
            assignee_id=ids["handler"],
            contact_id=ids["contact"],
            created_at=now,
            updated_at=now,
        ),
        "deals": dict(
            id=ids["deal"],
            name=f"{MARKER} deal",
            amount=1000,
            contact_id=ids["contact"],
            company_id=ids["company"],
            source_submission_id=ids["submission"],
            created_at=now,
            updated_at=now,
        ),
        "deal_activities": dict(
            id=new_id("dealact"),
            deal_id=ids["deal"],
            kind="note",
            actor_name=MARKER,
            body=f"{MARKER} deal note",
            created_at=now,
        ),
        "notes": dict(
            id=ids["note"],
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            author=MARKER,
            body=f"{MARKER} note",
            created_at=now,
        ),
        "activities": dict(
            id=ids["activity"],
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            kind="note",
            summary=f"{MARKER} activity",
            created_at=now,
        ),
        "drafts": dict(
            id=ids["draft"],
            submission_id=ids["submission"],
            handler_id=ids["handler"],
            reasoning=MARKER,
            planned_actions=dumps(
                [{"index": 0, "action": "escalate", "details": {"reason": MARKER}}]
            ),
            created_at=now,
        ),
        "action_runs": dict(
            submission_id=ids["submission"],
            action_index=0,
            action="add_note",
            status="done",
            created_at=now,
        ),
        "agent_runs": dict(
            submission_id=ids["submission"],
            handler_id=ids["handler"],
            status="done",
            plan=dumps({"notes": MARKER}),
            created_at=now,
            updated_at=now,
        ),
        "errors": dict(
            id=ids["error"],
            submission_id=ids["submission"],
            kind="agent",
            message=f"{MARKER} error",
            created_at=now,
        ),
        "form_daily_stats": dict(form_id=ids["form"], day=now[:10], views=3, starts=2),
        "onboarding": dict(embed_copied_at=now, dismissed_by=MARKER),
        # the rollups the capture pipeline counts into (the rows above go in straight)
        "analytics_daily": dict(
            day=now[:10], form_id=ids["form"], source=MARKER, submissions=1, matched=1
        ),
        "analytics_totals_daily": dict(day=now[:10], contacts=1, spam=1),
        "suggestion_dismissals": dict(
            form_id=ids["form"], fingerprint=MARKER, metric=0.5, sample=40, created_at=now
        ),
        "llm_calls": dict(
            id=ids["llm_call"], purpose=MARKER, engine="local", status="ok", created_at=now
        ),
        "contact_imports": dict(
            id=ids["contact_import"],
            filename=f"{MARKER}.csv",
            content=f"email\n{email}\n",
            created_at=now,
        ),
        "api_keys": dict(
            id=ids["api_key"],
            account_id=account_id,
            name=f"{MARKER} key",
            prefix=key[:12],
            key_hash=hashlib.sha256(key.encode()).hexdigest(),
            scopes=dumps(["forms:read"]),
            created_at=now,
        ),
        "memberships": dict(
            id=ids["membership"],
            email=f"{MARKER}-invitee@bob.example",
            email_lower=f"{MARKER}-invitee@bob.example",
            role="member",
            status="pending",
            invited_by=account_id,
            invited_at=now,
            expires_at="2999-01-01T00:00:00.000Z",
            created_at=now,
        ),
        "emails": dict(
            id=ids["email"],
            to_addr=email,
            subject=f"{MARKER} subject",
            body_text=MARKER,
            status="queued",
            dedupe_key=f"{ids['email']}:seed",
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            created_at=now,
        ),
        "email_templates": dict(
            id=ids["email_template"],
            name=f"{MARKER} template",
            subject=f"{MARKER} subject",
            body_text=MARKER,
            created_at=now,
            updated_at=now,
        ),
        "email_suppressions": dict(email_lower=email, reason="unsubscribed", created_at=now),
        "jobs": dict(
            id=ids["job"], kind="noop", status="done", run_at=now, created_at=now, updated_at=now
        ),
        "sequences": dict(
            id=ids["sequence"],
            name=f"{MARKER} sequence",
            description=MARKER,
            stop_conditions=dumps(["manual_stop"]),
            created_at=now,
            updated_at=now,
        ),
        "sequence_steps": dict(
            id=ids["sequence_step"],
            sequence_id=ids["sequence"],
            position=1,
            subject=f"{MARKER} step",
            body=MARKER,
            created_at=now,
            updated_at=now,
        ),
        "enrollments": dict(
            id=ids["enrollment"],
            sequence_id=ids["sequence"],
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            status="active",
            enrolled_at=now,
            next_step_due_at="2999-01-01T00:00:00.000Z",
            history=dumps([{"at": now, "event": "enrolled", "by": MARKER}]),
            updated_at=now,
        ),
        "campaigns": dict(
            id=ids["campaign"],
            name=f"{MARKER} campaign",
            description=MARKER,
            contact_tags=dumps([MARKER]),
            created_at=now,
            updated_at=now,
        ),
        "campaign_forms": dict(campaign_id=ids["campaign"], form_id=ids["form"]),
        "campaign_contacts": dict(
            campaign_id=ids["campaign"], contact_id=ids["contact"], source="manual", added_at=now
        ),
        "broadcasts": dict(
            id=ids["broadcast"],
            campaign_id=ids["campaign"],
            audience=f"campaign:{ids['campaign']}",
            subject=f"{MARKER} subject",
            body=MARKER,
            status="done",
            total=1,
            created_at=now,
        ),
        "notifications": dict(
            id=ids["notification"],
            account_id=account_id,
            kind="mention",
            text=f"{MARKER} mentioned you",
            entity_id=ids["contact"],
            dedupe_key=MARKER,
            created_at=now,
        ),
        "experiments": dict(
            id=ids["experiment"],
            form_id=ids["form"],
            name=f"{MARKER} experiment",
            status="active",
            variants=dumps(
                [
                    {"id": "var_control", "label": "Control", "weight": 1, "overrides": None},
                    {"id": "var_b", "label": MARKER, "weight": 1, "overrides": None},
                ]
            ),
            created_at=now,
            updated_at=now,
        ),
        "webhook_endpoints": dict(
            id=ids["webhook"],
            url="https://bob.example/hook",
            description=MARKER,
            event_types=dumps(["contact_created"]),
            secret="whsec_" + MARKER,
            created_at=now,
            updated_at=now,
        ),
        "webhook_deliveries": dict(
            id=ids["webhook_delivery"],
            endpoint_id=ids["webhook"],
            event_type="contact_created",
            body=dumps({"marker": MARKER}),
            status="failed",
            created_at=now,
            updated_at=now,
        ),
        "consents": dict(
            id=ids["consent"],
            contact_id=ids["contact"],
            action="granted",
            source="form",
            consent_text=f"{MARKER} consent",
            form_id=ids["form"],
            submission_id=ids["submission"],
            ip="203.0.113.9",
            created_at=now,
        ),
        "opt_in_requests": dict(
            id=ids["opt_in"],
            contact_id=ids["contact"],
            submission_id=ids["submission"],
            form_id=ids["form"],
            created_at=now,
            expires_at="2999-01-01T00:00:00.000Z",
        ),
        "uploads": dict(
            id=ids["file"],
            form_id=ids["form"],
            field_name="attachment",
            token=secrets.token_urlsafe(24),
            name=f"{MARKER}.pdf",
            size=10,
            content_type="application/pdf",
            sha256="0" * 64,
            submission_id=ids["submission"],
            created_at=now,
            attached_at=now,
        ),
        "upload_orphans": dict(sha256="1" * 64, created_at=now),
        "idempotency_keys": dict(
            idem_key=MARKER,
            request_hash="0" * 64,
            state="done",
            response_status=201,
            response_body=dumps({"marker": MARKER}),
            created_at=now,
            expires_at="9999-01-01T00:00:00.000Z",
        ),
        "member_notifications": dict(
            membership_id=ids["membership"], mode="digest", updated_at=now
        ),
        "slack_targets": dict(
            handler_id="", url="https://hooks.slack.example/" + MARKER, updated_at=now
        ),
        "audit_log": dict(
            id=new_id("audit"),
            action="member.invited",
            category="members",
            actor_account_id=account_id,
            actor_name=MARKER,
            ip="203.0.113.9",
            target_id=ids["membership"],
            target_label=MARKER,
            details=dumps({"role": "member"}),
            created_at=now,
        ),
        "retention_progress": dict(
            kind="submissions", upto_created_at=now, upto_id=ids["submission"], updated_at=now
        ),
    }
    return ids, rows


def _insert_all(conn, ws: str, rows: dict[str, dict]) -> list[str]:
    """Insert what the schema has; returns the schema's tables."""
    tables = table_names(conn)
    for table, row in rows.items():
        if table not in tables:
            continue  # a later migration's table that is not there (yet)
        columns = set(column_names(conn, table))
        values = {k: v for k, v in {**row, "workspace_id": ws}.items() if k in columns}
        conn.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            list(values.values()),
        )
    return tables


def _empty_tables(conn, ws: str, tables: list[str]) -> list[str]:
    """Workspace tables with no row of ``ws`` (trigger-filled tables count as filled)."""
    empty = []
    for table in tables:
        columns = set(column_names(conn, table))
        if "workspace_id" in columns and not conn.value(
            f"SELECT COUNT(*) FROM {table} WHERE workspace_id = ?", (ws,)
        ):
            empty.append(table)
    return empty


async def seed_victim(app, victim) -> dict:
    """Fill ``victim``'s workspace with one row of every table; returns the ids
    (plus 'workspace', 'event', 'unseeded' = workspace tables this file does not know)."""
    from app.services.events.log import emit

    ws = victim.workspace_id
    ids, rows = _rows(ws, victim.account_id)

    def write(conn):
        from app.services.crm.search_index import reindex_contacts_tx

        tables = _insert_all(conn, ws, rows)
        reindex_contacts_tx(conn, ws, [ids["contact"]])  # contact_search_docs and _terms
        event_id = emit(
            conn,
            ws,
            "note_added",
            submission_id=ids["submission"],
            form_id=ids["form"],
            handler_id=ids["handler"],
            details={"note": MARKER},
        )
        unseeded = _empty_tables(conn, ws, tables)
        owner = conn.value(
            "SELECT id FROM memberships WHERE workspace_id = ? AND account_id = ?",
            (ws, victim.account_id),
        )
        return event_id, owner, unseeded

    event_id, owner_membership, unseeded = await app.state.db.write(write)
    return {
        **ids,
        "workspace": ws,
        "event": event_id,
        "owner_membership": owner_membership,
        "unseeded": unseeded,
    }


async def snapshot(app, ws: str) -> dict:
    """Every row of the workspace, table by table: to prove a refused request changed nothing."""

    def read(conn):
        out = {}
        for table in table_names(conn):
            columns = set(column_names(conn, table))
            if "workspace_id" in columns and table not in ("sessions", "jobs", "events"):
                out[table] = conn.all(
                    f"SELECT * FROM {table} WHERE workspace_id = ? ORDER BY 1", (ws,)
                )
        out["workspaces"] = conn.all("SELECT * FROM workspaces WHERE id = ?", (ws,))
        return out

    return await app.state.db.read(read)


def owner_module(route) -> str:
    """The module that defines a route's endpoint (api_route wraps it in a closure)."""
    endpoint = route.endpoint
    for cell in getattr(endpoint, "__closure__", None) or ():
        value = cell.cell_contents
        if callable(value) and getattr(value, "__module__", "").startswith("app.routes"):
            return value.__module__
    return getattr(endpoint, "__module__", "?")


def fake_ids(ids: dict) -> dict:
    """Ids of the same shape that exist nowhere: what an unknown id answers."""
    return {
        k: (v.split("_")[0] + "_" + "0" * 16 if isinstance(v, str) and "_" in v else v)
        for k, v in ids.items()
    }


async def peek(
    app,
    path: str,
    *,
    params: dict | None = None,
    headers: dict | None = None,
    seconds: float = 1.0,
    until: str | None = None,
) -> tuple[int | None, str]:
    """GET a streaming endpoint straight through ASGI: the status and whatever it
    sent in ``seconds`` (or until ``until`` shows up), then a client disconnect
    (httpx's ASGITransport would wait for a stream to end)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": urlencode(params or {}).encode(),
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50000),
        "headers": [
            (b"host", b"testserver"),
            *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
        ],
    }
    gone, seen = asyncio.Event(), asyncio.Event()
    state = {"status": None, "body": b"", "asked": False}

    async def receive():
        if not state["asked"]:
            state["asked"] = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            state["status"] = message["status"]
        elif message["type"] == "http.response.body":
            state["body"] += message.get("body", b"")
            if until and until.encode() in state["body"]:
                seen.set()

    await _run_until(app(scope, receive, send), seen, gone, seconds)
    return state["status"], state["body"].decode("utf-8", "replace")


async def _run_until(app_call, seen: asyncio.Event, gone: asyncio.Event, seconds: float) -> None:
    """Run an ASGI call for ``seconds`` or until ``seen``; then the client leaves."""
    task = asyncio.create_task(app_call)
    waiter = asyncio.create_task(seen.wait())
    await asyncio.wait([task, waiter], timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    gone.set()
    await asyncio.wait([task], timeout=2)
    if not task.done():
        task.cancel()
    await asyncio.gather(task, waiter, return_exceptions=True)


def websocket_paths(app) -> list[str]:
    from starlette.routing import WebSocketRoute

    def walk(routes, prefix=""):
        for route in routes:
            if isinstance(route, Mount):
                yield from walk(route.routes or [], prefix + route.path)
            elif isinstance(route, WebSocketRoute):
                yield prefix + route.path

    return list(walk(app.routes))


async def ws_peek(
    app,
    path: str,
    *,
    params: dict | None = None,
    headers: dict | None = None,
    seconds: float = 1.0,
    until: str | None = None,
) -> tuple[bool, str]:
    """Open a WebSocket straight through ASGI for ``seconds`` (or until ``until``
    arrives): (accepted, all text received)."""
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "scheme": "ws",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": urlencode(params or {}).encode(),
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50001),
        "subprotocols": [],
        "headers": [
            (b"host", b"testserver"),
            *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
        ],
    }
    gone, seen = asyncio.Event(), asyncio.Event()
    state = {"connected": False, "accepted": False, "text": ""}

    async def receive():
        if not state["connected"]:
            state["connected"] = True
            return {"type": "websocket.connect"}
        await gone.wait()
        return {"type": "websocket.disconnect", "code": 1000}

    async def send(message):
        if message["type"] == "websocket.accept":
            state["accepted"] = True
        elif message["type"] == "websocket.send":
            state["text"] += message.get("text") or (message.get("bytes") or b"").decode(
                "utf-8", "replace"
            )
            if until and until in state["text"]:
                seen.set()
        elif message["type"] == "websocket.close":
            gone.set()

    await _run_until(app(scope, receive, send), seen, gone, seconds)
    return state["accepted"], state["text"]


_controls = itertools.count()
LISTEN_TIMEOUT = 10.0  # generous: two shared cores; a passing run waits only for the events


async def fire_while_listening(app, workspace_id: str, open_peek, foreign, own: dict):
    """Prove a leak probe on a stream checked something (CONVENTIONS 18).

    ``open_peek(until)`` starts a peek at one of ``workspace_id``'s streams. Once the
    hub provably holds its subscription, ``foreign(conn)`` writes another
    workspace's event, then the listener's own event is written (matching its
    filters through ``own``: form_id, submission_id, handler_id) with a note
    nobody wrote before. Events reach a subscriber in log order, so when that note
    arrives, the foreign event had its chance to leak first. Returns
    (subscribed, the note, the peek's result)."""
    from app.services.events import live
    from app.services.events.log import emit

    db = app.state.db
    deadline = asyncio.get_running_loop().time() + LISTEN_TIMEOUT
    while live.subscriber_count(db, workspace_id):  # the previous peek's stream is still closing
        assert asyncio.get_running_loop().time() < deadline, "an earlier stream never closed"
        await asyncio.sleep(0.01)
    note = f"own-control-{next(_controls)}-{secrets.token_hex(4)}"
    peeking = asyncio.create_task(open_peek(note))
    while not (subscribed := live.subscriber_count(db, workspace_id) > 0) and not peeking.done():
        if asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.01)
    if subscribed:
        await db.write(foreign)
        control = await db.write(
            lambda conn: emit(conn, workspace_id, "note_added", details={"note": note}, **own)
        )
    result = await peeking
    if subscribed and own:  # it carries the other workspace's ids: keep later replays clean
        await db.execute("DELETE FROM events WHERE id = ?", (control,))
    return subscribed, note, result
