"""An aside on how an item is answered (issue 20, round 36a): it sets the item's answer, never
a field of its own.

A marketer says beside an item how the visitor answers it: "several possible", "they can
choose several", "mehrere möglich", "varias opciones" (several answers: read with the other
modifiers after a list, ``local_choice_lists._MODIFIER``), "one only", "une seule réponse",
"nur eine" (one answer: the choice stays a single choice) and "optional", "facultatif",
"opcional", "freiwillig" (the item is optional). Before the description is read
(``answer_asides``):

- a one-answer aside after a list of answers is dropped ("size (S, M, L) one only");
- an optional word said bare after an item goes in brackets ("Telefon freiwillig",
  "fotos opcional" → "Telefon (freiwillig)"), where the item reader takes it as a flag;
- an optional aside closes its item: words run on after it are the next item ("company
  (optional) how many desks" → "company (optional), how many desks"), and in a run of contact
  words the item it is said of is the words after the last of them ("name email company
  (optional)" → "name email, company (optional)").

An item whose own words hold these words keeps them: "optional extras (…)", "do you run
several locations?", "the phone is optional" (a sentence, read as one already).
"""

from __future__ import annotations

import re

from app.services.llm.local_choice_lists import _answers, folded
from app.services.llm.local_listed_asks import _CONTACT_WORD

# one answer only, said after a list (or at the end of one, inside its brackets)
_ONE = (
    r"(?:(?:pick|choose|select|tick) )?(?:one only|only one|just one|one answer(?: only)?)|"
    r"(?:pick|choose|select|tick) one|single (?:choice|answer)|"
    r"une seule(?: r[ée]ponse| option)?|un seul choix|(?:choisir |cocher )?une seule|"
    r"(?:s[óo]lo |una )?una? (?:sola )?(?:opci[oó]n|respuesta)(?: [uú]nica)?|s[óo]lo una?|una sola|"
    r"nur eine(?: Antwort| Auswahl| Option)?|(?:eine )?Einfachauswahl|"
    r"apenas uma(?: op[cç][ãa]o| resposta)?|s[óo] uma(?: op[cç][ãa]o)?"
)
_END = r"(?=\s*(?:[,;.\n]|$))"
ONE_AFTER_LIST = re.compile(
    rf"\((?P<inner>[^()]+)\)\s*(?:[-–—,:]\s*)?\(?\s*(?:{_ONE})\s*\)?{_END}", re.I
)
ONE_IN_LIST = re.compile(rf"\((?P<inner>[^()]+?)\s*[-–—,;:]\s*(?:{_ONE})\s*\)", re.I)

# the item is optional, in the marketer's language
_OPTIONAL = (
    r"optional|optionnel(?:le)?s?|facultati(?:f|ve)s?|opcional(?:es)?|freiwillig|fakultativ|"
    r"if any|if known|if applicable"
)
# "Telefon freiwillig,": bare after an item; not "the phone is optional" / "es opcional"
BARE_OPTIONAL = re.compile(
    rf"(?P<before>[\w)'’]+)\s+(?:[-–—]\s+)?(?P<flag>optional|optionnel(?:le)?s?|"
    rf"facultati(?:f|ve)s?|opcional(?:es)?|freiwillig|fakultativ){_END}",
    re.I,
)
_BUT = re.compile(r"^(?:but|aber|pero|mais|mas|ma|maar)$", re.I)
_VERB = re.compile(
    r"^(?:is|are|be|being|est|sont|es|son|ser|ist|sind|sein|é|são|totally|entirely|also|"
    r"aussi|tambi[ée]n|auch|tamb[ée]m|completely|all|tous|todos|alle)$",
    re.I,
)
# "(optional) how many desks": the aside closes its item
# ("phone (optional) for reminders": the words after it say what it is for, they are no item)
_GOES_ON = (
    r"(?:for|so|to|if|in|on|as|at|by|and|or|but|because|since|unless|with|that|when|pour|par|"
    r"para|por|f[üu]r|zum|zur|um|damit|afin|si|se|sofern|falls|e|y|et|und|ou|o|oder|de|du|des|"
    r"da|do|en|em|pra|line|ligne|l[ií]nea|zeile|linha)"
)
RUN_ON = re.compile(rf"\(\s*(?:{_OPTIONAL})\s*\)(?=[ \t]+(?!{_GOES_ON}\b)[^\s,;.:()\-–—])", re.I)
# "name email company (optional)": the aside is said of "company" (after two contact words at
# least: "address line 2 (optional)", "dirección de facturación (opcional)" are one item)
_CONTACT = rf"(?:{_CONTACT_WORD})(?![\w-])"
CONTACT_RUN = re.compile(
    rf"(?P<run>(?:^|[:;,\n])\s*(?:{_CONTACT}[ \t]+){{2,}})"
    rf"(?P<item>(?!{_CONTACT}|{_GOES_ON}\b)[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){{0,2}})"
    rf"(?P<aside>[ \t]*\(\s*(?:{_OPTIONAL})\s*\))",
    re.I,
)


# "… any comments. Name optional.", "Company if applicable.": a sentence of its own that is one
# item and its optional word asks that item (optional), after the list
FLAGGED_ALONE = re.compile(
    r"^(?!\s*(?:the\s+)?(?:everything|all|rest|others?|anything|fields?|remaining)\b)"
    r"(?!.*\b(?:is|are)\b)"  # "Everything else optional.", "The rest is optional.": no item
    rf"\s*(?P<item>[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){{0,2}})[ \t]*"
    rf"(?:\(\s*(?:{_OPTIONAL}|if you have one)\s*\)|(?:{_OPTIONAL}|if you have one))\s*[.!]?\s*$",
    re.I,
)


def _bare(m: re.Match) -> str:
    if _VERB.match(m.group("before")):
        return m.group(0)
    if _BUT.match(m.group("before")):  # "what they'd use it for but optional"
        return f"({m.group('flag')})"
    return f"{m.group('before')} ({m.group('flag')})"


def answer_asides(text: str) -> tuple[str, list[set]]:
    """(the description with its asides on how an item is answered said where the readers of
    lists take them, the answer sets said to take one answer only, folded)."""
    ones: list[set] = []

    def one(m: re.Match) -> str:
        ones.append({folded(a) for a in _answers(m["inner"])})
        return f"({m['inner'].strip()})"

    text = ONE_IN_LIST.sub(one, ONE_AFTER_LIST.sub(one, text))
    text = BARE_OPTIONAL.sub(_bare, text)
    text = RUN_ON.sub(lambda m: f"{m.group(0)},", text)
    return CONTACT_RUN.sub(
        lambda m: f"{m.group('run').rstrip()}, {m.group('item')}{m.group('aside')}", text
    ), ones


def one_answer(fields: list, ones: list[set]) -> None:
    """A choice said to take one answer only stays a single choice ("drinks (…) only one")."""
    for answers in ones:
        for f in fields:
            if (
                f["type"] == "multiselect"
                and {folded(o) for o in f.get("options") or []} == answers
            ):
                f["type"] = "select"
                break
