""" "Tick (here) if you want X": a box the person ticks for X, not a field named "Tick".

"…, email, tick if you'd like campaign updates", "marca si quieres recibir novedades",
"cochez si vous voulez des nouvelles de la campagne", "ankreuzen, wenn Sie den Newsletter
möchten", "marque se quiser receber novidades": the item is an opt-in, in the person's own
voice ("I'd like campaign updates", "Quiero recibir novedades"). ``quoted_wishes`` writes each
as a quoted tick box (``local_tick_box`` then lifts it out: one checkbox with those words,
the consent box when they ask for news or offers).
"""

from __future__ import annotations

import re

_END = r"(?P<x>[^,.;:!?\n]+?)\s*(?=[,.;:!?\n]|$)"
_WISHES = (
    (
        re.compile(
            r"\b(?:please\s+)?(?:tick|check)(?:\s+(?:here|this|(?:this|the|a)\s+box|box))?\s+"
            r"if\s+(?:you(?:'d|\s+would)\s+like|you\s+want|you\s+wish|you'?re\s+interested\s+in)"
            r"(?:\s+(?=to\b))?\s+" + _END,
            re.I,
        ),
        "I'd like {x}",
    ),
    (
        re.compile(
            r"\bmarca(?:r|d)?(?:\s+(?:aquí|aqui|la casilla|esta casilla))?\s+si\s+"
            r"(?:quieres|quiere|quieren|deseas|desea|te gustaría|le gustaría)\s+" + _END,
            re.I,
        ),
        "Quiero {x}",
    ),
    (
        re.compile(
            r"\bcoche[rz](?:\s+(?:ici|la case|cette case))?\s+si\s+(?:vous\s+(?:voulez|souhaitez|désirez)|"
            r"tu\s+veux)\s+" + _END,
            re.I,
        ),
        "Je souhaite {x}",
    ),
    (
        re.compile(
            r"\b(?:ankreuzen|kreuzen Sie an|bitte ankreuzen)\s*,?\s+(?:wenn|falls)\s+Sie\s+"
            r"(?P<x>[^,.;:!?\n]+?)\s+(?:möchten|wollen|wünschen)\b",
            re.I,
        ),
        "Ich möchte {x}",
    ),
    (
        re.compile(
            r"\bmarque(?:\s+(?:aqui|a caixa|esta caixa))?\s+se\s+(?:quiser|quer|deseja|desejar|"
            r"gostaria de)\s+" + _END,
            re.I,
        ),
        "Quero {x}",
    ),
)


def quoted_wishes(text: str) -> str:
    """``text`` with each "tick if you want X" written as a quoted tick box for X."""
    for pattern, voice in _WISHES:

        def box(m: re.Match, voice: str = voice) -> str:
            wish = re.sub(r"\s+", " ", m.group("x")).strip(" \"'")
            if not wish or '"' in wish:
                return m.group(0)
            return f'a tick box "{voice.format(x=wish)}"'

        text = pattern.sub(box, text)
    return text


# The box's words ask for news of the business or the cause: the consent to hear from it
_NEWS = re.compile(
    r"^(?:I'd like|Quiero|Je souhaite|Ich möchte|Quero|"
    # a box said in the list in the person's voice: "send me news tickbox" (round 32a)
    r"(?:please )?(?:send|email) me|keep me (?:posted|updated|informed)|env[ií](?:en|ad)me|"
    r"m[aá]ndenme|envoyez-moi|schicken Sie mir|senden Sie mir|enviem-me|mandem-me)\b.{0,40}\b(?:news|updates|offers|"
    r"newsletters?|hear (?:how|about|more|from)|campaign|novedades|noticias|ofertas|campaña|"
    r"nouvelles|actualités|offres|campagne|neuigkeiten|angebote|newsletter|kampagne|"
    r"novidades|notícias|campanha)\b",
    re.I,
)


def wished_news(label: str) -> str | None:
    """``marketing`` for a wish written by ``quoted_wishes`` that asks for news or offers."""
    return "marketing" if _NEWS.search(label) else None
