"""Two server processes and their workers on one PostgreSQL database (SPEC §15):
jobs run once, round-robin stays fair, rate limits hold across processes, and the
live stream of one process shows the other's events within a second (LISTEN/NOTIFY
wakes it; the 1 s poll alone would not make that reliably).

Real `formagent serve` processes, started together on an empty database (so their
migration runs race too). Runs in both suites: with a throw-away cluster of its own
when the suite itself runs on SQLite."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
import pytest

from tests import pg_support
from tests.conftest import free_port
from tests.factory import make_form
from tests.helpers_live import SSE, signup
from tests.test_routing import group, handler

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def _servers(url: str, tmp_path: Path, count: int):
    procs, urls = [], []
    for n in range(count):
        port = free_port()
        env = dict(
            os.environ,
            FORMAGENT_DB=url,
            FORMAGENT_DATA_DIR=str(tmp_path / f"proc{n}"),
            FORMAGENT_SECRET_KEY="shared-secret-of-the-deployment",
            FORMAGENT_BASE_URL=f"http://127.0.0.1:{port}",
            FORMAGENT_WORKERS="2",
            FORMAGENT_LLM="local",
            FORMAGENT_RETRY_BASE_SECONDS="0.05",
        )
        env.pop("FORMAGENT_TEST_POSTGRES", None)
        log = (tmp_path / f"proc{n}.log").open("wb")
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--no-access-log"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        for proc, base in zip(procs, urls, strict=True):
            while True:
                assert proc.poll() is None, (tmp_path / "proc0.log").read_text()
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                        break
                assert time.monotonic() < deadline, "a server process did not get ready"
                time.sleep(0.1)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=15)


@pytest.fixture
def database(pg_server):
    """A new, empty database on the PostgreSQL server."""
    with pg_support.fresh_database(pg_server) as url:
        yield url


def _rows(url: str, sql: str, params=()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


async def _wait(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_two_processes_share_jobs_round_robin_limits_and_live_events(database, tmp_path):
    with _servers(database, tmp_path, 2) as (first, second):
        applied = _rows(database, "SELECT version FROM schema_migrations")
        assert len(applied) == len({v for (v,) in applied})  # each migration ran once

        owner = await signup(first, "owner@example.com", "Two Machines Co")
        ann, bob, cid = [await handler(owner, n) for n in ("Ann", "Bob", "Cid")]
        team = await group(owner, "round_robin", [ann, bob, cid])
        form = (
            await make_form(
                owner,
                flow_id="direct_route",
                assignment={"type": "group", "id": team["id"]},
                # 55 per network and hour: 50 now, 1 for the latency check, 4 of the last 11
                security={"max_submissions_per_ip": 55},
            )
        )["id"]

        # The live stream of the first process, opened before anything is submitted.
        stream = owner.api.stream("GET", "/events/stream?type=submission_received")
        response = await stream.__aenter__()
        try:
            assert response.status_code == 200
            sse = SSE(response)
            assert (await asyncio.wait_for(sse.lines.__anext__(), 5)).startswith("retry:")

            # 50 visitors, alternately on each process, all at once.
            async with (
                httpx.AsyncClient(base_url=first, timeout=30) as a,
                httpx.AsyncClient(base_url=second, timeout=30) as b,
            ):
                sent = time.monotonic()
                answers = await asyncio.gather(
                    *(
                        (a, b)[i % 2].post(
                            f"/api/submissions/{form}", json={"email": f"v{i}@x.test"}
                        )
                        for i in range(50)
                    )
                )
            assert [x.status_code for x in answers] == [201] * 50
            ids = {x.json()["submission_id"] for x in answers}

            seen = set()
            while len(seen) < 50:
                seen.add((await sse.next_event(timeout=10))["id"])
            assert time.monotonic() - sent < 10

            # One submission on the second process reaches the first's stream within a second.
            async with httpx.AsyncClient(base_url=second, timeout=30) as b:
                sent = time.monotonic()
                r = await b.post(f"/api/submissions/{form}", json={"email": "late@x.test"})
                assert r.status_code == 201, r.text
            frame = await sse.next_event(timeout=5)
            assert r.json()["submission_id"] in frame["data"]
            assert time.monotonic() - sent < 1.0
        finally:
            await stream.__aexit__(None, None, None)

        # Every submission processed exactly once, by the workers of both processes.
        placeholders = ",".join(["%s"] * len(ids))
        await _wait(
            lambda: (
                _rows(
                    database,
                    f"SELECT COUNT(*) FROM submissions WHERE id IN ({placeholders})"
                    " AND assigned_id IS NOT NULL",
                    tuple(ids),
                )[0][0]
                == 50
            )
        )
        # a job's row is marked done just after its work: wait for the rows too, not only the work
        await _wait(
            lambda: (
                _rows(
                    database,
                    "SELECT COUNT(*) FROM jobs WHERE kind = 'process_submission' AND status = 'done'",
                )[0][0]
                >= 51
            )
        )
        runs = _rows(
            database,
            "SELECT last_error, attempts, status FROM jobs WHERE kind = 'process_submission'",
        )
        assert len(runs) == 51 and {(a, s) for _, a, s in runs} == {(1, "done")}, [
            e for e, *_ in runs if e
        ]
        processed = _rows(
            database,
            "SELECT submission_id, COUNT(*) FROM events WHERE type = 'submission_routed'"
            " GROUP BY submission_id",
        )
        assert len(processed) == 51 and {n for _, n in processed} == {1}

        # Round robin over three handlers stays fair across the two processes.
        split = collections.Counter(
            assignee
            for (assignee,) in _rows(
                database,
                f"SELECT assigned_id FROM submissions WHERE id IN ({placeholders})",
                tuple(ids),
            )
        )
        assert sorted(split.values()) == [16, 17, 17] and set(split) == {ann, bob, cid}

        # The limit of 55 per network and hour holds across both processes: of 11 more
        # sent at once to both, 4 are taken.
        async with (
            httpx.AsyncClient(base_url=first, timeout=30) as a,
            httpx.AsyncClient(base_url=second, timeout=30) as b,
        ):
            answers = await asyncio.gather(
                *(
                    (a, b)[i % 2].post(f"/api/submissions/{form}", json={"email": f"w{i}@x.test"})
                    for i in range(11)
                )
            )
        codes = collections.Counter(x.status_code for x in answers)
        assert codes == {201: 4, 429: 7}
        await owner.close()
