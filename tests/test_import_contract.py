"""The import contract (CONVENTIONS "the shape of a request"): imports only go down.

    routes   -> services, web            (never db, never another route module)
    web      -> services, db
    services -> db, other services       (never web, routes, Starlette)
    db       -> nothing above it

``app.errors`` and ``app.config`` sit below every layer. The composition modules
(``app.main``, ``app.cli``, ``app.demo``) may import anything. Every import is
read with ``ast``, including the ones inside functions, and there is no
allow-list: a new exception means the code moves, not the contract.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import app.routes as registry

APP = Path(__file__).resolve().parent.parent / "app"
ROUTES = APP / "routes"
BASE = {"app.errors", "app.config"}
# layer -> the app packages it may import (itself included); anything else under app. is refused.
ALLOWED = {
    "app.routes": {"app.services", "app.web", *BASE},
    "app.web": {"app.web", "app.services", "app.db", *BASE},
    "app.services": {"app.services", "app.db", *BASE},
    "app.db": {"app.db", *BASE},
    "app.errors": set(),
    "app.config": {"app.errors"},
}
COMPOSITION = {"app", "app.main", "app.cli", "app.demo", "app.demo_history"}
# Third-party packages a layer must not see: services never touch HTTP.
FOREIGN = {"app.services": {"starlette"}, "app.db": {"starlette", "jinja2"}}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) for every import statement anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            if base == "app":  # `from app import db` names the package app.db
                found += [(node.lineno, f"app.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return found


def layer_of(module: str) -> str | None:
    """The layer a dotted name belongs to (``app.services.crm.x`` -> ``app.services``)."""
    if module in COMPOSITION:
        return module
    for layer in ALLOWED:
        if module == layer or module.startswith(layer + "."):
            return layer
    return None


def violations(path: Path) -> list[str]:
    own = module_name(path)
    layer = layer_of(own)
    problems = []
    for line, target in imported_modules(path):
        where = f"{path.relative_to(APP.parent)}:{line} imports {target}"
        top = target.split(".")[0]
        if top in FOREIGN.get(layer, ()):
            problems.append(where)
        if top != "app" or layer in COMPOSITION:
            continue
        target_layer = layer_of(target)
        if target_layer is None or target_layer not in ALLOWED[layer]:
            problems.append(where)
    return problems


def app_modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    unplaced = [str(p) for p in app_modules() if layer_of(module_name(p)) is None]
    assert unplaced == []


def test_imports_only_go_down():
    problems = [problem for path in app_modules() for problem in violations(path)]
    assert problems == [], "Imports that break the layering:\n  " + "\n  ".join(problems)


def test_the_contract_catches_what_it_forbids(tmp_path, monkeypatch):
    """The walker sees imports inside functions and relative ones (a check that finds nothing proves nothing)."""
    fake = tmp_path / "app" / "routes" / "api"
    fake.mkdir(parents=True)
    probe = fake / "probe.py"
    probe.write_text(
        "from . import forms\n"
        "from ...db import pagination\n"
        "def f():\n"
        "    import app.routes.contacts\n"
        "    from app.services.crm import contacts\n"
    )
    monkeypatch.setattr(f"{__name__}.APP", tmp_path / "app")
    assert violations(probe) == [
        "app/routes/api/probe.py:1 imports app.routes.api",
        "app/routes/api/probe.py:2 imports app.db",
        "app/routes/api/probe.py:4 imports app.routes.contacts",
    ]


def test_the_route_registry_names_every_route_module():
    """app/routes/__init__.py collects route modules by name (it imports none
    directly), and every module on disk is in its lists: none is left unmounted."""
    pages = {p.stem for p in ROUTES.glob("*.py") if p.stem != "__init__"}
    api = {p.stem for p in (ROUTES / "api").glob("*.py") if p.stem != "__init__"}
    assert set(registry.PAGE_MODULES) == pages
    assert set(registry.API_MODULES) == api
    assert not [t for _, t in imported_modules(ROUTES / "__init__.py") if t.startswith("app.")]


SQL = re.compile(
    r"\bdb\.(fetchone|fetchall|fetchval|execute|write|read)\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b"
)


def test_no_sql_or_database_calls_in_routes():
    """SPEC §1: routes parse, call services and render; SQL lives in services and app/db."""
    offenders = [
        f"{p.relative_to(ROUTES)}:{n}: {line.strip()}"
        for p in ROUTES.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if SQL.search(line)
    ]
    assert offenders == []


def test_page_handlers_read_forms_one_way():
    """Page handlers read a posted form through app.web.forms_input.read_form (text
    values only, an unreadable body is a 400), never ``request.form()`` directly."""
    offenders = [
        f"{path.relative_to(APP.parent)}:{node.lineno}"
        for path in ROUTES.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "form"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "request"
    ]
    assert offenders == []
