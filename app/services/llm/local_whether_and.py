"""A whether-clause holding "X and Y" is one yes/no question (issue 20, round 20b).

"whether they'd like the gutters and downpipes cleaned as well", "whether the stairs and
landing need doing", "whether we should pack and unpack for you": the "and" joins two
things the one question asks about, so the list is not cut there (a yes/no "Would you like
the gutters?" next to a stray "Downpipes cleaned"). The "and" still ends the clause when
what follows it is an item of its own: a field the engine knows ("… and phone"), or a
piece opened like one ("… and your email", "… and number of rooms", "… and what they need").
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# "whether …" / "if they …" up to the end of its item (a comma, a semicolon, a bracket)
_CLAUSE = re.compile(r"\b(?:whether|if (?:you|they|we|he|she|it|the|there)\b)[^,;()]*", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
# what opens an item of its own after "and"
_OWN_ITEM = re.compile(
    r"^(?:your|their|his|her|our|my|what|which|how|when|where|who|whom|whether|if|any|"
    r"anything|a|an|number|email|e-mail|phone|name|date|time|also|then|please|tell|"
    r"give|ask|upload|attach|contact)\b",
    re.I,
)


def _joins_the_question(rest: str) -> bool:
    rest = rest.strip()
    words = rest.split()
    if not words or len(words) > 6 or _OWN_ITEM.match(rest):
        return False
    return not concept_for(rest) and not concept_for(re.sub(r"^the\s+", "", rest, flags=re.I))


def keep_whether_and(segment: str, mark: str) -> str:
    """``segment`` with each "and" inside a whether-clause that joins the question's own
    words replaced by ``mark`` (the splitter's stand-in, read back as " and ")."""

    def clause(m: re.Match) -> str:
        text = m.group(0)
        pieces = _AND.split(text)
        if len(pieces) < 2:
            return text
        out = pieces[0]
        for seps, rest in zip(_AND.findall(text), pieces[1:], strict=True):
            if _joins_the_question(rest):
                out += mark + rest
            else:  # the clause ends here: the rest is the list's next item(s)
                return out + seps + seps.join([rest, *pieces[pieces.index(rest) + 1 :]])
        return out

    return _CLAUSE.sub(clause, segment)


# "whether the stairs and landing need doing", "whether the boiler needs servicing": the
# question keeps its subject ("Do the stairs and landing need doing?"), not "Need doing?"
_THING_NEEDS = re.compile(
    r"^(the|your|their)\s+((?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(needs?|requires?)\s+([\w' -]+)$",
    re.I,
)


def thing_needs(rest: str) -> str | None:
    """The question for "the X need(s) Y" after "whether"; None for anything else."""
    said = _THING_NEEDS.match(rest.strip())
    if not said:
        return None
    owner, thing, verb, what = said.groups()
    owner = "your" if owner.lower() in ("your", "their") else "the"
    aux = "Does" if verb.lower().endswith("s") else "Do"
    return f"{aux} {owner} {thing} {re.sub(r's$', '', verb.lower())} {what.strip()}?"
