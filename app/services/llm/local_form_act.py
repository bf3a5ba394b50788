"""What a form does names it and decides its flow (round 28c, issue 20).

A person names a form for the act it performs and its object — report a problem, consent
to a trip, apply for an internship, request press access, take a survey about EV charging —
in the description's own words; the organisation that runs it is context, not the name.
The engine keyed on the organisation or a stray word instead: "Our community orchard -
report a problem on site: …" was named "Our Community Orchard", "Medical release form for
the football tour" was a "Booking Request" sending a booking link, "Waiver and release form
for our climbing wall" was "Contact Us", "Solicitud de prácticas en nuestra agencia" a
"Solicitud de empleo", "Quick survey on solar panels for our newsletter readers" a
newsletter sign-up.

- ``act_kind`` (the kind): a heading that names a consent, permission, waiver or release
  form is a record for the organiser (the consent kind: routed to a person, thanked for the
  form), never a booking or a sale, and is named for that heading; an English heading that
  names a survey is a survey.
- ``act_name`` (the name, last word): a heading that only names the organisation, followed
  by the act ("Parish council - report a problem with a footpath", "Tennisverein - ein
  Problem melden", "Our marathon: media access request"), is named for the act; a survey
  about a subject is named for the subject; an internship application in es/fr/pt keeps its
  heading ("Solicitud de prácticas", "Candidature de stage", "Pedido de estágio").
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_heading import heading_name
from app.services.llm.local_heading_kind import _consent_kind, _kind
from app.services.llm.local_kinds import KINDS

# the heading (the words before the first colon or spaced dash) and the rest
_HEAD = re.compile(r"^\s*(?P<head>[^:;\n.!?()]{3,90}?)\s*(?::|\s[-–—/]\s)\s*(?P<rest>.*)$", re.S)
# whose form it is, in a heading ("… for our climbing wall"): context, not the name
_OURS = re.compile(
    r"\s+(?:for|at|of|para|pour|f[üu]r|bei|en|dans|na|no|nas|nos|in)\s+(?:our|my|your|nuestr\w*|"
    r"notre|nos|noss\w*|unser\w*|vuestr\w*)\b.*$",
    re.I,
)
_THE_REST = re.compile(r"\s+for\s+(?:the|a|an)\b.*$", re.I)

# ---- consent, permission, waiver, release ----
_RECORDED = ("direct_route", "notify_only")
_CONSENT_END = re.compile(
    r"(?<!\bpress )(?<!\bnew )(?<!\bproduct )(?<!\bsoftware )(?<!\brelease )"
    r"\b(?:consent|waiver|release|permission|disclaimer)(?:\s+(?:and|&)\s+(?:release|waiver))?"
    r"(?:\s+(?:form|slip|sheet))?$",
    re.I,
)
# planning permission is a permit; a consent to news or cookies is a sign-up
_NOT_CONSENT = re.compile(
    r"\bplanning permission\b|\bpress release\b|\bnewsletters?\b|\bmarketing\b|\bmailing\b|"
    r"\bcookies?\b|\be-?mails?\b",
    re.I,
)
_SENTENCE = re.compile(r"\b(?:we|i|our|us|need|needs|want|wants|make|create)\b", re.I)
# the stock names a consent form read as something else was left with
_STOCK = frozenset(
    name
    for english in {k["name"] for k in KINDS} | {"Consent Form", "Application"}
    for name in (english, *FORM_NAMES.get(english, {}).values())
)
_CONSENT_ABROAD = re.compile(
    r"^(?:(?:formulario|formulaire|formular|formul[aá]rio|hoja|fiche|ficha)\s+(?:de|d'|der|zur)\s*)?"
    r"(?:termo de (?:responsabilidade|consentimento|autoriza[çc][ãa]o)|"
    r"exenci[oó]n de responsabilidad|descargo de responsabilidad|"
    r"d[ée]charge de responsabilit[ée]|haftungsausschluss|haftungsverzicht\w*)\b",
    re.I,
)
# an English heading that names a survey ("Survey about home EV charging", "Heat pump survey")
_SURVEY_HEAD = re.compile(
    r"^(?:(?:a|an|our)\s+)?(?:(?:quick|short|brief|online|annual)\s+)?(?:survey\b|"
    r"(?:[\w-]+\s+){1,3}survey$)",
    re.I,
)
_SURVEYED = ("newsletter", "pricing", "contact", "booking", "waitlist", "download", "demo")


def _head(original: str) -> tuple[str, str] | None:
    m = _HEAD.match(original)
    if not m:
        return None
    return m["head"].strip(" \"'“”"), m["rest"]


def _title(text: str) -> str:
    small = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "with", "by"}
    words = text.split()
    return " ".join(
        w if (i and w.lower() in small) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _consent_head(head: str) -> str | None:
    """The heading's core when it names a consent, permission, waiver or release form."""
    core = _THE_REST.sub("", _OURS.sub("", head))
    if _CONSENT_END.search(core) and not _NOT_CONSENT.search(head) and len(core.split()) <= 6:
        return core
    return None


def act_kind(original: str, lang: str | None, kind: dict, own_name: str | None) -> tuple | None:
    """(the kind, its name) when the heading names a consent or waiver form read as a
    booking, a sale or a job, or a survey read as a lead or a sign-up; None otherwise."""
    parts = _head(original)
    if not parts or kind["key"] == "consent":
        return None
    head = parts[0]
    wrong = kind["flow"] not in _RECORDED or kind["key"] == "job_application"
    if wrong and (_CONSENT_ABROAD.match(head) if lang else _consent_head(head)):
        # the stock name stays the kind's: the naming that follows reads the heading as before
        return {**_consent_kind(), "name": kind["name"]}, own_name
    if not lang and _SURVEY_HEAD.match(head) and kind["key"] in _SURVEYED:
        return _kind("feedback"), own_name
    return None


def _consent_name(name: str, head: str, original: str, lang: str | None) -> str | None:
    """A consent or waiver form left with a stock name is named for its heading."""
    if name not in _STOCK:
        return None
    if lang:
        return head[:1].upper() + head[1:] if _CONSENT_ABROAD.match(head) else None
    core = _consent_head(head)
    if not core or _SENTENCE.search(core):
        return None
    return heading_name(original, english=True) or _title(core)


# ---- the act after a heading that only names the organisation ----
# a heading that names a form or an act itself ("Bug report", "Solicitud de …") is its name
_ACT_WORDS = re.compile(
    r"\b(?:forms?|reports?|requests?|surveys?|applications?|registrations?|bookings?|enquir\w+|"
    r"inquir\w+|claims?|orders?|quotes?|waivers?|sign-?ups?|consent|feedback|"
    r"formulario|formulaire|formular|formul[aá]rio|solicitud|demande|anfrage|pedido|encuesta|"
    r"sondage|\w*umfrage|inscri\w*|anmeldung|\w*meldung|antrag|candidat\w*|\w*bewerbung|"
    r"reserva\w*|r[ée]servation|devis|presupuesto|or[çc]amento|signal\w*|avis|aviso)\b",
    re.I,
)
_SEGMENT_END = re.compile(r"\s*(?:[:;(,.!?]|\s[-–—]\s).*$", re.S)
_WHO_CAN = re.compile(r"^(?:(?:[\w'-]+\s+){1,2}(?:can|may|should)\s+|please\s+)", re.I)
_REPORT = re.compile(
    r"^report\s+(?:(?:a|an|the|any)\s+)?(?P<mods>(?:[\w-]+\s+){0,2}?)"
    r"(?P<noun>problem|issue|fault|defect|damage|repair|concern)s?\b(?P<after>.*)$",
    re.I,
)
_SITE = re.compile(r"^\s+(?:on|at)\s+(?:the\s+)?site\b", re.I)
_REPORT_THING = re.compile(
    r"^report\s+(?:(?:a|an|the|any)\s+)?(?P<what>(?:[\w-]+\s+){0,2}?[\w-]+?)"
    r"(?=\s+(?:with|in|on|at|for|to|from|like|such|that|which|near|you)\b|$)",
    re.I,
)
_REQUEST_THING = re.compile(
    r"^(?:request|apply for)\s+(?:(?:a|an|the|your)\s+)?(?P<what>(?:[\w-]+\s+){0,2}?[\w-]+?)"
    r"(?=\s+(?:with|in|on|at|for|to|from|here|online|now)\b|$)",
    re.I,
)
# a request that names no more than a kind ("request a proposal", "request pricing") asks
# about the heading's own subject (a service): the name it has stands
_GENERIC_ASK = re.compile(
    r"^(?:(?:free|custom|tailored|no-obligation)\s+)?(?:proposals?|quotes?|quotations?|pricing|prices?|"
    r"estimates?|callbacks?|calls?|demos?|information|info|brochures?|consultations?|tenders?|"
    r"samples?|more information|a call back|"
    # a seat applied for is a place at the heading's school or club: its name stands
    r"places?|spots?|seats?|slots?|positions?|roles?|jobs?)$",
    re.I,
)
_NAMED_ACT = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:request|report|application|registration|accreditation|survey|"
    r"enquiry|inquiry|claim|waiver|(?:consent|release|permission) (?:form|slip))$",
    re.I,
)
_ACT_ABROAD = {
    "es": re.compile(
        r"^(?P<act>(?:informar|avisar|comunicar|reportar|notificar)\s+(?:de\s+)?"
        r"(?:una?|el|la|los|las)\s+[\w-]+)",
        re.I,
    ),
    "fr": re.compile(r"^(?P<act>signaler\s+(?:un|une|le|la|les|des)\s+[\w-]+)", re.I),
    "pt": re.compile(
        r"^(?P<act>(?:reportar|comunicar|informar|relatar)\s+(?:um|uma|o|a|os|as)\s+[\w-]+)",
        re.I,
    ),
    "de": re.compile(r"^(?:(?:ein|eine|einen|den|die|das)\s+)?(?P<noun>[A-ZÄÖÜ]\w+)\b.*\bmelden$"),
}

# ---- an internship applied for in es/fr/pt ----
_INTERNSHIP = re.compile(
    r"^(?:(?:formulario|formulaire|formul[aá]rio)\s+(?:de|d')\s*)?"
    r"(?P<name>(?:solicitud|candidatura|candidature|pedido|inscri[çc][ãa]o|inscripci[oó]n|"
    r"demande)\s+(?:de|para|pour|à|a)\s+(?:(?:un|une|uma|um)\s+)?"
    r"(?:pr[aá]cticas|pasant[ií]as?|stages?|est[áa]gios?)\b.*)$",
    re.I,
)
_INTERN_WORD = re.compile(r"pr[aá]cticas|pasant[ií]a|stage|est[áa]gio|praktikum", re.I)

# ---- a survey about a subject ----
_SURVEY_ABOUT = re.compile(
    r"^(?:(?:a|an|our)\s+)?(?:(?:quick|short|brief|online|annual)\s+)?survey\s+(?:about|on|of)\s+"
    r"(?P<what>.+?)(?=\s+(?:for|from|among|with|to|in|by)\b|$)",
    re.I,
)
_CLAUSE = re.compile(r"^(?:how|what|why|where|when|who|which|whether|if|your|our|the)\b", re.I)


# "what flowers would you like for your wedding?": an enquiry for the occasion, not a price
_FOR_OCCASION = re.compile(
    r"\bwhat (?:kind of |sort of |type of )?(?P<thing>[a-z-]+) (?:would you like|do you want|"
    r"are you after|you'd like|you would like) for (?:your|the) (?P<occasion>wedding|party|"
    r"birthday|christening|anniversary|funeral|prom|graduation|baby shower|hen do|stag do)\b",
    re.I,
)
_ASKED_STOCK = frozenset({"Pricing Request", "Quote Request", "Contact Us", "Booking Request"})


def _same(name: str, head: str) -> bool:
    return re.sub(r"\W+", " ", name).strip().lower() == re.sub(r"\W+", " ", head).strip().lower()


def _report_name(act: str) -> str | None:
    m = _REPORT.match(act)
    if m:
        mods = m["mods"].strip()
        if not mods and _SITE.match(m["after"]):
            mods = "site"
        return _title(f"{mods} {m['noun'].lower()} report".strip())
    m = _REPORT_THING.match(act)
    if m and not _CLAUSE.match(m["what"]):
        return _title(f"{m['what']} report")
    m = _REQUEST_THING.match(act)
    if m and not _CLAUSE.match(m["what"]) and not _GENERIC_ASK.match(m["what"]):
        return _title(f"{m['what']} {'request' if act[:1] in 'rR' else 'application'}")
    if _NAMED_ACT.match(act):
        return _title(act)
    return None


# ---- a petition: signed for a cause, named for it ----
_PETITION = re.compile(r"\bpetition\b", re.I)
_PETITION_HEAD = re.compile(
    r"^(?:sign\s+)?(?:(?:an?|our|the|this)\s+)?petition(?:\s+(?:sign(?:ing|-?up)?|signature))?"
    r"(?:\s+(?:form|page|sheet))?$",
    re.I,
)
_PETITION_FOR = re.compile(
    r"^(?:sign\s+)?(?:(?:an?|our|the|this)\s+)?(petition\s+(?:to|for|against)\s+.+)$", re.I
)
_CAUSE = re.compile(
    r"^(?P<cause>(?:save|stop|keep|protect|support|ban|bring back|reopen|fix)\b[^.:;]{3,60})[.:;]"
)


def _petition_name(head: str, rest: str) -> str | None:
    """ "Petition sign form - save our local library. First name, …" → "Petition: Save Our
    Local Library"; "Petition to save the pool: name, …" → "Petition to Save the Pool"."""
    if not _PETITION.search(head):
        return None
    if m := _PETITION_FOR.match(head):
        return _title(_OURS.sub("", m[1]).strip())
    cause = _CAUSE.match(rest.strip())
    if _PETITION_HEAD.match(head.strip()) and cause:
        return "Petition: " + _title(cause["cause"].strip())
    return "Petition"


def act_name(name: str, original: str, lang: str | None) -> str | None:
    """The form's name from what it does, when the draft's ``name`` is the organisation
    that runs it, a stock name beside a survey's subject, or a foreign internship read as
    a job; None when the name stands."""
    parts = _head(original)
    head, rest = parts or ("", "")
    petition = None if lang else _petition_name(head, rest)
    if petition and ("Petition" not in name or petition != "Petition" and ":" not in name):
        return petition  # named for its cause, where one is said
    m = _FOR_OCCASION.search(original)
    org = bool(parts) and _same(name, head) and not _ACT_WORDS.search(head)
    if not lang and m and (name in _ASKED_STOCK or org):
        return _title(f"{m['occasion'].lower()} {m['thing'].lower()} enquiry")
    if not parts:
        return None
    consent = _consent_name(name, head, original, lang)
    if consent and consent != name:
        return consent
    if lang:
        m = _INTERNSHIP.match(head)
        if m and not _INTERN_WORD.search(name):
            return (
                _OURS.sub("", m["name"]).strip()[:1].upper() + _OURS.sub("", m["name"]).strip()[1:]
            )
    elif name in ("Feedback Survey", "Survey") or _SURVEY_ABOUT.match(name):
        m = _SURVEY_ABOUT.match(head)
        if m and not _CLAUSE.match(m["what"]) and len(m["what"].split()) <= 4:
            what = m["what"]
            return (
                " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in what.split())
                + " Survey"
            )
    if not _same(name, head) or _ACT_WORDS.search(head):
        return None
    act = _WHO_CAN.sub("", _SEGMENT_END.sub("", rest).strip())
    if not act:
        return None
    if not lang:
        return _report_name(act)
    pattern = _ACT_ABROAD.get(lang)
    m = pattern.match(act) if pattern else None
    if not m:
        return None
    if lang == "de":
        return f"{m['noun']} melden"
    return m["act"][:1].upper() + m["act"][1:]
