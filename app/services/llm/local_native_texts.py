"""A form written in another language shows none of the engine's English of its own.

Labels come back in the marketer's words (``local_foreign.localize``,
``local_dutch_italian``); this is the rest a visitor reads: the button, the thank-you, step
titles, the prompt of a choice ("Elija…", "Kies…") and the placeholders. Sample answers are
the ones a visitor there knows (a Spanish form shows "María García", not "Jane Smith"); a US
phone number or an English company name has no local twin worth printing, so it goes. It
runs once, last, so that a field a later step made a choice gets the prompt and a choice a
later step made a text box does not keep it ("Nombre del padre o madre" read first as a
choice between the two).
"""

from __future__ import annotations

from app.services.forms.messages import BUILT_IN, ui_words
from app.services.llm.local_phrases import EXAMPLE_PREFIX, PHRASES
from app.services.llm.local_translate import phrase

# the button and the choice prompt where the public form has no words of its own
_OWN_WORDS = {
    "nl": {"submit": "Verzenden", "choose": "Kies…"},
    "it": {"submit": "Invia", "choose": "Scegli…"},
}
_PERSON = {
    "es": ("María", "García"),
    "fr": ("Marie", "Dupont"),
    "de": ("Max", "Mustermann"),
    "pt": ("Maria", "Silva"),
    "nl": ("Jan", "Jansen"),
    "it": ("Mario", "Rossi"),
}
# the engine's English sample answers; "" where no local one is worth printing
_SAMPLES = {
    "Jane Smith": lambda first, last: f"{first} {last}",
    "Jane": lambda first, last: first,
    "Smith": lambda first, last: last,
    "jane@example.com": lambda first, last: f"{_plain(first)}@example.com",
    "jane@company.com": lambda first, last: f"{_plain(first)}@example.com",
    "+1 555 010 0199": lambda first, last: "",
    "Acme Inc.": lambda first, last: "",
    "Head of Operations": lambda first, last: "",
}
# what a form of each flow says on thanks when the engine's own thank-you has no line
_FLOW_THANKS = {
    "sales_lead": "Thanks for your request! We'll review it and get back to you.",
    "booking_request": "Thanks for your booking request! We'll be in touch to confirm your place "
    "and the details.",
    "support_triage": "Thanks — we've opened a ticket and will reply by email soon.",
    "direct_route": "Thanks for reaching out! Our team will review your request and get back "
    "to you.",
    "email_marketing": "Thanks for signing up! We'll confirm the details by email shortly.",
    "notify_only": "Thanks — we've received your form.",
}


def _plain(name: str) -> str:
    return name.lower().translate(str.maketrans("áéíóúàèìòùäöüç", "aeiouaeiouaouc"))


def _own(text: str, locale: str) -> str | None:
    """An English text of the engine's in ``locale``: "" when it has no line there; None
    when it is no text of the engine's (the marketer's own words stay)."""
    if text in _SAMPLES:
        return _SAMPLES[text](*_PERSON[locale])
    if text.startswith("e.g. "):
        return EXAMPLE_PREFIX[locale] + text[5:]
    if text.strip().lower() not in PHRASES:
        return None
    return phrase(text, locale) or ""


def sample_in(text: str, locale: str) -> str:
    """An engine's English example in ``locale`` (the marketer's own words as they are)."""
    own = _own(text, locale) if text and locale in _PERSON else None
    return text if own is None else own


def _own_answers(field: dict, fields: list, locale: str) -> None:
    """The engine's English label and answers ("Other", "I'm happy for you to contact me") in
    Dutch or Italian; the marketer's words (no line of the table) stay, and a rule naming an
    answer follows it."""
    field["label"] = phrase(field["label"], locale) or field["label"]
    renamed = {o: phrase(o, locale) or o for o in field.get("options") or []}
    if field.get("options"):
        field["options"] = [renamed[o] for o in field["options"]]
    for other in fields:
        for cond in (other.get("show_if") or {}).get("all", []):
            if cond.get("field") == field["name"] and cond.get("value") in renamed:
                cond["value"] = renamed[cond["value"]]


def in_own_language(config: dict, locale: str) -> None:
    """The button, prompts, placeholders, help, step titles and thank-you in ``locale``."""
    words = ui_words(locale) if locale in BUILT_IN else _OWN_WORDS[locale]
    config["theme"] = {**(config.get("theme") or {}), "button_label": words["submit"]}
    for f in config["fields"]:
        if locale in _OWN_WORDS:  # nl, it: a label or answer the engine wrote itself
            _own_answers(f, config["fields"], locale)
        for key in ("placeholder", "help"):
            said = _own(f[key], locale) if f.get(key) else None
            if said is not None:
                f[key] = said
        if f["type"] == "select" and not f.get("placeholder"):
            f["placeholder"] = words["choose"]
    for step in config.get("steps") or []:
        step["title"] = _own(step.get("title") or "", locale) or step.get("title") or ""
    response = config["response"]
    thanks = response.get("thank_you_message") or ""
    said = _own(thanks, locale)
    if not said and locale in _OWN_WORDS:  # nl, it: the flow's, when the engine's has no line
        said = _own(_FLOW_THANKS.get(config["flow_id"], _FLOW_THANKS["direct_route"]), locale)
    response["thank_you_message"] = said or thanks
