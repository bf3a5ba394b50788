"""A tick box and its answers in the marketer's own words (issue 20, round 32a).

Before the description is read (``said_boxes``):

- a tick box said inside the list, the control word before or after the statement
  ("everyone must be over 18 tickbox", "i agree to the terms checkbox", "tick box: happy to be
  photographed", "Kästchen: AGB gelesen", "case à cocher : j'accepte le règlement", "casilla
  de aceptación de la política de privacidad") is written as the quoted tick box
  ``local_tick_box`` lifts: one checkbox labelled with the statement, without the control word;
- answers listed with spaces only ("t-shirt size (S M L XL)", "rating (1 2 3 4 5)") are
  written with commas, so they are the answers offered and no stock list replaces them.

``a_condition`` tells a statement that is a condition of taking part ("must", "I confirm",
"I agree", "over 18", the terms read): the box must be ticked. A wish ("send me news") stays
optional.
"""

from __future__ import annotations

import re

# one box, never "tick boxes for A, B and C" (a choice, ``local_choice_lists``)
_BOX = (
    r"(?:tick[- ]?box|check[- ]?box|case [àa] cocher|casilla(?: de verificaci[oó]n)?|"
    r"k[äa]stchen|ankreuzfeld|caixa de sele[cç][aã]o|caixa de verifica[cç][aã]o|caixinha)"
)
_LEAD = r"(?:(?:and|plus|also|y|et|und|e|a|an|one|the|una?|une|ein(?:e|em)?|uma?)\s+)*"
# "…, everyone must be over 18 tickbox": the statement runs back to the last separator
_AFTER = re.compile(
    rf"(?P<sep>^|[,;:\n]|\s-\s)\s*{_LEAD}(?P<x>[^,;:()\n\"“”]+?)\s+(?:an?\s+)?{_BOX}"
    rf"(?=\s*(?:[,;.\n]|$))",
    re.I,
)
# "tick box: happy to be photographed", "Kästchen: AGB gelesen"
_BEFORE = re.compile(
    rf"(?P<sep>^|[,;\n]|\s-\s)\s*{_LEAD}{_BOX}\s*:\s*(?P<x>[^,;:()\n\"“”]+?)\s*(?=[,;\n]|\.(?:\s|$)|$)",
    re.I,
)
# "casilla de aceptación de la política de privacidad": the person accepts it
_ACCEPTANCE = re.compile(
    rf"(?P<sep>^|[,;:\n]|\s-\s)\s*{_LEAD}{_BOX}\s+(?:de|d'|of|for|pour|para|f[üu]r)\s*"
    r"(?P<act>aceptaci[oó]n|acceptation|aceita[cç][aã]o|acceptance|zustimmung)\s+"
    r"(?P<x>(?:de|del|of|the|d'|du|de la|des|da|do|zu|zur|zum)\b\s*[^,;:()\n\"“”]+?)\s*(?=[,;\n]|\.(?:\s|$)|$)",
    re.I,
)
_ACCEPT = {
    "aceptaci": "Acepto",
    "acceptat": "J'accepte",
    "aceita": "Aceito",
    "acceptan": "I accept",
}
# "de la política" → "la política", "del reglamento" → "el reglamento", "du règlement" → "le …"
_CONTRACTED = (
    ("de la ", "la "),
    ("de l'", "l'"),
    ("del ", "el "),
    ("de los ", "los "),
    ("de las ", "las "),
    ("du ", "le "),
    ("des ", "les "),
    ("da ", "a "),
    ("do ", "o "),
    ("das ", "as "),
    ("dos ", "os "),
    ("of ", ""),
    ("d'", ""),
    ("de ", ""),
)
# a consent named by its noun ("gdpr consent checkbox", "newsletter checkbox"): the engine's
# own consent box says it better than the noun
_NOUN_ONLY = re.compile(
    r"^(?:gdpr|rgpd|dsgvo|lgpd|marketing|email|e-mail|privacy|data)?\s*"
    r"(?:consent|opt[- ]?in|newsletter|marketing|consentimiento|consentement|einwilligung|"
    r"consentimento)?$",
    re.I,
)


def _statement(said: str) -> str | None:
    said = re.sub(r"\s+", " ", said).strip(" .,;:-")
    if not said or _NOUN_ONLY.match(said) or not re.search(r"\w\w", said):
        return None
    return said[:1].upper() + said[1:]


def said_boxes(text: str) -> str:
    """The description with each tick box said in its list written as a quoted tick box, and
    answers listed with spaces written with commas."""

    def quoted(m: re.Match, said: str | None) -> str:
        if not said:
            return m.group(0)
        sep = m.group("sep")
        return f'{sep}{" " if sep.strip() else ""}a tick box for "{said}"'

    def accepted(m: re.Match) -> str:
        act, obj = m["act"], m["x"].strip()
        verb = next((v for k, v in _ACCEPT.items() if act.lower().startswith(k)), None)
        if not verb:  # "Zustimmung zur Datenschutzerklärung" says it as it is
            return quoted(m, _statement(f"{act} {obj}"))
        low = obj.lower()
        for said, article in _CONTRACTED:
            if low.startswith(said):
                obj = article + obj[len(said) :]
                break
        return quoted(m, _statement(f"{verb} {obj}"))

    text = _ACCEPTANCE.sub(accepted, text)
    text = _BEFORE.sub(lambda m: quoted(m, _statement(m["x"])), text)
    text = _AFTER.sub(lambda m: quoted(m, _statement(m["x"])), text)
    text = SPACED.sub(lambda m: "(" + ", ".join(m.group(1).split()) + ")", text)
    return SIZES_SAID.sub(
        lambda m: f"{m['size']} ({', '.join(_SIZE_CODE.findall(m['codes']))})", text
    )


# "(S M L XL)", "(1 2 3 4 5)", "(18-24 25-34 35+)": short codes or numbers, three or more
_CODE = r"(?:[A-Z0-9]{1,3}|\d+(?:[-–]\d+|\+)?)"
SPACED = re.compile(rf"\(\s*((?:{_CODE}\s+){{2,}}{_CODE})\s*\)")

# "hoodie size: S, M, L", "t-shirt size - S, M, L or XL", "Größe: S/M/L": the sizes offered
_SIZE_CODE = re.compile(r"\b(?:X{0,3}S|M|X{0,3}L|[2-5]XL)\b")
_CODE_SEP = r"(?:\s*[,/]\s*|\s+(?:or|o|ou|oder|and|y|et|und|e)\s+|\s+)"
SIZES_SAID = re.compile(
    r"(?P<size>(?i:\b(?:size|talla|taille|gr[öo](?:ß|ss)e|tamanho)\b)[^,;:()\n]{0,30}?)"
    r"\s*(?::|\s-|–)\s*"
    rf"(?P<codes>{_SIZE_CODE.pattern}(?:{_CODE_SEP}{_SIZE_CODE.pattern})+)(?![\w-])",
)

# a statement the person must accept to take part
_CONDITION = re.compile(
    r"\b(?:must|have to|has to|need to|confirm|agree|accept|declare|certify|acknowledge|"
    r"over (?:1[2-9]|2[01])|aged? (?:1[2-9]|2[01])\+?|terms|conditions|policy|rules|waiver|"
    r"debe[ns]?|tiene que|confirmo|acepto|declaro|doit|doivent|confirme|accepte|certifie|"
    r"muss|m[üu]ssen|best[äa]tige|akzeptiere|stimme|agb|gelesen|datenschutz|"
    r"deve[mn]?|tem de|tem que|confirmo|aceito|concordo|declaro|li e|"
    r"mayor(?:es)? de|plus de 1[2-9] ans|[üu]ber 1[2-9]|maior(?:es)? de|"
    r"condiciones|pol[ií]tica|r[eè]glement|conditions|regulamento|termos|normas)\b",
    re.I,
)


def a_condition(label: str) -> bool:
    """The box's statement is a condition of taking part: it must be ticked."""
    return _CONDITION.search(label) is not None
