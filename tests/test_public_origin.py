"""Links follow the address the server was reached at when FORMAGENT_BASE_URL is unset
(issue 14 item 1): embed snippet, hosted link, invite links, the OpenAPI server."""

import httpx
import pytest

from app.config import Settings
from tests.conftest import make_settings
from tests.factory import make_form
from tests.helpers import soup

PUBLIC = {"host": "forms.example.com:8443"}


@pytest.fixture
def settings(tmp_path) -> Settings:
    # FORMAGENT_BASE_URL unset: the default stays, but only background jobs use it.
    return make_settings(
        tmp_path,
        base_url="http://127.0.0.1:8000",
        base_url_fixed=False,
        trusted_proxies=("10.0.0.2",),
    )


def test_from_env_marks_the_base_url_as_fixed_only_when_set(tmp_path):
    unset = Settings.from_env({"FORMAGENT_DATA_DIR": str(tmp_path), "FORMAGENT_SECRET_KEY": "k"})
    given = Settings.from_env(
        {
            "FORMAGENT_DATA_DIR": str(tmp_path),
            "FORMAGENT_SECRET_KEY": "k",
            "FORMAGENT_BASE_URL": "https://x.io/",
        }
    )
    assert (unset.base_url_fixed, unset.base_url) == (False, "http://127.0.0.1:8000")
    assert (given.base_url_fixed, given.base_url) == (True, "https://x.io")


async def test_embed_links_use_the_requests_host(user):
    form = await make_form(user)
    info = (await user.api.get(f"/api/forms/{form['id']}/embed", headers=PUBLIC)).json()
    assert info["hosted_url"] == f"http://forms.example.com:8443/f/{form['id']}"
    assert info["snippet"].count("http://forms.example.com:8443/embed.js") == 1
    page = soup(await user.web.get(f"/forms/{form['id']}/embed", headers=PUBLIC))
    assert "forms.example.com:8443/embed.js" in page.select_one("#embed-snippet").get_text()
    assert "FORMAGENT_BASE_URL" not in page.get_text()


async def test_embed_page_warns_about_a_loopback_address(user):
    form = await make_form(user)
    for host in ("127.0.0.1:8000", "localhost:9000", "[::1]:8000"):
        page = soup(await user.web.get(f"/forms/{form['id']}/embed", headers={"host": host}))
        warning = page.select_one(".flash-warn").get_text(" ", strip=True)
        assert "Visitors' browsers cannot reach this address" in warning
        assert "set FORMAGENT_BASE_URL to your public URL" in warning


async def test_forwarded_headers_count_only_from_a_trusted_proxy(app, user):
    form = await make_form(user)
    path = f"/api/forms/{form['id']}/embed"
    forwarded = {"x-forwarded-proto": "https", "x-forwarded-host": "www.acme.test"}
    headers = {"authorization": user.api.headers["authorization"], **forwarded}
    for peer, expected in (
        ("10.0.0.2", "https://www.acme.test"),
        ("203.0.113.9", "http://testserver"),
    ):
        transport = httpx.ASGITransport(app=app, client=(peer, 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            info = (await c.get(path, headers=headers)).json()
        assert info["hosted_url"] == f"{expected}/f/{form['id']}"


async def test_invite_link_and_openapi_server_follow_the_host(user):
    r = await user.api.post(
        f"/api/workspaces/{user.workspace_id}/invite",
        json={"email": "new@example.com"},
        headers=PUBLIC,
    )
    assert r.json()["invite_url"].startswith("http://forms.example.com:8443/invite/")
    spec = (await user.api.get("/api/openapi.json", headers=PUBLIC)).json()
    assert spec["servers"] == [{"url": "http://forms.example.com:8443"}]


async def test_a_malformed_host_falls_back_to_the_configured_url(user):
    form = await make_form(user)
    info = (
        await user.api.get(f"/api/forms/{form['id']}/embed", headers={"host": "evil.test/<x>"})
    ).json()
    assert info["hosted_url"] == f"http://127.0.0.1:8000/f/{form['id']}"


async def test_a_set_base_url_is_used_as_is(app, user):
    app.state.settings = app.state.settings.with_(
        base_url="https://forms.acme.io", base_url_fixed=True
    )
    form = await make_form(user)
    info = (await user.api.get(f"/api/forms/{form['id']}/embed", headers=PUBLIC)).json()
    assert info["hosted_url"] == f"https://forms.acme.io/f/{form['id']}"
