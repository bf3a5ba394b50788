"""`make bench`: HTTP throughput against one real server process (SPEC §14).

Starts uvicorn (no access log, its own throw-away data dir) on a free port,
creates an account and an active form through the API, then runs
``wrk -t2 -c32 -d10s`` against each endpoint in ENDPOINTS and prints req/s,
p99, non-2xx counts and the ratio to the bare ``/healthz`` endpoint measured in
the same run, plus the server's CPU time per request (from /proc: a figure that
does not depend on what else the machine is doing). The server log is scanned
for "database is locked". It stops by
itself; other benchmark modules (scripts/bench_campaign.py, scripts/bench_live.py,
scripts/bench_crm.py, scripts/bench_analytics.py, scripts/bench_webhooks.py) run afterwards.

Add an endpoint: append an ``Endpoint`` whose ``setup(ctx)`` returns the wrk
Lua script (``ctx`` holds base_url, token, form_id); ``target`` is the ratio
it must reach (None: informative only).

Options (environment): BENCH_DURATION (default 10s), BENCH_CONNECTIONS (32),
BENCH_THREADS (2), BENCH_WORKERS (background job workers in the server, default
0 so the figure is the synchronous pipeline alone), BENCH_ONLY (comma list of
endpoint names), BENCH_SKIP_OTHERS=1 (HTTP endpoints only).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

DONE_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
    .. '"non2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""

SUBMIT_LUA = r"""
local threads_made = 0
setup = function(thread)
  thread:set("tid", threads_made)
  threads_made = threads_made + 1
end
local n = 0
request = function()
  n = n + 1
  -- distinct visitor (IP via X-Forwarded-For from the trusted proxy) and email per request
  local ip = string.format("10.%d.%d.%d", tid % 256, math.floor(n / 256) % 256, n % 256)
  local body = string.format('{"email":"v%d-%d@bench.test","name":"Visitor %d","company":"Company %d",'
    .. '"message":"Hello from the benchmark","_meta":{"page_url":"https://site.test/p","utm_source":"bench"}}',
    tid, n, n, n % 500)
  return wrk.format("POST", "__PATH__", {["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip}, body)
end
"""


BEACON_LUA = r"""
wrk.method = "POST"
wrk.path = "__PATH__"
wrk.body = '{"type":"view"}'
wrk.headers["Content-Type"] = "application/json"
"""


@dataclass
class Endpoint:
    name: str
    setup: Callable[[dict], str]  # returns the wrk Lua script (without the done() reporter)
    target: float | None = None  # required ratio to /healthz
    p99_ms: float | None = None


def _get(path: str) -> Callable[[dict], str]:
    return lambda ctx: f'wrk.method = "GET"\nwrk.path = "{path.format(**ctx)}"\n'


ENDPOINTS = [
    Endpoint("healthz", _get("/healthz")),
    Endpoint(
        "submission",
        lambda ctx: SUBMIT_LUA.replace("__PATH__", f"/api/submissions/{ctx['form_id']}"),
        0.15,
        25.0,
    ),
    Endpoint("schema", _get("/api/forms/{form_id}/schema?visitor_id=bench-visitor"), 0.5, 10.0),
    Endpoint(
        "beacon",
        lambda ctx: BEACON_LUA.replace("__PATH__", f"/api/forms/{ctx['form_id']}/beacon"),
        0.5,
    ),
]

FORM = {
    "name": "Benchmark demo request",
    "status": "active",
    "flow_id": "direct_route",
    "fields": [
        {"name": "email", "type": "email", "label": "Email", "required": True},
        {"name": "name", "type": "text", "label": "Name"},
        {"name": "company", "type": "text", "label": "Company"},
        {"name": "message", "type": "textarea", "label": "Message"},
    ],
    "security": {"max_submissions_per_ip": 100000, "max_submissions_per_email": 100000},
}


def free_port() -> int:
    """A free local port: the first free one of BENCH_PORTS ("18100-18199") when set
    (so parallel runs on a shared machine keep to their own range), else any."""
    low, _, high = os.environ.get("BENCH_PORTS", "").partition("-")
    for port in range(int(low), int(high or low) + 1) if low else ():
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "FORMAGENT_DATA_DIR": str(data_dir),
        "FORMAGENT_LLM": "local",
        "FORMAGENT_WORKERS": os.environ.get("BENCH_WORKERS", "0"),
        "FORMAGENT_TRUSTED_PROXIES": "127.0.0.1",
        "FORMAGENT_BASE_URL": f"http://127.0.0.1:{port}",
        "FORMAGENT_SCHEDULER_INTERVAL": "3600",
    }
    log = open(log_path, "wb")  # noqa: SIM115 - closed by the caller via the process lifetime
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--no-proxy-headers",  # as `formagent serve` runs it: our own client_ip reads X-Forwarded-For
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=log,
        stderr=log,
    )


def wait_ready(base: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not start")


def prepare(base: str) -> dict:
    with httpx.Client(base_url=base, timeout=10) as client:
        r = client.post(
            "/api/auth/signup",
            json={
                "email": "bench@bench.test",
                "password": "benchmark password",
                "name": "Bench",
                "workspace_name": "Bench",
            },
        )
        r.raise_for_status()
        token = r.json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        form = client.post("/api/forms", json=FORM)
        form.raise_for_status()
        form_id = form.json()["id"]
        # SPEC §14: the schema is measured with an experiment running on the form
        experiment = client.post(
            "/api/experiments",
            json={
                "form_id": form_id,
                "status": "active",
                "variants": [
                    {"label": "Control", "weight": 1, "overrides": None},
                    {
                        "label": "Warmer thanks",
                        "weight": 1,
                        "overrides": {"response": {"thank_you_message": "Thank you!"}},
                    },
                ],
            },
        )
        experiment.raise_for_status()
        probe = client.post(f"/api/submissions/{form_id}", json={"email": "probe@bench.test"})
        if probe.status_code != 201:
            raise RuntimeError(f"probe submission failed: {probe.status_code} {probe.text}")
    return {"base_url": base, "token": token, "form_id": form_id}


def cpu_seconds(pid: int) -> float:
    """utime + stime of the server process (Linux /proc), to report CPU per request."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def run_wrk(base: str, lua: str, workdir: Path, name: str) -> dict:
    script = workdir / f"{name}.lua"
    script.write_text(lua + DONE_LUA)
    duration = os.environ.get("BENCH_DURATION", "10s")
    cmd = [
        "wrk",
        f"-t{os.environ.get('BENCH_THREADS', '2')}",
        f"-c{os.environ.get('BENCH_CONNECTIONS', '32')}",
        f"-d{duration}",
        "--timeout",
        "5s",
        "-s",
        str(script),
        base,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    line = next((ln for ln in out.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary:\n{out}")
    data = json.loads(line[len("BENCH_JSON ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = data["connect"] + data["read"] + data["write"] + data["timeout"]
    return data


def report(results: dict[str, dict], locked: int, extra: dict) -> bool:
    bare = results.get("healthz", {}).get("rps") or 0
    print(
        f"\n{'endpoint':<14}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'errors':>8}{'cpu us':>8}"
        f"{'ratio':>8}  target"
    )
    ok = True
    for ep in ENDPOINTS:
        r = results.get(ep.name)
        if r is None:
            continue
        ratio = r["rps"] / bare if bare else 0
        verdict = []
        if ep.target is not None:
            verdict.append(f">= {ep.target:.2f}x " + ("ok" if ratio >= ep.target else "MISSED"))
            ok &= ratio >= ep.target
        if ep.p99_ms is not None:
            verdict.append(
                f"p99 < {ep.p99_ms:g} ms " + ("ok" if r["p99_us"] / 1000 < ep.p99_ms else "MISSED")
            )
            ok &= r["p99_us"] / 1000 < ep.p99_ms
        if ep.name != "healthz":
            ok &= r["non2xx"] == 0 and r["errors"] == 0
        print(
            f"{ep.name:<14}{r['rps']:>10.0f}{r['p50_us'] / 1000:>9.2f}{r['p99_us'] / 1000:>9.2f}{r['non2xx']:>9}"
            f"{r['errors']:>8}{r.get('cpu_us', 0):>8.0f}{ratio:>8.2f}  {'; '.join(verdict)}"
        )
    for key, value in extra.items():
        print(f"{key}: {value}")
    print(f'"database is locked" in the server log: {locked}')
    return ok and locked == 0


def http_benchmarks() -> bool:
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install -y wrk); skipping the HTTP benchmarks")
        return False
    only = {n for n in os.environ.get("BENCH_ONLY", "").split(",") if n}
    with tempfile.TemporaryDirectory(prefix="formagent-bench-") as tmp:
        workdir, port = Path(tmp), free_port()
        base, log_path = f"http://127.0.0.1:{port}", Path(tmp) / "server.log"
        server = start_server(workdir / "data", port, log_path)
        try:
            wait_ready(base)
            ctx = prepare(base)
            results = {}
            for ep in ENDPOINTS:
                if only and ep.name not in only and ep.name != "healthz":
                    continue
                print(f"wrk: {ep.name} ...", flush=True)
                before = cpu_seconds(server.pid)
                results[ep.name] = result = run_wrk(base, ep.setup(ctx), workdir, ep.name)
                result["cpu_us"] = (
                    (cpu_seconds(server.pid) - before) / max(1, result["requests"]) * 1e6
                )
            stored = _count_submissions(workdir / "data" / "formagent.db")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        locked = log_path.read_text(errors="replace").count("database is locked")
        return report(results, locked, {"submissions stored": stored})


def _count_submissions(db_path: Path) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]


async def _processing(n: int, workers: int) -> dict:
    """Queue ``n`` direct_route submissions through the public API (in-process), then let
    ``workers`` concurrent job runners drain them, as the server's workers would."""
    from app.config import Settings
    from app.main import create_app
    from app.services.platform.jobs import run_due_jobs

    with tempfile.TemporaryDirectory(prefix="formagent-bench-flow-") as tmp:
        settings = Settings.from_env(
            {"FORMAGENT_DATA_DIR": tmp, "FORMAGENT_LLM": "local"}, workers=0, scheduler_interval=0
        )
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://bench"
            ) as c:
                token = (
                    await c.post(
                        "/api/auth/signup",
                        json={
                            "email": "flow@bench.test",
                            "password": "benchmark password",
                            "workspace_name": "Flow",
                        },
                    )
                ).json()["token"]
                auth = {"Authorization": f"Bearer {token}"}
                handler = (
                    await c.post(
                        "/api/handlers",
                        headers=auth,
                        json={"type": "human", "name": "Hana", "email": "hana@bench.test"},
                    )
                ).json()["id"]
                form = (
                    await c.post(
                        "/api/forms",
                        headers=auth,
                        json={**FORM, "assignment": {"type": "handler", "id": handler}},
                    )
                ).json()["id"]
                for start in range(0, n, 100):
                    await asyncio.gather(
                        *(
                            c.post(f"/api/submissions/{form}", json={"email": f"f{i}@bench.test"})
                            for i in range(start, min(n, start + 100))
                        )
                    )
            db = app.state.db
            began = time.perf_counter()
            await asyncio.gather(
                *(
                    run_due_jobs(db, settings, app.state, worker_id=f"w{i}", limit=10**6)
                    for i in range(workers)
                )
            )
            elapsed = time.perf_counter() - began
            done = await db.fetchval("SELECT COUNT(*) FROM submissions WHERE status = 'processed'")
    return {
        "submissions": n,
        "processed": done,
        "seconds": round(elapsed, 2),
        "per_second": round(done / elapsed),
        "projected_10000_s": round(10000 / (done / elapsed), 1),
    }


def processing_benchmark() -> bool:
    n = int(os.environ.get("BENCH_FLOW_SUBMISSIONS", "2000"))
    result = asyncio.run(_processing(n, workers=2))
    print(
        f"\nbackground processing (direct_route, 2 workers, email jobs included): {result}"
        f" — target 10 000 in < 60 s: {'ok' if result['projected_10000_s'] < 60 else 'MISSED'}"
    )
    return result["processed"] == n and result["projected_10000_s"] < 60


def other_benchmarks() -> bool:
    """The other areas' benchmark modules, when they exist; False when the
    campaign broadcast or the analytics endpoints miss their target."""
    from scripts import bench_campaign

    ok = bench_campaign.main()
    try:
        from scripts import bench_live

        print("\nlive stream fan-out:", bench_live.run())
    except ImportError:
        pass
    try:
        from scripts import bench_crm

        bench_crm.main()
    except ImportError:
        pass
    from scripts import bench_analytics

    print()
    ok = bench_analytics.main() == 0 and ok
    from scripts import bench_webhooks

    ok = bench_webhooks.main() and ok
    return ok


def main() -> int:
    ok = http_benchmarks()
    ok = processing_benchmark() and ok
    if os.environ.get("BENCH_SKIP_OTHERS") != "1":
        ok = other_benchmarks() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
