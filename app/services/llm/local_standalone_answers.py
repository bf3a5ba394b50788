"""An answer that is a thing of its own takes no noun from the next one (round 38a).

"half or full day" shares "day" (Half day / Full day), but "canapés or sit down meal" and
"buffet or sit down dinner" do not: canapés are no kind of meal, a buffet no kind of dinner.
Without a dictionary the engine reads it from the shape of the answers:

- an earlier answer that is a plural noun ("canapés", "drinks", "nibbles") before a singular
  head is an answer of its own (Canapés / Sit-down meal);
- a last answer whose modifier runs longer than every earlier answer ("sit down dinner"
  after "buffet") is a compound of its own, not the same noun said two ways, unless the
  earlier answer is a modifier word ("new or second hand car").

A two-word "sit down" before its noun is written joined ("Sit-down meal").
"""

from __future__ import annotations

import re

_PLURAL = re.compile(r"[^\W\d_]{3,}(?<![su]s)(?<!is)(?<!ss)s$|[^\W\d_]+[ée]s$", re.I)
_ARTICLE = re.compile(r"a|an|the", re.I)
# words that only say how much or which of the noun ("half or full day hire")
_QUALIFIER = re.compile(
    r"half|full|part|whole|single|double|twin|hot|cold|short|long|one|two|three|weekday|"
    r"weekend|\w+(?:al|ly|ful|ic|ive|ous|ed)",
    re.I,
)
# a two-word modifier a form writes with a hyphen
_HYPHENED = re.compile(r"\b(sit)\s+(down)(?=\s+\w)", re.I)


def stands_alone(pieces: list[str], head: str, modifier: re.Pattern) -> bool:
    """Whether the earlier ``pieces`` are answers of their own, not kinds of ``head`` (the
    last piece's noun); ``modifier``: the words that only ever qualify a noun."""
    earlier = [p.split() for p in pieces[:-1]]
    lead = [w for w in pieces[-1].split()[:-1] if not _ARTICLE.fullmatch(w)]
    if head.lower().endswith("s") or any(
        modifier.match(w[-1]) or _QUALIFIER.fullmatch(w[-1]) for w in earlier if w
    ):
        return False
    plural = any(len(w) == 1 and _PLURAL.fullmatch(w[0]) for w in earlier)
    return plural or all(len(w) < len(lead) for w in earlier)


def hyphened(option: str) -> str:
    """ "Sit down meal" → "Sit-down meal"."""
    return _HYPHENED.sub(lambda m: f"{m[1]}-{m[2]}", option)
