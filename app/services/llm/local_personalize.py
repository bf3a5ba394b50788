"""Local personalisation of a sequence step (SPEC §8): one opening line built
from the facts given (the contact's name and tags, the company, the form it came
through), never from anything else, so it can say nothing untrue. Deterministic:
the same facts give the same line."""

from __future__ import annotations


def personalize_step(step: dict, facts: dict) -> dict:
    contact, company = facts.get("contact") or {}, facts.get("company") or {}
    parts = []
    if company.get("name"):
        parts.append(f"I put this together with the team at {company['name']} in mind.")
    if facts.get("form_name"):
        parts.append(f"You found us through “{facts['form_name']}”, so this follows on from it.")
    tags = [t for t in contact.get("tags") or [] if isinstance(t, str) and t][:2]
    if tags and not company.get("name"):
        parts.append(f"You told us you are interested in {' and '.join(tags)}.")
    return {"intro": " ".join(parts)}
