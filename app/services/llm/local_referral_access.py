"""Two requests the kind cues misread (issue 20, round 15b).

A partner referring a client ("refer a client", "client referral") was a "Pricing Request"
or a "Partnership Inquiry" asking the referrer's Website and "How can we help?"; it is a
sales lead named "Client Referral" that asks what the marketer listed. Researchers asking
for access to data, a dataset, an archive or a collection were a support ticket or a
pricing request; the request goes to the person who grants access (direct_route) and is
named for itself ("Data Access Request"). ``text`` is the description read in English.
"""

from __future__ import annotations

import re

from app.services.llm.local_kinds_base import SALES_ACTIONS, kind

_WHO = r"(?:clients?|customers?|patients?)"
REFERRAL = re.compile(
    rf"\b(?:refer|recommend|introduce)(?:ring)? (?:us )?(?:a|an|your|one of your) (?:new )?{_WHO}\b|"
    rf"\b{_WHO} referrals?\b|\breferr?als? of (?:a |an |new )?{_WHO}\b|"
    # es/fr/de/pt, where glossing left the verb: "empfehlen Sie uns einen Kunden"
    r"\b(?:empfehlen|recomi[ée]nd\w*|recommande\w*|indique\w*|indicar) (?:sie |nos |-?nous )?"
    r"(?:uns )?(?:einen |eine |un |une |um |uma )?(?:neuen |nuevo |nouveau |novo )?"
    r"(?:customers?|clients?|clientes?|kunden)\b|\bkundenempfehlung\w*|\bindica[çc][ãa]o de clientes?\b|"
    # the partner who refers is named, not the client: "partner referral form", "introducer
    # referral", "referral form for brokers"
    r"\b(?:partner|introducer|agency|broker|professional|adviser|advisor|practitioner)s? referrals?\b|"
    r"\breferral (?:forms? )?(?:for|from) (?:our |nos |nuestros |nossos )?(?:partners?|partenaires|socios|"
    r"parceiros|brokers?|introducers?|agenc\w+|advis\w+|professionals?|practitioners?)\b"
)
# Someone in need referred to a service by a professional: routed to a person, not sold to
NEED_REFERRAL = re.compile(
    r"\breferr(?:ing|als? of|al for) (?:a |an )?(?P<who>famil(?:y|ies)|child(?:ren)?|young (?:people|person)|"
    r"people|person|tenants?|residents?|households?|pupils?|students?)\b"
)
_HELD = r"data|datasets?|data ?sets?|databases?|archives?|collections?|records|research data"
ACCESS = re.compile(
    rf"\b(?:{_HELD}) access(?: requests?| applications?| forms?)?\b|"
    rf"\b(?:request|requesting|apply(?:ing)? for|ask(?:ing)? for|applications? for|requests? for)"
    rf" access to (?:our |the |a |an |your )?(?:[\w-]+ ){{0,2}}?(?:{_HELD})\b|"
    rf"\baccess to (?:our |the )?(?:[\w-]+ )?(?:{_HELD}) for (?:research|researchers|study|studies)\b|"
    r"\bacceso (?:a|al) (?:los )?(?:datos|archivo|colecci\w+)|\bacc[èe]s aux? (?:donn[ée]es|archives?|"
    r"collections?)|\bacesso (?:a|aos|ao) (?:dados|arquivo|acervo)|\bdatenzugang\w*|"
    r"\bzugang zu (?:unseren |den )?(?:daten|archiv\w*)|"
    # researchers using the holdings in their work: "use our museum's records in their research"
    rf"\buse (?:our |the )?(?:[\w'’-]+ ){{0,2}}?(?:{_HELD}) (?:in|for) (?:their |your |a )?research\b"
)
# Data or figures asked for by a researcher, a journalist or an auditor: a person answers
DATA_REQUEST = re.compile(
    r"\bdata requests?\b|\brequest(?:s|ing)? (?:for |of )?(?:our |the |some )?(?:data|datasets?|statistics|"
    r"figures)\b|\brequest de datos\b|\bsolicitud de datos\b|\bdemande de donn[ée]es\b|\bdatenanfrage\w*|"
    r"\bpedido de dados\b"
)
INFORMATION_REQUEST = re.compile(
    r"\b(?:auditors?|journalists?|researchers?|regulators?|inspectors?)(?:'s?|s')? (?:information|documents?|"
    r"records) requests?\b|\b(?:information|document) requests? (?:from|for) (?:auditors?|journalists?|"
    r"researchers?|regulators?|inspectors?)\b"
)
# One's own personal data asked for (a subject access request) is a privacy case for support
OWN_DATA = re.compile(
    r"\bpersonal data\b|\bgdpr\b|\bdsgvo\b|\brgpd\b|\blgpd\b|\bsubject access\b|\babout you\b|"
    r"\b(?:we|you) hold\b|\byour (?:own )?data\b|\baccounts?\b|\bprivacy\b|datenauskunft|"
    r"\bdatos personales\b|\bdonn[ée]es personnelles\b|\bdados pessoais\b"
)
# Kinds a referral or an access request may have been read as (never a job or an event)
READ_AS = ("contact", "pricing", "partnership", "support", "intake", "internal", "demo")
# a request for data or figures, or a partners' referral form, was also read as a survey
READ_AS_REQUEST = (*READ_AS, "feedback")

REFERRAL_KIND = kind(
    "referral",
    "Client Referral",
    "sales",
    "sales_lead",
    "draft",
    SALES_ACTIONS,
    [],
    ["name", "email"],
    ["name", "email"],
    "receive client referrals from partners and brief the sales team",
    "Thanks for the referral! Our team will get in touch with them shortly.",
)
ACCESS_KIND = kind(
    "access",
    "Data Access Request",
    "general",
    "direct_route",
    "draft",
    ["respond_direct", "send_email", "escalate"],
    [],
    ["name", "email"],
    ["name", "email"],
    "receive requests for access and pass them to the person who grants it",
    "Thanks for your request! We'll review it and get back to you.",
)


NEED_REFERRAL_KIND = {
    **ACCESS_KIND,
    "key": "need_referral",
    "name": "Referral",
    "goal": "receive referrals from professionals and pass them to the person who takes them on",
    "thanks": "Thanks for the referral! Our team will review it and be in touch.",
}


def referral_or_access(kind_: dict, text: str) -> tuple[dict, str] | None:
    """(kind, name) for a client referral or an access request, else None."""
    if kind_["key"] not in READ_AS_REQUEST:
        return None
    need = NEED_REFERRAL.search(text)
    if need and kind_["key"] != "support":
        family = need.group("who").startswith("famil")
        return NEED_REFERRAL_KIND, "Family Referral" if family else "Referral"
    if REFERRAL.search(text):
        return REFERRAL_KIND, "Patient Referral" if "patient" in text else "Client Referral"
    if OWN_DATA.search(text):
        return None
    held = ACCESS.search(text)
    if held and kind_["key"] in READ_AS:
        archive = re.search(r"archiv|collec|records|arquivo|acervo", held.group(0))
        return ACCESS_KIND, "Archive Access Request" if archive else "Data Access Request"
    if INFORMATION_REQUEST.search(text) and kind_["key"] != "support":
        return ACCESS_KIND, "Information Request"
    if DATA_REQUEST.search(text) and kind_["key"] != "support":
        return ACCESS_KIND, "Data Request"
    return None
