"""The subject said right beside the form's kind word, where the name readers left a stock
name, the business's name or the opening clause title-cased (local engine, issue 20, round 27a).

- a quote wanted for a thing: "a form for homeowners who want a quote for a new boiler" is a
  "Boiler Quote", "people wanting a quote on loft insulation" a "Loft Insulation Quote";
- a sentence about the business, then a heading that is the form's kind: "We sell timber …
  Trade account application: …" is "Trade Account Application"; a bare "Enquiry:" takes the
  business's offering ("We run corporate away days. Enquiry: …": "Corporate Away Day Enquiry");
  abroad the heading stays as written ("Pedido de abertura de conta profissional");
- a scheme applied for: "apply for our apprenticeship scheme" is "Apprenticeship Scheme
  Application", "Bewerbung für unser Ausbildungsprogramm" "Bewerbung – Ausbildungsprogramm";
- what people are let do: "Let tenants report repairs" is "Repair Report", "so residents can
  request a parking permit" "Parking Permit Request", "Que los vecinos puedan reservar la sala"
  "Reserva de la sala"; "<a dog grooming salon> so owners can book" is "Dog Grooming Booking";
- money back on a thing: "Course Refund Request" ("Demande de remboursement" abroad);
- a question to a named expert: "Got a question for our solicitor?" is "Question for Our
  Solicitor", "ask our vet a question" "Ask Our Vet".
"""

from __future__ import annotations

import re

from app.services.llm.local_subject_name import _singular

_SMALL = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "with"}
_ROLE_WORDS = {"job", "role", "position", "vacancy", "post", "career", "careers"}
_PLACES = re.compile(  # "application for a design studio": the employer, not the role
    r"\b(?:studio|bakery|shop|store|company|firm|agency|restaurant|caf[eé]|salon|warehouse|"
    r"practice|clinic|hotel|team|business|charity|school|nursery|pub|bar)$",
    re.I,
)


def _title(text: str) -> str:
    return " ".join(
        w if (i and w.lower() in _SMALL) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(text.split())
    )


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" -–—,.;:")
    return text[:1].upper() + text[1:]


def _phrase(text: str) -> str:
    """'a new boiler' → 'boiler', 'new windows' → 'window': the thing, singular, titled."""
    words = re.sub(r"^(?:(?:a|an|the|their|your|our|some|new|brand-new)\s+)+", "", text.lower())
    words = words.split()
    if not words:
        return ""
    words[-1] = _singular(words[-1])
    return _title(" ".join(words))


_STOP = (  # what ends a thing: a preposition, or the verb of the clause that follows
    r"(?:and|or|with|at|in|on|for|from|to|by|via|online|here|so|who|give|gives|fill|fills|can|"
    r"will|must|should|need|needs|send|sends|tell|tells)\b"
)
_NP = r"[a-z][a-z'-]*(?:\s+(?!" + _STOP + r")[a-z][a-z'-]*){0,3}"  # a thing, up to 4 words
_END = r"(?=\s*(?:[:;,.!?()\-–—]|$)|\s+" + _STOP + r")"

# ---- a quote wanted for a thing ----
_A_QUOTE = r"\s+a\s+(?:free\s+)?(?:quote|quotation|estimate)\s+(?:for|on)\s+"
_QUOTE_WANTED = re.compile(
    r"\b(?:who|that)(?:\s+|(?='))(?:want|wants|would\s+like|'d\s+like|need|needs)"
    + (_A_QUOTE + r"(?P<x>" + _NP + r")" + _END)
    + r"|\b(?:wanting|needing|after|requesting)"
    + (_A_QUOTE + r"(?P<y>" + _NP + r")" + _END),
    re.I,
)

# ---- a sentence about the business, then the heading that is the form's kind ----
_KINDS = r"application|enquiry|inquiry|request|registration|booking|sign-?up|referral"
_WE_THEN_HEAD = re.compile(
    r"^\s*(?:we|we're|we\s+are|our\s+\w+)\b[^.!?\n]{3,140}[.!?]\s+"
    r"(?P<head>(?:(?!(?:please|fill|send|submit|make|use|the|a|an|our|your|this|in|out|for|to|"
    r"of|form)\b)[A-Za-z-]+\s+){0,4}?(?:" + _KINDS + r"))\s*(?::|\s[-–—]\s)",
    re.I,
)
_OFFERING = re.compile(
    r"^\s*we\s+(?:run|host|organise|organize|offer|do|sell|make|provide|deliver|lead)\s+"
    r"(?P<x>" + _NP + r")" + _END,
    re.I,
)
_WE_THEN_HEAD_ABROAD = re.compile(
    r"^\s*[^.!?\n]{3,140}[.!?]\s+(?P<head>(?:Pedido|Solicitud|Demande|Antrag|Anfrage)\s+"
    r"(?:de|d['’]|auf|zur|zum)\s*[^:\n]{3,60}?)\s*:"
)

# ---- a scheme or programme applied for ----
_APPLY_FOR = re.compile(
    r"\bapply\s+(?:for|to)\s+(?:our|the|this\s+year'?s)\s+(?P<x>(?:[a-z-]+\s+){0,3}?"
    r"(?:scheme|programme|program|apprenticeships?|internships?|placements?|traineeships?|"
    r"fellowships?|residency|academy|bursary|grants?))\b",
    re.I,
)
_APPLY_FOR_ROLE = re.compile(
    r"^\s*(?:job\s+)?application\s+for\s+(?:a|an)\s+(?P<x>[a-z-]+(?:\s+[a-z-]+)?)\s*[:\-–—,]",
    re.I,
)
_HEAD_FOR_OURS = re.compile(
    r"^\s*(?P<kind>Bewerbung|Anmeldung|Candidature|Inscription|Candidatura|Inscripción|Inscrição)"
    r"\s+(?:für|zum|zur|à|au|aux|pour|para|a|ao|aos|en|no|na|al)\s+"
    r"(?:unser\w*|notre|nos|nuestr[oa]s?|noss[oa]s?|o\s+noss[oa]|a\s+noss[oa]|el|la)\s+"
    r"(?P<x>[^:\n]{3,50}?)\s*:",
    re.I,
)

# ---- what people are let do ----
_ACTS = {
    "report": "Report",
    "book": "Booking",
    "reserve": "Booking",
    "request": "Request",
    "register": "Registration",
    "claim": "Claim",
    "cancel": "Cancellation",
    "renew": "Renewal",
    "order": "Order",
    "freeze": "Freeze Request",
    "pause": "Pause Request",
    "suspend": "Suspension Request",
    "transfer": "Transfer Request",
    "upgrade": "Upgrade Request",
    "downgrade": "Downgrade Request",
}
_QUOTE_ON = re.compile(r"\s+(?:for|on)\s+(?P<x>" + _NP + r")" + _END, re.I)
# who is let do it: "let tenants", "so that residents can", "where people can", "for members to"
_LET = re.compile(
    r"(?:^|\b(?:to|and)\s+|[.:]\s+)(?:let|lets|allow|allows)\s+(?:our\s+|the\s+)?[a-z]+\s+"
    r"|\b(?:so(?:\s+that)?|where)\s+(?:our\s+|the\s+)?(?:[a-z]+\s+){1,2}?(?:can|could)\s+"
    r"|\bform\s+for\s+(?:our\s+|the\s+)?(?:[a-z]+\s+){1,2}?to\s+",
    re.I,
)
_ACT = re.compile(
    r"(?P<verb>" + "|".join(_ACTS) + r")\s+"
    r"(?:(?<=register\s)for\s+)?(?:(?:a|an|the|their|your|our)\s+)?(?P<obj>" + _NP + r")" + _END,
    re.I,
)
_CAN_BOOK = re.compile(
    r"(?:^\s*|\b(?:a|an|the|our|my)\s+)(?P<x>[a-z][a-z-]+(?: [a-z][a-z-]+){0,2}?)\s+(?P<noun>salon|business|studio|shop|"
    r"company|service|clinic|parlour|practice|centre|center|school|spa)\s+so(?:\s+that)?\s+"
    r"(?:our\s+)?[a-z]+\s+can\s+book\b",
    re.I,
)
_FOR_BOOKING = re.compile(
    r"\bform\s+for\s+(?:[a-z]+\s+){1,2}?(?:booking|to\s+book)\s+(?:an?\s+|the\s+|their\s+)?"
    r"(?P<x>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)\s+(?:at|with|in)\s+(?:our|the|my)\b",
    re.I,
)
_ACTS_ABROAD = {  # "que los vecinos puedan reservar la sala": "Reserva de la sala"
    "reservar": "Reserva de",
    "reportem": "Comunicação de",
    "reportar": "Comunicação de",
    "comuniquem": "Comunicação de",
    "réserver": "Réservation de",
    "réservent": "Réservation de",
    "signaler": "Signalement de",
    "signalent": "Signalement de",
    "annuler": "Annulation de",
    "résilier": "Résiliation de",
}
_LET_ABROAD = re.compile(
    r"^\s*(?:permitir\s+que|que|pour\s+que|afin\s+que|permettre\s+aux?)\s+(?:les|los|las|os|as)?\s*"
    r"[\w-]+\s+(?:puedan\s+|possam\s+|puissent\s+|de\s+)?(?P<verb>\w+)\s+(?P<x>[^:\n]{3,50}?)\s*:",
    re.I,
)

# "Formulaire pour annuler un abonnement": the act the form is for, said after it
_FORM_TO_ABROAD = re.compile(
    r"^\s*(?:formulaire|formulario|formulário)\s+(?:pour|para)\s+(?P<verb>\w+)\s+"
    r"(?P<x>[^:\n]{3,50}?)\s*:",
    re.I,
)

# ---- money back, a question to an expert ----
_MONEY_BACK = re.compile(
    r"\b(?:money\s+back|refund)\s+(?:on|for)\s+(?:a|an|the|their|your)\s+"
    r"(?:(?:faulty|damaged|broken|cancell?ed|unused|defective|late)\s+)?(?P<x>" + _NP + r")" + _END,
    re.I,
)
_PRESS = re.compile(
    r"\b(?:press|media|journalists?)\b[^.:\n]{0,40}\b(?:accreditation|press\s+pass(?:es)?)\b", re.I
)
_REFUNDS_NAME = re.compile(r"^(?P<x>\w+(?:\s\w+)?) Refunds$")
_REFUND_ABROAD = {
    "fr": (r"\brembours", "Demande de remboursement"),
    "es": (r"\breembols|\bdevoluci[oó]n\s+del\s+dinero", "Solicitud de reembolso"),
    "pt": (r"\breembols", "Pedido de reembolso"),
    "de": (r"\brückerstatt|\bgeld\s+zurück", "Rückerstattungsantrag"),
}
_EXPERT = (
    r"(?P<who>(?!team\b|staff\b)[a-z]+(?:ist|ian|or|er|ant)|vet|coach|nurse|midwife|expert|"
    r"doctor|gp|physio|surgeon|mechanic|chef)"
)
_QUESTION_FOR = re.compile(r"\bquestions?\s+for\s+(?P<own>our|the)\s+" + _EXPERT + r"\b", re.I)
_ASK_EXPERT = re.compile(
    r"\bask\s+(?P<own>our|the|a)\s+" + _EXPERT + r"(?:\s+a\s+question)?\s*(?:[:;,.!?\-–—]|$)",
    re.I,
)


_HEAD_END = re.compile(r"[:;\n.!?]|\s[-–—]\s")


def _copied(name: str, original: str) -> bool:
    """The name is the description's opening words title-cased (or its heading's business)."""
    head = _HEAD_END.split(original.strip(), maxsplit=1)[0].strip()
    low = re.sub(r"\s+", " ", name.lower()).strip()
    return bool(low) and head.lower() == low


def _english(name: str, text: str, weak: bool) -> str | None:
    head = _WE_THEN_HEAD.match(text)
    said = head["head"].strip().lower() if head else ""
    # "Wholesale Enquiry" where the heading says "Wholesale account application"
    other_kind = len(said.split()) > 1 and name.split()[-1].lower() != said.split()[-1]
    if other_kind and name.split()[0].lower() in said.split():
        return _title(said)
    if len(said.split()) > 1 and name.lower().endswith(" " + said):  # "Gym in Hove Membership …"
        return _title(said)
    restated = re.match(r"(?P<x>.+) (?:Get|Request) an? (?:Free )?(?:Quote|Estimate)$", name)
    if restated:  # "Garden Shed Get a Quote"
        return f"{restated['x']} Quote"
    if not weak:
        return None
    quote = _QUOTE_WANTED.search(text)
    if quote and name in ("Quote Request", "Pricing Request"):
        thing = _phrase(quote["x"] or quote["y"])
        return f"{thing} Quote" if thing else None
    if head and len(said.split()) > 1:
        return _title(said)
    offer = _OFFERING.match(text)
    if head and offer and said in ("enquiry", "inquiry"):
        return f"{_phrase(offer['x'])} {_title(said)}"
    scheme = _APPLY_FOR.search(text)
    if scheme and name in ("Job Application", "Application"):
        x = scheme["x"].lower().split()
        if x and not _ROLE_WORDS & set(x):
            return _title(" ".join(x)) + " Application"
    role = _APPLY_FOR_ROLE.match(text)
    if role and name == "Job Application" and not _PLACES.search(role["x"]):
        return _title(role["x"].lower()) + " Application"
    booking = _FOR_BOOKING.search(text)  # "a form for parents booking a kids' party at our …"
    if booking and weak:
        return _title(booking["x"].lower()) + " Booking"
    book = _CAN_BOOK.search(text)
    if book and (weak or name in ("Booking Request", "Appointment Request", "Reservation Request")):
        x = re.sub(r"^(?:a|an|the|our|my)\s+", "", book["x"].strip().lower())
        x = x if " " in x else f"{x} {book['noun'].lower()}"  # "Nail Salon", "Dog Grooming"
        return _title(x) + " Booking"
    for let in _LET.finditer(text):
        act = _ACT.match(text, let.end())
        if not act:
            continue
        obj = act["obj"].lower()
        offered = _OFFERING.match(text)
        if obj == "one" and offered:  # "we do emergency callouts, … for people to request one"
            obj = offered["x"].lower()
        quoted = _QUOTE_ON.match(text, act.end()) if obj in ("quote", "estimate") else None
        if quoted:  # "for customers to request a quote for a new roof"
            return f"{_phrase(quoted['x'])} {_title(obj)} {_ACTS[act['verb'].lower()]}"
        if re.fullmatch(r"(?:a\s+)?(?:problem|issue|question|query|request|it|them|one)", obj):
            return None
        return f"{_phrase(obj)} {_ACTS[act['verb'].lower()]}"
    money = _MONEY_BACK.search(text)
    said_refund = "refund request" in name.lower()  # "Refund request: …" already says it
    if not said_refund and (money or re.search(r"\bmoney\s+back\b", text, re.I)):
        refunds = _REFUNDS_NAME.match(name)
        if refunds:
            return f"{refunds['x']} Refund Request"
        if money:
            return f"{_phrase(money['x'])} Refund Request"
        return "Refund Request"
    if _PRESS.search(text) and name in ("Contact Us", "Event Registration", "Support Request"):
        return "Press Accreditation Request"
    # "Questions for our speaker: …" names the form; "…, questions for the speaker" is an item
    asked = _QUESTION_FOR.search(_HEAD_END.split(text, maxsplit=1)[0])
    if asked and name in ("Contact Us", "Support Request") or asked and _copied(name, text):
        own = "Our" if asked["own"].lower() == "our" else "the"
        return f"Question for {own} {_title(asked['who'].lower())}"
    expert = _ASK_EXPERT.search(text)
    copied = _copied(name, text) and not name.lower().startswith("ask ")
    if expert and (name in ("Contact Us", "Support Request") or copied):
        who = expert["who"]
        who = who.upper() if who.lower() == "gp" else _title(who.lower())
        own = expert["own"].lower()
        return f"Ask {'Our' if own == 'our' else own} {who}"
    return None


def _abroad(name: str, text: str, lang: str, weak: bool, stock: bool) -> str | None:
    head = _WE_THEN_HEAD_ABROAD.match(text)
    kind = name.split(" – ")[0] if " – " in name else None  # "Reserva – agencia de viajes"
    if head and (weak or kind and kind.lower() != head["head"].split()[0].lower()):
        return _cap(head["head"])
    ours = _HEAD_FOR_OURS.match(text)
    if ours and name.lower() == ours["kind"].lower():
        return f"{_cap(ours['kind'])} – {_cap(ours['x'])}"
    let = _LET_ABROAD.match(text) or _FORM_TO_ABROAD.match(text)
    if let and let["verb"].lower() in _ACTS_ABROAD and weak:
        x = re.sub(r"^(?:as|os|una?|uma?|une|um)\s+", "", let["x"], flags=re.I)
        done = _ACTS_ABROAD[let["verb"].lower()]
        if lang == "fr" and done.endswith(" de") and re.match(r"[aeiouéèêh]", x, re.I):
            return f"{done[:-3]} d'{x}"  # "Annulation d'abonnement"
        return f"{done} {x}"
    refund = _REFUND_ABROAD.get(lang)
    if refund and stock and re.search(refund[0], text, re.I):  # not "Pedido de reembolso de X"
        return refund[1]
    return None


def kind_subject(name: str, original: str, lang: str | None, weak: bool) -> str | None:
    """The name the subject beside the kind word gives, in place of a weak ``name``, or None."""
    text = original.strip()
    stock, weak = weak, weak or _copied(name, text) or bool(_REFUNDS_NAME.match(name))
    said = _abroad(name, text, lang, weak, stock) if lang else _english(name, text, weak)
    return said if said and said != name else None
