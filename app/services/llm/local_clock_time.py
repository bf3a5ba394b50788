"""A table or a slot is booked at a clock time (issue 20, round 20b).

A restaurant or bar table, an escape room, a bowling lane, a tee time: the visitor books it
for "19:30", not for "Evening". When such a booking lists a bare "time" ("hora", "heure",
"Uhrzeit", "horário", "time slot"), the draft asks it as a short text answer with a
clock-time example (there is no time field type). An appointment's "preferred time" (a
physio, a plumber, a callback) keeps the parts of the day, and so does any time said as a
part of the day ("time of day", "morning or afternoon").

A report of what happened ("Workplace incident report: …, date, time, location", "Bus
complaint: route number, date, time", "wildlife sighting report") asks when it happened: its
bare "time" is the clock time of that day ("e.g. 14:30", as round 38a asks "time it
started"), never the parts of the day an appointment offers, unless the form also arranges
something to come (a booking, a callback, a preferred time) (round 39b).

A moment named by what happens at it ("start time", "end time", "pick-up time", "time of
arrival", "hora de inicio", "Endzeit") is a clock time on any form: it gets the example
too, of the day it happened on a report (round 40b).
"""

from __future__ import annotations

import re

from app.services.llm.local_answer_kinds import BOOKED
from app.services.llm.local_dated_answers import clock_answers

# what is booked at a clock time
_AT_A_CLOCK_TIME = re.compile(
    r"\b(?:restaurants?|table|tables|dinner|lunch|brunch|bistro|brasserie|pub|caf[eé]|"
    r"(?:cocktail|wine|tapas|sushi|karaoke) bar|bar (?:reservation|booking)s?|escape rooms?|"
    r"bowling|karaoke|tee times?|mesa|restaurante|cena|almuerzo|comida|tisch|gastst[äa]tte|"
    r"abendessen|mittagessen|d[îi]ner|d[ée]jeuner|jantar|almo[çc]o)\b|"
    r"\btisch\w*",  # "Tischreservierung", "Tischbuchung"
    re.I,
)
# a time said as a part of the day: the day parts are what was asked
_PART_OF_DAY = re.compile(
    r"\btime of (?:the )?day\b|\bpart of (?:the )?day\b|\bmorning\b|\bafternoon\b|"
    r"momento del d[íi]a|moment de la journ[ée]e|tageszeit|per[íi]odo|franja",
    re.I,
)
CLOCK_EXAMPLE = "e.g. 19:30"
# a report of something that happened, and no booking: "date, time" are when it happened
HAPPENED = re.compile(
    r"\b(?:incidents?|accidents?|injur(?:y|ies)|near[ -]miss(?:es)?|collisions?|crash(?:es)?|"
    r"thefts?|break-?ins?|burglar(?:y|ies)|assaults?|spills?|vandalism|unf[äa]ll\w*|"
    r"vorf[äa]ll\w*|accidente|incidente|incident|accident|sinistre|acidente|ongeval|incidenten?|"
    r"infortunio)\b",
    re.I,
)
# a report, a complaint, a claim, a sighting: what it reports has happened
_REPORTED = re.compile(
    r"\b(?:reports?|reporting|complaints?|complain\w*|claims?|appeals?|sightings?|lost|stolen|"
    r"witness\w*|quejas?|denuncias?|reclamaci[óo]n|plaintes?|signalement|r[ée]clamation|"
    r"beschwerde|meldung|klachten?|melding|reclamo|segnalazione|reclama[çc][ãa]o|queixa)\b",
    re.I,
)
# what is arranged for later: its time is a preference ("Preferred time", the parts of the day)
_TO_COME = re.compile(
    r"\b(?:book\w*|schedul\w*|reserv\w*|prefer\w*|callbacks?|(?:good|best|convenient) times?|"
    r"suits?|availab\w*|to come|come (?:round|out|over|back))\b",
    re.I,
)
HAPPENED_AT = "e.g. 14:30"
# a moment of the day named by what happens at it: "start time", "finish time", "pick-up
# time", "time of arrival", "hora de inicio" (read "time de inicio"), "Endzeit", "begintijd"
_MOMENT = (
    r"start(?:ing)?|end(?:ing)?|finish(?:ing)?|arrival|departure|pick-?up|drop-?off|return|"
    r"collection|kick-?off|opening|closing|set-?up|check-?in|check-?out|ceremony|inicio|"
    r"in[íi]cio|fin|final|llegada|salida|d[ée]but|arriv[ée]e|d[ée]part|t[ée]rmino|chegada|"
    r"sa[íi]da|inizio|fine|arrivo|partenza|beginn|ankunft|abfahrt|begin|eind|aankomst|vertrek"
)
_MOMENT_TIME = re.compile(
    rf"^(?:(?:{_MOMENT}) times?|times? (?:(?:of|de|d'|di|du) (?:the |la |l')?)?(?:{_MOMENT})|"
    rf"(?:{_MOMENT})s?zeit|(?:{_MOMENT})tijd)$",
    re.I,
)


def clock_times(fields: list, described: str) -> None:
    """The day-part "time" of a table or slot booking, or of a report of what happened,
    asked as a clock time (in place)."""
    reported = HAPPENED.search(described) or _REPORTED.search(described)
    to_come = _TO_COME.search(described) or BOOKED.search(described)
    for f in fields:  # "start time, end time" of a hire: when in the day, "e.g. 19:30"
        moment = _MOMENT_TIME.match((f.get("label") or "").strip(" ?"))
        if moment and f["type"] == "text" and not f.get("options") and not f.get("placeholder"):
            f.update(placeholder=HAPPENED_AT if reported and not to_come else CLOCK_EXAMPLE)
            f.update(max_length=20)
    if reported and not to_come and not _PART_OF_DAY.search(described):
        for f in fields:  # the bare "time" the engine read as a preference
            if f["label"] == "Preferred time" and f["type"] in ("select", "radio"):
                times = re.search(r"\btimes\b", described, re.I)  # "dates and times" of a noise
                f.update(label="Times" if times else "Time", type="text", options=[])
                f.update(placeholder=HAPPENED_AT, max_length=60 if times else 20)
        return
    if not _AT_A_CLOCK_TIME.search(described) or _PART_OF_DAY.search(described):
        return
    for f in fields:
        if clock_answers(f.get("options")):
            continue  # "seating (18:00, 19:30)": the times given are the answers
        elif f["name"] == "preferred_time" and f["type"] in ("select", "radio"):
            f.update(type="text", options=[], placeholder=CLOCK_EXAMPLE, max_length=20)
        elif re.search(r"\btime ?slot\b", f["label"], re.I) and f["type"] == "text":
            f.setdefault("placeholder", "")
            f["placeholder"] = f["placeholder"] or CLOCK_EXAMPLE
