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

from app.services.llm.local_domain import concept_for

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
# the same cue in es/fr/de/pt ("pas besoin de téléphone", "no hace falta (el) teléfono", "não
# precisamos de telefone")
_FOREIGN = (
    r"\b(?:(?:pas besoin de|no hace falta(?: pedir)?|no necesitamos|no pedimos|"
    r"n[ãa]o (?:precisamos(?: de| do| da)?|[ée] preciso|[ée] necess[áa]rio|pedimos))\s+|"
    r"pas besoin d')"
)
_CUE = re.compile(rf"(?:{_ENGLISH}|{_FOREIGN}){_ITEM}{_END}", re.I)
# "sem telefone", "sans téléphone", "sin teléfono", "ohne Telefon", "keine Telefonnummer":
# a bare "without" rules out only a contact basic ("sin gluten", "sans sucre" are asked)
_WITHOUT = re.compile(
    rf"\b(?:sem|sans|sin|ohne|keine[nm]?|kein|pas de|pas d'|without)\s*(?<=\s|'){_ITEM}{_END}",
    re.I,
)
# "hotel name? no, it's just our hotel.": the question answered at once, to the sentence end
# (not a question put to the visitor: "Are you a member? no/yes")
_ANSWERED = re.compile(
    r"(?:^|(?<=[,.;:—–])|(?<=\s-))\s*(?!(?:any|are|is|do|does|did|have|has|will|would|can|could|should|"
    r"was|were|what|which|who|when|where|why|how)\b)([a-z][\w'-]*(?:\s+[\w'-]+){0,2})\?\s*"
    r"(?:no|nope|nah|non|nein|não)\b(?!\s*(?:/|or\b|\)|,\s*(?:yes|sí|si|oui|ja|sim)\b))"
    r"(?:[^.!?\n]*[.!]|[^,.!?\n]*$)?",
    re.I,
)
# "phone not needed", "no email needed" ("phone not required" says optional: kept)
_AFTER = re.compile(
    r"(?:^|(?<=[,.;:]))\s*(?:no\s+)?([a-z][\w'-]*(?:\s+[\w'-]+){0,2}?)\s+"
    r"(?:is\s+|are\s+)?(?:not|isn't|aren't)?\s*(?:needed|necessary)\b",
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
    said = text

    def cut(match: re.Match) -> str:
        item = match.group(1).strip().lower()
        if _NOT_ITEM.match(item) or _an_answer(match, item):
            return match.group(0)
        found.append(_singular(item))
        return " "

    text = _ANSWERED.sub(cut, text)
    text = _CUE.sub(cut, text)
    text = _WITHOUT.sub(lambda m: cut(m) if concept_for(m.group(1).lower()) else m.group(0), text)
    text = _AFTER.sub(lambda m: cut(m) if _needed_phrase(m) else m.group(0), text)
    if not found:
        return said, []
    text = re.sub(r"\s*,\s*(?:,\s*)+", ", ", text)
    text = re.sub(r"\s*,\s*(?=[:.;]|$)", "", text)
    text = re.sub(r"(?:^|(?<=[:.]))\s*,\s*", " ", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip(), found


def _an_answer(match: re.Match, item: str) -> bool:
    """ "(too expensive, no longer needed, other)": an answer in a bracketed list of answers
    rules nothing out, unless it names a field ("(email only, no phone needed)")."""
    before = match.string[: match.start(1)]
    inside = before.count("(") > before.count(")")
    return inside and concept_for(item) is None


def _needed_phrase(match: re.Match) -> bool:
    """ "phone not needed", "no email needed": a negation, not "parts needed" (asked)."""
    said = match.group(0).lower()
    return bool(re.search(r"\b(?:no|not|isn't|aren't)\b", said))


def _singular(item: str) -> str:
    return re.sub(r"(?<=[a-z]{3}[^s])s$", "", item)


# "so office managers can ask for a quote", "so that parents can book a trial": what the
# form is for, said of the visitors; its words ("a quote") are no field. What the marketer
# does with an answer ("so we can call them back") says why an item is asked: kept.
# The visitors are "they", "people" or a plural ("office managers", "homeowners"); "so a
# partner can call them back", "so our team can" is the business at work.
_FOR_WHOM = re.compile(
    r"(?:,\s*)?\bso(?: that)?\s+(?:they|people|everyone|anyone|"
    r"(?!(?:a|an|the|our|my|we|i|us|you)\b)(?:[\w'-]+\s+){0,2}[\w'-]+s)\s+"
    r"(?:can|could|may|are able to|will be able to)\s+[^,.;:!?]*",
    re.I,
)


def without_purpose_clause(text: str) -> str:
    """The text without the clause saying who the form is for and what they can do with it."""
    cut = _FOR_WHOM.sub("", text)
    if cut == text:
        return text
    return re.sub(r"\s{2,}", " ", re.sub(r"\s+(?=[,:;.])", "", cut)).strip()
