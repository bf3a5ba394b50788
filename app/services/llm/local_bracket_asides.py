"""Brackets after an item that hold no answers: examples and a money limit.

"is it an emergency (e.g. leak, no hot water)?", "allergies (for example nuts)",
"tipo de obra (por ejemplo baño, cocina)", "Anzahl Zimmer (z. B. 3)", "travaux (p. ex. tonte)",
"serviço (ex.: pintura)": the marketer shows the visitor what kind of answer is meant; the words
are help under the question, not its answers, and the "e.g." is no sentence's end.
"amount requested (up to £5,000)", "budget (£1,500+)", "importe (hasta 5.000 €)",
"Betrag (max. 10.000 €)", "valor (até 2.000 €)": one sum with a limit, not a list split at the
thousands separator; the answer is a number with that bound, the words its help.
"is it urgent (no heating or a water leak count as urgent)", "priority housing (care leavers
qualify)", "è urgente (… contano come urgenti)": a bracket that explains when to answer yes is
help under a yes/no question, not its answers.
"diet (i.e. vegan, halal, none)" names the answers themselves: they stay, without the "i.e.".
"where were you sitting (block, row, seat)": the parts of one written answer, its placeholder
(local_answer_parts).
"amount (£10, £25, £50, other)", "size (S, M, L)" hold answers and are left as they are.
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm.local_answer_parts import lists_parts
from app.services.llm.local_consent import YES_NO

# the words that open a bracket of examples, in en/es/fr/de/pt
_EXAMPLES = re.compile(
    r"(?:e\.\s?g\.?|eg\.?|e\.g|for example|for instance|such as|"
    r"z\.\s?b\.?|zum beispiel|bspw\.?|beispielsweise|"
    r"p\.\s?ex\.?|par exemple|"
    r"por ejemplo|p\.\s?ej\.?|ej\.?|"
    r"por exemplo|ex\.|ex:)[:,]?\s+\S",
    re.I,
)
# "is it urgent (no heating or a leak count as urgent)", "priority housing (care leavers
# qualify)": a bracket that says when the answer is yes explains the question, it lists no
# answers; its verb gives it away
_EXPLAINS = re.compile(
    r"\b(?:counts? as|qualif(?:y|ies)|we only|only if|only when|(?:is|are) treated as|"
    r"(?:is|are) considered|contano come|conta come|valgono come|si considera(?:no)?|"
    r"cuentan como|cuenta como|se considera(?:n)?|solo si|comptent comme|compte comme|"
    r"(?:est|sont) consid[ée]r[ée]e?s?|seulement si|gelten als|gilt als|z[äa]hlen als|"
    r"z[äa]hlt als|nur wenn|tellen als|telt als|gelden als|geldt als|alleen als)\b",
    re.I,
)
# "(i.e. vegan, halal, none)": that is, the answers themselves
_THAT_IS = re.compile(
    r"(?:i\.\s?e\.?|ie\.|d\.\s?h\.?|c\.-[aà]-d\.?|es decir|ou seja)[:,]?\s+", re.I
)
_MAX = (
    r"up to|max(?:imum)?\.?|under|no more than|less than|below|hasta|m[aá]x(?:imo)?\.?|"
    r"bis(?: zu)?|h[oö]chstens|jusqu['’] ?[aà]|au maximum|at[eé]|no m[aá]ximo"
)
_MIN = (
    r"from|min(?:imum)?\.?|at least|over|more than|above|desde|a partir de|m[ií]n(?:imo)?\.?|"
    r"ab|mindestens|[aà] partir de|au moins|pelo menos|plus de|m[aá]s de|mais de|[uü]ber"
)
_CURRENCY = r"[£$€]|eur(?:os?)?|gbp|usd|chf|dollars?|pounds?|libras?"
_AMOUNT = r"\d{1,3}(?:[,.\s]\d{3})+|\d+(?:k\b)?"
_ABOUT = (
    r"approx(?:\.|imately)?|about|around|roughly|ca\.?|circa|environ|aprox(?:\.|imadamente)?|"
    r"alrededor de|etwa|ungef[aä]hr|cerca de|por volta de"
)
_MONEY = re.compile(
    rf"(?:(?P<max>{_MAX})|(?P<min>{_MIN})|(?P<about>{_ABOUT}))?\s*(?:{_CURRENCY})?\s*(?P<n>{_AMOUNT})\s*"
    rf"(?:{_CURRENCY})?\s*(?:(?P<plus>\+|or more|min(?:imum)?\.?)|(?P<most>max(?:imum)?\.?|"
    rf"or less|tops|m[aá]x(?:imo)?\.?))?",
    re.I,
)
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})(?P<sep>[,.])(\d{3})(?![\d])")
# what an extra costs: "+£20", "£3", "extra £10", "€5 per person"
_SURCHARGE = re.compile(
    rf"(?:\+\s*|plus\s+|extra\s+|add(?:itional)?\s+)?(?:{_CURRENCY})\s?\d+(?:[.,]\d+)?"
    r"(?:\s*(?:extra|more|each|per (?:person|item|child|night|day|hour)))?",
    re.I,
)
_HAS_CURRENCY = re.compile(rf"(?<![a-z])(?:{_CURRENCY})(?![a-z])", re.I)
_BRACKET = re.compile(r"\s*\((?P<inner>[^()]{1,120})\)")
_STEM_START = re.compile(
    r"(?:.*(?:[,;:\n(]|[.!?]\s|\band\b|\by\b|\bet\b|\bund\b|\be\b))?(.*)$", re.S
)
_FILLER = {"the", "your", "you", "is", "it", "an", "a", "of", "for", "de", "la", "el", "le", "du"}


def _amount(said: str) -> int:
    digits = re.sub(r"\D", "", said)
    return int(digits) * (1000 if said.lower().endswith("k") else 1)


def stem_before(before: str) -> str:
    words = _STEM_START.match(before)[1].split()
    return " ".join(words[-6:])


def _words(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return {w for w in re.findall(r"[a-z]{3,}", plain) if w not in _FILLER}


def take_asides(text: str) -> tuple[str, list[dict]]:
    """The description without its brackets of examples and money limits, and what they
    said: ``{"stem", "help", "min", "max"}`` for the item before each."""
    found: list[dict] = []

    def read(m: re.Match) -> str:
        inner = m["inner"].strip()
        stem = stem_before(m.string[: m.start()])
        if not _words(stem):
            return m[0]
        if _SURCHARGE.fullmatch(inner) and (
            m.string[: m.start()].rstrip().endswith("?") or inner[0] == "+"
        ):
            # "outfit change? (+£20)", "gift wrap (+£3)": an extra to take or not, at that price
            found.append(
                {"stem": stem, "help": inner[:1].upper() + inner[1:], "min": None, "max": None}
            )
            return " (yes/no)"
        that_is = _THAT_IS.match(inner)
        if that_is:
            return m[0].replace(that_is[0], "", 1)
        money = _MONEY.fullmatch(inner)
        cued = money and any(money[cue] for cue in ("max", "min", "about", "plus", "most"))
        if cued and _HAS_CURRENCY.search(inner):
            n = _amount(money["n"])  # "£1,500" alone may be a price: a cue or a sign comes too
            hi = n if (money["max"] or money["most"]) else None
            lo = n if (money["min"] or money["plus"]) else None
            found.append(
                {"stem": stem, "help": inner[:1].upper() + inner[1:], "min": lo, "max": hi}
            )
            return ""
        if lists_parts(inner):  # "(block, row, seat)": what to write, not what to choose
            found.append({"stem": stem, "help": inner[:1].upper() + inner[1:], "parts": True})
            found[-1].update(min=None, max=None)
            return ""
        explains = _EXPLAINS.search(inner) and len(inner.split()) >= 3
        if explains or _EXAMPLES.match(inner) or re.match(rf"(?:{_ABOUT})\s+\d", inner, re.I):
            said = inner if re.match(r"\w{1,2}\.", inner) else inner[:1].upper() + inner[1:]
            found.append({"stem": stem, "help": said, "min": None, "max": None})  # "e.g." as is
            found[-1]["yes_no"] = bool(explains)
            return ""
        if _HAS_CURRENCY.search(inner) and _THOUSANDS.search(inner):  # "(£500, £2,000+)"
            found.append({"thousands": _THOUSANDS.search(inner)["sep"]})
            return _THOUSANDS.sub(r"\1\3", m[0])  # the list split at its commas only
        return m[0]

    return _BRACKET.sub(read, text), found


def _grouped(text: str, sep: str) -> str:
    """ "£2000+" written back as the marketer did: "£2,000+"."""
    return re.sub(
        r"(?<![\d.,])\d{4,}(?![\d.,])", lambda n: f"{int(n[0]):,}".replace(",", sep), text
    )


def apply_asides(fields: list[dict], asides: list[dict], lang: str | None = None) -> None:
    """Each aside on the field its item became: the help under it; a money limit makes the
    answer a number with that bound; a note on when to say yes makes a yes/no (in ``lang``)."""
    for aside in asides:
        if "thousands" in aside:
            for f in fields:
                if f.get("options") and any(_HAS_CURRENCY.search(o) for o in f["options"]):
                    f["options"] = [_grouped(o, aside["thousands"]) for o in f["options"]]
            continue
        want = _words(aside["stem"])
        best, score = None, 0
        for f in fields:
            if f["type"] in ("file", "checkbox", "hidden"):
                continue
            overlap = len(want & _words(f.get("label") or f["name"].replace("_", " ")))
            if overlap > score:
                best, score = f, overlap
        if best is None:
            continue
        if aside.get("note"):  # "Please don't include …": said to whoever writes the text
            if best["type"] == "textarea" and not best.get("help"):
                best["help"] = aside["help"]
            continue
        if aside.get("parts"):  # one written answer, its parts shown in it
            if best["type"] not in ("text", "textarea"):
                best.update(type="text", options=[], max_length=None)
            best["placeholder"] = aside["help"]
            continue
        if aside["min"] is not None or aside["max"] is not None:
            if best["type"] in ("select", "radio", "text", "textarea"):
                best.update(type="number", options=[], max_length=None, min=None, max=None)
                best.pop("regex", None), best.pop("placeholder", None)
            if best["type"] != "number":
                continue
            best["min"], best["max"] = aside["min"], aside["max"]
        elif len(best.get("options") or []) > 2:  # the engine's own answers: no "e.g." under
            continue
        elif aside.get("yes_no") and best["type"] == "text":  # "es urgente (… cuentan como …)"
            yes_no = YES_NO.get(lang or "en", YES_NO["en"])  # nl/it: their own pass follows
            best.update(type="select", options=list(yes_no), max_length=None)
        if not best.get("help"):
            best["help"] = aside["help"]
