"""The event the organiser runs, said before the list, is what the sign-up is for.

"we're a small yoga studio running a weekend retreat in the mountains in may. need people to
sign up: name, …", "our church is hosting a quiz night in march. please register your team:
…": the list's heading says only the act (sign up, register) and the sentence before says
what for. The description is read as if headed "Weekend retreat sign-up: …" — the heading
the engine names a form by and reads a place at an event from (not a newsletter, nor a
sponsorship enquiry for a sponsored walk) — in place of the sentence about the organiser,
which the heading's readers would take for the opening.

Guards: a heading that names its own object ("sign up for our newsletter: …") stays; an
event run without a sign-up heading after it ("we run a food festival. Stall enquiry: …")
stays as written.
"""

from __future__ import annotations

import re

# "running a weekend retreat in the mountains", "hosting a quiz night in march"
_RUNS = re.compile(
    r"\s*(?:,\s*)?(?:and\s+)?(?:(?:we|i)(?:'re| are| am|'m)?\s+|(?:is|are)\s+)?"
    r"\b(?:running|hosting|organi[sz]ing|holding|putting on|throwing)\s+(?:a|an|our|the|its|their)\s+"
    r"(?P<event>[\w'-]+(?:\s+[\w'-]+){0,4}?)"
    r"(?=\s+(?:in|on|at|this|next|for|from|with|near|by|during|starting|and)\b|\s*[,.;!?]|\s*$)"
    r"[^.!?]*",
    re.I,
)
# "need walkers to register:", "please register your team:", "people can sign up here:"
_SIGN_UP = re.compile(
    r"^(?P<lead>[^:.!?]{0,40}?\b(?P<act>register|sign(?:[\s-])?up|enrol|enroll|rsvp)\b"
    r"(?:\s+(?!for\b)[\w']+){0,3})\s*:",
    re.I,
)
_ACT = {"register": "registration", "enrol": "enrolment", "enroll": "enrollment", "rsvp": "RSVP"}


def event_headed(text: str) -> str:
    """``text`` headed by the event its organiser runs (see the module's doc), or ``text``."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    for at, sentence in enumerate(sentences[:-1]):
        runs = _RUNS.search(sentence)
        if not runs:
            continue
        after = sentences[at + 1]
        sign_up = _SIGN_UP.match(after)
        if not sign_up:
            return text
        act = sign_up["act"].lower()
        act = _ACT.get(act, "sign-up" if act.startswith("sign") else act)
        headed = f"{runs['event']} {act}:{after[sign_up.end() :]}"
        return " ".join([*sentences[:at], headed, *sentences[at + 2 :]])
    return text
