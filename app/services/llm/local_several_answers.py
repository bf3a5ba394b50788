"""Questions whose answers a person may want several of: a multiple choice, not a dropdown.

The rule a marketer would state: the works to be done and the things to change, improve,
replace or fix, the services, rooms, areas, topics, interests and equipment asked for, what
is needed of a thing counted in bulk ("software needed", "what training would you like"), what
a plural verb says interests them ("qué clases te interesan"), and a noun marked plural
("subject(s)", "room(s)", "día(s)") take several answers; a level, a size, a time, a package,
a plan, "which one", a yes/no, a rating and an either/or take one.

``takes_several(label, options)`` is the one place that reads a drafted choice's question
(in the marketer's language) and says whether several answers apply (the services needed,
the times one is free, the support one needs, and now what to change, rooms, areas, topics);
``settle_choices`` calls it for every dropdown. ``plurals_said(text)`` writes "subject(s)" as "subjects" before
the description is read, so the noun's plural (and its answers) reach the readers whole.
"""

from __future__ import annotations

import re

# "what do you need", "which services", "quels travaux", "welche Leistungen": several
_NEEDS = re.compile(
    r"^(?:what|which) (?:work|help|jobs|services|repairs)\b(?: (?:is|are|do you|would you))?"
    r"(?: (?:needed|need|want|require|required|like))?\??$|"
    r"^what do you (?:need|want|require)(?: (?:\w+ed|done|doing|fixed|built|made))?\??$|"
    # what a maker or a trader has to offer: "what do you sell (jewellery, ceramics, prints)"
    r"^what do you (?:sell|make|offer|teach|provide|stock)\??$|"
    r"^what would you like(?: (?:done|included|to include))?\??$|"
    r"^what needs (?:doing|fixing|repairing|replacing|\w+ed)\??$|^(?:what|which) services\b.*$|"
    r"^(?:quels|quelles) (?:services|travaux|prestations)\b.*$|^de quoi avez-vous besoin.*$|"
    r"^¿?(?:qu[eé]|cu[aá]les) (?:servicios|trabajos)\b.*$|^¿?qu[eé] necesita.*$|"
    r"^(?:welche) (?:leistungen|arbeiten|dienstleistungen)\b.*$|^was (?:brauchen|ben[öo]tigen) sie.*$|"
    r"^(?:que|quais) (?:servi[cç]os|trabalhos)\b.*$|^de que (?:precisa|necessita).*$",
    re.I,
)
# a question ("what …", "qué …", "que …", "was …", "o que …") asking what to change,
# improve, replace, renovate or fix, or what one needs help with
_ASKED = r"(?:what|which|qu[eé]|que|quoi|quels?|quelles?|qu'est-ce|qu’est-ce|was|welche[nms]?|o que|quais)"
_CHANGE = re.compile(
    rf"^¿?{_ASKED}\b.*\b(?:"
    r"change|improve|replace|renovate|refurbish|upgrade|redo|fix|repair|help with|"
    r"cambiar|mejorar|reformar|renovar|sustituir|reemplazar|reparar|arreglar|"
    r"changer|am[ée]liorer|remplacer|r[ée]nover|refaire|r[ée]parer|"
    r"[äa]ndern|verbessern|ersetzen|austauschen|erneuern|renovieren|reparieren|sanieren|"
    r"mudar|melhorar|substituir|trocar|remodelar)\b",
    re.I,
)
# the things asked for, several at a time: "rooms to paint", "welche Räume", "quelles pièces",
# "topics you want covered", "equipment needed", "áreas", "Themen"
_MANY = re.compile(
    r"^¿?(?:(?:which|what|quels?|quelles?|qu[eé]|cu[aá]les|welche[nms]?|que|quais|quali|"
    r"welke)\s+)?(?:"
    r"rooms|areas|topics|subjects|interests|equipment|"
    r"habitaciones|estancias|zonas|[aá]reas|temas|asignaturas|"
    r"pi[èe]ces|zones|sujets|th[èe]mes|domaines|mati[èe]res|"
    r"r[äa]ume|bereiche|themen|f[äa]cher|"
    r"divis[õo]es|assuntos|disciplinas|"
    r"servizi|lavori|interventi|corsi|argomenti|interessi|materie|stanze|"
    r"diensten|werkzaamheden|cursussen|onderwerpen|interesses|ruimtes|kamers)\b",
    re.I,
)
# a mass noun for things one takes several of, asked as a need: "software needed (Slack,
# Figma)", "what training would you like", "furniture required", "matériel souhaité"
_MASS_NEEDED = re.compile(
    r"\b(?:software|hardware|equipment|furniture|gear|kit|training|stationery|help|support|"
    r"assistance|"
    r"equipamiento|mobiliario|formaci[óo]n|mat[ée]riel|[ée]quipement|mobilier|formation|"
    r"ausstattung|ausr[üu]stung|zubeh[öo]r|m[öo]bel|equipamento|mobili[áa]rio|forma[çc][ãa]o|"
    r"attrezzatura|arredamento|formazione|apparatuur|meubilair)\b.*\b(?:"
    r"needed|required|wanted|needs?|want|like|necesari[oa]s?|necesita|requerid[oa]s?|"
    r"n[ée]cessaires?|souhait[ée]e?s?|besoin|ben[öo]tigt|gew[üu]nscht|brauchen|"
    r"necess[áa]ri[oa]s?|pretendid[oa]s?|richiest[aoei]|necessari[aoe]?|nodig|gewenst)\b",
    re.I,
)
# a verb agreeing with a plural: "which courses interest you", "qué clases te interesan",
# "quels cours vous intéressent", "welche Kurse interessieren Sie", "ti interessano"
_INTEREST_MANY = re.compile(
    r"\binterest (?:you|them)\b|\binteresan\b|\bint[ée]ressent\b|\binteressieren\b|"
    r"\binteressam\b|\binteressano\b|\binteresseren\b",
    re.I,
)
# answers of a single choice: "both", "all of them", "either"
_ONE_ANSWER = re.compile(r"^(?:both|either|ambos|ambas|les deux|beide|os dois|as duas)$", re.I)
# a question that asks for one even with a verb of change: "which one", "the main thing",
# "what time can we fix it", "what would you like to switch to", "can we help with"
_ONE_ASKED = re.compile(
    r"\b(?:one|main|most|best|first|single|time|day|date|size|level|package|plan|course|"
    r"cu[aá]l|lequel|laquelle|welche[rs]|qual|nivel|niveau|stufe|n[íi]vel|talla|taille|"
    r"gr[öo](?:ß|ss)e|tamanho|hora|heure|uhrzeit|paquete|forfait|paket|pacote|plano)\b|"
    r"\b(?:change|switch|upgrade|move|cambiar|changer|wechseln|mudar) (?:\w+ )?(?:to|a|para|zu)\b|"
    r"\b(?:can|may|could) (?:we|i) help\b",
    re.I,
)
_YES_NO = {"yes", "no", "not sure", "maybe", "sí", "si", "oui", "non", "ja", "nein", "sim", "não"}


# a person's availability, in the five languages
_AVAILABILITY = re.compile(
    r"^(?:your |votre |vos |su |sus |tu |ihre |a sua |sua )?(?:availability|availabilities|"
    r"disponibilidad(?:es)?|disponibilit[ée]s?|verf[üu]gbarkeit(?:en)?|disponibilidades?|"
    r"when (?:are you|can you|you're) (?:free|available))\b",
    re.I,
)
# parts of the day or the week, and weekdays
_TIME_ANSWER = re.compile(
    r"(?:morning|afternoon|evening|night|weekday|weekend|week ?night|lunch ?time|daytime|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun|"
    r"ma[ñn]ana|tarde|noche|fin(?:es)? de semana|entre semana|lunes|martes|mi[ée]rcoles|jueves|"
    r"viernes|s[áa]bado|domingo|matin|matin[ée]e|apr[èe]s-midi|soir|soir[ée]e|nuit|semaine|"
    r"week-end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|vormittag|nachmittag|abend|"
    r"morgen|wochenende|wochentag|werktag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|manh[ãa]|noite|fins? de semana|dias [úu]teis|segunda|ter[çc]a|quarta|quinta|sexta|"
    # "días de semana", "dias da semana", "jours de semaine": the weekdays said in words
    r"d[ií]as? (?:de|da) (?:la )?semana|jours? de (?:la )?semaine|"
    # the months of a season one may be free in ("disponibilidade (julho, agosto)")
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
    r"januar|februar|m[äa]rz|juni|juli|oktober|dezember|"
    r"janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro)"
    r"(?:e?s|s)?",
    re.I,
)
# what a person needs from us: support, help, adjustments
_SUPPORT = re.compile(
    r"^¿?(?:what|which|quel(?:le)?s?|qu[eé]|welche|que|quais)\s+(?:\w+\s+)?(?:support|help|"
    r"adjustments|accommodations|assistance|access needs|aids|apoyos?|ayudas?|ajustes|adaptaciones|"
    r"soutiens?|aides?|am[ée]nagements|adaptations|unterst[üu]tzung|hilfen?|anpassungen|apoios?|"
    r"adapta[çc][õo]es)\b.*\b(?:need|needs|require|requires|would help|n[ée]cessit\w*|"
    r"besoin|necesit\w*|precis\w*|necessit\w*|ben[öo]tig\w*|brauch\w*)\b",
    re.I,
)


def _times_free(label: str, options: list) -> bool:
    """ "availability (mornings, afternoons, weekends)": the times a person is free, several
    ("weekday mornings" is one time too)."""
    time = re.compile(rf"{_TIME_ANSWER.pattern}(?:\s+{_TIME_ANSWER.pattern})?", re.I)
    return (
        len(options) >= 2
        and bool(_AVAILABILITY.match(label))
        and all(time.fullmatch(o.strip().lower()) for o in options)
    )


def _support_needed(label: str, options: list) -> bool:
    """ "what support do you need (A, B, C)": as many kinds of help as a person needs."""
    return len(options) >= 3 and bool(_SUPPORT.match(label))


def takes_several(label: str, options: list) -> bool:
    """True when the question ``label`` with these answers takes several of them."""
    label = re.sub(r"\s+", " ", label).strip()
    answers = [str(o).strip() for o in options or []]
    if len(answers) < 2 or {a.lower() for a in answers} <= _YES_NO:
        return False
    if len(answers) >= 3 and _NEEDS.match(label.lower()):
        return True
    if _times_free(label, answers) or _support_needed(label, answers):
        return True  # "availability (mornings, weekends)", "what support do you need (…)"
    if any(_ONE_ANSWER.match(a) for a in answers):
        return False  # "(Saturday, Sunday or both)": one answer of a single choice
    if _ONE_ASKED.search(label):
        return False
    return bool(
        _CHANGE.search(label)
        or _MANY.search(label)
        or _MASS_NEEDED.search(label)
        or _INTEREST_MANY.search(label)
    )


# "subject(s)", "día(s)", "Stelle(n)", "child(ren)": the noun in its plural
# ("subject(s) needed" stays: "subjects needed" would read as a yes/no, like "parking needed";
# with its answers after it, "subject(s) needed (maths, English)" is several subjects)
_PLURAL_MARK = re.compile(
    r"\b([^\W\d_]{2,})\((s|es|n|en|ren|e)\)(?!\w)(?!\s+(?:needed|required|wanted)\b(?!\s*\())"
)


def plurals_said(text: str) -> str:
    """The description with "subject(s)" written "subjects" (a noun marked plural)."""
    return _PLURAL_MARK.sub(lambda m: m.group(1) + m.group(2), text)
