"""The route registry: route modules, one per domain, collected by name (no
route module imports another, so sub-areas such as contacts_import are listed
here). Each exports ``routes``; order matters where paths overlap: static paths
before ``{id}`` ones, inside each module and across modules of one area."""

from __future__ import annotations

import importlib

PAGE_MODULES = [
    "system",
    "auth",
    "invites",
    "settings",
    "settings_members",
    "settings_keys",
    "settings_webhooks",
    "settings_notifications",
    "dashboard",
    "onboarding",
    "forms",
    "form_editor",
    "form_look",
    "suggestions",
    "public",
    "capture",
    "partials",
    "submissions_bulk",  # before submissions: POST /submissions/bulk ahead of /submissions/{id}
    "submissions",
    "files",
    "handlers",
    "work",
    "contacts_import",  # before contacts: /contacts/import/... ahead of /contacts/{id}/...
    "contacts_bulk",
    "contacts",
    "privacy",
    "consent",
    "companies",
    "deals",
    "campaigns",
    "drafts",
    "agents",
    "live",
    "outbox",
    "email_templates",
    "sequences",
    "analytics",
    "experiments",
    "notifications",
    "search",
]
# The public hot paths (submission, schema, beacon) come first: Starlette tries
# routes in order, and every pattern tried costs on each visitor's request.
API_MODULES = [
    "capture",
    "public",
    "partials",
    "uploads",
    "docs",
    "auth",
    "workspaces",
    "api_keys",
    "forms",
    "submissions",
    "spam",
    "handlers",
    "tasks",
    "contacts",
    "consents",
    "deals",
    "campaigns",
    "exports",
    "drafts",
    "events",
    "emails",
    "sequences",
    "suggestions",
    "analytics",
    "experiments",
    "webhooks",
    "privacy",
]


def _collect(package: str, names: list[str]) -> list:
    """Every listed module's ``routes``; a listed module that is missing is an
    import error (a typo or a deleted file must not unmount a domain silently)."""
    routes = []
    for name in names:
        routes.extend(importlib.import_module(f"{package}.{name}").routes)
    return routes


def page_routes() -> list:
    return _collect("app.routes", PAGE_MODULES)


def api_routes() -> list:
    return _collect("app.routes.api", API_MODULES)
