"""Conditional fields for the local engine (SPEC §17 ``show_if``).

Reads "ask for the company size only for business customers", "show the order
number only when the topic is Orders", "if they pick Other, ask them to specify",
"only ask for the budget if company size is more than 50" and turns each into a
``show_if`` rule on the target field: ``{"all": [{"field", "op", "value"}]}``,
naming only fields before it. When the rule reads a field the form does not have
("business customers"), the question that tells is added just before the target
("Are you a business or a private customer?"); an existing choice whose options
already say it ("New or existing patient") is reused.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm import local_show_if_numbers as numbers
from app.services.llm.local_condition_asked import person_question, place_question
from app.services.llm.local_condition_items import as_read
from app.services.llm.local_extract_item import _item
from app.services.llm.local_fields import RefineError, find_field, parse_new_field
from app.services.llm.local_refine_targets import find_one
from app.services.llm.local_show_if_asked import answer_named, earlier, yes_no_asked
from app.services.llm.local_show_if_items import inline_rules

_SUBJECT = (
    r"(?:(?:the\s+)?(?:they|visitor|customer|user|person|someone|respondent|applicant)(?:'re|\s+))?"
)
_SHOW = (
    r"(?:show|display|reveal|ask(?:\s+them)?(?:\s+for|\s+about|\s+to)?|include|add|collect|request)"
)
# "if they pick Other, ask them to specify"
IF_THEN = re.compile(
    rf"^(?:only\s+)?(?:if|when|whenever)\s+(?P<cond>.+?),\s*(?:then\s+)?(?:also\s+)?(?:please\s+)?{_SHOW}\s+(?P<target>.+)$",
    re.I,
)
# "show the company size only for business customers", "ask for X if Y is Z"
SHOW_WHEN = re.compile(
    rf"^(?:only\s+)?{_SHOW}\s+(?P<target>.+?)\s+(?:field\s+)?(?P<only>only\s+)?(?P<how>if|when|for)\s+(?P<cond>.+)$",
    re.I,
)
# "only for business customers ask for X and Y", "for students, ask for the university"
LEAD = re.compile(
    rf"^(?:but\s+)?(?P<only>only\s+)?(?P<how>for|if|when|whenever)\s+(?P<cond>.+?)(?:\s*,\s*|\s+)(?:then\s+)?"
    rf"(?:also\s+)?(?:please\s+)?(?:we\s+)?{_SHOW}\s+(?P<target>.+)$",
    re.I,
)
_PEOPLE = (
    r"customers?|clients?|users?|visitors?|guests?|patients?|buyers?|members?|students?|drivers?|"
    r"attendees?|travell?ers?|applicants?|participants?|candidates?|companies|businesses|owners?|"
    r"tenants?|landlords?|parents?|children|kids|adults|employees|staff|partners?|volunteers?|"
    r"families|couples|groups|teams|accounts?|orders?|bookings?|enquiries|inquiries|requests?|"
    r"[a-z]+(?:ers|ists|ants|ents)"
)
# "if existing", "if it's a wedding", "only when employed", "for drivers": an answer alone
_BARE = re.compile(
    r"^(?:it'?s|it is|they'?re|they are|the answer is|you'?re|you are)?\s*(?:an?\s+|the\s+)?"
    r"(?P<z>[\w'-]+(?:\s+[\w'-]+){0,2})$",
    re.I,
)
_NOT_ANSWER = re.compile(
    r"^(?:needed|necessary|required|relevant|applicable|possible|appropriate|any|none|"
    r"available|known|urgent|emergencies|they|you|it|we|"
    # "photo if helpful", "a sketch if you like": an optional item, not a rule
    r"helpful|useful|handy|wanted|desired|preferred|convenient|easier|possible|"
    r"(?:you|they) (?:like|wish|want|prefer|can))$",
    re.I,
)
_YES = re.compile(r"^(?:yes|so|they do|they have|they are|true|ticked|checked)$", re.I)
# "…, and the company size only for business customers"
# "Callback: name, phone, (ask for the) company name if/when they are a business"
LIST_TAIL = re.compile(
    r"^(?P<pre>[^:]*:\s*[^,]+(?:,\s*[^,]+)*,\s*(?:and\s+)?)(?:(?:please\s+)?(?:ask(?:\s+them)?"
    r"(?:\s+for|\s+about)?|include|collect)\s+)?(?P<target>[^,:]+?)\s+(?P<how>if|when)\s+"
    r"(?P<cond>(?:they|it|you)(?:'re|\s+are|\s+is|'s)\s+[^,]+)$",
    re.I,
)
# a question or a sentence, not an item a rule can show ("can we enter if …", "email if you
# want us to tell you when …")
_SAID = re.compile(r"\b(?:if|when|we|you|us|they|i|can|could|will|would|do|does|is|are)\b|\?", re.I)
ONLY = re.compile(r"^(?P<pre>.*?)[,\s]+(?:but\s+)?only\s+(?:if|when|for)\s+(?P<cond>.+)$", re.I)
# "… only for business customers and the number of bedrooms only for private ones"
AND_ONLY = re.compile(
    r",?\s+and\s+(?=(?:(?:the|their|a|an)\s+)?[\w' -]{1,40}?\s+only\s+(?:if|when|for)\b)", re.I
)
# "…, whether they are a business or an individual, and only for business customers ask
# company name and team size": a lead clause in the middle of a sentence starts its own
LEAD_MID = re.compile(
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:but\s+)?(?:only\s+(?:for|if|when)|if|when)\s+[^,;]+?"
    rf"(?:,\s*|\s+){_SHOW}\s)",
    re.I,
)
_CUE = re.compile(
    r".*(?:,|;|:|\band\b|\bask(?:ing)?(?: them)?(?: for| about)?\b|\bshow\b|\binclude\b|\bcollect\b)\s*",
    re.I,
)
_ARTICLE = re.compile(r"^(?:(?:the|a|an|their|your|an optional|optional)\s+)+", re.I)
# a few field names, no sentence: "dietary needs", "CV upload", "phone, postcode"
_MORE_ITEMS = re.compile(
    r"^(?!.*\b(?:we|you|they|i|it|is|are|was|will|would|should|must|can|please|thanks?|if|when|"
    r"only|show|ask|then)\b)[\w'/-]+(?:[ ,]+[\w'/-]+){0,7}[.;]?$",
    re.I,
)


def find_rules(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the text with every condition cut out, [(target phrase, condition)]).

    The target stays in the text ("ask for the company size") so the field reader
    still creates it; a follow-up target ("ask them to specify") is added later."""
    rules, kept = [], []
    for sentence in re.split(r"(?<=[.!?;])\s+(?!\()|\n+", text):  # "…? (yes, no)": one item
        if rules and kept and _MORE_ITEMS.match(sentence.strip()):
            # "…; if yes, guest name; dietary needs": the list goes on after the condition
            kept.append(f"Ask for {sentence.strip().rstrip('.;')}.")
            continue
        head, *lead = LEAD_MID.split(sentence, maxsplit=1)
        if lead and head.strip() and LEAD.match(lead[0].strip().rstrip(".!?;")):
            for part in (head.strip() + ".", lead[0]):
                text_part, found = find_rules(part)
                rules += found
                kept.append(text_part)
            continue
        parts = AND_ONLY.split(sentence.strip().rstrip(".!?;"))
        if len(parts) > 1:  # "X only for A and Y only for B": one rule each
            found = [find_rules(part) for part in parts]
            if all(r for _, r in found):
                rules += [rule for _, r in found for rule in r]
                kept.append(" and ".join(t.rstrip(".") for t, _ in found) + ".")
                continue
        body = sentence.strip().rstrip(".!?;")
        m = IF_THEN.match(body)
        if m and _readable(m["cond"], bare=True):
            rules += [(t, m["cond"]) for t in _targets(m["target"])]
            if not FOLLOW_UP.match(m["target"]):  # the field reader types the target
                kept.append(f"Ask for {_target(m['target'])}.")
            continue
        m = LEAD.match(body)
        if m and _lead_condition(m) and not FOLLOW_UP.match(m["target"]):
            rules += [(t, m["cond"]) for t in _targets(m["target"])]
            kept.append(f"Ask for {_target(m['target'])}.")
            continue
        m = LIST_TAIL.match(body)
        if m and not _SAID.search(m["target"]) and _readable(m["cond"], bare=True):
            # "Request a callback: name, phone, company name if they are a business": the
            # rule is on the list's last item, not on the list
            rules.append((_target(m["target"]), m["cond"]))
            kept.append(f"{m['pre']}{_target(m['target'])}.")
            continue
        m = SHOW_WHEN.match(body)
        if (
            m
            and m["how"].lower() == "when"
            and not m["only"]
            and m["target"].rstrip().endswith(",")
        ):
            m = None  # "request a valuation - address, bedrooms, when you're selling": an item
        if (
            m
            and _looks_conditional(m["how"], m["only"], m["cond"])
            and _readable(m["cond"], bare=bool(m["only"]) or m["how"].lower() != "for")
        ):
            rules += [(t, m["cond"]) for t in _targets(m["target"])]
            kept.append(f"Ask for {_target(m['target'])}.")
            continue
        m = ONLY.match(body)
        if m and m["pre"].strip() and _readable(m["cond"], bare=True):
            target = _CUE.sub("", m["pre"]).strip()
            rules += [(t, m["cond"]) for t in _targets(target)]
            kept.append(m["pre"].strip() + ".")
            continue
        inline = inline_rules(sentence, text, lambda cond: _readable(cond, bare=True))
        if inline:  # "…, which competitor, if they switched"; "if yes, which meal (…)"
            kept.append(inline[0])
            rules += inline[1]
            continue
        kept.append(sentence)
    return " ".join(k for k in kept if k.strip()), rules


def _lead_condition(m) -> bool:
    """ "If X, ask …" / "Only for X ask …"; a bare "for X" must name people ("for students")."""
    cond = m["cond"].strip()
    if numbers.NUMERIC_CUE.search(cond):  # "for orders over 500 units", "for teams over 50 people"
        return _readable(cond)
    if m["how"].lower() == "for" and not m["only"]:
        words = cond.split()
        last = words[-1] if words else ""
        plural = not re.match(r"(?:the|all|each|every|any|our|their|your)\b", cond, re.I) and (
            re.fullmatch(r"[a-z-]+s", last, re.I) is not None
        )
        return len(words) <= 4 and (
            re.fullmatch(_PEOPLE, last, re.I) is not None or (plural and len(words) <= 2)
        )
    return _readable(cond, bare=True)


def _targets(phrase: str) -> list[str]:
    """ "the company name and the VAT number" → two targets (each a short noun phrase)."""
    whole = _target(phrase)
    parts = [_target(p) for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", whole) if p.strip()]
    if len(parts) > 1 and all(1 <= len(p.split()) <= 5 for p in parts):
        return parts
    return [whole]


def _target(phrase: str) -> str:
    phrase = _ARTICLE.sub("", phrase.strip().strip(".,;:\"“”'")).strip()
    return re.sub(r"\s+(?:question|field|box|input)$", "", phrase, flags=re.I)


def _looks_conditional(how: str, only: str | None, cond: str) -> bool:
    """ "if X is Y", "only for …", "for business customers"; not "ask the homeowner for
    their address" (a "for" without "only" must name a group of people and nothing else)."""
    if how.lower() != "for" or only or numbers.NUMERIC_CUE.search(cond):
        return True
    return bool(_GROUP.match(cond.strip())) and len(cond.split()) <= 4


def _readable(cond: str, bare: bool = False) -> bool:
    """Whether ``cond`` has a shape ``_condition`` reads (else the sentence is left alone);
    ``bare``: an answer alone ("if existing", "only for drivers") is read too."""
    cond = cond.strip().strip('.!?"“”')
    if bare and (m := _BARE.match(cond)) and not _NOT_ANSWER.match(m["z"]):
        return True
    return bool(
        numbers.COUNT_ONLY.match(cond)
        or _FILLED.match(cond)
        or _PICK.match(cond)
        or _ARE.match(cond)
        or _GROUP.match(cond)
        or _WHO.match(cond)
        or _HAVE.match(cond)
        or re.match(r"^(?:businesses|companies)$", cond, re.I)
        or any(
            (m := re.match(rf"^(?P<y>.+?)\s+(?:{p})\s+(?P<z>.+)$", cond, re.I))
            and not re.match(r"^(?:they|you|it)$", m["y"], re.I)
            for p, _ in _OPS
        )
    )


# -- turning a condition into a rule ---------------------------------------------

_BE = r"(?:(?:is|are|has|have|with|needs?|wants?|orders?|books?)\s+)"
_OPS = [
    (r"(?:is|are)\s+(?:not|n't)|isn't|aren't|does not equal|doesn't equal|!=", "not_equals"),
    (
        rf"{_BE}?(?:at least|no (?:less|fewer) than|(?:a )?minimum of)(?=\s+\d)|>=|"
        r"(?:is|are)(?=\s+\d[\d,.]*\s*(?:\w+\s+)?(?:or (?:more|over|above|higher)|\+))",  # "10 or more"
        "gte",
    ),
    (
        rf"{_BE}?(?:at most|no more than|(?:a )?maximum of|up to)(?=\s+\d)|<=|"
        r"(?:is|are)(?=\s+\d[\d,.]*\s*(?:\w+\s+)?or (?:less|fewer|under|below))",
        "lte",
    ),
    (
        rf"{_BE}(?:more|greater|higher|bigger|larger|older|longer|over|above)(?:\s+than)?|>|"
        rf"exceed(?:s|ing)?|(?:more|greater|bigger|larger|higher|older|longer) than(?=\s+\d)|"
        rf"(?:over|above)(?=\s+\d[\d,.]*\s+[a-z])",
        "gt",
    ),
    (
        rf"{_BE}(?:less|fewer|lower|smaller|younger|shorter|under|below)(?:\s+than)?|<|"
        rf"(?:less|fewer|smaller|lower|younger|shorter) than(?=\s+\d)|"
        rf"(?:under|below)(?=\s+\d[\d,.]*\s+[a-z])",
        "lt",
    ),
    (r"(?:is|are)\s+(?:one of|either|any of|in)", "in"),
    (r"(?:is|are|equals|=|==|says)", "equals"),
]
_FILLED = re.compile(
    r"^(?P<y>.+?)\s+(?:is|are|has been)\s+(?P<w>filled(?: in)?|given|provided|answered|entered|not empty|ticked|checked|empty|blank|left (?:empty|blank)|not given)$",
    re.I,
)
_PICK = re.compile(
    rf"^{_SUBJECT}(?:choose|chose|chooses|pick|picks|picked|select|selects|selected|answer|answers|answered|tick|ticks|say|says)\s+"
    r"(?P<z>.+?)(?:\s+(?:for|in|as|to|on)\s+(?:the\s+)?(?P<y>.+))?$",
    re.I,
)
_ARE = re.compile(rf"^{_SUBJECT}(?:are|is|am)\s+(?:an?\s+)?(?P<x>.+)$", re.I)
_HAVE = re.compile(
    rf"^{_SUBJECT}(?P<verb>have|has|own|owns|need|needs|use|uses|want|wants|would like)\s+(?P<x>.+)$",
    re.I,
)
# "applicants from outside the EU", "guests who are vegetarian", "visitors over 18"
_WHO = re.compile(
    r"^(?:an?\s+|the\s+|those\s+|anyone\s+)?(?:[\w-]+\s+)?(?:customers?|clients?|applicants?|"
    r"visitors?|guests?|patients?|people|students?|members?|users?|candidates?|parents?)\s+"
    r"(?:who\s+(?P<verb>are|have|live|work|need)\s+(?P<rest>.+)|(?P<where>(?:from|in|outside|based|"
    r"living|located|over|under|aged)\b.+))$",
    re.I,
)
_GROUP = re.compile(
    r"^(?:an?\s+|the\s+)?(?!(?:each|every|all|any|our|their|your|other|those|these|such|"
    r"some|most|many|more|new and|both)\b)(?P<x>[\w-]+(?:\s+[\w-]+)?)\s+(?:customers?|clients?|users?|visitors?|guests?|patients?|buyers?|members?|accounts?|orders?|bookings?|enquiries|inquiries|requests?|attendees?|travell?ers?|participants?|applicants?|students?|drivers?)$",
    re.I,
)
# Audiences every marketer splits on: the question that tells, and the option meaning each word.
AUDIENCES = [
    (
        r"business(?:es)?|compan(?:y|ies)|b2b|corporate|commercial|trade|professional",
        "customer_type",
        "Are you a business or a private customer?",
        ["Business", "Individual"],
        "Business",
    ),
    (
        r"private|individuals?|personal|consumers?|b2c|residential|home|retail",
        "customer_type",
        "Are you a business or a private customer?",
        ["Business", "Individual"],
        "Individual",
    ),
    (
        r"existing|current|returning|repeat",
        "customer_status",
        "Are you a new or existing customer?",
        ["New customer", "Existing customer"],
        "Existing customer",
    ),
    (
        r"new|first[- ]time|prospective",
        "customer_status",
        "Are you a new or existing customer?",
        ["New customer", "Existing customer"],
        "New customer",
    ),
]
FOLLOW_UP = re.compile(
    r"^(?:them\s+)?(?:to\s+)?(?:specify|explain|say (?:what|which)|give (?:more )?details|tell us more|describe it)\b",
    re.I,
)

# the follow-up labelled as the marketer asked it ("if no, explain" → "Please explain")
_FOLLOW_UP_LABELS = (
    ("explain", "Please explain"),
    ("describe", "Please explain"),
    ("details", "Please give details"),
    ("tell us more", "Tell us more"),
)


# "if they're not a cash buyer", "if they're coming": read as "they are (not) …"
_NOT_SAID = {
    "they're not": "they are not", "you're not": "you are not", "it's not": "it is not",
    "aren't": "are not", "isn't": "is not", "don't": "do not", "doesn't": "does not",
    "haven't": "have not", "hasn't": "has not", "didn't": "did not", "weren't": "were not",
    "they're": "they are", "you're": "you are",
}  # fmt: skip
_NOT = re.compile(r"\b(?:" + "|".join(_NOT_SAID) + r")\b", re.I)


def plainly(text: str) -> str:
    """A negation spelled out, as the condition readers read it ("they're not" → "they are not")."""
    return _NOT.sub(lambda m: _NOT_SAID[m[0].lower()], text)


def apply_rule(fields: list, target: str, cond: str, *, create: bool) -> str | None:
    """Add the rule to the target field (creating what is missing when ``create``).
    Returns a note for the marketer, or raises RefineError when it cannot be done."""
    cond = plainly(cond.strip().strip('.!?"“”'))
    follow_up = FOLLOW_UP.match(target)
    target_field = None
    if not follow_up:
        try:
            target_field = _find_target(fields, target)
        except RefineError:
            if not create:
                raise
            target_field = _read_as_clause(fields, target) or _without_brackets(fields, target)
            if target_field is None:
                target_field, _ = parse_new_field(target, fields)
                fields.append(target_field)
    condition, note = _condition(fields, cond, target_field, create=create)
    controller = next(f for f in fields if f["name"] == condition["field"])
    if follow_up:
        asked = follow_up.group(0).lower()
        label = next((lb for cue, lb in _FOLLOW_UP_LABELS if cue in asked), "Please specify")
        target_field, _ = parse_new_field(f"text field labelled {label}", fields)
        target_field["name"] = _free_name(fields, f"{controller['name']}_details")
        fields.insert(fields.index(controller) + 1, target_field)
    if target_field is controller:
        raise RefineError(f"“{target}” cannot depend on itself")
    _order(fields, controller, target_field)
    rule = target_field.get("show_if") or {"all": []}
    key = "all" if "all" in rule else "any"
    rule[key] = [c for c in rule[key] if c.get("field") != condition["field"]] + [condition]
    target_field["show_if"] = rule
    return note


def _without_brackets(fields: list, target: str) -> dict | None:
    """ "proof of income (upload)": the field the reader made without the brackets."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", target)
    if bare == target:
        return None
    try:
        return find_field(fields, bare)
    except RefineError:
        return None


def _read_as_clause(fields: list, target: str) -> dict | None:
    """The field the field reader already made of a clause target ("whether they would like
    to be listed as a patron" → "Want to be listed as a patron?"), so it is not asked twice."""
    item = _item(target)
    if not item or not item.get("clause"):
        return None
    name = re.sub(r"[^a-z0-9]+", "_", item["phrase"]).strip("_")
    return next((f for f in fields if f["name"] == name or f["label"] == item["label"]), None)


def _find_target(fields: list, target: str) -> dict:
    """The field a rule shows: "which competitor" is the reader's "Competitor" field when
    no field is labelled with the question itself."""
    from app.services.llm.local_refine_targets import find_glossed

    try:
        return find_field(fields, target)
    except RefineError:
        bare = re.sub(r"^(?:which|what)\s+", "", target.strip(), flags=re.I)
        if bare == target.strip():
            return as_read(fields, target) or find_glossed(fields, target)  # "the meal choice"
        return find_field(fields, bare)


# "if they tick the contact box", "if it's ticked": a checkbox of the form, ticked
_TICKS = re.compile(
    r"^(?:(?:they|you|people|visitors|guests|the visitor|someone)\s+)?(?:ticks?|checks?|ticked|checked)\s+"
    r"(?:the\s+)?(?P<y>.+?)(?:\s+(?:box|checkbox|tick-?box|check-?box))?$"
    r"|^(?:it|this|that|the box)(?:'s|’s|\s+is|\s+gets)\s+(?:ticked|checked)$",
    re.I,
)


def _ticked(fields: list, cond: str) -> dict | None:
    m = _TICKS.match(cond)
    boxes = [f for f in fields if f["type"] == "checkbox"]
    if not m or not boxes:
        return None
    if m["y"] is None:  # "it's ticked": the form's one box
        return boxes[0] if len(boxes) == 1 else None
    try:
        return find_one(boxes, m["y"])
    except RefineError:
        return None


def _condition(fields: list, cond: str, target, *, create: bool) -> tuple[dict, str | None]:
    box = _ticked(fields, cond)
    if box is not None:
        return {"field": box["name"], "op": "equals", "value": True}, None
    m = numbers.COUNT_ONLY.match(cond)
    if m:  # "(if) more than 5 attendees", "(for) more than 1000 copies"
        return numbers.condition(fields, "", numbers.op_of(m["op"]), m["z"], target, create=create)
    m = _FILLED.match(cond)
    if m:
        field = find_field(fields, m["y"])
        empty = re.search(r"empty|blank|not given", m["w"], re.I)
        return {"field": field["name"], "op": "empty" if empty else "filled"}, None
    for pattern, op in _OPS:
        m = re.match(rf"^(?P<y>.+?)\s+(?:{pattern})\s+(?P<z>.+)$", cond, re.I)
        if m and not re.match(r"^(?:they|you|it)$", m["y"], re.I):
            return _on_field(fields, m["y"], op, m["z"], target, create=create)
    m = _PICK.match(cond)
    if m:
        if m["y"]:
            return _on_field(fields, m["y"], "equals", m["z"], target, create=create)
        found = _option_anywhere(fields, m["z"], target)
        if found:
            return found, None
        raise RefineError(f"No question of this form offers “{m['z'].strip()}” as an answer")
    age = numbers.age_condition(fields, cond, target)
    if age is not None:  # "for members under 18" on a form that asks the age
        return age, None
    found = answer_named(fields, cond, target)
    if found:  # "if they switched", "if it arrived damaged": an answer an earlier question offers
        return found, None
    asked = yes_no_asked(fields, cond, target)
    if asked:  # "first time? If first time, ask about injuries": the question the form asks
        return asked, None
    m = _WHO.match(cond)
    if m:
        verb = (m["verb"] or "").lower()
        question = (
            f"Are you {m['where'] or m['rest']}?"
            if verb in ("", "are")
            else f"Do you {verb} {m['rest']}?"
        )
        return _yes_no(fields, question, target, create=create)
    m = re.match(r"^(?:it|this|that)(?:'s|’s|\s+is)\s+(?P<x>.+)$", cond, re.I)
    if m:  # "if it's a wedding": an answer the form offers; "a business trip": asked of it
        found = _option_anywhere(fields, re.sub(r"^(?:an?|the)\s+", "", m["x"], flags=re.I), target)
        return (
            (found, None) if found else _yes_no(fields, f"Is it {m['x']}?", target, create=create)
        )
    m = _ARE.match(cond) or _GROUP.match(cond)
    if m or re.match(r"^(?:businesses|companies)$", cond, re.I):
        return _audience(fields, m["x"] if m else cond, target, create=create)
    m = _HAVE.match(cond)
    if m:
        verb = {"has": "have", "owns": "own", "needs": "need", "uses": "use", "wants": "want"}.get(
            m["verb"].lower(), m["verb"].lower()
        )
        question = (
            f"Would you like {m['x']}?" if verb == "would like" else f"Do you {verb} {m['x']}?"
        )
        return _yes_no(fields, question, target, create=create)
    m = _BARE.match(cond)
    if m and not _NOT_ANSWER.match(m["z"]):
        return _bare(fields, m["z"], target, create=create)
    raise RefineError(f"I could not read the condition “{cond}” (try “if <field> is <answer>”)")


def _open_question(field: dict) -> bool:
    """A short text question the marketer wrote ("Travel insurance"), not a contact basic."""
    return (
        field.get("type") == "text"
        and not field.get("options")
        and field["name"] not in catalog.FIELDS
        and len(field.get("label", "").split()) <= 5
    )


def _bare(fields: list, z: str, target, *, create: bool) -> tuple[dict, str | None]:
    """An answer alone: the earlier question offering it ("if existing" → "Existing
    patient"; "for drivers" → Position is Driver; "if yes" → the last yes/no question)."""
    before = earlier(fields, target)
    answer = "yes" if _YES.match(z) else "no" if re.fullmatch(r"no|not", z, re.I) else None
    if answer:  # "if yes" / "if not": the last earlier yes/no question
        asked = [
            (f, o) for f in before for o in f.get("options") or [] if o.strip().lower() == answer
        ]
        if not asked and target in fields:
            # a domain field the draft put near the top ("make") shown on the question the
            # marketer wrote after it ("trade-in? if yes, its make and mileage"): the first
            # yes/no question after it (``_order`` then moves it under that question)
            after = fields[fields.index(target) + 1 :]
            asked = [
                (f, o) for f in after for o in f.get("options") or [] if o.strip().lower() == answer
            ][:1]
        if not asked and create and before and _open_question(before[-1]):
            # "travel insurance? if yes, …": the question just before is the yes/no one
            question = before[-1]
            question.update(type="select", options=["Yes", "No"], max_length=None)
            question["label"] = question["label"].rstrip("?") + "?"
            asked = [(question, "Yes" if answer == "yes" else "No")]
        if asked:
            return {"field": asked[-1][0]["name"], "op": "equals", "value": asked[-1][1]}, None
        raise RefineError(f"No earlier yes/no question for “if {z}”")
    words = z.split()
    candidates = [z, re.sub(r"(?<=[a-z])s$", "", z)]
    if len(words) > 1 and words[-1].lower().endswith("s"):  # "student memberships" → student
        candidates.append(" ".join(words[:-1]))
    for answer in dict.fromkeys(candidates):
        found = _option_anywhere(fields, answer, target)
        if found:
            return found, None
    plural = re.search(r"(?:[^s]s|children|people)$", z, re.I)
    if plural and not any(re.fullmatch(p, candidates[1], re.I) for p, *_ in AUDIENCES):
        asked = person_question(z) or f"Is this for {z}?"  # "for groups"; "a student?"
        return _yes_no(fields, asked, target, create=create)
    return _audience(fields, z, target, create=create)


def _on_field(fields, y: str, op: str, z: str, target, *, create: bool) -> tuple[dict, str | None]:
    y = _target(y)
    if op in numbers.NUMERIC_OPS:  # a number field (or ranges), never gt on text
        return numbers.condition(fields, y, op, z, target, create=create)
    try:
        field = find_field(fields, y)
    except RefineError:
        found = op in ("equals", "in") and _option_anywhere(fields, z, target)
        if found:  # "if the event is corporate": the question that offers Corporate
            return found, None
        if not create:
            raise
        values = _values(z)
        values += [] if any(v.lower() == "other" for v in values) else ["Other"]
        field, _ = parse_new_field(f"{y} dropdown: {', '.join(values)}", fields)
        fields.insert(fields.index(target) if target in fields else len(fields), field)
        rule_on = target["label"] if target else "the follow-up"
        note = f"Added “{field['label']}” (options {', '.join(field['options'])}) for the rule on “{rule_on}”: check it."
        return _value(field, op, z), note
    return _value(field, op, z), None


def _values(z: str) -> list[str]:
    parts = [p.strip(" \"“”'‘’") for p in re.split(r"\s*,\s*|\s+or\s+", z.strip()) if p.strip()]
    parts = [re.sub(r"^(?:an?|the)\s+(?=\w)", "", p, flags=re.I) for p in parts]
    return [p[:1].upper() + p[1:] for p in parts if p]


def _value(field: dict, op: str, z: str) -> dict:
    if field.get("type") == "checkbox":  # a checkbox compares with true (ticked) or false
        ticked = not re.match(r"^(?:no|false|unticked|unchecked|not)", z.strip(), re.I)
        return {"field": field["name"], "op": "equals", "value": ticked}
    values = [_option(field, v) for v in _values(z)] or [z]
    if op == "in" or len(values) > 1:
        return {
            "field": field["name"],
            "op": "not_in" if op == "not_equals" else "in",
            "value": values,
        }
    return {"field": field["name"], "op": op, "value": values[0]}


def _option(field: dict, wanted: str) -> str:
    options = field.get("options") or []
    if not options:
        return wanted
    low = wanted.lower().strip().replace("-", " ")

    def plain(option: str) -> str:
        return option.lower().replace("-", " ")

    for test in (
        lambda o: plain(o) == low,
        lambda o: plain(o).startswith(low) or low.startswith(plain(o)),
        lambda o: re.search(rf"\b{re.escape(low)}\b", plain(o)),
    ):
        hits = [o for o in options if test(o)]
        if len(hits) == 1:
            return hits[0]
    raise RefineError(
        f"“{field['label']}” has no answer “{wanted}” (its options: {', '.join(options)})"
    )


def _option_anywhere(fields: list, z: str, target) -> dict | None:
    before = earlier(fields, target)
    for field in [*before, *fields[len(before) :]]:
        if field is target or not field.get("options"):
            continue
        try:
            return _value(field, "equals", z)
        except RefineError:
            continue
    return None


def _audience(fields, x: str, target, *, create: bool) -> tuple[dict, str | None]:
    x = re.sub(
        r"\s+(?:customers?|clients?|users?|visitors?|guests?|patients?|buyers?|members?|attendees?|"
        r"travell?ers?|participants?|applicants?|students?|drivers?)$",
        "",
        x.strip(),
        flags=re.I,
    )
    found = _option_anywhere(fields, x, target)
    if found:
        return found, None
    for pattern, name, label, options, value in AUDIENCES:
        if re.fullmatch(pattern, x, re.I):
            field = next((f for f in fields if f["name"] == name), None)
            if field is None:
                if not create:
                    raise RefineError(
                        f"This form does not ask whether they are {x}; add a “{label}” dropdown first"
                    )
                field = {
                    "name": name,
                    "type": "select",
                    "label": label,
                    "required": False,
                    "options": list(options),
                }
                fields.insert(fields.index(target) if target in fields else len(fields), field)
            return {"field": name, "op": "equals", "value": value}, None
    asked = place_question(x) or f"Are you {_article(x)}{x}?"  # "only for UK": where they are
    return _yes_no(fields, asked, target, create=create)


_NO_ARTICLE = re.compile(
    r"^(?:\w+(?:ing|ed)|over|under|from|in|at|on|based|already|currently|eligible|interested|able|"
    r"willing|available|happy|aged?|older|younger|\d+)\b",
    re.I,
)


def _article(x: str) -> str:
    """ "a student ", "an owner ", "" before "attending the dinner" or "over 18"."""
    if _NO_ARTICLE.match(x):
        return ""
    return "an " if x[:1].lower() in "aeiou" else "a "


def _yes_no(fields, label: str, target, *, create: bool) -> tuple[dict, str | None]:
    name = re.sub(r"[^a-z0-9]+", "_", label.lower().rstrip("?")).strip("_")[:50]
    field = next((f for f in fields if f["name"] == name), None)
    note = None
    if field is None:
        if not create:
            raise RefineError(f"This form has no question “{label}”; add it first")
        field = {
            "name": name,
            "type": "select",
            "label": label,
            "required": False,
            "options": ["Yes", "No"],
        }
        fields.insert(fields.index(target) if target in fields else len(fields), field)
        note = f"Added the question “{label}” for the rule: check its wording."
    return {"field": field["name"], "op": "equals", "value": "Yes"}, note


def _free_name(fields: list, name: str) -> str:
    names, base, i = {f["name"] for f in fields}, name[:46], 2
    while name in names:
        name, i = f"{base}_{i}", i + 1
    return name


def _order(fields: list, controller: dict, target: dict) -> None:
    """A rule names only earlier fields: move the target just after its controller."""
    if fields.index(controller) > fields.index(target):
        fields.remove(target)
        fields.insert(fields.index(controller) + 1, target)
