"""The form's name from the subject its description gives, where the draft still carries a
stock name (local engine, issue 20, round 24a).

A marketer reads the draft's name first. These descriptions say what the form is, and the
draft was given a stock name all the same:

- "We run a cattery … and would like customers to book online" was a "Booking Request": the
  business said in the opening sentence names the booking ("Cattery Booking");
- "Contact form for our dental practice" was "Contact Us", "Kontaktformular für unsere
  Physiotherapiepraxis" a bare "Kontaktformular": whose contact form it is names it, as
  "<Subject> Enquiry" in English and "<enquiry> – <subject as written>" in es/fr/de/pt
  ("Anfrage – Physiotherapiepraxis", "Demande – cabinet d'architecture", "Consulta – clínica
  veterinaria", "Contacto – escritório de contabilidade");
- a claim form at an insurer was a "Support Request", in Spanish a "Queja" (a complaint): a
  claim there, or under a warranty or guarantee, is named a claim in the description's
  language ("Insurance Claim", "Reclamación de seguro", "Participação de sinistro");
- "Apply to become a stockist of our candles" was a "Wholesale Enquiry": the role applied for
  names the application ("Stockist Application");
- an early-access or beta waiting list was a plain "Waitlist Signup": "Early Access
  Waitlist", "Beta Waitlist" ("Lista de espera – acceso anticipado");
- "We're an accountancy firm and want prospects to book a free consultation", "Bookkeeping
  for sole traders – book a free call" were an "Accountancy Enquiry" and a "Meeting
  Request": the free consultation is what the form is ("Free Consultation", "Free Call",
  "Kostenloses Erstgespräch"), and it is booked (a time to confirm, as "book a free call" is)
  even where the business words before the dash read as support ("IT support for small
  offices – book a free consultation").

``subject_named`` runs on the finished (localized) name and returns the better one or None;
a name that already says its subject (it holds the claim, the role, the consultation) stays.
``consultation_kind`` gives a free consultation read as support or a contact the booking kind.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_kinds import KINDS
from app.services.llm.local_subject_name import STOCK_NAMES

# the opening words, up to a colon or the end of the first sentence
_HEAD = re.compile(r"^\s*(?P<head>[^:;\n.!?()]{2,160})")


def _head(original: str) -> str:
    m = _HEAD.match(original)
    return m["head"].strip() if m else ""


def _title(text: str) -> str:
    small = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on"}
    return " ".join(
        w if (i and w.lower() in small) else w[:1].upper() + w[1:]
        for i, w in enumerate(text.split())
    )


# ---- a claim at an insurer, or under a warranty or guarantee ----
_CLAIM = re.compile(
    r"\bclaims?\b|reclamaci[oó]n|siniestro|r[ée]clamation|sinistre|schaden|anspruch|"
    r"reklamation|sinistro|reclama[cç][aã]o",
    re.I,
)
_INSURER = re.compile(
    r"insur|\bseguros?\b|seguradora|assur|versicher|p[oó]liza|ap[oó]lice|siniestro|sinistr", re.I
)
_WARRANTY = re.compile(r"warrant|guarantee|garant", re.I)
_CLAIM_NAME = {
    "insurance": {
        None: "Insurance Claim",
        "es": "Reclamación de seguro",
        "fr": "Déclaration de sinistre",
        "de": "Schadensmeldung",
        "pt": "Participação de sinistro",
    },
    "warranty": {
        None: "Warranty Claim",
        "es": "Reclamación de garantía",
        "fr": "Demande de garantie",
        "de": "Garantieanspruch",
        "pt": "Pedido de garantia",
    },
}
# a name that already says the claim
_SAYS_CLAIM = re.compile(r"claim|reclamaci|sinistr|siniestro|schaden|anspruch|garant", re.I)


def _claim(head: str, lang: str | None, name: str) -> str | None:
    said = _SAYS_CLAIM.search(name) and name.lower() not in ("claim form", "claim", "claims")
    if not _CLAIM.search(head) or said:
        return None
    if _INSURER.search(head):
        return _CLAIM_NAME["insurance"][lang]
    if _WARRANTY.search(head):
        named = _CLAIM_NAME["warranty"][lang]
        return "Guarantee Claim" if not lang and re.search(r"guarantee", head, re.I) else named
    return None


# ---- whose contact form it is ----
_CONTACT_FOR = re.compile(
    r"^(?:an?\s+|the\s+|our\s+|un\s+|une\s+|ein\s+|um\s+)?(?P<form>contact(?:-us)? form|"
    r"formulario de contacto|formulaire de contact|kontaktformular|formul[aá]rio de conta(?:c)?to)"
    r"\s+(?:for|pour|para|für)\s+(?:(?:the|our|my|notre|nos|mon|ma|nuestr[oa]s?|mi|"
    r"unser(?:e[mnrs]?)?|die|den|das|noss[oa]s?|o|a|os|as)\s+)+(?P<what>.+)$",
    re.I,
)
# who fills it in, or what it is for, is no subject: "for our customers", "for sales enquiries"
_NOT_WHOSE = re.compile(
    r"\b(?:customers?|clients?|patients?|members?|visitors?|users?|guests?|parents?|students?|"
    r"enquir\w+|inquir\w+|questions?|sales|support|press|media|general|website|site|web|"
    r"clientes?|pacientes?|socios?|kunden|patienten|mitglieder|anfragen|website|"
    r"visiteurs|adh[ée]rents|demandes|questions|s[oó]cios|perguntas|pedidos)\b",
    re.I,
)
_LITTLE = re.compile(
    r"^(?:(?:small|little|local|family-run|busy|petit|petite|pequeñ[oa]|kleine[nmr]?|pequen[oa])\s+)+",
    re.I,
)
_ENQUIRY = {"es": "Consulta", "fr": "Demande", "de": "Anfrage", "pt": "Contacto"}
# the names a contact form got without its subject
_CONTACT_STOCK = re.compile(
    r"^(?:contact us|contact|enquiry form|general enquiry|kontaktformular|kontakt|contacto|"
    r"formulario de contacto.*|formulaire de contact.*|formul[aá]rio de conta(?:c)?to.*)$",
    re.I,
)


def _contact(head: str, lang: str | None, name: str) -> str | None:
    m = _CONTACT_FOR.match(head)
    if not m or not _CONTACT_STOCK.match(name):
        return None
    # "for a consultancy with phone": what follows the business is no part of its name
    what = re.split(r"\s+(?:with|who|that|which|where|to|in|near|con|avec|mit|com)\s", m["what"])[0]
    what = _LITTLE.sub("", what.strip()).strip()
    if not what or _NOT_WHOSE.search(what) or len(what.split()) > 4 or re.search(r"[\d&/]", what):
        return None
    if lang:
        return f"{_ENQUIRY[lang]} – {what}"
    if all(w[:1].isupper() for w in what.split()) and len(what.split()) > 1:  # "Old Mill Inn"
        return f"{what} Enquiry"
    return f"{_title(what)} Enquiry"


# ---- a business said in the opening sentence names its booking ----
_WE_ARE = re.compile(
    r"^(?:we|i)(?:'re|'m|\s+are|\s+am|\s+run|\s+own|\s+manage|\s+have)\s+(?:an?|the)\s+"
    r"(?P<what>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4}?)"
    r"(?=\s+(?:in|near|based|on|at|and|that|who|which|with|for|outside|just)\b|\s*[,–—-]|$)",
    re.I,
)
_BOOKED = {"Booking Request": "Booking", "Appointment Request": "Appointment"}
_BOOKED["Reservation Request"] = "Reservation"
_BUSINESS = re.compile(r"\s+(?:van|company|firm|business|agency|team|ltd|llc)$", re.I)
_PLAIN = re.compile(r"^(?:(?:small|little|local|family-run|family|independent|busy|new)\s+)+", re.I)


# the same in es/fr/de/pt: "Somos un taller de bicicletas. …" → "Cita – taller de bicicletas"
_BOOKED_ABROAD = {
    "Solicitud de reserva": "Reserva",
    "Solicitud de cita": "Cita",
    "Demande de réservation": "Réservation",
    "Demande de rendez-vous": "Rendez-vous",
    "Buchungsanfrage": "Buchung",
    "Terminanfrage": "Termin",
    "Reservierungsanfrage": "Reservierung",
    "Pedido de reserva": "Reserva",
    "Pedido de marcação": "Marcação",
}
_ARE_ABROAD = re.compile(
    r"^(?:somos|nous\s+sommes|wir\s+sind)\s+(?:un|una|um|uma|une|ein|eine)\s+"
    r"(?P<what>[^,.;:!?()]{3,60}?)"
    r"(?=\s+(?:y|e|et|und|que|qui|die|der|das|en|in|em|na|no|à|au|aux|im|am|aus|bei|near)\s|"
    r"\s*[,.;:!?(–—-]|$)",
    re.I,
)


def _business_booking_abroad(original: str, lang: str | None, name: str) -> str | None:
    m = _ARE_ABROAD.match(original.strip()) if lang and name in _BOOKED_ABROAD else None
    what = _LITTLE.sub("", m["what"].strip()) if m else ""
    if not what or len(what.split()) > 4:
        return None
    return f"{_BOOKED_ABROAD[name]} – {what}"


def _business_booking(original: str, lang: str | None, name: str) -> str | None:
    if lang:
        return _business_booking_abroad(original, lang, name)
    if name not in _BOOKED:
        return None
    m = _WE_ARE.match(original.strip())
    if not m:
        return None
    what = _BUSINESS.sub("", _PLAIN.sub("", m["what"])).strip()
    if not what or len(what.split()) > 3:
        return None
    return f"{_title(what)} {_BOOKED[name]}"


# ---- the role applied for ----
_BECOME = re.compile(
    r"\bapply\s+to\s+(?:become|be)\s+an?\s+(?:(?:authori[sz]ed|approved|official|registered|"
    r"independent)\s+)?(?P<role>stockist|reseller|retailer|distributor|wholesaler|dealer|"
    r"franchisee|affiliate|ambassador)s?\b",
    re.I,
)


def _role(head: str, lang: str | None, name: str) -> str | None:
    m = None if lang else _BECOME.search(head)
    if not m:
        return None
    role = m["role"].lower().capitalize()
    return None if name.endswith(f"{role} Application") else f"{role} Application"


# ---- an early-access or beta waiting list ----
_WAITLIST_STOCK = {"Waitlist Signup", "Lista de espera", "Liste d'attente", "Warteliste"}
_EARLY = re.compile(
    r"\b(?:early[- ]access|acceso anticipado|acc[eè]s anticip[ée]|fr[üu]hen zugang|"
    r"vorabzugang|acesso antecipado)\b",
    re.I,
)
_BETA = re.compile(r"\b(?:beta|bêta)\b", re.I)
_EARLY_WORD = {"es": "acceso anticipado", "fr": "accès anticipé", "de": "Early Access"}
_EARLY_WORD["pt"] = "acesso antecipado"
_BETA_WORD = {"es": "beta", "fr": "bêta", "de": "Beta", "pt": "beta"}


def _waitlist(head: str, lang: str | None, name: str) -> str | None:
    if name not in _WAITLIST_STOCK:
        return None
    if _EARLY.search(head):
        return f"{name} – {_EARLY_WORD[lang]}" if lang else "Early Access Waitlist"
    if _BETA.search(head):
        return f"{name} – {_BETA_WORD[lang]}" if lang else "Beta Waitlist"
    return None


# ---- a free consultation booked ----
_FREE = re.compile(
    r"\b(?:book|schedule|arrange|request|claim|get|buchen|vereinbaren|r[ée]serv\w*|"
    r"prenez|reserv[ea]n?|solicit[ea]n?|pid[ae]n?|marqu?[ea]m?|agend[ea]m?)\b"
    r"(?:\s+\S+){0,3}?\s+(?P<free>free\s+(?:(?:discovery|intro|introductory|initial|strategy)\s+)?"
    r"(?:consultation|call)|(?:una\s+)?consulta\s+gratuita|(?:une\s+)?consultation\s+gratuite|"
    r"kostenlose[ns]?\s+(?:erstgespr[äa]ch|beratung(?:sgespr[äa]ch)?))\b|"
    r"(?P<first>kostenlose[ns]?\s+(?:erstgespr[äa]ch|beratung(?:sgespr[äa]ch)?))\s+"
    r"(?:buchen|vereinbaren)\b",
    re.I,
)
_SAYS_CONSULT = re.compile(r"consult|\bcall\b|erstgespr|beratungsgespr|kostenlos|gratuit", re.I)


def free_consultation(original: str) -> str | None:
    """ "… book a free consultation" → "Free Consultation"; "kostenloses Erstgespräch
    buchen" → "Kostenloses Erstgespräch"; None when no free consultation is booked."""
    head = re.split(r"[:;\n]", original, maxsplit=1)[0]
    m = _FREE.search(head)
    if not m:
        return None
    said = re.sub(r"^(?:una|une)\s+", "", m["free"] or m["first"], flags=re.I)
    if said.lower().startswith("free"):
        return _title(said)
    return said[:1].upper() + said[1:]


def _consultation(original: str, name: str) -> str | None:
    """Only a stock name, the business words before the dash or "<Trade> Enquiry" give way:
    "Free trial sign-up – book a free call with our team" stays a sign-up."""
    free = free_consultation(original)
    if not free or _SAYS_CONSULT.search(name):
        return None
    trade = re.fullmatch(r"(?P<trade>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}) (?:Enquiry|Inquiry)", name)
    if trade:
        return f"{trade['trade']} Consultation"  # "Accountancy Consultation"
    before = _before_dash(original)
    stock = name in STOCK_NAMES or any(name in said.values() for said in FORM_NAMES.values())
    return free if stock or (name.lower() == before and not _TITLED.search(before)) else None


# a title of its own before the dash ("Free trial sign-up – book a free call"), not the
# business said ("IT support for small offices – book a free consultation")
_TITLED = re.compile(
    r"sign[- ]?up|enquir|inquir|request|registration|application|booking|order|form\b|"
    r"anfrage|anmeldung|solicitud|inscri|demande|pedido|trial|waitlist|newsletter",
    re.I,
)


def _before_dash(original: str) -> str:
    head = re.split(r"[:;\n]", original, maxsplit=1)[0]
    return re.split(r"\s[-–—]\s", head, maxsplit=1)[0].strip().lower()


def consultation_kind(original: str, kind: dict) -> dict:
    """A free consultation is booked, whatever the business words before it read as ("IT
    support for small offices – book a free consultation"); a sales lead or a booking stays."""
    if kind["flow"] in ("sales_lead", "booking_request") or not free_consultation(original):
        return kind
    if _TITLED.search(_before_dash(original)):  # "Newsletter sign-up – book a free call"
        return kind
    return next((k for k in KINDS if k["key"] == "booking"), kind)


def subject_named(name: str, original: str, lang: str | None) -> str | None:
    """The name the description's subject gives in place of the stock ``name``, or None."""
    head = _head(original)
    return (
        _claim(head, lang, name)
        or _contact(head, lang, name)
        or _business_booking(original, lang, name)
        or _role(head, lang, name)
        or _waitlist(head, lang, name)
        or _consultation(original, name)
    )
