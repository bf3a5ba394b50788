"""The form's name, read in one place (issue 20): which reader names a draft, in which order.

A form is named for what it does and its object, in the description's own words. Several
readers each know one way people say that; their order decides who wins:

Before the draft is localised (``drafted_name``), from the kind's stock name (``purpose``,
already the own name of a pledge, a club or a callback when one was read):
1. ``about_name`` — what the visitor asks about ("Enquire about a puppy …": "Puppy Enquiry");
   ``retitled`` — the opening words name the form ("Wedding catering enquiry for …").
2. ``subject_name`` — a stock name beside the subject it is about ("Enquiry form for our
   landscape design studio"); in es/fr/de/pt ``foreign_sentence_name`` and ``course_name``.
3. ``heading_name`` / ``opening_title`` — a generic stock name the heading says better
   ("Garden waste collection sign-up: …", "Note de frais : …").
4. ``stock_subject`` — a stock request with its own words ("Book a table", "Lead magnet: …").

After localisation (``read_again``), on the name the draft has by then:
5. ``subject_named`` / ``purpose_said`` — a contact form named for its business or for what
   it is for ("Contact form for our dental practice", "a form to request our price list").
6. ``asked_name`` — what the visitor is asked to do ("Claim your free energy audit").
7. ``act_name`` — the act, not the organisation that runs it ("Parish council - report a
   problem …"), a consent form's heading, a survey's subject, a petition's cause.
"""

from __future__ import annotations

import re

from app.services.llm.local_about_name import about_name
from app.services.llm.local_asked_name import asked_name
from app.services.llm.local_form_act import act_name
from app.services.llm.local_heading import GENERIC_NAMES, heading_name
from app.services.llm.local_named_subject import subject_named
from app.services.llm.local_said_purpose import purpose_said
from app.services.llm.local_sentence_name import (
    CREATOR_NAMES,
    FORM_WORD,
    course_name,
    creator_heading,
    foreign_sentence_name,
)
from app.services.llm.local_stock_subject import stock_subject
from app.services.llm.local_subject_name import STOCK_NAMES, subject_name
from app.services.llm.local_titled import _head, opening_title, retitled

# stock names a heading in es/fr/de/pt says better ("Note de frais", "Bénévolat au festival")
HEADED_ABROAD = frozenset({"Internal Request", "Volunteer Application"})


def drafted_name(
    original: str, lang: str | None, kind: dict, own_name: str | None, purpose: str, topic
) -> str:
    """The draft's name before it is localised (steps 1–4 above); ``topic`` is what a
    webinar or a download is about, added after a colon when no reader named the form."""
    # "Enquire about a puppy from our next litter": a "Puppy Enquiry" (a heading the kind
    # reader took whole as the own name is cut the same way)
    head = _head(original)
    about = about_name(head, lang) if own_name in (None, head) else None
    titled = about or retitled(original, lang, purpose, own_name)  # "Wedding catering enquiry …"
    if own_name in CREATOR_NAMES and titled and FORM_WORD.search(titled):
        titled = None  # "Formulario de colaboración para creadores" is no title
    subject = None if titled or own_name else subject_name(original, lang, kind, purpose)
    if lang and not (titled or own_name or subject) and purpose in STOCK_NAMES:
        subject = foreign_sentence_name(original, lang)  # "Somos un taller de bicicletas. …"
        if not subject and kind["key"] in ("course", "event"):
            subject = course_name(original)  # "Anmeldung für unseren Kochkurs"
    if titled:  # "Masterclass sign-up: "Pricing for freelancers"": a quoted title stays
        purpose, topic = titled, topic if topic and _quoted(topic, original) else None
    elif subject:  # "Enquiry form for our landscape design studio", "Moving warehouse? …"
        purpose, topic = subject, None
    elif (
        not own_name
        and not topic
        and (purpose in GENERIC_NAMES or (lang and purpose in HEADED_ABROAD))
    ):
        # "Garden waste … sign-up: …"; "Note de frais: …" says which internal request it is
        purpose = (
            heading_name(original, english=not lang) or opening_title(original, lang) or purpose
        )
    elif own_name in CREATOR_NAMES:  # "Influencer collaboration request for our brand: …" stays
        headed = heading_name(original, english=not lang) or opening_title(original, lang)
        purpose = headed if creator_heading(headed) else purpose
    named = stock_subject(original, lang, purpose, kind["key"])  # "Book a table", "Lead magnet: …"
    if named:
        purpose, topic = named, None
    # a stock "Client …" named for whom the marketer serves: "new patients …" → "Patient Intake"
    who = re.search(r"\b(patient|student|member|tenant|pupil)s?\b", original, re.I)
    if purpose.startswith("Client ") and who and not re.search(r"\bclients?\b", original, re.I):
        purpose = who[1].title() + purpose[len("Client") :]
    return purpose + (f": {topic}" if topic else "")


def _quoted(topic: str, original: str) -> bool:
    return bool(re.search(rf"[\"“‘']{re.escape(topic)}[\"”’']", original, re.I))


def read_again(name: str, original: str, lang: str | None) -> str | None:
    """The localised draft's name read again (steps 5–7 above), or None when no reader
    names it."""
    said = subject_named(name, original, lang) or purpose_said(name, original, lang)
    named = False
    if said:
        name, named = said, True
    asked = asked_name(name, original, lang)  # "Claim your free energy audit"
    if asked:
        name, named = asked, True
    acted = act_name(name, original, lang)  # "Parish council - report a problem …"
    if acted:
        name, named = acted, True
    return name if named else None
