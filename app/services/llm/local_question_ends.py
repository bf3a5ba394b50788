"""A question mark ends a list item though no comma follows it (issue 20, round 44a).

"…, can we enter if you're not home? photos", "…, what's broken? urgency": the question is
one item and what follows another, or the question's label carries "? photos" and the next
field is lost in it. Only inside an English list (a comma before the question): a question
that opens the description ("Did you enjoy the evening? rating, comments") is its heading,
and what follows a question in another language may be a remark the foreign readers take
("¿tienes coche? te pagamos la gasolina"). Not before what the follow-up and remark readers
take as they are: "if so …", "how many", "which one", "we'll bring a cake".
"""

from __future__ import annotations

import re

from app.services.llm.local_dutch_italian import dutch_or_italian
from app.services.llm.local_foreign import source_language

_ASKED_END = re.compile(
    r"(?<=\w)\?[ \t]+(?=(?-i:[a-z]))(?!(?:if|how|which|what|who|when|where|why|we|we'll|we're|"
    r"i|i'll|our|you|you'll|please|just|and|or|but|so|then|e\.?g|eg|ie|optional|required|yes|"
    r"no|that'?s|that is|thanks?|thank you)\b)",
    re.I,
)


def question_ends(text: str) -> str:
    """``text`` with a comma after each question mark that ends an item of its list."""
    lang = source_language(text)
    if lang or dutch_or_italian(text, lang):
        return text

    def end(m: re.Match) -> str:
        return "?, " if re.search(r"[,;]", text[: m.start()]) else m.group(0)

    return _ASKED_END.sub(end, text)
