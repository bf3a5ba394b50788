"""CPU per public submission, measured in-process (issue 21, SPEC §14).

`make bench` measures throughput with wrk, which is meaningless on a shared,
loaded machine. This script measures what the ratio rests on instead: the CPU
time (all threads of the process: event loop, writer thread, checkpointer) spent
per request, with the ASGI app driven directly (no sockets, no uvicorn), so two
versions of the code can be compared while other work runs on the machine.

It makes a throw-away data dir, signs up, creates one form like `make bench`'s
(email, name, company, message; limits raised), warms up with 200 submissions,
then times N-200 more, 16 in flight, each with a distinct visitor IP
(X-Forwarded-For from a trusted proxy) and email, utm_source and page_url as
the benchmark sends them.

Run from the tree whose code you measure (it imports ``app`` from the cwd):

    /work/main/.venv/bin/python scripts/profile_capture.py

Environment: FLOW (booking_request: contact memory on; notify_only), N (3000),
HEALTH=1 (time GET /healthz instead: the bare endpoint; uvicorn's own cost is
not included, so in-process figures run lower than bench.py's /proc ones),
WPROF=1 (cProfile of the writer thread's ``batch_tx``, printed after the figure),
LOOP_PROF=1 (cProfile of the event loop thread, same). Both profiles count each
thread's own CPU time (time.thread_time), not wall time, which on a loaded machine
mostly measures waiting; they slow the run down, so read them for shares only.

Compare two trees by interleaving runs (A B A B ..., medians; each run is a
fresh process):

    python scripts/profile_capture.py --compare /tmp/base-tree [--runs 5]

runs this file against the cwd tree and the other tree in turn for
booking_request, notify_only and healthz, and prints the medians. Nothing in
the test suite uses this script.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

N = int(os.environ.get("N", "3000"))
FLOW = os.environ.get("FLOW", "booking_request")
WARMUP = 200
FIELDS = [
    {"name": "email", "type": "email", "label": "Email", "required": True},
    {"name": "name", "type": "text", "label": "Name"},
    {"name": "company", "type": "text", "label": "Company"},
    {"name": "message", "type": "textarea", "label": "Message"},
]


async def call(app, method: str, path: str, body: bytes = b"", ip: str = "10.0.0.1") -> int:
    """One request straight into the ASGI app; returns the status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"x-forwarded-for", ip.encode()),
        ],
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 8000),
    }
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)

    out = {}

    async def send(msg):
        if msg["type"] == "http.response.start":
            out["status"] = msg["status"]

    await app(scope, receive, send)
    return out.get("status")


def _body(i: int) -> bytes:
    return json.dumps(
        {
            "email": f"v{i}@bench.test",
            "name": f"Visitor {i}",
            "company": f"Company {i % 500}",
            "message": "Hello from the benchmark",
            "_meta": {"page_url": "https://site.test/p", "utm_source": "bench"},
        }
    ).encode()


def _ip(i: int) -> str:
    return f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}"


def _profiled(fn, profile):
    def run(*args, **kwargs):
        profile.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            profile.disable()

    return run


async def measure() -> None:
    import httpx

    from app.main import create_app

    app = create_app()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as c:
            r = await c.post(
                "/api/auth/signup",
                json={
                    "email": "b@b.test",
                    "password": "benchmark password",
                    "name": "B",
                    "workspace_name": "B",
                },
            )
            c.headers["Authorization"] = "Bearer " + r.json()["token"]
            form = {
                "name": "x",
                "status": "active",
                "flow_id": FLOW,
                "fields": FIELDS,
                "security": {
                    "max_submissions_per_ip": 100000,
                    "max_submissions_per_email": 100000,
                },
            }
            form_id = (await c.post("/api/forms", json=form)).json()["id"]
        path = f"/api/submissions/{form_id}"
        for i in range(WARMUP):
            assert await call(app, "POST", path, _body(i), _ip(i)) == 201
        bodies = [(_body(i), _ip(i)) for i in range(WARMUP, N)]

        profiles = {}
        writer_cpu = [0.0]
        from app.services.capture import batch

        def _timed(fn):
            def run(*args, **kwargs):
                t = time.thread_time()
                try:
                    return fn(*args, **kwargs)
                finally:
                    writer_cpu[0] += time.thread_time() - t

            return run

        if os.environ.get("WPROF"):
            import cProfile

            profiles["writer thread (batch_tx)"] = cProfile.Profile(time.thread_time)
            batch.batch_tx = _profiled(batch.batch_tx, profiles["writer thread (batch_tx)"])
        sem = asyncio.Semaphore(16)

        async def submit(body, ip):
            async with sem:
                status = await call(app, "POST", path, body, ip)
                assert status == 201, status

        async def health(body, ip):
            async with sem:
                assert await call(app, "GET", "/healthz") == 200

        batch.batch_tx = _timed(batch.batch_tx)  # outermost: the profile's cost counts too
        one = health if os.environ.get("HEALTH") else submit
        if os.environ.get("LOOP_PROF"):
            import cProfile

            profiles["event loop"] = cProfile.Profile(time.thread_time)
            profiles["event loop"].enable()
        t0, w0, l0 = time.process_time(), time.perf_counter(), time.thread_time()
        await asyncio.gather(*(one(b, ip) for b, ip in bodies))
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        loop_cpu = time.thread_time() - l0
        if "event loop" in profiles:
            profiles["event loop"].disable()
        n = len(bodies)
        what = "healthz" if os.environ.get("HEALTH") else FLOW
        print(
            f"RESULT {what} {1e6 * cpu / n:.1f} us_cpu_per_request {n / wall:.0f} per_s_wall"
            f" (event loop {1e6 * loop_cpu / n:.1f} us, writer thread's batch_tx"
            f" {1e6 * writer_cpu[0] / n:.1f} us)"
        )
        for name, profile in profiles.items():
            import pstats

            print(f"\n===== {name} =====")
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(35)


def _run_once(tree: str, env: dict) -> float:
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__)],
        cwd=tree,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return float(line.split()[2])


def compare(other: str, runs: int) -> None:
    here = os.getcwd()
    cases = {
        "booking_request": {"FLOW": "booking_request"},
        "notify_only": {"FLOW": "notify_only"},
        "healthz": {"HEALTH": "1"},
    }
    for name, env in cases.items():
        a, b = [], []
        for _ in range(runs):
            b.append(_run_once(other, env))
            a.append(_run_once(here, env))
        ma, mb = statistics.median(a), statistics.median(b)
        print(
            f"{name:16s} this tree {ma:7.1f} us  other {mb:7.1f} us  ({100 * (ma - mb) / mb:+.1f} %)"
            f"   runs: this {[round(x) for x in a]} other {[round(x) for x in b]}",
            flush=True,
        )


def main() -> None:
    if "--compare" in sys.argv:
        other = sys.argv[sys.argv.index("--compare") + 1]
        runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
        compare(other, runs)
        return
    os.environ["FORMAGENT_WORKERS"] = "0"
    os.environ.setdefault("FORMAGENT_LLM", "local")
    os.environ["FORMAGENT_TRUSTED_PROXIES"] = "127.0.0.1"
    os.environ["FORMAGENT_SCHEDULER_INTERVAL"] = "3600"
    sys.path.insert(0, os.getcwd())
    with tempfile.TemporaryDirectory(prefix="profile-capture-") as data_dir:
        os.environ["FORMAGENT_DATA_DIR"] = data_dir
        asyncio.run(measure())


if __name__ == "__main__":
    main()
