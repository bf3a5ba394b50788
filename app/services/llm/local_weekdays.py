"""A day of the week asked for is a choice of the seven days, not a calendar (issue 20, stop 28).

"preferred day of the week", "Wochentag", "which days suit you" ask for Monday … Sunday; so
does "preferred day" on a form for something that comes back every week (music lessons, a
regular clean, a class), where a date picker would ask for one date only. A booking's
"preferred day" for a single visit stays a date. Several days ("days", "Tage") may be ticked.
"""

from __future__ import annotations

import re

DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "es": "Lunes Martes Miércoles Jueves Viernes Sábado Domingo",
    "fr": "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "pt": "Segunda-feira Terça-feira Quarta-feira Quinta-feira Sexta-feira Sábado Domingo",
    "it": "Lunedì Martedì Mercoledì Giovedì Venerdì Sabato Domenica",
    "nl": "Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag",
}
# a day of the week, whatever the form is for
_WEEKDAY = re.compile(
    r"\bdays? of the week\b|\bweekdays?\b|\bd[ií]as? de la semana\b|\bjours? de la semaine\b|"
    r"\bwochentag\w*|\bdias? da semana\b|\bgiorn[oi] della settimana\b|\bdag(?:en)? van de week\b",
    re.I,
)
# a day, on a form for something weekly
_A_DAY = re.compile(
    r"^(?:(?:preferred|best|which|what|your)\s+days?|days?\s+(?:you prefer|that suits?|available)|"
    r"d[ií]as? preferidos?|jours? pr[ée]f[ée]r[ée]s?|wunschtag\w*|giorn[oi] preferit[oi]|"
    r"voorkeursdag\w*)\b",
    re.I,
)
_WEEKLY = re.compile(
    r"\b(?:lessons|classes|weekly|every week|each week|regular|tuition|tutoring|tutors?|"
    r"cleaning|cleaners?|clubs?|coaching|clases|cours|unterricht|kurse?|aulas|lezioni|lessen)\b",
    re.I,
)
_SEVERAL = re.compile(r"\bdays\b|\bd[ií]as\b|\bjours\b|\btage\b|\bgiorni\b|\bdagen\b", re.I)


def days_of_the_week(fields: list[dict], described: str, lang: str | None) -> None:
    """A date or text field that asks for a day of the week becomes a choice of the days."""
    # the answers in brackets say what is offered, not how often ("(checkup, cleaning, …)")
    weekly = _WEEKLY.search(re.sub(r"\([^)]*\)", "", described)) is not None
    for f in fields:
        label = (f.get("label") or "").strip(" ?¿")
        if f["type"] not in ("date", "text") or f.get("options"):
            continue
        if not (_WEEKDAY.search(label) or (weekly and _A_DAY.match(label))):
            continue
        several = _SEVERAL.search(label) is not None
        if "date" in f["name"] and not _ruled_on(fields, f["name"]):
            f["name"] = _free(fields, f["name"].replace("date", "day"))  # no date is asked
        f.update(
            type="multiselect" if several else "select",
            options=DAYS.get(lang or "en", DAYS["en"]).split(),
            placeholder="",
            max_length=None,
        )


def _free(fields: list[dict], name: str) -> str:
    taken = {f["name"] for f in fields}
    return name if name not in taken else f"{name}_of_week"


def _ruled_on(fields: list[dict], name: str) -> bool:
    """Whether a rule of another field reads this one (its name then stays)."""
    return any(
        c.get("field") == name
        for g in fields
        for c in (g.get("show_if") or {}).get("all", []) + (g.get("show_if") or {}).get("any", [])
    )
