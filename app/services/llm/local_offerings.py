"""What the business offers, said around the list, is the answer set of the field asking for it.

"We teach violin, cello and flute. Trial lesson form: name, email, which instrument",
"Wir bieten Fensterreinigung, Büroreinigung und Grundreinigung an. Angebotsanfrage: …,
gewünschte Leistung", "Abbiamo tre menu: vegetariano, di pesce e di carne. Prenotazione: …,
menu scelto": the marketer named the choices once, in the sentence about the business, and
expects the field that asks for one of them ("instrument", "Leistung", "menu") to offer them.
The description is rewritten as if the marketer had put them in brackets after that field
("which instrument (violin, cello, flute)"), so the reading of answers in brackets (select or
multiselect, translated labels) decides the rest, and the list leaves the sentence about the
business, where it would be read as fields of its own ("Cello", "Flute").

Guards: a list that is not what a field asks about stays where it is ("serving London, Kent
and Essex" with "service needed"; "we sell sofas, beds and wardrobes" on a delivery feedback
form); a field whose answers are already given keeps them; a list naming fields (name, email)
is the asked list, not an offering.
"""

from __future__ import annotations

import re

from app.services.llm.local_described_words import FORM_NAME
from app.services.llm.local_domain import concept_for

# "we offer", "we hire out", "our services are", "ofrecemos", "wir bieten … an": what opens
# a sentence about what the business sells, teaches or hires out
_CUE = re.compile(
    r"\b(?:(?:we|i)(?:'re| are)?\s+(?:also\s+|mainly\s+|mostly\s+|now\s+|only\s+)?"
    r"(?:offer(?:ing)?|provide|teach|sell|make|bake|do|hire out|rent out|hire|rent|stock|"
    r"supply|speciali[sz]e in|run)"
    r"|our (?:services|treatments|classes|courses|lessons|products|packages|menus?|range) "
    r"(?:are|include|includes|has|have|offers?)"
    r"|ofrecemos|enseñamos|damos|vendemos|alquilamos|hacemos|tenemos"
    r"|nuestros servicios son|(?:nous|on) (?:proposons|propose|offrons|enseignons|vendons|"
    r"louons|donnons)|nos services sont|wir (?:bieten|unterrichten|verkaufen|vermieten|geben)"
    r"|unsere leistungen sind|oferecemos|ensinamos|alugamos|temos"
    r"|(?:os )?nossos serviços são|offriamo|abbiamo|insegniamo|vendiamo|noleggiamo"
    r"|i nostri servizi sono|(?:wij|we) (?:bieden|geven|verhuren|verkopen)"
    r"|onze diensten zijn)\b",
    re.I,
)
# "cours de yoga, de pilates": the kind of thing, then what of it
_KIND_OF = re.compile(
    r"^(?:(?:des|les|the|some|de|of)\s+)?(?:cours|classes|lessons|courses|clases|aulas|cursos|"
    r"corsi|lezioni|kurse|lessen|cursussen|services|servicios|serviços|servizi|menus?)\s+"
    r"(?:de|d'|of|in|em|di|für|en|van)\s+",
    re.I,
)
_LEADING = re.compile(r"^(?:de|d'|di|du|des|of|in|em|von|van)\s+", re.I)
_TRAILING = re.compile(
    r"\s+(?:mostly|mainly|etc\.?|and more|an|too|as well|sobre todo|surtout|vor allem)$",
    re.I,
)
_AND = r"\s*,\s*(?:and\s+|y\s+|e\s+|et\s+|und\s+|en\s+|ed\s+)?|\s+(?:and|y|e|et|und|en|ed|&)\s+"
# The field that asks for one of the offerings, in the five languages read
_ASKS_FOR = re.compile(
    r"\b(?:services?|treatments?|items?|equipment|gear|instruments?|courses?|class(?:es)?|options?|"
    r"styles?|estilos?|stil|stile|"
    r"lessons?|menus?|products?|packages?|activit(?:y|ies)|servicios?|tratamientos?|cursos?|"
    r"clases?|menús?|productos?|artículos?|actividad(?:es)?|modalidad(?:es)?|prestations?|"
    r"soins?|cours|formules?|produits?|activités?|leistung(?:en)?|dienstleistung(?:en)?|"
    r"behandlung(?:en)?|kurs(?:e)?|produkt(?:e)?|serviços?|tratamentos?|aulas?|"
    r"modalidades?|produtos?|atividades?|servizi|servizio|trattament[oi]|cors[oi]|prodott[oi]|"
    r"attività|diensten?|behandelingen?|cursus(?:sen)?|lessen)\b",
    re.I,
)
# "what items you want", "which services you're interested in", "what you'd like made"
_WHAT_WANTED = re.compile(
    r"^(?:what|which)\b.*\b(?:want|need|like|interest(?:s|ed)?|after|prefer|looking for)\b", re.I
)
_TYPE_OF = re.compile(r"\b(?:type|kind|sort)s? of\b", re.I)


def _items(said: str) -> list[str]:
    """The offerings of a list ("des cours de yoga, de pilates et de méditation"), or []."""
    said = _TRAILING.sub("", said.strip(" .!;"))
    items = [i.strip() for i in re.split(_AND, said, flags=re.I) if i.strip()]
    if items and _KIND_OF.match(items[0]):
        items = [_LEADING.sub("", _KIND_OF.sub("", items[0]))] + [
            _LEADING.sub("", i) for i in items[1:]
        ]
    if not 2 <= len(items) <= 8 or any(len(i.split()) > 4 for i in items):
        return []
    if any(concept_for(i.lower()) or "?" in i for i in items):  # "name, email": the asked list
        return []
    return items


def _offer(sentence: str, first: bool) -> tuple[str, str, list[str]] | None:
    """(what stays of the sentence, the head noun, the offerings) of a sentence about what
    the business offers, or None; ``first``: the description opens with it."""
    for cue in _CUE.finditer(sentence):  # "I run a bakery and we do cakes - …": the last
        before, rest = sentence[: cue.end()], sentence[cue.end() :]
        # "camping gear: tents, …", "party equipment (bouncy castles, …)"; not "1:1 coaching"
        split = re.search(r"\s*(?:(?<!\d):(?!\d)|\s[-–—]\s)\s*|\s*\((?=[^)]*\)\s*[.!]?$)", rest)
        if split:
            head, listed = rest[: split.start()], rest[split.end() :].rstrip(" .)!")
            items = _items(listed)
            words = head.split()
            if items and len(words) <= 4:
                return f"{before}{head}.", (words[-1] if words else ""), items
            continue
        items = _items(rest)
        kept = before[: cue.start()].rstrip(" ,-–—")  # "Garden design enquiry - we do …"
        if items:
            return (f"{kept}." if kept else "", "", items)
    if _CUE.search(sentence):
        return None
    # "dog walking, pet sitting and grooming." opening the description: the trade's list (not
    # a heading before it, "Council consultation - residents, …")
    plain = not re.search(r"[:(]|\s[-–—]\s|\b(?:we|our|i|my|has|have|is|are)\b", sentence, re.I)
    items = _items(sentence) if first and plain else []
    return ("", "", items) if len(items) >= 3 else None


def _asks_for(piece: str, head: str, items: list[str]) -> bool:
    """The piece asks for one of the offerings: a word for what is offered ("service",
    "which instrument"), or the noun they share ("custom cakes" … "type of cake", "corporate
    events" … "event type")."""
    piece = piece.strip()
    if not piece or "(" in piece or FORM_NAME.search(piece):  # "Trial lesson form: …"
        return False
    if re.search(r"\s(?:or|ou|oder)\s", piece, re.I):  # "resident or business": its answers
        return False
    # the shared noun heads what is asked ("type of cake", "event type"; not "company size")
    nouns = {w.lower().rstrip("s") for w in [head, *(i.split()[-1] for i in items)] if w}
    shares = any(
        len(n) > 2
        and re.search(rf"\b{re.escape(n)}s?(?:\s+(?:type|kind|choice|option)s?)?$", piece, re.I)
        for n in nouns
    )
    asked = _ASKS_FOR.search(piece) or _WHAT_WANTED.match(piece) or _TYPE_OF.search(piece)
    return bool(shares or asked)


def offered_choices(text: str) -> str:
    """``text`` with the offerings of its first sentence about the business moved, as answers
    in brackets, behind the field that asks for one of them (see the module's doc)."""
    # "… and carpet cleaning — quote form: name, …": the dash before a heading ends a sentence
    sentences = re.split(r"(?<=[.!?])\s+|\s+[-–—]\s+(?=[^,:.]{1,40}:)", text.strip())
    for at, sentence in enumerate(sentences[:-1]):
        offer = _offer(sentence, first=not at)
        if not offer:
            continue
        kept, head, items = offer
        later = " ".join(sentences[at + 1 :])
        for piece in re.finditer(r"(?:[^,;:\n\s]|\s(?![-–—]\s))+", later):
            parts = re.split(r"\s+(?=(?:and|y|et|und|e)\s)", piece.group(), maxsplit=1)
            follows = later[piece.end() :].lstrip()[:1]  # a heading's colon, answers given
            if _asks_for(parts[0], head, items) and follows not in ("(", ":"):
                end = piece.start() + len(parts[0].rstrip(" ."))
                answers = f" ({', '.join(items)})"
                later = later[:end] + answers + later[end:]
                return " ".join([*sentences[:at], *([kept] if kept else []), later])
        return text  # the first sentence about the business is the one a field may ask for
    return text
