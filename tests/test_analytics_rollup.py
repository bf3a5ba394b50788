"""The analytics rollups (migration 0040) are kept by triggers as rows arrive and change;
on an existing database the migration fills them from the rows already stored. Both ways
must give the same numbers."""

from __future__ import annotations

from app.db import Database
from app.db.migrate import MIGRATIONS_DIR, _statements, migrate
from app.demo import seed_demo
from app.services.analytics import rollups
from tests.factory import make_deal, make_form, submit, submitted
from tests.helpers import drain_jobs

ROLLUPS = ("analytics_daily", "analytics_deals_daily", "analytics_totals_daily")


def _backfill(conn) -> None:
    """The migration's fill from stored rows. PostgreSQL's 0040 has none (a PostgreSQL
    database starts empty, or from copy-db with its rollups): there the rebuild, which
    runs the same SELECTs per workspace, stands in for it."""
    for table in ROLLUPS:
        conn.execute(f"DELETE FROM {table}")
    if conn.dialect.name == "postgresql":
        for (ws,) in [tuple(r.values()) for r in conn.all("SELECT id FROM workspaces")]:
            rollups.rebuild_tx(conn, ws)
        return
    sql = (MIGRATIONS_DIR / "0040_analytics.sql").read_text()
    for statement in _statements(sql):
        code = "\n".join(ln for ln in statement.splitlines() if not ln.lstrip().startswith("--"))
        if code.lstrip().startswith("INSERT INTO analytics_"):
            conn.execute(statement)


async def _snapshot(db) -> dict:
    out = {}
    for table in ROLLUPS:
        rows = await db.fetchall(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4, 5")
        # rows a change brought to zero are the same as rows never written
        out[table] = [
            r
            for r in rows
            if any(
                v
                for k, v in r.items()
                if k not in ("workspace_id", "day", "form_id", "source", "first_source", "path")
            )
        ]
    return out


async def test_triggers_and_the_migration_backfill_agree(app, db, user, freeze_clock):
    form = await make_form(user, security={"max_submissions_per_ip": 100})
    first = await submitted(user, form["id"], {"email": "ann@a.test", "utm_source": "google"})
    freeze_clock.advance(minutes=6)
    await drain_jobs(app)
    again = await submitted(user, form["id"], {"email": "ann@a.test", "utm_source": "mail"})
    assert (await submit(user, form["id"], {"email": "ann@a.test"})).status_code == 409
    await submitted(user, form["id"], {"email": "bob@b.test"})
    freeze_clock.advance(hours=2)
    await drain_jobs(app)
    contact = (await user.api.get(f"/api/submissions/{first}")).json()["contact_id"]
    deal = await make_deal(user, amount=700, contact_id=contact, source_submission_id=again)
    await make_deal(user, amount=90, stage="won")
    freeze_clock.advance(hours=1)
    r = await user.api.put(f"/api/deals/{deal['id']}", json={"stage": "won", "amount": 800})
    assert r.status_code == 200, r.text

    kept = await _snapshot(db)
    assert kept["analytics_daily"] and kept["analytics_deals_daily"]
    assert sum(r["submissions"] for r in kept["analytics_daily"]) == 3
    assert sum(r["revenue"] for r in kept["analytics_totals_daily"]) == 890
    await db.write(_backfill)
    assert await _snapshot(db) == kept
    await db.write(rollups.rebuild_tx, user.workspace_id)
    assert await _snapshot(db) == kept


async def test_a_rewrite_of_history_is_followed_by_a_rebuild(app, db, user, freeze_clock):
    form = await make_form(user)
    sid = await submitted(user, form["id"], {"email": "old@a.test", "utm_source": "ads"})
    await drain_jobs(app)
    contact = (await user.api.get(f"/api/submissions/{sid}")).json()["contact_id"]
    await make_deal(user, amount=50, stage="won", contact_id=contact, source_submission_id=sid)
    kept = await _snapshot(db)

    def move_back(conn):  # what the demo's history does: the rows' days change
        for table in ("submissions", "contacts", "touchpoints", "deals"):
            conn.execute(
                f"UPDATE {table} SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-3 days')"
            )
        conn.execute("UPDATE deals SET closed_at = created_at")

    await db.write(move_back)
    await db.write(rollups.rebuild_tx, user.workspace_id)
    moved = await _snapshot(db)
    assert moved != kept
    await db.write(_backfill)  # the migration's backfill over the moved rows agrees
    assert await _snapshot(db) == moved
    r = await user.api.get("/api/analytics/overview", params={"range": "7d"})
    assert r.json()["kpis"]["submissions"]["value"] == 1
    assert r.json()["kpis"]["revenue"]["value"] == 50


async def test_the_demo_workspace_has_analytics_spread_over_its_history(tmp_path, settings):
    db = await Database.open(settings.db_path)
    try:
        await migrate(db)
        await seed_demo(db, settings)
        ws = await db.fetchval("SELECT id FROM workspaces")
        rows = await db.fetchone(
            "SELECT COUNT(*) AS n, SUM(submissions) AS submissions FROM analytics_daily"
            " WHERE workspace_id = ?",
            (ws,),
        )
        days = await db.fetchval(
            "SELECT COUNT(DISTINCT day) FROM analytics_daily WHERE workspace_id = ?", (ws,)
        )
        stored = await db.fetchval("SELECT COUNT(*) FROM submissions WHERE workspace_id = ?", (ws,))
        kept = await _snapshot(db)
        await db.write(_backfill)
        assert await _snapshot(db) == kept  # the rollups match the demo's moved rows
    finally:
        await db.close()
    assert rows["submissions"] == stored and days >= 30
