"""When, in the words of a lead who writes in Spanish, French, German, Portuguese, Italian or Dutch.

The reply quotes the person's own timeline ("avant l'été", "bis Ende März", "entro settembre",
"voor de zomer") as ``local_noted.TIMING`` does in English, and a reply that quotes it never
asks for it again.
Each phrase is whole: the preposition, the month or season, and nothing after it.
"""

from __future__ import annotations

import re

from app.services.llm.local_lead_cues import MONTH_WORDS

_MONTH = rf"(?:{MONTH_WORDS})(?: \d{{4}})?"
_SEASON = (
    r"(?:(?:el |la )?(?:verano|oto[ñn]o|invierno|primavera)|l'[ée]t[ée]|l'automne|l'hiver|"
    r"le printemps|(?:dem |den )?(?:sommer|herbst|winter|fr[üu]hling)|"
    r"(?:o )?(?:ver[ãa]o|outono|inverno|primavera)|"
    r"(?:l'|la )?(?:estate|autunno|inverno|primavera)|(?:de |het )?(?:zomer|najaar|herfst|winter|voorjaar|lente))"
)
_PREP = (
    r"(?:en|para|antes de(?:l)?|a partir de|desde|a (?:finales|principios|mediados) de|"
    r"d'ici|avant|pour|[àa] partir de|d[èe]s|(?:fin|d[ée]but|mi-)|"
    r"im|bis(?: (?:Ende|Anfang|Mitte))?|ab|vor|Ende|Anfang|Mitte|"
    r"em|at[ée]|antes d[eo]|no (?:in[íi]cio|final|fim) de|"
    r"entro(?: (?:la )?fine di)?|ad|a|da|a partire da|prima di|(?:all'inizio|alla fine|a fine|a inizio) di|"
    r"in|vanaf|voor|tegen|uiterlijk|(?:eind|begin|half|medio))"
)
FOREIGN_TIMING = re.compile(
    # a day of a month: "bis zum 30. Januar", "avant le 30 janvier", "antes del 30 de enero"
    rf"(?:\b{_PREP} (?:(?:el|le|la|o|a|dem|den|zum) )?)?\b\d{{1,2}}\.?(?: de)? {_MONTH}\b"
    rf"|\b{_PREP} (?:(?:el |le |la |o |a )?(?:mois de |mes de |m[êe]s de )?){_MONTH}\b"
    rf"|\b(?:antes del?|avant|d'ici|vor|bis zum|antes d[oa]|at[ée] ao|prima del(?:l'|la )?|entro|voor|v[óo][óo]r) "
    rf"{_SEASON}\b"
    r"|\b(?:la pr[óo]xima semana|el pr[óo]ximo mes|este mes|la semana que viene|el mes que viene|"
    r"cuanto antes|esta semana|cette semaine|la semaine prochaine|le mois prochain|ce mois-ci|d[èe]s que possible|"
    r"n[äa]chste(?:n)? (?:Woche|Monat)|diese(?:n)? (?:Woche|Monat)|so schnell wie m[öo]glich|"
    r"im n[äa]chsten (?:Monat|Quartal)|na pr[óo]xima semana|"
    # a quarter by its ordinal: "im zweiten Quartal", "au troisième trimestre", "nel primo trimestre"
    r"im (?:ersten|zweiten|dritten|vierten) Quartal|au (?:premier|deuxi[èe]me|second|troisi[èe]me|quatri[èe]me) trimestre|"
    r"en el (?:primer|segundo|tercer|cuarto) trimestre|no (?:primeiro|segundo|terceiro|quarto) trimestre|"
    r"nel (?:primo|secondo|terzo|quarto) trimestre|in het (?:eerste|tweede|derde|vierde) kwartaal|no pr[óo]ximo m[êe]s|este m[êe]s|"
    r"(?:a )?semana que vem|o mais r[áa]pido poss[íi]vel|"
    r"la prossima settimana|il prossimo mese|questo mese|questa settimana|(?:al )?pi[ùu] presto possibile|"
    r"volgende (?:week|maand)|deze (?:week|maand)|zo (?:snel|spoedig) mogelijk|"
    # the end of a period: "antes de fin de mes", "avant la fin du trimestre", "bis Ende des Jahres"
    r"(?:antes de|para|a) (?:fin|finales) de(?:l)? (?:mes|a[ñn]o|trimestre)|"
    r"(?:avant|d'ici) la fin (?:du mois|de l'ann[ée]e|du trimestre)|"
    r"bis (?:zum )?Ende (?:des |dieses )?(?:Monats|Jahres|Quartals)|"
    r"(?:at[ée] (?:ao|o)|antes do) (?:fim|final) do (?:m[êe]s|ano|trimestre))\b"
    # a quarter with its preposition: "bis Ende Q2", "avant le T3" is said back whole
    rf"|(?:\b(?:bis (?:zum )?)?(?:Ende|Anfang|Mitte) |\b(?:en|para|avant|d'ici|bis|vor|at[ée]) )?"
    rf"\bq[1-4](?: \d{{4}})?\b|\b{_MONTH}\b"
    # a day written in figures: "endet am 15.01.", "avant le 15/01", "entro il 15/1/2027"
    r"|\b(?:am|bis(?: zum)?|vor dem|avant le|d'ici le|antes del?|hasta el|entro il|"
    r"at[ée](?: o dia)?|no dia|uiterlijk|op) "
    r"(?:\d{1,2}\.\d{1,2}\.(?:\d{4}\b|\d{2}\b)?|\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?\b)",
    re.I,
)

# What hurts, in their words: "nous perdons des demandes entre le site et le CRM" is quoted
# back as "vous perdez des demandes entre le site et le CRM" (the reply's formal "you").
_LOSE = {
    "fr": (r"\b(?:nous perdons|on perd)\s+", "vous perdez {rest}"),
    "es": (r"\b(?:perdemos|estamos perdiendo)\s+", "pierden {rest}"),
    "pt": (r"\b(?:perdemos|estamos a perder|estamos perdendo)\s+", "perdem {rest}"),
    "de": (r"\b(?:wir|und) verlieren\s+", "Sie {rest} verlieren"),
}
# A clause ends at a stop or where a new one starts with "we": "entre le site et le CRM"
# is one place, "… et nous voulons démarrer" a second sentence.
_CLAUSE_END = re.compile(
    r"[.,;:!?\n(]|\s(?:et|mais|donc|car)\s+(?:nous|on|je)\b|"
    r"\s(?:y|pero|porque|e|mas|porque)\s+\w+mos\b|\s(?:und|aber|weil|denn)\s+(?:wir|ich)\b",
    re.I,
)
_OURS = {
    "fr": {"nos": "vos", "notre": "votre", "nous": "vous"},
    "es": {"nuestro": "su", "nuestra": "su", "nuestros": "sus", "nuestras": "sus"},
    "pt": {"nosso": "seu", "nossa": "sua", "nossos": "seus", "nossas": "suas"},
    "de": {
        "unser": "Ihr",
        "unsere": "Ihre",
        "unseren": "Ihren",
        "unserem": "Ihrem",
        "unserer": "Ihrer",
        "uns": "Ihnen",
    },
}


def foreign_pain(message: str, lang: str | None) -> str:
    """The loss a lead names in es/fr/de/pt, said back to them; "" when there is none."""
    if lang not in _LOSE:
        return ""
    verb, said = _LOSE[lang]
    m = re.search(verb, message, re.I)
    if not m:
        return ""
    rest = message[m.end() :]
    end = _CLAUSE_END.search(rest)
    words = (rest[: end.start()] if end else rest).split()
    if not 2 <= len(words) <= 12:  # a whole short clause, or nothing
        return ""
    words = [_OURS[lang].get(w.lower(), w) for w in words]
    return said.format(rest=" ".join(words))
