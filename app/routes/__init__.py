"""Route modules, one per domain. Each exports ``routes``; order matters only
where paths overlap (static paths before ``{id}`` ones, inside each module)."""

from __future__ import annotations

import importlib

PAGE_MODULES = [
    "system",
    "auth",
    "settings",
    "settings_members",
    "settings_keys",
    "dashboard",
    "forms",
    "form_editor",
    "public",
    "capture",
    "submissions",
    "handlers",
    "work",
    "contacts_import",  # before contacts: /contacts/import/... ahead of /contacts/{id}/...
    "contacts",
    "companies",
    "deals",
    "drafts",
    "agents",
    "live",
]
# The public hot paths (submission, schema, beacon) come first: Starlette tries
# routes in order, and every pattern tried costs on each visitor's request.
API_MODULES = [
    "capture",
    "public",
    "docs",
    "auth",
    "workspaces",
    "api_keys",
    "forms",
    "submissions",
    "handlers",
    "tasks",
    "contacts",
    "deals",
    "exports",
    "drafts",
    "events",
]


def _collect(package: str, names: list[str]) -> list:
    routes = []
    for name in names:
        try:
            module = importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{name}":
                raise
            continue  # a domain not built yet
        routes.extend(module.routes)
    return routes


def page_routes() -> list:
    return _collect("app.routes", PAGE_MODULES)


def api_routes() -> list:
    return _collect("app.routes.api", API_MODULES)
