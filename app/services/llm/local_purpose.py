"""What the form is for, and whether a message serves that purpose (issue 20).

The same message is a good lead on one form and noise on another: a reseller
offering to take the product to their clients is what a partner-program form
is for, but on a demo form it is a partnership to route, not a purchase; a
company offering its goods is what a "become a supplier" form asks for, and a
vendor pitch everywhere else. ``form_purpose`` reads the form's name,
description and field labels: "partner", "supplier" or "buyer" (every other
sales form). ``partner_offer`` / ``supplier_offer`` read the message's role.
"""

from __future__ import annotations

import re

PARTNER_FORM = re.compile(
    r"\bpartner\w*|\bresell\w*|\baffiliate\w*|\bchannel\b|\bdistribut\w+|\bwhite[- ]?label|"
    r"\breferral (?:program|scheme)|\bintegration (?:partner|request)|\bagency program",
    re.I,
)
SUPPLIER_FORM = re.compile(
    r"\bsuppliers?\b|\bvendor (?:registration|application|onboarding|enquir\w+|inquir\w+)|"
    r"\bbecome (?:a|an|our) (?:supplier|vendor|stockist|maker)\b|\bsell (?:to|through) us\b|"
    r"\bprocurement portal\b|\bpitch (?:us|your product)\b",
    re.I,
)
# Taking our product to their customers: the words a partner uses on any form.
PARTNER_WORDS = re.compile(
    r"\bresell\w*|\breseller\w*|\bdistribut(?:e|es|ing|or|ors|ion)\b|\bwhite[- ]?label\w*|"
    r"\bco-?(?:market|sell)\w*|\baffiliate\b|\b(?:become|becoming) (?:a |an |your )?(?:\w+ )?partner\b|"
    r"\bpartner (?:program|programme|terms|margins?|discount|tier)s?\b|\brevenue[- ]share\b|"
    r"\bcommission\b|\bchannel partner\b",
    re.I,
)
# ... and how they say it without those words: our product, to their clients.
PARTNER_MOVES = re.compile(
    r"\b(?:offer|sell|add|bring|introduce|recommend|refer|bundle|include|package)\w* (?:your|you)\b"
    r"[^.?!]{0,50}?\b(?:to|into|for|in|with) (?:our|my|their|them|the \d)|"
    r"\bbundl\w+ your\b|\bintegrat\w+ (?:with|into) your\b|\b(?:build|building) (?:one|an? \w+|it) "
    r"with your (?:api|platform|product)\b|\blist(?:ed)? (?:you|your \w+) (?:in|on) our\b",
    re.I,
)
# Selling a service to us: never a partner, whatever they call it.
PAID_SERVICE = re.compile(
    r"\brates? from\b|\bper hour\b|/\s?h(?:ou)?r\b|\bour fee\b|\bfor a fee\b|\bguarantee\w*|"
    r"\bqualified (?:b2b )?leads\b|\bleads a month\b|\bseo\b|\bbacklinks?\b|\brankings?\b|"
    r"\boffshore\b|\boutsourc\w+|\bdevelopers? at\b|\badvertis\w+",
    re.I,
)
# Goods or a service offered to us, as a supplier would on a supplier form.
SUPPLIER_MOVES = re.compile(
    r"\b(?:we|i) (?:supply|produce|make|roast|grow|manufacture|source|stock|deliver|provide)\b|"
    r"\b(?:could|can|would) (?:supply|deliver|offer|provide)\b|\bsamples?\b|\bcatalog(?:ue)?\b|"
    r"\bwholesale price\b|\bprice list\b",
    re.I,
)


def form_purpose(form: dict | None) -> str:
    form = form or {}
    words = " ".join(
        [str(form.get("name") or ""), str(form.get("description") or "")]
        + [str(f.get("label") or "") for f in form.get("fields") or [] if isinstance(f, dict)]
    )
    if SUPPLIER_FORM.search(words):
        return "supplier"
    if PARTNER_FORM.search(words):
        return "partner"
    return "buyer"


def partner_offer(text: str, *, broad: bool) -> str | None:
    """The words that make the message a partnership offer (``broad``: also the moves)."""
    if PAID_SERVICE.search(text):
        return None
    match = PARTNER_WORDS.search(text) or (PARTNER_MOVES.search(text) if broad else None)
    return match.group(0) if match else None


def supplier_offer(text: str) -> str | None:
    if PAID_SERVICE.search(text):
        return None
    match = SUPPLIER_MOVES.search(text)
    return match.group(0) if match else None
