"""What kind of form a description asks for, read in one place (issue 20).

``choose_kind`` reads the kind from the description's cues (read in English); the readers
after it correct what single words misread, in this order — the first that knows the form
names it (``own_name``), later ones only fit the kind:
1. ``own_purpose`` — a donation pledge, a club, a competition entry, a supplier
   registration, a referral: named for itself.
2. ``stated_purpose`` — an open day, a permit, a venue hire, a callback: what the opening
   words say (``stated``: its defaults are added to the fields later).
3. ``course_kind`` / ``registration_kind`` / ``compound_course`` — "Anmeldung zum
   Firmenlauf" is a registration, "Kursanmeldung: …" a course.
4. ``creator_kind`` — a partnership form for creators; ``fit_application`` — a volunteer is
   no job applicant.
5. ``heading_kind`` — the kind the heading names where the translated cues read another.
6. ``act_kind`` — a consent, waiver or release form is a record; "Survey on …" a survey.
7. ``consultation_kind``, ``said_kind``, ``fit_thanks``, ``fit_waiting_place`` — a free
   consultation, an alumni update, a callback or an RSVP, a waiting list: the kind's flow
   and thanks fitted; ``keep_promise`` — no quote, time or spot the form does not ask for.
8. ``paid_signup`` — a paid box or membership is no newsletter, a trade account no quote.
"""

from __future__ import annotations

import re

from app.services.llm.local_application_calls import called_kind
from app.services.llm.local_application_kind import fit_application
from app.services.llm.local_flow_model import choose_kind
from app.services.llm.local_form_act import act_kind
from app.services.llm.local_heading_kind import heading_kind
from app.services.llm.local_intent import correct_typos
from app.services.llm.local_kept_promise import keep_promise
from app.services.llm.local_listed_asks import compound_course
from app.services.llm.local_named_subject import consultation_kind
from app.services.llm.local_own_purpose import (
    UNSUBSCRIBE,
    UNSUBSCRIBE_ASKED,
    own_purpose,
    without_answers,
)
from app.services.llm.local_paid_signup import paid_signup
from app.services.llm.local_said_purpose import said_kind
from app.services.llm.local_sentence_name import course_kind, creator_kind
from app.services.llm.local_stated_purpose import OPENING_END, stated_purpose
from app.services.llm.local_subject_name import registration_kind
from app.services.llm.local_thanks import fit_thanks
from app.services.llm.local_title_segments import signed_up_kind
from app.services.llm.local_waiting_place import fit_waiting_place

# "a masterclass on pricing", "a webinar about hiring": the talk's subject, no cue to the
# form's purpose (a seat at a masterclass on pricing is no pricing request)
TALK_TOPIC = re.compile(
    r"\b((?:masterclass(?:es)?|webinars?|workshops?|seminars?|talks?|classes|class|courses?|"
    r"lectures?)) (?:on|about) [^:,.;!?()]+",
    re.I,
)


def read_kind(told: str, original: str, lang: str | None) -> tuple[dict, str | None, tuple | None]:
    """(kind, own name or None, the stated purpose or None) for a description: ``told`` is
    it read in English without conditions, ``original`` as written, ``lang`` its language."""
    kind = choose_kind(told, TALK_TOPIC.sub(r"\1", without_answers(told)))
    # "Casting call …: headshot upload": an application, its upload no intake
    kind = called_kind(kind, told, original, lambda t: choose_kind(t, without_answers(t)))
    # a donation pledge, a club, a competition entry, a supplier registration: named for itself
    kind, own_name = own_purpose(kind, correct_typos(told), foreign=bool(lang))
    opening = re.split(r"[:.;?!]|\s[-–—]\s", original, maxsplit=1)[0]
    if kind["flow"] == "email_marketing" and UNSUBSCRIBE_ASKED.search(opening):
        kind, own_name = UNSUBSCRIBE, None  # "Abmeldung vom Newsletter": leaving, not joining
    # an open day, a permit, a venue hire, a callback: named for what the opening words say
    stated = None if own_name else stated_purpose(kind, correct_typos(told), bool(lang))
    if stated:
        kind, own_name = stated
    if not own_name:  # "Anmeldung zum Firmenlauf": a registration, not a newsletter
        kind = course_kind(original, registration_kind(original, kind))
        kind = compound_course(original, kind)  # "Kursanmeldung: …"
        kind = signed_up_kind(original, kind)  # "Choir audition sign up": no newsletter
    if own_name in (None, "Collaboration Request"):  # "Partnership form for Instagram creators"
        kind, own_name = creator_kind(told, kind, lang) or (kind, own_name)
    kind = fit_application(kind, f"{original} {told}")  # a volunteer is no job applicant
    # "Solicitud interna …", "Autorisation parentale …", "Anmeldung: …", "Encuesta …": the
    # kind the heading names, where the translated cues read another
    kind, own_name = heading_kind(original, lang, kind, own_name) or (kind, own_name)
    # "Medical release form for …": a record, not a booking; "Survey on …": a survey
    kind, own_name = act_kind(original, lang, kind, own_name) or (kind, own_name)
    kind = consultation_kind(original, kind)  # "IT support … – book a free consultation"
    kind = said_kind(original, lang, kind)  # "Alumni update form": no job applicant
    # a callback is called back, not sent a quote or a booking link; an RSVP is recorded
    kind = fit_thanks(kind, own_name, correct_typos(told), original)
    # an allotment's or a nursery's waiting list is worked through by a person, not nurtured
    kind = fit_waiting_place(
        kind, OPENING_END.split(told, maxsplit=1)[0], OPENING_END.split(original, maxsplit=1)[0]
    )
    # a tutoring enquiry is answered, not quoted; a cottage's dates are checked, not a time
    kind = keep_promise(kind, correct_typos(told), original)
    # a paid box or membership is no newsletter, a trade account no quote, a retreat a booking
    kind, own_name = paid_signup(kind, own_name, correct_typos(told), original, bool(lang))
    return kind, own_name, stated
