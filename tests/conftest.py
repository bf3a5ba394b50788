"""Shared fixtures: a fresh database file per test, the app with its lifespan,
users with their own cookie jars, and the browser fixtures.

Domain helpers live in tests/helpers.py; add your own fixtures in your test
module or in a tests/helpers_<area>.py rather than here."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

# Before the app is imported: template typos are errors under test (app/web/render.py).
os.environ["FORMAGENT_STRICT_TEMPLATES"] = "1"

import app.db.clock as clock_module
from app.config import Settings
from app.main import create_app
from tests import pg_support
from tests.fake_anthropic import fake_anthropic  # noqa: F401  (the fake Messages API fixture)
from tests.helpers import FakeClock, User, drain_jobs  # noqa: F401  (re-exported for tests)


def make_settings(tmp_path: Path, **overrides) -> Settings:
    values = dict(
        data_dir=tmp_path,
        db_path=tmp_path / "formagent.db",
        secret_key="test-secret-key",
        base_url="http://testserver",
        bcrypt_rounds=4,
        workers=0,
        worker_poll_seconds=0.05,
        scheduler_interval=0,
        retry_base_seconds=0.01,
        llm_requeue_seconds=0.05,
        job_lease_seconds=2.0,
        llm="local",
        llm_timeout=5.0,
    )
    if pg_support.SERVER and "db_path" not in overrides:
        values["db_path"] = pg_support.database_for(tmp_path)
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(autouse=True)
def _postgres_databases():
    """On PostgreSQL, empty the databases the test used once it is done."""
    yield
    if pg_support.SERVER:
        pg_support.release_test_databases()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server's URL: the suite's own (make test-postgres), else a throw-away
    cluster for this test process. Without PostgreSQL installed it is skipped locally
    and fails under CI=true, as the browser tests do."""
    if pg_support.SERVER:
        yield pg_support.SERVER
        return
    from scripts import pg_cluster

    if not (pg_cluster.BIN / "initdb").exists():
        message = "no PostgreSQL: install it with 'apt-get install -y postgresql'"
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL tests are required under CI=true but " + message)
        pytest.skip("PostgreSQL tests skipped: " + message)
    with pg_cluster.cluster() as url:
        yield url


def on_postgres() -> bool:
    return bool(pg_support.SERVER)


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, tests of SQLite's own machinery are deselected (and counted as
    such in the summary), never skipped or run against the wrong database."""
    if not pg_support.SERVER:
        return
    kept = [item for item in items if item.get_closest_marker("sqlite_only") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture
def freeze_clock(monkeypatch) -> FakeClock:
    """The one way tests move time: the product's clock (app.db.clock.utcnow) stops
    at the current second and moves only by ``advance()`` or ``set()``."""
    clock = FakeClock()
    monkeypatch.setattr(clock_module, "utcnow", clock)
    return clock


@pytest.fixture
def settings(tmp_path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
async def app(settings):
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as c:
        yield c


@pytest.fixture
def db(app):
    return app.state.db


@pytest.fixture
async def user(app) -> User:
    u = await User.signup(app, "alice@example.com", name="Alice Owner", workspace="Acme Marketing")
    yield u
    await u.close()


@pytest.fixture
async def two_workspaces(app):
    """Two people, each owner of their own workspace: for isolation tests."""
    alice = await User.signup(app, "alice@example.com", name="Alice", workspace="Alice Co")
    bob = await User.signup(app, "bob@example.org", name="Bob", workspace="Bob Inc")
    yield alice, bob
    await alice.close()
    await bob.close()


# -- browser tests -----------------------------------------------------------
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    for candidate in (
        os.environ.get("FORMAGENT_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        shutil.which("chromium") or "",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        message = (
            "no Chromium: install it with 'apt-get install -y chromium' (or set FORMAGENT_CHROMIUM)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail("browser tests are required under CI=true but " + message)
        pytest.skip("browser tests skipped: " + message)
    return path


@pytest.fixture
def browser(chromium_path):
    """Per test (launch ≈ 0.3 s): an open sync Playwright keeps its event loop marked
    as running on the main thread, which would break every async test after it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(20_000)  # generous: CI shares two cores with the server under test
    yield pg
    context.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """A real uvicorn server on a local port, in a thread with its own event loop."""

    def __init__(self, asgi_app, port: int):
        import uvicorn

        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(
            asgi_app,
            host="127.0.0.1",
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="on",
            ws="websockets-sansio",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(tmp_path):
    """The app served by uvicorn on a free port, with one background worker."""
    port = free_port()
    settings = make_settings(tmp_path, base_url=f"http://127.0.0.1:{port}", workers=1)
    application = create_app(settings)
    with ServerThread(application, port) as server:
        server.app = application
        yield server


@pytest.fixture
def foreign_site(tmp_path):
    """A second origin playing a customer's website: serves files from a folder."""
    import functools
    import http.server

    root = tmp_path / "site"
    root.mkdir()
    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    handler.log_message = lambda *a, **k: None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    site = type("Site", (), {"root": root, "url": f"http://127.0.0.1:{port}"})
    yield site
    httpd.shutdown()
