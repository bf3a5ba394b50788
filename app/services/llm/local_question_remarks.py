"""What the business says after a question in the list is that question's help (round 43a).

"…, birthday? we'll bring a cake", "need a hotel room? we have a discount at the Grand",
"¿tienes coche? te pagamos la gasolina": the marketer answers the visitor's next thought.
The remark is no field and no part of the label; shown under the question it follows, it
tells the visitor what a yes brings. It is taken out of the description (the list readers
of es/fr/de/pt/it/nl would read it as one more item) and given back as an aside.
"""

from __future__ import annotations

import re

from app.services.llm.local_bracket_asides import stem_before

# "we …" in each language: es/pt "(te) pagamos", fr "on / nous …", de "wir …", it
# "portiamo", nl "we / wij …"; what asks for more ("we need …", "wir brauchen …") is a list
_WE = (
    r"(?:we|we'll|we're|we've|we'd|wij|wir|nous|on|nós|noi)\s+(?!(?:need|ask|want|also need|"
    r"brauchen|benötigen|avons besoin|precisamos|abbiamo bisogno|hebben nodig)\b)\S"
    r"|(?:(?:te|le|les|os|lo|la|los|las|vos|lhe|lhes|ti|vi|gli)\s+)?[a-zà-ÿ]{2,}(?:amos|emos|imos|iamo)\b"
)
# right after a question's "?", up to the end of the description or of its sentence (a comma
# goes on with the list: "website? we'll review it, budget" is left alone)
_REMARK = re.compile(rf"\?\s+(?P<remark>(?:{_WE})[^,;.!?\n]{{2,80}})(?P<end>[.!]|\s*$)", re.I)


def question_remarks(text: str) -> tuple[str, list[dict]]:
    """The description without the remarks, and each as an aside (``local_bracket_asides``)
    on the question before it."""
    found: list[dict] = []

    def read(m: re.Match) -> str:
        stem = stem_before(m.string[: m.start()])
        if not stem:
            return m[0]
        remark = m["remark"].strip()
        found.append(
            {"stem": stem, "help": remark[:1].upper() + remark[1:] + ".", "min": None, "max": None}
        )
        return "?" + (" " if m["end"].strip() else "")

    text = _BRACKETED.sub(r"? \1", text)  # "anyone driving? (we offer non-alcoholic)"
    return _REMARK.sub(read, text), found


# the remark said in brackets after the question mark: the same remark
_BRACKETED = re.compile(r"\?\s*\(((?:we|we'll|we're|our|you'll|there's|it's)\b[^()]*)\)", re.I)
