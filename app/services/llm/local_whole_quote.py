"""A quoted title comes out whole in the form's name (round 43a).

Readers that take a name from the opening words cut them at a word count, and a quoted title
in those words can lose its end: 'Feedback on our webinar "Scaling outbound": …' was named
'Webinar "Scaling Outbound Feedback'. A name holding an opening quote and no closing one
drops the cut title and says it after a colon, as written ('Webinar Feedback: Scaling
outbound'), the way a webinar's or a masterclass's topic is named.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“‘]([^\"”’]{2,80})[\"”’]")


def _broken(name: str) -> int | None:
    """Where the name opens a quote it never closes, or None."""
    at = None
    for i, char in enumerate(name):
        if char == '"':
            at = i if at is None else None
        elif char in "“‘":
            at = i
        elif char in "”’" and at is not None and name[at] in "“‘":
            at = None
    return at


def whole_quote(name: str, original: str) -> str:
    at = _broken(name)
    if at is None:
        return name
    cut = name[at + 1 :].split()
    for title in _QUOTED.findall(original):
        words = title.split()
        n = 0
        while n < min(len(words), len(cut)) and words[n].lower() == cut[n].lower():
            n += 1
        if not n:
            continue
        rest = " ".join([name[:at].strip()] + cut[n:])
        rest = re.sub(r"\s+(?:on|about|for|of|from|to|with)$", "", rest.strip(), flags=re.I)
        return f"{rest}: {title.strip()}" if rest else title.strip()
    return name.replace(name[at], "", 1)
