"""A refinement said the way a marketer talks, put in the words the handlers read.

Marketers describe what is wrong before they say what to do ("the breed field isn't
necessary, take it out", "I didn't ask for skincare brand or anything else, take them out"),
give a reason ("name should not be required, it's anonymous feedback"), and pack two changes
into one sentence ("injuries should be a bigger text box and optional", "add team name, only
shown if running for a team is yes"). Each rewrite below turns one such shape into the plain
instructions ("remove breed", "make name optional", "…; show it only if …") that the
handlers of local_refine already apply, so no second handler does the same change.

``rewrite(text, fields)`` runs on the whole text before it is split into clauses: first the
table of shapes, then "<what is wrong>, <what to do with it>" (the field the first half names
is what "it" means, or a new field when it names none). ``clear(draft, clause)`` removes a
placeholder or help text, which no other handler does.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_it import named_first
from app.services.llm.local_refine_targets import find_one

_Q = r"[\"“‘'](?:[^\"”’']+)[\"”’']"  # a quoted label, kept with its quotes
_REMOVE = r"(?:remove|delete|drop|take|get rid of|lose|ditch)"
_THEM = r"(?:it|them|that|those|this|these)(?:\s+out)?"
_NEEDED = r"(?:needed|necessary|relevant|useful|required at all)"
_WHERE = r"at the (?:top|start|beginning|end|bottom)"

_RULES: list[tuple[re.Pattern, str]] = [
    # "make name optional, we also need a phone field": the second is its own change
    (r",\s*(?:and\s+|but\s+)?(?=(?:we|i)\s+(?:also\s+)?(?:need|want|don't need|do not need|don't want)\b)", r"; "),
    # "I didn't ask for skincare brand or anything else, take them out"
    (rf"\bi\s+(?:didn't|did not|never)\s+ask(?:ed)?\s+for\s+(?P<x>[^,;]+?)\s*,\s*(?:so\s+|please\s+)?"
     rf"{_REMOVE}\s+{_THEM}", r"remove \g<x>"),
    # "the breed field isn't necessary" ("…, take it out" is read by _said_then_it)
    (rf"^(?:the\s+)?(?P<x>[^,;.]+?)\s+(?:field\s+|question\s+)?(?:isn't|is not|aren't|are not)"
     rf"\s+(?:really\s+)?{_NEEDED}(?:\s+(?:any more|anymore|for us|here))?$", r"remove \g<x>"),
    # "we need to know if they're over 18, add a yes/no question": the question is said already
    (r"^(?P<q>(?:we|i)\s+(?:need|want|would like|'d like)\s+to\s+know\s+(?:if|whether)\s+[^,;]+?)\s*,\s*(?:so\s+|please\s+)?"
     r"add\s+(?:a|an)\s+(?:yes/no\s+|yes or no\s+|simple\s+)?(?:question|field)(?:\s+for\s+(?:it|that))?$", r"\g<q>"),
    # "we don't need the message(, and …)", "I don't want the budget question"
    (r"(?:(?<=^)|(?<=[;.]\s))(?:we|i)\s+(?:don't|do not|dont|no longer)\s+(?:need|want)\s+(?P<x>[^,;.]+?)"
     r"(?:\s+(?:any more|anymore))?(?=\s*(?:[,;.]|$))", r"remove \g<x>"),
    # "we also need their name (but it's optional)"
    (r"^(?:we|i)\s+(?:also\s+)?(?:need|want)\s+(?:to\s+(?:ask|know)\s+)?(?:for\s+)?(?P<x>(?:their|the|a|an)\s+[^,;.]+?)"
     r"(?=\s*(?:,|\bbut\b|;|$))", r"add \g<x>"),
    # "name should not be required" (said of a field, not of a new one)
    (r"^(?!(?:add|include|insert|put|ask)\b)(?:the\s+)?(?P<x>(?:(?!\bbut\b)[^,;])+?)\s+"
     r"(?:should not|shouldn't|doesn't need to|does not need to|needn't|need not)\s+"
     r"be\s+(?:required|mandatory|compulsory)", r"make \g<x> optional"),
    # "Urgent? should just be yes or no"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+(?:just\s+|only\s+)?be\s+(?:a\s+)?(?:simple\s+)?yes\s*(?:/|or)\s*no"
     r"(?:\s+question)?", r"make \g<x> yes/no"),
    # "time of journey should be free text"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+(?:just\s+)?be\s+(?:free|plain|open)\s+text", r"make \g<x> a text field"),
    # "the session question needs options: A, B", "the options of the session question: A, B"
    (r"^(?:the\s+)?(?P<x>[^,;:]+?)\s+(?:question\s+|field\s+)?needs?\s+(?:the\s+|some\s+)?options?\s*:\s*(?P<o>.+)$",
     r"change the options of \g<x> to \g<o>"),
    (r"^(?:the\s+)?options?\s+(?:of|for)\s+(?:the\s+)?(?P<x>[^:]+?)(?:\s+(?:question|field))?\s*:\s*(?P<o>.+)$",
     r"change the options of \g<x> to \g<o>"),
    # "the Lesson field should be called Lesson length with options 30 minutes and 60 minutes"
    (r"^(?:the\s+)?(?P<x>.+?)\s+(?:field\s+|question\s+)?should be (?:called|named|labell?ed)\s+(?P<y>.+?)\s+"
     r"with\s+(?:the\s+)?options?\s+(?P<o>.+)$", r"rename \g<x> to \g<y>; change the options of \g<y> to \g<o>"),
    # "rename 'A' to 'B' and fix the options: X, Y"
    (rf"^(?P<r>(?:rename|relabel|call)\s+.+?\s+(?:to|as)\s+(?P<y>{_Q}|[^,;]+?))\s+and\s+(?:fix|change|set|update|correct)"
     r"\s+(?:the\s+)?options?\s*(?::|to)\s*(?P<o>.+)$", r"\g<r>; change the options of \g<y> to \g<o>"),
    # "injuries should be a bigger text box and optional", "photos should be optional and allow up to 5"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<a>[^,;]+?)\s+and\s+(?:be\s+)?(?P<b>optional|required|mandatory)$",
     r"\g<x> should be \g<a>; make \g<x> \g<b>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<a>optional|required|mandatory)\s+and\s+(?P<b>(?:allow|accept|take)\s+"
     r"up\s+to\s+\d+)(?:\s+\w+)?$", r"make \g<x> \g<a>; \g<b> \g<x>"),
    # "add team name, only shown if …", "add a team name field shown only if …", "…, only show it when …"
    (r"\s*,?\s+(?:(?:that is|which is)\s+)?(?:only\s+shown|shown\s+only|only\s+visible|visible\s+only)\s+(?:when|if)\s+",
     r"; show it only if "),
    (r"(?:\s*,\s*|\s+)(?:and\s+)?only\s+show\s+(?:it|this|that)\s+(?:when|if)\s+", r"; show it only if "),
    # "add a checkbox at the end: I agree …", "put a name field at the top, not required"
    (rf"^(?P<add>(?:add|include|insert)\s+(?:an?\s+)?[\w' -]+?)\s+(?P<w>{_WHERE})\s*:\s*(?P<t>.+)$",
     r"\g<add>: \g<t>; move it \g<w>"),
    (rf"^(?:add|include|insert|put)\s+(?P<what>(?:an?\s+)(?:optional\s+)?[\w' -]+?)\s+(?P<w>{_WHERE})(?P<rest>\s*,[^;]*)?$",
     r"add \g<what>\g<rest>; move it \g<w>"),
    (r",\s*not\s+(?:required|mandatory)\b", r", optional"),
    # "remove X, and company size should come before company": the second is its own change
    (r",\s*and\s+(?=(?:the\s+)?[\w' -]+?\s+(?:should|must|needs? to|has to)\b)", r"; "),
    # "email should be optional too", "the phone should be required as well"
    (r"\s+(?:too|as well)(?=\s*(?:[,;.!]|$))", r""),
    # "guests should be a number between 20 and 200", "number of people shouldn't go above 12"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+a\s+number\s+(?P<r>between\s+\d+\s+and\s+\d+|from\s+\d+\s+to\s+\d+)",
     r"\g<x> must be \g<r>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:shouldn't|should not|can't|cannot|mustn't|must not)\s+(?:go|be)\s+"
     r"(?:above|over|more than|higher than|beyond)\s+(?P<n>\d+)", r"\g<x> must be at most \g<n>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:shouldn't|should not|can't|cannot|mustn't|must not)\s+(?:go|be)\s+"
     r"(?:below|under|less than|lower than)\s+(?P<n>\d+)", r"\g<x> must be at least \g<n>"),
    # "the last question should be optional and a longer text box"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<b>optional|required|mandatory)\s+and\s+(?:be\s+)?(?P<a>(?:a|an)\s+[^,;]+)$",
     r"make \g<x> \g<b>; \g<x> should be \g<a>"),
    # "add 'Family' as an option for type of shoot", "add 'Tyres' as another service type"
    (r"^(?:add|include)\s+(?P<o>.+?)\s+as\s+(?:an?\s+(?:new\s+|extra\s+)?|another\s+)option\s+(?:for|to|in|of)\s+(?:the\s+)?(?P<x>.+)$",
     r"add \g<o> to the \g<x> options"),
    (r"^(?:add|include)\s+(?P<o>[\"“‘'].+?[\"”’'])\s+as\s+(?:another|a new|an extra|one more)\s+(?P<x>.+)$",
     r"add \g<o> to the \g<x> options"),
    # "… and remove (its|the) placeholder", "… and add help text: …": the field just named
    (r"\b(?P<v>remove|delete|clear|drop)\s+(?:its|the)\s+(?P<a>placeholder|help text|hint)$", r"\g<v> the \g<a> of it"),
    (r"\b(?:add|set|give it)\s+(?:a\s+|the\s+|some\s+)?(?P<a>help text|hint)\s*:\s*(?P<t>.+)$", r"set the \g<a> of it to \g<t>"),
]  # fmt: skip
_RULES = [(re.compile(p, re.I), r) for p, r in _RULES]

# a reason after the change ("…, it's anonymous feedback", "…, people will type the time")
_REASON = re.compile(
    r"(?P<head>^[^:;]+?)\s*,\s*(?:because|since|as (?:it|they|people|we)|so that|it's|it is|this is|that's|"
    r"(?:some|most|many|all|not all|few)\s+(?:of\s+)?(?:people|visitors|customers|members|guests|clients|them)|"
    r"nobody|no one|not everyone|(?:people|they|visitors|customers|guests|members|clients)\b|"
    r"we\s+(?:already|always|never|usually|can|can't|cannot|will|'ll)\b(?!\s+(?:also\s+)?(?:need|want|ask)))[^;:]*$",
    re.I,
)


# "… with options 30 minutes and 60 minutes": two options, not one
_OPTIONS_AND = re.compile(
    r"^(?P<head>change the options of .+? to )(?P<o>[^,]+?)\s+(?:and|or)\s+(?P<last>[^,]+)$", re.I
)


def rewrite(text: str, fields: list) -> str:
    text = "; ".join(_REASON.sub(r"\g<head>", part.strip()) for part in text.split(";"))
    for pattern, repl in _RULES:
        text = "; ".join(pattern.sub(repl, part.strip()) for part in text.split(";"))
    text = "; ".join(_said_then_it(part.strip(), fields) for part in text.split(";"))
    return "; ".join(
        _OPTIONS_AND.sub(r"\g<head>\g<o>, \g<last>", part.strip()) for part in text.split(";")
    )


# "<what is wrong>, <what to do with it>": "budget isn't something we ask upfront, please remove
# it", "location is only needed for events, show it only when …", "there's no email field, add
# one after phone", "mileage is missing, please add it after make and model"
_DO = (
    r"(?:add|include|remove|delete|drop|get rid of|take|lose|ditch|rename|relabel|call|change|make|move|put|"
    r"show|hide|only show|set|turn|mark)"
)
_SAID_THEN = re.compile(
    rf"^(?P<a>[^,;:]+?)\s*(?:,|\s[-–]\s|\.\s+)\s*(?:so\s+|please\s+|just\s+|can you\s+)*(?P<b>{_DO}\b.+)$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:it|them|that one|this one|that|this|one)\b(?!')", re.I)
_NEW_THING = re.compile(
    r"^(?:there(?:'s| is) no\s+(?:an?\s+)?(?P<x>.+?)(?:\s+(?:field|question))?(?:\s+(?:on|in) the form)?"
    r"|(?:the\s+)?(?P<y>.+?)\s+(?:field\s+|question\s+)?(?:is|are)\s+missing"
    r"|(?:the\s+)?(?P<z>.+?)\s+would be (?:useful|good|nice|helpful)"
    r"|(?:[\w ]+?\s+)?(?:need|needs|have|has) to (?:upload|send|attach) (?:their|a|an|the|your)\s+(?P<u>.+?))$",
    re.I,
)


def _said_then_it(part: str, fields: list) -> str:
    m = _SAID_THEN.match(part)
    if not m or re.match(rf"{_DO}\b", m["a"], re.I) or not _PRONOUN.search(m["b"]):
        return part
    said = m["a"]
    do = re.sub(r"^take\s+(?P<it>it|them|that|this)\s+out\b", r"remove \g<it>", m["b"], flags=re.I)
    new = _NEW_THING.match(said)
    labels = {
        w for f in fields for w in (f["label"].strip(" ?").lower(), f["name"].replace("_", " "))
    }
    if new and (new["x"] or new["y"] or new["z"] or new["u"]).strip().lower() not in labels:
        thing = new["x"] or new["y"] or new["z"] or f"{new['u']} upload"
        # "add one after phone", "add a dropdown for it with A, B": a field of that name
        do = re.sub(
            r"^(?P<v>add|include)\s+(?:one|it|that|this)\b", rf"\g<v> a {thing}", do, flags=re.I
        )
        return re.sub(
            r"^(?P<v>add|include)\s+(?:an?\s+)(?P<k>[\w/ -]+?)\s+for\s+(?:it|that|this)\b",
            rf"\g<v> a {thing} \g<k>",
            do,
            flags=re.I,
        )
    label = named_first(said, fields)
    return _PRONOUN.sub(f"“{label}”", do, count=1) if label else part


_CLEAR = re.compile(
    r"^(?:remove|delete|clear|drop|get rid of)\s+(?:the\s+)?(?P<a>placeholder|help text|hint)\s+"
    r"(?:of|from|on|in|for)\s+(?:the\s+)?(?P<x>.+)$",
    re.I,
)


def clear(draft: dict, clause: str) -> bool:
    """ "remove the placeholder of Describe the problem": the field stays, its text goes."""
    m = _CLEAR.match(clause.strip().rstrip(".!"))
    if not m:
        return False
    field = find_one(draft["fields"], m["x"])
    field["placeholder" if m["a"].lower() == "placeholder" else "help"] = ""
    return True
