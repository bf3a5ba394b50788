"""The words in front of the list: which of them name the form, and what a "sign up" is
(local engine, issue 20, round 31b).

Marketers write a title before the list, sometimes two: "Formular für Mieter: Schaden melden.
Name, …", "Tenant portal: Maintenance request (HVAC) - unit number, …", "Inscripción –
torneo de verano: nombre, …". The readers that name a form read the first segment and the
list readers took the second for an item, so the draft was "Formular für Mieter" with a
"Schaden melden" field. Here:

- ``one_heading`` — a first segment that only says where the form sits or who it is for
  (a form word, a portal, an intake: "Formular für Mieter", "Staff portal", "Clinic
  intake") gives way to the segment that says the act ("Schaden melden", "Expense claim");
  the act's heading is then closed by a colon, as a heading is ("Kids coding course sign
  up - child's name, …" too), so no title segment is read as a field;
- ``headed_object`` — a bare act word before a dash is qualified by what follows it
  ("Inscripción – torneo de verano", "Anmeldung – Sommerfest"): the name keeps both;
- ``signed_up_kind`` — a sign-up to an audition, a trial, a class, a tournament, a
  volunteer shift is a registration, not a newsletter or a product trial; a sign-up to news,
  updates, a newsletter, a mailing list or a waitlist stays email marketing.
"""

from __future__ import annotations

import re

from app.services.llm.local_kinds import KINDS

# a title segment ends at a colon, a spaced dash or a full stop
_SEP = r"(?:\s*:\s*|\s+[-–—]\s+|\.\s+)"
_SEGMENT = r"[^,:;.\n!?–—]{2,70}?"
_TWO = re.compile(rf"^\s*(?P<a>{_SEGMENT}){_SEP}(?P<b>{_SEGMENT}){_SEP}(?P<rest>\S.*)$", re.S)
_ONE = re.compile(rf"^\s*(?P<b>{_SEGMENT})\s+[-–—]\s+(?P<rest>\S.*)$", re.S)
# where a form sits or whom it serves, and no act: "Formular für Mieter", "Staff portal"
_CONTAINER = re.compile(
    r"^(?:[\w'-]+\s+){0,2}(?:forms?|formulario|formulaire|formular|formul[aá]rio|ficha|fiche|"
    r"portal|portail|intake)(?:\s+(?:for|für|fur|pour|para|de)\s+(?:[\w'-]+\s*){1,3})?$",
    re.I,
)
# the act a segment says: a kind of form in the five languages, or a verb of reporting
_ACT = re.compile(
    r"\b(?:enquiry|inquiry|requests?|appointment|booking|registration|application|claim|report|"
    r"sign[- ]?up|order|reservation|enrol(?:l)?ment|renewal|cancellation|complaint|ticket|"
    r"solicitud|inscripci[oó]n|reserva|cita|presupuesto|pedido|reclamaci[oó]n|demande|"
    r"inscription|r[ée]servation|devis|commande|signalement|anfrage|anmeldung|buchung|"
    r"meldung|melden|antrag|bestellung|termin|inscri[cç][aã]o|marca[cç][aã]o|or[cç]amento|"
    r"encomenda|contact(?:\s+us)?)\b",
    re.I,
)
# a person's sentence, no heading: "We run an escape room. I need …"
_SENTENCE = re.compile(
    r"\b(?:i|we|i'm|we're|our|you|need|needs|want|please|somos|nous|wir|unser\w*|"
    r"nuestr[oa]s?|notre|nosso|nossa)\b",
    re.I,
)
# the list begins: an item, a comma, another; and does not end a sentence to say more
_LISTED = re.compile(r"^[^,.;:]{1,60},")
_SENTENCE_END = re.compile(r"[.!?]\s+\S")
# a container that says the kind itself: "Support form", "Feedback portal"
_OWN_KIND = re.compile(r"\b(?:support|feedback|survey|help|helpdesk|contact)\b", re.I)


def one_heading(text: str) -> str:
    """The description with one heading before its list: a container segment goes when the
    next segment says the act, and the act's heading ends with a colon."""
    two = _TWO.match(text)
    if two and _heading(two["a"]) and _heading(two["b"]) and _listed(two["rest"]):
        a, b = two["a"].strip(), two["b"].strip()
        # "Support form - request details: …, request details": the form's kind is said first,
        # and the second segment is an item of the list
        said_kind = _ACT.search(a) or _OWN_KIND.search(a) or b.lower() in two["rest"].lower()
        if _CONTAINER.match(a) and _ACT.search(b) and not said_kind:
            return f"{b}: {two['rest']}"
    one = _ONE.match(text)
    if one and _heading(one["b"]) and _listed(one["rest"]) and _ACT.search(one["b"]):
        if "(" not in one["b"]:  # "Return request (RMA) for …" is read as it is
            return f"{one['b'].strip()}: {one['rest']}"
    return text


def _listed(rest: str) -> bool:
    """The rest is the list, to its end: "… - we do patios, planting. Name, …" is no list."""
    return bool(_LISTED.match(rest)) and not _SENTENCE_END.search(rest)


def _heading(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 7 and not _SENTENCE.search(segment)


# "Inscripción – torneo de verano: …": a bare act word, then what it is for
_ACT_DASH = re.compile(
    r"^\s*(?P<a>[\w-]+)\s+[-–—]\s+(?P<b>[^,:;.\n!?()–—]{2,50}?)\s*(?::|\s[-–—]\s)\s*\S", re.S
)


def headed_object(name: str, original: str, lang: str | None) -> str | None:
    """ "Inscripción – torneo de verano" for a draft named "Inscripción", "Spring Gala
    Registration" for an "Event Registration" headed "Registration – Spring Gala", or None."""
    m = _ACT_DASH.match(original)
    if not m or not _ACT.fullmatch(m["a"]):
        return None
    act, named = m["a"][:1].upper() + m["a"][1:], name.strip().lower()
    what = m["b"].strip()
    if _ACT.search(what) or not _heading(what) or len(what.split()) > 5:
        return None
    if lang:
        return f"{act} – {what}" if named == act.lower() else None
    if named == act.lower() or (named.endswith(" " + act.lower()) and len(named.split()) == 2):
        return " ".join(w[:1].upper() + w[1:] for w in what.split()) + f" {act}"
    return None


# ---- what a sign-up is ----
# "Choir audition sign up", "Football trial sign-up", "Sign up for the summer tournament"
_SIGN_UP = re.compile(
    r"^\s*(?:(?P<before>(?:[\w'-]+\s+){1,4}?)sign[- ]?ups?\b|sign[- ]?up\s+(?:sheet\s+|form\s+)?"
    r"(?:for|to)\s+(?:an?\s+|the\s+|our\s+|this\s+)?(?P<after>(?:[\w'-]+\s*){1,4}))",
    re.I,
)
# what is done in person on a day: an audition, a tryout, a class, a tournament, a shift
_DONE_THERE = re.compile(
    r"\b(?:auditions?|trials?|try-?outs?|tournaments?|classe?s?|courses?|lessons?|workshops?|"
    r"camps?|shifts?|rotas?|races?|run|walk|matche?s?|leagues?|competitions?|events?|sessions?|"
    r"clinics?|rehearsals?|volunteers?|volunteering|clean-?ups?|litter picks?|tours?|games?|"
    r"retreats?)\b",
    re.I,
)
# a sign-up that is to hear from us, or to try a product: email marketing or sales
_MAILED = re.compile(
    r"\b(?:news|newsletters?|updates?|mailing|e-?mails?|list|waitlist|wait-?list|waiting|alerts?|"
    r"digest|offers?|beta|launch|free|app|apps|software|platform|product|saas|plan|premium|pro|"
    r"account|\d+-day|days?|version)\b",
    re.I,
)
_EMAILED_KINDS = ("newsletter", "waitlist", "demo", "pricing", "download", "webinar")


def signed_up_kind(original: str, kind: dict) -> dict:
    """The event registration for a sign-up to something done on a day; ``kind`` otherwise."""
    if kind["key"] not in _EMAILED_KINDS:
        return kind
    m = _SIGN_UP.match(original)
    what = m and (m["before"] or m["after"] or "")
    if not what or _MAILED.search(what) or not _DONE_THERE.search(what):
        return kind
    if _SENTENCE.search(what):
        return kind
    return next((k for k in KINDS if k["key"] == "event"), kind)
