"""A question whose "which" comes last: "currently using which roaster?" (issue 20, round 40s).

A marketer's note puts the verb first and the asked thing last; the item reader takes
"which roaster" for a relative clause and keeps "Currently using", then a yes/no. Said the
usual way round ("which roaster are you currently using?") it is the open question it is.
"""

from __future__ import annotations

import re

_WHICH_LAST = re.compile(
    r"(?P<lead>^|[:,;]\s*)(?P<when>(?:currently|now|already|still|usually)\s+)?"
    r"(?P<verb>using|buying from|working with|insured with|banking with|with|on)\s+which\s+"
    r"(?P<thing>[\w' -]{2,40}?)\s*\?",
    re.I,
)


def which_first(text: str) -> str:
    """``text`` with each "<verb> which <thing>?" item asked as "which <thing> are you <verb>?"."""

    def asked(m: re.Match) -> str:
        when = (m["when"] or "").lower()
        return f"{m['lead']}which {m['thing']} are you {when}{m['verb'].lower()}?"

    return _WHICH_LAST.sub(asked, text)
