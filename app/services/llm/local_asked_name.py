"""The form's name from what the visitor comes to do, where the name readers left a stock name
or the business's name (local engine, issue 20, round 26a).

A marketer says the purpose in many ways the other name readers do not take apart:
- the call to action or title quoted: 'a lead form with the headline "Claim your free energy
  audit"' is "Free Energy Audit", 'button text "Book your discovery call"' is "Discovery Call
  Booking";
- a free survey, inspection or consultation offered (nobody asks for a price): "Free Damp
  Inspection", "Kitchen Renovation Consultation", not "Pricing Request";
- a quote heading with its subject: "Quote request for office cleaning" is "Office Cleaning
  Quote"; "Demande de devis pour un mariage dans notre domaine" is "Demande de devis pour un
  mariage";
- a business heading and its own subject: "Lumière Photography Studio - newborn shoot
  enquiries" is "Newborn Shoot Enquiry";
- what people want: "request a feature" is a "Feature Request", "Formulaire pour les clients qui
  veulent une visite technique gratuite" is "Visite technique gratuite";
- the named thing a form is for: "Nominations form for our Young Entrepreneur Award", "Year 2
  farm trip" permission slips, "Formulário de nomeação para o nosso prémio …".

``asked_name`` runs on the finished (localized) name and replaces only a weak one: a stock
name (in English or abroad), a name that is the form word or the clause copied in, or the
business's own name taken from the heading. A name that already says its subject stays.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_headed_purpose import FORM_WORD, gives_way
from app.services.llm.local_kind_subject import kind_subject
from app.services.llm.local_subject_name import STOCK_NAMES, _singular

_SMALL = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "with"}
_FOREIGN_STOCK = frozenset(
    n for english, names in FORM_NAMES.items() if english in STOCK_NAMES for n in names.values()
) | {"Angebotsanfrage", "Demande de devis", "Solicitud de presupuesto", "Pedido de orçamento"}

# "Emergency Callback" is the engine's word for any urgent trade visit, not the marketer's
_ENGINE_WORDS = frozenset({"Nomination", "Emergency Callback"})


def _title(text: str) -> str:
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(text.split())
    )


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" -–—,.;")
    return text[:1].upper() + text[1:]


def _weak(name: str, original: str) -> bool:
    base = name.split(": ", 1)[0]
    stock = base in STOCK_NAMES or base in _FOREIGN_STOCK or base in _ENGINE_WORDS
    if stock or gives_way(name, original):
        return True
    if re.fullmatch(r"(?:(?:web|online|simple|new)\s+)?form", name, re.I):  # "Form for our … - …"
        return True
    if FORM_WORD.match(name) or re.fullmatch(r"\w+formular", name):  # "Formulaire pour les …"
        return True
    if re.fullmatch(r"(?:lead|web|website|landing\s+page|enquiry|inquiry)\s+form", name, re.I):
        return True  # "Lead form: we offer a free roof inspection"
    # the clause copied in: "Businesses to Get an Estimate"
    return bool(re.search(r"\bto\s+(?:get|request|ask|claim)\b", name, re.I))


# ---- a quoted call to action or title ----
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(]))(?:\"(?P<a>[^\"\n]{3,60})\"|“(?P<b>[^”\n]{3,60})”|'(?P<c>[^'\n]{3,60})'|"
    r"‘(?P<d>[^’\n]{3,60})’)(?=$|[\s:;,.!?)\-–—])"
)
_TITLE_CUE = re.compile(
    r"\b(?:head(?:line|ing)|title[ds]?|called|named|button|cta|call to action|banner|says|"
    r"saying|text|an?|the)\s*(?:is|reads|says|of)?\s*:?\s*$",
    re.I,
)
# '"Win a weekend in Paris" competition entry': the quote names what follows
_KIND_AFTER = re.compile(r"\s+(?:form|competition|contest|giveaway|prize\s+draw|entry)\b", re.I)
_GET = re.compile(r"^(?:claim|get|grab|request|download|unlock|start)\s+", re.I)
_ASK = re.compile(r"^request\s+", re.I)
_BOOK = re.compile(r"^(?:book|schedule|reserve)\s+", re.I)
_OWN = re.compile(r"^(?:your|our|my|a|an|the)\s+", re.I)


def _quoted(original: str) -> str | None:
    for m in _QUOTED.finditer(original):
        said = next(g for g in m.groups() if g).strip()
        words = said.split()
        if not 2 <= len(words) <= 8 or "," in said or not said[:1].isalpha():
            continue
        before = original[max(0, m.start() - 40) : m.start()]
        named = _TITLE_CUE.search(before) or _KIND_AFTER.match(original, m.end())
        if not (named or _GET.match(said) or _BOOK.match(said)):
            continue
        if _BOOK.match(said):
            return _title(_OWN.sub("", _BOOK.sub("", said))) + " Booking"
        if _ASK.match(said):  # "request a proposal"
            return _title(_OWN.sub("", _ASK.sub("", said))) + " Request"
        if _GET.match(said):
            return _title(_OWN.sub("", _GET.sub("", said)))
        return _title(re.sub(r"\b(?:your|our)\s+", "", said, flags=re.I))
    return None


# ---- English: what the visitor asks for or does ----
_FREE_THING = re.compile(
    r"\b(?:free|complimentary|no[- ]obligation)\s+(?P<thing>(?:[a-z-]+\s+)?(?:site\s+survey|"
    r"survey|inspection|consultation|audit|assessment|check|check-up|health\s+check|valuation|"
    r"appraisal|home\s+measure|site\s+visit))\b(?:\s+(?:for|of|on)\s+(?:your\s+|their\s+|the\s+)?"
    r"(?P<of>[a-z-]+(?:\s+(?!and\b|or\b|with\b|at\b|in\b)[a-z-]+)?)(?=\s*[:;,.!?]|\s+(?:and|with|"
    r"at|in)\b|$))?",
    re.I,
)
_PEOPLE = re.compile(
    r"\b(?:\w*owners?|businesses|compan(?:y|ies)|landlords?|tenants?|customers?|clients?|members?|"
    r"residents?|families|people|patients?|parents?|charities|startups?|firms?)\b",
    re.I,
)
_PRICE_ASKED = re.compile(r"\b(?:price|pricing|quote|quotation|cost|how much it)\b", re.I)
_SAVINGS = re.compile(
    r"\bestimate\s+of\s+how\s+much\s+(?:they|you|we)\s+(?:could|can|would|might)\s+save"
    r"(?:\s+on\s+(?:their\s+|your\s+)?(?P<on>[a-z]+))?",
    re.I,
)
_QUOTE_FOR = re.compile(
    r"^\s*(?:quote|quotation|estimate)\s+request\s+for\s+(?!(?:our|my|your|the|a|an)\b)"
    r"(?P<x>[a-z][a-z -]{2,40}?)(?:\s+(?:in|with|at|on|from|by|to)\s+[^:\n]*)?\s*:",
    re.I,
)
# "Photography studio - family portrait session booking: …", "Garden centre: Christmas tree
# delivery order. Name, …": the business, then the purpose phrase that names the form
_BUSINESS_HEAD = re.compile(
    r"^\s*(?P<biz>[^:\n\-–—]{2,60}?)\s+[-–—]\s+(?P<what>[^:.\n]{3,80}?)\s*(?::|\.(?=\s|$))"
    r"|^\s*(?P<biz2>[^:.,\n\-–—]{2,40}?)\s*:\s*(?P<what2>[^:.,\n]{3,60}?)\.(?=\s)",
    re.I,
)
_PLACE = re.compile(r"^(?:place|submit|make|send|book)\s+(?:an?|your|the|our)\s+", re.I)
_FORM_FOR = re.compile(r"^(?:an?\s+)?(?:\w+\s+)?form\s+for\b", re.I)
_KIND_END = re.compile(
    r"\b(?:registration|request|enquiry|inquiry|booking|application|sign-?up|order|report|"
    r"survey|feedback|claim|renewal|reservation|appointment|referral|nomination|entry)$",
    re.I,
)
_KIND_PLURAL = re.compile(
    r"^(?P<x>.+?)\s+(?P<kind>enquiries|inquiries|requests|bookings|applications|reservations|"
    r"orders|registrations|quotes|estimates)$",
    re.I,
)
# a purpose phrase abroad opens with its act: "reserva de sesión …", "Anmeldung zum Kurs"
_ACT_FIRST_ABROAD = re.compile(
    r"^(?:reserva|réservation|reservierung|buchung|commande|pedido|encomenda|bestellung|"
    r"inscripción|inscription|inscrição|anmeldung|solicitud|demande|anfrage|marcação|cita|"
    r"rendez-vous|termin)\b",
    re.I,
)
_KIND_ABROAD = {  # "demandes de X", "X Anfragen"
    "demandes": "Demande",
    "solicitudes": "Solicitud",
    "consultas": "Consulta",
    "pedidos": "Pedido",
    "reservas": "Reserva",
    "réservations": "Réservation",
}
_FEATURE = re.compile(
    r"\b(?:request|suggest|propose)\s+(?:a\s+|new\s+)*features?\b|\bfeature\s+(?:requests?|"
    r"suggestions?|ideas?)\b",
    re.I,
)
_NOMINATE_FOR = re.compile(
    r"\bnominations?\s+form\s+for\s+(?:our|the|this\s+year'?s)\s+(?P<x>(?:[\w'-]+\s+){0,5}?"
    r"(?:award|awards|prize|medal))\b",
    re.I,
)
_TRIP_SLIP = re.compile(
    r"\bpermission\s+slips?\s+for\s+(?:the|our|a|this\s+term'?s)\s+(?P<x>(?:[\w'-]+\s+){0,4}?)"
    r"trip\b",
    re.I,
)


def _english(original: str, name: str) -> str | None:
    base = name.split(": ", 1)[0]
    free = _FREE_THING.search(original)
    if free and not _PRICE_ASKED.search(original):
        thing = _title(free["thing"])
        of = free["of"] if free["of"] and not _PEOPLE.search(free["of"]) else None
        return f"{_title(_singular(of.lower()))} {thing}" if of else f"Free {thing}"
    saves = _SAVINGS.search(original)
    if saves:
        return (
            f"{_title(saves['on'].lower())} Savings Estimate" if saves["on"] else "Savings Estimate"
        )
    quote = _QUOTE_FOR.search(original)
    if quote and base in ("Quote Request", "Pricing Request"):
        return f"{_title(quote['x'].strip().lower())} Quote"
    if _FEATURE.search(original) and base in ("Feedback Survey", "Support Request", "Contact Us"):
        return "Feature Request"
    nominee = _NOMINATE_FOR.search(original)
    if nominee and base in ("Nomination", "Nominations"):
        return f"{_title(nominee['x'])} Nomination"
    slip = _TRIP_SLIP.search(original)
    if slip and base in ("Contact Us", "Booking Request", "Event Registration"):
        return f"{_title(slip['x'].strip())} Trip Permission Slip".strip()
    return None


def _business_heading(original: str, name: str, lang: str | None) -> str | None:
    """ "Lumière Photography Studio - newborn shoot enquiries: …": the thing, not the business."""
    head = _BUSINESS_HEAD.match(original)
    biz = head and (head["biz"] or head["biz2"])
    if not head or (name.lower() != biz.lower() and not _weak(name, original)):
        return None
    # "Our bakery - place a cake order": the thing ordered, not the imperative
    what = _PLACE.sub("", (head["what"] or head["what2"]).strip())
    plural = _KIND_PLURAL.match(what)
    if plural and not lang:
        kind = _singular(plural["kind"].lower())
        return _title(f"{plural['x'].lower()} {kind}")
    if plural and lang == "de":
        return None
    if not lang and _KIND_END.search(what) and " " in what and not _FORM_FOR.match(what):
        return _title(what.lower())  # "Form for our dental practice - new patient registration"
    if lang and _ACT_FIRST_ABROAD.match(what) and len(what.split()) > 1:
        return _cap(what)
    first, _, rest = what.partition(" ")
    if lang and first.lower() in _KIND_ABROAD and rest:
        return f"{_KIND_ABROAD[first.lower()]} {rest}"
    german = re.match(r"^(?P<x>.+?)\s+(?:Anfragen|Anfrage|Buchungen|Termine)$", what)
    if lang == "de" and german:
        return f"Anfrage {german['x']}"
    return None


# ---- abroad: what people want, a quote heading's subject, the form for a named thing ----
_WANT_ABROAD = re.compile(
    r"^\s*(?:formulaire|formular|formulario|formulário)\s+(?:pour|für|para)\s+"
    r"(?:que\s+)?(?:les|los|las|os|as|die|unsere|nos|nuestros|nossos|sus)?\s*[\w-]+,?\s+"
    r"(?:qui\s+(?:veulent|souhaitent|désirent|demandent)|que\s+(?:quieren|desean|solicitan|"
    r"piden|querem|desejam|pedem)|pidan|soliciten|reserven|peçam|die)\s+"
    r"(?:une?|eine[nm]?|ein|una?|uma?|des|unos|unas)\s+(?P<x>[^:,.;\n]{3,60}?)"
    r"(?:\s+(?:wollen|möchten|wünschen|buchen|anfragen|brauchen|benötigen))?\s*[:,.;]",
    re.I,
)
_QUOTE_ABROAD = re.compile(
    r"^\s*(?:(?:formulario|formulaire|formulário|ficha)\s+(?:de\s+|d['’]))?"
    r"(?P<kind>demande\s+de\s+devis|devis|solicitud\s+de\s+presupuesto|presupuesto|"
    r"pedido\s+de\s+or[çc]amento|or[çc]amento|kostenvoranschlag|angebotsanfrage)\s+"
    r"(?P<prep>pour|para|für)\s+(?P<x>[^:\n]{3,60}?)"
    r"(?:\s+(?:dans|en|in|em|no|na|chez|bei|à|au)\s+(?:notre|nuestr[oa]|unser\w*|noss[oa]|"
    r"o\s+noss[oa]|a\s+noss[oa]|nous)\b[^:\n]*)?\s*:",
    re.I,
)
_OURS = re.compile(r"^(?:(?:o|a|el|la)\s+)?(?:notre|nos|nuestr[oa]s?|unser\w*|noss[oa]s?)\b", re.I)
_KIND_FOR_OURS = re.compile(
    r"^\s*(?:formulario|formulaire|formulário|ficha)\s+(?:de\s+|d['’])(?P<kind>[\wçãéíóú]+)\s+"
    r"(?:para|pour|pra)\s+(?:o\s+|a\s+|el\s+|la\s+)?(?:nosso|nossa|nuestro|nuestra|notre|nos)\s+"
    r"(?P<x>[^:\n]{3,60}?)\s*:",
    re.I,
)
_PEOPLE_ABROAD = re.compile(
    r"^(?:partenaires|clients|membres|adhérents|socios|clientes|miembros|parceiros|associados|"
    r"Kunden|Mitglieder|Partner)\b",
    re.I,
)
_GERMAN_FOR_OURS = re.compile(
    r"^\s*(?P<kind>\w+)formular\s+für\s+(?:unser\w*|die|den|das)\s+(?P<x>[\w-]{3,40})\s*:"
)


def _quote_abroad(original: str, name: str) -> str | None:
    """ "Demande de devis pour un mariage dans notre domaine": the quote keeps its subject."""
    quote = _QUOTE_ABROAD.match(original)
    if not quote or re.search(rf"\b{re.escape(quote['x'].split()[-1])}\b", name, re.I):
        return None
    if _OURS.match(quote["x"]):  # "pour notre entreprise de paysagisme": the business
        return None
    said = FORM_WORD.sub("", original[: quote.start("x")]).strip()
    return _cap(f"{said} {quote['x']}")


def _abroad(original: str, name: str) -> str | None:
    want = _WANT_ABROAD.match(original)
    if want:
        return _cap(want["x"])
    ours = _KIND_FOR_OURS.match(original)
    if ours and not _PEOPLE_ABROAD.match(ours["x"]):  # "pour nos partenaires": who fills it in
        return f"{_cap(ours['kind'])} – {_cap(ours['x'])}"
    german = _GERMAN_FOR_OURS.match(original)
    if german:
        what = re.sub(r"-(?:Angebot|Paket|Service)$", "", german["x"])
        kind = re.sub(r"(?<=ung|ion|tät|eit)s$", "", german["kind"])  # "Buchungs": "Buchung"
        return f"{kind} – {what}"
    return None


def asked_name(name: str, original: str, lang: str | None) -> str | None:
    """The name that says what the visitor comes to do, in place of a weak ``name``, or None."""
    text = original.strip()
    business = _business_heading(text, name, lang)
    if business:
        return business
    if lang and _quote_abroad(text, name):
        return _quote_abroad(text, name)
    weak = _weak(name, text)
    said = weak and (_quoted(text) or (_abroad(text, name) if lang else _english(text, name)))
    said = said or kind_subject(name, text, lang, weak)  # "a quote for a new boiler"
    return said if said and said != name else None
