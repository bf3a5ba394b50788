"""A question added by its wording (issue 20, refine round 21r).

Marketers add a question the way they would ask it: "add a question asking if they need the
kitchen", "ask whether they need parking", "add a yes/no question: do you need parking?",
"add a question: which room would you like?", "ask which genres they like: crime, fantasy",
"add a question asking what the project is, as a big text box" (round 33r: a question word
is put to the visitor, "Which genres do you like?", "What is the project?"; answers after a
colon make it a choice, several when the noun is plural; a big box makes it long text; the
question is turned as the generator turns one, ``local_item_asked.direct``).
``rewrite(clause)`` turns such a clause into the one phrasing the field handlers read ('add a yes/no question called "Do you need the
kitchen?"'), so the new field is built, placed and de-duplicated as every other new field
is. The question is put to the visitor: "whether they need parking" → "Do you need
parking?", "whether the property has a garden" → "Does the property have a garden?".
"""

from __future__ import annotations

import re

from app.services.llm.local_bracket_types import bracket_type
from app.services.llm.local_clauses import whether_you
from app.services.llm.local_fields import RefineError, existing_field
from app.services.llm.local_item_asked import direct
from app.services.llm.local_visitor_voice import to_visitor
from app.services.llm.local_whether_question import whether_question

_FLAGS = r"(?:(?:yes/no|yes-no|yes or no|optional|required|mandatory|new|short|simple)\s+)*"
_WHO = (
    r"(?:them\s+|people\s+|visitors\s+|customers\s+|guests\s+|the (?:visitor|customer|guest)\s+)?"
)
_WH = r"(?:what|which|how|when|where|who)"
_ASK = re.compile(
    rf"^(?:please\s+)?(?:also\s+)?(?:(?:(?:add|include|insert|put in)\s+)?(?:a|an|one|another)\s+"
    rf"(?P<flags>{_FLAGS})(?:question|field)\s*(?::\s*|(?:asking|that asks|to ask)\s+{_WHO}"
    rf"(?=(?:if|whether|{_WH})\b))|(?:ask|add|include)\s+{_WHO}(?=(?:if|whether)\b)"
    rf"|ask\s+{_WHO}(?={_WH}\b))(?P<q>.+)$",
    re.I,
)
# "…: crime, fantasy, romance" or "… with options Google, Friend": the answers; "…, as a big
# text box": a long answer
_ANSWERS = re.compile(
    r"(?:\s*:\s*|\s+with\s+(?:the\s+)?(?:options?|choices?|answers?)\s*:?\s*)"
    r"(?P<opts>[^:]+,[^:]+|[^:,?]+?\s+or\s+[^:,?]+?)\??$",
    re.I,
)
_AS = re.compile(r",?\s+(?:as|in|with)\s+(?:an?\s+)?(?P<kind>[^,]+)$", re.I)
_AUX = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|may)"
_YES_NO_SAID = re.compile(
    r"\s*\((?:yes/no|yes or no|y/n)\)|\s*-\s*yes/no\b|(?<=\?)\s*(?:yes/no|yes or no|y/n)$|"
    r"\s*,\s*(?:yes/no|yes or no|y/n)$",  # "… a pause instead, yes or no"
    re.I,
)
_PLACE = re.compile(
    r"\s+(?P<where>(?:at the (?:top|end|bottom|start)|(?:right |just )?(?:after|before|below|above) .+))$",
    re.I,
)
_CONTRACTIONS = (
    (r"\b(they|you|we)'re\b", r"\1 are"),
    (r"\b(they|you|we)'ve\b", r"\1 have"),
    (r"\b(they|you|we)'ll\b", r"\1 will"),
    (r"\b(they|you|we)'d\b", r"\1 would"),
)
_REQUIRED = re.compile(r"\s*[(,]\s*(?P<flag>optional|required|mandatory)\s*\)?$", re.I)


def rewrite(clause: str, fields: list) -> str:
    """The canonical "add a … question called "…"" for a question added by its wording; the
    clause unchanged when it is something else (RefineError when the form asks it already)."""
    m = _ASK.match(clause.strip().rstrip("."))
    if not m:
        return clause
    q, flags = m["q"].strip(), (m["flags"] or "").lower()
    for short, long in _CONTRACTIONS:  # "whether they're bringing a dog"
        q = re.sub(short, long, q, flags=re.I)
    said = _YES_NO_SAID.search(q)
    q = _YES_NO_SAID.sub("", q).strip()
    place = _PLACE.search(q)
    q = q[: place.start()].strip() if place else q
    flag = _REQUIRED.search(q)
    q = q[: flag.start()].strip() if flag else q
    answers, kind = _ANSWERS.search(q), _AS.search(q)
    long = kind if kind and bracket_type(kind["kind"]) == "textarea" else None
    q = q[: (answers or long).start()].strip() if answers or long else q
    label, yes_no = _question(q)
    if not label:
        return clause
    same = next((f for f in fields if _key(f["label"]) == _key(label)), None)
    same = same or (
        None if answers or yes_no else existing_field(fields, q)
    )  # "employees": the size
    if same:
        raise RefineError(f"The form already has a field “{same['label']}”")
    yes_no = yes_no or bool(said) or "yes" in flags
    kind = "yes/no question" if yes_no else "long text question" if long else "question"
    several = answers and re.match(r"^(?:which|what)\s+\w+s\b", label, re.I)
    kind = ("multiple choice question" if several else "dropdown") if answers else kind
    required = next((w for w in ("optional", "required", "mandatory") if w in flags), "")
    required = flag["flag"].lower() if flag else required
    words = [w for w in ("add a", required, kind, f'called "{label}"') if w]
    said = " ".join(words) + (f" {place['where']}" if place else "")
    opts = answers and re.sub(r"\s+or\s+(?!.*,)", ", ", answers["opts"])  # "phone or email"
    return f"{said}: {opts}" if answers else said


def _question(q: str) -> tuple[str, bool]:
    """(the question put to the visitor, whether it is yes/no) for what follows "asking"."""
    q = q.strip(" ?.")
    whether = re.match(r"^(?:if|whether)\s+(.+)$", q, re.I)
    wh = re.match(rf"^({_WH}(?:\s+(?:many|much))?)\s+(.+)$", q, re.I)
    if wh:  # "which genres they like" → "Which genres do you like?" (the generator's reading)
        said = _capital(to_visitor(q)) + "?"
        return direct(said) or said, False
    if not whether:  # "do you need parking?", "which room would you like?": asked already
        yes_no = re.match(rf"^{_AUX}\b", q, re.I) is not None
        return _capital(to_visitor(q)) + "?", yes_no
    rest = whether.group(1)
    there = re.match(r"^there(?:'s|\s+is|\s+are|'re)\s+(.+)$", rest, re.I)
    if there:  # "if there's a garden" → "Is there a garden?"
        plural = re.search(r"\bare\b|'re", rest[: there.start(1)], re.I)
        return f"{'Are' if plural else 'Is'} there {there[1]}?", True
    asked = whether_you(rest) or (whether_question(rest),)
    return (asked[0], True) if asked[0] else ("", False)


def _key(label: str) -> str:
    return re.sub(r"\W+", " ", label.lower()).strip()


def _capital(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]
