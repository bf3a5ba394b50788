"""The form's name from a heading that says what the form is (round 39a).

A word in the list can suggest a kind's stock name ("can we use your comments as a
testimonial?" → "Testimonial Request", "best time to call" → "Meeting Request"); the
marketer's heading says better what the form is:

- a heading that ends in the form's kind ("Yoga retreat feedback form:", "Patient survey.",
  "Course evaluation for students at the end of term:") names a form the engine called a
  stock name or a name without that kind ("Testimonial Request", "Unsubscribe Request"):
  the heading is the name, without "form" and without whom it is for;
- a heading that offers someone to talk to ("Talk to a mortgage adviser:", "Ask a
  pharmacist:") stays the name of a form the engine would call a stock request;
- agencies or suppliers pitching to us ("Agencies pitching to us:", "For agencies who want to
  pitch to our marketing team:") send a pitch: "Agency Pitch".
"""

from __future__ import annotations

import re

from app.services.llm.local_subject_name import STOCK_NAMES

# the opening heading: up to a colon, a spaced dash or the end of a short first sentence
_HEADING = re.compile(r"^\s*(?P<head>[^:;\n.!?,()]{3,70}?)\s*(?::|\s[-–—]\s|\.\s+(?=[A-Z]))")
# "Yoga retreat feedback form", "Course evaluation for students": what is asked about, then
# the kind ("Feedback form:" alone, or "for our bakery", is read by the kind's own namer); a
# survey requested or booked ("Request a site survey") is a service, no form's kind
_PLAIN = r"(?:quick|short|brief|simple|little|online|anonymous)"
_SURVEYED = re.compile(
    r"^(?!(?:request|book|order|get|schedule|arrange|claim)\b)(?:(?:an?|the)\s+)?"
    rf"(?:{_PLAIN}\s+)*(?!{_PLAIN}\b)"
    r"(?P<what>(?:[\w'-]+\s+){1,4}?(?P<kind>feedback|survey|questionnaire|evaluation))(?:\s+form)?"
    r"(?:\s+for\s+\S.*)?$",
    re.I,
)
_ADVISER = re.compile(
    r"^(?:(?:talk|speak|chat)\s+(?:to|with)|ask)\s+(?:an?|our|the)\s+(?:[\w-]+\s+){0,2}[\w-]+$",
    re.I,
)
_PITCHING = re.compile(
    r"^(?:for\s+)?(?P<who>agenc(?:y|ies)|suppliers?|vendors?|freelancers?|consultants?|studios?)"
    r"\b[^:.;]{0,40}?\bpitch(?:ing|es)?\b",
    re.I,
)
_SINGULAR = {"agencies": "Agency", "agency": "Agency"}
_SMALL = frozenset("a an the of for to at on in and or with by from per via".split())


def _title(words: str) -> str:
    said = words.split()
    return " ".join(
        w if (k and w.lower() in _SMALL) or w[:1].isupper() else w[:1].upper() + w[1:]
        for k, w in enumerate(said)
    )


def headed_kind(name: str, original: str, lang: str | None) -> str | None:
    """The heading's name for the form, or None (see the module's docstring)."""
    if lang:
        return None
    m = _HEADING.match(original)
    head = m["head"].strip() if m else ""
    pitched = _PITCHING.match(head or original)
    if pitched:
        who = pitched["who"].lower()
        noun = _SINGULAR.get(who) or re.sub(r"s$", "", who).capitalize()
        return f"{noun} Pitch"
    surveyed = _SURVEYED.match(head)
    if surveyed:
        # a name that says the kind already ("Lapsed Customer Win-back Survey") stays
        if surveyed["kind"].lower() in name.lower() and name not in STOCK_NAMES:
            return None
        return _title(surveyed["what"])
    if _ADVISER.match(head) and name in STOCK_NAMES:
        return _title(head)
    return None
