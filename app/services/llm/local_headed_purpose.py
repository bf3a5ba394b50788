"""The form's name from its heading's own purpose noun, and people updating their own
details (local engine, issue 20, round 25a; the sentence's purpose is ``local_said_purpose``).

- "Sign-up sheet for our litter pick" is a "Litter Pick Sign-up", "Application for a stall at
  our market" a "Stall Application", "Registration form for our 10k fun run" a "10k Fun Run
  Registration": the heading's noun, not the stock "Contact Us" or "Application";
- a "licence renewal request" is a renewal, not a "Licence Application";
- a quote heading in es/fr/de/pt ("Kostenvoranschlag Umzug Büro") is the name as written;
- "contact form for my plumbing buisness" names the business ("Plumbing Enquiry");
- alumni, former pupils or members updating their details ("Alumni update form", "Change of
  details form", "Ficha de atualização de antigos alunos") are named for the update.

The stock names that give way, and the filler a name may have been made of ("Quick One"), are
kept here for both modules.
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign_names import FORM_NAMES
from app.services.llm.local_named_subject import _NOT_WHOSE
from app.services.llm.local_subject_name import STOCK_NAMES

_SMALL = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at"}


def title(text: str) -> str:
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(text.split())
    )


_FILLER = re.compile(
    r"^\s*(?:(?:an?\s+)?(?:quick|small|little|tiny)\s+(?:one|q|question|favou?r|request|ask|thing)|urgent|"
    r"(?:could|can|would)\s+(?:you|u)\s+(?:please\s+)?(?:make|build|create|set\s+up|knock\s+up|"
    r"do|add)(?:\s+(?:me|us))?|"
    r"hey(?:\s+there)?|hi(?:\s+there)?|hello|ok(?:ay)?(?:\s+so)?|so|please|help|right|"
    r"request|asap|todo|to-do|fyi|hola|bonjour|salut|hallo|ol[aá]|oi|buenas)\b",
    re.I,
)
# the stock names a stated purpose replaces (a newsletter, a waiting list or a course stays)
_KEEP = frozenset({"Newsletter Signup", "Waitlist Signup", "Course Enrolment", "Free Trial Signup"})
_GIVE_WAY = (
    (STOCK_NAMES - _KEEP)
    | {"Registration Form", "Entry Form", "Application Form"}
    | {"Booking Form", "Competition Entry", "Staffing Request", "Job Application"}
)
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


# a name that is the purpose clause copied in, not a name
_CLAUSE_NAME = re.compile(
    r"^form\s+for\b|\b(?:to|can)\s+(?:request|book|order|apply|reserve)\b", re.I
)


def gives_way(name: str, original: str, stock: frozenset = _GIVE_WAY) -> bool:
    name = name.split(": ", 1)[0]  # "Event Registration: Saturday" is the stock name too
    if name in stock or name in _FOREIGN_STOCK:
        return True
    if _CLAUSE_NAME.search(name):  # "Form for Customers to Request a Refund": the clause copied
        return True
    # the filler made the name: "Quick One", "Urgent", "Quick Favour"
    opening = re.split(r"[:\-–—,.!?]", original.strip(), maxsplit=1)[0]
    said = re.sub(r"^(?:an?|the)\s+", "", opening.strip().lower())  # "A quick one"
    return bool(_FILLER.match(opening)) and name.lower() == said


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
APPLICATION_FOR = re.compile(
    r"^(?:an?\s+)?application(?:\s+form)?\s+for\s+(?:an?\s+)(?P<what>[\w' -]+?)\s+"
    r"(?:at|for|in|on)\s+(?:our|the|this\s+year's|my)\s+(?P<where>[\w' -]+)$",
    re.I,
)
_RENEWAL = re.compile(r"\brenewals?\b", re.I)
_BOOK_AT = re.compile(
    r"^(?:book|reserve)\s+(?:a|an|your)\s+(?P<thing>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
    r"(?:at|with|in|of|on)\s+(?:our|the)\s+(?P<place>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)$",
    re.I,
)
_QUOTE_HEAD = re.compile(
    r"^(?:kostenvoranschlag|angebotsanfrage|preisanfrage|angebot|presupuesto|cotizaci[oó]n|devis|or[çc]amento)\s+"
    r"(?!(?:f[üu]r|de|del|do|da|pour|para|d'|anfordern|anfragen|einholen|ihren?|votre|su|seu|sua)\b)\S",
    re.I,
)
CONTACT_MINE = re.compile(
    r"^(?:(?:an?|the|our)\s+)?(?:(?:simple|basic|short|quick|little)\s+)?"
    r"(?:contact(?:-us)?|enquiry|inquiry)\s+form\s+for\s+(?:my|our)\s+"
    r"(?:(?:small|little|local|new|own)\s+)*(?P<what>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)"
    r"(?:\s+(?:business|buisness|busness|bussiness|busines|company|firm))?(?:\s+please)?$",
    re.I,
)


def heading_of(original: str) -> str:
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
    return re.sub(
        r"\s+(?:on|this|next|in|at|for|with|please|every|each)\b.*$", "", what.strip(), flags=re.I
    )


def heading_purpose(original: str, lang: str | None, name: str) -> str | None:
    head = heading_of(original)
    if lang:
        if _QUOTE_HEAD.match(head) and len(head.split()) <= 5 and name in _FOREIGN_STOCK:
            return head[:1].upper() + head[1:]
        return None
    # "Book a tasting at our brewery", named as the sentence itself: "Brewery Tasting Booking"
    booked = _BOOK_AT.match(head)
    if booked and name.lower() == head.lower():
        return title(f"{booked['place']} {booked['thing']} Booking")
    if _RENEWAL.search(head) and name.endswith(" Application"):
        return name[: -len("Application")] + "Renewal"
    m = CONTACT_MINE.match(head)  # "a simple enquiry form for my cleaning company"
    if m and not _NOT_WHOSE.search(m["what"]) and gives_way(name, original):
        return f"{title(m['what'])} Enquiry"
    nominated = name == "Volunteer Application" and re.match(r"(?:an?\s+)?nomination", head, re.I)
    if not (gives_way(name, original, _PLAIN) or nominated):
        return None
    for pattern, noun in ((_SIGN_UP_FOR, "Sign-up"), (_NOUN_FOR, None)):
        m = pattern.match(head)
        what = _cut(m["what"]) if m else ""
        if m and noun is None and m["noun"].lower() == "nomination":
            what = re.sub(r"\s+awards?$", "", what, flags=re.I)  # "… of the year award"
        if what and len(what.split()) <= 4:
            said = noun or {"enrollment": "Enrolment"}.get(m["noun"].lower(), m["noun"].title())
            return f"{title(what)} {said}"
    m = APPLICATION_FOR.match(head)
    if m and len(m["what"].split()) <= 3:
        return f"{title(m['what'])} Application"
    return None


# ---- people updating their own details ----
_UPDATE = re.compile(
    r"\bdetails?\s+update\b|^(?:members?|membership)\s+(?:details\s+)?update\b|"
    r"\b(?:alumni|graduates?|former\s+(?:pupils|students|members|staff)|old\s+(?:boys|girls|pupils))"
    r"\b.{0,40}\b(?:update|up\s+to\s+date|details)|\balumni[- ]update\b|"
    r"\b(?:update|change)\s+(?:of\s+)?(?:your\s+|their\s+|my\s+|member\s+|contact\s+)?details\b|"
    r"\b(?:atualiza[çc][ãa]o|actualizaci[óo]n|mise\s+[àa]\s+jour|aktualisierung)\b.{0,30}"
    r"\b(?:antigos\s+alunos|antiguos\s+alumnos|exalumnos|anciens\s+[ée]l[èe]ves|coordonn[ée]es|"
    r"dados|datos|daten|alumni|ehemalige)",
    re.I,
)
_ALUMNI = re.compile(
    r"\b(?:alumni|graduates?|former\s+pupils?|former\s+students?|old\s+(?:boys|girls))\b", re.I
)
_FORM_WORD = re.compile(
    r"^(?:ficha|formul[aá]rio|formulario|formulaire|formular)\s+(?:de\s+)?", re.I
)
FORM_WORD = _FORM_WORD
_UPDATE_ABROAD = {
    "es": "Actualización de datos",
    "fr": "Mise à jour des coordonnées",
    "de": "Datenaktualisierung",
    "pt": "Atualização de dados",
}


def details_update(original: str, lang: str | None) -> str | None:
    head = heading_of(original)
    if not _UPDATE.search(head):
        return None
    if lang:
        said = _FORM_WORD.sub("", head).strip()
        said = said[:1].upper() + said[1:]
        return said if len(said.split()) <= 6 else _UPDATE_ABROAD[lang]
    if len(head.split()) <= 4:  # "Alumni update form", "Employee details update": as written
        return title(head)
    if re.search(r"\bchange\s+of\s+details\b", head, re.I):
        return "Change of Details"
    return "Alumni Update" if _ALUMNI.search(original[:160]) else "Details Update"
