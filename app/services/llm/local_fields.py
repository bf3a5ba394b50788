"""Reading field references and new-field specs out of plain-English instructions.

``find_field(fields, "the phone number")`` finds the form's ``phone`` field;
``parse_new_field("required budget dropdown after company: <$10K, $10K-$50K")``
returns a field dict plus where to put it. Used by ``local_refine``.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_bracket_types import bracket_type
from app.services.llm.local_field_shapes import file_label, file_shape, rating_shape


class RefineError(Exception):
    """An instruction that names something the form does not have, or is incomplete."""


SYNONYMS = {
    "phone number": "phone",
    "telephone": "phone",
    "mobile": "phone",
    "mobile number": "phone",
    "tel": "phone",
    "email address": "email",
    "work email": "email",
    "e-mail": "email",
    "mail": "email",
    "business email": "email",
    "company name": "company",
    "organisation": "company",
    "organization": "company",
    "business": "company",
    "title": "job_title",
    "role": "job_title",
    "job title": "job_title",
    "position title": "job_title",
    "full name": "name",
    "your name": "name",
    "first": "first_name",
    "last": "last_name",
    "surname": "last_name",
    "team size": "company_size",  # (a bare "size" is a shoe's or a room's as often)
    "employees": "company_size",
    "number of employees": "company_size",
    "employee count": "company_size",
    "headcount": "company_size",
    "web site": "website",
    "site": "website",
    "url": "website",
    "linked in": "linkedin",
    "gdpr": "consent",
    "comments": "message",
    "comment": "message",
    "notes": "message",
    "gdpr consent": "consent",
    "consent": "consent",
    "marketing consent": "consent",
    "email consent": "consent",
    "opt-in": "consent",
    "how did you hear about us": "referral_source",
    "how did you hear": "referral_source",
    "source": "referral_source",
    "referral": "referral_source",
    "how did you find us": "referral_source",
    "how they heard about us": "referral_source",
    "how you heard about us": "referral_source",
    "how they found us": "referral_source",
    "how did they hear about us": "referral_source",
}
FILLER_RE = re.compile(
    r"^(?:the|a|an|my|your|their|our|new|another|one more)\s+|\s+(?:field|fields|input|question|"
    r"box|dropdown|select|checkbox|entry|label|one)$",
    re.I,
)
QUOTES_RE = re.compile(r"[\"“”«»„‟]|(?:^|(?<=\s))['‘’]|['‘’](?=\s|$|[,.;:!?])")

# Widget words name a type and are dropped from the label; semantic words name a type and stay in it.
WIDGET_TYPES = [
    ("hidden", r"hidden(?:\s+field)?"),
    (
        "multiselect",
        r"multi-?\s?select|multiple[- ]choice|checkboxes|check boxes|tick boxes|multi-?\s?choice",
    ),
    (
        "select",
        r"drop-?\s?down(?:\s+(?:menu|list|field))?|select(?:\s+(?:box|menu|list|field))?|pick-?\s?list|"
        r"single[- ]choice|radio(?:\s+buttons?)?|choice(?:\s+field)?",
    ),
    ("checkbox", r"check-?\s?box|tick-?\s?box|toggle|consent box"),
    (
        "textarea",
        r"text-?\s?area|long[- ]text(?:\s+field)?|paragraph(?:\s+field)?|multi-?line(?:\s+text)?(?:\s+field)?|"
        r"comments?\s+box|free[- ]text(?:\s+field)?|text\s+box",
    ),
    (
        "text",
        r"short[- ]text(?:\s+field)?|text\s+(?:field|input)|single[- ]line(?:\s+text)?(?:\s+field)?",
    ),
]
SEMANTIC_TYPES = [
    # "job reference number", "order number", "policy no.": an identifier, typed as text
    (
        "text",
        r"(?:reference|ref|order|account|member(?:ship)?|policy|invoice|booking|customer|job|ticket|"
        r"case|serial|tracking|registration|vat|tax|licen[cs]e|passport|id|claim|parcel|flat|unit)"
        r"\s+(?:number|no\.?|#)",
    ),
    # "mobile number", "emergency contact phone number": a phone, not a number
    ("phone", r"(?:phone|mobile|cell|telephone|contact|whatsapp|landline)\s+(?:number|no\.?|#)"),
    ("date", r"date"),
    ("number", r"number|numeric|integer|amount|count"),
    ("url", r"url|link|website|linkedin"),
    ("email", r"e-?mail(?:\s+address)?"),
    ("phone", r"phone(?:\s+number)?|telephone|mobile"),
]
_KIND_SAID = re.compile(
    r"\W*(?:(?:a|an|one|the)\s+)?(?P<k>date|number|numeric|e-?mail|phone(?: number)?|telephone|url|link|website)"
    r"(?:\s+(?:field|question|input|box))?(?:\s+(?:called|named|labell?ed|titled))?\W*",
    re.I,
)
POSITION_RE = re.compile(
    r"\s+(?:(?P<rel>after|below|under|before|above)\s+(?:the\s+)?(?P<anchor>.+?)(?:\s+field)?|"
    r"(?P<top>at the (?:top|start|beginning)|first)|(?P<end>at the (?:end|bottom)|last))$",
    re.I,
)
OPTIONS_RE = re.compile(
    r"^(?P<head>.*?)(?:\s*:\s*|\s+with\s+(?:the\s+)?(?:options|choices|values)\s*:?\s*|"
    r"\s+\((?=.*\)$))(?P<opts>.+?)\)?$",
    re.I,
)
LABEL_RES = [
    re.compile(r"[\"“‘](?P<label>[^\"“”‘’]+)[\"”’]"),
    re.compile(r"(?:^|\s)'(?P<label>[^']+)'(?:\s|$)"),
    re.compile(r"\s+(?:called|named|labell?ed|titled)\s+(?P<label>.+)$", re.I),
    re.compile(
        r"\s+(?:for|asking(?:\s+for)?|to (?:capture|collect|ask for))\s+(?:their\s+|the\s+)?"
        r"(?P<label>.+)$",
        re.I,
    ),
]
# "a yes/no question", "a yes or no field": a choice of Yes and No, whatever it is called
YES_NO_KIND = re.compile(r"\byes\s*(?:/|or)\s*no(?:\s+(?:question|field|choice|dropdown))?\b", re.I)
FLAG_RE = re.compile(r",?\s*\b(?P<flag>required|mandatory|compulsory|optional)\b", re.I)


def unquote(text: str) -> str:
    """Quotes of any kind removed ("“Message”", «Message», 'Message')."""
    return QUOTES_RE.sub("", text).strip()


def strip_quotes(text: str) -> str:
    """The quotes around a text said whole (a label, a thank-you), not those inside it; a colon
    after "to" ("change the thank you message to: Namaste!") is no part of it either."""
    return re.sub(r"^[:=]\s*", "", text.strip()).strip("\"“”'‘’«»„‚").strip()


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", unquote(text.strip()).rstrip(".!?,;:").strip().lower())
    previous = None
    while previous != text:
        previous, text = text, FILLER_RE.sub("", text).strip()
    return text


_WHERE = re.compile(
    r"\s+(?:field\s+|question\s+)?(?P<at>at the top|on top|first|at the bottom|at the end|last)$",
    re.I,
)


def _label(field: dict) -> str:
    return (field.get("label") or "").lower()


def find_field(fields: list, target: str) -> dict:
    """The field ``target`` names (by name, label, synonym, or a unique partial match)."""
    where = _WHERE.search(target)  # "the email field at the top": the first of the emails
    if where and where.start():
        said = _norm(target[: where.start()])
        hits = [f for f in fields if said and said in f"{f['name'].replace('_', ' ')} {_label(f)}"]
        if hits:
            return (
                hits[-1]
                if where["at"].lower() in ("at the bottom", "at the end", "last")
                else hits[0]
            )
    wanted = _norm(target)
    key = SYNONYMS.get(wanted, wanted).replace(" ", "_")
    for candidate in (key, wanted.replace(" ", "_")):
        for f in fields:
            if f["name"] == candidate or (f.get("label") or "").strip().lower() == wanted:
                return f
    partial = [
        f
        for f in fields
        if wanted
        and (wanted in (f.get("label") or "").lower() or wanted in f["name"].replace("_", " "))
    ]
    if len(partial) == 1:
        return partial[0]
    names = ", ".join(f"“{f.get('label') or f['name']}”" for f in fields)  # what the editor shows
    said = re.sub(
        r"^(?:the|a|an)\s+|\s+(?:question|field|box|answer)$", "", target.strip(), flags=re.I
    )
    raise RefineError(f"There is no single field “{said}” in this form (its fields are: {names})")


def existing_field(fields: list, spec: str) -> dict | None:
    """The form's field an "add …" instruction names, if it already has one ("add a phone field, optional")."""
    head = OPTIONS_RE.match(spec.strip())
    head = head["head"] if head and head["head"].strip() else spec
    head, _ = _position(head)
    quoted = re.fullmatch(r"\s*[\"“](?P<label>[^\"”]+)[\"”]\s*", head)
    if quoted:  # "put “Rough budget” after venue" ("it", said again): the field of that label
        said = quoted["label"].strip(" ?").lower()
        return next((f for f in fields if f["label"].strip(" ?").lower() == said), None)
    if re.search(r"\b(?:called|named|labell?ed|titled)\b|[\"“”]", head, re.I):
        return _asked_already(fields, head)
    head = FLAG_RE.sub(" ", head)
    head = re.sub(
        r"^\s*(?:an?\s+)?(?:field|question|box)\s+(?:for|about)\s+(?:the\s+)?", "", head, flags=re.I
    )
    _, rest = _widget_type(head)
    known = _catalog_match(rest)
    try:
        found = find_field(fields, rest)
    except RefineError:
        # "add a field for number of employees" where the form asks the company size
        return next((f for f in fields if known and f["name"] == known["name"]), None)
    same = found["label"].strip(" ?").lower() == re.sub(
        r"^(?:the|a|an)\s+", "", rest.strip(" ?").lower()
    )
    return found if same or known is None or known["name"] == found["name"] else None


def _asked_already(fields: list, head: str) -> dict | None:
    """'a question called "Number of employees"' on a form that asks the company size, or
    "Which country?" beside "Country": the field it would repeat."""
    said = re.search(r"[\"“]([^\"”]+)[\"”]\s*$", head)
    if not said:
        return None
    words = re.sub(r"^(?:which|what)\s+", "", said[1].strip(" ?"), flags=re.I).lower()
    known = _catalog_match(words)
    return next(
        (
            f
            for f in fields
            if f["label"].strip(" ?").lower() == words or known and f["name"] == known["name"]
        ),
        None,
    )


def split_list(text: str, options: bool = False) -> list[str]:
    """ "A, B and C" -> [A, B, C]. Options split on commas first, so "$10K-$50K" or "A / B" stay whole."""
    text = text.strip().rstrip(".")
    if options and "," not in text:
        parts = re.split(r"\s*\|\s*|\s+/\s+|\s+or\s+", text)
    elif options:  # "£1,000-£2,000" is one answer: a comma before three digits groups them
        parts = re.split(r"\s*,(?!\d{3}\b)\s*", text)
    else:
        parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text)
    cleaned = [
        re.sub(r"^(?:and|or)\s+", "", p.strip()).strip().strip("\"“”'‘’").strip() for p in parts
    ]
    if options and len(cleaned) >= 2:  # "UK, Ireland and Other": the last "and" separates
        last = _LAST_PAIR.match(cleaned[-1])
        if last and (
            _CATCH_ALL.match(last[2])
            or (last[1][:1].isupper() and last[2][:1].isupper())
            or _like_the_rest(cleaned[:-1], last)
        ):
            cleaned[-1:] = [last[1], last[2]]
    return [p for p in cleaned if p]


def _like_the_rest(items: list[str], last: re.Match) -> bool:
    """ "vegetarian, vegan, halal and kosher": single-word answers end in two more of the
    same, joined by "and"/"or" ("bath & brush" stays one answer)."""
    if re.search(r"\s+or\s+", last[0], re.I):  # "half day, full day or elopement": answers
        return all(len(p.split()) <= 3 for p in (*items, last[1], last[2]))
    return (
        "&" not in last[0]
        and all(len(i.split()) == 1 for i in items)
        and len(last[1].split()) == 1
        and len(last[2].split()) == 1
    )


_LAST_PAIR = re.compile(r"^(\S+(?:\s\S+)?)\s+(?:and|or|&)\s+(\S+(?:\s\S+){0,3})$", re.I)
# the answers that close a list ("…, Ireland and Other", "…, A or not sure")
_CATCH_ALL = re.compile(
    r"^(?:other|others|none|both|not sure|all of (?:them|the above)|n/a)$", re.I
)


def _field_name(label: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:50].strip("_")
    return name if re.match(r"^[a-z]", name) else f"field_{name}"[:50].strip("_")


def _widget_type(head: str) -> tuple[str | None, str]:
    for ftype, pattern in WIDGET_TYPES:
        # "preferred time as a dropdown": "as a" goes with the kind, not the label
        match = re.search(rf"(?:\s+as\s+an?\s+)?\b(?:{pattern})\b", head, re.I)
        if match:
            return ftype, (head[: match.start()] + " " + head[match.end() :]).strip()
    return None, head


def _semantic_type(label: str) -> str | None:
    for ftype, pattern in SEMANTIC_TYPES:
        if re.search(rf"\b(?:{pattern})\b", label, re.I):
            return ftype
    return None


def _catalog_match(label: str) -> dict | None:
    key = _norm(label)
    key = SYNONYMS.get(key, key).replace(" ", "_")
    if key == "email":
        return catalog.field("email")
    return catalog.field(key) if key in catalog.FIELDS else None


def parse_new_field(
    spec: str, fields: list, keep_name: str | None = None
) -> tuple[dict, tuple | None]:
    """(field, position) from e.g. "required budget dropdown after company: A, B, C"."""
    head, options = spec.strip(), None
    # "floor (number)", "a andar (número) field": the type, said
    bracket = re.search(r"\s*\(([^)]*)\)(?=\s*(?:field|question)?\s*$)", head)
    said_type = bracket_type(bracket[1]) if bracket else ""
    if said_type not in ("", "select"):
        head = head[: bracket.start()] + head[bracket.end() :]
    match = OPTIONS_RE.match(head)
    if match and match["head"].strip():
        head, options = match["head"].strip(), split_list(match["opts"], options=True)
        options = [
            o[:1].upper() + o[1:] for o in options
        ]  # as drafts write them ("iPhone" is spelled back)
    head, position = _position(head)
    head = re.sub(r"\s+as\s+an?\s+(?:file\s+)?(?:upload|attachment)\b", " upload", head, flags=re.I)
    yes_no = YES_NO_KIND.search(head)
    if yes_no and options and len(options) == 1:  # "a yes or no question: Are you over 18?"
        head, options = f"{head} called {options[0]}", None
    flag = FLAG_RE.search(head)
    head = FLAG_RE.sub(" ", head)
    label, explicit = None, False
    for pattern in LABEL_RES:
        found = pattern.search(head)
        if found:
            label, head = (
                found["label"].strip(" .\"“”'‘’"),
                (head[: found.start()] + " " + head[found.end() :]),
            )
            explicit = pattern is not LABEL_RES[-1]  # quoted or "called …", not "for …"
            break
    if yes_no := YES_NO_KIND.search(head):
        head, options = head[: yes_no.start()] + " " + head[yes_no.end() :], ["Yes", "No"]
    rating = rating_shape(head) if label else None  # "a rating from 1 to 5 called Overall"
    ftype, rest = _widget_type(head)
    kind = _KIND_SAID.fullmatch(rest.strip()) if explicit and not ftype and not options else None
    if kind and said_type in (
        "",
        "select",
    ):  # "a date field labelled From": a date, whatever its label
        said_type = _semantic_type(kind["k"].replace("phone number", "phone"))
    if ftype or options:  # "a multiple choice question Which days": the kind is no label
        rest = re.sub(r"^\W*(?:(?:a|an|one)\s+)?(?:question|field)\b", "", rest.strip(), flags=re.I)
    label = label or _norm(rest)
    if ftype == "checkbox" and label:  # "a checkbox for accepting the terms": the visitor says it
        label = re.sub(r"^accepting\b", "I accept", label, flags=re.I)
        label = re.sub(r"^agreeing to\b", "I agree to", label, flags=re.I)
    if not label and ftype is None:
        raise RefineError("Say what the new field is called, e.g. 'add a budget dropdown: A, B, C'")
    new = _build(label or (ftype or "field"), ftype, options, named=explicit)
    if rating and ftype is None and not options:
        new.update(
            {k: v for k, v in rating.items() if k not in ("label", "name")},
            max_length=None,
            regex=None,
        )
    elif ftype is None and not options and new["type"] in ("text", "url", "number"):
        new = _shaped(new, label or "")
        if new["type"] == "text" and _catalog_match(label or "") is None:
            new["type"] = _typed_as_listed(label or "")  # "add an age field": a number
    if said_type not in ("", "select"):
        new.update(type=said_type, options=[], max_length=None, regex=None)
    if flag:
        new["required"] = flag["flag"].lower() != "optional"
    if keep_name:
        new["name"] = keep_name
    elif same := next((f for f in fields if f["name"] == new["name"]), None):
        raise RefineError(
            f"The form already has a field “{same['label']}” — rename or change that one instead"
        )
    return new, position


def _typed_as_listed(label: str) -> str:
    """The type a description's list gives the same words ("age" a number, "comments" a long
    text, "arrival date" a date), so a field added by refinement is typed as a drafted one."""
    from app.services.llm.local_extract_item import field_type  # the list reader needs this module

    kind = field_type(label.lower(), [], "")
    return kind if kind in ("number", "date", "textarea") else "text"


def _shaped(new: dict, label: str) -> dict:
    """ "photos of the damage" is an upload, "rating 1 to 5" a bounded number."""
    upload = file_shape(label)
    if upload:
        pretty = file_label(label)
        return {**new, **upload, "label": pretty, "name": _field_name(pretty), "max_length": None}
    rating = rating_shape(label)
    if rating:
        return {**new, **rating, "max_length": None, "regex": None}
    return new


def _position(head: str) -> tuple[str, tuple | None]:
    match = POSITION_RE.search(head)
    if not match:
        return head, None
    rest = head[: match.start()].strip()
    if match["rel"]:
        rel = "after" if match["rel"].lower() in ("after", "below", "under") else "before"
        return rest, (rel, match["anchor"])
    return rest, ("top", None) if match["top"] else ("end", None)


# "add terms and conditions", "add a privacy policy checkbox": the visitor agrees to them
_AGREED = re.compile(
    r"(?:the\s+)?(?P<x>terms(?: (?:and|&) conditions| of (?:service|use))?|t ?& ?cs?|privacy policy)",
    re.I,
)


def _build(label: str, ftype: str | None, options: list | None, named: bool = False) -> dict:
    agreed = _AGREED.fullmatch(label.strip()) if ftype in (None, "checkbox") else None
    if agreed:
        said = re.sub(r"(?i)^t ?& ?cs?$", "terms and conditions", agreed["x"])
        label, ftype = f"I agree to the {said[:1].lower()}{said[1:]}", "checkbox"
    known = _catalog_match(label)
    if known and named and known["label"].lower() != label.lower():
        known = None  # "a dropdown called Size" is a size, not the catalogue's "Company size"
    if known and (
        ftype is None or ftype == known["type"] or (options and ftype in ("select", "multiselect"))
    ):
        new = dict(known, required=known["type"] == "checkbox" and known["name"] == "consent")
        new["type"] = ftype or new["type"]
        if known["name"] == "message" and _norm(label) != "message":
            new["label"] = label[:1].upper() + label[1:]  # "a comments field" reads "Comments"
    else:
        ftype = ftype or _semantic_type(label) or ("select" if options else "text")
        pretty = label[:1].upper() + label[1:]
        new = {
            "name": _field_name(label),
            "type": ftype,
            "label": pretty[:200],
            "placeholder": "",
            "help": "",
            "required": False,
            "options": [],
            "min": None,
            "max": None,
            "max_length": None,
            "regex": None,
            "default": None,
        }
    if options:
        new["options"] = options
        if new["type"] not in ("select", "multiselect"):
            new["type"] = "select"
    if new["type"] in ("select", "multiselect") and not new["options"]:
        raise RefineError(
            f"Give the options for “{new['label']}”, e.g. 'add a {label} dropdown: A, B, C'"
        )
    if new["type"] not in ("select", "multiselect"):
        new["options"] = []
    new["required"] = new["required"] or bool(agreed)  # a box to agree to must be ticked
    return new
