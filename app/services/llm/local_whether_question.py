"""A "whether …" clause about a thing, asked as a person would ask it (issue 20, round 21).

"whether the property has a garden" → "Does the property have a garden?", "if there is a
lift" → "Is there a lift?", "whether the house is detached" → "Is the house detached?",
"whether we can call them" → "Can we call you?". The clause about the visitor ("whether
they need parking") is ``local_clauses.whether_you``'s; this one reads the rest, for the
list reader and for refinements alike.
"""

from __future__ import annotations

import re

from app.services.llm.local_visitor_voice import to_visitor

_THERE = re.compile(r"^there\s+(?P<verb>is|are|was|were|will be)\s+(?P<rest>.+)$", re.I)
_WE = re.compile(r"^(?P<we>we|i)\s+(?P<verb>can|could|may|should|might)\s+(?P<rest>.+)$", re.I)
_SUBJECT = re.compile(
    r"^(?P<subject>(?:the|a|an|any|their|your|this|that)(?: [\w'-]+){1,3}?)\s+(?P<verb>has|have|is|are|"
    r"was|were|can|will|would|should|comes? with|need|use|include|[a-z]+[^s\W]s)\s+(?P<rest>.+)$",
    re.I,
)
_DO = {"have", "need", "use", "include", "come with"}  # "the rooms have …" → "Do the rooms have …"
_NOT_DONE = {"is", "are", "was", "were", "can", "will", "would", "should"}  # asked as they are


def whether_question(rest: str) -> str | None:
    """The question for what follows "whether" / "if" when it is about a thing, a place or
    "we"; None when it is not one of those."""
    rest = re.sub(r"\s+", " ", rest).strip(" ?.")
    there = _THERE.match(rest)
    if there:
        verb, tail = there["verb"].split()[0], " be" if there["verb"].lower() == "will be" else ""
        return _sentence(f"{verb} there{tail} {_to_you(there['rest'])}")
    we = _WE.match(rest)
    if we:
        return _sentence(f"{we['verb']} {we['we']} {_to_you(we['rest'])}")
    said = _SUBJECT.match(rest)
    if not said:
        return None
    perfect = said["verb"].lower() in ("has", "have") and re.match(
        r"(?:been|had|done|seen|\w+ed)\b", said["rest"], re.I
    )
    if perfect:  # "the dog has been groomed before" → "Has the dog been groomed before?"
        return _sentence(f"{said['verb']} {_to_you(said['subject'])} {_to_you(said['rest'])}")
    if re.match(r"(?:is|are|was|were|be|been|has|have)\b", said["rest"], re.I):
        return None  # "the parts costs are included": not a subject and its verb
    verb, subject, what = (
        said["verb"].lower(),
        _to_you(said["subject"]),
        _to_you(said["rest"]),
    )
    if verb in _DO:
        return _sentence(f"do {subject} {verb} {what}")
    if verb not in _NOT_DONE:  # "the cottage allows dogs" → "Does the cottage allow dogs?"
        return _sentence(f"does {subject} {_base(verb)} {what}")
    return _sentence(f"{verb} {subject} {what}")


def _base(verb: str) -> str:
    """ "has" → "have", "allows" → "allow", "carries" → "carry", "comes with" → "come with"."""
    head, _, tail = verb.partition(" ")
    if head == "has":
        head = "have"
    elif head.endswith("ies"):
        head = head[:-3] + "y"
    elif re.search(r"(?:ch|sh|ss|x|zz|o)es$", head):
        head = head[:-2]
    else:
        head = head[:-1]
    return f"{head} {tail}".strip()


def _to_you(text: str) -> str:
    return to_visitor(text)


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] + "?"
