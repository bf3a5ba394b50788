"""The budget question's answers. The catalogue's ranges ("<$10K" … "$100K+") are what a
software or services buyer at a business picks; on a wedding, a kitchen or a flower order, or
written in another language (another currency), a marketer strikes them out, so the budget
asked there is typed in as an amount (the lead scorer reads an amount as well as a range).

Round 25b: a budget the marketer names without ranges ("budget", "rough budget",
"sponsorship budget") is an amount unless the description says the buyer is a business
buying at scale: B2B, enterprise, corporate, software, SaaS, a platform, seats or licences,
companies or businesses as the audience, staff, employees, teams, procurement, a work email,
a company size. A trade's own "company" or "business" ("quote form for our roofing company",
"enquiry form for our kitchen fitting business", "a moving company") is the seller, and a
company or business name asked ("youth rugby club sponsorship: business name, budget") does
not make the ranges fit: a sponsor of a club, a catering client or a removals customer types
what they mean to spend. A budget per head, gift or night is an amount per unit. The stock
budget of a B2B pricing form the description did not mention keeps the ranges, and the
marketer's own ranges always stay."""

from __future__ import annotations

import re

from app.services.llm.local_catalog import BUDGETS

_BUSINESS_BUYER = re.compile(
    r"\b(?:companies|businesses|b2b|saas|software|platforms?|seats?|licen[cs]es?|"
    r"enterprises?|corporate|teams|employees|staff|agencies|work email|procurement|vendors?|"
    r"exhibitors?|campaigns?|company size|team size)\b",
    re.I,
)
# the buyer's business asked on the draft (a company name alone is not: see the module)
_BUSINESS_FIELDS = ("company_size", "job_title")
_BUDGET_SAID = re.compile(r"\bbudget", re.I)

_PER_UNIT = re.compile(
    r"\bper\s+\w+|\b(?:a|each)\s+(?:head|person|guest|attendee|participant|night|day|hour|"
    r"month|year|seat|user|item|unit|cover|gift)\b",
    re.I,
)


def business_buyer(fields: list[dict], description: str) -> bool:
    """Whether the form's visitor buys for a business (see the module): the description says
    so outside its offered answers, or the form asks a company size, a job title or a work
    email."""
    said = re.sub(r"\([^)]*\)", " ", description)
    return bool(_BUSINESS_BUYER.search(said)) or any(
        f["name"] in _BUSINESS_FIELDS or f["label"] == "Work email" for f in fields
    )


def fit_budget(fields: list[dict], description: str, foreign: bool) -> None:
    """The default budget ranges kept for business buyers asked in English, else typed in."""
    # the buyer as the description says it, not an answer offered ("type of event (wedding,
    # corporate)" is a band's booking, not a business buying at scale)
    business = business_buyer(fields, description)
    for field in fields:
        if field["name"] != "budget" or field.get("options") != BUDGETS:
            continue  # the marketer's own answers stay
        # a budget the list names ("budjet" too: `_listed`, see local_field_order) or the text
        # says; else the B2B pricing kind's own stock question
        named = field.get("_listed") is not None or _BUDGET_SAID.search(description)
        if (business or not named) and not foreign and not _PER_UNIT.search(field["label"]):
            continue  # "budget per head" is an amount per person, not a project's range
        field["type"] = "number"  # a condition can still compare it ("at least 50000")
        field.pop("options", None)


def fit_added(fields: list[dict], field: dict, context: str) -> None:
    """A budget added by refinement ("add a budget field"): the catalogue's ranges on a
    business buyer's form (its name or description says so, or it asks a company size, a job
    title or a work email), an amount the visitor types anywhere else."""
    if field["name"] != "budget" or field.get("options") != BUDGETS:
        return
    if business_buyer(fields, context):
        return
    field["type"], field["options"] = "number", []
