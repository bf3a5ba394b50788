"""The form's name (and kind) from what the description says the form is for, however the
description opens (local engine, issue 20, round 25a).

A marketer writes the way they talk: "Quick one - we need a form for customers to request our
price list", "hey, could you build me a form for booking our band", "We run a charity golf day
every year and need a form for teams to enter". The sentence says the subject and the purpose,
and the draft still got a stock name ("Contact Us", "Booking Request") or the filler itself
("Quick One"). Here the purpose clause names it: "Price List Request", "Band Booking",
"Charity Golf Day Entry"; in es/fr/de/pt "Pedido de tabela de preços", "Adopción de perros",
"Inscription au centre aéré", "Anmeldung – Firmenlauf".

A heading whose purpose noun is no stock kind keeps it: "Sign-up sheet for our litter pick" is
a "Litter Pick Sign-up", "Application for a stall at our market" a "Stall Application", a
"licence renewal request" a "Licence Renewal", "Registration form for our 10k fun run" a "10k
Fun Run Registration", a heading that is a quote in es/fr/de/pt ("Kostenvoranschlag Umzug
Büro") is the name as written; "contact form for my plumbing buisness" names the business.

People updating their own details (alumni, former pupils, members: "Alumni update form",
"Change of details form", "Ficha de atualização de antigos alunos") are no job applicants, no
staffing lead and no support ticket: ``said_kind`` gives them the internal kind (the team is
told) and ``purpose_said`` a name that says the update.

``purpose_said`` runs on the finished (localized) name and only replaces a stock name or one
made of the opening filler; a name that already says its subject stays.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_kinds import KINDS
from app.services.llm.local_named_subject import _NOT_WHOSE
from app.services.llm.local_subject_name import STOCK_NAMES

_SMALL = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at"}


def _title(text: str) -> str:
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(text.split())
    )


def _one(word: str) -> str:
    """The singular of a plain English plural ("cats", "hampers", "shifts")."""
    if re.search(r"(?:ss|us|is|ics)$", word, re.I) or len(word) < 4:
        return word
    if re.search(r"ies$", word, re.I):
        return word[:-3] + "y"
    if re.search(r"(?:ches|shes|xes)$", word, re.I):
        return word[:-2]
    return word[:-1] if word.lower().endswith("s") else word


# the words a description opens with before it says anything: "Quick one", "Urgent", "hey"
_FILLER = re.compile(
    r"^\s*(?:(?:quick|small|little|tiny)\s+(?:one|question|favou?r|request|ask|thing)|urgent|"
    r"hey(?:\s+there)?|hi(?:\s+there)?|hello|ok(?:ay)?(?:\s+so)?|so|please|help|right|"
    r"request|asap|todo|to-do|fyi|hola|bonjour|salut|hallo|ol[aá]|oi|buenas)\b",
    re.I,
)
# the stock names a stated purpose replaces (a newsletter, a waiting list or a course stays)
_KEEP = frozenset({"Newsletter Signup", "Waitlist Signup", "Course Enrolment", "Free Trial Signup"})
_GIVE_WAY = (STOCK_NAMES - _KEEP) | {"Registration Form", "Entry Form", "Application Form"} | {
    "Booking Form", "Competition Entry", "Staffing Request", "Job Application"
}
# the same abroad: a contact, a price or quote request, an event registration
_FOREIGN_STOCK = frozenset(
    n
    for english in ("Contact Us", "Pricing Request", "Quote Request", "Event Registration")
    + ("Booking Request", "Reservation Request")
    for n in FORM_NAMES[english].values()
)
# a heading's own noun ("Sign-up sheet for our litter pick") replaces only these
_PLAIN = frozenset(
    {"Contact Us", "Event Registration", "Registration Form", "Booking Request", "Application"}
) | {"Competition Entry", "Entry Form", "Application Form", "Booking Form"}


def _gives_way(name: str, original: str, stock: frozenset = _GIVE_WAY) -> bool:
    name = name.split(": ", 1)[0]  # "Event Registration: Saturday" is the stock name too
    if name in stock or name in _FOREIGN_STOCK:
        return True
    # the filler made the name: "Quick One", "Urgent", "Quick Favour"
    opening = re.split(r"[:\-–—,.!?]", original.strip(), maxsplit=1)[0]
    return bool(_FILLER.match(opening)) and name.lower() == opening.strip().lower()


# ---- the purpose clause: "a form for customers to request our price list" ----
_VERBS = {
    "request": "Request",
    "book": "Booking",
    "reserve": "Reservation",
    "adopt": "Adoption",
    "enter": "Entry",
    "sign up": "Sign-up",
    "register": "Registration",
    "apply": "Application",
    "order": "Order",
    "audition": "Audition",
    "enrol": "Enrolment",
    "enroll": "Enrolment",
    "nominate": "Nomination",
    "hire": "Hire",
    "rent": "Rental",
    "sponsor": "Sponsorship",
    "pre-order": "Pre-order",
}
_VERB = r"request|book|reserve|adopt|enter|sign up|register|apply|order|audition|enrol|enroll|nominate|hire|rent|sponsor|pre-order"
_GERUND = {"booking": "book", "ordering": "order", "requesting": "request", "reserving": "reserve",
           "entering": "enter", "adopting": "adopt", "hiring": "hire", "renting": "rent",
           "registering": "register", "applying": "apply", "nominating": "nominate"}
_CLAUSE = re.compile(
    r"\b(?:form|page|something|thing)\s+(?:so(?:\s+that)?|for|where|to\s+let|that\s+lets)\s+"
    r"(?:(?P<who>(?:[\w'-]+\s+){1,3}?)(?:can|could|will|to|who\s+(?:want|wish|would\s+like)\s+to|"
    r"that\s+want\s+to|wanting\s+to)\s+(?P<verb>" + _VERB + r")|(?P<gerund>"
    + "|".join(_GERUND) + r"))\b(?P<rest>[^.?!:;\n]*)",
    re.I,
)
_PEOPLE = re.compile(
    r"^\s*(?:their|his|her|your|them(?:selves)?|the)?\s*(?:kids?|children|child|sons?|daughters?|"
    r"teens?|pupils?|dogs?|pets?|team|teams|themselves|them|a\s+(?:place|spot|seat|space))\s+"
    r"(?:in(?:to)?|onto|on|for|at|to)\s+",
    re.I,
)
_DETERMINER = re.compile(
    r"^\s*(?:(?:one|some|any)\s+of\s+(?:our|the|my)|our|my|the|an?|their|your|its|some|for|"
    r"in|into|on|at|to)\s+",
    re.I,
)
_OBJECT_END = re.compile(
    r"\s+(?:for|with|at|in|on|from|so|and|to|who|that|which|via|by|online|please|every|each|"
    r"this|next|when|before|after|near|if|or)\b.*$|\s+[-–—]\s.*$|\s*[,(].*$",
    re.I,
)
# "We run a charity golf day every year", "we host an annual quiz": the event entered
_WE_RUN = re.compile(
    r"\bwe\s+(?:run|host|hold|organi[sz]e|put\s+on|have)\s+(?:an?|the|our)\s+(?:annual\s+|yearly\s+)?"
    r"(?P<what>[a-z0-9][\w'-]*(?:\s+[a-z0-9][\w'-]*){0,3}?)"
    r"(?=\s+(?:every|each|once|twice|in|on|at|for|and|which|that|this|next)\b|\s*[,.;:–—-]|$)",
    re.I,
)


def _object(rest: str) -> str:
    rest = _PEOPLE.sub("", rest, count=1)
    for _ in range(3):
        rest = _DETERMINER.sub("", rest)
    what = _OBJECT_END.sub("", rest).strip()
    return what if 0 < len(what.split()) <= 4 and not re.search(r"[\d/&]", what[:1]) else ""


def _english_purpose(original: str) -> str | None:
    m = _CLAUSE.search(original)
    if not m:
        return None
    verb = (m["verb"] or _GERUND[m["gerund"].lower()]).lower()
    what = _object(m["rest"])
    if not what:  # "a form for teams to enter": the event the sentence names
        run = _WE_RUN.search(original)
        what = run["what"] if run and verb in ("enter", "sign up", "register", "book") else ""
    before = original[: m.start()].split()[-1:]  # "a support form where …": it says its kind
    if before and re.match(r"(?:support|feedback|survey|newsletter|complaints?|contact)$", before[0], re.I):
        return None
    if re.match(r"free\b", what, re.I):  # "book a free intro call": round 24a names it
        return None
    if not what or re.search(r"\b(?:form|forms|details|information|info|it|this|one)$", what, re.I):
        return None
    words = what.split()
    words[-1] = _one(words[-1])
    return f"{_title(' '.join(words))} {_VERBS[verb]}"


# the same abroad: "para os clientes pedirem a nossa tabela de preços"
_ABROAD = {
    "pt": (
        re.compile(r"\bpara\s+(?:que\s+)?(?:(?:os|as|o|a)\s+)?\w+\s+(?P<verb>pedirem|pedir|peçam|"
                   r"reservarem|reservem|adotarem|adotem|encomendarem|encomendem|inscreverem)\b"
                   r"(?P<rest>[^.?!:;\n]*)", re.I),
        {"ped": "Pedido", "pe": "Pedido", "res": "Reserva", "ado": "Adoção", "enc": "Encomenda",
         "ins": "Inscrição"},
    ),
    "es": (
        re.compile(r"\bpara\s+que\s+(?:(?:la|el|los|las)\s+)?\w+\s+(?P<verb>adopten?|reserven?|"
                   r"pidan?|soliciten?|encarguen?|inscriban?)\b(?P<rest>[^.?!:;\n]*)", re.I),
        {"ado": "Adopción", "res": "Reserva", "pid": "Pedido", "sol": "Solicitud", "enc": "Encargo",
         "ins": "Inscripción"},
    ),
    "fr": (
        re.compile(r"\bpour\s+que\s+(?:(?:les|des|la|le|l')\s*)?\w+\s+(?P<verb>inscrivent|"
                   r"réservent|demandent|adoptent|commandent)\b(?P<rest>[^.?!:;\n]*)", re.I),
        {"ins": "Inscription", "rés": "Réservation", "dem": "Demande", "ado": "Adoption",
         "com": "Commande"},
    ),
}
_OWN_ABROAD = re.compile(
    r"^\s*(?:(?:leurs?|seus?|suas?|sus|a|o|os|as|la|el|los|las|les|le|l')\s+)?"
    r"(?:enfants|filhos|hijos|niños|crianças|chiens|perros|cães)\s+",
    re.I,
)
_DET_ABROAD = re.compile(
    r"^\s*(?:(?:uno|una|um|uma|un|une)\s+(?:de|dos|das)|uno|una|um|uma|un|une|a|o|os|as|la|el|los|las|les|le|l'|"
    r"nossa|nosso|nossas|nossos|nuestr[oa]s?|notre|nos|vossa|vosso|sus?|seus?|suas?)\s+",
    re.I,
)
_PREP_ABROAD = re.compile(r"^\s*(?P<prep>au|aux|à\s+la|à\s+l'|en|em|na|no|al|a\s+la)\s+", re.I)
_END_ABROAD = re.compile(r"\s+(?:para|pour|por|par|con|avec|com|y|e|et|que|qui|en|em|na|no|dans|à|sur)\b.*$|\s*[,(–—-].*$", re.I)


def _foreign_purpose(original: str, lang: str) -> str | None:
    if lang == "de":
        return _german_purpose(original)
    said = _ABROAD.get(lang)
    m = said[0].search(original) if said else None
    if not m:
        return None
    verb = m["verb"].lower()
    noun = next((n for stem, n in sorted(said[1].items(), key=lambda p: -len(p[0]))
                 if verb.startswith(stem)), None)
    rest = _OWN_ABROAD.sub("", m["rest"], count=1)
    prep = _PREP_ABROAD.match(rest)
    rest = rest[prep.end():] if prep else rest
    for _ in range(2):
        rest = _DET_ABROAD.sub("", rest)
    what = _END_ABROAD.sub("", rest).strip()
    if not noun or not what or len(what.split()) > 4:
        return None
    if prep:  # "Inscription au centre aéré"
        return f"{noun} {prep['prep']}{'' if prep['prep'].endswith(chr(39)) else ' '}{what}"
    return f"{noun} de {what}"


_DE_VERB = re.compile(r"\bdamit\s+(?:\w+\s+){1,3}?(?:sich\s+)?(?:(?:online|direkt)\s+)?"
                      r"(?P<verb>anmelden|bewerben|eintragen|buchen|bestellen)\b", re.I)
_DE_NOUN = {"anmelden": "Anmeldung", "eintragen": "Anmeldung", "bewerben": "Bewerbung",
            "buchen": "Buchung", "bestellen": "Bestellung"}
_DE_RUN = re.compile(
    r"\bwir\s+(?:veranstalten|organisieren|machen|haben|sind)\s+(?:(?:jedes|jährlich|einmal\s+im)\s+"
    r"(?:jahr\s+)?)?(?:einen|eine|ein|unseren|unsere|unser)\s+(?P<what>[\wäöüß-]+(?:\s+[\wäöüß-]+)?)"
    r"(?=\s+(?:und|im|in|am|für|mit)\b|\s*[,.;:–—-])",
    re.I,
)


def _german_purpose(original: str) -> str | None:
    m, run = _DE_VERB.search(original), _DE_RUN.search(original)
    if not m or not run:
        return None
    return f"{_DE_NOUN[m['verb'].lower()]} – {run['what']}"


# ---- a heading whose purpose noun is no stock kind ----
_HEAD = re.compile(r"^\s*(?P<head>[^:;\n.!?()]{2,160})")
_SIGN_UP_FOR = re.compile(
    r"^(?:an?\s+|the\s+|our\s+)?(?:sign[- ]?up|signup)(?:\s+(?:sheet|form|page|list))?\s+for\s+"
    r"(?:(?:our|the|my|this\s+year's|next\s+week's)\s+)(?P<what>.+)$",
    re.I,
)
_NOUN_FOR = re.compile(
    r"^(?:an?\s+|the\s+|our\s+)?(?P<noun>registration|entry|booking|enrol(?:l)?ment|nomination)\s+form\s+for\s+"
    r"(?:(?:our|the|my)\s+)(?:(?:annual|yearly)\s+)?(?P<what>.+)$",
    re.I,
)
_APPLICATION_FOR = re.compile(
    r"^(?:an?\s+)?application(?:\s+form)?\s+for\s+(?:an?\s+)(?P<what>[\w' -]+?)\s+"
    r"(?:at|for|in|on)\s+(?:our|the|this\s+year's|my)\s+(?P<where>[\w' -]+)$",
    re.I,
)
_RENEWAL = re.compile(r"\brenewals?\b", re.I)
_QUOTE_HEAD = re.compile(
    r"^(?:kostenvoranschlag|angebot|presupuesto|cotizaci[oó]n|devis|or[çc]amento)\s+"
    r"(?!(?:f[üu]r|de|del|do|da|pour|para|d'|anfordern|anfragen|einholen|ihren?|votre|su|seu|sua)\b)\S",
    re.I,
)
_CONTACT_MINE = re.compile(
    r"^(?:(?:an?|the|our)\s+)?(?:contact(?:-us)?|enquiry|inquiry)\s+form\s+for\s+(?:my|our)\s+"
    r"(?:(?:small|little|local|new|own)\s+)*(?P<what>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)"
    r"(?:\s+(?:business|buisness|busness|bussiness|busines|company|firm))?(?:\s+please)?$",
    re.I,
)


def _head(original: str) -> str:
    """The heading: after any opening filler, up to a colon, a dash or a sentence's end."""
    text = original.strip()
    filler = _FILLER.match(text)
    if filler:
        text = re.sub(r"^[\s:,!.\-–—]+", "", text[filler.end() :])
        text = re.sub(r"^(?:favou?r|one)\s*[:,\-–—]\s*", "", text, flags=re.I)
    m = _HEAD.match(text)
    head = m["head"] if m else ""
    return re.split(r"\s[-–—]\s", head, maxsplit=1)[0].strip()


def _cut(what: str) -> str:
    return re.sub(r"\s+(?:on|this|next|in|at|for|with|please|every|each)\b.*$", "", what.strip(), flags=re.I)


def _heading_purpose(original: str, lang: str | None, name: str) -> str | None:
    head = _head(original)
    if lang:
        if _QUOTE_HEAD.match(head) and len(head.split()) <= 5 and name in _FOREIGN_STOCK:
            return head[:1].upper() + head[1:]
        return None
    if _RENEWAL.search(head) and name.endswith(" Application"):
        return name[: -len("Application")] + "Renewal"
    nominated = name == "Volunteer Application" and re.match(r"(?:an?\s+)?nomination", head, re.I)
    if not (_gives_way(name, original, _PLAIN) or nominated):
        return None
    for pattern, noun in ((_SIGN_UP_FOR, "Sign-up"), (_NOUN_FOR, None)):
        m = pattern.match(head)
        what = _cut(m["what"]) if m else ""
        if m and noun is None and m["noun"].lower() == "nomination":
            what = re.sub(r"\s+awards?$", "", what, flags=re.I)  # "… of the year award"
        if what and len(what.split()) <= 4:
            said = noun or {"enrollment": "Enrolment"}.get(m["noun"].lower(), m["noun"].title())
            return f"{_title(what)} {said}"
    m = _APPLICATION_FOR.match(head)
    if m and len(m["what"].split()) <= 3:
        return f"{_title(m['what'])} Application"
    m = _CONTACT_MINE.match(head)
    if m and not _NOT_WHOSE.search(m["what"]):
        return f"{_title(m['what'])} Enquiry"
    return None


# ---- people updating their own details ----
_UPDATE = re.compile(
    r"\b(?:alumni|graduates?|former\s+(?:pupils|students|members|staff)|old\s+(?:boys|girls|pupils))"
    r"\b.{0,40}\b(?:update|up\s+to\s+date|details)|\balumni[- ]update\b|"
    r"\b(?:update|change)\s+(?:of\s+)?(?:your\s+|their\s+|my\s+|member\s+|contact\s+)?details\b|"
    r"\b(?:atualiza[çc][ãa]o|actualizaci[óo]n|mise\s+[àa]\s+jour|aktualisierung)\b.{0,30}"
    r"\b(?:antigos\s+alunos|antiguos\s+alumnos|exalumnos|anciens\s+[ée]l[èe]ves|coordonn[ée]es|"
    r"dados|datos|daten|alumni|ehemalige)",
    re.I,
)
_ALUMNI = re.compile(r"\b(?:alumni|graduates?|former\s+pupils?|former\s+students?|old\s+(?:boys|girls))\b", re.I)
_FORM_WORD = re.compile(r"^(?:ficha|formul[aá]rio|formulario|formulaire|formular)\s+(?:de\s+)?", re.I)
_UPDATE_ABROAD = {"es": "Actualización de datos", "fr": "Mise à jour des coordonnées",
                  "de": "Datenaktualisierung", "pt": "Atualização de dados"}


def _details_update(original: str, lang: str | None) -> str | None:
    head = _head(original)
    if not _UPDATE.search(head):
        return None
    if lang:
        said = _FORM_WORD.sub("", head).strip()
        said = said[:1].upper() + said[1:]
        return said if len(said.split()) <= 6 else _UPDATE_ABROAD[lang]
    if re.search(r"\bchange\s+of\s+details\b", head, re.I):
        return "Change of Details"
    return "Alumni Update" if _ALUMNI.search(original[:160]) else "Details Update"


NOMINATION_THANKS = "Thanks for your nomination! We'll be in touch once the judges have read them."


def said_kind(original: str, lang: str | None, kind: dict) -> dict:
    """People updating their own details tell the team (no job application, staffing lead or
    ticket); "contact form for my …" with no booking asked for is a contact."""
    if _details_update(original, lang) and kind["key"] in (
        "job_application", "staffing", "support", "pricing", "contact", "booking"
    ):
        return next((k for k in KINDS if k["key"] == "internal"), kind)
    if not lang and kind["key"] == "booking" and _CONTACT_MINE.match(_head(original)):
        if not re.search(r"\b(?:book|booking|appointment|reserv)\w*", original, re.I):
            return next((k for k in KINDS if k["key"] == "contact"), kind)
    said = _foreign_purpose(original, lang) if lang else (
        _english_purpose(original) or _heading_purpose(original, None, "Application")
    )
    if (kind["flow"] == "sales_lead" or kind["key"] == "contact") and said and re.search(r"Anmeldung|Entry$|Sign-up$|Registration$", said):
        return next((k for k in KINDS if k["key"] == "event"), kind)  # "damit Teams sich anmelden"
    if said and said.endswith(" Order") and kind["key"] == "booking":  # "order school uniform"
        return next((k for k in KINDS if k["key"] == "order"), kind)
    if said and said.endswith(" Nomination") and kind["key"] == "job_application":
        return {**kind, "goal": "record nominations", "thanks": NOMINATION_THANKS}
    if not lang and kind["key"] == "booking" and _APPLICATION_FOR.match(_head(original)):
        return next((k for k in KINDS if k["key"] == "job_application"), kind)
    return kind


def purpose_said(name: str, original: str, lang: str | None) -> str | None:
    """The name the description's stated purpose gives in place of ``name``, or None."""
    update = _details_update(original, lang)
    if update:
        return None if name == update else update
    heading = _heading_purpose(original, lang, name)
    if heading:
        return heading
    said = _foreign_purpose(original, lang) if lang else _english_purpose(original)
    if said and name == "Volunteer Application" and said.endswith(" Nomination"):
        return said  # "a form so members can nominate a volunteer of the year"
    return said if _gives_way(name, original) else None
