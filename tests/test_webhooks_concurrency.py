"""Webhook calls run beside the job workers (SPEC §13: one tenant's slow receiver
must not stall anyone's processing), and a call lost with its process is sent again."""

from __future__ import annotations

from types import SimpleNamespace

from app.services.integrations import delivery
from tests.factory import make_contact, make_form, submit
from tests.helpers import User, drain_jobs
from tests.helpers_platform import running_app, wait_until
from tests.helpers_webhooks import Receiver


async def statuses(app, table: str) -> list[str]:
    rows = await app.state.db.fetchall(f"SELECT status FROM {table} ORDER BY created_at")  # noqa: S608
    return [r["status"] for r in rows]


async def test_a_receiver_that_hangs_does_not_hold_up_processing(tmp_path):
    with Receiver() as receiver:
        receiver.release.clear()  # the receiver takes every request and answers nothing yet
        async with running_app(
            tmp_path,
            workers=1,
            webhook_allow_private=True,
            webhook_concurrency=4,
            webhook_timeout=10,
        ) as app:
            alice = await User.signup(app, "alice@example.com", workspace="Acme")
            form = await make_form(alice)
            r = await alice.api.post(
                "/api/webhooks", json={"url": receiver.url, "event_types": ["submission_received"]}
            )
            assert r.status_code == 201
            for n in range(3):
                assert (
                    await submit(alice, form["id"], {"email": f"v{n}@example.com"})
                ).status_code == 201

            async def processed():
                subs = await statuses(app, "submissions")
                return len(subs) == 3 and "received" not in subs and "processing" not in subs

            # One worker, three calls hanging: processing still goes on.
            await wait_until(processed, timeout=8)
            await wait_until(lambda: _count(receiver, 3), timeout=5)
            assert await statuses(app, "webhook_deliveries") == ["sending"] * 3
            receiver.release.set()

            async def delivered():
                return await statuses(app, "webhook_deliveries") == ["delivered"] * 3

            await wait_until(delivered, timeout=8)
            await alice.close()


async def _count(receiver, n):
    return len(receiver.requests) >= n


async def test_shutdown_hands_a_call_in_flight_back(tmp_path):
    with Receiver() as receiver:
        receiver.release.clear()
        async with running_app(
            tmp_path, workers=1, webhook_allow_private=True, webhook_concurrency=4
        ) as app:
            alice = await User.signup(app, "alice@example.com", workspace="Acme")
            await alice.api.post(
                "/api/webhooks", json={"url": receiver.url, "event_types": ["contact_created"]}
            )
            await make_contact(alice, "ann@example.com")
            await wait_until(lambda: _count(receiver, 1), timeout=8)
            await alice.close()
        # stopped mid-call: the next start finds the delivery queued again
        receiver.release.set()
        async with running_app(tmp_path, webhook_allow_private=True, webhook_concurrency=0) as app:
            assert await statuses(app, "webhook_deliveries") == ["pending"]
            await drain_jobs(app)
            assert await statuses(app, "webhook_deliveries") == ["delivered"]
        assert len({r["headers"]["FormAgent-Delivery"] for r in receiver.requests}) == 1


async def test_a_call_lost_with_its_process_goes_out_again(tmp_path, freeze_clock):
    with Receiver() as receiver:
        async with running_app(tmp_path, webhook_allow_private=True, webhook_concurrency=0) as app:
            alice = await User.signup(app, "alice@example.com", workspace="Acme")
            await alice.api.post(
                "/api/webhooks", json={"url": receiver.url, "event_types": ["contact_created"]}
            )
            await make_contact(alice, "ann@example.com")
            [row] = await app.state.db.fetchall("SELECT id FROM webhook_deliveries")
            # a process claims the call and dies before sending it
            assert await app.state.db.write(delivery._claim_tx, row["id"], 10.0) is not None
            await app.state.db.execute("DELETE FROM jobs WHERE kind = 'deliver_webhook'")
            ctx = SimpleNamespace(db=app.state.db, settings=app.state.settings)
            assert await delivery.requeue_stalled(ctx) == 0  # not before its deadline
            freeze_clock.advance(seconds=71)
            assert await delivery.requeue_stalled(ctx) == 1
            await drain_jobs(app)
            assert await statuses(app, "webhook_deliveries") == ["delivered"]
            assert len(receiver.requests) == 1
            await alice.close()
