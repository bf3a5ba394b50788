"""An item that is only its answers, and they are measures (issue 20, round 32a).

"1 or 2 hours", "30 or 60 minutes", "half day or full day", "1 o 2 horas", "30 oder 60
Minuten": the marketer listed what the person picks, so the draft offers those answers, but
the question is what they pick: "Duration" ("Duración", "Durée", "Dauer", "Duração").
"1 or 2 nights", "2 or 4 players", "1 ou 2 nuits": a count with its unit, "Number of nights"
("Nombre de nuits"). A pair of nouns ("Tent or campervan", "Beginner or experienced") says
what is chosen already and stays as written.
"""

from __future__ import annotations

import re
import unicodedata

_OR = r"(?:or|o|ou|oder|u)"
_NUMBER = r"\d+(?:[.,]\d+)?"
_TIME = (
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"minutos?|horas?|d[ií]as|semanas?|meses|mes|anos?|años?|"
    r"heures?|jours?|semaines?|mois|ans?|"
    r"minuten|stunden?|tage?n?|wochen?|monate?n?|jahre?n?"
)
_HALVES = (
    r"(?:half|full|whole)[- ]day|(?:half|full|whole) days?|medio d[ií]a|d[ií]a (?:completo|entero)|"
    r"demi-journ[ée]e|journ[ée]e (?:compl[èe]te|enti[èe]re)|halbe?r? tag|ganze?r? tag|halbtags?|"
    r"ganztags?|meio dia|dia (?:inteiro|completo)|meio per[ií]odo|per[ií]odo integral"
)
# "1 or 2 hours", "30 or 60 minutes", "1h or 2h", "half day or full day"
DURATION = re.compile(
    rf"^(?:(?:{_NUMBER})\s*(?:{_TIME})?|{_HALVES})(?:\s*(?:,|{_OR})\s*(?:(?:{_NUMBER})\s*(?:{_TIME})?|{_HALVES}))+$",
    re.I,
)
# "1 or 2 nights", "2 or 4 players": a count, the unit the thing counted
COUNT = re.compile(
    rf"^{_NUMBER}(?:\s*(?:,|{_OR})\s*{_NUMBER})*\s*(?:,|{_OR})\s*{_NUMBER}\s+(?P<unit>[^\W\d_]{{3,}})$",
    re.I,
)
# "45 or 90 minute session", "30 or 60 min call": how long the thing named lasts
SESSION = re.compile(
    rf"^{_NUMBER}(?:\s*(?:,|{_OR})\s*{_NUMBER})+[- ](?:minute|min|hour|hr|day|week)s?[- ]"
    r"(?P<noun>[a-z]{3,}(?: [a-z]{3,})?)$",
    re.I,
)
_DURATION = {"en": "Duration", "es": "Duración", "fr": "Durée", "de": "Dauer", "pt": "Duração"}
_NUMBER_OF = {
    "en": "Number of {}",
    "es": "Número de {}",
    "fr": "Nombre de {}",
    "de": "Anzahl {}",
    "pt": "Número de {}",
}


def _plain(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


def measure_labels(fields: list[dict], lang: str | None) -> None:
    """Label a choice that is only its measured answers by what is chosen."""
    lang = lang or "en"
    for field in fields:
        if field["type"] not in ("select", "radio") or len(field.get("options") or []) < 2:
            continue
        said = re.sub(r"\s+", " ", field["label"]).strip(" ?.:")
        if re.fullmatch(rf"{_NUMBER}\s*(?:,|{_OR})\s*{_NUMBER}", said, re.I):
            continue  # "1 or 2": no unit, nothing says what is counted
        counted, session = COUNT.match(said), SESSION.match(said)
        if session and lang == "en":  # "45 or 90 minute session": its length
            label = f"Length of {session['noun'].lower()}"
        elif counted and not re.fullmatch(_TIME, counted["unit"], re.I):
            label = _NUMBER_OF.get(lang, _NUMBER_OF["en"]).format(counted["unit"].lower())
            if lang == "de":
                label = _NUMBER_OF["de"].format(counted["unit"])  # a German noun keeps its capital
        elif re.search(rf"\b(?:{_TIME}|{_HALVES})\b", said, re.I) and (
            DURATION.match(_plain(said)) or DURATION.match(said)
        ):
            label = _DURATION.get(lang, _DURATION["en"])
        else:
            continue
        field["label"] = label  # the name keeps the answers ("half_day_or_full_day")
