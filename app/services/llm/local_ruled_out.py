"""What the marketer rules out in passing (round 17b).

"hotel name? no, it's just our hotel", "no need for a phone", "we don't need their
address", "Phone? no, email is enough", "sem telefone", "pas besoin de téléphone", "no hace
falta teléfono", "keine Telefonnummer nötig": the words name an item only to say it is not
asked. The clause is taken out of the text the fields are read from (so "no" and "for a
phone" are no fields), and what it rules out is returned, so that neither the marketer's
item nor a stock field of that kind is added.

Descriptions in es/fr/de/pt reach the engine half in English ("sem phone", "keine phone
nötig"): the cue stays in the marketer's language, the item is read in English.
"""

from __future__ import annotations

import re

# the item: a short noun phrase, up to the end of the clause
_ITEM = r"(?:an?\s+|the\s+|their\s+|your\s+|any\s+|el\s+|la\s+|le\s+|l'|o\s+|a\s+)?([a-z][\w'-]*(?:\s+[\w'-]+){0,2}?)"
_END = (
    r"(?:\s+(?:please|pls|needed|required|necessary|n[öo]tig|notwendig|erforderlich)\b)?"
    r"(?=\s*[,.;:!?)]|$)"
)
# "no need for a phone", "we don't need their address", "without a phone", "no X needed"
_ENGLISH = (
    r"\bno need (?:for|to ask(?: for)?)\s+|\b(?:we\s+)?(?:don't|do not|won't|will not)\s+need\s+"
    r"(?:to ask (?:for\s+)?)?"
)
# the same cue in es/fr/de/pt ("sem telefone", "sans téléphone", "pas besoin de",
# "no hace falta (el)", "sin", "ohne", "keine", "não precisamos de", "não é preciso")
_FOREIGN = (
    r"\b(?:(?:sem|sans|ohne|keine[nm]?|kein|pas besoin de|pas de|no hace falta(?: pedir)?|"
    r"no necesitamos|no pedimos|sin|"
    r"n[ãa]o (?:precisamos(?: de| do| da)?|[ée] preciso|[ée] necess[áa]rio|pedimos))\s+|"
    r"pas besoin d'|pas d')"
)
_CUE = re.compile(rf"(?:{_ENGLISH}|{_FOREIGN}){_ITEM}{_END}", re.I)
# "hotel name? no, it's just our hotel.": the question answered at once, to the sentence end
_ANSWERED = re.compile(
    r"(?:^|(?<=[,.;:]))\s*([a-z][\w'-]*(?:\s+[\w'-]+){0,2})\?\s*(?:no|nope|nah|non|nein|não)\b"
    r"(?:[^.!?\n]*[.!]|[^,.!?\n]*$)?",
    re.I,
)
# "X not needed", "no X needed"
_AFTER = re.compile(
    r"(?:^|(?<=[,.;:]))\s*(?:no\s+)?([a-z][\w'-]*(?:\s+[\w'-]+){0,2}?)\s+"
    r"(?:is\s+|are\s+)?(?:not|isn't|aren't)?\s*(?:needed|required|necessary)\b",
    re.I,
)
# words that are no item ("no need for anything else", "we don't need to know")
_NOT_ITEM = re.compile(
    r"^(?:anything|everything|nothing|more|much|it|them|this|that|to|long|lots|else|one|all|"
    r"it's|something|a lot)\b",
    re.I,
)


def ruled_out(text: str) -> tuple[str, list[str]]:
    """(the text without the clauses that rule an item out, the items ruled out)."""
    found: list[str] = []

    def cut(match: re.Match) -> str:
        item = match.group(1).strip().lower()
        if _NOT_ITEM.match(item):
            return match.group(0)
        found.append(_singular(item))
        return " "

    text = _ANSWERED.sub(cut, text)
    text = _CUE.sub(cut, text)
    text = _AFTER.sub(lambda m: cut(m) if _needed_phrase(m) else m.group(0), text)
    text = re.sub(r"\s*,\s*(?:,\s*)+", ", ", text)
    text = re.sub(r"\s*,\s*(?=[:.;]|$)", "", text)
    text = re.sub(r"(?:^|(?<=[:.]))\s*,\s*", " ", text)
    return re.sub(r"\s{2,}", " ", text).strip(), found


def _needed_phrase(match: re.Match) -> bool:
    """ "phone not needed", "no email needed": a negation, not "parts needed" (asked)."""
    said = match.group(0).lower()
    return bool(re.search(r"\b(?:no|not|isn't|aren't)\b", said))


def _singular(item: str) -> str:
    return re.sub(r"(?<=[a-z]{3}[^s])s$", "", item)


# "so office managers can ask for a quote", "so that parents can book a trial": what the
# form is for, said of the visitors; its words ("a quote") are no field. What the marketer
# does with an answer ("so we can call them back") says why an item is asked: kept.
_FOR_WHOM = re.compile(
    r"(?:,\s*)?\bso(?: that)?\s+(?!(?:we|i|us|you)\b)(?:[\w'-]+\s+){1,3}?"
    r"(?:can|could|may|are able to|will be able to)\s+[^,.;:!?]*",
    re.I,
)


def without_purpose_clause(text: str) -> str:
    """The text without the clause saying who the form is for and what they can do with it."""
    return re.sub(r"\s{2,}", " ", _FOR_WHOM.sub("", text)).strip()
