"""A throw-away PostgreSQL cluster for tests and benchmarks (SPEC §15).

    python -m scripts.pg_cluster run -- python -m pytest -q      # start, run, stop

``run`` starts a cluster in a temporary directory on a free port, exports its URL
as ``FORMAGENT_TEST_POSTGRES`` (the ``postgres`` database of that server; the test
fixtures make their own databases in it) and stops and deletes it afterwards,
also when the command fails. PostgreSQL refuses to run as root, so under root the
server runs as the ``postgres`` user (Debian's package creates it).

Durability is off (fsync, synchronous_commit, full_page_writes): the cluster
lives for one run and a crash loses nothing anyone keeps.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _bin() -> Path:
    """PostgreSQL's programs: FORMAGENT_PG_BIN, else Debian's 15, else the newest installed."""
    if os.environ.get("FORMAGENT_PG_BIN"):
        return Path(os.environ["FORMAGENT_PG_BIN"])
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    preferred = Path("/usr/lib/postgresql/15/bin")
    return preferred if preferred.exists() or not installed else installed[0]


BIN = _bin()
SETTINGS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    " -c max_connections=300 -c shared_buffers=128MB"
)


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(directory: Path, port: int | None = None) -> str:
    """initdb + start a cluster in ``directory`` (created); returns its URL."""
    if not (BIN / "initdb").exists():
        raise SystemExit(
            f"PostgreSQL is not installed in {BIN}: apt-get install -y postgresql "
            "(or set FORMAGENT_PG_BIN)"
        )
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    data = directory / "data"
    subprocess.run(
        _as_postgres(
            [str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
            + ["-E", "UTF8", "--locale=C"]  # text sorts by code point, as in SQLite
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = port or _free_port()
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 {SETTINGS}"
    subprocess.run(
        _as_postgres(
            [str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(directory / "log")]
            + ["-w", "start"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def stop(directory: Path) -> None:
    subprocess.run(
        _as_postgres([str(BIN / "pg_ctl"), "-D", str(directory / "data"), "-m", "fast", "stop"]),
        check=False,
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def cluster():
    """A running throw-away cluster's URL for the ``with`` block."""
    directory = Path(tempfile.mkdtemp(prefix="formagent-pg-"))
    try:
        url = start(directory)
        yield url
    finally:
        stop(directory)
        shutil.rmtree(directory, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "run" or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    with cluster() as url:
        started = time.monotonic()
        print(f"PostgreSQL test cluster at {url}", file=sys.stderr)
        env = dict(os.environ, FORMAGENT_TEST_POSTGRES=url)
        code = subprocess.run(argv[2:], env=env, check=False).returncode
        print(f"PostgreSQL run took {time.monotonic() - started:.0f} s", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
