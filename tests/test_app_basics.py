"""The app factory, health endpoints, migrations and the OpenAPI document."""

from app.db import Database
from app.db.migrate import migrate, migration_files
from app.main import create_app
from tests.helpers import soup


async def test_healthz_answers_without_the_database(client):
    r = await client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


async def test_readyz_checks_database_and_workers(client):
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["checks"] == {"database": "ok", "workers": "ok"}


async def test_migrations_are_recorded_and_idempotent(settings):
    for _ in range(2):  # a restart applies nothing twice
        application = create_app(settings)
        async with application.router.lifespan_context(application):
            pass
    db = await Database.open(settings.db_path)
    try:
        rows = await db.fetchall("SELECT version FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == [
            v for v, _ in migration_files(dialect=db.dialect.name)
        ]
        assert await migrate(db) == []  # (SQLite's PRAGMAs: test_db_concurrency.py)
    finally:
        await db.close()


async def test_first_visit_offers_signup(client):
    r = await client.get("/")
    assert r.status_code == 303
    assert r.headers["location"] == "/signup"


async def test_unknown_page_is_a_friendly_404_without_traceback(client):
    r = await client.get("/no/such/page")
    assert r.status_code == 404
    assert "Traceback" not in r.text
    assert soup(r).find("h1").text.strip() == "Not found"


async def test_unknown_api_path_answers_json_error(client):
    r = await client.get("/api/no-such-thing")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


async def test_openapi_lists_the_api_and_docs_render(client):
    spec = (await client.get("/api/openapi.json")).json()
    assert spec["openapi"].startswith("3.")
    assert "post" in spec["paths"]["/api/auth/login"]
    assert spec["paths"]["/api/auth/login"]["post"]["security"] == []
    r = await client.get("/api/docs")
    assert r.status_code == 200
    assert "/api/auth/login" in r.text


async def test_html_has_security_headers(client):
    r = await client.get("/login")
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["referrer-policy"]
