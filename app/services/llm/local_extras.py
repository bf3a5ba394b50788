"""Logic, steps and languages in a described form (SPEC §17, issue 16).

``read_extras(description)`` takes out what the field reader must not see as
fields ("in two steps", "add a Spanish version", "only for business customers")
and returns it; ``apply_extras(config, extras)`` adds the ``show_if`` rules, the
steps and the translations to the generated draft and returns notes for the
marketer (a rule that could not be read, texts left untranslated). Refinement
reuses the same pieces (``local_refine``), and ``sync`` keeps steps, rules and
translations in agreement with the fields after any change.
"""

from __future__ import annotations

from app.services.llm import local_show_if, local_steps, local_translate
from app.services.llm.local_condition_items import condition_then_asked, reach_everyone
from app.services.llm.local_field_order import conditions_follow
from app.services.llm.local_fields import RefineError
from app.services.llm.local_follow_ups import named_follow_ups, said_inline


def read_extras(description: str, foreign: bool = False) -> tuple[str, dict]:
    locales = local_translate.languages_asked(description)
    steps = local_steps.steps_asked(description)
    text = local_translate.strip_mentions(description) if locales else description
    text = local_steps.strip_mentions(text) if steps and steps > 1 else text
    text = local_steps.plain_order(text) if steps and steps > 1 else text
    text = local_steps.contact_details(text)
    text = condition_then_asked(text)  # "if exchange what size": the condition, then its ask
    said = text
    text, follow_ups = said_inline(text, foreign)  # "are you bringing children? if so how many"
    text, rules = local_show_if.find_rules(text)
    # what the form is for is read in the marketer's words: the "(yes/no)" written in for the
    # rule reader is no yes/no item of theirs (which would read as a contact question)
    told = local_show_if.find_rules(said)[0] if follow_ups else text
    extras = {"locales": locales, "steps": steps, "rules": rules, "follow_ups": follow_ups}
    extras["told"] = told.strip() or description
    return (text.strip() or description), extras


def apply_extras(config: dict, extras: dict) -> list[str]:
    notes = []
    fields = config["fields"]
    for target, cond in extras.get("rules") or []:
        try:
            note = local_show_if.apply_rule(fields, target, cond, create=True)
        except RefineError as exc:
            notes.append(f"Not applied: “{target} … {cond}”: {exc}.")
            continue
        if note:
            notes.append(note)
    reach_everyone(fields)  # "parent's email if under 18", the form's only email: its help
    conditions_follow(fields)  # "ask for X if Y": X right after Y (local_field_order)
    named_follow_ups(
        fields, extras.get("follow_ups") or []
    )  # "How many?" after "Are you bringing children?": of children
    if (extras.get("steps") or 0) > 1:
        local_steps.make_steps(config, extras["steps"])
    return notes + sync(config, extras.get("locales") or [])


def sync(config: dict, add_locales: list | None = None) -> list[str]:
    """Steps, rules and translations follow the fields: a rule naming a removed or later
    field is dropped, each field sits in one step, every locale covers every field."""
    notes = []
    names = [f["name"] for f in config.get("fields") or []]
    for i, field in enumerate(config.get("fields") or []):
        rule = field.get("show_if")
        if not isinstance(rule, dict):
            continue
        key = "all" if "all" in rule else "any"
        earlier = set(names[:i])
        kept = [c for c in rule.get(key) or [] if isinstance(c, dict) and c.get("field") in earlier]
        if len(kept) != len(rule.get(key) or []):
            notes.append(
                f"“{field['label']}” is now always shown: its rule named a field that is gone or after it."
            )
        if kept:
            field["show_if"] = {key: kept}
        else:
            field.pop("show_if", None)
    if config.get("steps"):
        local_steps.follow_steps(config)
    current = config.get("translations") if isinstance(config.get("translations"), dict) else {}
    locales = [*current, *(code for code in add_locales or [] if code not in current)]
    if locales:
        translations, untranslated = local_translate.translate(
            config, locales, keep=_pruned(config, current)
        )
        config["translations"] = translations
        notes += untranslated
    return notes


_TEXTS = ("label", "placeholder", "help", "options")


def forget_changed_texts(before: dict, after: dict) -> None:
    """Drop the translations of what a refinement reworded (a label, the options, the
    thank-you message), so ``sync`` translates the new text instead of keeping the old."""
    translations = after.get("translations")
    if not isinstance(translations, dict) or not translations:
        return
    old = {f["name"]: f for f in before.get("fields") or []}
    changed = {
        f["name"]
        for f in after.get("fields") or []
        if f["name"] in old and any(f.get(k) != old[f["name"]].get(k) for k in _TEXTS)
    }
    thanks_changed = (before.get("response") or {}).get("thank_you_message") != (
        after.get("response") or {}
    ).get("thank_you_message")
    for entry in translations.values():
        if not isinstance(entry, dict):
            continue
        for name in changed:
            (entry.get("fields") or {}).pop(name, None)
        if thanks_changed:
            entry.pop("thank_you_message", None)


def _pruned(config: dict, current: dict) -> dict:
    """The existing translations without removed fields or stale step titles (re-derived)."""
    names = {f["name"] for f in config.get("fields") or []}
    return {
        locale: {
            **entry,
            "fields": {n: v for n, v in (entry.get("fields") or {}).items() if n in names},
            "step_titles": [],
        }
        for locale, entry in current.items()
        if isinstance(entry, dict)
    }
