"""A follow-up said inline right after a yes/no question (SPEC §17 ``show_if``, issue 20).

Marketers ask a yes/no question and its follow-up in one breath: "are you bringing
children? if so how many", "any food allergies? if yes, which ones", "do you have a car to
trade in — if so, make and model" (and, read in English, "¿tienes mascotas? si es así,
cuántas", "Haben Sie Kinder? Wenn ja, wie viele"), or with the follow-up in brackets or
bare: "bringing kids? (how many)", "plus one? (name)", "need parking? how many spaces",
"des allergies ? lesquelles". A marketer expects two fields: the question, offered as
Yes / No, and the follow-up, optional and shown only on "Yes" (a yes/no label on a count,
"Bringing kids?" typed as a number, is neither).

``said_inline(text)`` rewrites each such pair into the shape the list reader already knows
("any food allergies (yes/no), if yes, which ones": ``local_show_if_items``), so the
question is a yes/no choice and the follow-up its rule. ``named_follow_ups(fields)`` gives a
bare follow-up its subject: "How many?" after "Are you bringing children?" is "How many
children?", "Which ones?" after "Any food allergies?" is "Which food allergies?".

Left alone: an "if" that is no follow-up of a question ("website if you have one", "we call
you back if needed"), "if so, we'll …" (what we do, not a field), a follow-up of a question
that already offers its answers ("(yes/no), if yes, please explain").
"""

from __future__ import annotations

import re
import unicodedata

from app.services.llm.local_condition_items import permission_asked
from app.services.llm.local_domain import concept_for
from app.services.llm.local_said_follow_ups import BARE_ASKED

# a yes/no question said as one: "are you …", "do you have …", "any allergies", "bringing a pet"
_ASKS = (
    r"(?:are|is|do|does|did|have|has|had|will|would|can|could|was|were|any|bringing|"
    r"need(?:ing)?|own|using|taking)\b"
)
# "<question>? if so[,] <follow-up>" or "<question> — if so, <follow-up>"; the follow-up's own
# "?" before the next item is taken with it ("if so, how many?, comments")
_INLINE = re.compile(
    r"(?P<q>(?<=[,;:.?!])[^,;:.?!()]+|^[^,;:.?!()]+)"
    r"(?:\?\s*,?|\s+[-–—]\s*)\s*(?P<if>if\s+(?:so|yes))\b\s*,?\s*"
    r"(?P<f>[^,;:.?!()]+?(?:\s*\([^)]*\))?)\s*(?:\?(?=\s*[,;]))?(?=[,;.?!]|$)",
    re.I,
)
# "roughly how many times": the count asked, not a field of its own "Roughly …"
_ROUGHLY = re.compile(r"^(?:roughly|approximately|approx\.?|about|around)\s+(?=how\b)", re.I)
# what we do ("if so, we'll call"), what the visitor may do ("if so, just write them in the
# message"): not a follow-up field
_NOT_FIELD = re.compile(
    r"^(?:we|we'll|we will|we'd|i|i'll|our|you'll|please\s+(?:let|tell)|just|feel free|"
    r"write|mention|put|note|use|see|(?:call|email|contact|ring|phone)\s+us)\b",
    re.I,
)
# "how are you travelling (car, train, bus)? if by car, registration number"
_CHOICE = re.compile(
    r"\((?P<opts>[^)]*)\)\s*\??\s*,?\s*if\s+(?:(?:by|with|via|on|in|at|the|an?)\s+)?"
    r"(?P<o>[\w' -]+?)\s*,\s*(?P<f>[^,;:.?!()]+?)\s*(?=[,;.?!]|$)",
    re.I,
)


def said_inline(text: str, foreign: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """(the description with each "<yes/no question>? if so <follow-up>" written as
    "<question> (yes/no)? If yes, <follow-up>" and each "(a, b)? if by a, <follow-up>" as
    "(a, b), if a, <follow-up>", [(the question, its follow-up)])."""
    follow_ups = []

    def rewrite(m: re.Match) -> str:
        question, follow = m["q"].strip(), _ROUGHLY.sub("", m["f"].strip())
        dash = "?" not in m.group(0)[len(m["q"]) : m.start("if") - m.start()]
        if (
            not re.match(_ASKS, question, re.I)
            and (dash or len(question.split()) > 8 or not question)
        ) or _NOT_FIELD.match(follow):
            return m.group(0)
        follow_ups.append((question, follow))
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
        return f"{lead}{question} (yes/no)? If yes, {follow}"

    def choice(m: re.Match) -> str:
        offered = [o.strip().lower() for o in re.split(r",|/|\bor\b", m["opts"])]
        if (
            m["o"].strip().lower() not in offered
            or m["o"].strip().lower() in ("yes", "no")  # "(yes/no)? if yes, …": read already
            or _NOT_FIELD.match(m["f"])
        ):
            return m.group(0)
        follow_ups.append(("", m["f"].strip()))
        return f"({m['opts']}), if {m['o'].strip()}, {m['f'].strip()}"

    def unsaid(m: re.Match) -> str:
        question, follow = m["q"].strip(), m["f"].strip()
        if not _follows(question, follow, asks=m["end"] == "?"):
            return m.group(0)
        follow_ups.append((question, follow))
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
        end = "" if m["end"] == "?" else m["end"]  # "how many?": the follow-up's own mark
        return f"{lead}{question} (yes/no)? If yes, {follow}{end}"

    text = _BRACKETED.sub(_bracketed, _ALONG.sub(r"\g<q>? (", text))
    text = _SUBJECTLESS.sub(lambda m: _with_subject(m, foreign), text)
    text = _INLINE.sub(rewrite, text)
    return _CHOICE.sub(choice, _UNSAID.sub(unsaid, text)), follow_ups


# "bringing kids? (how many)", "plus one? (name)", "Haustiere? (welche)": a follow-up in
# brackets after a yes/no question is asked on its "Yes", as "if yes, how many" is
_BRACKETED = re.compile(r"\?\s*\((?P<f>[^()]+)\)")
# "bringing kids (how many)": whether they come along is asked though no "?" says it
_ALONG = re.compile(
    r"(?P<q>(?:^|(?<=[,;:]))\s*(?:are you\s+)?(?:bringing|(?:coming|travell?ing|arriving) with)"
    r"\s+[\w' -]+?)\s*\((?=\s*(?:how many|what kind|which|name)\s*\))",
    re.I,
)
# what a follow-up asks when it names no subject of its own, left in the marketer's words
# by the reading in English ("des allergies ? lesquelles", "alergias? (quais)")
_THEIR_BARE = re.compile(
    rf"^\s*(?:{'|'.join(word for words in BARE_ASKED.values() for word in words)})\s*\??\s*$", re.I
)
# in brackets, a follow-up that names no subject ("(please list)", "(name)")
_ASKED_BARE = re.compile(
    r"^\s*(?:how many|how much|how long|how often|which(?: ones?)?|what kind|what type|what sort|"
    r"(?:please\s+)?(?:list(?: them)?|specify|describe|give details)|details|name)\s*\??\s*$",
    re.I,
)

_IF_SO = re.compile(r"^\s*if\s+(?:so|yes)\s*,?\s*", re.I)


def _bracketed(m: re.Match) -> str:
    asked = _IF_SO.sub("", m["f"])  # "allergies? (if so, which)"
    bare = _ASKED_BARE.match(asked) or _THEIR_BARE.match(asked) or _COUNTED.match(asked.strip())
    return f"? if yes, {asked}" if bare else m[0]


# "plus one? if yes, name", "any medication? if yes, please list": said of the question's
# subject, or the rule would show the form's own name field and "list" be read as a field
_SUBJECTLESS = re.compile(
    r"(?P<q>(?<=[,;:.?!])[^,;:.?!()]+|^[^,;:.?!()]+)\?\s*if yes,\s*"
    r"(?P<f>name|(?:please\s+)?list(?:\s+them)?)(?=\s*(?:[,;.?!]|$))",
    re.I,
)


def _with_subject(m: re.Match, foreign: bool) -> str:
    if m["f"].lower() != "name":
        return f"{m['q']}? if yes, which"  # named after the subject with "How many?" (below)
    # a question in another language is half read in English: whose name is said in its words
    # at the end (local_said_follow_ups), from a placeholder no reading turns into the question
    whose = "companion" if foreign else _LEAD.sub("", m["q"].strip())
    return f"{m['q']}? if yes, name of the {whose}"


# "running for a team? team name", "does your pet take medication? which one and how often":
# the piece right after a yes/no question is its follow-up though no "if so" says it, when
# it names what the question asks about or asks about it bare ("what is your phone number"
# after "member?" is a question of its own)
_UNSAID = re.compile(
    r"(?P<q>(?<=[,;:.?!])[^,;:.?!()]+|^[^,;:.?!()]+)\?\s*,?\s*"
    r"(?P<f>[^\s,;:.?!()][^,;:.?!()]*?)\s*(?P<end>[,;.?!]|$)",
    re.I,
)
_WH = re.compile(r"^(?:what|which|how|when|where|who|whom|whose|why)\b", re.I)
_BARE_FOLLOW = re.compile(
    r"^(?:which ones?|how many|how often|how much|how long|what kind|what type|details)"
    r"(?:\s+and\s+(?:which ones?|how many|how often|how much|how long|when))?$",
    re.I,
)
# "need parking? how many spaces": how many of what the question offers, or which one
_COUNTED = re.compile(r"^(?:how many|which|what kind of|what type of)\s+\w+(?:\s+\w+)?$", re.I)
# "do you have a DBS check? certificate number": the number of what they have
_HAS = re.compile(r"^(?:do you (?:have|hold)|have you got|have you)\b", re.I)
_ITS_ID = re.compile(r"\b(?:number|reference|ref|id|expiry date)$", re.I)
_CONTACT = re.compile(r"\b(?:phone|mobile|cell|contact|telephone|whatsapp|email|e-mail)\b", re.I)
# words of any question, no subject: "do you need tables?" and "need lighting" share none
_PLAIN = set(
    "your have with from that this they there name number need needs like want would".split()
)


def _nouns(text: str) -> set[str]:
    # "vous jouez en équipe ? name de l'equipe": read in English, an accent may be gone
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in _words(plain).split() if len(w) > 3 and w not in _PLAIN]
    return {re.sub(r"s$", "", re.sub(r"ies$", "y", w)) for w in words}


def _follows(question: str, follow: str, asks: bool) -> bool:
    """``follow``, said right after the yes/no ``question``, is asked only on its "Yes"
    (``asks``: it ends on a question mark of its own, a question beside it unless bare)."""
    if _WH.match(question) or not 1 <= len(question.split()) <= 8:
        return False
    if not 1 <= len(follow.split()) <= 5 or _NOT_FIELD.match(follow) or _CONTACT.search(follow):
        return False
    if permission_asked(question):  # "can we access the garden? how many windows": two asked
        return bool(_nouns(question) & _nouns(follow))
    if _BARE_FOLLOW.match(follow) or _THEIR_BARE.match(follow) or _COUNTED.match(follow):
        return True
    said = concept_for(_LEAD.sub("", question))
    if said and said == concept_for(follow):
        return False  # "any allergies? allergy details": one field asks both
    # "team name if yes" says its own condition; "do you need lighting?" is a question too
    if asks or re.match(_ASKS, follow, re.I) or re.search(r"\bif\b", follow, re.I):
        return False
    if _HAS.match(question) and _ITS_ID.search(follow):
        return True
    return bool(_nouns(question) & _nouns(follow)) and not _WH.match(follow)


# a follow-up that names no subject of its own
_BARE = re.compile(
    r"^(?P<w>how many|which ones?|which|what kind|what type|what sort|how much)\??$", re.I
)
# the question's verb and subject before what it asks about
_LEAD = re.compile(
    r"^(?:(?:are|is|do|does|did|have|has|will|would|can|could|was|were)\s+)?"
    r"(?:(?:you|your\s+\w+|they|there|any\s+of\s+the\s+\w+)\s+)?"
    r"(?:(?:bringing|have|had|got|take|taking|own|use|using|need|needing|keep|been|hold|holding|"
    r"(?:travell?ing|coming|arriving)\s+with)\s+)*"
    r"(?:(?:any|a|an|some|more)\s+)?",
    re.I,
)

_SOME_OF = re.compile(r"^are any of (?:the|your) (?P<who>\w+) (?P<what>\w+)$", re.I)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def named_follow_ups(fields: list, follow_ups: list[tuple[str, str]]) -> None:
    """A follow-up said inline is optional (it is shown on one answer only), its question
    asked as written ("Need a visa?", not "Visa?"); "How many?" / "Which ones?" shown on a
    yes/no question's "Yes" is named after what the question asks about ("How many
    children?", "Which food allergies?")."""
    by_name = {f["name"]: f for f in fields}
    said = [f" {_words(follow)} " for _, follow in follow_ups]
    questions = {_words(q): q for q, _ in follow_ups if q}
    for field in fields:
        conds = (field.get("show_if") or {}).get("all") or []
        words = _words(field.get("label", ""))
        if conds and words and any(f" {words} " in p for p in said):
            field["required"] = False  # "if by car, registration number": only some answer
        if field.get("options") == ["Yes", "No"] and words and words not in questions:
            whole = [q for w, q in questions.items() if f" {words} " in f" {w} "]
            if len(whole) == 1 and len(whole[0].split()) <= 10:  # "Visa?" of "need a visa"
                field["label"] = whole[0][0].upper() + whole[0][1:] + "?"
        m = _BARE.match(field.get("label", "").strip())
        if not m or len(conds) != 1 or conds[0].get("value") != "Yes":
            continue
        controller = by_name.get(conds[0].get("field"))
        if not controller or controller.get("options") != ["Yes", "No"]:
            continue
        question = controller["label"].strip().rstrip("?").strip()
        some = _SOME_OF.match(question)
        if some and m["w"].lower() == "how many":  # "Are any of the guests vegetarian?"
            field["label"] = f"How many {some['who'].lower()} are {some['what']}?"
            continue
        subject = _LEAD.sub("", question)
        words = subject.split()
        if not 1 <= len(words) <= 3 or re.search(r"\b(?:to|in|on|at|for|of|with)$", subject):
            continue
        asked = m["w"].lower()
        plural = words[-1].lower().endswith("s") or words[-1].lower() in ("children", "people")
        if asked == "how many" and not plural:
            continue
        word = {"which ones": "which", "which one": "which"}.get(asked, asked)
        word += " of" if asked.startswith("what ") else ""  # "What kind of pet?"
        field["label"] = f"{word.capitalize()} {subject.lower()}?"
