"""A condition that names what the form already asks (SPEC §17 ``show_if``, issue 20).

"first time? If first time, ask about injuries" hangs the injuries on the form's own "Is this
your first time?" (``yes_no_asked``), "if they switched" on the answer "Switched" an earlier
question offers (``answer_named``), so ``local_show_if`` never adds a question to hang a rule
on when the form has one.
"""

from __future__ import annotations

import re

from app.services.llm.local_show_if_items import names_an_option


def earlier(fields: list, target) -> list:
    """The fields before the rule's target (all of them when the target is not placed yet)."""
    return fields[: fields.index(target)] if target in fields else fields


def yes_no_asked(fields: list, cond: str, target) -> dict | None:
    """A "Yes" of the one earlier yes/no question whose words are the condition's ("first
    time" of "Is this your first time?")."""
    words = re.sub(
        r"^(?:they(?:'re| are)|it(?:'s| is)|this is|you(?:'re| are))\s+", "", cond, flags=re.I
    )
    words = re.findall(r"[\w']+", words.lower())
    before = earlier(fields, target)
    hits = [
        f
        for f in before
        if f.get("options") == ["Yes", "No"]
        and words
        and re.search(rf"\b{re.escape(' '.join(words))}\b", f["label"].lower().replace("-", " "))
    ]
    return {"field": hits[0]["name"], "op": "equals", "value": "Yes"} if len(hits) == 1 else None


def answer_named(fields: list, cond: str, target) -> dict | None:
    """The one earlier answer a "they …" / "it …" condition names by a word of it."""
    if not re.match(r"^(?:they|it|you|he|she|we)\s+\w", cond, re.I):
        return None
    before = earlier(fields, target)
    hits = [
        (f, o)
        for f in before
        if f.get("type") in ("select", "multiselect")
        for o in f.get("options") or []
        if names_an_option(cond, set(re.findall(r"[a-z][a-z'-]+", o.lower())))
    ]
    if len(hits) != 1:
        return None
    field, option = hits[0]
    return {"field": field["name"], "op": "equals", "value": option}
