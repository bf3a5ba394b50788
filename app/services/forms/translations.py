"""A form's translations (SPEC §17 "Languages"):

    translations: {locale: {fields: {name: {label, placeholder, help, options}},
                            thank_you_message, submit_label, step_titles}}

Locales are checked and written the one way (``pt_br`` -> ``pt-BR``) with babel's
locale data. A field translation names an existing field; its options translate the
field's options one to one and only for display: the option stored is always the
canonical one (localize.py: choosing a visitor's locale, the schema in it, and mapping
translated answers back). ``follow_fields`` keeps translations in step with an editor's
field change.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from app.services.forms.consent_field import label_limit
from app.services.forms.fields import CHOICE_TYPES, _Errors, _text

BASE_LOCALE = "en"  # the language the form's own labels are read as
MAX_LOCALES = 20
MAX_STEP_TITLES = 50
FIELD_TEXTS = (("label", 200), ("placeholder", 200), ("help", 500))


@lru_cache(maxsize=1024)
def _tag(raw: str) -> str | None:
    try:
        loc = Locale.parse(raw.strip().replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    return "-".join(part for part in (loc.language, loc.script, loc.territory) if part)


def locale_tag(raw) -> str | None:
    """A locale as a BCP 47 tag babel knows ("pt_br" -> "pt-BR"), or None."""
    if not isinstance(raw, str) or not 2 <= len(raw.strip()) <= 35:
        return None
    return _tag(raw)


def _options(raw, field: dict, key: str, errors: _Errors) -> list | None:
    if raw in (None, "", []):
        return None
    if field["type"] not in CHOICE_TYPES:
        errors.add(key, f"“{field['name']}” has no options to translate.")
        return None
    if not isinstance(raw, list) or not all(isinstance(o, str) and o.strip() for o in raw):
        errors.add(key, "Options must be a list of texts.")
        return None
    options = [o.strip()[:200] for o in raw]
    if len(options) != len(field["options"]):
        errors.add(
            key,
            f"Translate each of the {len(field['options'])} options once, in order "
            f"({', '.join(field['options'][:5])}); this list has {len(options)}.",
        )
        return None
    if len(set(options)) != len(options):
        errors.add(key, "Each translated option must be different.")
        return None
    for i, option in enumerate(options):
        if option in field["options"] and field["options"].index(option) != i:
            errors.add(  # a translated answer must never read as another option
                key, f"“{option}” is another option of this field; translate it in the same place."
            )
            return None
    return options


def _field_texts(raw, field: dict, key: str, errors: _Errors) -> dict:
    if not isinstance(raw, dict):
        errors.add(key, "Use an object of label, placeholder, help and options.")
        return {}
    out = {}
    for attr, limit in FIELD_TEXTS:
        if attr == "label":  # a consent field's label is its whole consent text
            limit = label_limit(field["type"], limit)
        text = _text(raw.get(attr), f"{key}.{attr}", errors, limit=limit)
        if text:
            out[attr] = text
    options = _options(raw.get("options"), field, f"{key}.options", errors)
    if options:
        out["options"] = options
    unknown = set(raw) - {"label", "placeholder", "help", "options"}
    if unknown:
        errors.add(
            key, f"Only label, placeholder, help and options translate (not {min(unknown)})."
        )
    return out


def _fields(raw, fields: list, key: str, errors: _Errors) -> dict:
    if raw in (None, ""):
        return {}
    if not isinstance(raw, dict):
        errors.add(key, "Use an object of field name -> its texts.")
        return {}
    by_name = {f["name"]: f for f in fields}
    out = {}
    for name, texts in raw.items():
        if name not in by_name:
            errors.add(f"{key}.{name}", f"There is no field named “{str(name)[:60]}” to translate.")
            continue
        checked = _field_texts(texts, by_name[name], f"{key}.{name}", errors)
        if checked:
            out[name] = checked
    return out


def _step_titles(raw, key: str, errors: _Errors) -> list:
    if raw in (None, "", []):
        return []
    if not isinstance(raw, list) or len(raw) > MAX_STEP_TITLES:
        errors.add(key, f"Use a list of step titles, one per step (at most {MAX_STEP_TITLES}).")
        return []
    return [_text(t, f"{key}[{i}]", errors, limit=200) for i, t in enumerate(raw)]


def _one(raw, fields: list, key: str, errors: _Errors) -> dict:
    if not isinstance(raw, dict):
        errors.add(key, "Use an object of fields, thank_you_message, submit_label and step_titles.")
        return {}
    out = {"fields": _fields(raw.get("fields"), fields, f"{key}.fields", errors)}
    for attr, limit in (("thank_you_message", 2000), ("submit_label", 60)):
        text = _text(raw.get(attr), f"{key}.{attr}", errors, limit=limit)
        if text:
            out[attr] = text
    titles = _step_titles(raw.get("step_titles"), f"{key}.step_titles", errors)
    if titles:
        out["step_titles"] = titles
    return out


def check_translations(raw, fields: list, errors: _Errors) -> dict:
    """The translations normalized (locale tags written one way), errors reported."""
    if raw in (None, "", []):
        return {}
    if not isinstance(raw, dict):
        errors.add("translations", 'Use an object of locale -> translation, like {"es": {...}}.')
        return {}
    if len(raw) > MAX_LOCALES:
        errors.add("translations", f"A form can have at most {MAX_LOCALES} translations.")
    out = {}
    for given, translation in list(raw.items())[:MAX_LOCALES]:
        tag = locale_tag(given)
        if tag is None:
            errors.add(
                f"translations.{given}",
                f"“{str(given)[:35]}” is not a language we know; use a code like es, fr or pt-BR.",
            )
            continue
        if tag in out:
            errors.add(f"translations.{given}", f"{tag} is translated twice.")
            continue
        out[tag] = _one(translation, fields, f"translations.{given}", errors)
    return out


def follow_fields(config: dict) -> dict:
    """The config with its translations kept in step with an editor's field change:
    texts of a removed (or renamed) field are dropped, and translated options whose
    field's options changed in number are dropped, so deleting a field or adding an
    option never fails on a translation (the API, sending a whole config, gets a 422)."""
    translations = config.get("translations")
    if not isinstance(translations, dict) or not translations:
        return config
    by_name = {f.get("name"): f for f in config.get("fields") or [] if isinstance(f, dict)}
    kept = {}
    for locale, t in translations.items():
        if not isinstance(t, dict) or not isinstance(t.get("fields"), dict):
            kept[locale] = t
            continue
        fields = {}
        for name, texts in t["fields"].items():
            field = by_name.get(name)
            if field is None or not isinstance(texts, dict):
                continue
            options = field.get("options") or []
            if "options" in texts and len(texts["options"] or []) != len(options):
                texts = {k: v for k, v in texts.items() if k != "options"}
            fields[name] = texts
        kept[locale] = {**t, "fields": fields}
    return {**config, "translations": kept}
