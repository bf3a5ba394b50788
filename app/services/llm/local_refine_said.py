"""Renames, answer lists and new questions in the marketer's own words (issue 20, refine
round 24r).

"call the dietary one 'Dietary needs'", "the contact field should be called Contact name",
"the company question should say Organisation", "the size one should have options S, M,
L", "let them choose the dietary requirement from vegetarian, vegan, halal", "add a
question about parking": ``rewrite(clause)`` says each again in the one phrasing the field
handlers of ``local_refine`` read ("rename …", "the options for … should be …", 'add a
question called "Parking"'), so the change is found, checked and applied as every other is.
Any other clause comes back unchanged.
"""

from __future__ import annotations

import re

from app.services.llm import local_refine_pairs as pairs
from app.services.llm.local_bracket_types import bracket_type
from app.services.llm.local_fields import (
    RefineError,
    _catalog_match,
    find_field,
    parse_new_field,
    split_list,
)
from app.services.llm.local_refine_targets import find_glossed

_OPEN = "['\"“‘«]\\s*"
_CLOSE = "\\s*['\"”’»]"
_NOUN = r"(?:\s+(?:one|field|question|box|answer|input))?"
_REWRITES = [
    # "call the dietary one 'Dietary needs'", "call phone 'Mobile number'"
    (
        re.compile(
            rf"^(?:call|label|name)\s+(?:the\s+)?(?P<t>.+?){_NOUN}\s+{_OPEN}(?P<new>.+?){_CLOSE}$",
            re.I,
        ),
        "rename {t} to {new}",
    ),
    # "the contact field should be called Contact name", "the company one should say Organisation"
    (
        re.compile(
            rf"^(?:the\s+)?(?P<t>.+?){_NOUN}\s+(?:should|must|needs to|has to|can|could)\s+"
            rf"(?:be\s+(?:called|labell?ed|named|titled|renamed(?:\s+to)?)|say|read)\s*:?\s+(?P<new>.+)$",
            re.I,
        ),
        "rename {t} to {new}",
    ),
    # "the size one should have options S, M, L", "dietary should offer the choices a, b"
    (
        re.compile(
            rf"^(?:the\s+)?(?P<t>.+?){_NOUN}\s+(?:should|must|needs to|has to|can|could)\s+"
            r"(?:have|offer|list|give)\s+(?:the\s+)?(?:following\s+)?(?:options|choices|answers)"
            r"(?:\s+of)?\s*:?\s+(?P<opts>.+)$",
            re.I,
        ),
        "the options for {t} should be {opts}",
    ),
    # "let them choose their dietary requirement from vegetarian, vegan, halal"
    (
        re.compile(
            r"^let\s+(?:them|people|visitors|customers|guests|users)\s+(?:choose|pick|select)\s+"
            r"(?:the\s+|their\s+|a\s+|an\s+)?(?P<t>.+?)\s+from\s*:?\s+(?P<opts>.+)$",
            re.I,
        ),
        "the options for {t} should be {opts}",
    ),
    # "we also want to know how they heard about us": what they want to know, asked
    (
        re.compile(
            r"^(?:(?:we|i)(?:'d| would)?\s+(?:also\s+)?(?:want|need|like|would like|'d like)\s+to\s+)?"
            r"know\s+(?P<t>(?:if|whether|how|what|which|when|where|who|their)\b.+)$",
            re.I,
        ),
        "add {t}",
    ),
    # "ask for their company size": a field added by what it asks
    (
        re.compile(
            r"^(?:also\s+)?ask\s+(?:them\s+|people\s+|visitors\s+|customers\s+)?for\s+"
            r"(?:their\s+|the\s+|your\s+)?(?P<t>.+)$",
            re.I,
        ),
        "add {t}",
    ),
    # "ask about parking": a question about it
    (
        re.compile(
            r"^(?:also\s+)?ask\s+(?:them\s+|people\s+|visitors\s+|customers\s+)?about\s+"
            r"(?:their\s+|the\s+|your\s+)?(?P<what>.+?)(?P<flag>)(?P<where>)$",
            re.I,
        ),
        'add a question called "{what}"',
    ),
    # "add a dropdown for event type with wedding, birthday, corporate"
    (
        re.compile(
            r"^(?:add|include)\s+(?:a|an)\s+(?P<kind>dropdown|drop-down|select|multiple choice|"
            r"checkboxes|radio buttons|choice)\s+(?:question\s+)?(?:for|called|named|about)\s+"
            r"(?:the\s+)?(?P<t>.+?)\s+(?:with|offering)\s+(?:the\s+)?(?:options?\s+|choices?\s+)?:?\s*"
            r"(?P<opts>.+)$",
            re.I,
        ),
        "add a {t} {kind}: {opts}",
    ),
    # "add a size dropdown with small, medium and large"
    (
        re.compile(
            r"^(?:add|include)\s+(?:a|an)\s+(?P<t>[\w' -]+?)\s+(?P<kind>dropdown|drop-down|select|"
            r"multiple choice|checkboxes|radio buttons|choice)\s+(?:with|offering)\s+(?:the\s+)?"
            r"(?:options?\s+|choices?\s+)?:?\s*(?P<opts>[^,]+,.+)$",
            re.I,
        ),
        "add a {t} {kind}: {opts}",
    ),
    # "add placeholder 'e.g. 120' to number of guests", "add the hint 'In GBP' to budget"
    (
        re.compile(
            rf"^(?:add|put|use)\s+(?:a\s+|the\s+)?(?P<attr>placeholder|hint|help text)\s+"
            rf"{_OPEN}(?P<text>.+?){_CLOSE}\s+(?:to|on|for|in)\s+(?:the\s+)?(?P<t>.+)$",
            re.I,
        ),
        "set the {attr} of {t} to {text}",
    ),
    # "make the viewing day a choice of weekday or weekend"
    (
        re.compile(
            r"^(?:make|turn|change)\s+(?:the\s+)?(?P<t>.+?)\s+(?:into\s+|to\s+)?(?:a|an)\s+"
            r"(?:choice|dropdown|drop-down|select|pick)\s+(?:of|between|from)\s+"
            r"(?!\d+\s+to\s+\d+$)(?P<opts>.+)$",
            re.I,
        ),
        "make {t} a dropdown: {opts}",
    ),
    # "add a severity dropdown (crash, major, minor) after what happened"
    (
        re.compile(
            r"^(?P<verb>add|include|insert)\s+(?:a|an)\s+(?P<t>[\w' -]+?)\s+(?P<kind>dropdown|drop-down|"
            r"select|multiple choice|checkboxes|radio buttons|choice)(?:\s+question)?\s*\((?P<opts>[^)]+)\)"
            r"(?P<where>.*)$",
            re.I,
        ),
        "{verb} a {t} {kind}{where}: {opts}",
    ),
    # "let them skip the phone": the phone is optional
    (
        re.compile(
            r"^(?:let|allow)\s+(?:them|people|parents|visitors|customers|guests|users|everyone)\s+"
            r"(?:to\s+)?(?:skip|leave out|leave blank|ignore)\s+(?:the\s+)?(?P<t>.+)$",
            re.I,
        ),
        "make {t} optional",
    ),
    # "let parents pick both weeks", "allow people to choose several dates"
    (
        re.compile(
            r"^(?:let|allow)\s+(?:them|people|parents|visitors|customers|guests|users|everyone)\s+"
            r"(?:to\s+)?(?:pick|choose|select|tick)\s+(?:more than one|several|multiple|both|all|any)"
            r"\s+(?:of\s+)?(?:the\s+)?(?P<t>.+)$",
            re.I,
        ),
        "allow picking more than one {t}",
    ),
    # "add a question about when they can start": the question it names, asked
    (
        re.compile(
            r"^(?:add|include|insert)\s+(?:a|an|one)\s+(?P<flag>optional\s+|required\s+)?"
            r"question\s+(?:about|on|regarding)\s+(?P<t>(?:when|how|what|which|where|who|why|whether|if)\b.+)$",
            re.I,
        ),
        "add a {flag}question asking {t}",
    ),
    # "add a question about parking (after the address)": the question is about parking
    (
        re.compile(
            r"^(?:add|include|insert)\s+(?:a|an|one)\s+(?P<flag>optional\s+|required\s+)?"
            r"(?:question|field)\s+(?:about|on|regarding|for)\s+(?:their\s+|the\s+|your\s+)?"
            r"(?P<what>.+?)(?P<where>\s+(?:at the (?:top|end|bottom|start)|"
            r"(?:right |just )?(?:after|before|below|above)\s+.+))?$",
            re.I,
        ),
        'add a {flag}question called "{what}"{where}',
    ),
]


# "add name and phone fields", "add a name field and a phone field (at the top)"
_TWO_ADDED = re.compile(
    r"^(?P<verb>add|include|insert)\s+(?:an?\s+)?(?P<a>[\w' -]+?)(?:\s+field)?\s+(?:and|&)\s+"
    r"(?:an?\s+)?(?P<b>[\w' -]+?)\s+fields?(?P<where>\s+(?:at the (?:top|start|end|bottom)|first|last))?$",
    re.I,
)


# "make all fields optional except email (and phone)"
_ALL_BUT = re.compile(
    r"^(?:make|mark|set)\s+(?:all(?: the)? fields|everything|all of them|every field|all)\s+"
    r"(?P<flag>optional|required|mandatory)\s+(?:except|but|apart from|other than|besides)\s+"
    r"(?:for\s+)?(?:the\s+)?(?P<keep>.+)$",
    re.I,
)


_SHARED_NOUN = re.compile(
    r"^(?P<verb>add|include|insert)\s+(?:a\s+|an\s+)?(?P<a>\w+)\s+(?:and|&)\s+(?P<b>\w+)\s+"
    r"(?P<noun>name|names|number|email|address)(?:\s+fields?)?"
    r"(?P<where>\s+(?:at the (?:top|start|end|bottom)|first|last))?$",
    re.I,
)


def split_additions(clause: str, fields: list | None = None) -> list[str]:
    """ "add name and phone fields" as one addition per field, in the order said; "make all
    fields optional except email" as the rule and its exception; "add a field for guests, at
    least 1" as the field (when the form has none) and its limit; the clause alone otherwise."""
    limited = _ADDED_WITH_LIMIT.match(clause.strip().rstrip("."))
    if limited:
        target = (limited["t"] or limited["t2"]).strip()
        bound = f"{target} {limited['lim'].strip()}"
        try:
            find_field(fields or [], target)
        except RefineError:
            written = re.search(r"\b(?:characters?|chars?|words?)\b", limited["lim"], re.I)
            if written:  # "add a notes box, max 500 characters": a text box and its length
                return [f"add a {target} long text field", bound]
            counted = target.lower().endswith("s") and not target.lower().endswith("ss")
            new = f"add a number of {target} field" if counted else f"add a {target} field"
            return [new, bound]
        return [bound]  # the form asks it already: the limit goes on that question
    but = _ALL_BUT.match(clause.strip().rstrip("."))
    if but:
        other = "required" if but["flag"].lower() == "optional" else "optional"
        return [f"make all fields {but['flag'].lower()}", f"make {but['keep']} {other}"]
    m = _TWO_ADDED.match(clause.strip().rstrip("."))
    shared = _SHARED_NOUN.match(clause.strip().rstrip("."))
    if shared and not m:  # "add first and last name at the top": a first name and a last name
        a, b = (f"{shared[k]} {shared['noun']}" for k in ("a", "b"))
        if _catalog_match(a) and _catalog_match(b):
            m = {"verb": shared["verb"], "a": a, "b": b, "where": shared["where"]}
    if not m or not (_catalog_match(m["a"]) and _catalog_match(m["b"])):
        return pairs.split(clause) or [clause]  # "emergency contact name and phone": two
    where = (m["where"] or "").strip()
    added = [f"{m['verb']} a {m[k].strip()} field {where}".strip() for k in ("a", "b")]
    # each added at the top pushes the one before down: the second is added first
    return added[::-1] if re.search(r"top|start|first", where, re.I) else added


# "add a field for guests, at least 1", "add a nights field (max 14)"
_ADDED_WITH_LIMIT = re.compile(
    r"^(?:add|include)\s+(?:an?\s+)?(?:(?:field|question|box)\s+(?:for|about|called|named)\s+"
    r"(?:the\s+)?(?:number of\s+)?(?P<t>[\w' -]+?)|(?:number of\s+)?(?P<t2>[\w' -]+?)\s+(?:field|question|box))"
    r"(?:\s*,\s*|\s*\(\s*|\s+-\s+|\s+with\s+(?:a\s+)?|\s+)(?P<lim>(?:at least|at most|minimum|maximum|min\.?|"
    r"max\.?|up to|no more than|no less than|between)\s+\d[^)]*?)\)?$",
    re.I,
)


def offered(existing: dict, spec: str) -> bool:
    """ "add a dropdown for diet with vegan, halal and kosher" where the form asks its diet
    question in words: that question offers the answers now (True), not a second one."""
    if existing["type"] not in ("text", "textarea", "select", "radio", "multiselect"):
        return False
    try:
        new, _ = parse_new_field(spec, [])
    except RefineError:
        return False
    if not new.get("options"):
        return False
    existing["type"] = new["type"] if new["type"] in ("select", "multiselect") else "select"
    existing["options"] = [o[:1].upper() + o[1:] for o in new["options"]]
    existing["max_length"] = None
    return True


# "urgency: low, medium, emergency": the answers of that question, a new one if the form has none
_VERBED = re.compile(
    r"\b(?:add|remove|rename|change|make|set|put|move|replace|swap|should|must|be|is|are|with|to|as|"
    r"turn|into|convert|switch|ask|asking)\b",
    re.I,
)
_LISTED = re.compile(r"^(?P<t>[^\W\d][\w' -]{1,40}?)\s*:\s*(?P<opts>[^:]+,[^:]+)$")


# "special requests as a big text box", "Sonderwünsche als großes Textfeld", "presupuesto
# como desplegable": the field, then the kind it should be
_AS_KIND = re.compile(
    r"^(?P<t>[^\W\d][\w' -]{1,40}?)\s+(?:as|als|como|comme|en)\s+(?:an?|un|une|una|ein|eine|einem|"
    r"einer|uma|um)?\s*(?P<kind>.+)$",
    re.I,
)
# the kind named (local_bracket_types) in the words the field handlers read
_KIND_SAID = {"textarea": "long text", "select": "dropdown", "number": "number", "date": "date"}


def _as_kind(text: str, fields: list) -> str | None:
    said = _AS_KIND.match(text)
    kind = said and _KIND_SAID.get(bracket_type(said["kind"]))
    if not kind:
        return None
    try:
        find_field(fields, said["t"])
    except RefineError:
        return None  # a new field: "add …" reads it
    return f"make {said['t'].strip()} a {kind}"


def rewrite(clause: str, fields: list | None = None) -> str:
    """The clause in the phrasing the field handlers read, or unchanged."""
    text = clause.strip().rstrip(".")
    kind = _as_kind(text, fields or [])
    if kind:
        return kind
    listed = _LISTED.match(text)
    if listed and not _VERBED.search(listed["t"]):
        try:  # "the semanas options: A, B" names the "Semanas" field
            find_glossed(fields or [], listed["t"])
        except RefineError:
            return f"add a {listed['t'].strip()} dropdown: {_capitalised(listed['opts'])}"
        return f"the options for {listed['t'].strip()} should be {listed['opts'].strip()}"
    for pattern, said in _REWRITES:
        m = pattern.match(text)
        if m:
            parts = {k: (v or "") for k, v in m.groupdict().items()}
            if "kind" in parts:  # options as the draft writes them: "wedding" → "Wedding"
                parts["opts"] = _capitalised(parts["opts"])
            if "what" in parts:
                parts["what"] = parts["what"][:1].upper() + parts["what"][1:]
                parts["flag"] = parts["flag"].lower()
            return said.format(**parts)
    return clause


def _capitalised(options: str) -> str:
    parts = split_list(options, options=True) if "," in options else options.split(",")
    return ", ".join(o.strip()[:1].upper() + o.strip()[1:] for o in parts)


# "the dog stuff", "the owner bits", "the contact questions": a group of the form's fields
_GROUP = re.compile(r"\b(?:stuff|things|bits|questions|fields|ones)$", re.I)


def not_a_group(new: dict, fields: list) -> None:
    """RefineError for a new field named as a group of the form's questions ("put the dog
    stuff before the owner stuff" added a text field "Dog stuff")."""
    if _GROUP.search(new["label"].strip()) and new["type"] in ("text", "textarea"):
        example = (
            f", e.g. 'move {fields[-1]['label'].rstrip('?')} before {fields[0]['label'].rstrip('?')}'"
            if len(fields) > 1
            else ""
        )
        raise RefineError(
            f"“{new['label']}” sounds like several of the form's questions; name each one{example}"
        )
