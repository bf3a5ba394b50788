"""Blobs on disk (SPEC §17): <data>/files/<workspace_id>/<sha256[:2]>/<sha256>.

Content-addressed per workspace: the same bytes uploaded twice in one workspace are
kept once, and nothing is shared across workspaces. Every function here does
blocking file IO: the async callers run them in a thread (``asyncio.to_thread``);
the purge unlinks inside its write transaction on the writer's thread (see
app/services/files/purge.py for why)."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path

_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
_HEX = re.compile(r"^[0-9a-f]{64}$")


def blob_path(data_dir: Path, workspace_id: str, sha256: str) -> Path:
    if not _SAFE.match(workspace_id) or not _HEX.match(sha256):  # never a path from input
        raise ValueError("bad blob key")
    return Path(data_dir) / "files" / workspace_id / sha256[:2] / sha256


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_blob(data_dir: Path, workspace_id: str, sha256: str, content: bytes) -> None:
    """Write the blob once (atomically: a reader never sees half a file)."""
    path = blob_path(data_dir, workspace_id, sha256)
    if path.exists() and path.stat().st_size == len(content):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{sha256}.{secrets.token_hex(4)}.part")
    with open(temp, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


def read_blob(data_dir: Path, workspace_id: str, sha256: str) -> bytes | None:
    try:
        return blob_path(data_dir, workspace_id, sha256).read_bytes()
    except FileNotFoundError:
        return None


def delete_blob(data_dir: Path, workspace_id: str, sha256: str) -> None:
    try:
        blob_path(data_dir, workspace_id, sha256).unlink()
    except FileNotFoundError:
        pass
