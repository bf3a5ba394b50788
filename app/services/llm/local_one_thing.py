"""An "A or B" item: one thing named two ways, or a choice under its own noun (round 30a).

A list item "A or B" is a choice when A and B are alternatives the visitor picks ("online or
in person", "delivery or collection"). It is one free-text item when A and B are two words
for what the visitor describes or writes ("error code or fault", "questions or comments",
"problema o incidencia", "Fragen oder Anmerkungen"): ``one_thing`` says so from the nouns.

A noun heading the choice is its label, and the answers are what follows it: "session format
online or in person" asks "Session format" (Online / In person), never "Session format
online" / "In person". ``headed_choice`` reads that in English; Spanish, French and
Portuguese items ("¿modalidad online o presencial?", "turno de mañana o tarde", "format en
ligne ou en studio") are put in brackets before they are glossed (``local_foreign_options``).
"""

from __future__ import annotations

import re

from app.services.llm.local_domain import concept_for

# Nouns of something the visitor describes or writes (a fault, a message, a question), in
# the five languages (glossed or not): "A or B" of them asks for one text, not for a pick.
_DESCRIBED = re.compile(
    r"^(?:errors?|faults?|codes?|messages?|damages?|defects?|incidents?|questions?|comments?|"
    r"remarks?|notes?|queries|query|feedback|suggestions|observations?|"
    r"fallos?|aver[íi]as?|da[ñn]os?|incidencias?|preguntas?|comentarios?|dudas?|"
    r"observaciones|sugerencias|erreurs?|pannes?|d[ée]fauts?|dommages|d[ée]g[âa]ts|"
    r"remarques?|commentaires?|[\wäöüß]*(?:fehler|code|meldung|st[öo]rung|schaden|sch[äa]den|"
    r"defekt)|fragen|anmerkungen|bemerkungen|kommentare|hinweise|anregungen|erros?|"
    r"avarias?|defeitos?|danos?|d[úu]vidas?|coment[áa]rios?|observa[çc][õo]es|perguntas?|"
    r"sugest[õo]es|problem(?:a|e)?s?|issues?|incid[eê]ncias?)$",
    re.I,
)


def described(piece: str) -> bool:
    """Whether the piece names a thing the visitor describes ("error code", "Fragen")."""
    return any(_DESCRIBED.match(w) for w in re.findall(r"[^\W\d_][\w-]*", piece))


def one_thing(raw: str, pieces: list[str]) -> bool:
    """ "error code or fault", "questions or comments": every piece a thing described, said
    as a list item (no question of its own, no answers in brackets)."""
    if "?" in raw or "(" in raw or "/" in raw or not 2 <= len(pieces) <= 3:
        return False
    return all(len(p.split()) <= 4 and described(p) for p in pieces)


# The noun that heads a choice ("session format", "delivery method", "appointment type")
_HEAD = re.compile(
    r"^(?:format|mode|method|type|option|session|appointment|consultation|class|lesson|course|"
    r"shift|meeting|delivery|preference)s?$",
    re.I,
)
# ... said abroad, where a question may open with it ("¿modalidad online o presencial?"); a
# verb there ("¿tienes iphone o android?", "¿quiere comprar o alquilar?") heads no choice
HEAD_ABROAD = re.compile(
    r"^(?:modalidad|modalidade|modalit[ée]|formato|format|turno|tipo|type|opci[óo]n|op[çc][ãa]o|"
    r"consulta|clase|aula|cours|curso|sesi[óo]n|sess[ãa]o|s[ée]ance|cita|entrega|livraison)$",
    re.I,
)
_NOT_LEAD = re.compile(r"^(?:do|does|would|will|can|is|are|what|which|how|your|the|a|an)$", re.I)


def headed_choice(raw: str, options: list[str]) -> tuple[str, list[str]] | None:
    """(label, answers) of "session format online or in person" — None when the first
    answer keeps no heading noun of the item."""
    said = re.sub(r"\s+", " ", raw.strip(" .¿!"))
    if len(options) != 2 or "?" in said or "(" in said:
        return None
    m = re.fullmatch(r"(?P<first>[\w' -]+?) (?:or|o|ou|oder) (?P<b>[\w' -]+)", said, re.I)
    if not m or m["b"].lower() != options[1].lower() or options[0].lower() != m["first"].lower():
        return None
    words = m["first"].split()
    for n in range(min(3, len(words) - 1), 0, -1):  # the longest lead ending in a head noun
        lead, answer = " ".join(words[:n]), " ".join(words[n:])
        if _HEAD.match(words[n - 1]) and not any(_NOT_LEAD.match(w) for w in words[:n]):
            if described(answer) or concept_for(answer):
                return None  # "delivery address or PO box": a field, not an answer
            return lead[:1].upper() + lead[1:], [answer[:1].upper() + answer[1:], options[1]]
    return None
