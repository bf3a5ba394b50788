"""A poll or a vote is one question and its choices. Marketers write the choices after the
question or after a colon, without brackets ("which flavour should we launch? mango,
pistachio, salted caramel"; "vote for your favourite band: Arctic, Blur, Pulp"); the list
reader would make each choice a field of its own, so the choices are put in brackets on
their question, the form the reader knows ("which flavour … (mango, pistachio, …)")."""

from __future__ import annotations

import re

POLL_RE = re.compile(
    r"\bpolls?\b|\bvot(?:e|es|ing)\b|\bone[- ]question\b|\bsingle[- ]question\b", re.I
)
# a choice is a few words, not a sentence ("a, b or c", "a / b / c")
_CHOICES = r"(?P<opts>[^?:()\n]{1,200}?(?:,|\bor\b|/)[^?:()\n]{1,200}?)"
_END = r"(?=\.\s|\s*\.?$)"  # the end of the sentence or of the description
_QUESTION = re.compile(
    r"(?P<q>\b(?:which|what|who|where|when|how)\b[^?:()]{3,120}\?)\s*(?:(?:vote|choose|pick one)\s*:\s*)?"
    + _CHOICES
    + _END,
    re.I,
)
_VOTE = re.compile(
    r"\bvote (?:for|on) (?:your |the |our )?(?:next )?(?P<q>(?:(?:favourite|favorite|best|top) )?[\w' -]{2,60}?)"
    r"(?: (?:of|at|for|in) [\w' -]{2,60}?)?\s*[:\-–]\s*" + _CHOICES + _END,
    re.I,
)


def _choices(text: str) -> list[str] | None:
    opts = [o.strip() for o in re.split(r",|\bor\b|/", text) if o.strip()]
    if not 2 <= len(opts) <= 10 or any(len(o.split()) > 4 for o in opts):
        return None
    return opts


def bracket_poll_choices(description: str) -> str:
    """``description`` with a poll's choices in brackets on its question."""
    if not POLL_RE.search(description):
        return description
    for pattern in (_QUESTION, _VOTE):
        m = pattern.search(description)
        opts = _choices(m["opts"]) if m else None
        if opts:
            lead = "" if pattern is _QUESTION else "Vote: "
            return f"{description[: m.start()]}{lead}{m['q']} ({', '.join(opts)}){description[m.end() :]}"
    return description
