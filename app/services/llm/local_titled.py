"""The form's name as the marketer's opening words give it: the subject and the kind of form
(local engine, issue 20, round 17a).

Marketers name the form first ("Wedding catering enquiry for couples …", "Grooming
appointment - …", "Padel tournament entry form with …", "Cita de peluquería canina: …"). The
kind cues read the kind word alone, so the draft was called by the kind's stock name
("Pricing Request", "Appointment Request", "Competition Entry", "Solicitud de cita") and
the subject was lost. ``titled_name`` reads the title from the heading (up to a colon or a
spaced dash) or, without one, from the opening phrase (up to the first comma, full stop or
"with …"), and answers when it is a title: a subject followed by a kind word ("press
enquiry", "tournament entry", "membership cancellation"); "Form to request a replacement
bin" ("Replacement Bin Request"); "cancel my membership" ("Membership Cancellation"); in
es/fr/de/pt a heading holding a kind word ("Demande de devis traiteur mariage",
"Presseanfragen", "Marcação de consulta de fisioterapia"), kept in the marketer's words.

Whose form it is and who fills it in go ("… for couples", "… at our yoga studio"), so does a
trailing "form" after the kind word. A sentence about making the form ("we need …") and a
heading that only says the stock name again ("Event registration") are no titles.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign import foreign_little_word
from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_heading import said_generic
from app.services.llm.local_intent import correct_typos

# the kind of form, said last in an English title ("update" is left to the heading: an
# "Alumni update form" keeps its "Form")
_KIND = (
    r"enquir(?:y|ies)|inquir(?:y|ies)|requests?|appointments?|bookings?|entry|entries|"
    r"registrations?|applications?|cancellations?|reports?|claims?|sign[- ]?ups?|orders?|"
    r"reservations?|consultations?|nominations?|referrals?|renewals?|submissions?|quotes?|"
    r"estimates?|enrol(?:l)?ments?|waivers?|complaints?|pass(?:es)?|surveys?|questionnaires?|"
    r"rsvps?|pledges?|tickets?"  # "IT helpdesk ticket for staff"
)
_ENDS_KIND = re.compile(rf"^(?P<core>.*?\b(?P<kind>{_KIND}))(?:\s+forms?)?$", re.I)
# "… enquiry for couples planning their day", "… pass to our gym": who and whose it is
_AUDIENCE = re.compile(
    rf"^(?P<core>.*?\b(?:{_KIND}))(?:\s+forms?)?\s+(?:for|at|with|to|from|by|in|on|of)\s+\S.*$",
    re.I,
)
# what an imperative asks for, as the name of the thing done: "cancel my X" → "X Cancellation"
_DONE = {
    "request": "Request",
    "report": "Report",
    "book": "Booking",
    "order": "Order",
    "apply": "Application",
    "register": "Registration",
    "cancel": "Cancellation",
    "pause": "Pause",
    "freeze": "Freeze",
    "suspend": "Suspension",
    "claim": "Request",
    "get": "Request",
    "reserve": "Reservation",
    "update": "Update",
    "change": "Change",
    "renew": "Renewal",
    "enter": "Entry",
    "nominate": "Nomination",
    "submit": "Submission",
    "enquire": "Enquiry",
    "inquire": "Enquiry",
    "hire": "Hire",
    "rent": "Rental",
    "schedule": "Booking",
}
_GERUND = {
    "requesting": "request",
    "reporting": "report",
    "booking": "book",
    "ordering": "order",
    "applying": "apply",
    "registering": "register",
    "cancelling": "cancel",
    "canceling": "cancel",
    "claiming": "claim",
    "reserving": "reserve",
    "updating": "update",
    "changing": "change",
    "renewing": "renew",
    "entering": "enter",
    "nominating": "nominate",
    "submitting": "submit",
    "hiring": "hire",
    "renting": "rent",
    "scheduling": "schedule",
}
_FORM_TO = re.compile(
    r"^(?P<before>(?:[\w'-]+\s+){0,3}?)forms?\s+"
    r"(?:to|for|where (?:people|customers|residents|visitors|members|you) can)\s+(?P<rest>.+)$",
    re.I,
)
# "Event registration for a photography workshop", "Request for a callback": the thing after
# "for" is the subject (not "for our gym", not "for parents": whose and who)
_KIND_FOR = re.compile(
    r"^(?:event\s+)?(?P<kind>registration|booking|sign-?up|entry|enrol(?:l)?ment|appointment|"
    r"reservation|application|request|enquiry|inquiry)(?:\s+forms?)?\s+(?:for|about)\s+"
    r"(?P<a>(?:an?|the)\s+)?(?P<what>[\w'-]+(?:\s+[\w'-]+){0,2})$",
    re.I,
)
# "cancel my membership", "claim a free guest pass": what is done to the visitor's own thing or
# to something offered (an imperative with "a" stays a heading: "Report a missed bin collection")
_MINE = re.compile(
    rf"^(?P<verb>{'|'.join(_DONE)})\s+(?:my|your|(?=(?:an?|the)\s+(?:free|complimentary)\b))\s*"
    r"(?P<what>.+?)(?:\s+forms?)?$",
    re.I,
)
# a call or a consultation booked is named for itself ("Book a free discovery call")
_MEETING = re.compile(r"\b(?:call|consultation|chat)$", re.I)
_VERB_FIRST = re.compile(
    rf"^(?:{'|'.join(_DONE)}|{'|'.join(_GERUND)}|sign|join|download|subscribe|start|try|tell|send|"
    r"leave|make|find|buy|share|vote|upload|ask|contact|help|let|please|fill|complete|see|view|"
    r"check|take|give|win|enter|become|host|run|create|build|add|use|raise|file|lodge|place|"
    r"kindly|generate)\b",
    re.I,
)
# a sentence about making the form, not its title
_SENTENCE = re.compile(
    r"\b(?:i|we|i'm|we're|i'd|we'd|us|you|please|can|could|need|needs|want|wants|here|this is|"
    r"it should|should|would|will|let|lets|let's|where|who|when|if|because|so|kindly|create|"
    r"generate|set up)\b",
    re.I,
)
# "register their kids": whose the thing is says nothing of what it is
_SOMEONE = re.compile(r"\b(?:their|them|they|his|her|its|people|someone|anyone)\b", re.I)
# words that say nothing of the subject: "Short questionnaire", "General enquiries"
_PLAIN = frozenset(
    "short quick simple brief online web new general basic anonymous little small easy multi-step "
    "two-step three-step multi-page one-page two-page 2-page 2-step bilingual mobile printable".split()
)
# what is booked without saying what for: "Book a place at Casa de Pedro cooking school"
_SEAT = frozenset("place places spot spots seat seats slot slots time date call".split())
_ARTICLE = re.compile(r"^(?:(?:a|an|the|our)\s+)+", re.I)
_THING_END = re.compile(
    r"\s+(?:(?:for|at|with|to|from|by|in|on|if|when|so|because)\s+\S|of (?:our|your|my|their)\b).*$",
    re.I,
)
_SMALL = frozenset("a an the of for to at on in and or with by from per via".split())

# the opening phrase of a description without a heading: up to the list of fields
_HEAD_END = re.compile(r"\s*(?:[:;\n.!?,()]|\s[-–—]\s)")
_LIST_STARTS = re.compile(
    r"\s+(?:with|asking|that|which|including|containing|collecting|listing|covering|where|"
    r"to (?:collect|capture|gather|ask)|con|avec|mit|com|que|qui)\b.*$",
    re.I | re.S,
)

# ---- es/fr/de/pt: a heading holding a kind word, kept as written ----
_FOREIGN_KIND = re.compile(
    r"\b(?:solicitud|consulta|cita|reserva|inscripci[oó]n|pedido|baja|alta|reclamaci[oó]n|queja|"
    r"presupuesto|matr[ií]cula|participaci[oó]n|candidatura|renovaci[oó]n|cancelaci[oó]n|denuncia|"
    r"aviso|formulario|demande|rendez-vous|r[ée]servation|inscription|r[ée]siliation|r[ée]clamation|"
    r"devis|commande|signalement|signaler|adh[ée]sion|annulation|formulaire|renouvellement|"
    r"anfrage\w*|termin\w*|buchung\w*|anmeldung\w*|k[uü]ndigung\w*|bestellung\w*|reservierung\w*|"
    r"antrag\w*|meldung\w*|bewerbung\w*|formular\w*|teilnahme\w*|registrierung\w*|reklamation\w*|"
    r"beschwerde\w*|marca[cç][aã]o|inscri[cç][aã]o|cancelamento|reclama[cç][aã]o|or[cç]amento|"
    r"encomenda|formul[aá]rio|ades[aã]o|renova[cç][aã]o|participa[cç][aã]o|"
    # a free offer named ("Kostenloses Probetraining", "Aula experimental gratuita")
    r"gratuit\w*|gratis|gr[aá]tis|kostenlos\w*)\b",
    re.I,
)
# one German word: the subject and the kind in a compound ("Presseanfragen", "Hundepflegetermin")
_COMPOUND = re.compile(
    r"^\w{3,}(?:-?)(?:anfragen?|termine?|buchung(?:en)?|anmeldung(?:en)?|k[uü]ndigung|"
    r"bestellung(?:en)?|reservierung(?:en)?|antr[aä]ge?|meldung(?:en)?|bewerbung(?:en)?|"
    r"formular|teilnahme|registrierung|reklamation|beschwerde)$",
    re.I,
)
_FOREIGN_SENTENCE = re.compile(
    r"(?<![\w-])(?:necesit\w+|queremos|quiero|nous|voulons|voudrions|besoin|wir|brauche\w*|ich|m[öo]chte\w*|"
    r"precis\w+|gostar\w*|queria|vous|usted|ustedes|sie|você|vocês|nosso|nossa|nuestr[oa]s?|notre|"
    r"unser\w*|un formulario|un formulaire|ein formular|um formul[aá]rio)\b",
    re.I,
)
# a stock name's words: what is left once they go is the subject
_STOCK = re.compile(
    r"(?:de|del|la|el|los|las|le|les|l|d|du|des|au|aux|al|a|à|do|da|dos|das|no|na|o|os|as|zum|zur|"
    r"der|die|das|den|dem|für|fur|pour|para|en|em|evento|[ée]v[ée]nement|veranstaltung|formulario|"
    r"formulaire|formular|formul[aá]rio|solicitud|demande|anfrage|pedido|inscripci[oó]n|inscription|"
    r"anmeldung|inscri[cç][aã]o|contacto|contact|kontakt)",
    re.I,
)
_FOREIGN_WHOSE = re.compile(
    r"\s+(?:para|pour|für|fur) (?:(?:el|la|los|las|le|les|den|die|das|o|a|os|as) )?"
    r"(?:nuestr[oa]s?|notre|nos|unser\w*|nosso|nossa)\b.*$",
    re.I,
)


# "so we run a monthly football tournament and need an entry form, …": the subject and the
# kind said apart in the opening sentence
_SAID_APART = re.compile(
    r"^(?:\w+\s+){0,3}?(?:we|i)(?:'re| are)?\s+(?:run|running|host|hosting|organi[sz]e|organi[sz]ing|"
    r"hold|holding|have)\s+(?:an?|our|the)\s+(?P<what>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+and\s+"
    r"(?:(?:we|i)\s+)?(?:need|want|would like)\s+(?:an?|some)\s+(?:online\s+)?"
    r"(?P<kind>entry|registration|sign-?up|booking|enquiry|inquiry|application)\s+forms?\b",
    re.I,
)


# "Website enquiry for our …", "Online booking form for our …": where the form sits, not
# what it is about; the business it belongs to is the subject
_CHANNEL = re.compile(
    r"^(?:website|web|online|site|homepage)\s+(?P<kind>enquiry|inquiry|booking|contact|request|order)"
    r"(?:\s+form)?\s+for\s+(?:our|my|the)\s+(?P<whose>.+)$",
    re.I,
)
_TRADE_WORDS = re.compile(
    r"^(?:(?:small|little|local|family|independent|new)\s+)+|"
    r"\s+(?:studio|company|firm|business|practice|agency|team|ltd)\b.*$",
    re.I,
)


def titled_name(original: str, lang: str | None) -> str | None:
    """The title the description opens with (the subject and the kind of form), or None."""
    head = _head(original)
    if not head:
        return None
    if lang:
        return _foreign(head)
    apart = _SAID_APART.match(head)
    if apart and not _SOMEONE.search(apart["what"]):
        return _named(apart["what"], _title(apart["kind"].lower()))
    return _english(head)


def titled_kind(name: str) -> str:
    """The kind word a title ends with, lower-cased and singular ("entries" → "entry")."""
    last = name.split()[-1].lower() if name.split() else ""
    return re.sub(r"ies$", "y", re.sub(r"(?<=[^s])s$", "", last))


def _head(original: str) -> str:
    text = original.strip()
    head = _HEAD_END.split(text, maxsplit=1)[0]
    head = _LIST_STARTS.sub("", head).strip()
    return head if 3 <= len(head) <= 90 else ""


def _english(head: str) -> str | None:
    head = _ARTICLE.sub("", head.strip())
    channel = _CHANNEL.match(head)
    if channel:  # "Website enquiry for our architecture practice": whose form it is says more
        trade = _TRADE_WORDS.sub("", channel["whose"]).strip()
        if 1 <= len(trade.split()) <= 3:
            return _title(f"{trade} {channel['kind']}")
    form_to = _FORM_TO.match(head)
    if form_to and _SENTENCE.search(form_to["before"]):
        return None  # "I want a form to book a demo": a sentence about the form
    if form_to:  # "Form to request a replacement bin", "Support form for bug reports"
        named = _done(form_to["rest"]) or _english(form_to["rest"])
        if named or not form_to["before"]:
            return named
    kind_for = _KIND_FOR.match(head)
    if kind_for and (kind_for["a"] or not kind_for["what"].endswith("s")):
        what = kind_for["what"]
        if not _SOMEONE.search(what) and not re.match(r"(?:our|your|my|their)\b", what, re.I):
            return _named(what, _title(_singular(kind_for["kind"].lower())))
    mine = _MINE.match(head)
    if mine and re.match(r"interest\b", mine["what"], re.I):
        return "Register Your Interest" if mine["verb"].lower() == "register" else None
    if (
        mine
        and mine["verb"].lower() in ("book", "schedule")
        and _MEETING.search(_thing(mine["what"]))
    ):
        named = _named(_thing(mine["what"]), "")  # "Free Discovery Call"
        return named.strip() if named else None
    if mine:
        return _named(_thing(mine["what"]), _DONE[mine["verb"].lower()])
    if _VERB_FIRST.match(head):
        return None
    audience = _AUDIENCE.match(head)
    if audience:
        head = audience["core"]
    ends = _ENDS_KIND.match(head)
    if not ends or _SENTENCE.search(head):
        return None
    words = ends["core"].split()
    signed = re.match(r"sign", ends["kind"], re.I)  # "Parents' evening sign up": the occasion
    if len(words) > 2 and not signed and re.search(r"s['’]$", words[0]):
        words = words[1:]  # "Journalists' data request": who asks it, not what it is
    if not 2 <= len(words) <= 6 or said_generic(" ".join(words)):
        return None
    if any(foreign_little_word(w) for w in words):  # "Café de la Plage reservation": a name
        return None
    if all(w.lower() in _PLAIN for w in words[:-1]):
        return None
    return _title(" ".join([*(_spelled(w) for w in words[:-1]), _singular(words[-1])]))


def _singular(kind: str) -> str:
    """ "enquiries" → "enquiry", "bug reports" are a "Bug Report" form"""
    low = kind.lower()
    if low.endswith("ies"):
        return kind[:-3] + "y"
    if low.endswith("sses"):  # "passes"
        return kind[:-2]
    if low.endswith("s") and not low.endswith("ss") and low != "rsvps":
        return kind[:-1]
    return kind


def _spelled(word: str) -> str:
    """The word with a close misspelling of a purpose word corrected ("apointment")."""
    fixed = correct_typos(word)
    return word if fixed == word.lower() else fixed


def _done(rest: str) -> str | None:
    """ "request a replacement bin" → "Replacement Bin Request"."""
    verb, _, what = rest.partition(" ")
    verb = _GERUND.get(verb.lower(), verb.lower())
    what = re.sub(r"^(?:for|about|up for)\s+", "", what, flags=re.I)
    if verb not in _DONE or not what:
        return None
    return _named(_thing(what), _DONE[verb])


def _named(thing: str, done: str) -> str | None:
    words = thing.split()
    if not 1 <= len(words) <= 5 or _SENTENCE.search(thing) or _SOMEONE.search(thing):
        return None
    return f"{_title(thing)} {done}"


def _thing(what: str) -> str:
    """What the form is about, without its article and whose or who it is for."""
    what = re.sub(r"\s+forms?$", "", what.strip(), flags=re.I)
    what = _THING_END.sub("", what)
    return re.sub(r"^(?:(?:a|an|the|my|your|our|some)\s+)+", "", what, flags=re.I)


def _title(text: str) -> str:
    words = text.split()
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _foreign(head: str) -> str | None:
    mine = _FOREIGN_WHOSE.sub("", head).strip()
    if not all(_STOCK.fullmatch(w) for w in re.findall(r"[\w-]+", mine)):
        head = mine
    words = head.split()
    if not words or len(words) > 8 or _FOREIGN_SENTENCE.search(head) or said_generic(head):
        return None
    if all(_STOCK.fullmatch(w) for w in re.findall(r"[\w-]+", head)):
        return None  # "Anmeldung zur Veranstaltung": a registration for an event, said again
    if len(words) == 1:
        if not _COMPOUND.match(head):
            return None
    elif not _FOREIGN_KIND.search(head):
        return None
    return head[:1].upper() + head[1:]


# A purpose the engine read for itself ("Competition Entry", "Membership Application") gives
# way to the marketer's title only when the title is that same kind of form, named more
# closely ("Padel tournament entry"); "Press accreditation request" stays a "Press
# Accreditation".
_SAME_KIND = [
    {"entry", "registration", "sign-up", "signup", "enrolment", "enrollment", "application"},
    {"enquiry", "inquiry", "request"},
    {"booking", "appointment", "reservation"},
]


def retitled(original: str, lang: str | None, purpose: str, own_name: str | None) -> str | None:
    """The marketer's title in place of the engine's name ``purpose``, or None."""
    titled = titled_name(original, lang)
    if not titled or re.sub(r"\s", "", titled.lower()) == re.sub(r"\s", "", purpose.lower()):
        return None  # "Newsletter sign up" says the stock "Newsletter Signup"
    if not own_name:
        return titled
    if lang:  # the marketer's own words beat the engine's translation, unless they hold it
        said = FORM_NAMES.get(own_name, {}).get(lang, "").lower()
        more = titled.lower().replace(said, " ") if said and said in titled.lower() else None
        if more is not None and all(_STOCK.fullmatch(w) for w in re.findall(r"[\w-]+", more)):
            return None  # "Solicitud de acreditación de prensa" says the engine's name
        return titled
    if _MINE.match(_head(original)):  # "Cancel my membership": no membership applied for
        return titled
    mine, theirs = titled_kind(own_name), titled_kind(titled)
    if mine != theirs and not any(mine in same and theirs in same for same in _SAME_KIND):
        return None
    # "Term registration for our after-school chess club": the club the engine named is in
    # the words the title left out
    left_out = set(re.findall(r"[\w'-]+", _head(original).lower())) - set(titled.lower().split())
    if any(w in left_out for w in own_name.lower().split()[:-1] if len(w) > 3):
        return None
    return titled


# "Report a broken streetlight, tell us where it is …": a short imperative naming the thing
# is the title when the engine has only a stock name for it
_ASKED_FOR = re.compile(r"^(?:report|request|claim)\s+(?:an?|the|some)\s+\S", re.I)
# "Book a piano lesson. …": what is booked or ordered, in up to three words
_BOOKED = re.compile(r"^(?P<verb>book|order|reserve)\s+(?:an?|the|some)\s+(?P<what>.+)$", re.I)


def opening_title(original: str, lang: str | None) -> str | None:
    """The opening imperative of an English description without a heading, as its name."""
    head = _head(original)
    if lang or not head or _SENTENCE.search(head):
        return None
    if original.strip()[len(head) :].lstrip().startswith("?"):  # "Book a demo? no - …"
        return None
    booked = _BOOKED.match(head)
    if booked:
        what = _thing(booked["what"])
        if what.lower() in _SEAT:
            return None
        return _named(what, _DONE[booked["verb"].lower()]) if len(what.split()) <= 3 else None
    if not _ASKED_FOR.match(head):
        return None
    asked = _thing(head.split(None, 1)[1]).split()
    if not asked or re.fullmatch(_KIND, asked[0], re.I):  # "Request a quote for …": the kind's own
        return None
    return _title(head) if len(head.split()) <= 7 else None
