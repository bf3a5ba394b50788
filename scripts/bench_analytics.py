"""Analytics over 1 000 000 submissions (SPEC §14: overview, funnel and channels each
under 200 ms; server RSS under 200 MB with that database).

Run: ``python -m scripts.bench_analytics [N]`` (``make bench-analytics``; also run by
``make bench``). Starts one real server on a throw-away data dir, signs up and makes
five forms through the API, then generates N submissions with their contacts,
touchpoints (six sources), deals (some won), spam and view/start beacons straight into
the database file with recursive-CTE INSERTs, builds the rollups from them (the capture
pipeline counts arriving rows itself; app/services/analytics/counters.py), runs ANALYZE, and times each analytics endpoint over HTTP
(median and worst of 9) for the 30-day and 90-day ranges, then reads the server's RSS."""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from app.services.analytics import rollups
from scripts.bench import cpu_seconds, free_port, start_server, wait_ready

DAYS = 180  # submissions spread evenly over the last 180 days
SOURCES = "('google'), ('newsletter'), ('linkedin'), ('facebook'), ('partner'), (NULL)"
TIMED = ("overview", "funnel", "channels")
ALSO = ("speed", "volume", "forms")
TARGET_MS, RSS_MB = 200, 200


def _signup(base: str) -> tuple[str, str, list[str]]:
    with httpx.Client(base_url=base, timeout=30) as client:
        r = client.post(
            "/api/auth/signup",
            json={
                "email": "analytics@bench.test",
                "password": "benchmark password",
                "name": "Bench",
                "workspace_name": "Analytics bench",
            },
        )
        r.raise_for_status()
        token = r.json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        ws = client.get("/api/auth/me").json()
        ws_id = ws.get("workspace_id") or ws["workspace"]["id"]
        forms = []
        for i in range(5):
            body = {
                "name": f"Form {i}",
                "status": "active",
                "fields": [{"name": "email", "type": "email", "label": "Email", "required": True}],
            }
            r = client.post("/api/forms", json=body)
            r.raise_for_status()
            forms.append(r.json()["id"])
    return token, ws_id, forms


def _generate(db_path: Path, ws: str, forms: list[str], n: int) -> dict:
    """Everything in SQL: a temp table of N generated visits, then one INSERT … SELECT per
    table. 40% of submissions make a new contact; the others return as an earlier one."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE src (k INTEGER PRIMARY KEY, name TEXT)")
    conn.execute(
        "INSERT INTO src (k, name) SELECT row_number() OVER () - 1, column1 FROM (VALUES "
        + SOURCES
        + ")"
    )
    conn.execute("CREATE TEMP TABLE frm (k INTEGER PRIMARY KEY, id TEXT)")
    conn.executemany("INSERT INTO frm VALUES (?, ?)", list(enumerate(forms)))
    start = time.time() - DAYS * 86400
    timings, t0 = {}, time.perf_counter()
    conn.execute(
        "CREATE TEMP TABLE gen AS WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1"
        " FROM seq WHERE i < ?) SELECT i,"
        " strftime('%Y-%m-%dT%H:%M:%fZ', ? + i * ?, 'unixepoch') AS ts,"
        " CASE WHEN i % 5 < 2 THEN 2 * (i / 5) + i % 5 ELSE abs(random()) % (2 * (i / 5) + 1) END AS c,"
        " i % 5 < 2 AS is_new, abs(random()) % 6 AS s, abs(random()) % 5 AS f,"
        " abs(random()) % 100 AS roll, abs(random()) % 100000 AS wait FROM seq",
        (n - 1, start, DAYS * 86400 / n),
    )
    timings["visits"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.execute(
        "INSERT INTO contacts (id, workspace_id, email, email_lower, name, status, source,"
        " created_at, updated_at, first_seen, last_seen)"
        " SELECT printf('contact_%016d', c), ?, printf('v%d@bench.test', c), printf('v%d@bench.test', c),"
        " printf('Visitor %d', c), 'lead', 'form', ts, ts, ts, ts FROM gen WHERE is_new",
        (ws,),
    )
    conn.execute(
        "INSERT INTO touchpoints (id, workspace_id, contact_id, submission_id, form_id, utm_source,"
        " created_at) SELECT printf('tp_%016d', i), ?, printf('contact_%016d', c),"
        " printf('sub_%016d', i), frm.id, src.name, ts FROM gen"
        " JOIN src ON src.k = gen.s JOIN frm ON frm.k = gen.f",
        (ws,),
    )
    timings["contacts + touchpoints"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # statuses: 85% processed, 5% needs review, 3% failed, 7% still queued;
    # first response after 0–100 000 s, most within minutes (wait² scaled).
    conn.execute(
        "INSERT INTO submissions (id, workspace_id, form_id, flow_id, data, meta, email_lower,"
        " contact_id, is_new_contact, status, created_at, processed_at, processing_duration_ms)"
        " SELECT printf('sub_%016d', i), ?, frm.id, 'direct_route',"
        " json_object('email', printf('v%d@bench.test', c)),"
        " CASE WHEN src.name IS NULL THEN '{\"utm\":{}}'"
        "  ELSE json_object('utm', json_object('utm_source', src.name)) END,"
        " printf('v%d@bench.test', c), printf('contact_%016d', c), is_new,"
        " CASE WHEN roll < 85 THEN 'processed' WHEN roll < 90 THEN 'needs_human_review'"
        "  WHEN roll < 93 THEN 'failed' ELSE 'received' END, ts,"
        " CASE WHEN roll < 93 THEN strftime('%Y-%m-%dT%H:%M:%fZ', julianday(ts)"
        "  + (wait * wait / 100000.0) / 86400.0) END,"
        " CASE WHEN roll < 93 THEN 200 + wait % 5000 END"
        " FROM gen JOIN src ON src.k = gen.s JOIN frm ON frm.k = gen.f",
        (ws,),
    )
    timings["submissions"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # 8% of submissions become a deal an hour later; a third of those are won 3 days on.
    conn.execute(
        "INSERT INTO deals (id, workspace_id, name, amount, stage, contact_id, source_submission_id,"
        " created_at, updated_at, closed_at)"
        " SELECT printf('deal_%016d', i), ?, printf('Deal %d', i), 500 + (wait % 100) * 500,"
        " CASE WHEN wait % 3 = 0 THEN 'won' WHEN wait % 3 = 1 THEN 'open' ELSE 'lost' END,"
        " printf('contact_%016d', c), printf('sub_%016d', i),"
        " strftime('%Y-%m-%dT%H:%M:%fZ', julianday(ts) + 1 / 24.0),"
        " strftime('%Y-%m-%dT%H:%M:%fZ', julianday(ts) + 1 / 24.0),"
        " CASE WHEN wait % 3 <> 1 THEN strftime('%Y-%m-%dT%H:%M:%fZ', julianday(ts) + 3) END"
        " FROM gen WHERE roll < 93 AND wait % 100 < 9",
        (ws,),
    )
    conn.execute(
        "INSERT INTO spam_log (id, workspace_id, form_id, reason, created_at)"
        " SELECT printf('spam_%016d', i), ?, frm.id, 'honeypot', ts FROM gen"
        " JOIN frm ON frm.k = gen.f WHERE i % 20 = 0",
        (ws,),
    )
    conn.execute(
        "INSERT INTO form_daily_stats (workspace_id, form_id, variant_id, day, views, starts)"
        " SELECT ?, frm.id, '', substr(ts, 1, 10), COUNT(*) * 4, COUNT(*) * 2 FROM gen"
        " JOIN frm ON frm.k = gen.f GROUP BY frm.id, substr(ts, 1, 10)",
        (ws,),
    )
    timings["deals, spam, beacons"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rollups.rebuild_tx(conn, ws)  # what the pipeline's counters would have written
    timings["rollups"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    timings["commit + ANALYZE"] = time.perf_counter() - t0
    counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("submissions", "contacts", "touchpoints", "deals", "spam_log", "analytics_daily")
    }
    conn.close()
    return {"timings": timings, "counts": counts}


def _time(client: httpx.Client, path: str, params: dict, pid: int) -> tuple[float, float, float]:
    """Median and worst wall time of 9 requests, and the server's CPU ms per request (a
    figure that does not depend on what else the machine is doing)."""
    walls, cpu = [], cpu_seconds(pid)
    for _ in range(9):
        t0 = time.perf_counter()
        r = client.get(path, params=params)
        walls.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return statistics.median(walls), max(walls), (cpu_seconds(pid) - cpu) / 9 * 1000


def _rss_mb(pid: int) -> tuple[float, float]:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def run(n: int) -> bool:
    ok = True
    with tempfile.TemporaryDirectory(prefix="formagent-bench-analytics-") as tmp:
        workdir, port = Path(tmp), free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(workdir / "data", port, workdir / "server.log")
        try:
            wait_ready(base)
            token, ws, forms = _signup(base)
            t0 = time.perf_counter()
            made = _generate(workdir / "data" / "formagent.db", ws, forms, n)
            total = time.perf_counter() - t0
            print(f"analytics: generated {n:,} submissions in {total:.1f} s")
            for step, seconds in made["timings"].items():
                print(f"  {step:<34} {seconds:6.1f} s")
            print("  rows: " + ", ".join(f"{t} {c:,}" for t, c in made["counts"].items()))
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                for rng in ("30d", "90d"):
                    for name in TIMED + ALSO:
                        params = {"range": rng}
                        median, worst, cpu = _time(
                            client, f"/api/analytics/{name}", params, server.pid
                        )
                        target = name in TIMED
                        flag = ("ok" if median < TARGET_MS else "SLOW") if target else "info"
                        ok = ok and (flag != "SLOW")
                        print(
                            f"  {name:<10} {rng}  median {median:6.1f} ms  max {worst:6.1f} ms"
                            f"  server cpu {cpu:5.1f} ms  {flag}"
                        )
                median, worst, cpu = _time(
                    client,
                    "/api/analytics/channels",
                    {"range": "90d", "attribution": "first_touch"},
                    server.pid,
                )
                print(
                    f"  channels first_touch 90d  median {median:6.1f} ms  max {worst:6.1f} ms"
                    f"  server cpu {cpu:5.1f} ms"
                )
            rss, peak = _rss_mb(server.pid)
            flag = "ok" if peak < RSS_MB else "OVER"
            ok = ok and flag == "ok"
            print(f"  server RSS {rss:.0f} MB (peak {peak:.0f} MB; target < {RSS_MB} MB) {flag}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    return ok


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    return 0 if run(n) else 1


if __name__ == "__main__":
    sys.exit(main())
