"""The shipped disposable-domain list (capture/data/disposable_domains.txt) and its
replacement by ``formagent update-disposable-domains <file or URL>``: the new list is
checked, written beside the old one and moved over it in one rename (atomic), so a
running server never reads half a file; each process re-reads it within a minute."""

from __future__ import annotations

import os
import re
import tempfile
import urllib.request

from app.services.capture.spam_signals import DATA

LIST_NAME = "disposable_domains.txt"
DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
MIN_DOMAINS = 10  # fewer is almost surely the wrong file: refuse rather than empty the list
MAX_BYTES = 20 * 1024 * 1024


class ListError(ValueError):
    """The new list cannot be used (nothing was changed)."""


def parse_domains(text: str) -> list[str]:
    """One domain a line ("#" comments and blank lines skipped), lowercased, deduplicated."""
    domains, bad = set(), []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if DOMAIN_RE.match(line):
            domains.add(line)
        else:
            bad.append(f"line {number}: {line[:60]!r}")
    if bad:
        raise ListError("Not a domain: " + "; ".join(bad[:5]) + (" …" if len(bad) > 5 else ""))
    if len(domains) < MIN_DOMAINS:
        raise ListError(
            f"The list has {len(domains)} domains; at least {MIN_DOMAINS} are expected."
        )
    return sorted(domains)


def read_source(source: str) -> str:
    """The text of a local file, or of an http(s) URL."""
    if re.match(r"^https?://", source, re.I):
        try:
            with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310 - http(s) only
                raw = response.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ListError(f"Could not download {source}: {exc}") from None
    else:
        try:
            with open(source, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ListError(f"Could not read {source}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ListError("The list is over 20 MB.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ListError("The list is not UTF-8 text.") from None


def replace_list(domains: list[str], directory=DATA) -> int:
    """Write the list atomically (temp file + rename in the same directory)."""
    header = "# Disposable (throw-away) email domains; replaced by update-disposable-domains.\n"
    fd, tmp = tempfile.mkstemp(prefix=".disposable-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(header + "\n".join(domains) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, os.path.join(directory, LIST_NAME))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return len(domains)


def update_from(source: str, directory=DATA) -> int:
    """Replace the disposable-domain list with the one at ``source``; the count written."""
    return replace_list(parse_domains(read_source(source)), directory)
