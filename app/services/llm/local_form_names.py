"""The draft's name: what the description says the form is for (local engine, issue 20).

One table, ``NAMES``: (the kinds a row applies to, a pattern over the description read in
English and lower-cased, the name). The first row that fits the kind and matches wins; a
row named ``None`` keeps the kind's own name ("enterprise pricing" is a "Pricing Request").

The purposes come first: a franchise enquiry, a sample request, an investor enquiry or a
trade emergency reads as a pricing or a contact form to the kind cues, so it was named
"Pricing Request" and asked "What do you need a quote for?". Read in English, "Demande de
franchise" and "Solicitud de muestras" count too; names are translated by
``local_foreign_words.NAMES``. A form named for a purpose that asks no quote gets the quote
question in a neutral wording (``fit_free_text``).
"""

from __future__ import annotations

import re

from app.services.llm.local_service_cues import TRADE_EMERGENCY

# The generic kinds a purpose may be read as; a named kind (a job application asking for
# writing samples, a newsletter for investors) keeps its own name.
GENERIC = ("pricing", "contact", "partnership")

NAMES = [
    # ---- purposes the generic kinds are read as ----
    (GENERIC, r"\bfranchis\w*", "Franchise Enquiry"),
    (
        GENERIC,
        r"\bsamples? (?:requests?|orders?|packs?|box(?:es)?|kits?)\b|\bfree samples?\b|"
        r"\b(?:request|order|get|ask for|try)\s+(?:a |an |some |free |our )*samples?\b|"
        r"\brequests? (?:for|of|de|di|von) (?:a |an |some |free )?samples?\b|"
        r"^(?:\w+\s+){0,3}samples?\s*[:–—-]",
        "Sample Request",
    ),
    (GENERIC, r"\binvestors?\b(?! updates?\b| relations? (?:news|updates))", "Investor Enquiry"),
    (GENERIC, r"\bpartnerships?\b", "Partnership Inquiry"),
    (GENERIC, TRADE_EMERGENCY, "Emergency Callback"),  # a burst pipe is no pricing request
    # ---- the kinds' own variants ----
    ("pricing", r"\bpricing\b|\benterprise\b", None),
    ("pricing", r"\bvaluations?\b|\bvalue (?:my|your|their)\b", "Valuation Request"),
    ("pricing", r"\bwholesale\b|\bdistributors?\b|\bstockists?\b", "Wholesale Enquiry"),
    ("pricing", r"\brfqs?\b|\bquot\w+|\bestimates?\b", "Quote Request"),
    ("pricing", r"\bjobs?\b", "Quote Request"),  # "describe the job": the trade quotes for it
    ("pricing", r"\bsponsor\w*", "Sponsorship Enquiry"),
    ("order", r"\bpre-?orders?\b|\bvorbestell\w*|\bpr[ée]-?commande\w*", "Pre-order Form"),
    ("order", r"\btickets?\b|\bbillets?\b|\bentradas\b|\bbilhetes\b", "Ticket Order"),
    ("order", r"\bgift (?:cards?|vouchers?|certificates?)\b|\bgutschein\w*", "Gift Card Order"),
    ("booking", r"\breserv\w+|\btable\b", "Reservation Request"),
    ("booking", r"\bappointments?\b|\bclinic\b", "Appointment Request"),
    ("booking", r"\bconsultations?\b|\bmeetings?\b|\bcalls?\b", "Meeting Request"),
    ("job_application", r"\bvolunteer\w*", "Volunteer Application"),
    ("job_application", r"\bcall for papers\b|\bspeakers?\b|\btalks?\b", "Call for Speakers"),
    ("job_application", r"\bscholarships?\b|\bbursar(?:y|ies)\b", "Scholarship Application"),
    ("job_application", r"\bgrants?\b|\bfunding\b", "Grant Application"),
    ("job_application", r"\bnominat\w+", "Nomination"),
    (
        "job_application",
        r"\b(?:session|talk|workshop|paper|panel|poster)s? proposals?\b",
        "Call for Proposals",
    ),
    (
        "job_application",
        r"^(?!.*\b(?:jobs?|careers?|cvs?|resumes?|hiring|positions?|roles?|vacanc\w+|intern\w*|apprentice\w*|"
        r"barista|staff|candidates?|applicants?)\b)",
        "Application",
    ),
    # ---- requests named for what they ask (stop 14) ----
    (
        "demo",
        r"\bfree trials?\b|\btrial (?:sign ?-?ups?|accounts?|requests?|registrations?)\b|"
        r"\bstart (?:a|your) (?:free )?trial\b",
        "Free Trial Signup",
    ),
    (GENERIC, r"\bbrochures?\b", "Brochure Request"),
    (GENERIC, r"\bcatalog(?:ue)?s?\b", "Catalogue Request"),
    (GENERIC, r"\bprospectus\b(?!.*\bsponsor)", "Prospectus Request"),
    (GENERIC, r"\binfo(?:rmation)? packs?\b", "Information Pack Request"),
    (
        GENERIC + ("support",),
        r"\bmembership renewals?\b|\brenew (?:your|my|a|the) membership\b",
        "Membership Renewal",
    ),
    (
        GENERIC + ("support",),
        r"\bsubscription renewals?\b|\brenew (?:your|my|a|the) (?:\w+ )?subscriptions?\b",
        "Subscription Renewal",
    ),
    (
        GENERIC,
        r"\brefer (?:a|your) friends?\b|\breferral (?:program(?:me)?|scheme)s?\b",
        "Refer a Friend",
    ),
    ("feedback", r"\btestimonials?\b", "Testimonial Request"),
    (GENERIC + ("support",), r"\b(?:replacement|spare) parts?\b", "Replacement Part Request"),
    (
        ("support", "feedback", "contact"),
        r"\bunsubscri\w+|\bopt[- ]?outs?\b|\bemail preferences\b",
        "Unsubscribe Request",
    ),
    ("feedback", r"\bpolls?\b|\bvot(?:e|es|ing)\b", "Poll"),
    ("support", r"\bcomplain\w*|\bcomplaints?\b", "Complaint"),
    ("support", r"\bbugs?\b", "Bug Report"),
    ("support", r"\bwarrant(?:y|ies)\b", "Warranty Claim"),
    ("support", r"(?<!tax )\breturns?\b", "Return Request"),
]
# Forms whose purpose asks for no quote: the engine's quote question is reworded
ASKS_NO_QUOTE = frozenset(
    {
        "Franchise Enquiry",
        "Sample Request",
        "Investor Enquiry",
        "Partnership Inquiry",
        "Emergency Callback",
        "Brochure Request",
        "Catalogue Request",
        "Prospectus Request",
        "Information Pack Request",
        "Membership Renewal",
        "Subscription Renewal",
        "Refer a Friend",
    }
)
QUOTE_QUESTION = "What do you need a quote for?"
NEUTRAL_QUESTION = "Anything else?"


def form_name(kind: dict, text: str) -> str:
    """The draft's name for ``text`` (the description read in English, lower-cased)."""
    for kinds, pattern, name in NAMES:
        if kind["key"] in (kinds if isinstance(kinds, tuple) else (kinds,)) and re.search(
            pattern, text, re.I
        ):
            return name or kind["name"]
    return kind["name"]


def fit_free_text(fields: list[dict]) -> None:
    """The quote question becomes an optional "Anything else?" on a form that asks for
    no quote (the fields the description named say what the visitor wants)."""
    for f in fields:
        if f["label"] == QUOTE_QUESTION:
            f.update(label=NEUTRAL_QUESTION, required=False, placeholder="")
