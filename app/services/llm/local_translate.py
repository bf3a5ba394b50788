"""Translations for the local engine's drafts (SPEC §17 "Languages").

``languages_asked(text)`` finds the locales a description or an instruction asks
for ("add a Spanish version", "in English and French", "bilingual
English/German"); ``translate(config, locales)`` fills ``translations`` in the
SPEC shape ``{locale: {fields: {name: {label, placeholder, help, options}},
thank_you_message, submit_label, step_titles}}`` from the phrase table.

A text the table does not know stays in the source language (the form still
works, in two languages side by side) and is listed in the returned notes, so
the marketer knows what to translate by hand in the editor.
"""

from __future__ import annotations

import re

from app.services.llm.local_phrases import EXAMPLE_PREFIX, LOCALES, PHRASES
from app.services.llm.local_said_lengths import word_limit_in

LANGUAGE_NAMES = {
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
}
_WORDS = {
    "es": r"spanish|espa[nñ]ol|castilian",
    "fr": r"french|fran[cç]ais",
    "de": r"german|deutsch",
    "pt": r"portuguese|portugu[eê]s|brazilian",
}
_ANY = "|".join(_WORDS.values())
_LANG = rf"(?:english|{_ANY})"
_LIST = rf"(?:{_LANG}\s*(?:,|/|&|\+|\band\b|\bor\b|\bplus\b)\s*)*(?:{_ANY})(?:\s*(?:/|&|\+|\band\b)\s*english)?"
_TAIL = r"(?:[\s-]+(?:language\s+)?(?:versions?|translations?|too|as well))*"
# A request for the form in another language, with the words around it (so that it can be
# cut out of the description before fields are read from it).
MENTION = re.compile(
    r"(?:[,;]?\s*(?:(?:and|with|plus|also|please)\s+)*"
    r"(?:(?:add|include|offer|provide|make|have|create|need|want|translate)\s+"
    r"(?:it\s+|the form\s+|this\s+)?(?:available\s+)?)?(?:(?:an?|the)\s+)?)"
    rf"(?:\b(?:in|into|to)\s+{_LIST}\b{_TAIL}|\b{_LIST}(?=[\s-]+(?:language\s+)?(?:versions?|translations?|too\b|as well))"
    rf"{_TAIL}|\b(?:bilingual|trilingual)\b(?:\s*\(\s*{_LIST}\s*\)|\s+(?:in\s+)?{_LIST}\b)?{_TAIL})",
    re.I,
)


def languages_asked(text: str) -> list[str]:
    """The locales (es, fr, de, pt) the text asks a version in, in the order named."""
    found = []
    for match in MENTION.finditer(text or ""):
        for code, words in _WORDS.items():
            for word in re.finditer(rf"\b(?:{words})\b", match.group(0), re.I):
                found.append((match.start() + word.start(), code))
    ordered = []
    for _, code in sorted(found):
        if code not in ordered:
            ordered.append(code)
    return ordered


def strip_mentions(text: str) -> str:
    """The description without its language requests (so no field is read from them)."""
    text = re.sub(r"\s+([.,;!?])", r"\1", MENTION.sub("", text))
    return re.sub(r"([.!?])[.,;]+", r"\1", text).strip()


def phrase(text: str, locale: str) -> str | None:
    """``text`` in ``locale``, or None when the table does not know it."""
    known = PHRASES.get((text or "").strip().lower())
    if known and locale in known:  # first: a short word of the table ("No" → "Non") is a word
        return known[locale]
    if not text or not _needs_words(text):
        return text
    example = re.match(r"^e\.g\.\s+(.+)$", text.strip(), re.I)
    if example:
        return EXAMPLE_PREFIX[locale] + example.group(1)
    return word_limit_in(text, locale)  # "Up to 300 words."


def _needs_words(text: str) -> bool:
    """False for sample data and ranges ("Jane Smith", "jane@x.com", "$10K-$50K", "1-10")."""
    if re.search(r"@|https?://|^\+?[\d\s()./:-]+$", text):
        return False
    if text.strip() in ("Jane", "Smith", "Jane Smith", "Acme Inc.", "1. …\n2. …"):
        return False
    return bool(re.search(r"[^\W\d_]{3,}", re.sub(r"\d+\s*[kKmM]\b", "", text)))


def _options(source: list, done: list) -> list:
    """The translated options, or the source ones when the translation would make two
    answers read alike (two the same, or one spelled like another option of the field)."""
    clash = len(set(done)) != len(done) or any(
        o in source and source.index(o) != i for i, o in enumerate(done)
    )
    return list(source) if clash else done


def translate(config: dict, locales: list[str], keep: dict | None = None) -> tuple[dict, list]:
    """(translations, notes): ``keep``'s entries stay; missing fields are filled in."""
    translations = dict(keep or {})
    untranslated: dict[str, list[str]] = {}
    for locale in locales:
        if locale not in LOCALES:
            continue
        current = translations.get(locale) or {}
        missing = untranslated.setdefault(locale, [])

        def say(text: str, missing=missing, locale=locale) -> str:
            done = phrase(text, locale)
            if done is None:
                if text not in missing:
                    missing.append(text)
                return text
            return done

        fields = {}
        for f in config.get("fields") or []:
            old = (current.get("fields") or {}).get(f["name"])
            if old and len(old.get("options") or []) == len(f.get("options") or []):
                fields[f["name"]] = old
                continue
            entry = {"label": say(f.get("label") or "")}
            for key in ("placeholder", "help"):
                if f.get(key):
                    entry[key] = say(f[key])
            if f.get("options"):
                entry["options"] = _options(f["options"], [say(o) for o in f["options"]])
            fields[f["name"]] = entry
        response = config.get("response") or {}
        translations[locale] = {
            "fields": fields,
            "thank_you_message": current.get("thank_you_message")
            or say(response.get("thank_you_message") or ""),
            "submit_label": current.get("submit_label") or say("Submit"),
            "step_titles": [say(s.get("title") or "") for s in config.get("steps") or []],
        }
    notes = [
        f"{LANGUAGE_NAMES[locale]}: kept in English (translate them in the editor): "
        + "; ".join(f"“{t[:60]}”" for t in texts[:8])
        + (f" and {len(texts) - 8} more" if len(texts) > 8 else "")
        for locale, texts in untranslated.items()
        if texts
    ]
    return translations, notes
