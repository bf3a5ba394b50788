"""Test helpers: a User with its own cookie jar and API token, and job draining."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from bs4 import BeautifulSoup

from app.services.platform.jobs import run_due_jobs


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


async def drain_jobs(app, limit: int = 1000) -> int:
    """Run every due job inline (tests run with workers=0 unless they ask otherwise)."""
    return await run_due_jobs(app.state.db, app.state.settings, app.state, limit=limit)


class FakeClock:
    """Replaces app.db.clock.utcnow; ``advance(seconds)`` moves time forward."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime.now(UTC).replace(microsecond=0)
        self.tick = timedelta(0)  # set it to make every reading a step later than the last

    def __call__(self) -> datetime:
        self.now += self.tick
        return self.now

    def advance(self, seconds: float = 0, **delta) -> None:
        """Move forward by ``seconds`` plus any timedelta keywords (minutes=, days=)."""
        self.now += timedelta(seconds=seconds, **delta)

    def set(self, moment: datetime) -> None:
        self.now = moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class User:
    """A signed-up person: ``web`` is a browser-like client with the session cookie,
    ``api`` sends ``Authorization: Bearer <session token>``."""

    def __init__(self, app, email: str, password: str):
        self.app, self.email, self.password = app, email, password
        transport = httpx.ASGITransport(app=app)
        self.web = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        self.api = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        self.token = None
        self.account_id = None
        self.workspace_id = None

    @classmethod
    async def signup(
        cls,
        app,
        email: str,
        *,
        password: str = "correct horse battery",
        name: str = "",
        workspace: str = "",
        invite_token: str | None = None,
    ) -> User:
        """Sign up through the page (with an invite's token: as its link leads there)."""
        user = cls(app, email, password)
        csrf = await user.csrf("/signup")
        invite = {"invite_token": invite_token} if invite_token else {}
        r = await user.web.post(
            "/signup",
            data={
                "email": email,
                "password": password,
                "name": name,
                "workspace_name": workspace,
                "csrf_token": csrf,
                **invite,
            },
        )
        assert r.status_code == 303, r.text
        await user.login_api()
        return user

    async def login_api(self) -> None:
        r = await self.api.post(
            "/api/auth/login", json={"email": self.email, "password": self.password}
        )
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.api.headers["Authorization"] = f"Bearer {self.token}"
        me = (await self.api.get("/api/auth/me")).json()
        self.account_id = me["account"]["id"]
        self.workspace_id = me["workspace"]["id"]

    async def csrf(self, path: str = "/") -> str:
        """The CSRF token the page at ``path`` carries (meta tag of the base layout)."""
        r = await self.web.get(path)
        meta = soup(r).find("meta", attrs={"name": "csrf-token"})
        assert meta is not None, f"no csrf meta on {path}: {r.status_code}"
        return meta["content"]

    async def post_form(
        self, path: str, data: dict | None = None, *, page: str = "/", htmx: bool = False, **kwargs
    ):
        """POST a dashboard form with a valid CSRF token (taken from ``page``)."""
        token = await self.csrf(page)
        headers = {"HX-Request": "true"} if htmx else {}
        return await self.web.post(
            path, data={**(data or {}), "csrf_token": token}, headers=headers, **kwargs
        )

    async def create_api_key(self, scopes: list[str], name: str = "test key", **extra) -> str:
        r = await self.api.post("/api/api-keys", json={"name": name, "scopes": scopes, **extra})
        assert r.status_code == 201, r.text
        return r.json()["key"]

    def key_client(self, key: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app),
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {key}"},
        )

    async def close(self) -> None:
        await self.web.aclose()
        await self.api.aclose()
