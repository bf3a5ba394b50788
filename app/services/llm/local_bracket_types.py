"""The answer's type said in brackets after an item.

"website (link)", "county (dropdown)", "which night (pick a date)", "floor (number)",
"special requests (long text)"; and in refinement, "Sonderwünsche als großes Textfeld",
"add a question …, as a big text box" (local_refine_said, local_refine_ask): one table of the
kinds a marketer names in words,
"fecha (elige una fecha)", "Termin (Datum wählen)": the marketer names the kind of answer, not
its answers, so the brackets set the field's type and leave no words in the label.
"""

from __future__ import annotations

import re

_TYPES = (
    ("number", re.compile(r"(?:a )?(?:number|numeric|n[uú]mero|zahl|num[ée]rico)", re.I)),
    (
        "textarea",
        re.compile(
            r"(?:a\s+)?(?:long|big|large|multi-?line)\s+(?:text\s*)?(?:box|field|answer|text|area)|"
            r"paragraph|multi-?line|textarea|gro(?:ß|ss)es\s+textfeld|mehrzeiliges\s+(?:text)?feld|"
            r"langer\s+text|texto\s+largo|campo\s+de\s+texto\s+(?:largo|grande)|zone\s+de\s+texte|"
            r"texte\s+long|texto\s+longo|caixa\s+de\s+texto\s+grande",
            re.I,
        ),
    ),
    ("url", re.compile(r"(?:a )?(?:links?|urls?)", re.I)),
    (
        "select",
        re.compile(
            r"drop-?\s?down|select|dropdown menu|pick-?list|auswahlliste|dropdown-?men[üu]|"
            r"desplegable|liste\s+d[ée]roulante|lista\s+suspensa",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"(?:(?:pick|choose|select|enter|with) )?(?:a |the )?(?:date|calendar|date picker)|"
            r"(?:elige|elegir|escoge|selecciona) (?:una |la )?fecha|fecha|"
            r"(?:choisir|choisissez) (?:une |la )?date|"
            r"datum(?: w[äa]hlen| ausw[äa]hlen)?|kalender|"
            r"(?:escolha|escolher|selecione) (?:uma |a )?data",
            re.I,
        ),
    ),
)


# The words that name an address outright, in a list as in brackets: "previous talks (links)",
# "enlace a charlas anteriores", "lien vers votre portfolio", "Instagram profile" (a handle
# is a name, not an address)
ADDRESS_WORDS = (
    r"links?|urls?|website|enlaces?|liens?|liga[çc](?:[ãa]o|[õo]es)|collegamento|sito web|"
    r"(?:instagram|tiktok|facebook|youtube|linkedin|behance|dribbble|github|vimeo|soundcloud)"
    r"(?:[ -](?:profile|page|channel))"
)


def bracket_type(inner: str) -> str:
    """The field type the bracketed words name ("url", "select", "date", "number",
    "textarea"), or ""."""
    inner = inner.strip()
    return next((kind for kind, said in _TYPES if said.fullmatch(inner)), "")


# "do you have an existing website (url)": a yes/no question whose brackets name a link asks,
# on Yes, for the address; in each language the opener, and the follow-up ("URL du site web":
# the word every language reads as an address)
_OWN = (
    r"(?:(?:existing|own|current|eigene[nrs]?|bestehende[nrs]?|propi[oa]|propre|pr[óo]pri[oa]|"
    r"eigen|proprio|propria)\s+)*"
)
_NOUN = r"(?P<noun>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)"
_LINK = r"\s*\((?P<kind>url|link|lien|enlace|liga[çc][ãa]o|collegamento)\)\??"
_HAS_LINK = (
    (
        r"\b(?:do you (?:already )?have|have you got|does your (?:\w+ ){1,2}have)\s+"
        rf"(?:an?\s+|any\s+)?{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"{noun} {kind}",
    ),
    (
        rf"\b(?:haben sie|hast du|habt ihr)\s+(?:schon\s+|bereits\s+)?(?:eine?n?\s+)?{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"{noun}-URL",
    ),
    (
        rf"\b(?:avez-vous|as-tu|poss[ée]dez-vous)\s+(?:d[ée]j[àa]\s+)?(?P<art>une?)\s+{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"URL {'de la' if art == 'une' else 'du'} {noun}",
    ),
    (
        rf"\b(?:tienes?|tiene usted|dispone de|cuenta con)\s+(?:ya\s+)?(?P<art>una?)\s+{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"URL {'de la' if art == 'una' else 'del'} {noun}",
    ),
    (
        rf"\b(?:tem|tens|você tem|possui)\s+(?:j[áa]\s+)?(?P<art>uma?)\s+{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"URL {'da' if art == 'uma' else 'do'} {noun}",
    ),
    (
        rf"\b(?:heeft u|hebt u|heb je|hebben jullie)\s+(?:al\s+)?(?:een\s+)?{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"URL van de {noun}",
    ),
    (
        rf"\b(?:avete|ha|hai)\s+(?:gi[àa]\s+)?(?P<art>una?)\s+{_OWN}{_NOUN}{_LINK}",
        lambda noun, kind, art: f"URL {'della' if art == 'una' else 'del'} {noun}",
    ),
)
_HAS_LINK_RES = [(re.compile(said, re.I), worded) for said, worded in _HAS_LINK]


def linked_yes_no(text: str) -> str:
    """``text`` with "do you have a website (url)" said as the question and its follow-up
    ("…?, website url"), so the yes/no is asked and the address shown on Yes."""
    for said, worded in _HAS_LINK_RES:

        def split(m: re.Match, worded=worded) -> str:
            art = (m.groupdict().get("art") or "").lower()
            asked = m[0][: m.start("kind") - m.start() - 1].rstrip(" (")
            return f"{asked}?, {worded(m['noun'], m['kind'], art)}"

        text = said.sub(split, text)
    return text
