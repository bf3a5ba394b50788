"""Webhook targets (SPEC §18): private, loopback and link-local addresses are
refused unless FORMAGENT_WEBHOOK_ALLOW_PRIVATE=1; DNS is checked for every
address, and the request goes to the address that was checked."""

from __future__ import annotations

import pytest

from app.services.integrations import outbound
from tests.conftest import make_settings
from tests.helpers import User
from tests.helpers_platform import running_app
from tests.helpers_webhooks import Receiver

REFUSED = [
    "http://127.0.0.1:8080/hook",
    "http://localhost/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.16.5.4/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]/hook",
    "http://[fd00::1]/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://224.0.0.1/hook",
    "http://0.0.0.0/hook",
    "http://100.64.0.1/hook",
]


def fake_dns(monkeypatch, table: dict[str, list[str]]):
    def resolve(host, port):
        if host not in table:
            raise OSError("name not known")
        return table[host]

    monkeypatch.setattr(outbound, "resolve_host", resolve)


@pytest.mark.parametrize("url", REFUSED)
async def test_private_targets_are_refused_with_the_flag_off(app, user, monkeypatch, url):
    fake_dns(monkeypatch, {"localhost": ["127.0.0.1", "::1"]})
    r = await user.api.post("/api/webhooks", json={"url": url, "event_types": ["contact_created"]})
    assert r.status_code == 422, r.text
    assert "private, loopback or link-local" in r.json()["error"]["fields"]["url"]


async def test_a_name_resolving_to_loopback_is_refused_even_among_public_addresses(
    app, user, monkeypatch
):
    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.216.34", "127.0.0.1"]})
    r = await user.api.post(
        "/api/webhooks",
        json={"url": "https://hooks.example.com/in", "event_types": ["contact_created"]},
    )
    assert r.status_code == 422
    assert "127.0.0.1" in r.json()["error"]["fields"]["url"]


async def test_a_public_name_is_accepted_and_a_rebinding_is_caught_at_delivery(
    app, user, monkeypatch
):
    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.216.34"]})
    r = await user.api.post(
        "/api/webhooks",
        json={"url": "https://hooks.example.com/in", "event_types": ["contact_created"]},
    )
    assert r.status_code == 201, r.text
    endpoint = r.json()
    fake_dns(monkeypatch, {"hooks.example.com": ["127.0.0.1"]})  # the DNS answer changes
    test = (await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})).json()
    assert test["status"] == "failed" and test["response_status"] is None
    assert "private, loopback or link-local" in test["error"]


async def test_unknown_hosts_are_refused(app, user, monkeypatch):
    fake_dns(monkeypatch, {})
    r = await user.api.post(
        "/api/webhooks",
        json={"url": "https://nowhere.invalid/in", "event_types": ["contact_created"]},
    )
    assert r.status_code == 422
    assert "could not be found" in r.json()["error"]["fields"]["url"]


async def test_with_the_flag_on_the_request_goes_to_the_checked_address(tmp_path, monkeypatch):
    """The name resolves (through the fake DNS) to the local receiver: the request
    connects to that address and keeps the name in its Host header."""
    with Receiver() as receiver:
        fake_dns(monkeypatch, {"hooks.example.test": ["127.0.0.1"]})
        async with running_app(tmp_path, webhook_allow_private=True) as app:
            alice = await User.signup(app, "alice@example.com", workspace="Acme")
            url = f"http://hooks.example.test:{receiver.port}/in"
            r = await alice.api.post(
                "/api/webhooks", json={"url": url, "event_types": ["contact_created"]}
            )
            assert r.status_code == 201, r.text
            test = (await alice.api.post(f"/api/webhooks/{r.json()['id']}/test", json={})).json()
            assert test["status"] == "delivered", test
            await alice.close()
        assert receiver.requests[0]["headers"]["Host"] == f"hooks.example.test:{receiver.port}"
        assert receiver.requests[0]["path"] == "/in"


def test_the_environment_flag_turns_private_targets_on(tmp_path):
    env = {"FORMAGENT_DATA_DIR": str(tmp_path), "FORMAGENT_SECRET_KEY": "k"}
    assert make_settings(tmp_path).webhook_allow_private is False
    from app.config import Settings

    assert Settings.from_env(env).webhook_allow_private is False
    assert Settings.from_env({**env, "FORMAGENT_WEBHOOK_ALLOW_PRIVATE": "1"}).webhook_allow_private
