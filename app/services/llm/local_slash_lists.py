"""A list written with slashes or bars: "Name / email / phone / postcode / number of
bedrooms / how often (weekly, fortnightly, one-off)" (issue 20, stop 30).

The readers split a list at commas; a marketer who separates items with " / " or " | " got a
form of two fields ("Address" and "What do you need a quote for?"). Three or more spaced
separators outside brackets make such a list, read as if written with commas; a slash inside
a word or an answer ("parent/guardian", "hen/stag", "yes / no" in brackets) stays.
"""

from __future__ import annotations

import re

_SPACED = re.compile(r"\s+[/|]\s+")


def comma_listed(text: str) -> str:
    """``text`` with its spaced slashes or bars as commas when they make a list."""
    outside = re.sub(r"\([^()]*\)", "", text)
    if len(_SPACED.findall(outside)) < 3:
        return text
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        m = _SPACED.match(text, i) if depth == 0 and ch.isspace() else None
        if m:
            pieces.append(text[start:i])
            start = m.end()
    pieces.append(text[start:])
    # the first piece may hold the heading: "Cleaning service quote request. Name"
    head = re.match(r"^(.*?[.:!?]\s+)(\S.*)$", pieces[0])
    if head:
        return f"{head[1].rstrip()} {', '.join([head[2], *pieces[1:]])}"
    return ", ".join(pieces)
