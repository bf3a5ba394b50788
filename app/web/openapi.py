"""The OpenAPI document, generated from the registered routes (SPEC §12)."""

from __future__ import annotations

import inspect
import re

from starlette.routing import Mount, Route, WebSocketRoute

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
            "required": ["code", "message"],
        }
    },
}


STATUS_TEXT = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    204: "No content",
    400: "Malformed: the body is not JSON (or too deep), or the cursor is not one we gave",
    401: "Not signed in, or the key or token is not valid",
    403: "Not allowed: your role, the key's scopes, or a person's session is needed",
    404: "Not found (another workspace's id is not found either)",
    409: "Conflicts with the current state",
    410: "Gone: paused, archived or expired",
    413: "The body is over its size limit",
    415: "The body is not application/json",
    422: "A value needs fixing: `error.fields` names each field",
    429: "Too many requests: retry after `Retry-After` seconds",
    502: "The AI model failed",
    503: "The AI model is unavailable",
}
BODY_ERRORS = (400, 413, 415, 422)
PAGE_PARAMS = [
    {
        "name": "limit",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
    },
    {
        "name": "cursor",
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": "`next_cursor` of the previous page",
    },
]

UPDATED_SINCE_PARAM = {
    "name": "updated_since",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "format": "date-time"},
    "description": "Only items changed at or after this ISO 8601 moment (for polling integrations)",
}
IDEMPOTENCY_PARAM = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Kept 24 h per workspace: the same key and body replay the first answer"
    " (header `Idempotent-Replayed: true`); the same key with another body is a 422; while the"
    " first request runs, a duplicate gets 409",
}


def _walk(routes, prefix=""):
    for route in routes:
        if isinstance(route, Mount):
            yield from _walk(route.routes or [], prefix + route.path)
        elif isinstance(route, Route | WebSocketRoute) and hasattr(route, "openapi"):
            yield prefix + route.path, route


def _summary(doc: str) -> tuple[str, str]:
    lines = inspect.cleandoc(doc).splitlines()  # dedented: code blocks keep their indentation
    return (lines[0].strip() if lines else ""), "\n".join(lines[1:]).strip()


def _tag(path: str) -> str:
    parts = [p for p in path.split("/") if p and p != "api" and not p.startswith("{")]
    return parts[0] if parts else "api"


def _has_body(meta: dict, method: str) -> bool:
    return method in ("post", "put", "patch") and meta.get("body") is not False


def statuses(path: str, meta: dict, method: str) -> list[int]:
    """Every status the operation can answer, derived from its declaration: the
    body (400/413/415/422), auth (401/403), path ids (404), paging (400/422), plus
    the errors the endpoint's own rules declare."""
    found = {meta.get("status", 200), *meta.get("errors", ())}
    if _has_body(meta, method):
        found.update(BODY_ERRORS)
    if not meta["public"]:
        found.update((401, 403))
    if "{" in path:
        found.add(404)
    if meta.get("paged"):
        found.update((400, 422))
    if meta.get("idempotent") and method == "post":
        found.update((409, 422))  # Idempotency-Key still in progress / reused for another request
    if meta.get("updated_since"):
        found.add(422)
    return sorted(found)


def _responses(path: str, meta: dict, method: str) -> dict:
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    responses = {}
    for status in statuses(path, meta, method):
        answer = {"description": STATUS_TEXT.get(status, "See the description")}
        if status >= 400:
            answer["content"] = error
        if status == 429:
            answer["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
        responses[str(status)] = answer
    responses["default"] = {"description": "Unexpected error", "content": error}
    return responses


def _operation(path: str, route, method: str) -> dict:
    meta = route.openapi
    summary, description = _summary(meta["doc"])
    op = {
        "summary": summary,
        "tags": meta.get("tags") or [_tag(path)],
        "operationId": f"{route.name}_{method}"
        if len(getattr(route, "methods", None) or ()) > 2
        else route.name,
        "responses": _responses(path, meta, method),
    }
    if description:
        op["description"] = description
    params = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
        for n in re.findall(r"{(\w+)(?::\w+)?}", path)
    ]
    if meta.get("paged"):
        params += PAGE_PARAMS
    if meta.get("updated_since"):
        params.append(UPDATED_SINCE_PARAM)
    if meta.get("idempotent") and method == "post":
        params.append(IDEMPOTENCY_PARAM)
    if params:
        op["parameters"] = params
    if meta["public"]:
        op["security"] = []
    elif meta.get("scope"):
        op["x-required-scope"] = meta["scope"]
        op["description"] = (
            op.get("description", "") + f"\n\nRequires scope `{meta['scope']}`."
        ).strip()
    if _has_body(meta, method):
        schema = meta.get("body") or {"type": "object"}
        op["requestBody"] = {
            "required": not meta.get("optional_body"),
            "content": {meta.get("content_type", "application/json"): {"schema": schema}},
        }
    return op


def _unique_operation_ids(paths: dict) -> None:
    """Two modules may name their endpoints alike (remove_member): clients
    generated from the document need every operationId once."""
    seen: dict[str, int] = {}
    for ops in paths.values():
        for op in ops.values():
            seen[op["operationId"]] = seen.get(op["operationId"], 0) + 1
    taken = {k for k, n in seen.items() if n == 1}
    for ops in paths.values():
        for op in ops.values():
            if seen[op["operationId"]] > 1:
                base = candidate = f"{op['tags'][0]}_{op['operationId']}".replace("-", "_")
                n = 2
                while candidate in taken:
                    candidate, n = f"{base}_{n}", n + 1
                op["operationId"] = candidate
                taken.add(candidate)


def build_openapi(app) -> dict:
    paths: dict = {}
    for full_path, route in _walk(app.routes):
        clean = re.sub(r"{(\w+):\w+}", r"{\1}", full_path)
        if isinstance(route, WebSocketRoute):
            paths.setdefault(clean, {})["get"] = {
                **_operation(clean, route, "get"),
                "description": route.openapi["doc"] + "\n\nWebSocket: upgrade this GET.",
            }
            continue
        for method in sorted(route.methods or ()):
            if method in ("HEAD",):
                continue
            paths.setdefault(clean, {})[method.lower()] = _operation(clean, route, method.lower())
    _unique_operation_ids(paths)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "FormAgent API",
            "version": "1.0.0",
            "description": "JSON in, JSON out. Lists answer {data, next_cursor}; errors answer "
            "{error: {code, message, fields}}. A PUT takes the resource as its GET returns it: "
            "read-only keys sent back unchanged are ignored, a changed one is a 422 naming it. "
            "A method a path does not take answers 405 with `Allow` listing the ones it does. "
            "Send `Idempotency-Key: <uuid>` with a POST to make retrying it safe (kept 24 h per "
            "workspace); poll lists with `?updated_since=<ISO 8601>`; or receive signed webhooks "
            "(see the webhooks section).",
        },
        "servers": [{"url": app.state.settings.base_url}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": {"Error": ERROR_SCHEMA},
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key (fa_live_…) or a session token from /api/auth/login.",
                },
                "cookie": {"type": "apiKey", "in": "cookie", "name": "fa_session"},
            },
        },
        "security": [{"bearer": []}, {"cookie": []}],
    }
