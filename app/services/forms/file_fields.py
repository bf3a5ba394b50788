"""The ``file`` field type's attributes (SPEC §17): ``accept`` (extensions, MIME types
or groups from the allowed set in app/services/files/types.py), ``max_size_mb`` per
file (default 10, at most 25) and ``max_files`` (default 1), and the check of its
submitted value: the upload tokens that POST /api/forms/{id}/uploads handed out."""

from __future__ import annotations

import re

from app.services.files.types import normalize_accept_entry

DEFAULT_SIZE_MB = 10
MAX_SIZE_MB = 25
MAX_FILES = 10
MB = 1024 * 1024
FILE_KEYS = ("accept", "max_size_mb", "max_files")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def file_config(raw: dict, key: str, errors, int_check) -> dict:
    """The checked attributes of a file field; ``errors.add`` reports each problem."""
    accept, bad = [], []
    entries = raw.get("accept")
    if isinstance(entries, str):
        entries = re.split(r"[\s,]+", entries)
    if entries is not None and not isinstance(entries, list | tuple):
        errors.add(f"{key}.accept", "Use a list of file types such as .pdf or image/*.")
        entries = []
    for entry in entries or []:
        if not isinstance(entry, str) or not entry.strip():
            continue
        normal = normalize_accept_entry(entry)
        (accept if normal else bad).append(normal or entry.strip()[:40])
    if bad:
        errors.add(
            f"{key}.accept",
            f"Not an accepted file type: {', '.join(bad[:5])}. Use documents (.pdf, .docx, "
            ".xlsx, .txt, .csv…), images (image/* or .png, .jpg…), audio/* or video/*.",
        )
    size = int_check(
        raw.get("max_size_mb"),
        f"{key}.max_size_mb",
        errors,
        default=DEFAULT_SIZE_MB,
        lo=1,
        hi=MAX_SIZE_MB,
    )
    count = int_check(
        raw.get("max_files"), f"{key}.max_files", errors, default=1, lo=1, hi=MAX_FILES
    )
    return {"accept": list(dict.fromkeys(accept)), "max_size_mb": size, "max_files": count}


def tokens_of(value) -> list[str]:
    """The upload tokens of a file field's submitted value; ValueError with the message."""
    tokens = value if isinstance(value, list) else [value]
    tokens = [t.strip() if isinstance(t, str) else t for t in tokens if t not in (None, "")]
    if any(not isinstance(t, str) or not TOKEN_RE.match(t) for t in tokens):
        raise ValueError("Upload the file again: this is not a file we received.")
    return list(dict.fromkeys(tokens))


def body_cap(fields: list) -> int:
    """The bytes a plain multipart post of the form may carry: every file field full."""
    return sum(f["max_size_mb"] * MB * f["max_files"] for f in fields if f["type"] == "file")
