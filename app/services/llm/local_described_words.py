"""Words that describe the business, its audience or the occasions — not what to ask.

"Catering for our van - weddings, festivals and office lunches. Name, email, …", "Hiring
at our café - baristas and kitchen porters. Name, …", "Garden design - we do patios,
planting and lighting. Name, …", "para eventos como bodas y festivales", "pour serveurs et
cuisiniers": the heading or preamble lists the occasions, the people the business serves or
hires, or what it does. They say what the form is for; the asked list begins where the
person lists what to ask (a later sentence of name, email, phone …). So a list opened by a
dash or a comma (no colon, no "ask for", "tell us", "include"), in a sentence before that
asked list, whose every item is a plain noun (no field of the catalogue, no field noun such
as date, size or number, no question, no answers), names no field.

Guards: a list after a colon stays ("Tell us about your home: bedrooms, bathrooms."); a
dash list that names fields stays ("Feedback form - name, email, rating"); a description
whose only list is such words keeps them (nothing else says what to ask).
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for
from app.services.llm.local_extract_item import FIELD_NOUN

# The form's own name opening the sentence ("Catering quote", "Staff hiring form")
FORM_NAME = re.compile(
    r"\b(?:form|booking|request|application|survey|enquiry|inquiry|registration|sign-?up|"
    r"quote|estimate|questionnaire|appointment|reservation)s?$",
    re.I,
)
# "… for events like weddings", "para eventos como bodas": the heading and its first example
_EXAMPLES = re.compile(
    r"\b(?!(?:looks|sounds|feels|seems)\b)\w+s\s+(?:like|such as|como|comme|wie|tels? que|"
    r"tales como|zum beispiel|z\. ?b\.)\s",
    re.I,
)
# What opens a describing list: the heading's dash, a comma, the start of a sentence
_OPENER = re.compile(r"(?:^|[-–—,]|\b(?:for|like|as|such as|we do|we offer|we cover))\s*$", re.I)
# An item or piece that asks: a question, answers, a choice
_ASKS = re.compile(r"[?(/]|\bor\b|\b(?:o|ou|oder)\b", re.I)
_QUESTION = re.compile(
    r"^(?:what|which|when|where|who|why|how|do|does|did|are|is|have|has|can|will|would|"
    r"qué|cuál|cuándo|dónde|quel|quelle|quand|où|was|welche|wann|wo|qual|quando|onde)\b",
    re.I,
)


def _plain(item: dict) -> bool:
    """An item that is only a noun: no catalogue field, no field noun, no answers."""
    phrase = (item.get("phrase") or "").lower()
    words = phrase.split()
    # the field noun heads the phrase ("wedding date", "type of event"); "school fetes",
    # "web design agencies" name things, the noun only qualifying them
    head = words[:1] if " of " in phrase else words[-1:]
    noun = any(FIELD_NOUN.fullmatch(w) for w in head)
    if concept_for(phrase) or noun or _QUESTION.match(phrase):
        return False
    options = [str(o).lower() for o in item.get("options") or []]
    if options and options != ["yes", "no"]:  # "… serious runners welcome" read as yes/no
        return False
    return not item.get("optional") and not item.get("fields")


def asked_list(text: str) -> bool:
    """``text`` (the sentences after one) holds a list of what to ask: two or more of its
    comma-separated pieces name catalogue fields (name, email, phone, date …)."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        pieces = re.split(r"\s*[,;:]\s*|\s+(?:and|y|et|und|e)\s+", sentence.strip(" .!?-–—"))
        if len(pieces) >= 3 and sum(1 for p in pieces if p and concept_for(p.lower())) >= 2:
            return True
    return False


def describes_only(sentence: str, segment: str, found: list[dict], later: str) -> bool:
    """The segment of ``sentence`` lists what the business does, whom it serves or hires, or
    the occasions it works at (see the module's doc), and ``later`` asks the fields."""
    if not found or _ASKS.search(segment):
        return False
    at = sentence.find(segment)
    if at < 0 or not _OPENER.search(sentence[:at]):
        return False
    first = found[0]["phrase"]
    if at == 0 and (FORM_NAME.search(first) or _EXAMPLES.search(first)):
        found = found[1:]  # "Catering quote for our van, great for weddings, …": the heading
    if not found or not all(_plain(item) for item in found):
        return False
    return asked_list(later)
