"""`make fuzz`: schemathesis against a locally started server (not in CI).

Starts the app on a free port with a fresh data folder, signs up one person
(their session token authenticates every request), and lets schemathesis walk
/api/openapi.json: examples, schema coverage and random fuzzing of every
operation. The checks are that nothing answers 5xx, every status is one the
document lists, and a 405 carries `Allow`. The bounded version of this runs in
`make test` (tests/test_api_fuzz.py). FUZZ_MAX_EXAMPLES sets examples per
operation (default 30).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from scripts.bench import free_port, start_server, wait_ready

CHECKS = "not_a_server_error,status_code_conformance,allow_header_conformance"
# Logging out would revoke the token the rest of the run uses.
EXCLUDE_PATHS = ("/api/auth/logout",)


def _session_token(base: str) -> str:
    r = httpx.post(
        f"{base}/api/auth/signup",
        json={
            "email": "fuzz@example.com",
            "password": "fuzz fuzz fuzz fuzz",
            "workspace_name": "Fuzz",
        },
    )
    r.raise_for_status()
    return r.json()["token"]


def main() -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="formagent-fuzz-") as tmp:
        server = start_server(Path(tmp), port, Path(tmp) / "server.log")
        try:
            wait_ready(base)
            command = [
                str(Path(sys.executable).with_name("schemathesis")),
                "run",
                f"{base}/api/openapi.json",
                "--url",
                base,
                "--header",
                f"Authorization: Bearer {_session_token(base)}",
                "--checks",
                CHECKS,
                "--max-examples",
                os.environ.get("FUZZ_MAX_EXAMPLES", "30"),
                "--workers",
                "1",
                *[arg for path in EXCLUDE_PATHS for arg in ("--exclude-path", path)],
            ]
            return subprocess.call(command)
        finally:
            server.terminate()
            server.wait(timeout=10)
            errors = (Path(tmp) / "server.log").read_text(errors="replace")
            if "Traceback" in errors:
                print("Server tracebacks during the run:\n" + errors[-4000:], file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
