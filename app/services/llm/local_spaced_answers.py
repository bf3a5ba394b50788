"""Answers listed in brackets with spaces only: "what kind of pet (dog cat other)" (stop 31).

A marketer typing fast leaves out the commas: "colour (black white grey)", "(Mon Wed Fri)".
The item became a text box and its answers were lost. Three to six single words in brackets,
none of them a little word of a phrase ("(per night)", "(in cm)", "(a short description)") or
a field of their own ("(first name last name)"), are the answers, as if written with commas.
"""

from __future__ import annotations

import re

# the item before the bracket asks for a choice ("what kind of pet", "colour", "size")
_BRACKET = re.compile(
    r"(?P<head>\b(?:kind|type|colou?r|size|which|what|style|level|rating|days?|options?|flavou?r|"
    r"format|choice|preference|pets?|animals?|rooms?|package|plan|tier|breed|service|model|"
    r"category)\b[^,;:()]{0,30}?)\s*\(([^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*){2,5})\)",
    re.I,
)
_PHRASE_WORDS = frozenset(
    "a an the and or of per in on at for with to from by if not no only optional required please "
    "any your our my we you they it e.g eg etc i.e ie name email phone number date address "
    "first last full max min up can be is are will may must should several more all one each "
    "just also too how many much what which when where who why".split()
)


def spaced_answers(text: str) -> str:
    """``text`` with each bracket of space-separated answers written with commas."""

    def comma(m: re.Match) -> str:
        words = m[2].split()
        if len(set(w.lower() for w in words)) != len(words) or any(
            w.lower().strip("'") in _PHRASE_WORDS for w in words
        ):
            return m[0]
        return f"{m['head']} ({', '.join(words)})"

    return _BRACKET.sub(comma, text)


# a free-text item's brackets are what to write about, not answers to pick:
# "description (colour, brand)" was a choice read into the stock "Describe the problem"
_WRITTEN = re.compile(
    r"\b(description|details|comments|notes|message|anything else)\s*"
    r"\((?!\s*(?:e\.g|eg\b|for example|such as|optional|required))([^()]+,[^()]+)\)",
    re.I,
)


def written_examples(text: str) -> str:
    """``text`` with the words in brackets after a free-text item said as its examples; the
    person's own details listed in brackets ("your details (name, email, mobile)") are fields."""

    def examples(m: re.Match) -> str:
        if _CONTACT_WORDS.search(m[2]):
            return m[0]
        return f"{m[1]} (e.g. {m[2]})"

    return _WRITTEN.sub(examples, text)


_CONTACT_WORDS = re.compile(r"\b(?:name|e-?mail|phone|mobile|address|postcode)\b", re.I)
