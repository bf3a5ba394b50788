"""Templates and redirects name routes (``url_for``), never a hand-written path, so
links follow the routing table and the root path the app is served under."""

import re
from types import SimpleNamespace

import httpx
import pytest
from jinja2 import nodes
from starlette.routing import NoMatchFound

from app.main import create_app
from app.web.render import ENV, TEMPLATES_DIR
from tests.conftest import make_settings
from tests.helpers import soup

# Attributes whose value is a URL the browser (or htmx) fetches or navigates to.
URL_ATTR = re.compile(
    r"""\b(href|src|action|formaction|poster|hx-(?:get|post|put|patch|delete)|sse-connect|ws-connect)"""
    r"""\s*=\s*["']?\s*/(?!/)""",
    re.IGNORECASE,
)
# A Jinja string literal shaped like an app path ("/", "/forms", "/forms/" ~ id).
PATH_LITERAL = re.compile(r"^/(?!/)[\w\-./?=&%#]*$")


def _templates():
    for path in sorted(TEMPLATES_DIR.rglob("*")):
        if path.is_file():
            yield path.relative_to(TEMPLATES_DIR).as_posix(), path.read_text()


def test_no_template_writes_an_app_path_by_hand():
    """Every root-relative URL in an attribute comes from ``{{ url_for(...) }}`` (or
    ``static(...)``); a ``#`` anchor or an external ``https://`` link is fine."""
    offenders = []
    for name, source in _templates():
        for token_line, kind, value in ENV.lex(source, name):
            if kind == "data":
                offenders += [
                    f"{name}:{token_line}: {m.group(0)}" for m in URL_ATTR.finditer(value)
                ]
            elif kind == "string" and PATH_LITERAL.match(value[1:-1]):  # value keeps its quotes
                offenders.append(f"{name}:{token_line}: string {value!r}")
    assert offenders == []


def test_the_scan_catches_a_literal_path():
    """The rule above would notice the shapes it forbids (a test that cannot fail is no test)."""
    source = (
        "<a href=\"/forms\">x</a><form action='/login'></form><a hx-get=/live></a>"
        '<a href="{{ url_for(\'forms_list\') }}">ok</a><a href="#main">ok</a>'
        '<a href="//cdn.example/x.js">ok</a>{{ empty("t", "x", "/forms/" ~ id) }}'
    )
    data = "".join(v for _, kind, v in ENV.lex(source) if kind == "data")
    strings = [v[1:-1] for _, kind, v in ENV.lex(source) if kind == "string"]
    assert [m.group(1) for m in URL_ATTR.finditer(data)] == ["href", "action", "hx-get"]
    assert [s for s in strings if PATH_LITERAL.match(s)] == ["/forms/"]


def _url_for_calls(source: str, name: str):
    for call in ENV.parse(source, name).find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in ("url_for", "static"):
            yield call


def test_every_url_for_in_a_template_names_a_route_with_its_parameters(tmp_path):
    """A typo in a rarely rendered template (an empty state, an error page) would
    only show up as a 500 in production: check every call against the routes."""
    app = create_app(make_settings(tmp_path))
    checked, problems = 0, []
    for name, source in _templates():
        for call in _url_for_calls(source, name):
            params = {kw.key: "x" for kw in call.kwargs}
            if call.node.name == "static":
                route = "static"
                params = {"path": "x"}
            elif isinstance(call.args[0], nodes.Const):
                route = call.args[0].value
            else:
                continue  # a name from a loop (the sidebar): rendered on every page test
            try:
                app.url_path_for(route, **params)
                checked += 1
            except NoMatchFound as exc:
                problems.append(f"{name}:{call.lineno}: {route} {sorted(params)}: {exc}")
    assert problems == []
    assert checked > 150


def test_url_for_outside_a_request_says_what_is_missing():
    with pytest.raises(RuntimeError, match="needs `request`"):
        ENV.from_string("{{ url_for('forms_list') }}").render()


def _under_prefix(app, cookies=None) -> httpx.AsyncClient:
    """A client for the app served below /fa (a proxy that passes ``root_path``)."""
    transport = httpx.ASGITransport(app=app, root_path="/fa")
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", cookies=cookies)


async def test_links_and_redirects_follow_the_root_path(app):
    async with _under_prefix(app) as web:
        r = await web.get("/fa/")
        assert r.status_code == 303 and r.headers["location"] == "/fa/signup"
        page = soup(await web.get("/fa/login"))
    assert page.select_one("form[method=post]")["action"] == "/fa/login"
    assert page.select_one("a[href='/fa/signup']") is not None
    css = page.select_one("link[rel=stylesheet]")["href"]
    assert re.fullmatch(r"/fa/static/css/app\.css\?v=[0-9a-f]{10}", css)


async def test_signed_in_pages_and_redirects_follow_the_root_path(app, user):
    async with _under_prefix(app, cookies=user.web.cookies) as web:
        r = await web.get("/fa/handlers")
        assert r.status_code == 200
        page = soup(r)
        current = page.select_one("nav.sidebar a[aria-current=page]")
        assert (current["href"], current.get_text()) == ("/fa/handlers", "Handlers")
        hrefs = [a["href"] for a in page.select("a[href^='/']")]
        assert len(hrefs) > 10 and all(h.startswith("/fa/") for h in hrefs), hrefs
        token = page.find("meta", attrs={"name": "csrf-token"})["content"]
        r = await web.post(
            "/fa/groups",
            data={"name": "Sales", "routing_strategy": "broadcast", "csrf_token": token},
        )
    assert r.status_code == 303
    assert re.fullmatch(r"/fa/groups/[\w-]+", r.headers["location"]), r.headers["location"]


def test_an_unknown_route_name_is_an_error_not_an_empty_link(tmp_path):
    request = SimpleNamespace(app=create_app(make_settings(tmp_path)), scope={})
    with pytest.raises(NoMatchFound):
        ENV.from_string("{{ url_for('no_such_page') }}").render(request=request)
