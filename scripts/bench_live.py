"""Fan-out delay of the live stream (SPEC §14: 200 clients, an event reaches all within 1 s p99).

Run: ``python -m scripts.bench_live [clients] [events]``; ``make bench`` calls ``run()``.
Starts one real server process (uvicorn, no access log, no workers so only
capture emits events) on a throw-away database, opens ``clients`` SSE streams,
then makes ``events`` public submissions one after another and measures, for
every (client, event) pair, the time from just before the POST until that
client has read the event's row. The figure therefore includes the submission
request itself: it is an upper bound on the hub's fan-out delay.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from scripts.bench import free_port, start_server

_SUB = re.compile(r"/submissions/(sub_[a-z0-9]{16})")
FIELDS = [{"name": "email", "type": "email", "label": "Email", "required": True}]


async def _wait_ready(base: str, proc: subprocess.Popen) -> None:
    async with httpx.AsyncClient(base_url=base) as c:
        for _ in range(200):
            if proc.poll() is not None:
                raise RuntimeError("the server exited")
            try:
                if (await c.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError("the server did not start")


async def _setup(base: str) -> tuple[str, str]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        r = await c.post(
            "/api/auth/signup",
            json={
                "email": "bench@example.com",
                "password": "bench-password-1",
                "workspace_name": "Bench",
            },
        )
        r.raise_for_status()
        auth = {"Authorization": f"Bearer {r.json()['token']}"}
        r = await c.post(
            "/api/forms",
            headers=auth,
            json={
                "name": "Bench",
                "status": "active",
                "fields": FIELDS,
                "security": {"max_submissions_per_ip": 100000, "max_submissions_per_email": 100000},
            },
        )
        r.raise_for_status()
        return r.json()["id"], auth["Authorization"]


async def _client(
    base: str,
    auth: str,
    ready: asyncio.Event,
    expected: int,
    arrivals: dict,
    opened: list,
    stop: asyncio.Event,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=None) as c:
        async with c.stream(
            "GET", "/events/stream?type=submission_received", headers={"Authorization": auth}
        ) as r:
            lines = r.aiter_lines()
            await lines.__anext__()  # "retry:": subscribed
            opened.append(1)
            if len(opened) >= expected:
                ready.set()
            async for line in lines:
                match = _SUB.search(line)
                if match:
                    arrivals.setdefault(match.group(1), []).append(time.perf_counter())
                if stop.is_set():
                    return


async def measure(base: str, clients: int, events: int) -> dict:
    form_id, auth = await _setup(base)
    ready, stop = asyncio.Event(), asyncio.Event()
    arrivals: dict[str, list[float]] = {}
    opened: list = []
    tasks = [
        asyncio.create_task(_client(base, auth, ready, clients, arrivals, opened, stop))
        for _ in range(clients)
    ]
    await asyncio.wait_for(ready.wait(), 60)
    sent: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=base, timeout=30) as visitor:
        for n in range(events):
            t0 = time.perf_counter()
            r = await visitor.post(
                f"/api/submissions/{form_id}", json={"email": f"bench{n}@example.net"}
            )
            r.raise_for_status()
            sent[r.json()["submission_id"]] = t0
            await asyncio.sleep(0.1)
    deadline = time.perf_counter() + 10
    while any(len(arrivals.get(s, ())) < clients for s in sent) and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    stop.set()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    delays = sorted(
        1000 * (t - sent[s]) for s, times in arrivals.items() if s in sent for t in times
    )
    expected = clients * events
    return {
        "clients": clients,
        "events": events,
        "deliveries": len(delays),
        "missing": expected - len(delays),
        "p50_ms": round(statistics.median(delays), 1) if delays else None,
        "p99_ms": round(delays[max(0, int(len(delays) * 0.99) - 1)], 1) if delays else None,
        "max_ms": round(delays[-1], 1) if delays else None,
    }


def run(clients: int = 200, events: int = 20) -> dict:
    """Start a server, measure, stop it; returns the figures (and prints them)."""
    with tempfile.TemporaryDirectory() as data_dir:
        port = free_port()
        proc = start_server(Path(data_dir), port, Path(data_dir) / "server.log")
        base = f"http://127.0.0.1:{port}"
        try:

            async def go():
                await _wait_ready(base, proc)
                return await measure(base, clients, events)

            result = asyncio.run(go())
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    ok = result["missing"] == 0 and result["p99_ms"] is not None and result["p99_ms"] < 1000
    print(
        f"live fan-out: {result['clients']} SSE clients x {result['events']} events: "
        f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms, "
        f"missing {result['missing']} (target p99 < 1000 ms: {'PASS' if ok else 'FAIL'})"
    )
    return result


if __name__ == "__main__":
    run(*(int(a) for a in sys.argv[1:3]))
