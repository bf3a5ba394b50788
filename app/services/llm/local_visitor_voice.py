"""A question about "them" asked of the visitor ("their address" → "your address"): the
list readers, the whether-questions and refinements all speak to the person filling in
the form.

Round 35d: the finished draft speaks to the visitor too (``address_visitor``): "the
customer's email" is "Email", "the person's name" is "Full name", "whether it is for
themselves or a loved one" is "… for yourself or a loved one?" with the answers [Myself,
A loved one], "how they heard about us" is "How did you hear about us?". A form about
someone else keeps its third person: a referral ("your name, the candidate's name, their
email"), a nomination, a parent filling in for a child.
"""

from __future__ import annotations

import re


def to_visitor(text: str) -> str:
    """A question about "them" spoken to the visitor: "their address" → "your address";
    not when it already speaks to them ("have you spoken to them": someone else), and not
    "how many of them" (the guests)."""
    if re.search(r"\byou\b", text, re.I):
        return text
    # "why they would recommend them": the visitor recommends someone else
    them = "(?!)" if re.search(r"\bthey\b", text, re.I) else r"(?<!\bof )\bthem\b"
    # "how they'd like us to contact them": what we do to them is done to the visitor
    text = re.sub(r"\b(us to \w+) them\b", r"\1 you", text, flags=re.I)
    for pattern, repl in (
        (r"\bthey'?re\b", "you're"),
        (r"\bthey'?d\b", "you'd"),
        (r"\bthey'?ve\b", "you've"),
        (r"\btheir\b", "your"),
        (r"\bthemselves\b|\bthemself\b", "yourself"),  # "for themselves or a loved one"
        (r"\bthey\b", "you"),
        (them, "you"),
    ):
        text = re.sub(pattern, repl, text, flags=re.I)
    return text


# What the marketer calls whoever fills it in: "the customer's email" is the visitor's own
_VISITOR = (  # the generic names, not a part in it ("the tenant's name" stays, round 17b)
    r"(?:person|customer|client|user|visitor|caller|enquirer|respondent|shopper|buyer)"
)
_OWNED = re.compile(rf"^(?:(?:the )?{_VISITOR}(?:'s|s')|their)\s+(?P<rest>\S.*)$", re.I)
# A form about someone else: the visitor refers, nominates, or fills in for a child
_SOMEONE_ELSE = re.compile(
    r"\b(?:refer\w*|nominat\w*|recommend a|on behalf|for someone|someone else|child(?:ren)?|"
    r"kids?|son|daughter|pupil|parent|guardian|carer|friend|colleague|candidate|employee|"
    r"relative|next of kin|emergency contact)\b|\byour (?:name|email|e-mail|phone|details)\b",
    re.I,
)
# "How you heard about us" (an indirect clause left as the label): asked directly
_PAST = {
    "heard": "hear",
    "found": "find",
    "came": "come",
    "got": "get",
    "met": "meet",
    "learned": "learn",
    "learnt": "learn",
    "discovered": "discover",
}
_INDIRECT = re.compile(
    rf"^(?P<wh>how|where|when|why) you (?P<verb>{'|'.join(_PAST)})\b(?P<rest>[^?]*)$", re.I
)


_HEARD_OF_US = re.compile(
    r"^how (?:did )?they (?:heard|hear|found|find|learned|learnt)\b.*\bus\b", re.I
)


def address_visitor(fields: list, description: str, lang: str | None) -> None:
    """Each label and answer of the draft spoken to the visitor (see the module)."""
    about_other = bool(_SOMEONE_ELSE.search(description)) or _two_people(description)
    for field in fields:
        label = field.get("label") or ""
        owned = _OWNED.match(label)
        if owned and not about_other and (lang or "en") == "en":
            rest = owned["rest"]
            if field["name"] == "name" and re.fullmatch(r"(?:full )?name", rest, re.I):
                rest = "Full name"  # the stock label of the visitor's own name
            field["label"] = label = rest[:1].upper() + rest[1:]
        if _HEARD_OF_US.match(label):  # whoever fills it in heard of us, on any form
            field["label"] = label = re.sub(r"\bthey\b", "you", label, count=1, flags=re.I)
        indirect = _INDIRECT.match(label)
        if indirect:
            verb = indirect["verb"].lower()
            wh, rest = indirect["wh"].capitalize(), indirect["rest"]
            field["label"] = label = f"{wh} did you {_PAST[verb]}{rest}?"
        if re.search(r"\byourself\b", label, re.I) and field.get("options"):
            field["options"] = [_own_answer(o, label) for o in field["options"]]


def _two_people(description: str) -> bool:
    """ "name, phone, the person's age": the visitor's own name is asked, so "the person" is
    someone else; "guest pass for members: guest's name": two roles, two people."""
    items = [i.strip().lower() for i in re.split(r"[,;:\n]|\band\b", description)]
    if any(re.fullmatch(r"(?:full |your )?name|your e-?mail(?: address)?", i) for i in items):
        return True
    said = rf"\b(?:(?P<of>{_VISITOR})(?:'s|s')|(?:for|from) (?:the |our )?(?P<for>{_VISITOR})s?\b)"
    roles = {(m["of"] or m["for"]).lower() for m in re.finditer(said, description, re.I)}
    return len(roles) > 1


def _own_answer(option: str, label: str) -> str:
    """ "Themselves" → "Myself"; "Loved one" → "A loved one" as the question says it."""
    if re.fullmatch(r"(?:for )?(?:themselves|themself|yourself|himself|herself)", option, re.I):
        return "Myself"
    said = re.search(rf"\b(an?|the|my|your) ({re.escape(option)})\b", label, re.I)
    if said:
        article = "My" if said.group(1).lower() in ("my", "your") else said.group(1).capitalize()
        return f"{article} {option[:1].lower()}{option[1:]}"
    return option


_POSSESSOR = re.compile(r"\b(?:the |your |their )?(?P<who>[a-z]+)(?:'s|s')\s+[a-z]", re.I)
# "referred contact name, their email": the person named by their part, not a possessive
_OTHER_NAMED = re.compile(
    r"\s*(?:the\s+)?(?P<who>(?:referred|referee|nominee|nominated|other)\s+(?:contact|person|client|"
    r"customer|friend)|referee|nominee)(?:'s)?\s+(?:full\s+)?name\b",
    re.I,
)


def name_the_other(text: str) -> str:
    """On a form about someone else, "their email" after "the candidate's name" is the
    candidate's email, not the visitor's: "…, the candidate's name, their email" → "…, the
    candidate's name, the candidate's email" (so it is not read as the visitor's own)."""
    if not _SOMEONE_ELSE.search(text):
        return text
    out, who, at = [], None, 0
    for item in re.finditer(r"[^,;:\n]+", text):
        part = item.group(0)
        owner = _POSSESSOR.search(part) or _OTHER_NAMED.match(part)
        if owner and not re.fullmatch(_VISITOR, owner["who"], re.I):
            who = owner["who"].lower()
        elif who and re.match(r"\s*(?:and\s+)?their\s+\w", part, re.I):
            part = re.sub(r"\btheir\b", f"the {who}'s", part, count=1, flags=re.I)
        out.append(text[at : item.start()] + part)
        at = item.end()
    return "".join(out) + text[at:]
