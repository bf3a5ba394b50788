"""The Claude engine's prompt for personalising a sequence step (SPEC §8): one
or two sentences from the facts given, nothing invented; checked before use."""

from __future__ import annotations

import json

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


def check(obj) -> dict:
    if not isinstance(obj, dict) or not isinstance(obj.get("intro"), str):
        raise ValueError("the answer must be an object with a string 'intro'")
    intro = " ".join(obj["intro"].split())
    if len(intro) > INTRO_MAX_CHARS:
        raise ValueError(f"'intro' must be at most {INTRO_MAX_CHARS} characters")
    return {"intro": intro}
