"""An item that offers alternatives is one choice of whole phrases (issue 20, round 28b).

``keep_either_or`` runs in ``local_clauses.split_items`` before a list is cut, on the English
reading of the description (a foreign description has only its "or"/"and" glossed). Each
list item that offers alternatives gets its answers written out in brackets, each a whole
phrase as the visitor reads it, so the item reader makes one choice of them:

- "front only or front and back": the "and" is inside the second answer, not between two
  fields → [Front only, Front and back];
- "front, back or both", "weekdays, weekends or both", "mañanas, tardes o ambas": the comma
  list before "or both" belongs to the same choice → [Front, Back, Both] (a lead the first
  answer carries for all, "logo on front", is the question's, not the answer's);
- "full groom or bath only": "only" stays in its answer → [Full groom, Bath only];
- "livraison ou retrait en boutique", "entrega ou levantamento na loja": a place said with
  its own preposition belongs to its answer only → [Livraison, Retrait en boutique];
  "demi-journée ou journée complète": the first answer already holds the noun;
- "can you drop it off or do you need us to collect it?" is no yes/no question: the two ways
  are the answers → [Drop off, Collection];
- "(3 o 6 meses)", "(4 oder 8 Wochen)": the unit belongs to every number → [3 meses, 6 meses].

Not touched: "name and email", "first and last name", a yes/no question, a list of fields
("phone or email" stays what the list reader makes of it), "half or full day" (the reader
shares the head itself), anything with a field's own word in it.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_domain import concept_for

_OR = r"(?:or|o|ou|oder|u)"
_BOTH = (
    r"(?:both|either|all of them|ambos|ambas|los dos|las dos|les deux|tous les deux|beide|beides|"
    r"os dois|as duas)"
)
_ONLY = r"(?:only|just|solo|sólo|solamente|seulement|uniquement|nur|apenas|só)"
_PREP = r"(?:in|at|on|to|from|by|en|na|no|nos|nas|em|à|au|aux|a|al|de|del|da|do|im|am|zum|zur|bei)"
# where an answer happens ("in store", "en boutique", "na loja", "a domicilio"), not whose it is
# ("lettre de motivation", "problemas de saúde" name one thing)
_AT = r"(?:in|at|on|en|na|no|nos|nas|em|à|au|aux|a|al|im|am|zum|zur|bei)"
_WORD = r"[^\W\d_][\w'’-]*"
_HEADING = r"(?:method|option|type|preference|choice|mode|payment)"
_SHORT = rf"{_WORD}(?: {_WORD}){{0,2}}"
# "can you drop it off or do you need us to collect it?", "will you bring the bike in or
# should we pick it up?", "drop off or shall we collect"
_VISITOR_OR_US = re.compile(
    r"(?<![^,;:.!?\s(])(?<!\w )(?:(?:can|could|will|would) you |do you want to |would you like to )?"
    r"(?P<v1>drop|bring|post|send|deliver)\b(?P<o1>(?: [\w'-]+){0,3}?)(?: (?P<p1>off|in|over|round|along))?"
    r" or (?:(?:(?:do|would) you (?:need|want|prefer|like) (?:us|me) to|(?:should|shall|can|could) "
    r"(?:we|i)|(?:we|i) (?:can|could|will))"
    r" (?P<v2>collect|pick|fetch)\b(?: [\w'-]+){0,3}?(?: (?P<p2>up))?(?: [\w'-]+)?"
    # "… or do you need collection?", "… or would you like a pick-up?"
    r"|(?:(?:do|would) you (?:need|want|prefer|like) )?(?:a |an )?(?P<n2>collection|pick-?up|delivery))"
    r"\?*(?=\s*(?:[,;.!)]|$))",
    re.I,
)
_NOUNS = {"collect": "collection", "deliver": "delivery", "fetch": "collection", "send": "post"}
# a unit as written on a form: "30 min", not "30 mins"
_SHORT_UNITS = {"mins": "min", "mins.": "min", "hrs": "hours", "hr": "hour", "hrs.": "hours"}
_UNITS = re.compile(
    r"\((?P<nums>\d+(?:[.,]\d+)?(?:\s*,\s*\d+(?:[.,]\d+)?)*)\s*,?\s+(?:or|o|ou|oder|u)\s+"
    r"(?P<last>\d+(?:[.,]\d+)?)\s+(?P<unit>[^\W\d_][\w-]*)\)",
    re.I,
)


def either_way(text: str) -> str:
    """``text`` with "can you drop it off or do you need us to collect it?" said as its two
    answers ("drop off or collection"): read before the list, where "collect" would open one."""

    def said(m: re.Match) -> str:
        first = f"{m['v1']} {m['p1']}" if m["p1"] else m["v1"]
        first = _NOUNS.get(first.lower(), first).lower()
        if m["n2"]:
            second = m["n2"].lower()
        else:
            second = _NOUNS.get(m["v2"].lower()) or f"{m['v2']} {m['p2'] or ''}".strip().lower()
        # its own item with its answers, so a question before it keeps its own end
        return f"{first} or {second} ({first}, {second})"

    # "are you a member or not?", "heated or not": a yes/no, not [Member, Not]
    text = _OR_NOT.sub(lambda m: "" if m.group(1) else "?", text)
    return _ASKED_EITHER.sub(_either_answers, _VISITOR_OR_US.sub(said, text))


_OR_NOT = re.compile(r"(?<=\w),? or not\b(?=\s*(\?)?\s*(?:[,;.!]|$))", re.I)


# how a question offering ways to the visitor opens (English only: a gloss keeps foreign verbs)
_ASKED_WAYS = r"(?:would you like to|do you want to|are you|will you)"
# "would you like to view on a weekday or weekend", "are you buying or selling": a question
# that ends on two one-word ways is a choice of them, not a yes/no
_ASKED_EITHER = re.compile(
    rf"\b{_ASKED_WAYS} (?:[\w'-]+ ){{0,3}}?"
    r"(?:(?:on|in|at|by) )?(?:a |an )?(?P<a>[^\W\d_][\w-]*) or (?:a |an )?(?P<b>[^\W\d_][\w-]*)\??"
    r"(?=\s*(?:[,;.!]|$))",
    re.I,
)


def _either_answers(m: re.Match) -> str:
    a, b = m["a"], m["b"]
    if {a.lower(), b.lower()} & {"not", "no", "neither", "both", "either"} or not (
        _plain(a) and _plain(b)
    ):
        return m.group(0)
    return f"{m.group(0)} ({a[:1].upper() + a[1:]}, {b[:1].upper() + b[1:]})"


def _plain(phrase: str) -> bool:
    """A short answer, not a field's name ("email", "phone", "address")."""
    words = phrase.split()
    field = concept_for(phrase) or phrase.strip().lower().replace(" ", "_") in catalog.FIELDS
    return 1 <= len(words) <= 4 and not field and "?" not in phrase


def _units(m: re.Match) -> str:
    """ "(3 or 6 meses)" → "(3 meses, 6 meses)"; a count of one takes the singular."""
    unit = m.group("unit")
    nums = [n.strip() for n in m.group("nums").split(",")] + [m.group("last")]
    return "(" + ", ".join(f"{n} {_singular(unit) if n == '1' else unit}" for n in nums) + ")"


def _singular(unit: str) -> str:
    """The unit of a count of one: meses → mes, weeks → week, mois stays."""
    return (
        re.sub(r"(?<=s)es$", "", unit)
        if unit.endswith("ses")
        else re.sub(r"(?<![ios])s$", "", unit)
    )


def _answers(pieces: list[str]) -> list[str]:
    """The answers as said, a lead the first one carries for all dropped ("print on one side
    or both" → one side / both)."""
    first = pieces[0].split()
    preps = [i for i, w in enumerate(first[:-1]) if re.fullmatch(_PREP, w, re.I) and i > 0]
    if preps and all(len(p.split()) < len(first) for p in pieces[1:]):
        pieces = [" ".join(first[preps[-1] + 1 :]), *pieces[1:]]
    return pieces


def _written(label: str, answers: list[str], mark_and: str, mark_comma: str) -> str:
    label = label.replace(",", mark_comma).replace(" and ", mark_and).replace(" & ", mark_and)
    # two answers are "A or B": one of them, never a list to tick ("weekdays or weekends only")
    listed = " or ".join(answers) if len(answers) == 2 else ", ".join(answers)
    if not re.fullmatch(r"[\w' -]{1,30} or [\w' -]{1,30}", listed):
        listed = ", ".join(answers)
    return f"{label} ({listed})"


def _either_or(item: str, mark_and: str, mark_comma: str) -> str | None:
    """``item`` with its answers written out, or None when it offers no alternatives the
    reader would misread."""
    said = item.strip()
    if "(" in said or not re.search(rf"\s{_OR}\s", said, re.I):
        return None
    if "?" in said or re.match(
        r"(?:what|which|why|how|who|when|where|whether|if|do|does|is|are|can|would|will|tell)\b",
        said.strip(),
        re.I,
    ):
        return None
    # "weekdays, weekends or both", "front only or front and back"
    # "printed on one side or both sides": "both" may carry the noun again
    both = re.fullmatch(
        rf"(?P<list>.+?),?\s+{_OR}\s+(?P<both>{_BOTH})(?: (?P<noun>{_WORD}))?", said, re.I
    )
    if both:
        pieces = [p.strip() for p in re.split(rf",\s*|\s+{_OR}\s+", both["list"]) if p.strip()]
        if not (1 <= len(pieces) <= 3 and all(_plain(p) for p in pieces)):
            return None
        said_both = both["both"] + (f" {both['noun']}" if both["noun"] else "")
        if not both["noun"]:
            answers = _answers(pieces)
            if len(pieces) == 1 and answers == pieces:
                return None  # "white or both": the reader has it; "red, " before it is asked
            return _written(said, [*answers, said_both], mark_and, mark_comma)
        if len(pieces) == 1:  # "(one side or both sides)": "or", not a list of several
            answers = f"{_answers([pieces[0], said_both])[0]} or {said_both}"
            return f"{said.replace(' and ', mark_and)} ({answers})"
        answers = _answers(pieces)  # "print on front, back or both sides" → Front, Back, Both
        if all(len(p.split()) == 1 for p in answers):  # "inside, outside or both windows"
            return _written(said, [*answers, both["both"]], mark_and, mark_comma)
        return None
    pieces = [p.strip() for p in re.split(rf"\s+{_OR}\s+", said, flags=re.I)]
    # "lesson length 30 or 60 mins", "academic year 2025/26 or 2026/27": the words before the
    # first value are the question, a unit after the last belongs to every value
    value = r"\d+(?:[./:,-]\d+)*"
    asked_num = re.fullmatch(rf"(?P<label>{_WORD}(?: {_WORD}){{0,4}}) (?P<n>{value})", pieces[0])
    last = re.fullmatch(rf"(?P<n>{value})(?: (?P<unit>[^\W\d_][\w.]*))?", pieces[-1])
    if len(pieces) == 2 and asked_num and last:
        unit = _SHORT_UNITS.get((last["unit"] or "").lower(), last["unit"] or "")
        answers = [
            f"{n} {_singular(unit) if n == '1' else unit}".strip()
            for n in (asked_num["n"], last["n"])
        ]
        return _written(asked_num["label"], answers, mark_and, mark_comma)
    if len(pieces) != 2 or not all(_plain(p.replace(" and ", " ")) for p in pieces):
        return None
    a, b = pieces
    # "delivery method home delivery or click and collect": the heading is the question's
    headed = re.match(rf"^(?P<label>(?:{_WORD} ){{0,2}}{_HEADING})\s+(?P<first>.+)$", a, re.I)
    if headed and _plain(headed["first"]):
        first = re.sub(r"^by\s+", "", headed["first"], flags=re.I)  # "payment by card or cash"
        return _written(headed["label"], [first, b], mark_and, mark_comma)
    a_words, b_words = a.lower().split(), b.lower().split()
    if " & " in b and "&" not in a and len(a_words) <= 2:  # "colour or black & grey": one answer
        return _written(said, [a, b], mark_and, mark_comma)
    if " and " in b and not re.search(r"\band\b", a):  # "front only or front and back"
        if b_words[0] in a_words or any(re.fullmatch(_ONLY, w, re.I) for w in a_words):
            return _written(said, [a, b], mark_and, mark_comma)
        return None
    if re.search(r"\band\b", said):
        return None
    if re.fullmatch(r"\d+", a) and re.match(r"\d+ [^\W\d]", b):  # "30 or 60 min walks"
        unit, rest = (b.split(" ", 1)[1] + " ").split(" ", 1)
        first = f"{a} {_singular(unit) if a == '1' else unit} {rest}".strip()
        return _written(said, [first, b], mark_and, mark_comma)
    if any(
        re.fullmatch(_ONLY, w, re.I) for w in (a_words[0], a_words[-1], b_words[0], b_words[-1])
    ):
        return _written(said, [a, b], mark_and, mark_comma)  # "full groom or bath only"
    placed = len(b_words) >= 3 and any(re.fullmatch(_AT, w) for w in b_words[1:-1])
    # "demi-journée or journée complète": the first answer already names the noun
    named = len(b_words) == 2 and len(a_words) == 1 and b_words[0] in re.split(r"[-‐]", a_words[0])
    if (placed and len(a_words) <= 2) or named:
        return _written(said, [a, b], mark_and, mark_comma)
    return None


_WAYS_OPENER = re.compile(
    rf"^\s*{_ASKED_WAYS}\s+(?P<first>[^\W\d_][\w-]*)\s*$",
    re.I,
)


def _asked_ways(parts: list[str], i: int, mark_comma: str) -> tuple[str, int] | None:
    """ "do you want to buy", ",", "sell or rent?" → the question with its answers, and the
    index after it; None when the parts are no such question."""
    opener = _WAYS_OPENER.match(parts[i])
    if not opener:
        return None
    answers, k = [opener["first"]], i + 1
    while k + 1 < len(parts) and parts[k] == ",":
        piece = parts[k + 1].strip()
        last = re.fullmatch(rf"([^\W\d_][\w-]*)\s+{_OR}\s+([^\W\d_][\w-]*)\??", piece, re.I)
        if last:
            answers += [last[1], last[2]]
            if not all(_plain(a) for a in answers) or len(answers) > 5:
                return None
            said = mark_comma.join(parts[i : k + 2 : 2])
            listed = ", ".join(a[:1].upper() + a[1:] for a in answers)
            return f"{said} ({listed})", k + 2
        if not re.fullmatch(r"[^\W\d_][\w-]*", piece):
            return None
        answers.append(piece)
        k += 2
    return None


def keep_either_or(segment: str, mark_and: str, mark_comma: str) -> str:
    """``segment`` with each item that offers alternatives written as "label (A, B)"; an "and"
    or a comma kept inside the label is ``mark_and`` / ``mark_comma`` (the splitter's marks)."""
    segment = _UNITS.sub(_units, segment)
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(segment):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;:":
            parts.append(segment[start:i])
            parts.append(ch)
            start = i + 1
    parts.append(segment[start:])
    # "front, back or both": the items before "or both" are its answers
    out, i = [], 0
    while i < len(parts):
        part = parts[i]
        if part in (",", ";", ":"):
            out.append(part)
            i += 1
            continue
        asked = _asked_ways(parts, i, mark_comma)
        if asked:  # "do you want to buy, sell or rent?": one question, three ways
            out.append(asked[0])
            i = asked[1]
            continue
        span = 0
        for back in (2, 1):  # up to two items before "B or both"
            end = i + 2 * back
            if end < len(parts) and all(parts[k] == "," for k in range(i + 1, end, 2)):
                joined = ",".join(parts[i : end + 1 : 2])
                short = back == 1 or all(len(p.split()) <= 2 for p in parts[i : end - 1 : 2])
                if (
                    short
                    and re.search(rf"\s{_OR}\s+{_BOTH}(?: {_WORD})?\s*$", joined, re.I)
                    and _either_or(joined, mark_and, mark_comma)
                ):
                    span = back
                    break
        if span:
            joined = ",".join(parts[i : i + 2 * span + 1 : 2])
            lead = joined[: len(joined) - len(joined.lstrip())]
            out.append(lead + _either_or(joined, mark_and, mark_comma))
            i += 2 * span + 1
            continue
        written = _either_or(part, mark_and, mark_comma)
        lead = part[: len(part) - len(part.lstrip())]
        out.append(lead + written if written else part)
        i += 1
    return "".join(out)
