"""What Starlette leaves to us (SPEC §3, §13): body caps (chunked too), template
autoescaping, tampered cookies, security headers, CSRF with Origin /
Sec-Fetch-Site, trusted-proxy client IP, hostile JSON, and 500s without tracebacks."""

from __future__ import annotations

import asyncio
import importlib
import json
import pkgutil
import sys

import httpx
import jinja2
import pytest
from starlette.responses import JSONResponse
from starlette.routing import Route

import app as app_package
from app.web.client_ip import client_ip
from app.web.render import ENV, TEMPLATES_DIR
from tests.helpers import User, soup
from tests.helpers_platform import running_app

MB = 1024 * 1024


async def chunks(total: int, size: int = 16 * 1024):
    """A request body without Content-Length: httpx sends it chunked."""
    sent = 0
    while sent < total:
        piece = min(size, total - sent)
        sent += piece
        yield b"a" * piece


async def echo_length(request):
    return JSONResponse({"length": len(await request.body())})


def add_probe_routes(application):
    """Test-only routes, first in line so they win over the real capture route."""
    for path in ("/api/submissions/form_probe00000000", "/api/probe-echo"):
        application.router.routes.insert(0, Route(path, echo_length, methods=["POST"]))


# -- body caps -------------------------------------------------------------------
async def test_content_length_over_cap_is_413_json_under_api(client):
    r = await client.post(
        "/api/auth/login", content=b"x" * (MB + 1), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


async def test_content_length_over_cap_is_413_page_elsewhere(client):
    r = await client.post(
        "/login",
        content=b"x" * (MB + 1),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html")
    assert "1024 KB" in r.text
    assert r.headers["x-content-type-options"] == "nosniff"  # the error page gets the headers too


async def test_chunked_body_over_cap_is_413_under_api(client):
    r = await client.post(
        "/api/auth/login", content=chunks(MB + 10), headers={"content-type": "application/json"}
    )
    assert "content-length" not in r.request.headers
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


async def test_chunked_form_over_cap_is_413_page(client):
    # Read by the CSRF middleware first (it looks for the token in the body of a
    # browser that has its seed cookie from the log-in page).
    assert (await client.get("/login")).status_code == 200
    r = await client.post(
        "/login",
        content=chunks(MB + 10),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html")


async def test_public_capture_path_is_capped_at_64_kb(tmp_path):
    async with running_app(tmp_path) as application:
        add_probe_routes(application)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=application), base_url="http://testserver"
        ) as c:
            path = "/api/submissions/form_probe00000000"
            ok = await c.post(
                path, content=b"a" * (60 * 1024), headers={"content-type": "application/json"}
            )
            assert ok.status_code == 200 and ok.json() == {"length": 60 * 1024}
            over = await c.post(
                path, content=b"a" * (64 * 1024 + 1), headers={"content-type": "application/json"}
            )
            assert over.status_code == 413 and "64 KB" in over.json()["error"]["message"]
            chunked = await c.post(
                path, content=chunks(70 * 1024), headers={"content-type": "application/json"}
            )
            assert (
                chunked.status_code == 413
                and chunked.json()["error"]["code"] == "payload_too_large"
            )
            # Elsewhere under /api the same 70 KB is fine (1 MB default cap).
            other = await c.post(
                "/api/probe-echo", content=chunks(70 * 1024), headers={"authorization": "Bearer x"}
            )
            assert other.status_code == 200 and other.json() == {"length": 70 * 1024}
            assert (await c.post("/f/form_x", content=b"a" * (64 * 1024 + 1))).status_code == 413


# -- templates -------------------------------------------------------------------
def _autoescapes(env: jinja2.Environment, name: str) -> bool:
    return bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape)


def test_every_template_autoescapes_whatever_its_extension():
    names = [str(p.relative_to(TEMPLATES_DIR)) for p in TEMPLATES_DIR.rglob("*") if p.is_file()]
    assert names, "no templates found"
    for name in names + ["x.html", "x.txt", "x.eml", "emails/welcome.txt", "x"]:
        assert _autoescapes(ENV, name), name
    for name in names:
        source = (TEMPLATES_DIR / name).read_text()
        assert "autoescape false" not in source.replace(" ", " "), f"{name} turns autoescaping off"
    probe = ENV.overlay(
        loader=jinja2.DictLoader({n: "{{ v }}" for n in ("x.html", "x.txt", "x.eml", "_frag.html")})
    )
    for name in ("x.html", "x.txt", "x.eml", "_frag.html"):
        assert probe.get_template(name).render(v="<script>&") == "&lt;script&gt;&amp;", name
    assert ENV.from_string("{{ v }}").render(v="<b>") == "&lt;b&gt;"


def test_every_jinja_environment_in_the_app_autoescapes():
    """SPEC §13: autoescaping on for every template, emails and sandboxed owner templates included."""
    for info in pkgutil.walk_packages(app_package.__path__, "app."):
        try:
            importlib.import_module(info.name)
        except Exception:  # a module mid-construction by someone else is not loaded, so not checked
            continue
    found, offenders = [], []
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("app.") or module is None:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, jinja2.Environment):
                found.append(f"{module_name}.{attr}")
                if not all(_autoescapes(value, n) for n in ("x.html", "x.txt", "x.eml", "subject")):
                    offenders.append(f"{module_name}.{attr}")
    assert "app.web.render.ENV" in found
    assert offenders == [], f"Jinja environments without autoescape: {offenders}"


# -- cookies ---------------------------------------------------------------------
async def test_tampered_session_cookie_is_anonymous(app, user):
    real = user.web.cookies.get("fa_session")
    assert real
    for forged in (
        real[:-2] + "xx",
        "garbage",
        real.split(".")[0] + ".AAAA",
        "\u00e9t\u00e9",
        '"a;b"',
    ):
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers=[(b"cookie", f"fa_session={forged}".encode())],
        ) as c:
            page = await c.get("/")
            assert page.status_code in (302, 303, 307) and page.headers["location"].startswith(
                "/login"
            ), forged
            api = await c.get("/api/auth/me")
            assert api.status_code in (200, 401)
            if api.status_code == 200:  # /me answers anonymous callers with no account
                assert not api.json().get("account")
    assert (await user.web.get("/")).status_code == 200  # the real cookie still works


# -- headers ---------------------------------------------------------------------
async def test_security_headers_on_html(client):
    r = await client.get("/login")
    assert r.status_code == 200
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    csp = r.headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "unsafe-inline" not in csp
    )
    missing = await client.get("/no-such-page")
    assert missing.status_code == 404 and missing.headers["x-frame-options"] == "DENY"


async def test_hosted_form_pages_may_be_framed(client):
    r = await client.get("/f/form_doesnotexist00")
    assert r.headers["content-type"].startswith("text/html")
    assert "x-frame-options" not in r.headers
    assert "frame-ancestors *" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


async def test_json_responses_get_nosniff(client):
    r = await client.get("/healthz")
    assert r.headers["x-content-type-options"] == "nosniff"


# -- CSRF ------------------------------------------------------------------------
async def _login_form(user):
    """A log-in form of ``user`` from a fresh, signed-out browser: (that browser, its form data)."""
    browser = User(user.app, user.email, user.password)
    return browser, {
        "email": user.email,
        "password": user.password,
        "csrf_token": await browser.csrf("/login"),
    }


async def test_csrf_missing_or_wrong_token_is_403(app):
    u = User(app, "nobody@example.com", "whatever123")
    try:
        await u.csrf("/login")  # gets the anonymous seed cookie
        for data in (
            {"email": "a@b.c", "password": "x"},
            {"email": "a@b.c", "password": "x", "csrf_token": "nope"},
        ):
            r = await u.web.post("/login", data=data)
            assert r.status_code == 403 and "security token" in r.text
        r = await u.web.post(
            "/login", data={"email": "a@b.c", "password": "x"}, headers={"X-CSRF-Token": "bad"}
        )
        assert r.status_code == 403
    finally:
        await u.close()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://testserver.evil.example"},
    ],
)
async def test_foreign_origin_is_refused_even_with_a_token(app, user, headers):
    browser, data = await _login_form(user)
    r = await browser.web.post("/login", data=data, headers=headers)
    await browser.close()
    assert r.status_code == 403 and "another site" in r.text
    r = await user.web.post("/api/auth/logout", headers=headers)  # cookie-authenticated API write
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"


async def test_same_origin_and_header_authenticated_requests_pass(app, user):
    browser, data = await _login_form(user)
    r = await browser.web.post(
        "/login",
        data=data,
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    await browser.close()
    assert r.status_code == 303
    # A script with an Authorization header needs no token, whatever its Origin.
    r = await user.api.get("/api/auth/me", headers={"Origin": "https://elsewhere.example"})
    assert r.status_code == 200


async def test_csrf_token_in_a_multipart_form(app, user):
    browser, data = await _login_form(user)
    fields = {"email": (None, user.email), "password": (None, user.password)}
    try:
        r = await browser.web.post(
            "/login", files={**fields, "csrf_token_extra": (None, data["csrf_token"])}
        )
        assert r.status_code == 403  # only the exact field name counts
        r = await browser.web.post(
            "/login", files={**fields, "csrf_token": (None, data["csrf_token"])}
        )
        assert r.status_code == 303
    finally:
        await browser.close()


async def test_page_forms_are_read_one_way(user):
    """read_form: a file where text is expected reads as missing (never its repr),
    and a form that cannot be read is a 400 with a message, not a 500."""
    token = await user.csrf("/settings/account")
    r = await user.web.post(
        "/settings/account",
        files={"csrf_token": (None, token), "name": ("a.txt", b"Ada", "text/plain")},
    )
    assert r.status_code == 303
    page = soup(await user.web.get("/settings/account"))
    assert page.select_one("input[name=name]")["value"] == ""  # missing, not "UploadFile(...)"
    data = {"csrf_token": token, **{f"f{i}": "x" for i in range(1001)}}
    r = await user.web.post("/settings/account", data=data)
    assert r.status_code == 400 and "The form could not be read" in r.text


def test_multipart_token_parser_keeps_trailing_dashes():
    from app.web.middleware import _multipart_field

    body = (
        b'--XyZ\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\nabc--\r\n'
        b'--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.csv"\r\n\r\ncsrf_token\r\n--XyZ--\r\n'
    )
    assert _multipart_field(body, "multipart/form-data; boundary=XyZ", "csrf_token") == "abc--"
    assert _multipart_field(body, "multipart/form-data", "csrf_token") is None


# -- client IP -------------------------------------------------------------------
def _scope(peer: str, *forwarded: str) -> dict:
    return {
        "client": (peer, 5000),
        "headers": [(b"x-forwarded-for", f.encode()) for f in forwarded],
    }


def test_client_ip_ignores_forwarded_for_from_untrusted_peers():
    assert client_ip(_scope("203.0.113.9", "1.2.3.4"), ()) == "203.0.113.9"
    assert client_ip(_scope("203.0.113.9", "1.2.3.4"), ("10.0.0.1",)) == "203.0.113.9"


def test_client_ip_from_trusted_proxy_takes_the_right_most_untrusted_entry():
    proxies = ("10.0.0.1", "10.0.0.2")
    # The visitor spoofed "6.6.6.6"; our proxy appended the address it saw.
    assert client_ip(_scope("10.0.0.1", "6.6.6.6, 198.51.100.7"), proxies) == "198.51.100.7"
    assert (
        client_ip(_scope("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2"), proxies) == "198.51.100.7"
    )
    assert (
        client_ip(_scope("10.0.0.1", "6.6.6.6", "198.51.100.7"), proxies) == "198.51.100.7"
    )  # two headers
    assert client_ip(_scope("10.0.0.1"), proxies) == "10.0.0.1"  # no header: the proxy itself
    assert client_ip({"headers": []}, proxies) == "unknown"


async def test_spoofed_forwarded_for_does_not_reset_the_login_limit(app, user):
    headers = iter(f"198.51.100.{n}" for n in range(100))
    statuses = []
    browser, data = await _login_form(user)
    data["password"] = "wrong password!"
    for _ in range(7):
        r = await browser.web.post("/login", data=data, headers={"X-Forwarded-For": next(headers)})
        statuses.append(r.status_code)
    await browser.close()
    assert statuses[-1] == 429, statuses


# -- hostile JSON ----------------------------------------------------------------
async def test_lone_surrogate_in_json_is_400(client):
    body = b'{"email": "\\ud800@example.com", "password": "whatever123"}'
    r = await client.post(
        "/api/auth/login", content=body, headers={"content-type": "application/json"}
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_body"


async def test_invalid_utf8_and_malformed_json_are_400(client):
    for body in (b'{"email": "\xff"}', b'{"email": ', b"[1, 2"):
        r = await client.post(
            "/api/auth/login", content=body, headers={"content-type": "application/json"}
        )
        assert r.status_code == 400, body
        assert r.json()["error"]["message"]


async def test_json_deeper_than_8_is_400(client):
    def containers(depth):
        """``depth`` objects nested in each other."""
        value = {}
        for _ in range(depth - 1):
            value = {"a": value}
        return value

    base = {"email": "a@example.com", "password": "whatever123"}
    for body in ({**base, "extra": containers(8)}, [[[[[[[[[1]]]]]]]]]):  # 9 levels
        r = await client.post(
            "/api/auth/login",
            content=json.dumps(body),
            headers={"content-type": "application/json"},
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "too_deep"
    # Far deeper than Python's recursion limit: still a 400, not a 500.
    r = await client.post(
        "/api/auth/login",
        content=b"[" * 50000 + b"]" * 50000,
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "too_deep"
    ok = {
        **base,
        "extra": containers(7),
    }  # 8 levels are parsed; the body's schema then names the key it does not know
    r = await client.post(
        "/api/auth/login", content=json.dumps(ok), headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and "extra" in r.json()["error"]["fields"]


async def test_nan_and_infinity_are_400(client):
    for raw in (b'{"email": NaN}', b'{"email": "a@b.c", "password": Infinity}'):
        r = await client.post(
            "/api/auth/login", content=raw, headers={"content-type": "application/json"}
        )
        assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_body"


async def test_api_write_needs_json_content_type(client):
    r = await client.post(
        "/api/auth/login", content=b"email=a", headers={"content-type": "text/plain"}
    )
    assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"


# -- 500s ------------------------------------------------------------------------
async def _boom(request):
    raise RuntimeError("secret internal detail")


async def test_500_shows_no_traceback(tmp_path):
    async with running_app(tmp_path) as application:
        application.router.routes.insert(0, Route("/boom", _boom, methods=["GET"]))
        application.router.routes.insert(0, Route("/api/boom", _boom, methods=["GET"]))
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            page = await c.get("/boom")
            api = await c.get("/api/boom")
            htmx = await c.get("/boom", headers={"HX-Request": "true"})
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    for r in (page, api, htmx):
        assert (
            "Traceback" not in r.text
            and "secret internal detail" not in r.text
            and "RuntimeError" not in r.text
        )
    assert "went wrong" in soup(page).get_text()
    assert (
        page.headers["x-frame-options"] == "DENY"
        and page.headers["x-content-type-options"] == "nosniff"
    )
    assert api.status_code == 500
    assert api.json() == {
        "error": {"code": "internal_error", "message": api.json()["error"]["message"]}
    }
    assert htmx.status_code == 500 and 'role="alert"' in htmx.text


async def _receive_after_body(request):
    form = await request.form()
    try:  # once the body is read, the next message is the disconnect: it must wait for it
        message = await asyncio.wait_for(request.receive(), 0.2)
    except TimeoutError:
        message = None
    return JSONResponse({"field": form.get("field"), "next": message and message["type"]})


async def test_csrf_body_replay_hands_over_to_the_real_receive(tmp_path):
    async with running_app(tmp_path) as application:
        application.router.routes.insert(
            0, Route("/probe-receive", _receive_after_body, methods=["POST"])
        )
        browser = User(application, "x@example.com", "whatever123")
        try:
            token = await browser.csrf("/login")
            r = await browser.web.post("/probe-receive", data={"field": "v", "csrf_token": token})
        finally:
            await browser.close()
    # Before: an endless stream of empty http.request messages (a streaming response spun on it).
    assert r.status_code == 200 and r.json() == {"field": "v", "next": None}


async def test_only_pages_that_render_a_token_set_the_anonymous_cookie(client):
    assert "set-cookie" not in (await client.get("/healthz")).headers
    assert "set-cookie" not in (await client.get("/api/openapi.json")).headers
    page = await client.get("/login")
    assert page.headers["set-cookie"].startswith("fa_anon=")
    r = await client.post("/login", data={"email": "x@example.com", "password": "whatever1"})
    assert r.status_code == 403  # the cookie alone is not a token


async def test_a_post_without_any_cookie_is_refused(client):
    r = await client.post(
        "/login", data={"email": "x@example.com", "password": "whatever1", "csrf_token": "x"}
    )
    assert r.status_code == 403
