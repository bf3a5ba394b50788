"""The visitor's language (SPEC §17 "Languages"): which of a form's translations a
visitor gets (babel's negotiation of ``?lang=``, ``Accept-Language`` or
``navigator.language`` against the form's locales), the public schema in it, and the
way back: translated options mapped to the canonical ones a submission stores.

A translated schema shows and sends the translated options (and its show_if rules
compare with them); the submission names its locale in ``_lang`` so they are mapped
back before validation, and its messages come in that language (messages.py).
"""

from __future__ import annotations

from functools import lru_cache

from babel.core import negotiate_locale

from app.services.forms.messages import DEFAULT as DEFAULT_MESSAGES
from app.services.forms.messages import language_name, message_locale, ui_words
from app.services.forms.translations import BASE_LOCALE


def negotiate(preferred: list[str], translations: dict) -> str:
    """The form's locale for what the visitor prefers (best first): one of its
    translations, else the base language."""
    available = [BASE_LOCALE, *translations]
    wanted = [p.strip().replace("-", "_") for p in preferred if isinstance(p, str) and p.strip()]
    found = negotiate_locale(wanted, [a.replace("-", "_") for a in available], sep="_")
    if found:
        return found.replace("_", "-")
    for want in wanted:  # "pt" asked, only "pt-BR" offered: the same language will do
        for tag in available:
            if tag.split("-")[0].lower() == want.split("_")[0].lower():
                return tag
    return BASE_LOCALE


@lru_cache(maxsize=1024)
def pick_locale(lang: str, locales: tuple) -> str:
    """``negotiate`` for one requested tag, remembered (embed.js asks on every view)."""
    return negotiate([lang[:35]], dict.fromkeys(locales))


def for_visitor(form: dict, body: dict) -> tuple[list, dict, str]:
    """What a submission is validated with: the fields with the texts the visitor saw
    (their labels name a required field), the body with translated options mapped to
    the canonical ones, and the locale of the messages. ``_lang`` in the body is the
    locale the schema or the hosted page said; without it everything is as stored."""
    lang = body.get("_lang")
    if not isinstance(lang, str) or not lang:
        return form["fields"], body, DEFAULT_MESSAGES
    translations = form.get("translations") or {}
    locale = pick_locale(lang, tuple(translations)) if translations else BASE_LOCALE
    t = translations.get(locale)
    if not t:
        return form["fields"], body, message_locale(locale)
    texts = t.get("fields", {})
    fields = [
        {**f, "label": texts[f["name"]].get("label") or f["label"]} if f["name"] in texts else f
        for f in form["fields"]
    ]
    return (
        fields,
        canonical_body(form["fields"], translations, {**body, "_lang": locale}),
        (message_locale(locale)),
    )


def thank_you_message(form: dict, body: dict | None) -> str:
    """The thank-you message in the submission's ``_lang`` (the base one without it)."""
    lang = body.get("_lang") if body else None
    translations = form.get("translations")
    if isinstance(lang, str) and lang and translations:
        t = translations.get(pick_locale(lang, tuple(translations)))
        if t and t.get("thank_you_message"):
            return t["thank_you_message"]
    return form["response"]["thank_you_message"]


def accept_language(header: str | None) -> list[str]:
    """The Accept-Language header's languages, best first (q=0 left out)."""
    ranked = []
    for i, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag and tag != "*" and q > 0:
            ranked.append((-q, i, tag))
    return [tag for _, _, tag in sorted(ranked)]


def _rule_values(rule, shown_by_field: dict):
    """A show_if rule with the values of translated choice fields translated too, so
    the translated schema is consistent in itself (embed.js compares what it shows)."""
    if isinstance(rule, list):
        return [_rule_values(r, shown_by_field) for r in rule]
    if not isinstance(rule, dict):
        return rule
    out = {
        k: _rule_values(v, shown_by_field) if k in ("all", "any") else v for k, v in rule.items()
    }
    mapping = shown_by_field.get(rule.get("field"))
    if mapping and "value" in rule:
        value = rule["value"]
        out["value"] = (
            [mapping.get(v, v) for v in value]
            if isinstance(value, list)
            else mapping.get(value, value)
        )
    return out


def translate_field(field: dict, texts: dict, shown_by_field: dict) -> dict:
    """A public field with its texts in the locale. Its options are shown, and sent,
    translated; the capture maps them back to the canonical ones (``canonical_body``)."""
    out = {**field, **{k: v for k, v in texts.items() if k != "options"}}
    mapping = shown_by_field.get(field["name"])
    if mapping:
        out["options"] = [mapping[o] for o in field["options"]]
        default = field.get("default")
        if default is not None:
            out["default"] = (
                [mapping.get(v, v) for v in default]
                if isinstance(default, list)
                else mapping.get(default, default)
            )
    if isinstance(field.get("show_if"), dict):
        out["show_if"] = _rule_values(field["show_if"], shown_by_field)
    return out


def translate_schema(schema: dict, translations: dict, locale: str) -> dict:
    """The public schema in ``locale`` (the base schema when it has no translation)."""
    t = translations.get(locale)
    if not t:
        return {**schema, "locale": BASE_LOCALE if locale not in translations else locale}
    texts, words = t.get("fields", {}), ui_words(locale)
    shown_by_field = {
        f["name"]: dict(zip(f["options"], texts[f["name"]]["options"], strict=True))
        for f in schema["fields"]
        if texts.get(f["name"], {}).get("options")
        and len(f.get("options") or []) == len(texts[f["name"]]["options"])
    }
    fields = [
        translate_field(f, texts.get(f["name"], {}), shown_by_field) for f in schema["fields"]
    ]
    for f in fields:
        if f["type"] == "select" and not f.get("placeholder"):
            f["placeholder"] = words["choose"]
    out = {
        **schema,
        "locale": locale,
        "words": {k: words[k] for k in ("next", "back", "step_of")},  # multi-step navigation
        "fields": fields,
        "response": {
            **schema["response"],
            "thank_you_message": t.get("thank_you_message")
            or schema["response"]["thank_you_message"],
        },
    }
    if t.get("submit_label") or schema.get("submit_label") in (None, "", "Submit"):
        out["submit_label"] = t.get("submit_label") or words["submit"]
    if t.get("step_titles") and isinstance(schema.get("steps"), list):
        titles = t["step_titles"]
        out["steps"] = [
            {**s, "title": titles[i] or s.get("title")} if i < len(titles) else s
            for i, s in enumerate(schema["steps"])
            if isinstance(s, dict)
        ]
    if isinstance(schema.get("steps"), list) and shown_by_field:
        out["steps"] = [
            {**s, "show_if": _rule_values(s["show_if"], shown_by_field)}
            if isinstance(s, dict) and isinstance(s.get("show_if"), dict)
            else s
            for s in out.get("steps", schema["steps"])
        ]
    return out


def canonical_body(fields: list, translations: dict, body: dict) -> dict:
    """The submission with translated option answers mapped to their canonical options
    (``_lang`` names the visitor's locale; a canonical answer is always kept as is)."""
    t = translations.get(body.get("_lang")) if isinstance(body.get("_lang"), str) else None
    texts = (t or {}).get("fields")
    if not texts:
        return body
    out = dict(body)
    for field in fields:
        shown = texts.get(field["name"], {}).get("options")
        value = body.get(field["name"])
        if not shown or value is None or len(shown) != len(field["options"]):
            continue  # (a variant that changed the options: only canonical answers count)
        back = dict(zip(shown, field["options"], strict=False))
        if isinstance(value, list):
            out[field["name"]] = [back.get(v, v) for v in value]
        else:
            out[field["name"]] = back.get(value, value)
    return out


def language_choices(translations: dict, current: str) -> list[dict]:
    """The hosted page's language switch: each locale of the form in its own language."""
    if not translations:
        return []
    return [
        {"code": code, "name": language_name(code), "current": code == current}
        for code in (BASE_LOCALE, *translations)
    ]


def canonical_answers(form: dict, data: dict) -> dict:
    """Answers with translated options mapped back to the canonical ones, whichever
    locale they came in: for saves that name no ``_lang`` (embed.js's partial saves).
    A translated option never reads as another option of its field (checked on save),
    so a value that is a canonical option stays as it is."""
    translations = form.get("translations") or {}
    if not translations or not isinstance(data, dict):
        return data
    out = dict(data)
    for field in form["fields"]:
        value = data.get(field["name"])
        if value is None or not field.get("options"):
            continue
        back: dict = {}
        for t in translations.values():
            shown = ((t.get("fields") or {}).get(field["name"]) or {}).get("options") or []
            if len(shown) != len(field["options"]):
                continue
            for text, option in zip(shown, field["options"], strict=True):
                back.setdefault(text, option)
        canon = set(field["options"])
        if isinstance(value, list):
            out[field["name"]] = [v if v in canon else back.get(v, v) for v in value]
        elif value not in canon:
            out[field["name"]] = back.get(value, value)
    return out
