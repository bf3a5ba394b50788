"""`make bench-postgres`: the HTTP benchmark of `make bench` on PostgreSQL with 1, 2
and 4 server processes sharing one database (SPEC §15).

For each process count a new database is made on the server named by
FORMAGENT_TEST_POSTGRES (``scripts.pg_cluster run`` sets it) or BENCH_POSTGRES
(``postgresql://…/postgres`` of a server you run), the processes start together
(their migration runs race, as a deployment's would), the account and form are made
through the first, and one wrk per process loads them all at once with its share
of the connections. Figures: total req/s, req/s per process, the worst p99, errors,
and the ratio to the bare endpoint measured the same way (SPEC §14's targets are
per process). Reuses scripts/bench.py's server start, setup, wrk runner and
endpoints; options as there (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WORKERS),
plus BENCH_PROCESSES (default "1,2,4").
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import psycopg

from scripts import bench


def _database(admin: str, name: str) -> str:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return admin.rsplit("/", 1)[0] + "/" + name


def _own(lua: str, i: int) -> str:
    """Each wrk its own visitors: other addresses and emails than the other wrks'."""
    return lua.replace('"10.%d.%d.%d"', f'"{10 + i}.%d.%d.%d"').replace(
        '"v%d-%d@bench.test"', f'"p{i}v%d-%d@bench.test"'
    )


def _parallel_wrk(bases: list[str], lua: str, workdir: Path, name: str) -> dict:
    results: list[dict] = [{} for _ in bases]

    def one(i: int) -> None:
        results[i] = bench.run_wrk(bases[i], _own(lua, i), workdir, f"{name}-{i}")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(bases))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "rps": sum(r["rps"] for r in results),
        "p99_us": max(r["p99_us"] for r in results),
        "non2xx": sum(r["non2xx"] for r in results),
        "errors": sum(r["errors"] for r in results),
    }


def measure(admin: str, processes: int) -> dict[str, dict]:
    url = _database(admin, f"bench_{processes}p")
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    os.environ["BENCH_CONNECTIONS"] = str(max(1, connections // processes))
    os.environ["BENCH_THREADS"] = "1" if processes > 1 else os.environ.get("BENCH_THREADS", "2")
    with tempfile.TemporaryDirectory(prefix="formagent-bench-pg-") as tmp:
        workdir = Path(tmp)
        os.environ["FORMAGENT_DB"] = url
        os.environ.setdefault("FORMAGENT_SECRET_KEY", "bench-shared-secret")
        ports = [bench.free_port() for _ in range(processes)]
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        servers = [
            bench.start_server(workdir / f"data{i}", port, workdir / f"server{i}.log")
            for i, port in enumerate(ports)
        ]
        try:
            for base in bases:
                bench.wait_ready(base, timeout=60)
            ctx = bench.prepare(bases[0])
            results = {}
            for ep in bench.ENDPOINTS:
                print(f"wrk: {ep.name} on {processes} process(es) ...", flush=True)
                results[ep.name] = _parallel_wrk(bases, ep.setup(ctx), workdir, ep.name)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
            os.environ["BENCH_CONNECTIONS"] = str(connections)
        errors = sum(
            (workdir / f"server{i}.log").read_text(errors="replace").count("Traceback")
            for i in range(processes)
        )
    results["server errors logged"] = {"count": errors}
    return results


def main() -> int:
    admin = os.environ.get("BENCH_POSTGRES") or os.environ.get("FORMAGENT_TEST_POSTGRES")
    if not admin:
        print("no PostgreSQL: run `make bench-postgres` (or set BENCH_POSTGRES)", file=sys.stderr)
        return 2
    counts = [int(n) for n in os.environ.get("BENCH_PROCESSES", "1,2,4").split(",")]
    table = {n: measure(admin, n) for n in counts}
    print(
        f"\n{'processes':>9} {'endpoint':<12}{'req/s':>9}{'per proc':>10}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'errors':>8}{'ratio':>8}"
    )
    ok = True
    for n, results in table.items():
        bare = results["healthz"]["rps"]
        for ep in bench.ENDPOINTS:
            r = results[ep.name]
            ratio = r["rps"] / bare if bare else 0
            if ep.name != "healthz":
                ok &= r["non2xx"] == 0 and r["errors"] == 0
            print(
                f"{n:>9} {ep.name:<12}{r['rps']:>9.0f}{r['rps'] / n:>10.0f}"
                f"{r['p99_us'] / 1000:>9.2f}{r['non2xx']:>9}{r['errors']:>8}{ratio:>8.2f}"
            )
        print(f"{n:>9} server tracebacks logged: {results['server errors logged']['count']}")
        ok &= results["server errors logged"]["count"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
