"""Signed webhooks (SPEC §18) against a real local receiver: signature, retries on
the frozen clock, 410, pause after 20 failures, resend, test payloads, the log."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings
from tests.factory import make_contact, make_form, make_viewer, submitted
from tests.helpers import drain_jobs
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


async def make_endpoint(user, url, types=("submission_received",), **extra):
    r = await user.api.post("/api/webhooks", json={"url": url, "event_types": list(types), **extra})
    assert r.status_code == 201, r.text
    return r.json()


async def deliveries(user, endpoint_id):
    r = await user.api.get(f"/api/webhooks/{endpoint_id}/deliveries")
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def test_a_submission_is_delivered_signed_with_the_documented_scheme(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url)
    secret = endpoint["secret"]
    assert secret.startswith("whsec_")
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert "secret" not in shown and shown["status"] == "active"
    form = await make_form(user)
    sub_id = await submitted(user, form["id"], {"email": "jane@bigcorp.example", "name": "Jane"})
    await drain_jobs(app)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    headers = {k.lower(): v for k, v in request["headers"].items()}
    assert verify_signature(secret, request["body"], headers["formagent-signature"])
    assert not verify_signature("whsec_wrong", request["body"], headers["formagent-signature"])
    assert headers["formagent-event"] == "submission_received"
    payload = receiver.json()
    assert set(payload) == {"id", "type", "created_at", "workspace_id", "data"}
    assert payload["workspace_id"] == user.workspace_id and payload["id"].startswith("evt_")
    assert payload["data"]["submission"]["id"] == sub_id
    assert payload["data"]["submission"]["data"]["email"] == "jane@bigcorp.example"
    log = await deliveries(user, endpoint["id"])
    assert [d["status"] for d in log] == ["delivered"]
    assert log[0]["id"] == headers["formagent-delivery"]
    assert log[0]["response_status"] == 200 and log[0]["attempts"] == 1
    assert log[0]["response_excerpt"] == '{"ok": true}' and log[0]["duration_ms"] >= 0
    one = (await user.api.get(f"/api/webhook-deliveries/{log[0]['id']}")).json()
    assert one["payload"] == payload


async def test_failures_retry_on_the_schedule_of_the_frozen_clock(
    app, user, receiver, freeze_clock
):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    receiver.answers = [500, 503]
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    [delivery] = await deliveries(user, endpoint["id"])
    assert (delivery["status"], delivery["attempts"], delivery["response_status"]) == (
        "pending",
        1,
        500,
    )
    assert delivery["next_attempt_at"] is not None

    freeze_clock.advance(seconds=50)
    await drain_jobs(app)
    assert len(receiver.requests) == 1  # not due before about a minute
    freeze_clock.advance(seconds=11)
    await drain_jobs(app)
    assert len(receiver.requests) == 2  # the 1 min retry, answered 503
    freeze_clock.advance(minutes=4)
    await drain_jobs(app)
    assert len(receiver.requests) == 2  # the next one waits 5 min
    freeze_clock.advance(minutes=1, seconds=1)
    await drain_jobs(app)
    [delivery] = await deliveries(user, endpoint["id"])
    assert (delivery["status"], delivery["attempts"], delivery["response_status"]) == (
        "delivered",
        3,
        200,
    )
    ids = {r["headers"]["FormAgent-Delivery"] for r in receiver.requests}
    assert ids == {delivery["id"]}  # every attempt under one delivery id
    assert len({r["body"] for r in receiver.requests}) == 1
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert shown["consecutive_failures"] == 0


async def test_a_delivery_gives_up_after_about_a_day(app, user, receiver, freeze_clock):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    receiver.answers = [500] * 10
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    for minutes in (1, 5, 30, 120, 360, 720):
        freeze_clock.advance(minutes=minutes, seconds=1)
        await drain_jobs(app)
    [delivery] = await deliveries(user, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("failed", 7)
    freeze_clock.advance(days=2)
    await drain_jobs(app)
    assert len(receiver.requests) == 7


async def test_410_gone_disables_the_endpoint(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    receiver.answers = [410]
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert (shown["status"], shown["active"]) == ("disabled", False)
    [delivery] = await deliveries(user, endpoint["id"])
    assert (delivery["status"], delivery["response_status"]) == ("failed", 410)
    await make_contact(user, "bob@example.com")
    await drain_jobs(app)
    assert len(receiver.requests) == 1  # nothing more is sent to it
    events = (await user.api.get("/api/events", params={"type": "webhook_disabled"})).json()["data"]
    assert [e["details"]["endpoint_id"] for e in events] == [endpoint["id"]]
    # switching it back on starts afresh
    r = await user.api.put(f"/api/webhooks/{endpoint['id']}", json={**shown, "active": True})
    assert r.status_code == 200 and r.json()["status"] == "active"


async def test_twenty_failures_in_a_row_pause_it_and_email_the_admins(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    receiver.answers = [500] * 25
    for n in range(19):
        await make_contact(user, f"c{n}@example.com")
    await drain_jobs(app)
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert (shown["status"], shown["consecutive_failures"]) == ("active", 19)
    await make_contact(user, "c19@example.com")
    await drain_jobs(app)
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert (shown["status"], shown["active"], shown["consecutive_failures"]) == (
        "paused",
        False,
        20,
    )
    emails = (await user.api.get("/api/emails")).json()["data"]
    paused = [e for e in emails if "paused" in e["subject"]]
    assert [e["to"] for e in paused] == ["alice@example.com"]
    # paused: new events are not delivered, pending retries stop
    await make_contact(user, "late@example.com")
    await drain_jobs(app)
    assert len(receiver.requests) == 20


async def test_a_success_resets_the_failures_in_a_row(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    receiver.answers = [500] * 5
    for n in range(6):
        await make_contact(user, f"c{n}@example.com")
    await drain_jobs(app)
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert shown["consecutive_failures"] == 0 and shown["status"] == "active"


async def test_resend_keeps_the_delivery_id_and_body_with_a_fresh_signature(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    await make_contact(user, "ann@example.com")
    await drain_jobs(app)
    [delivery] = await deliveries(user, endpoint["id"])
    r = await user.api.post(f"/api/webhook-deliveries/{delivery['id']}/resend")
    assert r.status_code == 202 and r.json()["status"] == "pending"
    again = await user.api.post(f"/api/webhook-deliveries/{delivery['id']}/resend")
    assert again.status_code == 409  # still pending
    await drain_jobs(app)
    assert len(receiver.requests) == 2
    first, second = receiver.requests
    assert first["body"] == second["body"]
    assert first["headers"]["FormAgent-Delivery"] == second["headers"]["FormAgent-Delivery"]
    assert verify_signature(
        endpoint["secret"], second["body"], second["headers"]["FormAgent-Signature"]
    )
    [delivery] = await deliveries(user, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)


async def test_send_test_posts_a_sample_made_from_the_forms_fields(app, user, receiver):
    fields = [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "full_name", "type": "text", "label": "Full name"},
        {"name": "team_size", "type": "select", "label": "Team", "options": ["1-10", "11-50"]},
        {"name": "budget", "type": "number", "label": "Budget", "min": 1000},
    ]
    form = await make_form(user, name="Pricing", fields=fields)
    endpoint = await make_endpoint(user, receiver.url, active=False)
    r = await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={"form_id": form["id"]})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert (answer["status"], answer["response_status"], answer["test"]) == ("delivered", 200, True)
    payload = receiver.json()
    assert payload["test"] is True and payload["type"] == "submission_received"
    data = payload["data"]["submission"]["data"]
    assert data == {
        "email": "jane.miller@example.com",
        "full_name": "Jane Miller",
        "team_size": "1-10",
        "budget": 1000,
    }
    assert payload["data"]["form_name"] == "Pricing"
    headers = receiver.requests[0]["headers"]
    assert verify_signature(
        endpoint["secret"], receiver.requests[0]["body"], headers["FormAgent-Signature"]
    )
    # a test changes nothing else: the endpoint stays off, tests are not resent
    shown = (await user.api.get(f"/api/webhooks/{endpoint['id']}")).json()
    assert shown["status"] == "inactive"
    resend = await user.api.post(f"/api/webhook-deliveries/{answer['id']}/resend")
    assert resend.status_code == 409


async def test_redirects_are_not_followed_and_one_kb_is_kept(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url)
    receiver.answers = [302]
    r = await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})
    assert (r.json()["status"], r.json()["response_status"]) == ("failed", 302)
    assert len(receiver.requests) == 1
    receiver.body = b"x" * 5000
    r = await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})
    assert len(r.json()["response_excerpt"]) == 1024


async def test_the_form_filter_and_event_types_choose_what_is_sent(app, user, receiver):
    form_a, form_b = await make_form(user, name="A"), await make_form(user, name="B")
    endpoint = await make_endpoint(user, receiver.url, form_id=form_a["id"])
    await submitted(user, form_b["id"], {"email": "b@example.com"})
    await submitted(user, form_a["id"], {"email": "a@example.com"})
    await drain_jobs(app)
    assert [receiver.json(i)["data"]["form_id"] for i in range(len(receiver.requests))] == [
        form_a["id"]
    ]
    assert (await deliveries(user, endpoint["id"]))[0]["event_type"] == "submission_received"


async def test_bad_endpoints_are_refused_with_a_clear_message(app, user, receiver):
    cases = [
        ({"url": receiver.url, "event_types": ["no_such_event"]}, "event_types"),
        ({"url": receiver.url, "event_types": ["spam_blocked"]}, "event_types"),
        ({"url": receiver.url, "event_types": []}, "event_types"),
        ({"url": "ftp://example.com/x", "event_types": ["contact_created"]}, "url"),
        ({"url": "not a url", "event_types": ["contact_created"]}, "url"),
        ({"url": receiver.url, "event_types": ["contact_created"], "form_id": "form_x"}, "form_id"),
    ]
    for body, field in cases:
        r = await user.api.post("/api/webhooks", json=body)
        assert r.status_code == 422, (body, r.text)
        assert field in r.json()["error"]["fields"], r.text


async def test_rotating_the_secret_signs_with_the_new_one(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url)
    r = await user.api.post(f"/api/webhooks/{endpoint['id']}/rotate-secret")
    assert r.status_code == 200
    new_secret = r.json()["secret"]
    assert new_secret != endpoint["secret"]
    await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})
    sent = receiver.requests[-1]
    assert verify_signature(new_secret, sent["body"], sent["headers"]["FormAgent-Signature"])
    assert not verify_signature(
        endpoint["secret"], sent["body"], sent["headers"]["FormAgent-Signature"]
    )


async def test_a_slow_receiver_times_out(tmp_path, user, app, receiver):
    receiver.delay = 1.0
    endpoint = await make_endpoint(user, receiver.url)
    app.state.settings = app.state.settings.with_(webhook_timeout=0.2)
    r = await user.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})
    assert r.json()["status"] == "failed"
    assert "No answer within 0.2 s" in r.json()["error"]


async def test_deleting_an_endpoint_stops_its_queued_deliveries(app, user, receiver):
    endpoint = await make_endpoint(user, receiver.url, types=["contact_created"])
    await make_contact(user, "ann@example.com")
    r = await user.api.delete(f"/api/webhooks/{endpoint['id']}")
    assert r.status_code == 204
    await drain_jobs(app)
    assert receiver.requests == []
    assert (await user.api.get(f"/api/webhooks/{endpoint['id']}")).status_code == 404


async def test_viewers_read_but_do_not_change_and_other_workspaces_see_nothing(
    app, two_workspaces, receiver
):
    alice, bob = two_workspaces
    endpoint = await make_endpoint(alice, receiver.url)
    for path in (
        f"/api/webhooks/{endpoint['id']}",
        f"/api/webhooks/{endpoint['id']}/deliveries",
    ):
        assert (await bob.api.get(path)).status_code == 404
    assert (await bob.api.post(f"/api/webhooks/{endpoint['id']}/test", json={})).status_code == 404
    assert (await bob.api.delete(f"/api/webhooks/{endpoint['id']}")).status_code == 404
    assert (await bob.api.get("/api/webhooks")).json()["data"] == []
    viewer = await make_viewer(app)
    r = await viewer.api.post(
        "/api/webhooks", json={"url": receiver.url, "event_types": ["contact_created"]}
    )
    assert r.status_code == 403
    await viewer.close()
    key = await alice.create_api_key(["webhooks:read"])
    async with alice.key_client(key) as reader:
        assert (await reader.get("/api/webhooks")).status_code == 200
        r = await reader.post(
            "/api/webhooks", json={"url": receiver.url, "event_types": ["contact_created"]}
        )
        assert r.status_code == 403
