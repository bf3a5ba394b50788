"""The OpenAPI document, generated from the registered routes (SPEC §12)."""

from __future__ import annotations

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


def _walk(routes, prefix=""):
    for route in routes:
        if isinstance(route, Mount):
            yield from _walk(route.routes or [], prefix + route.path)
        elif isinstance(route, Route | WebSocketRoute) and hasattr(route, "openapi"):
            yield prefix + route.path, route


def _summary(doc: str) -> tuple[str, str]:
    lines = [line.strip() for line in doc.strip().splitlines()]
    return (lines[0] if lines else ""), "\n".join(lines[1:]).strip()


def _tag(path: str) -> str:
    parts = [p for p in path.split("/") if p and p != "api" and not p.startswith("{")]
    return parts[0] if parts else "api"


def _operation(path: str, route, method: str) -> dict:
    meta = route.openapi
    summary, description = _summary(meta["doc"])
    op = {
        "summary": summary,
        "tags": meta.get("tags") or [_tag(path)],
        "operationId": f"{route.name}_{method}"
        if len(getattr(route, "methods", None) or ()) > 2
        else route.name,
        "responses": {
            "200": {"description": "OK"},
            "default": {
                "description": "Error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        },
    }
    if description:
        op["description"] = description
    params = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
        for n in re.findall(r"{(\w+)(?::\w+)?}", path)
    ]
    if params:
        op["parameters"] = params
    if meta["public"]:
        op["security"] = []
    elif meta.get("scope"):
        op["x-required-scope"] = meta["scope"]
        op["description"] = (
            op.get("description", "") + f"\n\nRequires scope `{meta['scope']}`."
        ).strip()
    if method in ("post", "put", "patch") and meta.get("body") is not False:
        schema = meta.get("body") or {"type": "object"}
        op["requestBody"] = {
            "required": bool(meta.get("body")),
            "content": {"application/json": {"schema": schema}},
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
            "description": "JSON in, JSON out. Lists answer {data, next_cursor}; errors answer {error: {code, message, fields}}.",
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
