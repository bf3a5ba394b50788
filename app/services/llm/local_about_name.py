"""A form named for what the visitor asks about (round 41b): "Enquire about a puppy from our
next litter: …" is a "Puppy Enquiry", "Register your interest in our new apartments at
Riverside Quay" a "Register Interest: New Apartments at Riverside Quay", "Anfrage zu einem
Welpen aus unserem nächsten Wurf" an "Anfrage zu einem Welpen".

The heading opens with the act of asking, so the kind readers saw an enquiry and gave the
stock "Pricing Request", or the heading title-cased as a sentence ("Ask About Our Wedding
Venue"). The thing asked about is the form's subject: without its article, whose it is
("our") and where it comes from ("from our next litter"); a place named keeps its name."""

from __future__ import annotations

import re

from app.services.llm.local_subject_name import _singular
from app.services.llm.local_titled import _title

_ASK = re.compile(
    r"^(?:please\s+)?(?:(?P<ask>(?:enquire|inquire|ask(?:\s+us)?)\s+about|"
    r"(?:are\s+you\s+)?interested\s+in)|"
    r"(?P<interest>(?:register|express|show)\s+(?:your\s+|an\s+)?interest\s+(?:in|for)))\s+"
    r"(?P<what>.+)$",
    re.I,
)
_WHOSE = re.compile(r"^(?:(?:a|an|the|our|my|your|one of our|some of our|any of our)\s+)+", re.I)
# where the thing comes from or who it is for says nothing of it; a named place does
_TAIL = re.compile(
    r"\s+(?:(?:for|with|to|from|by|if|when|so|because|that|which|who|before|after)\s+\S|"
    r"(?:at|in|on|near)\s+(?-i:(?![A-Z]))\S|of (?:our|your|my|their)\b).*$",
    re.I,
)
_PLACE = re.compile(r"\s+(?:at|in|on|near)\s+[A-Z]")
# "a place at our nursery": what is asked for is a place, named for where it is
_SEAT = re.compile(r"^(?:place|places|spot|spots|space|seat|seats|slot|slots|room|table)\b", re.I)
# "interested in joining?", "ask about anything": an act or nothing, no thing to name
_NOT_A_THING = re.compile(
    r"\b(?:you|your|we|us|i|me|they|them|what|how|whether|anything|something)\b|"
    r"^(?:joining|volunteering|working|becoming|helping|partnering|hosting|booking|buying|"
    r"selling|renting|learning|taking|getting|applying|signing|sponsoring|stocking)\b",
    re.I,
)
# es/fr/de/pt: the heading of an enquiry about something, as said, without "from our litter"
_FOREIGN = {
    "de": r"(?:anfragen?|fragen|informationen)\s+(?:zu[mr]?|über|bezüglich)",
    "es": r"(?:consultas?|preguntas|informaci[oó]n|solicitud de informaci[oó]n)\s+(?:sobre|acerca de)",
    "fr": r"(?:demande(?:s)? d'informations?|renseignements?|questions?|demande)\s+"
    r"(?:sur|concernant|à propos de|au sujet de)",
    "pt": r"(?:pedido de informa[çc](?:ão|ões)|informa[çc](?:ão|ões)|perguntas|d[úu]vidas|consulta)\s+"
    r"(?:sobre|acerca de)",
}
_FOREIGN_TAIL = re.compile(
    r"\s+(?:aus|von|f[üu]r)\s+unser\w*\b.*$|\s+(?:de|para)\s+nuestr[oa]s?\b.*$|"
    r"\s+(?:de|pour)\s+(?:notre|nos)\b.*$|\s+(?:da|do|das|dos|para)\s+(?:nossa|nosso)s?\b.*$",
    re.I,
)


def about_name(head: str, lang: str | None) -> str | None:
    """The name of a form whose heading ``head`` asks about something, or None."""
    head = head.strip()
    if lang:
        return _foreign(head, lang)
    asked = _ASK.match(head)
    if not asked:
        return None
    what = _WHOSE.sub("", asked["what"].strip())
    seat = _SEAT.match(what)
    if seat:  # "a place at our nursery": a "Nursery Place Enquiry"
        where = re.match(r"\s+(?:at|in|on)\s+(?:the|our|your)\s+([\w'-]+)$", what[seat.end() :])
        return f"{_title(where[1])} {_title(_singular(seat[0]))} Enquiry" if where else None
    what = _TAIL.sub("", what).strip()
    if not 1 <= len(what.split()) <= 6 or _NOT_A_THING.search(what):
        return None
    if asked["interest"]:
        return f"Register Interest: {_title(what)}"
    if _PLACE.search(what):  # "cottages in Cornwall": the place stays with its thing
        return f"Enquiry: {_title(what)}"
    return f"{_title(_singular(what))} Enquiry" if len(what.split()) <= 4 else None


def _foreign(head: str, lang: str) -> str | None:
    said = _FOREIGN.get(lang)
    if not said or not re.match(rf"{said}\s+\S", head, re.I):
        return None
    head = _FOREIGN_TAIL.sub("", head).strip()
    return head[:1].upper() + head[1:] if len(head.split()) <= 7 else None
