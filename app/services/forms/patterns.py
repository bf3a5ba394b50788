"""Field patterns (the ``regex`` of a text field) in a linear-time engine (SPEC §13).

Python's ``re`` backtracks: ``(a|a)*`` against 26 a's and a "b" took 2.9 s, and
submissions are validated on the shared writer thread, so one tenant's pattern
stalled every workspace. RE2 matches in time linear in the input, whatever the
pattern; it has no backreferences or lookaround, so such patterns are refused
when the form is saved (the editor says why) rather than silently weakened.

Compiling is bounded too: patterns are capped at MAX_PATTERN_CHARS and RE2 gets
a memory budget, so the worst pattern fails to compile in milliseconds. Compiled
patterns are cached per process; ``warm`` compiles a config's patterns in a
worker thread so saves and the hosted page find them ready. The JSON endpoint
validates inside its one write transaction (SPEC §14's throughput), so there a
pattern is compiled once per process after a start or another process's edit:
bounded (≈ 2 ms per pattern), never repeated.

Browsers never see the pattern (the public schema omits it and no ``pattern``
attribute is rendered), so the server's engine is the only one that decides.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache

import re2

MAX_PATTERN_CHARS = 500
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a refused pattern is a 422, not a line on stderr
# Bounds the compile time (≈ 2 ms at worst) and the memory of any one pattern, and so of
# the cache: 256 patterns × 256 KB. Real patterns need a few KB; \pL{100} is refused.
_OPTIONS.max_mem = 1 << 18


# RE2's words for what Python's re has and RE2 leaves out (backreferences, lookaround).
_UNSUPPORTED = ("invalid escape sequence", "invalid perl operator", "invalid named capture group")


class PatternError(ValueError):
    """A pattern the engine refuses; the message is shown beside the field."""


@lru_cache(maxsize=256)
def _compiled(pattern: str):
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        return PatternError(_explain(exc))


def _explain(exc: Exception) -> str:
    detail = exc.args[0] if exc.args else ""
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    detail = str(detail).split(":")[0] or "invalid pattern"
    if detail in _UNSUPPORTED:
        return (
            f"This pattern cannot be used ({detail}): patterns run in a safe engine without "
            "backreferences (\\1) or lookaround ((?=, (?!, (?<=); rewrite it without them."
        )
    if detail == "pattern too large - compile failed":
        return "This pattern is too complex; simplify it (fewer or smaller repetitions)."
    return f"This pattern does not compile: {detail}."


def compile_pattern(pattern: str):
    """The compiled pattern, or PatternError with a message a form owner can act on."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(f"Keep the pattern under {MAX_PATTERN_CHARS} characters.")
    compiled = _compiled(pattern)
    if isinstance(compiled, PatternError):
        raise compiled
    return compiled


def full_match(pattern: str, text: str) -> bool:
    """Whether ``text`` matches the whole pattern. A pattern the engine refuses (one
    stored before patterns were checked this way) constrains nothing: it is the form
    owner's to fix, never the visitor's fault."""
    try:
        return compile_pattern(pattern).fullmatch(text) is not None
    except PatternError:
        return True


def patterns_in(fields) -> list[str]:
    """The text patterns of a (raw or normalized) list of fields."""
    if not isinstance(fields, list):
        return []
    return [
        f["regex"].strip()
        for f in fields
        if isinstance(f, dict) and isinstance(f.get("regex"), str)
    ]


def _compile_all(patterns: list[str]) -> None:
    for pattern in patterns:
        if len(pattern) <= MAX_PATTERN_CHARS:
            _compiled(pattern)


async def warm(fields) -> None:
    """Compile the patterns of ``fields`` in a worker thread (cache fill only)."""
    patterns = [p for p in patterns_in(fields) if len(p) <= MAX_PATTERN_CHARS]
    if patterns:
        await asyncio.to_thread(_compile_all, patterns)
