"""A waiting list for a place goes to the person who allocates places (issue 20, stop 18).

A waiting list for an app, a launch, a beta or a restock is an audience: the visitor wants
news, and ``email_marketing`` keeps them informed. A waiting list for an allotment plot, a
nursery place, a mooring, a puppy from the next litter or a council flat is a queue someone works
through by hand, offering each place in turn: it is routed to that person (``direct_route``),
and the agent confirms the place in the queue without promising one. Read in English (the
engine translates es/fr/de/pt first) from the form's own words.
"""

from __future__ import annotations

import re

# what is handed out one at a time by a person, not sold to everyone who asks
_PLACE = re.compile(
    r"\b(?:allotments?|(?:garden |allotment |vegetable )?plots?|nursery|childcare|"
    r"(?:school|nursery|childcare|pre-?school|creche|care home) places?|moorings?|berths?|"
    r"litters?|pupp(?:y|ies)|kittens?|social housing|council (?:hous\w+|flats?)|tenanc(?:y|ies)|"
    r"parking (?:spaces?|permits?)|pitch(?:es)?|stalls?|lockers?|studios? spaces?|"
    r"community garden)\b",
    re.I,
)
# the same places in es/fr/de/pt, read on the marketer's own words
_PLACE_ABROAD = re.compile(
    r"\b(?:kleingart\w*|schrebergart\w*|parzelle\w*|kita\w*|kindergarten\w*|krippe\w*|"
    r"kinderbetreuung\w*|betreuungspl[äa]tz\w*|tagesmutter|garderies?|kinderopvang|asilo nido|"
    r"liegepl[äa]tz\w*|stellpl[äa]tz\w*|welpe\w*|huerto\w*|parcela\w*|"
    r"guarder[íi]a\w*|plazas? (?:en|de) (?:la |el )?(?:guarder[íi]a|escuela|colegio)|"
    r"amarres?|cachorr\w*|jardins? (?:partag|familia|ouvri)\w*|parcelles?|cr[èe]ches?|"
    r"chiots?|hortas?|creches?|vagas?)\b",
    re.I,
)
# what makes it an audience after all: "a waitlist for our app's new plot feature"
_PRODUCT = re.compile(
    r"\b(?:app|apps|software|platform|beta|early access|launch|release|product|feature|tool|"
    r"course|class|classes|training|lessons?|tickets?|restock\w*|back in stock)\b",
    re.I,
)
# the list itself, heading the form ("Allotment waiting list: …")
_LIST = re.compile(r"\bwait(?:ing)? ?lists?\b", re.I)

PLACE_PLAYBOOK = (
    "Confirm each request by email with the details the form gives and say the team will be "
    "in touch when a place comes up. Never promise a place, a position in the queue or a date "
    "the form does not state; pass each request to the person who offers places, with a "
    "one-line summary. Joining a waiting list is not consent to marketing: no newsletter "
    "unless they opted in."
)


def fit_waiting_place(kind: dict, opening: str, original: str) -> dict:
    """``kind`` routed to a person when it is a waiting list for a place (``opening``: the
    form's heading or first sentence, in English; ``original``: the same in the marketer's
    words); ``kind`` itself otherwise."""
    if kind["key"] != "waitlist" or not _LIST.search(opening):
        return kind
    placed = _PLACE.search(opening) or _PLACE_ABROAD.search(original)
    if not placed or _PRODUCT.search(opening):
        return kind
    return {
        **kind,
        "flow": "direct_route",
        "autonomy": "semi_autonomous",
        "actions": ["send_email", "respond_direct", "escalate"],
        "goal": "keep the waiting list and offer places in turn",
        "playbook": PLACE_PLAYBOOK,
    }
