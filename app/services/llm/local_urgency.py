"""How pressing a request is, asked with no answers listed: a short choice (round 41a).

"priority", "urgency", "Dringlichkeit", "urgentie", "urgency of the job", "degré d'urgence"
name a level: Low, Normal, High, Urgent ("severity": Low, Medium, High, Critical). "how
urgent is it", "wie dringend ist es", "¿qué tan urgente es?", "quanto è urgente" ask when it
must be done: Urgent, Within a few days, No rush. Each in the language the label is written
in (a Dutch or Italian label is read in its own words, the draft is labelled in them later).
Only the label alone asks it: "how urgent is it and why", "your top priority this year" and
answers listed by the marketer are left as they are.
"""

from __future__ import annotations

import re

# "urgency of the job", "priority for the repair"
_OF = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:job|request|repair|work|issue|problem|visit|call-?out|ticket|task))?"
)
_LEVEL = re.compile(
    r"^(?:(?:your|votre|su|ihre|a sua|uw|job|request|repair|ticket|issue)\s+)?(?:"
    r"(?:(?:level|degree)\s+of\s+)?(?:priority|urgency)(?:\s+level)?" + _OF + "|"
    r"(?:(?:degr[ée]|niveau)\s+d['’]\s?)?urgence|(?:niveau\s+de\s+)?priorit[ée]|"
    r"(?:(?:nivel|grado)\s+de\s+)?(?:urgencia|prioridad)|"
    r"(?:(?:n[íi]vel|grau)\s+de\s+)?(?:urg[êe]ncia|prioridade)|"
    r"dringlichkeit(?:sstufe)?|priorit[äa]t(?:sstufe)?|"
    r"(?P<nl>urgentie(?:niveau)?|prioriteit)|"
    r"(?:livello\s+di\s+)?(?P<it>urgenza|priorit[àa]))\??$",
    re.I,
)
_SEVERITY = re.compile(
    r"^(?:(?:your|votre|su|ihre|a sua)\s+)?(?:severity|gravedad|gravit[ée]|schweregrad|"
    r"gravidade|(?P<nl>ernst)|(?P<it>gravit[àa]))(?:\s+level)?\??$",
    re.I,
)
_WHEN = re.compile(
    r"^¿?(?:how\s+urgent(?:\s+(?:is\s+(?:it|this|the\s+\w+)|it\s+is))?|"
    r"(?:qu[ée]\s+tan|cu[áa]n)\s+urgente\s+es|"
    r"(?:[àa]\s+quel\s+point\s+(?:est-ce|c'est)\s+urgent|quelle\s+est\s+l['’]\s?urgence)|"
    r"wie\s+dringend(?:\s+ist\s+(?:es|das))?|"
    r"qu[ãa]o\s+urgente\s+[ée]|"
    r"(?P<nl>hoe\s+(?:dringend|urgent)(?:\s+is\s+het)?)|"
    r"(?P<it>quanto\s+(?:[èe]\s+)?urgente(?:\s+[èe])?))\??$",
    re.I,
)
_LEVELS = {
    "en": ["Low", "Normal", "High", "Urgent"],
    "fr": ["Basse", "Normale", "Haute", "Urgente"],
    "es": ["Baja", "Normal", "Alta", "Urgente"],
    "de": ["Niedrig", "Normal", "Hoch", "Dringend"],
    "pt": ["Baixa", "Normal", "Alta", "Urgente"],
    "nl": ["Laag", "Normaal", "Hoog", "Dringend"],
    "it": ["Bassa", "Normale", "Alta", "Urgente"],
}
_SEVERITIES = {
    "en": ["Low", "Medium", "High", "Critical"],
    "fr": ["Faible", "Moyenne", "Élevée", "Critique"],
    "es": ["Baja", "Media", "Alta", "Crítica"],
    "de": ["Gering", "Mittel", "Hoch", "Kritisch"],
    "pt": ["Baixa", "Média", "Alta", "Crítica"],
    "nl": ["Laag", "Gemiddeld", "Hoog", "Kritiek"],
    "it": ["Bassa", "Media", "Alta", "Critica"],
}
_WHENS = {
    "en": ["Urgent", "Within a few days", "No rush"],
    "fr": ["Urgent", "Dans les prochains jours", "Pas pressé"],
    "es": ["Urgente", "En los próximos días", "Sin prisa"],
    "de": ["Dringend", "In den nächsten Tagen", "Keine Eile"],
    "pt": ["Urgente", "Nos próximos dias", "Sem pressa"],
    "nl": ["Dringend", "Binnen enkele dagen", "Geen haast"],
    "it": ["Urgente", "Nei prossimi giorni", "Nessuna fretta"],
}


def pressing_answers(label: str, lang: str | None) -> list[str] | None:
    """The answers a label asking how pressing a request is offers (see the module)."""
    label = re.sub(r"\s+", " ", label).strip()
    for pattern, scale in ((_WHEN, _WHENS), (_SEVERITY, _SEVERITIES), (_LEVEL, _LEVELS)):
        said = pattern.match(label)
        if said:
            own = "nl" if said["nl"] else "it" if said["it"] else lang
            return list(scale.get(own or "en", scale["en"]))
    return None


def scale_words(options: list, lang: str) -> dict[str, str]:
    """{English answer: the answer in ``lang``} when ``options`` are one of these scales in
    English (a Dutch or Italian draft is read in English, then put back in its words)."""
    for scale in (_LEVELS, _SEVERITIES, _WHENS):
        if list(options) == scale["en"] and lang in scale:
            return dict(zip(scale["en"], scale[lang], strict=True))
    return {}
