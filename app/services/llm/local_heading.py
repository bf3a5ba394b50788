"""The form's name from the marketer's own heading. A kind's name is generic ("Pricing
Request", "Support Request", "Contact Us", "Feedback Survey"); a description that opens with
a short heading before its list ("Garden waste collection sign-up: address, …", "Report a
missed bin collection - your address, …", "Umzugsanfrage: Name, …") has already named the
form, in the marketer's words and language, and the draft takes that name."""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_kinds import KINDS

# the kinds' catch-all names; a named kind ("Job Application", "Internal Request") keeps its own
GENERIC_NAMES = frozenset(
    {
        "Pricing Request",
        "Support Request",
        "Contact Us",
        "Feedback Survey",
        "Booking Request",
        "Event Registration",
        "Application",
    }
)
# a heading that only says the generic name again, in any of the five languages
_SAID_GENERIC = frozenset(
    name.lower()
    for english in {k["name"] for k in KINDS} | GENERIC_NAMES
    for name in (english, *FORM_NAMES.get(english, {}).values())
) | {
    "registration",
    "sign up",
    "signup",
    "sign-up",
    "contact",
    "contact form",
    "enquiry",
    "inquiry",
}
# the heading: up to the first colon or spaced dash, before the list of fields
_HEADING = re.compile(r"^\s*(?P<head>[^:;\n.!?,()]{3,70}?)\s*(?::|\s[-–—]\s)")
# a sentence about making the form, not its title ("we need a form for…", "can you make…")
_SENTENCE = re.compile(
    r"\b(?:i|we|i'm|we're|i'd|we'd|us|you|please|can|could|make|create|build|need|needs|want|wants|"
    r"here|this is|it should|tell|give)\b",
    re.I,
)
_SMALL = frozenset("a an the of for to at on in and or with by from per via".split())
# "Lost card report for our gym": whose form it is goes without saying on their own site
_FORM_WORD = re.compile(r"\s+form$", re.I)
_WHOSE = re.compile(r"\s+for (?:our|your|my|the)\b.*$", re.I)
# "Address update form for members": who fills it in goes too, when a name is left
_WHO = re.compile(r"\s+for\s+\S.*$", re.I)
# "Registration for a 5k charity fun run": the stock act, then what it is for (no "who …")
_ACT_FOR = re.compile(
    r"^(?P<act>[\w -]+?)\s+for\s+(?:an?\s+)?(?P<thing>(?![\w-]+s\b)(?:[\w'-]+\s+){0,4}[\w'-]+)$",
    re.I,
)
_CONTACT = re.compile(r"contact(?:\s+us)?(?:\s+form)?|get[- ]in[- ]touch(?:\s+form)?", re.I)
_DOING = re.compile(r"^(?:request|report|book|order|apply|register|claim|reserve|sign up)\b", re.I)


def said_generic(head: str) -> bool:
    """The heading only says a kind's stock name again ("Event registration", "Contact form")."""
    head = head.strip().lower()
    return head in _SAID_GENERIC or _FORM_WORD.sub("", head) in _SAID_GENERIC


def heading_name(original: str, english: bool) -> str | None:
    """The title the description opens with, as the form's name, or None."""
    m = _HEADING.match(original)
    if not m:
        return None
    head = re.sub(r"^(?:an?|the)\s+", "", m["head"].strip(), flags=re.I)
    if not 1 <= len(head.split()) <= 7 or _SENTENCE.search(head):
        return None
    if said_generic(head) or head.lower() == "form":  # "Form: name, email, …" names nothing
        return None
    if not english:
        return head[:1].upper() + head[1:]
    head = _WHOSE.sub("", head)
    if head.lower() in _SAID_GENERIC:  # "Event registration for our pottery course"
        return None
    what = _ACT_FOR.match(head)
    if what and said_generic(what["act"]) and not _CONTACT.fullmatch(what["act"]):
        # "Registration for a 5k charity fun run": what it is for comes first
        head = f"{what['thing']} {_FORM_WORD.sub('', what['act'])}"
    kept = _WHO.sub("", head)
    if kept != head and _CONTACT.fullmatch(kept):  # "Contact form for a law firm": its own
        return None
    if _DOING.match(head):  # "Request a proposal for a corporate video": what it is for
        kept = head
    if len(kept.split()) >= 2 and len(_FORM_WORD.sub("", kept).split()) >= 2:
        head = kept  # "Booking form for school tours" keeps its tours
    words = head.split()
    titled = [
        w if (i and w.lower() in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    ]
    return " ".join(titled) if len(" ".join(titled)) >= 3 else None
