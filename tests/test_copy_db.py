"""`formagent copy-db SRC DST` (SPEC §15): a SQLite database with a bit of everything
goes to PostgreSQL and back, every table's rows counted and compared, and the copy
serves the same account and data."""

from __future__ import annotations

import asyncio
import sqlite3

import httpx
import pytest

from app.cli import main as formagent
from app.main import create_app
from tests import pg_support
from tests.conftest import make_settings
from tests.factory import make_deal, make_form, submitted
from tests.helpers import User, drain_jobs


@pytest.fixture
def empty_pg(pg_server):
    """A new, empty database on the PostgreSQL server."""
    with pg_support.fresh_database(pg_server) as url:
        yield url


async def _fill(settings) -> None:
    """Sign-up, a form, submissions processed into contacts, a won deal, analytics."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        owner = await User.signup(application, "owner@example.com", workspace="Copy Co")
        form = await make_form(owner)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=application), base_url="http://testserver"
        ) as visitor:
            for n in range(5):
                await submitted(visitor, form["id"], {"email": f"v{n}@x.test", "name": f"V {n}"})
        await drain_jobs(application)
        await make_deal(owner, name="Big one", amount=1200, stage="won")
        await owner.close()


def _sqlite_rows(path) -> dict[str, list]:
    """Every table's rows, but the full-text index's own (rebuilt, not copied)."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'"
                " AND name NOT LIKE 'contact_search_fts%'"
            )
        ]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


async def test_sqlite_to_postgres_and_back_keeps_every_row(tmp_path, empty_pg, capsys):
    source = tmp_path / "source.db"
    await _fill(make_settings(tmp_path / "src", db_path=source))

    assert await asyncio.to_thread(formagent, ["copy-db", str(source), empty_pg]) == 0
    assert "every table's row count matches" in capsys.readouterr().out
    back = tmp_path / "back.db"
    assert await asyncio.to_thread(formagent, ["copy-db", empty_pg, str(back)]) == 0

    before, after = _sqlite_rows(source), _sqlite_rows(back)
    assert before.keys() == after.keys()
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert before["submissions"] and before["analytics_daily"] and before["events"]
    for table in before:  # the same values, not only the same counts
        assert after[table] == before[table], table
    with sqlite3.connect(back) as conn:  # the rebuilt full-text index finds a substring
        assert conn.execute(
            "SELECT COUNT(*) FROM contact_search_fts WHERE contact_search_fts MATCH '\"x.test\"'"
        ).fetchone() == (5,)

    # The PostgreSQL copy serves the same account and its data.
    application = create_app(make_settings(tmp_path / "pg", db_path=empty_pg))
    async with application.router.lifespan_context(application):
        owner = User(application, "owner@example.com", "correct horse battery")
        await owner.login_api()
        contacts = (await owner.api.get("/api/contacts")).json()["data"]
        assert sorted(c["email"] for c in contacts) == [f"v{n}@x.test" for n in range(5)]
        overview = (await owner.api.get("/api/analytics/overview")).json()
        assert overview["kpis"]["submissions"]["value"] == 5
        await owner.close()


async def test_copy_refuses_a_database_that_holds_rows(tmp_path, empty_pg, capsys):
    source = tmp_path / "source.db"
    await _fill(make_settings(tmp_path / "src", db_path=source))
    assert await asyncio.to_thread(formagent, ["copy-db", str(source), empty_pg]) == 0
    assert await asyncio.to_thread(formagent, ["copy-db", str(source), empty_pg]) == 1
    assert "DST is not empty" in capsys.readouterr().err
