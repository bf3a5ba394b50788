"""The Claude engine's prompt for personalising a sequence step (SPEC §8): one
or two sentences from the facts given, nothing invented; checked before use."""

from __future__ import annotations

import json
import re

INTRO_MAX_CHARS = 400
TOOL = {
    "name": "submit_intro",
    "description": "Submit the personal opening for this email.",
    "input_schema": {
        "type": "object",
        "properties": {"intro": {"type": "string", "maxLength": INTRO_MAX_CHARS}},
        "required": ["intro"],
    },
}
SYSTEM = """You personalise one email of a marketing sequence. Write ONE or TWO short sentences
that open the email for this recipient, using ONLY the facts given (the contact, the company, the
form they came through). Never invent a fact, a number, a name or a claim; if the facts say little,
write less (an empty intro is fine). No greeting line (the email has one) and no sign-off.
Answer by calling `submit_intro` once."""


def user_message(step: dict, facts: dict) -> str:
    return (
        "The email (subject and body, placeholders not yet filled):\n"
        + json.dumps(step, ensure_ascii=False, indent=1)
        + "\n\nFacts about the recipient (JSON):\n"
        + json.dumps(facts, ensure_ascii=False, indent=1)
    )


def check(obj, facts: dict | None = None) -> dict:
    if not isinstance(obj, dict) or not isinstance(obj.get("intro"), str):
        raise ValueError("the answer must be an object with a string 'intro'")
    intro = " ".join(obj["intro"].split())
    if len(intro) > INTRO_MAX_CHARS:
        raise ValueError(f"'intro' must be at most {INTRO_MAX_CHARS} characters")
    if facts is not None:  # the grounding rule (issue 20): no number the facts do not hold
        invented = invented_numbers(intro, facts)
        if invented:
            raise ValueError(
                f"the intro quotes numbers that are not in the facts ({', '.join(invented)}); "
                "use only the facts given"
            )
    return {"intro": intro}


def invented_numbers(text: str, facts: dict) -> list[str]:
    given = set(re.findall(r"\d+", json.dumps(facts, ensure_ascii=False, default=str)))
    return sorted({n for n in re.findall(r"\d+", text)} - given)
