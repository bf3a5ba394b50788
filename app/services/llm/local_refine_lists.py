"""Lists a marketer gives in a note: the order of a question's answers, the order of the whole
form, one field split into several, an answer renamed by its field's noun (issue 20, stop 30).

Read as anything else these were silent wrong edits on the start commit: "put the packages
in this order: elopement, half day, full day" added an answer "Packages"; "reorder: name,
email, phone, …" added a dropdown "Reorder"; "rename the 'elopement' package to 'Micro
wedding'" renamed the Package question; "ask for their address in separate fields: street,
city, postcode" added a dropdown "Address in separate"; "add a second phone number for the
partner" a text field "Partner"; "change 200+ to 201-1000 and add 1000+" a field "1000+".

``plain(text, fields)`` says such a note in the plain words the readers know, or returns it
as it was.
"""

from __future__ import annotations

import re

from app.services.llm.local_refine_targets import glossed

_Q = "'\"“”‘’"
_LIST_SPLIT = re.compile(
    r"\s*(?:,|;|\s+then\s+|\s+and\s+|\s*>\s*|\s*→\s*)\s*(?:and\s+|then\s+)?", re.I
)
# "put the packages in this order: …", "order the sizes: …", "packages in this order: …"
_ANSWER_ORDER = re.compile(
    r"^(?:(?:put|order|sort|list|reorder|arrange)\s+)?(?:the\s+)?(?P<x>[^:]+?)\s*"
    r"(?:in\s+(?:this|the following)\s+order|in\s+order|like this)?\s*:\s*(?P<list>.+)$",
    re.I,
)
# "reorder: name, email, …", "put the fields in this order: …", "field order: …"
_FORM_ORDER = re.compile(
    r"^(?:(?:re-?order|order|put|arrange|sort)\b\s*)?(?:the\s+)?(?:fields|questions|form)?\s*"
    r"(?:in\s+(?:this|the following)\s+order|order)?\s*:\s*(?P<list>.+)$",
    re.I,
)
_ORDER_WORDS = re.compile(r"\b(?:order|reorder|re-order|sort|arrange)\b|^put\b", re.I)
# "rename the 'elopement' package to 'Micro wedding'", "call the 'full day' option 'All day'"
_ANSWER_RENAME = re.compile(
    rf"^(?:rename|relabel|change|call)\s+(?:the\s+)?[{_Q}](?P<a>[^{_Q}]+)[{_Q}]\s+(?P<x>[\w' -]+?)\s+"
    rf"(?:to|into|as)?\s*[{_Q}]?(?P<b>[^{_Q}]+?)[{_Q}]?$",
    re.I,
)
# "ask for their address in separate fields: street, city, postcode"
_SEPARATE = re.compile(
    r"^(?:ask\s+for|split|break(?:\s+up)?|divide)\s+(?:their\s+|the\s+)?(?P<x>[\w' -]+?)\s+"
    r"(?:in(?:to)?\s+)?(?:separate|several|individual|different)\s+(?:fields|boxes|parts|questions)\s*:\s*(?P<list>.+)$",
    re.I,
)
# "add a second phone number for the partner", "add another email for their accountant"
_ANOTHER = re.compile(
    r"^(?:add|include)\s+(?:a\s+second|another|an?\s+extra|an?\s+other)\s+(?P<k>phone(?:\s+number)?|email(?:\s+address)?|"
    r"address|name|mobile(?:\s+number)?)(?:\s+field)?\s+for\s+(?:the\s+|their\s+|his\s+|her\s+)?(?P<who>[\w -]+?)$",
    re.I,
)


# "change 200+ to 201-1000 and add 1000+": the second is an answer too
_SWAP_AND_ADD = re.compile(
    rf"^(?:change|replace|rename)\s+[{_Q}]?(?P<a>[^{_Q}]+?)[{_Q}]?\s+(?:to|with|by)\s+[{_Q}]?(?P<b>[^{_Q}]+?)[{_Q}]?"
    rf"\s*,?\s+and\s+add\s+[{_Q}]?(?P<c>[^{_Q}]+?)[{_Q}]?(?:\s+too)?$",
    re.I,
)


def plain(text: str, fields: list) -> str:
    said = text.strip().rstrip(".!")
    for read in (
        _swap_and_add,
        _renamed_answer,
        _answers_ordered,
        _form_ordered,
        _separate,
        _another,
        _now_offered,
    ):
        plainly = read(said, fields)
        if plainly:
            return plainly
    return text


def _swap_and_add(said: str, fields: list) -> str | None:
    m = _SWAP_AND_ADD.match(said)
    owners = [f for f in fields if m and _option(f, m["a"])]
    if len(owners) != 1:
        return None
    field = owners[0]
    return (
        f"change '{_option(field, m['a'])}' to '{m['b'].strip()}' in {field['name']}; "
        f"add the option {m['c'].strip()} to the {field['label']}"
    )


def _renamed_answer(said: str, fields: list) -> str | None:
    m = _ANSWER_RENAME.match(said)
    field = m and _field(fields, m["x"])
    if not field or not _option(field, m["a"]):
        return None
    return f"change '{_option(field, m['a'])}' to '{m['b'].strip()}' in {field['name']}"


def _answers_ordered(said: str, fields: list) -> str | None:
    m = _ANSWER_ORDER.match(said)
    if not m or not _ORDER_WORDS.search(said.split(":")[0]):
        return None
    field = _field(fields, m["x"])
    if not field or not field.get("options"):
        return None
    answers = [_option(field, item) for item in _items(m["list"])]
    if None in answers or sorted(answers) != sorted(field["options"]):
        _refuse(
            f"“{field['label']}” has the answers {', '.join(field['options'])}: list each once, "
            "in the new order",
            said,
        )
    return f"change the options of {field['name']} to {', '.join(answers)}"


def _form_ordered(said: str, fields: list) -> str | None:
    m = _FORM_ORDER.match(said)
    if not m or not _ORDER_WORDS.search(said.split(":")[0]):
        return None
    listed = _items(m["list"])
    named = [_field(fields, item) for item in listed]
    if len(named) < 2 or sum(f is not None for f in named) < 2:
        return None
    if None in named:
        missing = listed[named.index(None)]
        _refuse(f"There is no field “{missing}” to put in order", said)
    if len({id(f) for f in named}) != len(named):
        return None
    steps = [f"move {named[0]['name']} to the top"]
    steps += [f"move {b['name']} after {a['name']}" for a, b in zip(named, named[1:], strict=False)]
    return "; ".join(steps)


def _separate(said: str, fields: list) -> str | None:
    m = _SEPARATE.match(said)
    parts = _items(m["list"]) if m else []
    if len(parts) < 2 or any(_field(fields, p) for p in parts):
        return None
    whole = _field(fields, m["x"])
    labels = [p[0].upper() + p[1:] for p in parts]
    anchor = f" after {whole['name']}" if whole else ""
    steps = [f"add a {labels[0]} field{anchor}"]
    steps += [f"add a {b} field after {a}" for a, b in zip(labels, labels[1:], strict=False)]
    return "; ".join(steps + ([f"remove {whole['name']}"] if whole else []))


def _another(said: str, fields: list) -> str | None:
    m = _ANOTHER.match(said)
    if not m:
        return None
    who = m["who"].strip()
    kind = m["k"].split()[0].lower()
    label = f"{who[0].upper() + who[1:]}'s {kind}"
    return f"add a {kind} field called '{label}'"


# "the tiers are now platinum, gold and silver": a choice's answers, all of them, said anew
_NOW = re.compile(
    r"^(?:the\s+)?(?P<x>[^,:]+?)\s+(?:are|is)\s+now\s*:?\s+(?P<opts>[^,]+(?:,[^,]+)+|[^,]+\s+and\s+[^,]+)$",
    re.I,
)


def _now_offered(said: str, fields: list) -> str | None:
    m = _NOW.match(said)
    field = _field(fields, m["x"]) if m else None
    if field is None or not field.get("options"):
        return None
    return f"the options for {field['label'].rstrip('?')} should be {m['opts']}"


def _refuse(reason: str, said: str) -> None:
    from app.services.llm.local_refine import _fail  # (it reads this module)

    _fail(reason, said)


def _field(fields: list, said: str) -> dict | None:
    said = re.sub(
        r"\s+(?:field|question|box|options?|answers?|choices?)$", "", said.strip(), flags=re.I
    )
    singular = re.sub(r"(?<=[a-z])e?s$", "", said)  # "the packages": Package
    return glossed(fields, said) or (glossed(fields, singular) if singular != said else None)


def _option(field: dict, said: str) -> str | None:
    said = said.strip(_Q + " ").lower()
    return next((o for o in field.get("options") or [] if str(o).lower() == said), None)


def _items(listed: str) -> list[str]:
    return [
        i.strip(_Q + " .") for i in _LIST_SPLIT.split(listed.strip()) if i and i.strip(_Q + " .")
    ]
