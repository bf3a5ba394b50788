"""A route says where it is declared whether it is public (app/web/routing.py);
the CSRF check, the body caps and the isolation walk all read that one
declaration, and the route registry refuses a missing module."""

from __future__ import annotations

import re

import pytest

from app.routes import _collect
from tests.helpers_isolation import is_public, walk_routes

CROSS_SITE = {
    "origin": "https://evil.example",
    "content-type": "application/x-www-form-urlencoded",
}
OVER_PUBLIC_CAP = b"a=" + b"b" * (64 * 1024)


OWN_CAPS = {"/api/forms/{form_id:str}/uploads"}


def _concrete(path: str) -> str:
    return re.sub(r"{[^}]+}", "form_unknown000000", path)


async def test_every_declared_public_write_skips_csrf_and_has_the_public_cap(app, client):
    """Over 64 KB from another site: a public route answers 413 (capped, not refused
    as cross-site); every other write route refuses the foreign origin with 403."""
    public, private = [], []
    for path, route in walk_routes(app.routes):
        if "POST" not in (route.methods or ()):
            continue
        r = await client.post(_concrete(path), content=OVER_PUBLIC_CAP, headers=CROSS_SITE)
        (public if is_public(route) else private).append((path, r.status_code))
    assert {p for p, _ in public} == {
        "/f/{form_id}",
        "/api/submissions/{form_id:str}",
        "/api/forms/{form_id}/beacon",
        "/api/forms/{form_id}/partials",  # unfinished answers as typed (SPEC §17)
        "/unsubscribe/{token}",  # one-click unsubscribe from a mail client (SPEC §8)
        "/confirm/{token}",  # double opt-in: the signed link is the credential (SPEC §19)
        "/api/forms/{form_id:str}/uploads",  # its own cap: one file (SPEC §17)
    }
    assert [(p, s) for p, s in public if s != 413 and p not in OWN_CAPS] == []
    assert len(private) > 50 and [(p, s) for p, s in private if s != 403] == []


async def test_the_upload_route_has_its_own_cap(client):
    """One file at the largest per-file size (25 MB) fits; more is a 413 before any read."""
    from app.web.upload_input import UPLOAD_BODY_BYTES

    path = "/api/forms/form_unknown000000/uploads"
    r = await client.post(path, content=OVER_PUBLIC_CAP, headers=CROSS_SITE)
    assert r.status_code == 404  # past the 64 KB public cap: reached the handler
    assert UPLOAD_BODY_BYTES == 25 * 1024 * 1024 + 64 * 1024
    r = await client.post(
        path, content=b"", headers={**CROSS_SITE, "content-length": str(UPLOAD_BODY_BYTES + 1)}
    )
    assert r.status_code == 413


async def test_a_public_route_takes_a_foreign_post_without_a_token(client):
    """The declaration exempts the route, not a path pattern typed elsewhere."""
    r = await client.post("/f/form_unknown000000", data={"email": "a@b.c"}, headers=CROSS_SITE)
    assert r.status_code == 404  # reached the handler: the form does not exist
    r = await client.post("/forms", data={"name": "x"}, headers=CROSS_SITE)
    assert r.status_code == 403


def test_a_missing_route_module_is_an_import_error():
    with pytest.raises(ModuleNotFoundError, match="app.routes.no_such_domain"):
        _collect("app.routes", ["no_such_domain"])


async def test_the_hosted_page_varies_on_hx_request(client):
    """It renders through render(): Vary: HX-Request, and no cookie for a visitor."""
    r = await client.get("/f/form_unknown000000")
    assert r.status_code == 404
    assert r.headers["vary"] == "HX-Request"
    assert "set-cookie" not in r.headers
