"""A day of the week asked for is a choice of the seven days, not a calendar (issue 20, stop 28).

"preferred day of the week", "Wochentag" ask for Monday … Sunday; so does "preferred day" on a
form for something that comes back every week (music lessons, a regular clean, a class), where
a date picker would ask for one date only. A booking's "preferred day" for a single visit
stays a date. Several days ("days", "Tage") may be ticked.

"Which days" ("what days can you come", "qué días", "quels jours", "an welchen Tagen", "quali
giorni", "welke dagen", "which days per week", "which evenings") asks WHICH days of the week
on a form for something that recurs: the days, several, not a date or a count ("how many
days per week" stays a number). An event's own days (a trade show, a festival, a jazz
weekend) are no days of the week and stay as drafted. A place open on weekdays (a nursery, a
daycare, an after-school club, "Monday to Friday") offers Monday to Friday; any other form all
seven days, as a marketer who said nothing else would expect.
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
# "which days", "what days can you come", "qué días", "an welchen Tagen", "welke dagen",
# "which evenings"
# ("what days and times suit you" asks for times too: no list of days answers it)
WHICH_DAYS = re.compile(
    r"(?:^|(?<=[\s,;:(¿]))(?:(?:on|an|en|em|op|a) )?"
    r"(?:which|what|qu[eé]|cu[aá]les|quels|welchen?|quali|quais|que|welke)\s+"
    r"(?P<days>days|d[ií]as|jours|tagen?|giorni|dagen|"
    # the evenings or mornings of the week ("which evenings do you need a sitter")
    r"evenings|nights|mornings|afternoons|tardes|noches|ma[ñn]anas|soirs|soir[ée]es|matin[ée]?es|"
    r"abende|abenden|vormittage|vormittagen|nachmittage|nachmittagen|sere|serate|pomeriggi|"
    r"mattine|avonden|ochtenden|middagen|noites|manh[ãa]s)\b"
    r"(?!\s*(?:and|or|&|/)\s*times)",
    re.I,
)
# an event held on its own days (a trade show, a jazz weekend): which of its days, not which
# days of the week
_EVENT = re.compile(
    r"\b(?:shows?|festivals?|conferences?|expos?|exhibitions?|fairs?|summits?|conventions?|"
    r"congress|tournaments?|weekend|feria|salon|congr[èe]s|messe|kongress|fiera|beurs)\b",
    re.I,
)
# a place open on weekdays only (a plant nursery opens at weekends)
_WEEKDAYS_ONLY = re.compile(
    r"\b(?:day ?care|(?<!plant )(?<!garden )(?<!tree )nurser(?:y|ies)|pre-?school|after[- ]?school|"
    r"kindergarten|cr[eè]che|child ?care|guarder[ií]a|escuela infantil|garderie|p[ée]riscolaire|"
    r"kitas?|kindertagesst[äa]tte|(?:kinder|tages)betreuung|krippe|hort|childminde(?:r|rs|ing)|"
    r"infant[áa]rio|creche|asilo nido|doposcuola|"
    r"kinderopvang|kinderdagverblijf|bso|naschoolse opvang|weekdays only|(?:open|only) (?:on )?"
    r"weekdays|monday to friday|mon(?:day)?\s*[-–]\s*fri(?:day)?|lunes a viernes|"
    r"lundi au vendredi|montag bis freitag|segunda a sexta|luned[iì] al venerd[iì]|"
    r"maandag tot (?:en met )?vrijdag)\b",
    re.I,
)


def days_of_the_week(fields: list[dict], described: str, lang: str | None) -> None:
    """A date or text field that asks for a day of the week (or a count drafted from "which
    days per week") becomes a choice of the days."""
    # the answers in brackets say what is offered, not how often ("(checkup, cleaning, …)")
    weekly = _WEEKLY.search(re.sub(r"\([^)]*\)", "", described)) is not None
    days = DAYS.get(lang or "en", DAYS["en"]).split()
    weekdays_only = _WEEKDAYS_ONLY.search(described) is not None
    days = days[:5] if weekdays_only else days
    recurring = weekly or weekdays_only or not _EVENT.search(described)
    for f in fields:
        label = (f.get("label") or "").strip(" ?¿")
        if f["type"] not in ("date", "text", "number") or f.get("options"):
            continue
        # "which days per week", drafted "Days per week"
        asked = _which_asked(label, described) if recurring else ""
        if asked:
            f["label"] = _as_question(asked, lang)
        elif f["type"] == "number" or not (
            _WEEKDAY.search(label)
            or (weekly and _A_DAY.match(label))
            or (recurring and WHICH_DAYS.search(label))
        ):
            continue
        several = bool(asked or WHICH_DAYS.search(label) or _SEVERAL.search(label))
        if "date" in f["name"] and not _ruled_on(fields, f["name"]):
            f["name"] = _free(fields, f["name"].replace("date", "day"))  # no date is asked
        f.update(
            type="multiselect" if several else "select",
            options=list(days),
            placeholder="",
            max_length=None,
            min=None,
            max=None,
        )


def _which_asked(label: str, described: str) -> str:
    """ "which days per week" said, "Days per week" drafted: the question as said ("" if the
    label keeps its own question word, or no "which days" is said before it)."""
    low = label.lower()
    if not low or WHICH_DAYS.match(low):
        return ""
    for said in WHICH_DAYS.finditer(described):
        rest = described[said.start("days") :]
        if rest.lower().startswith(low) and not rest[len(low) : len(low) + 1].isalnum():
            return described[said.start() : said.start("days") + len(low)]
    return ""


def _as_question(asked: str, lang: str | None) -> str:
    asked = asked[:1].upper() + asked[1:]
    if lang == "es":
        return f"¿{asked}?"
    return f"{asked} ?" if lang == "fr" else f"{asked}?"


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
