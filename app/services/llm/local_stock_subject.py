"""A form whose heading says what it is never gets a generic stock name (local engine, issue
20, round 20a).

Rounds 16m, 17a, 18d and 19d name many headings, but some still left the kind's stock name, or
a name made of the marketer's jargon: "hey, we're a small gutter cleaning firm and need a form
for quotes" was a "Quote Enquiry", "Tell us about a broken heater in your flat: …" a "Support
Request", "Form for employees to book annual leave" an "Internal Request", "Satisfaction survey
after a visit to our showroom" a "Feedback Survey", "Book a table" a "Reservation Request",
"Lead magnet: free website audit." a "Lead Magnet", "Lead form for office cleaning" a "Lead
Form for Office Cleaning", "Questions about your delivery" a "Questions About Your Delivery".
``stock_subject`` names such a form for what its heading says:

- "we're a <trade> firm … a form for quotes / bookings / orders" → "<Trade> Quote";
- "Tell us about a broken / leaking / lost <thing>" → "<Broken Thing> Report";
- "Questions about your <thing>" → "<Thing> Question";
- "Form for employees / staff to book / request <thing>" → "<Thing> Request";
- "<…> survey after a visit / stay / class at our <place>" → "<Place> <Visit> Survey";
- "Lead magnet / Opt-in form: <offer>" → the offer; "Lead form for <subject>" → "<Subject>
  Enquiry";
- "Book / reserve a table" (es/fr/de/pt too) → "Table Booking", "Reserva de mesa",
  "Réservation de table", "Tischreservierung".

A description that says nothing more than the kind ("a contact form") keeps its stock name;
a name the engine or the marketer gave that is no stock name stays. A heading written as a
sentence, an instruction or a question ("Become a vendor at …", "How was your stay?") is
named by ``local_sentence_subject`` (round 21a).
"""

from __future__ import annotations

import re

from app.services.llm.local_sentence_name import foreign_asked_name
from app.services.llm.local_sentence_subject import sentence_subject
from app.services.llm.local_subject_name import STOCK_NAMES, _singular

# stock names in es/fr/de/pt the engine gives a reservation or a booking
_FOREIGN_STOCK = frozenset(
    "Demande de réservation|Solicitud de reserva|Pedido de reserva|Reservierungsanfrage|"
    "Buchungsanfrage|Solicitação de reserva|Reserva|Réservation|Buchung|Solicitud de cita|"
    "Demande de rendez-vous|Terminanfrage|Pedido de marcação".split("|")
)
# names made of the kind's words only, or of the marketer's jargon
_STOCKISH = re.compile(
    r"^(?:(?:quote|booking|order|pricing|appointment|reservation)\s+(?:enquiry|inquiry|request)|"
    r".*\b(?:form|survey|feedback|questionnaire)\s+(?:after|following)\b.*|"
    r"(?:b2b\s+|b2c\s+)?lead\s+(?:magnet|form|capture|gen(?:eration)?)\b.*|opt-?in\b.*|squeeze\s+page.*|"
    r"form\s+for\s+.*|(?P<twice>\w+)\s+(?P=twice)|reservar\s+(?:una?\s+)?mesa|(?:ask\s+(?:us\s+)?)?(?:an?\s+)?questions?\s+about\s+(?:your|our|the|an?)\s+.*|satisfaction\s+survey)$",
    re.I,
)
_SMALL = frozenset("a an the of for to at on in and or with by from per via".split())
_END = r"(?=\s*(?:[:;,.!?()\n]|\s[-–—]\s|$))"

# ---- the table ----
_TABLE = (
    (
        re.compile(
            r"\b(?:book|reserve)\s+(?:a|your)\s+table\b|^\s*table\s+(?:booking|reservation)", re.I
        ),
        None,
        "Table Booking",
    ),
    (
        re.compile(r"\breservar\s+(?:una\s+|uma\s+)?mesa\b|^\s*reserva\s+de\s+mesa", re.I),
        "es",
        "Reserva de mesa",
    ),
    (
        re.compile(r"\breservar\s+(?:uma\s+)?mesa\b|^\s*reserva\s+de\s+mesa", re.I),
        "pt",
        "Reserva de mesa",
    ),
    (
        re.compile(r"\br[ée]server\s+une\s+table\b|^\s*r[ée]servation\s+de\s+table", re.I),
        "fr",
        "Réservation de table",
    ),
    (re.compile(r"\btisch\s+reservieren\b|^\s*tischreservierung", re.I), "de", "Tischreservierung"),
)

# ---- the marketer's jargon before the offer or the subject ----
_JARGON = re.compile(
    r"^\s*(?:(?:b2b|b2c|simple|short|quick)\s+)?(?:lead\s+magnet|opt-?in(?:\s+form)?|lead\s+capture(?:\s+form)?|squeeze\s+page|"
    r"lead\s+gen(?:eration)?\s+form|lead\s+form)"
    r"(?:\s+for\s+(?:an?\s+|our\s+|the\s+)?(?P<for>[^:;,.\n]{3,40}?)"
    r"(?:\s+(?:company|firm|business|agency|studio|service|services))?(?=\s*[:;,.\n]|\s[-–—]\s)|"
    r"\s*(?::|\s[-–—]\s)\s*(?P<offer>[^:;,.\n]{3,60}))",
    re.I,
)
_NO_OFFER = re.compile(
    r"^(?:ask|asking|collect|we|our|a\s+form|form|name|first\s+name|full\s+name|e-?mail|"
    r"phone|company|just|get|fields?)\b",
    re.I,
)

# ---- "we're a small gutter cleaning firm and need a form for quotes" ----
_WE_ARE = re.compile(
    r"\b(?:we(?:'re|’re|\s+are)|(?:i|we)\s+run|i\s+own|i\s+have)\s+an?\s+(?:(?:small|little|"
    r"local|family[- ]run|independent|new|busy|two-person|one-person|one-man|boutique)\s+)*"
    r"(?P<trade>[a-z][a-z -]{2,40}?)\s+(?:firm|company|business|outfit|agency|crew|contractor|"
    r"consultancy|studio)\b(?P<rest>[^:]{0,160})",
    re.I,
)
_WANTS_KIND = re.compile(
    r"\b(?:form\s+(?:for|to\s+(?:get|take|collect))\s+(?:our\s+|new\s+|customer\s+)?"
    r"(?P<kind>quotes?|estimates?|bookings?|enquiries|inquiries|orders?|appointments?)\b|"
    r"(?P<kind2>quote|estimate|booking|enquiry|inquiry|order|appointment)\s+form\b|"
    r"(?:request|get|ask\s+for)\s+an?\s+(?P<kind3>quote|estimate)\b)",
    re.I,
)
_KIND_NAME = {
    "quote": "Quote",
    "estimate": "Estimate",
    "booking": "Booking",
    "enquirie": "Enquiry",
    "inquirie": "Enquiry",
    "enquiry": "Enquiry",
    "inquiry": "Enquiry",
    "order": "Order",
    "appointment": "Appointment",
}
# the stock name's own noun, when the sentence names the trade but no kind
_STOCK_NOUN = {
    "Quote Request": "Quote",
    "Pricing Request": "Enquiry",
    "Quote Enquiry": "Quote",
    "Booking Request": "Booking",
    "Booking Booking": "Booking",
    "Appointment Request": "Appointment",
}
_NO_TRADE = re.compile(r"^(?:form|contact|quote|booking|new|online|website|web\s+form)$", re.I)

# ---- "Tell us about a broken heater in your flat", "staff report a broken printer" ----
_PROBLEM = (
    r"broken|faulty|leaking|leaky|damaged|missing|lost|stolen|blocked|cracked|noisy|flooded|"
    r"delayed|defective|dripping|burst|overflowing|stuck|dead"
)
_TELL_ABOUT = re.compile(
    r"(?:^|[^a-z])(?:tell\s+us\s+about|report)\s+(?:a|an|the|your|any|their)?\s*"
    rf"(?P<what>(?:{_PROBLEM})\s+[a-z]+(?:\s+(?!(?:in|at|on|with|from|near|to|or|and|for|"
    r"outside|inside|of|that|which|please|we|you|they)\b)[a-z]+){0,2})\b",
    re.I,
)

# ---- "Questions about your delivery" ----
_QUESTIONS_ABOUT = re.compile(
    rf"^\s*(?:ask\s+(?:us\s+)?)?(?:an?\s+)?questions?\s+about\s+(?:your|our|the|an?)\s+"
    rf"(?P<what>[a-z][a-z -]{{1,30}}?){_END}",
    re.I,
)

# ---- "Form for employees to book annual leave" ----
_STAFF_TO = re.compile(
    r"^\s*(?:an?\s+)?(?:(?:simple|short|quick|internal)\s+)?form\s+for\s+(?:our\s+)?(?:employees|"
    r"staff|staff\s+members|team\s+members|colleagues|workers|teachers|nurses|volunteers)\s+to\s+"
    r"(?P<verb>book|request|ask\s+for|apply\s+for|claim|report|log|submit)\s+"
    r"(?:their\s+|an?\s+|the\s+|some\s+)?(?P<what>[a-z][a-z -]{2,30}?)"
    rf"(?:\s+(?:with|through|via|from|in|before)\b.*?)?{_END}",
    re.I,
)
_STAFF_KIND = {"claim": "Claim", "report": "Report", "log": "Log"}
# "Leave request for employees", "Equipment loan form for staff"
_STAFF_HEAD = re.compile(
    r"^\s*(?P<what>[a-z][a-z -]{2,30}?)\s+(?:(?P<kind>request|claim|report|booking)\s+)?"
    r"(?:form\s+)?for\s+(?:our\s+|all\s+)?(?:employees|staff|staff\s+members|team\s+members|"
    r"colleagues|workers|teachers|nurses|volunteers|(?:line\s+)?managers)\b",
    re.I,
)
_NO_STAFF_SUBJECT = re.compile(r"^(?:an?|the|our|simple|short|quick|internal|form|new)$", re.I)

# ---- "Satisfaction survey after a visit to our showroom", "feedback form after a haircut" ----
_SURVEY_AFTER = re.compile(
    r"\b(?P<noun>survey|questionnaire|feedback(?:\s+(?:form|survey))?)\s+(?:after|following)\s+"
    r"(?:a|an|your|the|their|our)?\s*(?P<what>[a-z&][a-z&-]*(?:\s+(?!(?:to|at|in|with|from|we|you|"
    r"they|or|and|for|of|on)\b)[a-z&][a-z&-]*){0,2}?)"
    r"(?:\s+(?:to|at|in|with|from)\s+(?:our|the)\s+(?P<place>[a-z&][a-z& -]{1,30}?))?" + _END,
    re.I,
)


# ---- "Give us feedback on our delivery drivers" ----
_FEEDBACK_ON = re.compile(
    r"^\s*(?:(?:give|send)\s+us\s+(?:your\s+)?|leave\s+(?:your\s+|some\s+)?|your\s+)?feedback\s+"
    r"(?:on|about)\s+(?:our|your|the)\s+(?P<what>[a-z][a-z -]{1,30}?)" + _END,
    re.I,
)


def stock_subject(
    original: str, lang: str | None, name: str, kind_key: str | None = None
) -> str | None:
    """The name the heading gives a form named by its stock name or jargon, or None."""
    stock = name in STOCK_NAMES or name in _FOREIGN_STOCK or bool(_STOCKISH.match(name))
    if lang:  # "Angebot für Dachreinigung anfordern", "Solicitar presupuesto para …" (round 22a)
        asked = foreign_asked_name(re.split(r"[:;\n.!?(]|\s[-–—]\s", original.strip())[0], lang)
        if asked:
            return asked
    if not stock:  # "Become a vendor at …", "Why are you leaving?" (round 21a)
        return None if lang else sentence_subject(original, name, kind_key)
    text = original.strip()
    for pattern, language, said in _TABLE:
        if language == lang and pattern.search(text):
            return said
    if lang:
        return None
    return (
        _jargon(text)
        or _we_are(text, name)
        or _told_about(text)
        or _questions(text)
        or (
            _staff(text)
            if name == "Internal Request" or name.lower().startswith("form for")
            else None
        )
        or _survey(text)
        or sentence_subject(text, name, kind_key)
    )


def _jargon(text: str) -> str | None:
    said = _JARGON.match(text)
    if not said:
        return None
    if said["for"]:
        return _title(_singular(said["for"])) + " Enquiry"
    offer = re.sub(r"^(?:our|the|an?)\s+", "", said["offer"].strip(), flags=re.I)
    if _NO_OFFER.match(offer) or len(offer.split()) > 7:
        return None
    return _title(offer)


def _we_are(text: str, name: str) -> str | None:
    said = _WE_ARE.search(text)
    if not said or _NO_TRADE.match(said["trade"]):
        return None
    wants = _WANTS_KIND.search(said["rest"])
    if wants:
        word = (wants["kind"] or wants["kind2"] or wants["kind3"]).lower()
        kind = _KIND_NAME.get(word if word.endswith("y") else word.rstrip("s"), "Enquiry")
    else:
        kind = _STOCK_NOUN.get(name)
    return f"{_title(said['trade'])} {kind}" if kind else None


def _told_about(text: str) -> str | None:
    said = _TELL_ABOUT.search(re.split(r"[.:;\n]|\s[-–—]\s", text)[0])
    return _title(_singular(said["what"])) + " Report" if said else None


def _questions(text: str) -> str | None:
    said = _QUESTIONS_ABOUT.match(text)
    return _title(_singular(said["what"])) + " Question" if said else None


def _staff(text: str) -> str | None:
    said = _STAFF_TO.match(text)
    if not said:
        head = _STAFF_HEAD.match(text)
        if not head or _NO_STAFF_SUBJECT.match(head["what"]):
            return None
        return _title(head["what"]) + " " + (head["kind"] or "request").title()
    kind = _STAFF_KIND.get(said["verb"].lower(), "Request")
    return _title(_singular(said["what"])) + " " + kind


def _survey(text: str) -> str | None:
    said = _SURVEY_AFTER.search(re.split(r"[.:;\n]|\s[-–—]\s", text)[0] + ":")
    if not said:
        on = _FEEDBACK_ON.match(text)
        return _title(_singular(on["what"])) + " Feedback" if on else None
    noun = (
        "Feedback"
        if said["noun"].lower().startswith("feedback") and "survey" not in said["noun"].lower()
        else "Survey"
    )
    what = _title(_singular(said["what"]))
    return (
        f"{_title(_singular(said['place']))} {what} {noun}" if said["place"] else f"{what} {noun}"
    )


def _title(text: str) -> str:
    words = text.split()
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )
