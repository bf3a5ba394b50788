"""Answers said before their noun, without brackets: "still, sparkling or mixed crate",
"single, double or family room". The list splitter cuts at every comma, so the first
answer ("still") would stand alone as a field and the rest become a select; the pieces are
put back together as the noun with its answers, "crate (still, sparkling, mixed)"."""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# "sparkling or mixed crate": one-word answers, the last one carrying the noun (one word)
_TAIL = re.compile(r"^((?:[a-z][\w'-]*)(?: or [a-z][\w'-]*)*) or ([a-z][\w'-]*) ([a-z][\w-]*)$")
# words that are no answer of a choice: the list's connectives and determiners
_NOT_ANSWER = re.compile(r"^(?:and|or|the|a|an|your|their|any|other|more|also|plus)$", re.I)


# A preposition opening an answer makes it an idiom ("in person", "on site", "by phone"):
# whole, and no noun to share with the answers before it
IDIOM = re.compile(r"^(?:in|on|at|by|over|via|per|en|sur|par|em|por|vor)$", re.I)


def _answer_word(part: str) -> bool:
    return (
        bool(re.fullmatch(r"[a-z][\w'-]*", part))
        and not re.search(r"[^s]s$", part)  # "nights", "comments": a field, not an answer
        and not _NOT_ANSWER.match(part)
        and concept_for(part) is None  # "email", "phone", "date": a field of its own
    )


def join_lead_options(parts: list[str]) -> list[str]:
    """``parts`` with "A", "B or C noun" read as one item "noun (A, B, C)"."""
    out: list[str] = []
    for part in parts:
        tail = _TAIL.match(part)
        lead = []
        while tail and out and len(lead) < 3 and _answer_word(out[-1]):
            lead.insert(0, out.pop())
        if not lead:
            out.append(part)
            continue
        answers = [*lead, *tail.group(1).split(" or "), tail.group(2)]
        idiom = IDIOM.match(tail.group(2))  # "online or in person": "in person" is whole
        if idiom or any(not _answer_word(a) for a in answers) or concept_for(tail.group(3)):
            out.extend(lead)  # "phone or mobile number": not answers of a noun
            out.append(part)
            continue
        out.append(f"{tail.group(3)} ({', '.join(answers)})")
    return out
