"""A question about "them" asked of the visitor ("their address" → "your address"): the
list readers, the whether-questions and refinements all speak to the person filling in
the form."""

from __future__ import annotations

import re


def to_visitor(text: str) -> str:
    """A question about "them" spoken to the visitor: "their address" → "your address";
    not when it already speaks to them ("have you spoken to them": someone else), and not
    "how many of them" (the guests)."""
    if re.search(r"\byou\b", text, re.I):
        return text
    # "why they would recommend them": the visitor recommends someone else
    them = "(?!)" if re.search(r"\bthey\b", text, re.I) else r"(?<!\bof )\bthem\b"
    for pattern, repl in (
        (r"\bthey'?re\b", "you're"),
        (r"\bthey'?d\b", "you'd"),
        (r"\bthey'?ve\b", "you've"),
        (r"\btheir\b", "your"),
        (r"\bthey\b", "you"),
        (them, "you"),
    ):
        text = re.sub(pattern, repl, text, flags=re.I)
    return text
