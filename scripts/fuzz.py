"""`make fuzz`: schemathesis against a locally started server (not in CI).

Starts the app on a free port with a fresh data folder, signs up one person
(their session token authenticates every request), makes one object of each
kind so operations on ids reach past the 404, and lets schemathesis walk
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


def _seed(base: str, token: str) -> dict[str, dict[str, str]]:
    """One object of each kind, so operations on ids reach past the 404:
    path-template regex -> path parameters. Not the workspace: deleting it would
    end the run."""
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as api:

        def made(path: str, body: dict) -> str:
            r = api.post(path, json=body)
            r.raise_for_status()
            return r.json().get("id") or r.json().get("submission_id")

        form = made(
            "/api/forms",
            {"name": "Fuzz", "status": "active", "fields": [{"name": "email", "type": "email"}]},
        )
        handler = made("/api/handlers", {"type": "human", "name": "Fuzz H"})
        group = api.post("/api/handler-groups", json={"name": "G", "members": [handler]}).json()
        made(f"/api/submissions/{form}", {"email": "a@fuzz.example"})
        submission = api.get("/api/submissions").json()["data"][0]["id"]
        return {
            "^/api/forms/": {"form_id": form, "id": form},
            "^/api/submissions/\\{form_id\\}": {"form_id": form},
            "^/api/submissions/\\{id\\}": {"id": submission},
            "^/api/contacts/": {"id": made("/api/contacts", {"email": "c@fuzz.example"})},
            "^/api/deals/": {"id": made("/api/deals", {"name": "Fuzz deal"})},
            "^/api/handlers/": {"id": handler},
            "^/api/handler-groups/": {"id": group["id"], "mid": group["members"][0]["id"]},
        }


def _config(seeded: dict[str, dict[str, str]]) -> str:
    """schemathesis.toml giving each group of operations its ids."""
    blocks = []
    for regex, params in seeded.items():
        values = ", ".join(f'"path.{k}" = "{v}"' for k, v in params.items())
        blocks.append(
            f"[[operations]]\ninclude-path-regex = '{regex}'\nparameters = {{ {values} }}\n"
        )
    return "\n".join(blocks)


def main() -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="formagent-fuzz-") as tmp:
        server = start_server(Path(tmp), port, Path(tmp) / "server.log")
        try:
            wait_ready(base)
            token = _session_token(base)
            config = Path(tmp) / "schemathesis.toml"
            config.write_text(_config(_seed(base, token)))
            command = [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(config),
                "run",
                f"{base}/api/openapi.json",
                "--url",
                base,
                "--header",
                f"Authorization: Bearer {token}",
                "--checks",
                CHECKS,
                "--max-examples",
                os.environ.get("FUZZ_MAX_EXAMPLES", "30"),
                "--workers",
                "1",
                *[arg for path in EXCLUDE_PATHS for arg in ("--exclude-path", path)],
            ]
            return subprocess.call(command, cwd=tmp)  # its caches stay out of the tree
        finally:
            server.terminate()
            server.wait(timeout=10)
            errors = (Path(tmp) / "server.log").read_text(errors="replace")
            if "Traceback" in errors:
                print("Server tracebacks during the run:\n" + errors[-4000:], file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
