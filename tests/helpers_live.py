"""Helpers for live-stream tests against a real uvicorn server: people signed up
over HTTP, forms and submissions made over HTTP, and a small SSE reader."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

from tests.factory import make_form, submitted


@dataclass
class Person:
    """Signed up over HTTP: ``api`` carries the session token as Bearer."""

    base_url: str
    email: str
    token: str
    workspace_id: str
    api: httpx.AsyncClient
    forms: dict = field(default_factory=dict)

    async def create_key(self, scopes: list[str]) -> str:
        r = await self.api.post("/api/api-keys", json={"name": "live test", "scopes": scopes})
        assert r.status_code == 201, r.text
        return r.json()["key"]

    async def form(self, name: str = "Demo request") -> str:
        return (await make_form(self, name=name))["id"]

    async def submit(self, form_id: str, email: str, **data) -> str:
        """A public submission (as a visitor would make it); answers its id."""
        async with httpx.AsyncClient(base_url=self.base_url) as visitor:
            return await submitted(visitor, form_id, {"email": email, **data})

    async def close(self) -> None:
        await self.api.aclose()


async def signup(base_url: str, email: str, workspace: str) -> Person:
    async with httpx.AsyncClient(base_url=base_url) as anon:
        r = await anon.post(
            "/api/auth/signup",
            json={
                "email": email,
                "password": "correct horse battery",
                "name": email.split("@")[0],
                "workspace_name": workspace,
            },
        )
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    api = httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    me = (await api.get("/api/auth/me")).json()
    return Person(base_url, email, token, me["workspace"]["id"], api)


async def cookie_client(base_url: str, person: Person) -> httpx.AsyncClient:
    """A browser-like client signed in with the session cookie (the /login form)."""
    client = httpx.AsyncClient(base_url=base_url, timeout=10)
    page = await client.get("/login")
    csrf = page.text.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    r = await client.post(
        "/login",
        data={"email": person.email, "password": "correct horse battery", "csrf_token": csrf},
    )
    assert r.status_code == 303, r.text
    return client


class SSE:
    """Reads one text/event-stream response: ``await sse.next_event()`` -> {id, event, data}."""

    def __init__(self, response: httpx.Response):
        self.response = response
        self.lines = response.aiter_lines()
        self.comments: list[str] = []
        self.retry: int | None = None

    async def _frame(self) -> dict:
        frame: dict = {}
        async for line in self.lines:
            if line == "":
                if frame:
                    return frame
                continue
            if line.startswith(":"):
                self.comments.append(line[1:].strip())
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                frame["data"] = frame["data"] + "\n" + value if "data" in frame else value
            elif name == "retry":
                self.retry = int(value)
            else:
                frame[name] = value
        raise EOFError("the stream ended")

    async def next_event(self, timeout: float = 5.0) -> dict:
        return await asyncio.wait_for(self._frame(), timeout)

    async def events(self, count: int, timeout: float = 5.0) -> list[dict]:
        return [await self.next_event(timeout) for _ in range(count)]


async def wait_until(predicate, timeout: float = 5.0, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(interval)
