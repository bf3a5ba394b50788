"""An instruction read as the field(s) it names and what happens to them (issue 20, stop 28).

The phrasing rules each know one way of saying a change; a marketer says "photos aren't
required", "job title and company are optional", "flat number has to be filled in", "add
Beginner as a lesson type", "lesson type needs a 'Ladies' option too". Here the clause is
cut into the fields it names (the form's own labels, ``find_many``) and an operation said
around them in any of the usual ways, and said again in the one phrasing the handlers read.
A clause whose named part is not a field of this form is left as it is, so nothing is
guessed: the handlers answer it, or say what they could not do. And a refinement that ends
with a new field named by the instruction itself ("Muda o tipo de telhado para uma lista",
"Number of guests only if they're coming", "A") is refused (``misread``): a silent wrong
edit is worse than a question.
"""

from __future__ import annotations

import re

from app.services.llm.local_fields import RefineError
from app.services.llm.local_refine_bounds import rewrite as bounds
from app.services.llm.local_refine_conditions import rewrite as conditions
from app.services.llm.local_refine_file_kinds import added as uploads
from app.services.llm.local_refine_foreign import misread_label
from app.services.llm.local_refine_input_kinds import rewrite as input_kind
from app.services.llm.local_refine_many import rewrite as many
from app.services.llm.local_refine_more import KIND_RE
from app.services.llm.local_refine_number_said import rewrite as number_said
from app.services.llm.local_refine_targets import find_many

_CHOICE = ("select", "multiselect")
# how a state is said of a field: "is", "aren't", "has to be", "doesn't need to be"
_COPULA = (
    r"(?P<neg>isn't|aren't|is not|are not|shouldn't be|should not be|needn't be|need not be|"
    r"doesn't (?:need|have) to be|don't (?:need|have) to be|does not (?:need|have) to be|"
    r"do not (?:need|have) to be|can't be|cannot be|mustn't be|must not be)|"
    r"(?:is|are|can be|could be|should be|should all be|must be|has to be|have to be|needs to be|"
    r"need to be|will be|ought to be)"
)
_FLAG = (
    r"(?P<flag>optional|required|mandatory|compulsory|obligatory|"
    r"filled in|filled out|answered|left (?:blank|empty)|skipped)"
)
_STATE = re.compile(
    rf"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:fields?\s+|questions?\s+|boxes\s+|box\s+)?(?:{_COPULA})\s+"
    rf"(?:both\s+|all\s+|always\s+|now\s+)?{_FLAG}(?:\s+(?:too|as well|please|now|then))?$",
    re.I,
)
# "charity number is optional because not everyone is a charity": the reason is not the field
_BECAUSE = re.compile(r"\s*,?\s+(?:because|since|as not|as some|as many|as most)\s.+$", re.I)
_ALL_SAID = re.compile(
    r"all(?: (?:the|of the))?(?: fields| questions)?|every (?:field|question)|all of them|everything",
    re.I,
)
_ALL = re.compile(r"^(?:everything|all of them)\s+(?:is|are)\b", re.I)
_ADD_AS = re.compile(
    r"^(?:add|include)\s+(?:an?\s+)?(?P<x>[\w' -]+?)\s+as\s+(?:an?\s+)?"
    r"(?P<flag>required|optional|mandatory)\s+(?:field|question)$",
    re.I,
)
# "add Beginner as a lesson type", "add 'Ladies' as another option for lesson type"
_AS_ONE_OF = re.compile(
    r"^(?:add|include)\s+(?P<o>.+?)\s+as\s+(?:an?|another|one more|a new|an extra)\s+"
    r"(?:(?:option|choice|answer)\s+(?:for|to|in|of|under)\s+(?:the\s+)?)?(?P<x>.+?)$",
    re.I,
)
# "lesson type needs a 'Ladies' option too", "how important is this: add 'Critical' as an option"
_NEEDS_OPTION = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:needs|should have|could have|should also have|also needs|"
    r"is missing|lacks)\s+(?:an?|another|the)\s+(?P<o>.+?)\s+(?:option|choice|answer)"
    r"(?:\s+(?:too|as well))?$",
    re.I,
)
_LABEL_THEN_ADD = re.compile(
    r"^(?P<x>[^:;]+?)\s*:\s*(?:add|include)\s+(?P<o>.+?)\s+as\s+(?:an?|another|one more)\s+"
    r"(?:option|choice|answer)$",
    re.I,
)
# "make 'refund or exchange' two radio buttons": the count is the options', not a kind
_COUNTED_KIND = re.compile(
    r"\b(?:two|three|four|five|2|3|4|5)\s+(?=radio buttons?\b|buttons?\b)", re.I
)
# "split contact details into name, email and phone"
_SPLIT = re.compile(
    r"^(?:split|break|divide)\s+(?:up\s+)?(?:the\s+)?(?P<x>.+?)\s+(?:up\s+)?(?:into|in)\s+"
    r"(?:separate\s+|individual\s+)?(?P<parts>.+?)(?:\s+fields)?$",
    re.I,
)


_FOREIGN_REASON = re.compile(
    r"\s*,\s*(?:no hace falta|no es necesario|no lo necesitamos|pas besoin|ce n'est pas n[ée]cessaire|"
    r"on n'en a pas besoin|brauchen wir nicht|(?:das )?ist nicht n[öo]tig|n[ãa]o [ée] necess[áa]rio|"
    r"n[ãa]o precisamos|non serve|non [èe] necessario|niet nodig|hebben we niet nodig)\.?$",
    re.I,
)
# "photos are optional and the date … has to be filled in", "photo is optional but bio is
# required", "asset tag optional, department required"
_TWO_STATES = re.compile(
    r"^(?P<a>.+?\b(?:optional|required|mandatory|compulsory|filled in|filled out))"
    r"(?:\s+(?:and|but|while|whereas)\s+|\s*,\s*(?:and\s+|but\s+)?)(?P<b>.+)$",
    re.I,
)
_FLAG_ABROAD = re.compile(
    r"\b(?:pflicht(?:feld)?|erforderlich|optional|freiwillig|obligatoire|facultati(?:f|ve)|"
    r"obligatori[oa]|opcional|obrigat[óo]ri[oa]|facultativ[oa]|obbligatori[oa]|facoltativ[oa]|"
    r"verplicht|optioneel)\b",
    re.I,
)
_TWO_STATES_ABROAD = re.compile(
    r"^(?P<a>[^,;]+?\b(?:pflicht(?:feld)?|erforderlich|freiwillig|obligatoire|facultati(?:f|ve)|obligatori[oa]|"
    r"opcional|obrigat[óo]ri[oa]|facultativ[oa]|obbligatori[oa]|facoltativ[oa]|verplicht|optioneel|optional))"
    r"\s*,\s*(?:(?:und|et|y|e|en)\s+)?(?P<b>[^,;]+)$",
    re.I,
)
_OWN_VERB = re.compile(r"\b(?:should|must|needs? to|has to|can|could)\b", re.I)
_POLITE = re.compile(r"(?:\s*,?\s*(?:please|pls|thanks|thank you))+$", re.I)
# "t-shirt size should also have XXL", "the ticket type also needs VIP"
_ALSO_HAS = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:should also|also should|could also|should|also|needs to also)\s+"
    r"(?:have|include|offer|need|needs|has)\s+(?P<o>.+?)(?:\s+(?:too|as well|as an option))?$",
    re.I,
)
# "how urgent should be low, medium or high": the answers, for a field that has none yet
_IS_LIST = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:should be|must be|needs to be|could be|can be)\s+"
    r"(?:either\s+|one of\s+)?(?P<o>[^,;:]+(?:,\s*[^,;:]+)*(?:,?\s+or\s+)[^,;:]+|[^,;:]+(?:,\s*[^,;:]+){2,})$",
    re.I,
)
# "the project summary should be limited to 500 characters", "abstract limited to 2000
# characters", "keep the abstract under 300 words"
_LIMITED = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:(?:should be|must be|needs to be|is)\s+)?(?:limited|capped|kept)\s+"
    r"(?:to|at|under)\s+(?P<n>\d[\d,]*)\s+(?P<unit>characters|chars|words)$|"
    r"^(?:keep|limit|cap)\s+(?:the\s+)?(?P<x2>[^:;]+?)\s+(?:under|below|to|at|within)\s+"
    r"(?P<n2>\d[\d,]*)\s+(?P<unit2>characters|chars|words)$",
    re.I,
)
# "let them upload a photo of the item", "people should be able to attach their CV"
_UPLOAD = re.compile(
    r"^(?:let\s+(?:them|people|visitors|customers|guests)|allow\s+(?:them|people|visitors|customers)\s+to|"
    r"(?:they|people|visitors|customers)\s+(?:should|must)\s+be\s+able\s+to)\s+"
    r"(?:upload|attach|send(?:\s+us)?)\s+(?P<x>.+)$",
    re.I,
)
# "add a birthday field (date)": the kind in brackets belongs to the field, not its label
# (and a flag after it is said before: "add a birthday (date), optional" kept "(date)")
_FIELD_KIND = re.compile(
    rf"^(?P<verb>add|include|ask for|ask about|collect)\s+(?:an?\s+|their\s+)?(?P<x>[^()]+?)(?:\s+field)?\s+"
    rf"(?P<kind>\((?:{KIND_RE}|optional|required|mandatory)\))"
    r"(?:\s*[,-]?\s*(?P<flag>optional|required|mandatory))?$",
    re.I,
)


# a kind of list and its answers without a colon between them: "… a dropdown 1, 2, 3, 4, 5+"
_LIST_NO_COLON = re.compile(
    r"\b((?:an?\s+)?(?:drop-?\s?down|select|multiple[- ]choice|multi-?select|radio buttons|"
    r"check\s?boxes|tick\s?boxes)(?: (?:list|menu))?)\s+(?=[^,:(]+,[^,]+)(?!with\b|of\b|for\b|from\b|\()",
    re.I,
)
# "the questions box can be 500 characters max", "the bio should be up to 100 words"
_LENGTH_SAID = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:can|should|may|must)\s+(?:be|have)\s+(?:up to\s+|at most\s+|max(?:imum)?\s+)?"
    r"(?P<n>\d+)\s+(?P<u>characters?|chars|words)(?:\s+(?:max(?:imum)?|at most|tops))?$",
    re.I,
)
_BOX_SAYING = re.compile(
    r"^(?:change|make|turn)\s+(?:the\s+)?(?P<x>.+?)\s+(?:to\s+|into\s+)?(?:a|an)\s+(?:checkbox|check box|tick ?box)"
    r"\s*(?:saying|that says|with the words|labell?ed)?\s*[:,]?\s*[\"“'‘](?P<label>[^\"”'’]+)[\"”'’]$",
    re.I,
)
_SPLIT_SAID = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:needs|should|has|must|ought)\s+(?:to\s+)?be\s+(?:split|broken(?: up)?)\s+into\s+",
    re.I,
)


def rewrite(clause: str, fields: list, notes: list) -> str:
    """The clause in the phrasing the handlers read; unchanged when no field of the form is
    what it names; empty, with a note, when the form is that way already."""
    text = _POLITE.sub("", clause.strip().rstrip(".!"))
    text = _COUNTED_KIND.sub("a ", text).replace(" a a ", " a ")
    text = re.sub(r"\s*,?\s+but\s+(?=only\b)", " ", text, flags=re.I)  # "X, but only for UK"
    text = _LIST_NO_COLON.sub(r"\1: ", text)  # "bedrooms should be a dropdown 1, 2, 3"
    text = re.sub(
        r"\b(?:right )?(at|to) the very (end|top|bottom|start|beginning)\b",
        r"\1 the \2",
        text,
        flags=re.I,
    )
    text = _LENGTH_SAID.sub(r"limit \g<x> to \g<n> \g<u>", text)  # "… can be 500 characters max"
    boxed = _BOX_SAYING.match(
        text
    )  # "change the NDA question to a checkbox 'I have signed the NDA'"
    if boxed and _named(fields, boxed["x"]):
        return f"make {boxed['x']} a checkbox; rename {boxed['x']} to {boxed['label']}"
    text = _SPLIT_SAID.sub(r"split \g<x> into ", text)  # "the address needs to be split into …"
    kind = _FIELD_KIND.match(text)  # "ask for their birthday (optional)": an addition
    said = kind and re.fullmatch(r"\((optional|required|mandatory)\)", kind["kind"], re.I)
    if said:  # "add a phone number (optional)" is a flag, never an option "Optional"
        flag = said[1].lower()
        text = f"add {'an' if flag == 'optional' else 'a'} {flag} {kind['x']}"
    elif kind:
        flag = f"{kind['flag'].lower()} " if kind["flag"] else ""
        text = f"add {'an' if flag == 'optional ' else 'a'} {flag}{kind['x']} {kind['kind']}"
    text = _FOREIGN_REASON.sub("", text)  # "quita las fotos, no hace falta"
    both = _TWO_STATES.match(text)  # "the photos are optional and the date … has to be filled in"
    if both:
        first, second = (_state_of(both[k], fields) for k in ("a", "b"))
        if first and second:
            return f"{first}; {second}"
        if first and _OWN_VERB.search(both["b"]):  # "rates aren't required and follower count
            return f"{first}; {both['b']}"  # should be a number": the second is its own change
    abroad = _TWO_STATES_ABROAD.match(text)  # "Telefon ist Pflicht, E-Mail optional": each alone
    if abroad and _FLAG_ABROAD.search(abroad["b"]):
        return f"{abroad['a']}; {abroad['b']}"
    for read in (
        conditions,
        bounds,
        many,
        uploads,
        input_kind,
        number_said,
        _short,
        _state,
        _option,
        _as_kind,
        _split,
        _list,
        _limited,
        _upload,
    ):
        said = read(text, fields) or read(_BECAUSE.sub("", text), fields)
        if said and said.startswith("\x00"):
            notes.append(said[1:])
            return ""
        if said:
            return said
    return text if text != _POLITE.sub("", clause.strip().rstrip(".!")) else clause


def _written(fields: list, x: str) -> bool:
    """Whether the fields named take written answers: a phone or a date made "bigger" stays
    what it is (the handlers' answer says why)."""
    return all(f["type"] in ("text", "textarea") for f in _named(fields, x))


def _state_of(text: str, fields: list) -> str | None:
    """ "the photos are optional", "asset tag optional", "make date required": one state."""
    bare = re.sub(r"^(?:make|set)\s+", "", text, flags=re.I)
    return _state(text, fields) or _flagged(text, fields) or _flagged(bare, fields)


def _flagged(text: str, fields: list) -> str | None:
    """ "asset tag optional": a state said as a note, without its verb."""
    m = _FLAG_LAST.match(text)
    return f"make {m['x']} {m['flag'].lower()}" if m and _all_asked(fields, m["x"]) else None


def _named(fields: list, text: str) -> list[dict]:
    try:
        return find_many(fields, text)
    except RefineError:
        return []


def _state(text: str, fields: list) -> str | None:
    m = _STATE.match(text) or _STATE.match(_ALL.sub("all fields are", text))
    if m and _ALL_SAID.fullmatch(m["x"].strip()):
        x = "all fields"  # "all fields should be optional", "everything is required"
    elif m and _named(fields, m["x"]):
        x = m["x"]
    else:
        added = _ADD_AS.match(text)  # "add phone as a required field"
        return f"add a {added['x']} field, {added['flag'].lower()}" if added else None
    flag = m["flag"].lower()
    required = not re.match(r"optional|left|skipped", flag)
    if m["neg"]:  # "photos aren't required", "budget can't be left blank"
        required = not required
    return f"make {x} {'required' if required else 'optional'}"


def _option(text: str, fields: list) -> str | None:
    m = (
        _AS_ONE_OF.match(text)
        or _NEEDS_OPTION.match(text)
        or _LABEL_THEN_ADD.match(text)
        or _ALSO_HAS.match(text)
    )
    if not m:
        return None
    x = re.sub(r"s$", "", m["x"].strip()) if not _named(fields, m["x"]) else m["x"].strip()
    named = _named(fields, x)
    if len(named) != 1 or named[0]["type"] not in _CHOICE:
        return None  # "add phone as a required field": a field, read by the handlers
    return f"add the option {m['o'].strip()} to the {named[0]['label']}"


def _split(text: str, fields: list) -> str | None:
    m = _SPLIT.match(text)
    if not m:
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", m["parts"]) if p.strip()]
    if len(parts) < 2 or re.search(r"\b(?:first|last|given|family)\b", m["parts"], re.I):
        return None  # a name into first and last: local_refine_names
    have = [p for p in parts if _named(fields, p)]
    whole = _named(fields, m["x"])
    if not whole and len(have) < len(parts):
        return None  # "break the form into two pages": not a field
    steps = [f"remove {m['x']}"] if len(whole) == 1 and whole[0] not in _flat(fields, have) else []
    steps += [f"add a {p} field" for p in parts if p not in have]
    if not steps:  # the draft split "contact details" already
        labels = ", ".join(f"“{f['label']}”" for f in _flat(fields, have))
        return f"\x00The form already asks {labels} separately."
    return "; ".join(steps)


def _flat(fields: list, said: list[str]) -> list[dict]:
    return [f for p in said for f in _named(fields, p)]


# "change size to S, M, L": the answers of a choice question, never its label
_TO_LIST = re.compile(
    r"^(?:change|set|switch)\s+(?:the\s+)?(?P<x>[^:;,]+?)\s+(?:to|into)\s*:?\s+(?P<o>[^,;:]+(?:,\s*[^,;:]+)+)$",
    re.I,
)


def _list(text: str, fields: list) -> str | None:
    listed = _TO_LIST.match(text)
    named = _named(fields, listed["x"]) if listed else []
    items = (
        re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]+$)", listed["o"]) if named else []
    )
    if len(named) == 1 and named[0]["type"] in _CHOICE and all(len(i.split()) <= 4 for i in items):
        return f"change the options of the {named[0]['label']} to {', '.join(i.strip() for i in items)}"
    m = _IS_LIST.match(text)
    named = (_named(fields, m["x"]) or _named(fields, re.sub(r"s$", "", m["x"]))) if m else []
    items = re.split(r",\s*(?:or\s+)?|\s+or\s+", m["o"]) if m else []
    if len(named) != 1 or len(items) < 2 or any(len(i.split()) > 4 for i in items):
        return None
    if re.match(r"(?:an?|the)\s", m["o"], re.I):
        return None  # "should be a dropdown with 1-2, 3-4, 5+": the kind readers
    if {i.strip().lower() for i in items} <= {"yes", "no"}:
        return None  # "… should be yes or no": the yes/no reader's
    field = named[0]
    answers = ", ".join(i.strip() for i in items)
    if field["type"] in _CHOICE:
        return f"change the options of the {field['label']} to {answers}"
    return f"make the {field['label']} a dropdown: {answers}"


def _limited(text: str, fields: list) -> str | None:
    m = _LIMITED.match(text)
    if not m:
        return None
    x, n, unit = (m[k] or m[f"{k}2"] for k in ("x", "n", "unit"))
    return f"{x} must be at most {n} {unit}" if _named(fields, x) else None


def _upload(text: str, fields: list) -> str | None:
    m = _UPLOAD.match(text)
    if not m:
        return None
    what = re.sub(r"^(?:their|your|a|an|the|some)\s+", "", m["x"].strip(), flags=re.I)
    return f"add a file upload called {what[:1].upper()}{what[1:]}"


# "add birthday as a date": a new field of that kind, named by the words before "as"
_AS_KIND = re.compile(
    rf"^(?:add|include)\s+(?:an?\s+)?(?P<x>[\w' -]+?)\s+as\s+(?:an?\s+)?(?P<kind>{KIND_RE})"
    r"(?:\s+(?:field|question))?(?P<rest>\s*,\s*(?:optional|required|mandatory))?$",
    re.I,
)


def _as_kind(text: str, fields: list) -> str | None:
    m = _AS_KIND.match(text)
    if not m or _asked(fields, m["x"]):
        return None  # "add the guests as a number" on a form that asks it: the handlers answer
    label = m["x"].strip()
    return f"add a {m['kind']} field called {label[:1].upper()}{label[1:]}{m['rest'] or ''}"


# words that say a field is meant, not which one ("the checkout question")
_NOT_NAMES = {"the", "a", "an", "their", "your", "which", "what", "question", "field", "box"}


def _asked(fields: list, words: str) -> bool:
    """Whether a field's label holds every word said ("the guests" in "Number of guests"),
    where ``find_many`` would also take a near one ("bike photos" for "Bike make")."""
    said = {w.rstrip("s") for w in re.findall(r"[a-z]+", words.lower())} - _NOT_NAMES
    return any(
        said <= {w.rstrip("s") for w in re.findall(r"[a-z]+", f["label"].lower())} for f in fields
    )


# Said in as few words as a note on a draft: "no phone", "optional phone", "remove: company,
# handicap", "take company off the form", "change submit to 'Book now'"
_NO = re.compile(r"^(?:no|without)\s+(?:the\s+)?(?P<x>[^:;]+?)(?:\s+(?:field|question)s?)?$", re.I)
_FLAG_LAST = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:both|all|too)?\s*(?P<flag>optional|required|mandatory)$", re.I
)
_FLAG_FIRST = re.compile(r"^(?P<flag>optional|required|mandatory)\s*:?\s+(?P<x>[^:;]+)$", re.I)
_LISTED_VERB = re.compile(r"^(?P<verb>remove|delete|drop|hide)\s*:\s*(?P<x>.+)$", re.I)
_TAKE_OFF = re.compile(
    r"^take\s+(?:the\s+)?(?P<x>.+?)\s+(?:off|out)(?:\s+(?:of\s+|from\s+)?(?:the|this|our)\s+form)?$",
    re.I,
)
# "which team should let them pick more than one", "the checkout question should be a 1-10 scale"
_SEVERAL_PICKED = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+should\s+(?:let|allow)\s+(?:them|people|visitors|customers|parents)\s+"
    r"(?:to\s+)?(?:pick|choose|select|tick)\s+(?:more than one|several|multiple)(?:\s+\w+)?$",
    re.I,
)
_SCALE = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|needs to)\s+be\s+(?:a|an|on a)\s+"
    r"(?P<lo>\d+)\s*(?:-|–|to)\s*(?P<hi>\d+)\s+(?:scale|rating)$",
    re.I,
)
_SUBMIT = re.compile(
    r"^(?:change|set|rename|make)\s+(?:the\s+)?submit(?:\s+text|\s+label)?\s+(?:to|as|say|:)\s*(?P<t>.+)$",
    re.I,
)


def _short(text: str, fields: list) -> str | None:
    said = _SUBMIT.match(text)
    if said:
        return f"change the button to {said['t']}"
    m = _NO.match(text) or _LISTED_VERB.match(text) or _TAKE_OFF.match(text)
    if m and _all_asked(fields, m["x"]):  # never "no default for priority"
        return f"remove {m['x']}"
    m = _FLAG_FIRST.match(text) or _FLAG_LAST.match(text)  # "phone and email both required"
    if m and _all_asked(fields, m["x"]):
        return f"make {m['x']} {m['flag'].lower()}"
    m = _BIGGER.match(text) or _BIG_BOX.match(text)  # "make the … box bigger", "… a big box"
    if m and _all_asked(fields, m["x"]) and _written(fields, m["x"]):
        return f"make {m['x']} a long text"
    m = _HELP.match(text)  # "preferred date should have a help text saying Tue-Sat only"
    if m and _all_asked(fields, m["x"]):
        return f"set the {m['attr'].lower()} of {m['x']} to {m['t']}"
    m = _SEVERAL_PICKED.match(text)
    if m and _all_asked(fields, m["x"]):
        return f"make {m['x']} a multiple choice"
    m = _SCALE.match(text)
    if m and _all_asked(fields, m["x"]):
        return f"make {m['x']} a {m['lo']}-{m['hi']} scale"
    m = _THEN.match(text)  # "email first, then phone"
    if m and _all_asked(fields, m["a"]) and _all_asked(fields, m["b"]):
        return f"move {m['a']} to the top; move {m['b']} after {m['a']}"
    return None


_BIGGER = re.compile(
    r"^(?:make\s+)?(?:the\s+)?(?P<x>.+?)(?:\s+(?:box|field|answer|text box))?\s+"
    r"(?:(?:should|must|needs to|could) be\s+)?(?:a (?:bit|lot) )?(?:bigger|larger|longer|taller)$",
    re.I,
)
_BIG_BOX = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|needs to|could)\s+be\s+(?:a\s+)?(?:big|bigger|large|larger|"
    r"longer|multi-line|proper|free)(?:\s+(?:text|description|comment))?\s+(?:box|field|area)$",
    re.I,
)
_HELP = re.compile(
    r"^(?:the\s+)?(?P<x>[^:;]+?)\s+(?:should|could|needs? to|must)\s+(?:have|show|get)\s+(?:a\s+|some\s+)?"
    r"(?P<attr>help text|hint|placeholder)\s*(?:saying|that says|reading|:|of)\s*(?P<t>.+)$",
    re.I,
)
_THEN = re.compile(
    r"^(?P<a>[^,;:]+?)\s+(?:(?:should|must|can|could)\s+(?:come|go|be)\s+|comes\s+|goes\s+)?first\s*,?\s*"
    r"(?:then|and then|followed by)\s+(?P<b>[^,;:]+)$",
    re.I,
)


def _all_asked(fields: list, text: str) -> bool:
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    return bool(parts) and all(_asked(fields, p) for p in parts)


# a label that is an instruction ("Change the budget to a list") or carries one
_MISREAD = re.compile(
    r"^(?:change|rename|move|convert|turn|switch|swap|replace|remove|delete|make|muda|mude|altere|"
    r"altera|transforme|transforma|cambia|cambie|convierte|modifie|modifiez|changez|transformez|"
    r"ändere|ändern|mach|mache|wandle|verschiebe|entferne|sposta|rimuovi|verander|wijzig)\s+"
    r"(?:the|it|this|that|o|os|as|el|los|las|le|les|l'|die|der|das|den|dem|il|lo|gli|de|het)\b|"
    # or holds the condition meant for it ("Number of guests only if they're coming")
    r".*\bonly\s+(?:if|when)\s|"
    # or the marketer speaking ("I'd rather have the contact details first")
    r"(?:i'd|i would|i want|we'd|we want|we would|let's)\s|"
    # or the reason for it ("Email field so we can follow up", "Phone so that we know who to call")
    r".*\b(?:field|question|box)\s+(?:so|in case|because|since|for when)\b|"
    r".*\bso\s+(?:that\s+)?(?:we|they|I|you|people)\s+(?:can|could|know|have)\b|"
    # or is a stray word ("A" from "required: email, phone")
    r"(?:an?|the|it|them|required|optional|mandatory|yes|no)\s*$",
    re.I,
)


def misread(config: dict, draft: dict, text: str = "") -> bool:
    """Whether a field the refinement added is named by the instruction itself (the readers
    took a clause they did not understand for a new field's label): refused, never saved. A
    note that asks for no new field and yet made one holding a field's label and more ("O
    orçamento deve ser uma lista" beside "Orçamento") is one too."""
    old = config.get("fields") or []
    added = [f for f in draft["fields"] if f["name"] not in {g["name"] for g in old}]
    if any(_MISREAD.match(f["label"]) or misread_label(f["label"]) for f in added):
        return True  # "Note alla fine"
    had = {f["name"]: set(map(str, f.get("options") or [])) for f in old}
    if any(  # "put 'changed my mind' last": an answer "Changed my mind' last"
        _STRAY_ANSWER.search(str(o))
        for f in draft["fields"]
        for o in f.get("options") or []
        if str(o) not in had.get(f["name"], set())
    ):
        return True
    if len(draft["fields"]) <= len(old) or _ASKS_NEW.search(text):
        return False  # (a renamed field has a new name too, and is no new field)
    return any(_holds(f["label"], g["label"]) for f in added for g in old)


_STRAY_ANSWER = re.compile(
    r"^[^'‘’\"“”]*['‘’\"“”][^'‘’\"“”]*$|\s(?:last|first|at the (?:top|end|bottom|start))$", re.I
)
# how a note asks for a new field, in the languages the refiner reads
_ASKS_NEW = re.compile(
    r"\b(?:add|include|insert|ask|new|another|extra|collect|need|want|also|plus|upload|attach|let|"
    r"ajoute[rz]?|ajout|añad[ea]|agrega|incluye|f[üu]ge|hinzu|erg[äa]nze|adiciona|acrescenta|inclui|"
    r"aggiungi|inserisci|voeg|toevoegen|nieuw|nuevo|nueva|nouveau|nouvelle|neue[sn]?|novo|nova|nuovo)\b",
    re.I,
)


def _holds(new: str, old: str) -> bool:
    words = {w.rstrip("s") for w in re.findall(r"[^\W\d_]+", new.lower())}
    own = {w.rstrip("s") for w in re.findall(r"[^\W\d_]+", old.lower())} - {"the", "a", "of"}
    return bool(own) and own < words
