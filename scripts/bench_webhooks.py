"""Webhook delivery (SPEC §18, issue 17): 1 000 submissions with one webhook
endpoint each delivered, signed, to a local receiver in under 30 s, while
submission processing keeps starting within 1 s (p99) of the 201.

Run: ``python -m scripts.bench_webhooks`` (``make bench`` runs it too; skipped
with BENCH_SKIP_OTHERS=1). One real server process (uvicorn, 2 job workers,
FORMAGENT_WEBHOOK_ALLOW_PRIVATE=1 so it may call the loopback receiver). The
receiver is an asyncio HTTP/1.1 server in its own process on a port in
18200–18299; it checks every signature with the documented algorithm and counts
distinct FormAgent-Delivery ids. A visitor submits the form at a steady rate; the
figures come from the receiver's clock and from the submissions' own
timestamps (created_at → the ``processing_started`` step).

Options (environment): BENCH_WEBHOOK_SUBMISSIONS (1000), BENCH_WEBHOOK_RATE
(submissions per second, 50: the 1 000 arrive over 20 s).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from scripts.bench import FORM, cpu_seconds, start_server, wait_ready
from scripts.bench_campaign import _start_delays, _ts

PORTS = range(18200, 18300)


def _free_port_in_range() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18200-18299")


class Receiver:
    """Verifies each delivery's signature and remembers when each id first arrived.
    An asyncio HTTP/1.1 server (keep-alive) in its own process, so neither the
    load generator nor the GIL of this process slows its answers; GET /stats
    reports what it saw."""

    def __init__(self, secret: str):
        self.secret = secret
        self.first_seen: dict[str, float] = {}
        self.lag: list[float] = []  # seconds from the event's created_at to its arrival
        self.bad_signatures = 0

    def verify(self, body: bytes, header: str, now: float) -> bool:
        """The documented check: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, < 5 min old."""
        try:
            parts = dict(p.split("=", 1) for p in header.split(","))
            t = int(parts["t"])
        except (KeyError, ValueError):
            return False
        expected = hmac.new(self.secret.encode(), f"{t}.".encode() + body, hashlib.sha256)
        return abs(now - t) <= 300 and hmac.compare_digest(
            expected.hexdigest(), parts.get("v1", "")
        )

    def record(self, headers: dict, body: bytes) -> int:
        arrived = time.time()
        if not self.verify(body, headers.get("formagent-signature", ""), arrived):
            self.bad_signatures += 1
            return 400
        delivery = headers.get("formagent-delivery", "")
        if delivery not in self.first_seen:
            self.first_seen[delivery] = arrived
            self.lag.append(arrived - _ts(json.loads(body)["created_at"]))
        return 200

    def stats(self) -> bytes:
        lag = sorted(self.lag)
        return json.dumps(
            {
                "delivered": len(self.first_seen),
                "bad_signatures": self.bad_signatures,
                "last_at": max(self.first_seen.values(), default=None),
                "lag_p50": lag[len(lag) // 2] if lag else None,
                "lag_p99": lag[int(len(lag) * 0.99) - 1] if lag else None,
            }
        ).encode()

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method = lines[0].split(" ")[0]
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                body = await reader.readexactly(int(headers.get("content-length") or 0))
                if method == "GET":
                    status, reply = 200, self.stats()
                else:
                    status, reply = self.record(headers, body), b""
                writer.write(
                    f"HTTP/1.1 {status} OK\r\nContent-Length: {len(reply)}\r\n\r\n".encode() + reply
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def serve_receiver(port: int, secret: str) -> None:
    async def main():
        server = await asyncio.start_server(Receiver(secret).handle, "127.0.0.1", port)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def _start_receiver(port: int, secret: str) -> subprocess.Popen:
    code = f"from scripts.bench_webhooks import serve_receiver; serve_receiver({port}, {secret!r})"
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent
    )


def _submit(base: str, form_id: str, n: int, rate: float, codes: list) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        start = time.perf_counter()
        for i in range(n):
            r = client.post(f"/api/submissions/{form_id}", json={"email": f"hook{i}@site.test"})
            codes.append(r.status_code)
            pause = start + (i + 1) / rate - time.perf_counter()
            if pause > 0:
                time.sleep(pause)


def run() -> dict:
    n = int(os.environ.get("BENCH_WEBHOOK_SUBMISSIONS", "1000"))
    rate = float(os.environ.get("BENCH_WEBHOOK_RATE", "50"))
    with tempfile.TemporaryDirectory(prefix="formagent-bench-webhooks-") as tmp:
        port = _free_port_in_range()
        saved = {k: os.environ.get(k) for k in ("BENCH_WORKERS", "FORMAGENT_WEBHOOK_ALLOW_PRIVATE")}
        os.environ["BENCH_WORKERS"] = os.environ.get("BENCH_WEBHOOK_WORKERS", "2")
        os.environ["FORMAGENT_WEBHOOK_ALLOW_PRIVATE"] = "1"
        base, data = f"http://127.0.0.1:{port}", Path(tmp) / "data"
        server = start_server(data, port, Path(tmp) / "server.log")
        for key, value in saved.items():
            if value is None:
                del os.environ[key]
            else:
                os.environ[key] = value
        try:
            wait_ready(base)
            return _measure(base, data / "formagent.db", n, rate, server.pid, _start_receiver)
        finally:
            for proc in (server, *(_RECEIVERS)):
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            _RECEIVERS.clear()


_RECEIVERS: list[subprocess.Popen] = []


def _stats(url: str) -> dict:
    try:
        return httpx.get(url, timeout=5).json()
    except httpx.HTTPError:
        return {}


def _measure(base: str, db_path: Path, n: int, rate: float, pid: int, start_receiver) -> dict:
    receiver_port = _free_port_in_range()
    receiver_url = f"http://127.0.0.1:{receiver_port}"
    with httpx.Client(base_url=base, timeout=30) as client:
        r = client.post(
            "/api/auth/signup",
            json={"email": "hooks@bench.test", "password": "benchmark password", "workspace_name": "Hooks"},
        )  # fmt: skip
        client.headers["Authorization"] = f"Bearer {r.json()['token']}"
        form_id = client.post("/api/forms", json=FORM).json()["id"]
        endpoint = client.post(
            "/api/webhooks",
            json={"url": receiver_url + "/formagent", "event_types": ["submission_received"], "form_id": form_id},
        ).json()  # fmt: skip
    _RECEIVERS.append(start_receiver(receiver_port, endpoint["secret"]))
    while not _stats(receiver_url):
        time.sleep(0.05)
    codes: list[int] = []
    since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"
    began, wall_began, cpu_before = time.perf_counter(), time.time(), cpu_seconds(pid)
    load = threading.Thread(target=_submit, args=(base, form_id, n, rate, codes))
    load.start()
    seen: dict = {}
    while time.perf_counter() - began < 120:
        seen = _stats(receiver_url)
        if seen.get("delivered", 0) >= n:
            break
        time.sleep(0.2)
    cpu_used = cpu_seconds(pid) - cpu_before
    load.join()
    time.sleep(1)  # the last submissions' processing starts
    delays = _start_delays(db_path, since)
    done = seen.get("delivered", 0) >= n
    return {
        "submissions": n,
        "rate_per_s": rate,
        "submission_non_201": sum(1 for c in codes if c != 201),
        "delivered": seen.get("delivered", 0),
        "bad_signatures": seen.get("bad_signatures"),
        "all_delivered_s": round(seen["last_at"] - wall_began, 2) if done else None,
        "delivery_lag_p50_s": _round(seen.get("lag_p50")),
        "delivery_lag_p99_s": _round(seen.get("lag_p99")),
        # what the server spent per submission, its webhook delivery included: a figure
        # that does not depend on what else the machine runs, unlike the wall-clock ones
        "server_cpu_ms_per_submission": round(cpu_used / n * 1000, 2),
        "load_average": os.getloadavg()[0],
        "processing_start_p99_s": round(delays[int(len(delays) * 0.99) - 1], 3) if delays else None,
        "processing_start_max_s": round(delays[-1], 3) if delays else None,
    }


def _round(value):
    return round(value, 3) if value is not None else None


def main() -> bool:
    result = run()
    ok = (
        result["delivered"] == result["submissions"]
        and result["bad_signatures"] == 0
        and result["all_delivered_s"] is not None
        and result["all_delivered_s"] < 30
        and result["submission_non_201"] == 0
        and result["processing_start_p99_s"] is not None
        and result["processing_start_p99_s"] < 1
    )
    print(
        f"\nwebhooks: {result} — targets: {result['submissions']} delivered and signed in < 30 s,"
        f" processing starts < 1 s p99: {'ok' if ok else 'MISSED'}"
    )
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
