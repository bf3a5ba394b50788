"""The budget question's answers. The catalogue's ranges ("<$10K" … "$100K+") are what a
software or services buyer picks; on a wedding, a kitchen or a flower order, or written in
another language (another currency), a marketer strikes them out, so the budget asked there
is typed in as an amount (the lead scorer reads an amount as well as a range)."""

from __future__ import annotations

import re

from app.services.llm.local_catalog import BUDGETS

_BUSINESS_BUYER = re.compile(
    r"\b(?:compan(?:y|ies)|business(?:es)?|b2b|saas|software|platform|seats?|licen[cs]es?|"
    r"enterprises?|teams?|employees|staff|agenc(?:y|ies)|work email|procurement|vendors?|"
    r"clients?|sponsor\w*|exhibitors?|marketing|campaigns?)\b",
    re.I,
)

_BUSINESS_FIELDS = ("company", "company_size", "work_email", "job_title")


_PER_UNIT = re.compile(
    r"\b(?:per|a|each)\s+(?:head|person|guest|attendee|participant|night|day|hour|month|year|"
    r"seat|user|item|unit|cover)\b",
    re.I,
)


def fit_budget(fields: list[dict], description: str, foreign: bool) -> None:
    """The default budget ranges kept for business buyers asked in English, else typed in."""
    business = _BUSINESS_BUYER.search(description) or any(
        f["name"] in _BUSINESS_FIELDS for f in fields
    )
    for field in fields:
        if field["name"] != "budget" or field.get("options") != BUDGETS:
            continue  # the marketer's own answers stay
        if business and not foreign and not _PER_UNIT.search(field["label"]):
            continue  # "budget per head" is an amount per person, not a project's range
        field["type"] = "number"  # a condition can still compare it ("at least 50000")
        field.pop("options", None)
