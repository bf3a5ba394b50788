"""Refinements for logic, steps and languages (SPEC §17): "add a Spanish version",
"remove the French version", "split it into two steps", "put everything on one page",
"show the company size only when customer type is Business", "if they pick Other,
ask them to specify", "always show the phone field".

``apply(draft, clause, notes)`` returns True when the clause was one of these
(and applied), False to let the field handlers of ``local_refine`` try it.
"""

from __future__ import annotations

import re

from app.services.llm import local_refine_condition_target as condition_target
from app.services.llm import local_show_if, local_steps, local_translate
from app.services.llm.local_extras import sync
from app.services.llm.local_fields import RefineError, find_field

_LEFT_OVER = re.compile(
    r"^(?:please\s+|also\s+|now\s+)*(?:(?:we|i)\b\s*(?:also\s+)?(?:need|want|would like|'d like)?\s*)?"
    r"(?:(?:split|break|divide|make|turn|put|lay out|present|have|"
    r"translate|add|create|offer|provide|include|need|want)\s*(?:it|up|the form|this form|this|everything)?\s*"
    r"(?:up\s+)?(?:in|into|as|on|over|across|available)?\s*(?:an?\s+)?(?:form)?)?\s*$",
    re.I,
)
_REMOVE_LANGUAGE = re.compile(
    r"^(?:remove|delete|drop|get rid of)\s+(?:the\s+)?(?P<what>.+?)\s+(?:version|translation)s?$",
    re.I,
)
_NO_STEPS = re.compile(
    r"^(?:remove|delete|drop|get rid of)\s+(?:the\s+|all\s+(?:the\s+)?)?steps$|"
    r"^(?:put|show|make)\s+(?:it|everything|all(?: the)? fields|the form)\s+(?:on|in)\s+(?:one|a single)\s+(?:page|step)$|"
    r"^(?:make it\s+)?(?:a\s+)?(?:single|one)[- ](?:page|step)(?: form)?$",
    re.I,
)
# "always show the phone", "remove the rule on budget", "make company size always visible"
_ALWAYS = re.compile(
    r"^(?:always\s+show\s+(?:the\s+)?(?P<a>.+?)|remove\s+the\s+(?:condition|rule|logic)\s+"
    r"(?:on|from|for)\s+(?:the\s+)?(?P<b>.+?)|make\s+(?:the\s+)?(?P<c>.+?)\s+"
    r"(?:always\s+visible|unconditional))(?:\s+field)?$",
    re.I,
)


_SETS_TEXT = re.compile(
    r"^(?:set|change|update)\s+the\s+(?:help text|hint|placeholder|description)\s+(?:of|for|on)\s+",
    re.I,
)


def apply(draft: dict, clause: str, notes: list) -> bool:
    """Apply the clause if it is about languages, steps or rules (RefineError when it is
    but cannot be done); False when it is about something else."""
    text = clause.strip().rstrip(".!")
    removed = _REMOVE_LANGUAGE.match(text)
    if removed and local_translate.languages_asked("in " + removed["what"]):
        for code in local_translate.languages_asked("in " + removed["what"]):
            (draft.get("translations") or {}).pop(code, None)
        return True
    locales = local_translate.languages_asked(text)
    if locales and _LEFT_OVER.match(local_translate.strip_mentions(text)):
        notes += sync(draft, locales)
        return True
    if _NO_STEPS.match(text):
        draft["steps"] = []
        return True
    n = local_steps.steps_asked(text)
    if n and _LEFT_OVER.match(local_steps.strip_mentions(text)):
        local_steps.make_steps(draft, n)
        return True
    always = _ALWAYS.match(text)
    if always:
        target = always["a"] or always["b"] or always["c"]
        find_field(draft["fields"], target).pop("show_if", None)
        return True
    if _SETS_TEXT.match(text):  # "… help text of Phone to only if you have one": words, no rule
        return False
    _, rules = local_show_if.find_rules(local_show_if.plainly(text))
    if not rules:
        return False
    before = {f["name"] for f in draft["fields"]}
    for target, cond in rules:
        note = local_show_if.apply_rule(draft["fields"], target, cond, create=True)
        if note:
            notes.append(note)
    added = condition_target.library_added(before, draft["fields"], text)
    if added is not None:  # "the new size" is never the library's "Company size"
        raise RefineError(f"No field of this form is “{target}”; say which question to show")
    return True
