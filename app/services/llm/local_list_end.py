"""Where a described list ends (round 43a).

Marketers close their list with a stop marker: "…, can we quote you? nothing else",
"…, what do you use now to budget? that's it", "…, ¿sabes nadar? eso es todo", "… das
war's". The marker is no field and no part of the last item's label, wherever it sits: after
a question's "?" it becomes a sentence of its own, and each language's marker is said the way
that language's reader knows ("eso es todo" → "nada más", read "nothing else": the form asks
the listed fields only). Dutch and Italian are glossed word by word, with no such reading:
their marker just goes.
"""

from __future__ import annotations

import re

# each language's markers (en, es, fr, de, pt, it, nl), and the one its reader knows ("" drops it)
_MARKERS = (
    (r"(?:and )?(?:that'?s|that is) (?:it|all|everything)|nothing (?:else|more)", "nothing else"),
    (r"(?:y )?eso es todo|(?:y )?nada m[aá]s|y ya est[aá]", "nada más"),
    (r"(?:et )?c'est tout|rien d'autre|rien de plus", "rien d'autre"),
    (r"das war'?s|das ist alles|sonst nichts|mehr nicht", "sonst nichts"),
    (r"(?:e )?s[óo] isso|(?:e )?é tudo|mais nada", "mais nada"),
    (r"(?:ed? )?è tutto|nient'altro|niente altro|e basta", ""),
    (r"(?:en )?dat is alles|verder niets|meer niet", ""),
)
# A marker is a piece of the list: after a comma, a question's "?", a full stop or a dash,
# and followed by nothing or by the next sentence
_AT = r"(?P<before>[,;?!.:]|\s[-–—])\s*(?P<marker>{})(?=\s*(?:[.!,;]|\s[-–—]\s|$))"
_FOUND = [
    (re.compile(_AT.format(words.replace("'", "['’]")), re.I), said) for words, said in _MARKERS
]


# any language's marker; said alone, as its own sentence, it is no item
MARKER = "(?:" + "|".join(words.replace("'", "['’]") for words, _ in _MARKERS) + ")"
STOP = re.compile(rf"^\s*{MARKER}\s*[.!]*\s*$", re.I)


def list_ended(text: str) -> str:
    """The description with each stop marker in the words its language's reader knows, and
    one after a question said as a sentence of its own."""
    for found, said in _FOUND:
        for match in reversed(list(found.finditer(text))):
            asked = match["before"] == "?"
            rest = text[match.end() :]
            if not said:  # "…, dat is alles": the list ends where it is said
                text = text[: match.start("before") + asked] + rest
            elif asked:  # "… budget? that's it" → "… budget? Nothing else."
                rest = re.sub(r"^\s*[.!,;]*\s*", "", rest)
                text = (
                    text[: match.end("before")]
                    + f" {said[:1].upper()}{said[1:]}."
                    + (" " + rest if rest.strip() else "")
                )
            else:
                text = text[: match.start("marker")] + said + rest
    return text
