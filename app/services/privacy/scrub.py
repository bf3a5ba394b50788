"""Finding and blanking a person's data inside text and JSON columns.

``Needles`` are what identifies the person (address, name, phone, the values they
typed): ``scrub`` replaces each occurrence with ``ERASED``, case-insensitively, and
walks JSON so escaped text is never missed. Names match as whole words ("Al" is not
taken out of "Alpha"). ``like_any`` builds the SQL that finds candidate rows;
Python then decides, so SQLite and PostgreSQL behave the same."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from app.db import dumps

ERASED = "[erased]"
MIN_NEEDLE = 3


class Needles:
    def __init__(self, words: Iterable[str]):
        unique = {w.strip() for w in words if isinstance(w, str) and len(w.strip()) >= MIN_NEEDLE}
        self.words = sorted(unique, key=len, reverse=True)  # longest first: "Ann Lee" before "Ann"
        parts = [_bounded(w) for w in self.words]
        self._re = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def __bool__(self) -> bool:
        return self._re is not None

    def found_in(self, text) -> bool:
        return bool(self._re and isinstance(text, str) and self._re.search(text))

    def text(self, value):
        """``value`` with every needle replaced (non-text values come back as they are)."""
        if not self._re or not isinstance(value, str):
            return value
        return self._re.sub(ERASED, value)

    def value(self, value):
        """A decoded JSON value with the needles taken out of every string, keys included."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {self.text(k): self.value(v) for k, v in value.items()}
        return value

    def json_text(self, raw):
        """A JSON column's text, scrubbed through its decoded value (plain text if not JSON).
        Unchanged text comes back as the same string, so callers skip the write."""
        if not self._re or not isinstance(raw, str):
            return raw
        try:
            decoded = json.loads(raw)
        except ValueError:
            return self.text(raw)
        scrubbed = self.value(decoded)
        return raw if scrubbed == decoded else dumps(scrubbed)


def _bounded(word: str) -> str:
    escaped = re.escape(word)
    start = r"(?<!\w)" if word[0].isalnum() else ""
    end = r"(?!\w)" if word[-1].isalnum() else ""
    return start + escaped + end


def text_values(value) -> list[str]:
    """Every string inside a decoded JSON value (what a person typed into a form)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in text_values(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in text_values(v)]
    return []


def like_any(columns: Iterable[str], terms: Iterable[str]) -> tuple[str, list]:
    """``(lower(col) LIKE ? OR …)`` over every column and term, with its parameters.
    Column names come from code; terms are escaped for LIKE."""
    clauses, params = [], []
    for column in columns:
        for term in terms:
            clauses.append(f"lower({column}) LIKE ? ESCAPE '!'")
            params.append("%" + _like_escape(term.lower()) + "%")
    return ("(" + " OR ".join(clauses) + ")") if clauses else "0 = 1", params


def _like_escape(term: str) -> str:
    return term.replace("!", "!!").replace("%", "!%").replace("_", "!_")
