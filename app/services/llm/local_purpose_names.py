"""A form named for what the description says it is for (local engine, issue 20).

A franchise enquiry, a sample request, an investor enquiry or a trade emergency reads as a pricing or a
contact form to the kind cues, so it was named "Pricing Request" and asked "What do you
need a quote for?". ``purpose_name`` finds the purpose in the description's own words
(read in English, so "Demande de franchise" and "Solicitud de muestras" count too) and
``fit_free_text`` gives the quote question a neutral wording that fits any purpose.
Names are translated by ``local_foreign_words.NAMES``, the question by the phrase table.
"""

from __future__ import annotations

import re

from app.services.llm.local_service_cues import TRADE_EMERGENCY

# (pattern over the description read in English, the form's name); first match wins
PURPOSES = [
    (r"\bfranchis\w*", "Franchise Enquiry"),
    (
        r"\bsamples? (?:requests?|orders?|packs?|box(?:es)?|kits?)\b|\bfree samples?\b|"
        r"\b(?:request|order|get|ask for|try)\s+(?:a |an |some |free |our )*samples?\b|"
        r"\brequests? (?:for|of|de|di|von) (?:a |an |some |free )?samples?\b|"
        r"^(?:\w+\s+){0,3}samples?\s*[:–—-]",
        "Sample Request",
    ),
    (r"\binvestors?\b(?! updates?\b| relations? (?:news|updates))", "Investor Enquiry"),
    (r"\bpartnerships?\b", "Partnership Inquiry"),
    (TRADE_EMERGENCY, "Emergency Callback"),  # a burst pipe is no pricing request
]
# The generic kinds a purpose may be read as; a named kind (a job application asking for
# writing samples, a newsletter for investors) keeps its own name.
GENERIC_KINDS = ("pricing", "contact", "partnership")
# The engine's quote question does not fit these purposes
QUOTE_QUESTION = "What do you need a quote for?"
NEUTRAL_QUESTION = "Anything else?"


def purpose_name(kind: dict, text: str) -> str | None:
    """The form's name from the purpose the description states, or None."""
    if kind["key"] not in GENERIC_KINDS:
        return None
    for pattern, name in PURPOSES:
        if re.search(pattern, text, re.I):
            return name
    return None


def fit_free_text(fields: list[dict]) -> None:
    """The quote question becomes an optional "Anything else?" on a form that asks for
    no quote (the fields the description named say what the visitor wants)."""
    for f in fields:
        if f["label"] == QUOTE_QUESTION:
            f.update(label=NEUTRAL_QUESTION, required=False, placeholder="")
