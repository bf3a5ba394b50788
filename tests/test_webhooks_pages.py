"""The webhooks pages (SPEC §18): add an endpoint (secret shown once), the
delivery log with resend, send test, the verification snippets."""

from __future__ import annotations

import pytest

from app.services.integrations.signing import VERIFY_JAVASCRIPT, VERIFY_PYTHON
from tests.conftest import make_settings
from tests.factory import make_contact, make_form, make_viewer
from tests.helpers import drain_jobs, soup
from tests.helpers_webhooks import Receiver, verify_signature


@pytest.fixture
def settings(tmp_path):
    return make_settings(
        tmp_path, webhook_allow_private=True, webhook_timeout=2.0, webhook_concurrency=0
    )


@pytest.fixture
def receiver():
    with Receiver() as r:
        yield r


async def add_endpoint(user, url, types=("contact_created",), **extra):
    return await user.post_form(
        "/settings/webhooks",
        {"url": url, "event_types": list(types), **extra},
        page="/settings/webhooks",
    )


async def test_adding_an_endpoint_shows_the_secret_once(app, user, receiver):
    r = await add_endpoint(user, receiver.url, description="CRM sync")
    assert r.status_code == 201
    assert r.headers["Cache-Control"] == "no-store"
    secret = soup(r).select_one("#new-secret")["value"]
    assert secret.startswith("whsec_")
    listing = await user.web.get("/settings/webhooks")
    assert secret not in listing.text
    row = soup(listing).select_one("table tbody tr")
    assert receiver.url in row.text and "Contact created" in row.text and "Active" in row.text
    # the secret signs deliveries
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    sent = receiver.requests[0]
    assert verify_signature(secret, sent["body"], sent["headers"]["FormAgent-Signature"])


async def test_a_bad_endpoint_keeps_the_input_and_says_why(app, user):
    r = await add_endpoint(user, "ftp://example.com/x", types=[])
    assert r.status_code == 422
    page = soup(r)
    assert page.select_one("#f-url")["value"] == "ftp://example.com/x"
    assert page.select_one("#e-url").text and page.select_one("#e-event_types").text


async def test_the_endpoint_page_logs_deliveries_resends_and_tests(app, user, receiver):
    form = await make_form(user, name="Pricing")
    await add_endpoint(user, receiver.url)
    endpoint = (await user.api.get("/api/webhooks")).json()["data"][0]
    receiver.answers = [500]
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    page_url = f"/settings/webhooks/{endpoint['id']}"
    page = soup(await user.web.get(page_url))
    row = page.select_one("table.deliveries tbody tr")
    assert "Retrying" in row.text and "HTTP 500" in row.text and "next try" in row.text
    assert row.select_one("form button") is None  # no resend while it is pending

    test = await user.post_form(f"{page_url}/test", {"form_id": form["id"]}, page=page_url)
    assert test.status_code == 303
    page = soup(await user.web.get(page_url))
    assert "Test delivered: the receiver answered 200." in page.select_one("#flashes").text
    assert receiver.json()["data"]["form_name"] == "Pricing"

    delivered = (await user.api.get(f"/api/webhooks/{endpoint['id']}/deliveries")).json()["data"]
    test_row = [d for d in delivered if d["test"]][0]
    assert page.select_one(f"#delivery-{test_row['id']} form") is None  # tests are not resent


async def test_resend_from_the_page(app, user, receiver):
    await add_endpoint(user, receiver.url)
    endpoint = (await user.api.get("/api/webhooks")).json()["data"][0]
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    [delivery] = (await user.api.get(f"/api/webhooks/{endpoint['id']}/deliveries")).json()["data"]
    page_url = f"/settings/webhooks/{endpoint['id']}"
    page = soup(await user.web.get(page_url))
    assert page.select_one(f"#delivery-{delivery['id']} form")["action"].endswith("/resend")
    r = await user.post_form(f"/settings/webhook-deliveries/{delivery['id']}/resend", page=page_url)
    assert r.status_code == 303 and r.headers["location"] == page_url
    await drain_jobs(app)
    assert len(receiver.requests) == 2


async def test_switch_off_rotate_and_delete(app, user, receiver):
    await add_endpoint(user, receiver.url)
    endpoint = (await user.api.get("/api/webhooks")).json()["data"][0]
    page_url = f"/settings/webhooks/{endpoint['id']}"
    r = await user.post_form(
        page_url,
        {"url": receiver.url, "event_types": ["contact_created", "deal_created"]},
        page=page_url,
    )
    assert r.status_code == 303
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert (shown["active"], shown["event_types"]) == (False, ["contact_created", "deal_created"])
    assert "Switched off" in (await user.web.get(page_url)).text
    rotated = await user.post_form(f"{page_url}/rotate-secret", page=page_url)
    assert soup(rotated).select_one("#new-secret")["value"].startswith("whsec_")
    gone = await user.post_form(f"{page_url}/delete", page=page_url)
    assert gone.status_code == 303
    assert (await user.web.get(page_url)).status_code == 404


async def test_the_verification_snippets_are_on_the_page_and_in_the_api_docs(app, user):
    page = soup(await user.web.get("/settings/webhooks"))
    snippets = [pre.text for pre in page.select("details pre code")]
    assert snippets == [VERIFY_PYTHON, VERIFY_JAVASCRIPT]
    docs = (await user.api.get("/api/openapi.json")).json()
    described = docs["paths"]["/api/webhooks"]["post"]["description"]
    assert "def verify_formagent" in described and "function verifyFormAgent" in described
    html = (await user.web.get("/api/docs")).text
    assert "verifyFormAgent" in html


def test_the_documented_python_snippet_verifies_a_real_signature():
    import time

    from app.services.integrations.signing import new_secret, signature

    namespace: dict = {}
    exec(VERIFY_PYTHON, namespace)  # noqa: S102 - the snippet people copy, run as they would
    secret, body = new_secret(), b'{"id": "evt_1"}'
    header = signature(secret, body, int(time.time()))
    assert namespace["verify_formagent"](secret, body, header)
    assert not namespace["verify_formagent"](secret, body + b" ", header)
    old = signature(secret, body, int(time.time()) - 301)
    assert not namespace["verify_formagent"](secret, body, old)


async def test_viewers_see_endpoints_without_controls(app, user, receiver):
    viewer = await make_viewer(app)
    page = soup(await viewer.web.get("/settings/webhooks"))
    assert page.select_one("form[action$='/settings/webhooks']") is None
    assert "members, admins and owners manage them" in page.text
    await viewer.close()
