"""The form's name (and kind) from what the description says the form is for, however the
description opens (local engine, issue 20, round 25a).

A marketer writes the way they talk: "Quick one - we need a form for customers to request our
price list", "hey, could you build me a form for booking our band", "We run a charity golf day
every year and need a form for teams to enter". The sentence says the subject and the purpose,
and the draft still got a stock name ("Contact Us", "Booking Request") or the filler itself
("Quick One"). Here the purpose clause names it: "Price List Request", "Band Booking",
"Charity Golf Day Entry"; in es/fr/de/pt "Pedido de tabela de preços", "Adopción de perros",
"Inscription au centre aéré", "Anmeldung – Firmenlauf".

A heading whose purpose noun is no stock kind keeps it ("Litter Pick Sign-up", "Stall
Application", "Photoshop Licence Renewal", "Kostenvoranschlag Umzug Büro"), and "contact form
for my plumbing buisness" names the business: see ``local_headed_purpose``.

People updating their own details (alumni, former pupils, members: "Alumni update form",
"Change of details form", "Ficha de atualização de antigos alunos") are no job applicants, no
staffing lead and no support ticket: ``said_kind`` gives them the internal kind (the team is
told) and ``purpose_said`` a name that says the update.

``purpose_said`` runs on the finished (localized) name and only replaces a stock name or one
made of the opening filler; a name that already says its subject stays.
"""

from __future__ import annotations

import re

from app.services.llm.local_headed_purpose import (
    APPLICATION_FOR,
    CONTACT_MINE,
    FORM_WORD,
    details_update,
    gives_way,
    heading_of,
    heading_purpose,
    title,
)
from app.services.llm.local_kinds import KINDS
from app.services.llm.local_subject_name import _singular

# the words a description opens with before it says anything: "Quick one", "Urgent", "hey"

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
_GERUND = {
    "booking": "book",
    "ordering": "order",
    "requesting": "request",
    "reserving": "reserve",
    "entering": "enter",
    "adopting": "adopt",
    "hiring": "hire",
    "renting": "rent",
    "registering": "register",
    "applying": "apply",
    "nominating": "nominate",
}
_CLAUSE = re.compile(
    r"\b(?:form|page|something|thing)\s+(?:so(?:\s+that)?|for|where|to\s+let|that\s+lets)\s+"
    r"(?:(?P<who>(?:[\w'-]+\s+){1,3}?)(?:can|could|will|to|who\s+(?:want|wish|would\s+like)\s+to|"
    r"that\s+want\s+to|wanting\s+to)\s+(?P<verb>"
    + _VERB
    + r")|(?P<gerund>"
    + "|".join(_GERUND)
    + r"))\b(?P<rest>[^.?!:;\n]*)",
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


# "A quick one: people who want our price list": who the form is for and what they want
_WHO_WANTS = re.compile(
    r"\b(?:people|customers|clients|visitors|anyone|those|folks|users|parents|families)\s+"
    r"(?:who|that)\s+(?:want|need|would\s+like|ask\s+for)\s+(?:to\s+(?P<verb>"
    + _VERB
    + r")\s+)?(?P<rest>[^.?!:;\n]*)",
    re.I,
)


def _english_purpose(original: str) -> str | None:
    m = _CLAUSE.search(original) or _WHO_WANTS.search(original)
    if not m:
        return None
    gerund = m.groupdict().get("gerund")
    verb = (m["verb"] or (_GERUND[gerund.lower()] if gerund else "request")).lower()
    what = _object(m["rest"])
    if not what:  # "a form for teams to enter": the event the sentence names
        run = _WE_RUN.search(original)
        what = run["what"] if run and verb in ("enter", "sign up", "register", "book") else ""
    before = original[: m.start()].split()[-1:]  # "a support form where …": it says its kind
    if before and re.match(
        r"(?:support|feedback|survey|newsletter|complaints?|contact)$", before[0], re.I
    ):
        return None
    if re.match(r"free\b", what, re.I):  # "book a free intro call": round 24a names it
        return None
    if not what or re.search(r"\b(?:form|forms|details|information|info|it|this|one)$", what, re.I):
        return None
    if _THIRD.search(what) and not gerund and not m["verb"] and re.match(r"\s*to\s", m["rest"]):
        # "people who want to sell their car": the act, said to the visitor (round 30c)
        return title(_THIRD.sub("your", what))
    words = what.split()
    words[-1] = _singular(words[-1])
    return f"{title(' '.join(words))} {_VERBS[verb]}"


# a name speaks to the visitor: "their", "his or her" in the act is "your"
_THIRD = re.compile(r"\b(?:his or her|his/her|their|his|her)\b", re.I)


# the same abroad: "para os clientes pedirem a nossa tabela de preços"
_ABROAD = {
    "pt": (
        re.compile(
            r"\bpara\s+(?:que\s+)?(?:(?:os|as|o|a)\s+)?\w+\s+(?:se\s+)?(?P<verb>pedirem|pedir|peçam|"
            r"reservarem|reservem|adotarem|adotem|encomendarem|encomendem|inscreverem)\b"
            r"(?P<rest>[^.?!:;\n]*)",
            re.I,
        ),
        {
            "ped": "Pedido",
            "pe": "Pedido",
            "res": "Reserva",
            "ado": "Adoção",
            "enc": "Encomenda",
            "ins": "Inscrição",
        },
    ),
    "es": (
        re.compile(
            r"\bpara\s+que\s+(?:(?:la|el|los|las)\s+)?\w+\s+(?P<verb>adopten?|reserven?|"
            r"pidan?|soliciten?|encarguen?|inscriban?)\b(?P<rest>[^.?!:;\n]*)",
            re.I,
        ),
        {
            "ado": "Adopción",
            "res": "Reserva",
            "pid": "Pedido",
            "sol": "Solicitud",
            "enc": "Encargo",
            "ins": "Inscripción",
        },
    ),
    "fr": (
        re.compile(
            r"\bpour\s+que\s+(?:(?:les|des|la|le|l')\s*)?\w+\s+(?P<verb>inscrivent|"
            r"réservent|demandent|adoptent|commandent)\b(?P<rest>[^.?!:;\n]*)",
            re.I,
        ),
        {
            "ins": "Inscription",
            "rés": "Réservation",
            "dem": "Demande",
            "ado": "Adoption",
            "com": "Commande",
        },
    ),
}
_OWN_ABROAD = re.compile(
    r"^\s*(?:(?:leurs?|seus?|suas?|sus|a|o|os|as|la|el|los|las|les|le|l')\s+){0,2}"
    r"(?:enfants|filhos|hijos|niños|crianças|chiens|perros|cães)\s+",
    re.I,
)
_DET_ABROAD = re.compile(
    r"^\s*(?:(?:uno|una|um|uma|un|une)\s+(?:de|dos|das)|uno|una|um|uma|un|une|a|o|os|as|la|el|los|las|les|le|l'|"
    r"nossa|nosso|nossas|nossos|nuestr[oa]s?|notre|nos|vossa|vosso|sus?|seus?|suas?)\s+",
    re.I,
)
_PREP_ABROAD = re.compile(r"^\s*(?P<prep>au|aux|à\s+la|à\s+l'|en|em|na|no|al|a\s+la)\s+", re.I)
_END_ABROAD = re.compile(
    r"\s+(?:para|pour|por|par|con|avec|com|y|e|et|que|qui|en|em|na|no|dans|à|sur)\b.*$|\s*[,(–—-].*$",
    re.I,
)


def _foreign_purpose(original: str, lang: str) -> str | None:
    if lang == "de":
        return _german_purpose(original)
    said = _ABROAD.get(lang)
    m = said[0].search(original) if said else None
    if not m:
        return None
    verb = m["verb"].lower()
    noun = next(
        (
            n
            for stem, n in sorted(said[1].items(), key=lambda p: -len(p[0]))
            if verb.startswith(stem)
        ),
        None,
    )
    rest = _OWN_ABROAD.sub("", m["rest"], count=1)
    prep = _PREP_ABROAD.match(rest)
    rest = rest[prep.end() :] if prep else rest
    article = prep and re.match(r"\s*(?:el|la|los|las|le|les|o|a|os|as)\s", rest, re.I)
    for _ in range(2):
        rest = _DET_ABROAD.sub("", rest)
    what = _END_ABROAD.sub("", rest).strip()
    if not noun or not what or len(what.split()) > 4:
        return None
    if article:  # "inscriban … en el campamento de verano": "Inscripción – campamento de verano"
        return f"{noun} – {what}"
    if prep:  # "Inscription au centre aéré"
        return f"{noun} {prep['prep']}{'' if prep['prep'].endswith(chr(39)) else ' '}{what}"
    return f"{noun} de {what}"


_DE_VERB = re.compile(
    r"\bdamit\s+(?P<who>(?:\w+\s+){1,3}?)(?:sich\s+)?(?:(?:online|direkt)\s+)?"
    r"(?P<verb>anmelden|bewerben|eintragen|buchen|bestellen)\b",
    re.I,
)
_DE_NOUN = {
    "anmelden": "Anmeldung",
    "eintragen": "Anmeldung",
    "bewerben": "Bewerbung",
    "buchen": "Buchung",
    "bestellen": "Bestellung",
}
_DE_RUN = re.compile(
    r"\bwir\s+(?:veranstalten|organisieren|machen|haben|sind|betreiben|f[üu]hren)\s+(?:(?:jedes|jährlich|einmal\s+im)\s+"
    r"(?:jahr\s+)?)?(?:einen|eine|ein|unseren|unsere|unser)\s+(?P<what>[\wäöüß-]+(?:\s+[\wäöüß-]+)?)"
    r"(?=\s+(?:und|im|in|am|für|mit)\b|\s*[,.;:–—-])",
    re.I,
)


def _german_purpose(original: str) -> str | None:
    m, run = _DE_VERB.search(original), _DE_RUN.search(original)
    if not m or not run:
        return None
    noun, who = _DE_NOUN[m["verb"].lower()], m["who"].split()
    if noun in ("Bestellung", "Buchung") and len(who) >= 2 and who[-1][:1].isupper():
        return f"{noun} – {who[-1]}"  # "damit Kunden Torten bestellen": the cakes are ordered
    return f"{noun} – {run['what']}"


NOMINATION_THANKS = "Thanks for your nomination! We'll be in touch once the judges have decided."


def said_kind(original: str, lang: str | None, kind: dict) -> dict:
    """People updating their own details tell the team (no job application, staffing lead or
    ticket); "contact form for my …" with no booking asked for is a contact."""
    if details_update(original, lang) and kind["key"] in (
        "job_application",
        "staffing",
        "support",
        "pricing",
        "contact",
        "booking",
    ):
        internal = next((k for k in KINDS if k["key"] == "internal"), kind)
        # the update is the fields listed, with no request text beside them (none listed: what
        # changed, in "Details")
        return {
            **internal,
            "core": ["name", "work_email"],
            "fields": ["name", "work_email", "phone-", "details"],
        }
    if not lang and kind["key"] == "booking" and CONTACT_MINE.match(heading_of(original)):
        if not re.search(r"\b(?:book|booking|appointment|reserv)\w*", original, re.I):
            return next((k for k in KINDS if k["key"] == "contact"), kind)
    said = (
        _foreign_purpose(original, lang)
        if lang
        else (_english_purpose(original) or heading_purpose(original, None, "Application"))
    )
    if (
        (kind["flow"] == "sales_lead" or kind["key"] == "contact")
        and said
        and re.search(r"Anmeldung|Entry$|Sign-up$|Registration$", said)
    ):
        return next((k for k in KINDS if k["key"] == "event"), kind)  # "damit Teams sich anmelden"
    if said and said.endswith(" Order") and kind["key"] == "booking":  # "order school uniform"
        return next((k for k in KINDS if k["key"] == "order"), kind)
    if said and said.endswith(" Nomination") and kind["key"] == "job_application":
        return {**kind, "goal": "record nominations", "thanks": NOMINATION_THANKS}
    if not lang and kind["key"] == "booking" and APPLICATION_FOR.match(heading_of(original)):
        return next((k for k in KINDS if k["key"] == "job_application"), kind)
    return kind


def purpose_said(name: str, original: str, lang: str | None) -> str | None:
    """The name the description's stated purpose gives in place of ``name``, or None."""
    update = details_update(original, lang)
    if update:
        # a name that already says the update ("Alumni Update Form", the heading) stays
        said = re.search(r"update|details|aktualis|atualiza|actualiza|mise à jour", name, re.I)
        keep = said and not FORM_WORD.match(name) and len(name.split()) <= 5
        return None if keep or name == update else update
    heading = heading_purpose(original, lang, name)
    if heading:
        return heading
    said = _foreign_purpose(original, lang) if lang else _english_purpose(original)
    if said and name == "Volunteer Application" and said.endswith(" Nomination"):
        return said  # "a form so members can nominate a volunteer of the year"
    return said if gives_way(name, original) else None
