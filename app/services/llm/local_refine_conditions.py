"""A condition said in the marketer's own words, read against the form's own questions
(issue 20, refine round 43c).

"the photo is only needed if it's urgent", "dietary requirements only matter if they're
attending", "student ID is only needed for students", "photo only if urgent": a field shown
only when an earlier answer says so, said as what the field is for. And the condition names
a question the form asks in its own words: "it's urgent" is "Urgent?" answered Yes, "they're
coming" is "Attending?", "they have pets" is "Pets?"; said so, the show_if reader never adds
a second question ("Are you coming?" beside "Attending?"). A follow-up asked on that answer
("if they have pets, ask what kind", "ask 'What pets?' if they answer yes to pets") is a new
field under it. A condition that names nothing on the form and is nothing the visitor could be
asked ("only needed if the boiler is broken") is refused, naming the questions a condition can
be on. Said in fr/es/de/pt/it/nl the same ("la photo seulement si c'est urgent", "Foto nur
wenn dringend"), the answer is the form's own ("Oui", "Ja").

``rewrite(text, fields)`` returns the note in the phrasing the show_if reader reads, or None.
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.services.llm import local_refine_condition_target as condition_target
from app.services.llm.local_show_if import plainly

_ONLY_ABROAD = r"seulement|uniquement|solo|sólo|solamente|únicamente|nur|apenas|somente|só|soltanto|alleen|enkel"
_IF_ABROAD = r"si|s['’]|wenn|falls|se|als|quand|cuando|quando|wanneer"
_SHOW_ABROAD = r"affiche[rz]?|montre[rz]?|mostrar|muestra|zeige|zeigen|mostra|mostre|toon|tonen"
# "the photo is only needed if …", "dietary requirements only matter if …", "we only need
# the photo when …", "photo only if …", "student ID is only for students", "photo should be
# required only if …" (shown then, and required when shown)
_ONLY_NEEDED = re.compile(
    r"^(?!(?:make|add|include|ask|show|display|hide|set|change|put|move|remove|delete|keep|only)\b)"
    r"(?:the\s+)?(?P<x>[^,;:]+?)\s+(?:(?:is|are)\s+)?(?:(?:should|must|has\s+to|have\s+to|needs\s+to|will)\s+)?"
    r"(?P<only>only\s+)?(?:be\s+)?(?:(?P<state>(?P<req>required|mandatory|compulsory)|needed|necessary|"
    r"relevant|wanted|asked(?:\s+for)?|useful|shown|visible|appear|matters?|applies|apply|makes?\s+sense|"
    r"counts?)\s+)?(?P<only2>only\s+)?(?P<how>if|when|for)\s+(?P<c>.+)$"
    # "la photo seulement si c'est urgent", "Foto nur wenn dringend", "alergias solo si …"
    r"|^(?:(?:la|le|les|el|los|las|die|der|das|den|o|a|os|as|il|lo|gli|de|het)\s+|l['’])?(?P<x3>[^,;:]+?)\s+"
    rf"(?:(?:est|es|ist|é|è|is)\s+)?(?P<only3>{_ONLY_ABROAD})\s+(?P<how3>{_IF_ABROAD})\s*(?P<c3>.+)$"
    r"|^(?:we|you|i)\s+only\s+(?:need|want|ask\s+for|care\s+about)\s+(?:the\s+|their\s+)?(?P<x2>[^,;:]+?)\s+"
    r"(?P<how2>if|when|for)\s+(?P<c2>.+)$",
    re.I,
)
_NEEDED = re.compile(
    r"needed|necessary|relevant|useful|matters?|applies|apply|makes?\s+sense", re.I
)
# "ask 'What pets?' if they answer yes to pets", "if they have pets, ask what kind"
_ASK_QUOTED = re.compile(
    r"^(?:also\s+)?(?:ask|add)\s+(?P<q>['‘“\"][^'’”\"]+['’”\"])\s+(?:only\s+)?(?:if|when)\s+(?P<c>.+)$",
    re.I,
)
_IF_ASK_WHAT = re.compile(
    r"^(?:only\s+)?(?:if|when)\s+(?P<c>[^,]+?),\s*(?:then\s+)?ask(?:\s+them)?\s+"
    r"(?P<q>what\s+kind|what\s+type|which\s+(?:kind|type|ones?)|how\s+many)(?:\s+of\s+(?P<of>[\w -]+))?\??$",
    re.I,
)
# "show the song request only if they're coming", "if they need parking, ask for the car
# registration": said plainly, but of a question the form asks in other words
_SHOW_IF = re.compile(
    r"^(?:only\s+)?(?:show|display|ask(?:\s+them)?(?:\s+for|\s+about)?)\s+(?:the\s+)?(?P<x>[^,;:]+?)\s+"
    r"(?:field\s+|question\s+)?(?:only\s+)?(?:if|when)\s+(?P<c>[^,;:]+)$"
    rf"|^(?:{_SHOW_ABROAD})\s+(?:(?:la|le|les|el|los|las|die|der|das|den|o|a|os|as|il|lo|gli|de|het)\s+|l['’])?"
    rf"(?P<x3>[^,;:]+?)\s+(?:{_ONLY_ABROAD})\s+(?:{_IF_ABROAD})\s*(?P<c3>[^,;:]+)$"
    r"|^(?:only\s+)?(?:if|when)\s+(?P<c2>[^,;:]+?),\s*(?:then\s+)?(?:show|display|ask(?:\s+them)?"
    r"(?:\s+for|\s+about)?)\s+(?:the\s+)?(?P<x2>[^,;:]+)$",
    re.I,
)
# the ways to say yes to a question ("they have pets", "they answer yes to pets", "it's urgent")
_ANSWERS_TO = re.compile(
    r"^(?:they|you|people)\s+(?:answer(?:ed)?|say|said|pick(?:ed)?|tick(?:ed)?|choose|chose)\s+"
    r"(?P<a>yes|no)\s+(?:to|for|on)\s+(?:the\s+)?(?P<y>.+?)(?:\s+question)?$",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:(?:they|you|it|this|he|she)(?:'re|’re|'s|’s|\s+are|\s+is)?|there\s+(?:is|are)|"
    r"c['’]est|il\s+est|ils\s+sont|es|está|están|es\s+ist|ist|sie\s+sind|é|for|è|het\s+is)\s+",
    re.I,
)
# "we need ages only when …": the field is what is needed
_WE_NEED = re.compile(r"^(?:we|you|i)\s+(?:need|want|ask(?:\s+for)?)\s+(?:the\s+|their\s+)?", re.I)
# what the visitor is, has or wants can be asked ("phone only if they want a call": "Do you
# want a call?"); a thing the form never mentions cannot ("only needed if the boiler is broken")
_ASKABLE = re.compile(
    r"^(?:they|you|he|she|it|someone|people|the\s+(?:visitor|customer|client|guest|person))\b", re.I
)
_IS = re.compile(r"^(?P<y>.+?)\s+(?:is|are|equals|=)\s+(?P<z>.+)$", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|pas|nicht|kein|não|non|niet)\b", re.I)
_YES = re.compile(r"^(?:yes|oui|s[íi]|ja|sim)\b", re.I)
_NO = re.compile(r"^(?:no|non|nein|n[ãa]o|nee)\b", re.I)
# one doing, said two ways: "they're coming" answers "Attending?"
_SAME = {"coming": "attend", "come": "attend", "going": "attend", "attending": "attend",
         "joining": "attend", "attendance": "attend", "attend": "attend"}  # fmt: skip
_STOP = set(
    "a an the any some of to is are be do does did have has having you your they their them it its "
    "this that there we our us if when will would can could with for on in at by".split()
)


def rewrite(text: str, fields: list) -> str | None:
    quoted = _ASK_QUOTED.match(text)
    if quoted and not _one_field(quoted["q"].strip("'‘’\"“”"), fields, exact=True):
        yes_no = _yes_no_answer(quoted["c"], fields)
        return f"add {quoted['q']}; show it only if {yes_no}" if yes_no else None
    asked = _IF_ASK_WHAT.match(text)
    if asked:
        said = _yes_no_field(asked["c"], fields)
        if said is None:
            return None
        field, answer = said
        of = asked["of"] or " ".join(_content(field["label"], keep_s=True))
        if not of:
            return None
        q = re.sub(r"\s+", " ", asked["q"].lower())
        said = (
            f"Which {of}"
            if re.match(r"which\s+ones?", q)
            else (f"How many {of}" if q == "how many" else f"{q.capitalize()} of {of}")
        )
        label = f"{said}?"
        return f"add '{label}'; show it only if {field['name']} is {answer}"
    shown = _SHOW_IF.match(text)
    target = shown and _one_field(shown["x"] or shown["x2"] or shown["x3"], fields)
    if target:  # (a condition on no yes/no question is the show_if reader's, as it was)
        yes_no = _yes_no_answer(shown["c"] or shown["c2"] or shown["c3"], fields, target)
        return f"show {target['name']} only if {yes_no}" if yes_no else None
    if shown:  # "only ask for the new size if they chose exchange": a word of its label
        cond = condition_target.plain_condition(shown["c"] or shown["c2"] or shown["c3"])
        target = condition_target.target(shown["x"] or shown["x2"] or shown["x3"], cond, fields)
        yes_no = target and _yes_no_answer(cond, fields, target)
        return target and f"show {target['name']} only if {yes_no or cond}"
    m = _ONLY_NEEDED.match(text)
    only = m and (m["x2"] or m["only"] or m["only2"] or m["only3"])
    if not m or not (only or _NEEDED.fullmatch(m["state"] or "")):
        return (
            None  # "phone is required when booking": no condition unless "only" or "needed" says so
        )
    x, how, cond = (m[k] or m[f"{k}2"] or m[f"{k}3"] for k in ("x", "how", "c"))
    how = "if" if m["x3"] else how
    target = _one_field(x, fields) or _one_field(_WE_NEED.sub("", x), fields)
    if target is None:  # "the new size is only needed for exchanges": a word of its label
        cond = condition_target.plain_condition(cond)
        target = condition_target.target(_WE_NEED.sub("", x), cond, fields)
    if target is None:
        return None
    required = f"; make {target['name']} required" if m["req"] else ""
    yes_no = _yes_no_answer(cond, fields, target)
    if yes_no:
        return f"show {target['name']} only if {yes_no}{required}"
    if not _names_anything(cond, fields, target) and not _ASKABLE.match(cond):
        if how.lower() == "for" or not only:
            return None  # "the budget is only for our records": a purpose, no condition
        _refuse(cond, fields, text)
    return f"show {target['name']} only {how.lower()} {cond}{required}"


def _content(text: str, keep_s: bool = False) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", plainly(text).lower())
    words = [w if keep_s else w.rstrip("s") for w in words if w not in _STOP]
    return [w for w in words if len(w) > 1]  # ("16s": no word "s")


def _words(text: str) -> set[str]:
    """The words said, each as its stem ("needed", "need": "need"; "coming": "attend")."""
    return {_SAME.get(w) or re.sub(r"(?<=\w{3})(?:ed|ing)$", "", w) for w in _content(text)}


def _one_field(said: str, fields: list, exact: bool = False) -> dict | None:
    """The one field whose label is what was said (all of its words, or said by a part of it:
    "student ID" of "Student ID number", "photo" of "Photo of the problem")."""
    words = _words(said)
    if not words:
        return None
    if exact:
        hits = [f for f in fields if _words(f["label"]) == words]
    else:
        hits = [f for f in fields if (own := _words(f["label"])) and (own <= words or words <= own)]
    return hits[0] if len(hits) == 1 else None


def _yes_no_field(cond: str, fields: list, target: dict | None = None) -> tuple[dict, str] | None:
    """The yes/no question of the form that the condition says the answer to, and that answer."""
    cond = plainly(cond.strip().rstrip(".!?"))
    said = _ANSWERS_TO.match(cond)
    answer = said["a"].lower() if said else None
    rest = said["y"] if said else _SUBJECT.sub("", cond)
    stated = _IS.match(rest)  # "parking is yes"; "urgent is maybe" is an answer it does not offer
    if stated and not said:
        if not re.fullmatch(r"yes|no", stated["z"].strip(), re.I):
            return None
        rest, answer = stated["y"], stated["z"].strip().lower()
    if answer is None:
        answer = "no" if _NEGATED.search(rest) else "yes"
        rest = _NEGATED.sub(" ", rest)
    words = _words(rest)
    hits = [
        f
        for f in fields
        if f is not target
        and _asks_yes_no(f)
        and words
        and (own := _words(f["label"]))
        and (own <= words or words <= own)
    ]
    return (hits[0], answer) if len(hits) == 1 else None


def _yes_no_answer(cond: str, fields: list, target: dict | None = None) -> str | None:
    """ "<key> is yes": the question by its key, whose words ("Anyone under 16?") are never
    read again as a condition of their own."""
    said = _yes_no_field(cond, fields, target)
    if said is None:
        return None
    field, answer = said
    said_so = _YES if answer == "yes" else _NO
    option = next(str(o) for o in field["options"] if said_so.match(str(o)))
    # "Oui", "Ja" as the form has them; "yes" for "Yes - water/gas/electric", read whole
    return f"{field['name']} is {answer if re.match(answer, option, re.I) else option}"


def _asks_yes_no(field: dict) -> bool:
    options = [str(o) for o in field.get("options") or []]
    return (
        field.get("type") in ("select", "radio")
        and len(options) == 2
        and any(_YES.match(o) for o in options)
        and any(_NO.match(o) for o in options)
    )


def _names_anything(cond: str, fields: list, target: dict) -> bool:
    """Whether a word of the condition is a word of another question or of its answers."""
    said = _words(cond)
    for field in fields:
        if field is target:
            continue
        own = _words(field["label"]) | {
            w for o in field.get("options") or [] for w in _words(str(o))
        }
        if said & own:
            return True
    return False


def _refuse(cond: str, fields: list, text: str) -> None:
    asked = [f"“{f['label']}”" for f in fields if f.get("options")][:3]
    while True:  # one sentence, short enough to read above the examples
        where = f"; a condition can be on {' or '.join(asked)}" if asked else ""
        message = f"No question of this form tells “{cond[:60]}”{where}: “{text[:120]}”. Say exactly what to change."
        if len(message) < 190 or not asked:
            break
        asked.pop()
    raise ValidationError(message, fields={"description": message})
