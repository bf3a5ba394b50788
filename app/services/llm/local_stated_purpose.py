"""Forms named and routed for the occasion or the request their opening words state
(local engine, issue 20, round 16e).

The kind cues read single words, so "Anmeldung zum Schnuppertag" (a sign-up) was a
newsletter, an open day or an info evening an "Event Registration", a press accreditation
"Contact Us", a residents' parking permit an "Event Registration", a season ticket
application a support ticket, a wedding venue or function room enquiry a "Pricing Request"
asking what to quote for, a callback a "Meeting Request", and a course named as an event
("Inscripción al evento: clases de guitarra") an event. ``stated_purpose`` reads what the
opening words (before the list of fields) say the form is for and returns the kind to build
with and its name, or None. ``fit_callback`` puts the phone first on a callback form.

``text`` is the description read in English and lower-cased (``correct_typos``); es/fr/de/pt
words the gloss keeps ("schnuppertag", "puertas abiertas") are listed with the English ones.
Names are translated by ``local_foreign_words.NAMES``; a name built from the marketer's own
words ("Residents' Parking Permit Application") is used for English descriptions only.
"""

from __future__ import annotations

import copy
import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import DOMAIN_FIELDS
from app.services.llm.local_kinds import KINDS
from app.services.llm.local_kinds_base import kind
from app.services.llm.local_service_cues import HIRED_SLOT, TRADE_EMERGENCY
from app.services.llm.local_stock_extras import asks_when

_BY_KEY = {k["key"]: k for k in KINDS}

# The opening words: what the form is, before the list of its fields begins
OPENING_END = re.compile(r"[:.;?!—–(]|\s-\s")
# Words that ask for news, not a place: a newsletter stays a newsletter
NEWS = re.compile(
    r"\bnewsletters?\b|\bmailing list\b|\bsubscri\w+|\bannouncements?\b|\bupdates?\b|\bnews\b|"
    r"\bbulletins?\b|\bdigests?\b|\bnotif\w+|\balerts?\b|\bwait ?lists?\b|\bwaiting lists?\b"
)

# ---- a visit: an open day, an information evening, a taster day, a trial lesson ----
VISITS = [
    (
        r"\btrial (?:lessons?|class(?:es)?|sessions?|trainings?|workouts?)\b|"
        r"\btaster (?:lessons?|class(?:es)?|sessions?)\b|\bclases? (?:gratuitas? )?de prueba\b|"
        r"\bcours(?:e)? (?:de |d'|d )?essai\b|\bs[ée]ances? (?:de |d'|d )?essai\b|\baulas? experimenta\w*|\bprobe(?:stunde|training|"
        r"unterricht|lektion)\w*",
        "Trial Lesson Booking",
    ),
    (r"\bschnupper\w*|\btaster days?\b|\bjourn[ée]es? d[ée]couverte\b", "Taster Day Registration"),
    (
        r"\binfo(?:rmation)? (?:evenings?|nights?)\b|\binfoabend\w*|\binformationsabend\w*|"
        r"\bsoir[ée]es? d'information\b",
        "Information Evening Registration",
    ),
    (
        r"\binfo(?:rmation)? (?:sessions?|mornings?|days?)\b|\bsesi[oó]n informativa\b|"
        r"\breuni[oó]n informativa\b|\bsess[aã]o (?:de )?informa\w+|\binfoveranstaltung\w*",
        "Information Session Registration",
    ),
    (
        r"\bopen (?:evenings?|nights?)\b|\bsoir[ée]es? portes ouvertes\b",
        "Open Evening Registration",
    ),
    (
        r"\bopen[- ]days?\b|\bportes ouvertes\b|\bpuertas abiertas\b|\b(?:dia|date) aberto\b|"
        r"\bportas abertas\b|\btag der offenen t[uü]r\b|\bvisit days?\b|\bcampus (?:visits?|tours?)\b",
        "Open Day Registration",
    ),
    (r"\bopen (?:house|homes?)\b", "Open House Registration"),
]
# ... and a place is asked for (a talk given at an open day is no registration); a free
# trial class is asked for by being offered
FREE = (
    r"\bfree\b|\bcomplimentary\b|\bgratuit\w*|\bgratis\b|\bgr[aá]tis\b|\bkostenlos\w*|"
    r"\bunverbindlich\w*"
)
PLACE_ASKED = re.compile(
    r"\bsign[- ]?ups?\b|\bsigning up\b|\bregist\w+|\brsvps?\b|\bbook\w*|\breserv\w+|\benrol\w*|"
    rf"\battend\w*|\bplaces?\b|\bspots?\b|\bjoin\w*|\binscri\w+|\banmeld\w*|\bcome\b|\bvisit\b|{FREE}"
)
VISIT_KINDS = ("newsletter", "event", "booking", "course", "contact", "feedback", "intake")

# ---- something applied for: an accreditation, a permit, a licence, a membership ----
ACCREDITATION = re.compile(
    r"\b(?P<who>press|media)[- ](?:accreditations?|pass(?:es)?|credentials?|badges?)\b|"
    r"\baccr[ée]ditations? (?:presse|de presse|m[ée]dias?)\b|\bacreditaci[oó]n(?:es)? de (?:prensa|medios|periodistas)\b|"
    r"\bcredenciamento de imprensa\b|\bpresseakkreditierung\w*|\bpresseausweis\w*"
)
MEMBERSHIP = re.compile(
    r"\bmembership (?:applications?|forms?|requests?)\b|\bapply(?:ing)? for (?:a )?membership\b|"
    r"\bapplications? for membership\b|\bmitgliedsantrag\w*|\bbeitrittserkl[aä]rung\w*|"
    # "Solicitud de socio", "Pedido de adesão", read in English as "request de socio"
    r"\b(?:demande|solicitud|request|pedido|proposta) d(?:e |')(?:socio|s[oó]cio|adh[ée]sion|ades[aã]o|"
    r"membres[ií]a|alta de socio)\b"
)
SEASON_TICKET = re.compile(r"\bseason[- ]tickets?\b|\bdauerkarten?\w*|\babonos? de temporada\b")
SEASON_RENEWAL = re.compile(r"\bseason[- ]tickets? renewals?\b")
# "Residents' parking permit application", "apply for a fishing licence", "Busking permit
# request": the words before the noun name it
_WHAT = r"(?P<what>(?:[\w'’-]+ ){0,3}?)"
PERMITS = [
    re.compile(
        rf"\b{_WHAT}(?P<noun>permit|licen[cs]e)s? (?:applications?|requests?|forms?|renewals?)\b"
    ),
    re.compile(rf"\bapply(?:ing)? for (?:an? |your )?{_WHAT}(?P<noun>permit|licen[cs]e)\b"),
    re.compile(rf"^\W*{_WHAT}(?P<noun>permit|licen[cs]e)s?\W*$"),
]
APPLIED_KINDS = ("contact", "event", "job_application", "pricing", "intake", "feedback", "booking")
_NOT_NAME = {"a", "an", "the", "our", "your", "my", "their", "new", "for", "to", "of"}

APPLICATION = kind(
    "applied",
    "Application",
    "general",
    "direct_route",
    "draft",
    ["respond_direct", "send_email", "escalate"],
    [],
    ["name", "email"],
    ["name", "email"],
    "receive applications and pass them to the person who reviews them",
    "Thanks — your application is in. We'll review it and be in touch.",
)

# ---- a venue hired: a wedding venue, a function room, a party ----
_VENUE = (
    r"venues?|locations?|hochzeitslocation|salons?|salles?|halls?|barns?|hotels?|manors?|estates?|"
    r"castles?|country house|rooms?|spaces?|espacios?|espa[cç]os?|lieux?|quintas?|fincas?"
)
WEDDING = re.compile(r"\bweddings?\b|\bbodas?\b|\bmariages?\b|\bcasamentos?\b|\bhochzeit\w*")
WEDDING_VENUE = re.compile(rf"\b(?:{_VENUE})\b|\bhochzeitslocation\b")
# a wedding service or a guest's reply is no venue enquiry
NOT_VENUE = re.compile(
    r"\bphotograph\w*|\bvideo\w*|\bflor\w+|\bflowers?\b|\bdjs?\b|\bcakes?\b|\bdress\w*|\bcater\w+|"
    r"\bbands?\b|\bmusicians?\b|\bhair\b|\bmake-?up\b|\bplanners?\b|\bstationery\b|\brsvps?\b|"
    r"\binvitations?\b|\bsurvey\b|\bfeedback\b|\bviewings?\b|\bvisits?\b|\btours?\b|\bshow ?rounds?\b|"
    r"\btastings?\b|\bfairs?\b|\bcars?\b|\bcelebrants?\b"
)
ENQUIRY = re.compile(
    r"\benquir\w+|\binquir\w+|\brequests?\b|\basking about\b|\bhire\b|\brental\b|\bavailability\b|"
    r"\bbrochure\b|\bquotes?\b|\bpricing\b|\bprices?\b"
)
HIRE = re.compile(
    r"\b(?P<what>function rooms?|private dining(?: rooms?)?|meeting rooms?|conference rooms?|"
    r"event spaces?|party rooms?|banqueting (?:suites?|rooms?)|venues?|marquees?|halls?|barns?|"
    r"rooms?|spaces?|party|parties) (?:hire|rental)\b|"
    r"\b(?P<named>function rooms?|private dining(?: rooms?)?|event spaces?|banqueting suites?|"
    r"venues?) (?:booking )?(?:enquir\w+|inquir\w+)|"
    r"\b(?:privati[sz]ation|alquiler|aluguer|aluguel|vermietung|miete) (?:de |du |of |do |da |der )?"
    r"(?:la |el |our |the |a |o )?(?:salles?|salon|sal[oó]n|espa[cç]o|espacio|raum|r[aä]ume|venue)\b"
)
VENUE_KINDS = ("pricing", "contact", "booking", "event", "intake")

# ---- a callback: the visitor asks to be phoned ----
CALLBACK = re.compile(
    r"\bcall ?backs?\b|\bcall-backs?\b|\bcall (?:you|me|them|us) back\b|\br[uü]ckruf\w*|"
    r"\brappel(?:ez)?\b|\bllam(?:emos|amos)\b|\bsolicitud de llamada\b|\bcontacto telef[oó]nico\b|"
    r"\bligarmos\b|\bligamos\b"
)
URGENT = re.compile(rf"{TRADE_EMERGENCY}|\bemergency\b|\burgen\w+|\bnotfall\w*")
CALLBACK_KINDS = ("booking", "pricing", "contact", "demo", "intake")

# ---- a free pass, a tasting, a taster session: a visit asked for, no newsletter (an ebook or
# a guide given away stays a download) ----
_OFFERED = (
    r"pass(?:es)?|tastings?|sessions?|class(?:es)?|lessons?|trials?|workouts?|tours?|visits?|"
    r"days?|weeks?|months?|treatments?|fittings?|check-?ups?|eye tests?|try-?outs?"
)
FREE_OFFER = re.compile(
    rf"(?:{FREE}) (?:[\w'-]+ ){{0,2}}?(?:{_OFFERED})\b|\b(?:guest|day|visitor|trial) pass(?:es)?\b|"
    rf"\bpases? (?:de \w+ )?(?:{FREE})|\bpasses? (?:\w+ )?(?:{FREE})|\b(?:probetag|tagespass|gastpass)\w*"
)
FREE_OFFER_KINDS = ("newsletter", "contact", "event", "download", "waitlist", "feedback")

# ---- a cancellation: a member leaving is handled by a person, not filed as feedback ----
CANCELLATION = re.compile(
    r"\bcancel (?:my|your|a|an|the) \w+|\bcancellations?\b|\bk[uü]ndigung\w*|\br[ée]siliation\b|"
    r"\bbaja de (?:socio|suscripci[oó]n|la suscripci[oó]n|membres[ií]a)\b|\bcancelamento\b|"
    r"\bcancelaci[oó]n\b|\bannulation\b"
)
CANCEL_KINDS = ("feedback", "newsletter", "event", "waitlist")
# asking why someone left is feedback ("Cancellation survey", "Post-cancellation questionnaire")
ASKED_WHY = re.compile(
    r"\bsurveys?\b|\bfeedback\b|\bquestionnaires?\b|\bexit\b|\bpost-?cancel\w*|\bpolicy\b|"
    r"\bumfrage\b|\bencuesta\b|\benqu[eê]te\b|\binqu[ée]rito\b"
)

# ---- an address change: a member's record updated, no removals quote ----
ADDRESS_CHANGE = re.compile(
    r"\baddress (?:updates?|changes?)\b|\bchanges? (?:of|to) (?:your |my |an? )?address\b|"
    r"\b(?:update|change) (?:your|my|an?|the) (?:postal |home |correspondence )?address\b|"
    r"\badress[aä]nderung\w*|\b[aä]nderung (?:der|ihrer|einer) adresse\b|\bchangement d'adresse\b|"
    r"\bcambio de (?:domicilio|direcci[oó]n)\b|\bmudan[cç]a de (?:morada|endere[cç]o)\b|"
    r"\baltera[cç][aã]o (?:de|da) (?:morada|endere[cç]o)\b"
)
ADDRESS_KINDS = ("pricing", "booking", "event", "intake", "newsletter")

# ---- a school enrolment ("matrícula"), not a car's registration number ----
ENROLMENT = re.compile(
    r"\bmatr[ií]culas?\b(?! (?:number|n[uú]mero|plate|del? (?:coche|carro|veh[ií]culo|auto)))"
)
ENROLMENT_KINDS = ("contact", "event", "newsletter", "intake", "booking", "job_application")

# ---- a course, a class or lessons named as an event ----
COURSE_NAMED = re.compile(
    r"\bcourses?\b|\bclass(?:es)?\b|\blessons?\b|\bclases\b|\bcursos?\b|\bcours\b|\w*kurs(?:e|es)?\b|"
    r"\baulas\b|\btalleres\b|\bateliers\b"
)
EVENT_NAMED = re.compile(
    r"\bevento?\b|\b[ée]v[ée]nement\b|\bevenement\b|\bveranstaltung\b|\bevent\b"
)


def stated_purpose(kind_: dict, text: str, foreign: bool = False) -> tuple[dict, str | None] | None:
    """(the kind to build with, its name) for the occasion or request the opening words
    state, or None to leave the draft as the kind cues read it; a None name leaves the name
    to the kind and the marketer's heading."""
    key, opening = kind_["key"], _opening(text)
    if key in VISIT_KINDS and not NEWS.search(text) and PLACE_ASKED.search(text):
        for pattern, name in VISITS:
            if re.search(pattern, opening):
                return _visit_kind(kind_, name), name
    if key == "pricing" and re.search(FREE, opening) and re.search(VISITS[0][0], opening):
        return _BY_KEY["booking"], VISITS[0][1]  # a free trial lesson is booked, not priced
    if key in APPLIED_KINDS or (
        key == "support" and re.search(r"\b(?:applications?|renewals?)\b", opening)
    ):
        applied = _applied_name(opening, foreign)
        if applied:
            return APPLICATION, applied
    if key in VENUE_KINDS:
        venue = _venue_name(opening, foreign)
        if venue:  # a sale, unless the hall is asked for from one time to another
            slot = key == "booking" and re.search(HIRED_SLOT, text, re.I)
            return (kind_ if slot else _BY_KEY["pricing"]), venue
    if key in FREE_OFFER_KINDS and FREE_OFFER.search(opening) and not NEWS.search(text):
        return _BY_KEY["booking"], None  # named by its heading ("Free Day Pass")
    if key in CANCEL_KINDS and CANCELLATION.search(opening) and not ASKED_WHY.search(opening):
        return _BY_KEY["support"], None  # "Cancel my membership": a person handles it
    if key in ADDRESS_KINDS and ADDRESS_CHANGE.search(opening):
        return _BY_KEY["contact"], None  # "Change of address form: old address, new address"
    if key in ENROLMENT_KINDS and ENROLMENT.search(opening):
        return _BY_KEY["course"], "School Enrolment"
    if key in CALLBACK_KINDS and CALLBACK.search(opening) and not URGENT.search(text):
        return kind_, "Callback Request"
    if key in ("event", "newsletter") and EVENT_NAMED.search(opening):
        rest = opening[EVENT_NAMED.search(opening).end() :] + " " + _second_part(text)
        if COURSE_NAMED.search(rest) and not NEWS.search(text):
            return _BY_KEY["course"], "Course Enrolment"
    return None


def _opening(text: str) -> str:
    return OPENING_END.split(text, maxsplit=1)[0]


def _second_part(text: str) -> str:
    """ "Inscripción al evento: clases de guitarra - nombre, …": what follows the heading,
    up to the list of fields."""
    parts = OPENING_END.split(text, maxsplit=2)
    return parts[1] if len(parts) > 1 else ""


def _visit_kind(kind_: dict, name: str) -> dict:
    if kind_["key"] in ("event", "booking", "course"):
        return kind_
    return _BY_KEY["booking"] if name == "Trial Lesson Booking" else _BY_KEY["event"]


def _applied_name(opening: str, foreign: bool) -> str | None:
    press = ACCREDITATION.search(opening)
    if press:
        return "Media Accreditation" if press.group("who") == "media" else "Press Accreditation"
    if MEMBERSHIP.search(opening):
        return "Membership Application"
    if SEASON_RENEWAL.search(opening):
        return "Season Ticket Renewal"
    if SEASON_TICKET.search(opening):
        return "Season Ticket Application"
    permit = next((m for m in (p.search(opening) for p in PERMITS) if m), None)
    if not permit:
        return None
    noun = "Permit" if permit.group("noun") == "permit" else "Licence"
    words = [w for w in permit.group("what").split() if w not in _NOT_NAME]
    if foreign or not words or not all(w.isascii() for w in words):
        return f"{noun} Application"
    return " ".join(_title(w) for w in words) + f" {noun} Application"


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


def _venue_name(opening: str, foreign: bool) -> str | None:
    if NOT_VENUE.search(opening):
        return None
    if WEDDING.search(opening) and WEDDING_VENUE.search(opening) and ENQUIRY.search(opening):
        return "Wedding Venue Enquiry"
    hire = HIRE.search(opening)
    if not hire:
        return None
    what = hire.group("what") or hire.group("named")
    if foreign or not what:
        return "Venue Hire Enquiry"
    what = {"parties": "party"}.get(
        what, re.sub(r"s$", "", what) if what != "private dining" else what
    )
    return " ".join(_title(w) for w in what.split()) + " Hire Enquiry"


PHONE_ASKED = re.compile(r"\bphone|\btelephone|\btel[eé]fono|\btelefone|\btelefon|\bnumbers?\b")


def add_stated_defaults(name: str, fields: list[dict]) -> None:
    """A journalist's outlet on a press accreditation whose description named no field."""
    if name in ("Press Accreditation", "Media Accreditation") and [f["name"] for f in fields] == [
        "name",
        "email",
    ]:
        fields.append(copy.deepcopy(DOMAIN_FIELDS["outlet"]["field"]))


def fit_callback(fields: list[dict], text: str) -> None:
    """A callback form asks for the phone first (required) and a time to call; an email
    the description did not ask for is optional, after the phone."""
    phone = next((f for f in fields if f["type"] == "phone"), None)
    if phone is None:
        phone = catalog.field("phone", required=True)
        fields.insert(1, phone)
    elif PHONE_ASKED.search(text):
        phone["required"] = True
    email = next((f for f in fields if f["type"] == "email"), None)
    if email is not None and not re.search(r"\be-?mail\b", text):
        email["required"] = False
        fields.remove(email)
        fields.insert(fields.index(phone) + 1, email)
    elif email is not None and fields.index(email) < fields.index(phone):
        fields.remove(phone)
        fields.insert(fields.index(email), phone)
    # "best time to call", "meilleur moment (matin, midi, soir)": the time question, asked
    if not any(asks_when(f) for f in fields):
        fields.insert(fields.index(phone) + 1, catalog.field("preferred_time"))
