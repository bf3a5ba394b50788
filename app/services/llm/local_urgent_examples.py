"""What makes a request urgent, said in brackets, is an example, not an answer (stop 26).

"is it an emergency (no water, no heating, leak)?": the visitor answers yes or no; the
brackets say what counts as one. Read as answers, the question offered the three emergencies
and no way to say "no". ``urgent_examples`` writes such brackets as examples ("(e.g. no
water, …)"), which the bracket reader already turns into the yes/no question's help.
"""

from __future__ import annotations

import re

_URGENT = re.compile(
    r"\b(?P<asked>(?:is|was) (?:it|this|the (?:problem|issue|repair|job))\s+"
    r"(?:an emergency|emergency|dangerous|a (?:safety )?hazard))"
    r"\s*\((?!\s*(?:e\.g\.|eg\b|for example|yes\b|y/n|no\s*[/,)]))(?P<items>[^()]*)\)",
    re.I,
)


def urgent_examples(text: str) -> str:
    return _URGENT.sub(lambda m: f"{m['asked']} (e.g. {m['items'].strip()})", text)
