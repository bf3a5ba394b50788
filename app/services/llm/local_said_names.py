"""A form's name a marketer would not rename, second pass (round 34b).

Read after ``local_trade_names`` has named the draft, for names that still missed what the
description says:

- a noun only used in the plural lost its s ("logistics company" → "Logistic Enquiry");
- who applies to be listed, stocked or featured is the name's head, not the verb
  ("restaurants can apply to be listed" was "Be Listed Application": "Restaurant Listing
  Application");
- the heading says a complaint, the name said the remedy asked in it ("Formulário de
  reclamação: … (reembolso, troca)" was "Pedido de reembolso": "Reclamação");
- a registration is not a claim ("warranty registration form" was "Warranty Claim");
- a German heading kept all its words ("Formular für Reklamationen": "Reklamation";
  "Anmeldeformular für unseren Laufkurs": "Anmeldung – Laufkurs"); the Romance "Formulario de
  contacto para una agencia de viajes" is read by ``local_trade_names`` ("Consulta – agencia de
  viajes");
- a nomination named nothing it nominates for ("nominate a local hero for our community
  awards": "Community Awards Nomination").

``said_name`` returns the better name or None.
"""

from __future__ import annotations

import re

from app.services.llm.local_heading import GENERIC_NAMES

# ---- a noun only used in the plural ("logistics", "analytics", "electronics") ----
_IC = re.compile(r"\b([A-Z][a-z]+ic)\b")

# ---- who applies to be listed, stocked or featured ----
_APPLY_TO_BE = re.compile(
    r"\b([a-z]+)\s+(?:can\s+|could\s+|may\s+|to\s+|who\s+want\s+to\s+|wanting\s+to\s+)?"
    r"apply\s+to\s+(?:be|get)\s+(listed|stocked|featured)\b",
    re.I,
)
_NOT_WHO = re.compile(
    r"^(?:people|persons?|anyone|anybody|someone|you|they|we|who|where|form|can|to|users?|"
    r"others|them|folks|and|or|that|which)$",
    re.I,
)
_APPLY_HEAD = {"listed": "Listing Application", "stocked": "Stockist Application"}

# ---- a complaint named for the remedy asked in it ----
_COMPLAINT_HEADING = re.compile(
    r"^\W*(?:Formulário\s+de\s+(reclamação)|Formulaire\s+de\s+(réclamation|plainte)|"
    r"Formulario\s+de\s+(reclamación|queja)|(Beschwerde|Reklamation)s?formular|"
    r"(Complaints?)\s+form)\b",
    re.I,
)
_REMEDY = re.compile(
    r"^(?:Pedido de reembolso|Demande de remboursement|Solicitud de reembolso|"
    r"Erstattungsantrag|Rückerstattung\w*|Refund Request|Return Request|Exchange Request)$",
    re.I,
)

# ---- a registration named a claim ----
_REGISTRATION = re.compile(r"\b(warranty|product|guarantee)\s+registration\b", re.I)

# ---- a German heading "Formular für X" (the Romance ones: local_trade_names) ----
_GERMAN_FOR = re.compile(
    r"^Formular\s+für\s+(?:(?:die|den|das|eine|einen|ein)\s+)?([A-ZÄÖÜ]\w+)$",
)
# "Anmeldeformular für …" named "Anmelde – Laufkurs": the compound's stem is no noun
_GERMAN_STEM = re.compile(r"^([A-ZÄÖÜ]\w+?)(e|ungs) – (.+)$")

# "Vorbestellung für unser neues Kochbuch" named a bare "Vorbestellung": what is pre-ordered
# goes in ("Terminanfrage für unsere Praxis" names the owner, which a name leaves out)
_GERMAN_BARE = re.compile(
    r"^\W*(?P<act>Vorbestellung)\s+für\s+(?:unser\w*|die|den|das|eine[nm]?)\s+(?:neue\w*\s+)?"
    r"(?P<what>[A-ZÄÖÜ][\w-]+)\s*(?:[:.,;(]|\s[-–—]\s|$)"
)

# ---- what a nomination is for ----
_AWARD = re.compile(
    r"\bnominat\w*\s+(?:an?\s+|the\s+|your\s+)?(?P<who>[\w' -]+?)\s+for\s+"
    r"(?:(?:our|the|this\s+year's|a|an|their)\s+)?(?:\w+'s\s+)?(?P<award>(?:[\w-]+\s+){0,5}?"
    r"(?:awards?|prizes?))\b",
    re.I,
)
_NOMINEE = re.compile(
    r"\bnominat\w*\s+(?:an?\s+|the\s+|your\s+)?(?P<who>[a-z]+(?: (?!for\b|to\b|who\b|from\b|in\b|at\b)[a-z]+)?)\b",
    re.I,
)
_NOT_NOMINEE = re.compile(r"^(?:someone|somebody|people|anyone|them|a|for|and|or)\b", re.I)
_SMALL = frozenset({"of", "the", "and", "for", "in", "a"})


def said_name(name: str, original: str, lang: str | None) -> str | None:
    """The draft's name read once more against the description, or None when it is right."""
    better = (
        _applicant(name, original, lang)
        or _complaint(name, original)
        or _registration(name, original, lang)
        or _foreign_for(name, original, lang)
        or _nomination(name, original, lang)
        or _whose(name, original, lang)
        or name
    )
    better = _plural_only(better, original)
    return better if better != name else None


def _plural_only(name: str, original: str) -> str:
    """ "Logistics Enquiry": a name's word in -ic the description only says in -ics."""

    def kept(m: re.Match) -> str:
        word = m.group(1).lower()
        said = re.search(rf"\b{word}s\b", original, re.I)
        alone = re.search(rf"\b{word}\b", original, re.I)
        return m.group(1) + "s" if said and not alone else m.group(1)

    return _IC.sub(kept, name)


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ss|ch|sh|x)es$", low):
        return word[:-2]
    return word[:-1] if low.endswith("s") and not low.endswith("ss") else word


def _applicant(name: str, original: str, lang: str | None) -> str | None:
    """ "Restaurant Listing Application" for "restaurants can apply to be listed"."""
    said = None if lang else _APPLY_TO_BE.search(original)
    if not said or _NOT_WHO.match(said.group(1)):
        return None
    who = _singular(said.group(1)).title()
    if who.lower() in name.lower():
        return None  # "Restaurant Partner Application" says who already
    return f"{who} {_APPLY_HEAD.get(said.group(2).lower(), 'Application')}"


# "Application for musicians who want to play at our festival": who applies names it
_FOR_WHO = re.compile(
    r"^\s*(?P<act>application|registration|sign[- ]?up)s?(?:\s+form)?\s+for\s+"
    r"(?P<who>[a-z]+s)\s+(?:who|that|wanting|looking)\b",
    re.I,
)
_ACTS = {"application": "Application", "registration": "Registration"}


def _whose(name: str, original: str, lang: str | None) -> str | None:
    """ "Musician Application" for a stock name the opening says who fills in."""
    said = None if lang or name not in GENERIC_NAMES else _FOR_WHO.match(original)
    if not said or _NOT_WHO.match(said["who"]):
        return None
    return f"{_singular(said['who']).title()} {_ACTS.get(said['act'].lower(), 'Sign-up')}"


def _complaint(name: str, original: str) -> str | None:
    """ "Reclamação" for a complaint form named for the refund it asks about."""
    said = _COMPLAINT_HEADING.match(original)
    if not said or not _REMEDY.match(name):
        return None
    act = next(g for g in said.groups() if g)
    act = "Complaint" if act.lower().startswith("complaint") else act
    return act[:1].upper() + act[1:]


def _registration(name: str, original: str, lang: str | None) -> str | None:
    """ "Warranty Registration" for a registration form named a claim."""
    said = None if lang else _REGISTRATION.search(original)
    if not said or not name.endswith("Claim") or re.search(r"\bclaims?\b", original, re.I):
        return None
    return f"{said.group(1).title()} Registration"


def _foreign_for(name: str, original: str, lang: str | None) -> str | None:
    """ "Reklamation" for "Formular für Reklamationen"; "Anmeldung – Laufkurs"."""
    if not lang:
        return None
    german = _GERMAN_FOR.match(name)
    if german:
        return re.sub(r"(?<=ion|ung)en$", "", german.group(1))
    bare = _GERMAN_BARE.match(original)
    if bare and name == bare["act"]:
        return f"{name} – {bare['what']}"
    stem = _GERMAN_STEM.match(name)
    if stem and re.match(rf"\W*{stem.group(1)}{stem.group(2)}formular\b", original):
        act = _german_act(stem.group(1) + stem.group(2))
        return f"{act} – {stem.group(3)}" if act != stem.group(1) + stem.group(2) else None
    return None


def _german_act(stem: str) -> str:
    """The act a compound's stem says: "Anmelde" → "Anmeldung", "Buchungs" → "Buchung"."""
    if re.search(r"(?:ion|ung|ät)s$", stem):
        return stem[:-1]
    return stem[:-1] + "ung" if stem.endswith("melde") else stem


def _titled(words: str) -> str:
    out = [w if w in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(words.split())]
    return " ".join(out)


def _nomination(name: str, original: str, lang: str | None) -> str | None:
    """ "Community Awards Nomination" for a bare "Nomination"."""
    if lang or name.lower() not in {"nomination", "nominations", "nomination form"}:
        return None
    said = _AWARD.search(original)
    if said:
        award = re.sub(r"\s+(?:award|prize)$", "", said.group("award").lower())
        if award not in {"award", "awards", "prize", "prizes"}:
            return f"{_titled(award)} Nomination"
    said = _NOMINEE.search(original)
    if said and not _NOT_NOMINEE.match(said.group("who")):
        return f"{_titled(said.group('who').lower())} Nomination"
    return None
