"""``formagent seed-demo`` (SPEC §2): a lived-in demo workspace, made once."""

from __future__ import annotations

from app.db import Database
from app.db.clock import parse_iso
from app.db.migrate import migrate
from app.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
from tests.helpers import User
from tests.helpers_platform import running_app


async def test_seed_demo_fills_a_workspace_once_and_the_demo_user_can_use_it(tmp_path, settings):
    db = await Database.open(settings.db_path)
    try:
        await migrate(db)
        first = await seed_demo(db, settings)
        second = await seed_demo(db, settings)
        ws = await db.fetchval("SELECT id FROM workspaces")
        counts = {
            t: await db.fetchval(f"SELECT COUNT(*) FROM {t} WHERE workspace_id = ?", (ws,))
            for t in ("forms", "submissions", "contacts", "deals", "events")
        }
        span = await db.fetchone(
            "SELECT MIN(created_at) AS a, MAX(created_at) AS b FROM submissions"
        )
        unprocessed = await db.fetchval(
            "SELECT COUNT(*) FROM submissions WHERE status IN ('received', 'processing')"
        )
    finally:
        await db.close()
    assert "is ready" in first and DEMO_EMAIL in first
    assert "already exists" in second and "nothing added" in second
    assert await_count_ok(counts)
    assert (parse_iso(span["b"]) - parse_iso(span["a"])).days >= 80  # spread over ~90 days
    assert unprocessed == 0  # every submission went through its flow
    assert await _workspaces_named(settings) == 1  # the second run made nothing

    async with running_app(settings.data_dir) as app:
        demo = User(app, DEMO_EMAIL, DEMO_PASSWORD)
        try:
            await demo.login_api()
            forms = (await demo.api.get("/api/forms")).json()["data"]
            subs = (await demo.api.get("/api/submissions", params={"limit": "200"})).json()["data"]
        finally:
            await demo.close()
    assert len(forms) == 3 and len(subs) == counts["submissions"]


def await_count_ok(counts: dict) -> bool:
    return (
        counts["forms"] == 3
        and counts["submissions"] >= 100
        and counts["contacts"] >= 50
        and counts["deals"] >= 10
        and counts["events"] > counts["submissions"]
    )


async def _workspaces_named(settings) -> int:
    db = await Database.open(settings.db_path)
    try:
        return await db.fetchval("SELECT COUNT(*) FROM workspaces WHERE name = 'FormAgent Demo'")
    finally:
        await db.close()
