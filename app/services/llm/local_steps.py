"""Multi-step drafts for the local engine (SPEC §17 "Multi-step forms").

``steps_asked(text)`` reads "in two steps", "a 3-page form", "multi-step",
"split it into three parts" (and "one page" / "single step" → 1, no steps);
``make_steps(config, n)`` puts the contact details first (so a partial
submission has an email early) and the rest after, in ``n`` steps that hold
every field once; the field list is reordered to follow the steps.
"""

from __future__ import annotations

import re

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "single": 1}
_N = r"(?P<n>one|two|three|four|five|single|[1-5])"
_UNIT = r"(?:steps?|pages?|parts?|stages?|screens?|sections?)"
ASKED = re.compile(
    rf"(?:[,;]?\s*(?:(?:and|with|as|over|across|in|into|on)\s+)?(?:(?:split|break|divide)\s+(?:it|the form|this)?\s*(?:up\s+)?(?:in|into)\s+)?(?:an?\s+)?)"
    rf"(?:\b{_N}[\s-]+{_UNIT}\b|\bmulti[\s-]?(?:step|page|stage)\b|\bstep[\s-]by[\s-]step\b|\bwizard\b)",
    re.I,
)
CONTACT = {
    "name",
    "full_name",
    "first_name",
    "last_name",
    "email",
    "work_email",
    "email_address",
    "phone",
    "phone_number",
    "company",
    "company_name",
    "organization",
    "job_title",
    "company_size",
    "industry",
    "website",
    "linkedin",
    "country",
}


# "step 1 …, step 2 …", "page one: …; page two: …": the steps are numbered in the text;
# "(Stage 1, Stage 2, …)" lists a swimmer's answers, no steps
NUMBERED = re.compile(
    r"(?:^|(?<=[\s,;:.(]))(?:step|page|part|stage|screen)\s+(?P<n>one|two|three|four|five|[1-5])\b"
    r"(?!\s*,\s*(?:step|page|part|stage|screen)\s+\d)\s*[:\-–)]?\s*",
    re.I,
)
# "first A, then B, finally C": the order words, not fields ("first name", "next of kin" stay)
SEQUENCE = re.compile(
    r"(?:(?<=[\s,;:(])|^)(?:first(?:ly)?|then|next|after that|afterwards|finally|lastly|and then)"
    r"(?!\s+(?:name|names|time|of kin|language|visit|appointment)\b)(?![\w-])\s*,?\s*",
    re.I,
)
# "contact details first" / "… and your contact details": the usual contact fields
DETAILS = re.compile(
    r"\b(?:(?:their|your|the|his|her)\s+)?(?:contact|personal)\s+(?:details|info(?:rmation)?|data)"
    r"(?:\s+first)?\b|\b(?:their|your)\s+details\b",
    re.I,
)


def plain_order(text: str) -> str:
    """A step request's wording as a plain list of fields: numbering and order words out,
    "contact details" as name, email and phone."""
    text = NUMBERED.sub(", ", text)
    # "parent details first (name, email, phone)": the brackets stay with their noun
    text = SEQUENCE.sub(lambda m: " " if m.string[m.end() : m.end() + 1] == "(" else ", ", text)
    text = re.sub(r"\s*([,;:])\s*(?:[,;:]\s*)+", r"\1 ", text)  # "form: , the size" keeps ":"
    text = re.sub(r"([.!?])\s*,\s*", r"\1 ", text)
    text = re.sub(r"^\s*,\s*|(?<=:)\s*,", " ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


# "delete my account and personal data", "the sale of personal information": what a privacy
# request is about, not fields to ask
_ABOUT = re.compile(
    r"\b(?:delet\w*|eras\w*|remov\w*|sale|sell\w*|shar\w*|cop(?:y|ies)|access|export\w*|process\w*|"
    r"us(?:e|ing) of|correct\w*|rectif\w*|portab\w*|protect\w*|hold|held|stor\w*|chang\w*|updat\w*|amend\w*)\b"
    r"[\w ]{0,20}$",
    re.I,
)


def contact_details(text: str) -> str:
    """ "contact details" / "personal details" name the usual fields, not a text box."""
    return DETAILS.sub(
        lambda m: (
            m.group(0)
            # "your details (name, email, mobile)", "update their details: name, …": the
            # marketer listed them already
            if _ABOUT.search(text[: m.start()]) or text[m.end() :].lstrip().startswith(("(", ":"))
            else "name, email and phone"
        ),
        text,
    )


def steps_asked(text: str) -> int | None:
    """How many steps the text asks for (1 = none), or None when it does not say."""
    numbered = {m["n"].lower() for m in NUMBERED.finditer(text or "")}
    if len(numbered) >= 2:
        return len(numbered)
    match = ASKED.search(text or "")
    if not match:
        return None
    n = match.group("n")
    if not n:
        return 2
    return NUMBERS.get(n.lower()) or int(n)


def strip_mentions(text: str) -> str:
    """The description without its request for steps ("a one-page essay" stays)."""
    text = ASKED.sub(lambda m: m.group(0) if steps_asked(m.group(0)) == 1 else "", text)
    text = re.sub(r"\s+([.,;!?])", r"\1", text)
    return re.sub(r"([.!?])[.,;]+", r"\1", text).strip()


def request_title(config: dict) -> str:
    """The title of the step that holds the request itself, in the form's own terms."""
    name, flow = (config.get("name") or "").lower(), config.get("flow_id")
    if re.search(r"quote|estimate|valuation|rfq|wholesale", name):
        return "Your project"
    if re.search(r"application|volunteer|nomination|speakers", name):
        return "Your application"
    if re.search(r"registration|event|webinar", name):
        return "Your registration"
    if re.search(r"feedback|survey|poll", name):
        return "Your feedback"
    return {
        "support_triage": "Your issue",
        "booking_request": "Your booking",
        "sales_lead": "Your project",
    }.get(flow, "Your request")


def make_steps(config: dict, n: int) -> None:
    """Set ``config["steps"]`` to ``n`` steps (none when n < 2) and order the fields to match."""
    fields = config.get("fields") or []
    if n < 2 or len(fields) < 2:
        config["steps"] = []
        return
    n = min(n, len(fields))
    about = [f["name"] for f in fields if f["name"] in CONTACT]
    rest = [f["name"] for f in fields if f["name"] not in CONTACT]
    if about and rest:
        # the request gets as many steps as it has fields for; the contact details the rest
        in_rest = min(n - 1, len(rest))
        ahead = _chunks(about, n - in_rest)
        groups = [*ahead, *_chunks(rest, in_rest)]
        titles = ["Your details", *["More about you"] * (len(ahead) - 1), request_title(config)]
    else:
        groups = _chunks(about or rest, n)
        titles = ["Your details" if about else request_title(config)]
    titles += ["More details"] * (len(groups) - len(titles) - 1) + ["Final details"]
    config["steps"] = [
        {"title": title, "fields": group}
        for title, group in zip(titles[: len(groups)], groups, strict=True)
    ]
    follow_steps(config)


def _chunks(names: list, n: int) -> list[list]:
    n = max(1, min(n, len(names)))
    size, extra = divmod(len(names), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(names[start:end])
        start = end
    return out


def follow_steps(config: dict) -> None:
    """Keep steps and fields in agreement after any change: each field in one step (a new
    field joins the step of the field before it), empty steps dropped, the field list in
    step order, and a conditional field never before the fields its rule reads."""
    steps = [s for s in config.get("steps") or [] if isinstance(s, dict)]
    fields = config.get("fields") or []
    if not steps:
        config["steps"] = []
        return
    names = [f["name"] for f in fields]
    home = {}
    for i, step in enumerate(steps):
        for name in step.get("fields") or []:
            if name in names and name not in home:
                home[name] = i
    last = 0
    for name in names:  # a new field joins the step of the field before it
        last = home.setdefault(name, last)
    for f in fields:  # a rule's fields must come first: move the field to their step
        rule_fields = _rule_fields(f)
        if rule_fields:
            home[f["name"]] = max([home[f["name"]]] + [home[r] for r in rule_fields if r in home])
    order = {name: i for i, name in enumerate(names)}
    config["steps"] = [
        {
            "title": step.get("title") or f"Step {i + 1}",
            "fields": sorted((n for n in names if home[n] == i), key=order.get),
        }
        for i, step in enumerate(steps)
        if any(home[n] == i for n in names)
    ]
    by_name = {f["name"]: f for f in fields}
    config["fields"] = [by_name[n] for s in config["steps"] for n in s["fields"]]
    if len(config["steps"]) < 2:
        config["steps"] = []


def _rule_fields(field: dict) -> list[str]:
    rule = field.get("show_if") or {}
    conditions = rule.get("all") or rule.get("any") or []
    return [c.get("field") for c in conditions if isinstance(c, dict)]
