"""The grounding rule for messages an agent writes (issue 20), both engines.

A message states only facts present in the submission, the contact, the
company or the form's instructions; numbers are quoted as given ("201-1000"
stays a range, never "about 600"). ``ungrounded_numbers(plan, context)``
checks every number in every outgoing message (send_email, book_meeting,
respond_direct) against the numbers in those inputs; the runner regenerates a
plan that fails once, then keeps it as a draft for a human instead of sending.
"""

from __future__ import annotations

import json
import re

MESSAGE_KEYS = {
    "send_email": ("subject", "body"),
    "book_meeting": ("subject", "body"),
    "respond_direct": ("message",),
}
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Where the facts a message may state come from.
SOURCES = (
    "submission",
    "contact",
    "company",
    "form",
    "instructions",
    "workspace",
    "ticket",
    "handler",
)


def _numbers(text: str) -> set[str]:
    found = set()
    for token in NUMBER_RE.findall(text or ""):
        plain = token.replace(",", "")
        found.add(plain)
        found.add(plain.rstrip("0").rstrip(".") if "." in plain else plain)
        found.update(re.split(r"[.,]", token))  # "1,000" given: "1" and "000" alone are not claims
    return found


# Bookkeeping, not facts: ids and timestamps would let "12" or "2026" pass as quoted.
NOT_FACTS = re.compile(
    r"^(?:id|\w+_id|created_at|updated_at|first_seen|last_seen|at|meta|is_new_contact)$"
)


def _facts(value):
    if isinstance(value, dict):
        return {k: _facts(v) for k, v in value.items() if not NOT_FACTS.match(str(k))}
    if isinstance(value, list):
        return [_facts(v) for v in value]
    return value


def allowed_numbers(context: dict) -> set[str]:
    """Every number that appears in the inputs a message may draw on."""
    facts = {key: _facts(context.get(key)) for key in SOURCES}
    return _numbers(json.dumps(facts, ensure_ascii=False, default=str))


def ungrounded_numbers(plan: dict, context: dict) -> list[dict]:
    """[{index, action, numbers}] for each outgoing message quoting numbers found in no input."""
    allowed = allowed_numbers(context)
    problems = []
    for index, item in enumerate(plan.get("actions") or []):
        keys = MESSAGE_KEYS.get(item.get("action"))
        if not keys:
            continue
        details = item.get("details") or {}
        text = " ".join(str(details.get(k) or "") for k in keys)
        invented = sorted(
            {t.replace(",", "") for t in NUMBER_RE.findall(text)} - allowed,
            key=lambda n: (len(n), n),
        )
        if invented:
            problems.append({"index": index, "action": item["action"], "numbers": invented})
    return problems


CONSENT_KEYS = re.compile(r"consent|opt_?in|newsletter|marketing|subscribe|updates", re.I)
TRUE_VALUES = (True, "true", "on", "yes", "1", 1)


def ticked_opt_in(data: dict) -> bool:
    """A ticked opt-in box in a submission (a consent / newsletter / marketing checkbox)."""
    return any(CONSENT_KEYS.search(str(k)) and v in TRUE_VALUES for k, v in (data or {}).items())


def feedback(problems: list[dict]) -> str:
    """The correction the engine gets when it is asked to write the plan again."""
    numbers = sorted({n for p in problems for n in p["numbers"]})
    return (
        f"Your previous plan quoted numbers that appear nowhere in the submission, contact, company "
        f"or instructions: {', '.join(numbers)}. Write it again stating only facts from those inputs; "
        f"quote numbers exactly as given (a range stays a range) or leave them out."
    )
