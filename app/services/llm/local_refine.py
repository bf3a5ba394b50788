"""Refinement instructions for the local engine: "add a budget dropdown: <$10K,
$10K-$50K, $50K+ and make phone optional; remove the company field".

The text is split into clauses (newlines, ";", and "and"/"," before a verb);
each clause must match one of the HANDLERS below, or the whole refinement is
rejected with a short ValidationError (the page adds local_refine_examples). Nothing is
applied partially: a draft either gets every change or none.
"""

from __future__ import annotations

import copy
import re

from app.errors import ValidationError
from app.services.accounts.workspaces import slugify
from app.services.llm import local_catalog as catalog
from app.services.llm import (
    local_refine_ask,
    local_refine_defaults,
    local_refine_extras,
    local_refine_file_kinds,
    local_refine_foreign,
    local_refine_general,
    local_refine_it,
    local_refine_limits,
    local_refine_mail_policy,
    local_refine_more,
    local_refine_names,
    local_refine_plain,
    local_refine_said,
    local_refine_shapes,
)
from app.services.llm import local_refine_settings as settings
from app.services.llm.local_acronyms import as_written, spell_acronyms
from app.services.llm.local_budget import fit_added
from app.services.llm.local_consent import added_box
from app.services.llm.local_extras import forget_changed_texts, sync
from app.services.llm.local_fields import (
    RefineError,
    existing_field,
    parse_new_field,
    split_list,
    strip_quotes,
)
from app.services.llm.local_refine_targets import find_anchor, find_many
from app.services.llm.local_refine_targets import find_one as find_field
from app.services.llm.local_repair import validated

VERBS = (
    r"add|include|insert|put|remove|delete|drop|get rid of|take out|make|mark|set|rename|relabel|change|update|move|"
    r"require|allow|disallow|forbid|block|enable|disable|call|use|redirect|turn|switch|replace|let|swap|"
    r"split|translate|show|always show|only allow|only accept|keep only|only keep|limit|cap|ask for|ask about"
)
SPLIT_RE = re.compile(
    rf"\s*(?:[;\n]+|\.\s+(?=(?:{VERBS})\b)|,?\s+and\s+(?:then\s+|also\s+)?(?=(?:{VERBS})\b)|"
    # "… and a question asking if they need the kitchen": a second new question
    r",?\s+and\s+(?=(?:a|an|another)\s+(?:[\w/-]+\s+){0,2}question\s+(?:asking|that asks|called)\b"
    r"|ask\s+(?:them\s+|people\s+)?(?:if|whether)\b)|"
    rf",\s*(?:then\s+|also\s+)?(?=(?:{VERBS})\b(?!\s*(?:[,.;]|$))))\s*",
    re.I,
)
LEAD_RE = re.compile(
    r"^(?:(?:please|also|then|now|and|can you|could you|can we|could we|can i|could i|"
    r"i want to|i'd like to|let's)\s+)+",
    re.I,
)


def refine(config: dict, text: str) -> dict:
    """``config`` with every instruction in ``text`` applied, validated; ValidationError if one is not understood."""
    draft = copy.deepcopy(config)
    said = local_refine_plain.rewrite(local_refine_foreign.split_clauses(text), draft["fields"])
    notes: list[str] = []  # "photos aren't required", "add Beginner as a lesson type"
    said = "; ".join(
        local_refine_general.rewrite(part, draft["fields"], notes) for part in said.split(";")
    )
    split = SPLIT_RE.split(_protect_option_lists(said))
    clauses = [c for c in (_clean(part.replace(",\x00", ", ")) for part in split) if c]
    clauses = [
        one for c in clauses for one in local_refine_said.split_additions(c, draft["fields"])
    ]
    if not clauses and not notes:
        _fail("Write what to change", text)
    last = None  # the field the previous instruction touched: what "it" means
    for clause in clauses:
        before = local_refine_it.snapshot(draft["fields"])
        _refine_one(draft, local_refine_it.resolve(clause, last), notes)
        last = local_refine_it.touched(before, draft["fields"], clause) or last
    if local_refine_general.misread(config, draft, text):  # a new field "Muda o tipo de telhado …"
        _fail("I could not turn this into a change to the form", text)
    local_refine_plain.tidy(config, draft)  # placeholders and yes/no follow the change
    untouched = {as_written(f) for f in config.get("fields") or []}
    spell_acronyms(draft["fields"], text, keep=untouched)  # "add a VAT number field"
    forget_changed_texts(config, draft)  # a relabelled field is translated again
    notes += sync(draft)  # steps, rules and translations follow the field changes
    if draft == config and not notes:  # never a silent "done" when nothing changed
        notes.append(f"Nothing on the form changed for “{text[:120]}”: it may already be that way.")
    result, repaired = validated(draft)  # a part the engine got wrong is dropped, with a note
    notes += repaired
    return {**result, "notes": notes} if notes else result


def _refine_one(draft: dict, clause: str, notes: list) -> None:
    mine = _english(clause) or local_refine_more.reads(clause)
    foreign = None if mine else local_refine_foreign.english(clause, draft)
    if foreign is None:
        _apply(draft, clause, notes)
        return
    said, lang, label = foreign
    before = {id(f) for f in draft["fields"]}
    _apply(draft, said, notes)
    for f in draft["fields"]:
        if label and id(f) not in before:  # added to a form in that language
            local_refine_foreign.label_added(f, label, draft["fields"], lang)


# "the options of guests to 1, 2, Let us know": inside a list of options a comma before a
# verb separates two options, not two instructions (a new one follows "and" or ";").
_OPTION_LIST = re.compile(
    r"\b(?:options?|choices?|answers?)\b[^;\n]*?(?:\s(?:to|with)\s|:)(?P<list>[^;\n]*)", re.I
)
_NEXT_CLAUSE = re.compile(rf"\s+and\s+(?:then\s+|also\s+)?(?=(?:{VERBS})\b)", re.I)


def _protect_option_lists(text: str) -> str:
    def keep(m: re.Match) -> str:
        items = m["list"]
        end = _NEXT_CLAUSE.search(items)
        head, tail = (items[: end.start()], items[end.start() :]) if end else (items, "")
        return m.group(0)[: m.start("list") - m.start()] + head.replace(", ", ",\x00") + tail

    return _OPTION_LIST.sub(keep, text)


def _english(clause: str) -> bool:
    """Whether an English handler reads the clause (a foreign verb list never overrides it)."""
    return any(pattern.match(clause) for pattern, _ in HANDLERS)


# "make the message optional please", "… if possible, thanks": politeness, not the field
# ("change the thank-you message to Thanks!" keeps its words: only after a comma, or "please")
_TAIL_RE = re.compile(
    r"(?:\s*,\s*(?:please|pls|thanks|thank you|if possible|for me)|(?<!\bto)(?<!\bsay)\s+(?:please|pls))[.!]*$",
    re.I,
)


# "add a phone number but don't make it required" is "add a phone number, optional"
_NOT_REQUIRED_RE = re.compile(
    r"\s*,?\s+(?:but|and)\s+(?:(?:do not|don't|dont|no need to)\s+make\s+it\s+(?:required|mandatory)"
    r"|(?:it\s+)?(?:shouldn't|should not|doesn't|does not|needn't|need not)\s+(?:be\s+)?(?:required|mandatory)"
    r"|(?:make|keep|leave)\s+it\s+optional|(?:it's\s+|it is\s+)?(?:not required|not mandatory|optional))[.!]*$",
    re.I,
)


def _clean(clause: str) -> str:
    clause = _TAIL_RE.sub("", LEAD_RE.sub("", clause.strip()).strip())
    return _NOT_REQUIRED_RE.sub(", optional", clause)


def _fail(reason: str, clause: str):
    # One short sentence: the page offers clickable examples (local_refine_examples).
    message = f"{reason}: “{clause[:120]}”. Say exactly what to change."
    raise ValidationError(message, fields={"description": message})


# "rename 'Do you want bean to cup or capsule?' to 'Machine type'": a quoted label is read
# whole, whatever words ("to", "as") it holds
QUOTED_RENAME = re.compile(
    r"^(?:rename|relabel|retitle|change)\s+(?:the\s+)?(?:label\s+)?[\"“‘'](?P<target>.+?)[\"”’']"
    r"\s+(?:field\s+|label\s+|question\s+)?(?:to|into|as)\s+(?P<new>.+)$",
    re.I,
)


def _apply(draft: dict, clause: str, notes: list) -> None:
    written = clause
    try:
        if local_refine_names.apply(draft, clause):  # one name field or first and last
            return
        # "ask whether they …", "call the size one 'Size'", "add a question about parking"
        clause = local_refine_ask.rewrite(
            local_refine_said.rewrite(clause, draft["fields"]), draft["fields"]
        )
    except RefineError as exc:
        _fail(str(exc), written)
    quoted = QUOTED_RENAME.match(clause)
    if quoted and local_refine_more.NEW_KIND.fullmatch(quoted["new"].strip()):
        quoted = None  # "change 'Budget' to a long text" changes its kind (the rules below)
    said = quoted and quoted["target"].strip(" ?").lower()
    # only a field's own label: "rename 'Medium' to 'Regular'" names an option (the rules below)
    if said and any(f["label"].strip(" ?").lower() == said for f in draft["fields"]):
        _rename(draft, quoted)
        return
    try:
        if local_refine_plain.clear(draft, clause) or local_refine_extras.apply(
            draft, clause, notes
        ):
            return
        if local_refine_shapes.apply(draft, clause, notes):  # a scale, yes/no, a checkbox's words
            return
        if local_refine_more.apply(draft, clause, notes):  # options, kinds, order, "keep only"
            return
        if local_refine_file_kinds.apply(draft, clause, notes):  # "transcript must be a PDF"
            return
        if local_refine_limits.apply(draft, clause, notes):  # "guests: at least 2"
            return
        if local_refine_defaults.apply(draft, clause, notes):  # "priority should default to medium"
            return
        if local_refine_mail_policy.apply(draft, clause, notes):  # "only allow work emails"
            return
    except RefineError as exc:
        _fail(str(exc), written)
    for pattern, handler in HANDLERS:
        match = pattern.match(clause)
        if match:
            try:
                handler(draft, match)
            except RefineError as exc:
                _fail(str(exc), written)
            return
    _fail("I could not turn this into a change to the form", written)


# -- fields --------------------------------------------------------------------


def _fields_named(draft, text: str) -> list[dict]:
    return find_many(draft["fields"], text)


def _add_field(draft, m):
    existing = existing_field(draft["fields"], m["spec"])
    if existing is not None:
        # "add an optional phone field" on a form that has one: change it, never duplicate it.
        flag = re.search(r"\b(required|mandatory|compulsory|optional)\b", m["spec"], re.I)
        wanted = flag is not None and flag[1].lower() != "optional"
        where = re.search(
            r"\b(?:after|below|under|before|above)\s+.+$|\b(?:at the (?:top|start|beginning|end|bottom)|first|last)$",
            m["spec"].strip(),
            re.I,
        )
        if flag is None and where:  # "put phone after email": it is there already, so move it
            _move(
                draft,
                {"target": existing["name"], "where": re.sub(r"^at the ", "to the ", where[0])},
            )
            return
        if flag is None and local_refine_said.offered(existing, m["spec"]):
            return  # "add a dropdown for diet with vegan, halal": the diet question offers them
        if flag is None:
            state = "required" if existing["required"] else "optional"
            raise RefineError(
                f"The form already has a field “{existing['label']}” ({state}) — "
                f"say 'make {existing['label']} {'optional' if existing['required'] else 'required'}' to change it"
            )
        existing["required"] = wanted
        return
    new, position = parse_new_field(m["spec"], draft["fields"])
    local_refine_said.not_a_group(
        new, draft["fields"]
    )  # "put the dog stuff before the owner stuff": no field
    new = added_box(new, m["spec"], draft["fields"])  # an opt-in is never required
    fit_added(draft["fields"], new, f"{draft.get('name') or ''} {draft.get('description') or ''}")
    fields = draft["fields"]
    fields.insert(_position(fields, position, new["type"]), new)
    _map_new(draft, new)


def _map_new(draft: dict, new: dict) -> None:
    """A new catalogue field fills its contact or company slot, unless another one does."""
    target = catalog.mapping_target(new["name"])
    mapping = draft.setdefault("field_mapping", {})
    if target and target not in mapping.values():
        mapping[new["name"]] = target


def _position(fields: list, position, new_type: str = "") -> int:
    if position is None:  # before the closing free text and boxes; a free text after the texts
        index, closing = (
            len(fields),
            ("checkbox",) if new_type == "textarea" else ("textarea", "checkbox"),
        )
        while index > 0 and fields[index - 1]["type"] in closing:
            index -= 1
        return index
    where, anchor = position
    if where == "top":
        return 0
    if where == "end":
        return len(fields)
    index = fields.index(find_anchor(fields, anchor, where))
    return index + 1 if where == "after" else index


def _remove(draft, m):
    target = m["target"]
    if re.fullmatch(r"(?:the\s+)?redirect(?:\s+url)?", target, re.I):
        draft.setdefault("response", {})["redirect_url"] = ""
        return
    doomed = {f["name"] for f in _fields_named(draft, target)}
    remaining = [f for f in draft["fields"] if f["name"] not in doomed]
    if not remaining:
        raise RefineError("A form needs at least one field, so I cannot remove them all")
    draft["fields"] = remaining
    draft["field_mapping"] = {
        k: v for k, v in (draft.get("field_mapping") or {}).items() if k not in doomed
    }


def _required(draft, m):
    required = not re.search(r"optional|not|non", m["flag"].lower())
    for f in _fields_named(draft, m["target"]):
        f["required"] = required


def _require(draft, m):
    for f in _fields_named(draft, m["target"]):
        f["required"] = True


def _not_require(draft, m):
    for f in _fields_named(draft, m["target"]):
        f["required"] = False


def _rename(draft, m):
    f = find_field(draft["fields"], m["target"])
    new_label = strip_quotes(m["new"])  # said bare, a label starts with a capital ("party size")
    new_label = (
        new_label if m["new"].strip()[:1] in "'\"“‘" else new_label[:1].upper() + new_label[1:]
    )
    new_name = slugify(new_label, "field").replace("-", "_")[:50].strip("_")
    if not re.match(r"^[a-z]", new_name):
        new_name = f"field_{new_name}"[:50]
    f["label"] = new_label[:200]
    if new_name != f["name"] and all(other["name"] != new_name for other in draft["fields"]):
        mapping = draft.setdefault("field_mapping", {})
        if f["name"] in mapping:
            mapping[new_name] = mapping.pop(f["name"])
        f["name"] = new_name


def _move(draft, m):
    """ "move phone up", "put the name and phone at the top": the fields, in the order named."""
    fields = draft["fields"]
    moved = find_many(fields, m["target"])
    where = m["where"].lower()
    index = fields.index(moved[0])
    for f in moved:
        fields.remove(f)
    if where in ("up", "down"):
        at = max(0, index - 1) if where == "up" else min(len(fields), index + 1)
    elif anchor := re.match(r"(after|below|under|before|above)\s+(.+)", where):
        kind = "after" if anchor[1] in ("after", "below", "under") else "before"
        at = _position(fields, (kind, anchor[2]))
    else:
        at = 0 if re.search(r"top|start|beginning|first", where) else len(fields)
    fields[at:at] = moved


def _all_required(draft, m):
    """ "make everything optional": every field but the email (the contact needs it)."""
    required = m["flag"].lower() != "optional"
    for f in draft["fields"]:
        if f["type"] != "email" or required:
            f["required"] = required if f["type"] != "checkbox" else f["required"]


# A new field described only by its kind ("a dropdown", "a yes/no question") has no name.
_UNNAMED_KIND = re.compile(
    r"\b(?:a|an|one|new|required|optional|single|multiple|multi|choice|dropdown|drop-down|select|"
    r"checkbox(?:es)?|tick boxes|radio(?: buttons)?|number|date|text|box|long|short|paragraph|"
    r"field|question|rating|scale|yes/no|upload|file|list|menu)\b|[\s-]+",
    re.I,
)


def _replace(draft, m):
    """ "replace the bedrooms question with a dropdown: 1, 2, 3+", "swap email for a mobile
    field": the new field takes the old one's place."""
    fields = draft["fields"]
    old = find_field(fields, strip_quotes(m["target"]))
    existing = existing_field(fields, m["spec"])
    if existing is not None and existing is not old:
        raise RefineError(f"The form already has a field “{existing['label']}”")
    at = fields.index(old)
    _remove(draft, {"target": old["label"]})
    new, _ = parse_new_field(m["spec"], draft["fields"])
    if not _UNNAMED_KIND.sub("", m["spec"].split(":")[0]).strip():  # "with a dropdown: 1, 2"
        new.update(label=old["label"], name=old["name"])
    draft["fields"].insert(at, new)
    _map_new(draft, new)


def _swap(draft, m):
    fields = draft["fields"]
    a, b = find_field(fields, m["a"]), find_field(fields, m["b"])
    i, j = fields.index(a), fields.index(b)
    fields[i], fields[j] = b, a


def _relabel_or_fail(draft, m):
    """ "change "Message" to "Your question"": a field renamed; anything else is not understood."""
    try:
        find_field(draft["fields"], m["target"])
    except RefineError:
        raise RefineError("I could not turn this into a change to the form") from None
    _rename(draft, m)


# "change X to: New words" or "… to Would you like …?": a label, whatever words it holds
_RELABEL = re.compile(
    r"^(?:change|set|update)\s+(?:the\s+)?(?P<target>.+?)\s+(?:field\s+|question\s+|label\s+)?"
    r"(?:to|into)\s*(?::\s*(?P<new>.+)|\s(?P<asked>[A-Z].+\?))$",
    re.I,
)


def _change_type(draft, m):
    relabel = _RELABEL.match(m.string)
    if relabel and re.search(r"\s(?:to|into)\b", m["target"]):  # the "a" was the new label's
        new_label = relabel["new"] or relabel["asked"]  # "… to: Would you like a …?"
        _rename(draft, {"target": relabel["target"], "new": new_label})
        return
    f = find_field(draft["fields"], m["target"])
    if re.fullmatch(
        r"(?:required|mandatory|optional)(?:\s+(?:field|one))?", m["type"].strip(), re.I
    ):
        f["required"] = not m["type"].lower().startswith("optional")
        return
    new, _ = parse_new_field(f"{f['label']} {m['type']}", [], keep_name=f["name"])
    if new["type"] == "text" and re.search(r"\btime\b", m["type"], re.I):
        raise RefineError(
            "Forms have no time field: ask for a time as text, or offer times, e.g. "
            f"'make {f['label']} a dropdown: 9:00, 12:00, 15:00'"
        )
    if new["type"] == "text" and not re.search(r"\btext\b", m["type"], re.I):
        raise RefineError(f"Unknown field type “{m['type']}”")
    f["type"], f["options"] = (
        new["type"],
        new["options"] or (f["options"] if new["type"] in ("select", "multiselect") else []),
    )
    if re.search(r"\brequired\b|\bmandatory\b", m["type"], re.I):
        f["required"] = True
    if new["type"] in ("select", "multiselect") and not f["options"]:
        raise RefineError(
            f"Give the options for “{f['label']}”, e.g. 'change {f['name']} to a dropdown: A, B, C'"
        )


def _set_options(draft, m):
    target, opts = _label_holding_to(draft["fields"], m["t1"] or m["t2"], m["opts"])
    f = find_field(draft["fields"], target)
    # written as drafts write options: "vegan" → "Vegan" ("iPhone" is spelled back later)
    f["options"] = [o[:1].upper() + o[1:] for o in split_list(opts, options=True)]
    if f["type"] not in ("select", "multiselect"):
        f["type"] = "select"


def _label_holding_to(fields: list, target: str, rest: str) -> tuple[str, str]:
    """ "the options of are you looking to sell or let to Sell, Let": the split at "to" that
    leaves a field's whole label as the target, else the first."""
    labels = {(f.get("label") or "").strip(" ?'\"").lower() for f in fields}
    words = f"{target} to {rest}"
    for m in re.finditer(r"\s+to\s+", words):
        said = words[: m.start()].strip(" ?'\"")
        if m.start() > len(target) and said.lower() in labels:
            return said, words[m.end() :]
    return target, rest


def _add_options(draft, m):
    f = find_field(draft["fields"], m["target"])
    if f["type"] not in ("select", "multiselect"):
        raise RefineError(f"“{f['label']}” is not a dropdown, so it has no options")
    f["options"] = f["options"] + [
        o for o in split_list(m["opts"], options=True) if o not in f["options"]
    ]


def _text_attr(draft, m):
    attr = "help" if m["attr"].lower().startswith(("help", "hint")) else "placeholder"
    for f in _fields_named(draft, m["target"]):  # "the placeholder of start and end time"
        f[attr] = strip_quotes(m["text"])


def _r(pattern: str):
    # Trailing punctuation stays in greedy text captures (a thank-you message keeps its "!").
    return re.compile(pattern + r"\s*[.!]?$", re.I | re.S)


THE = r"(?:the\s+|a\s+|an\s+)?"
HANDLERS = [
    (
        _r(
            r"(?:(?:change|set|update|make|use|edit|add|write|put)\s+)?"
            + THE
            + r"(?:thank[- ]?you|thanks|confirmation|success)"
            r"(?:\s+(?:message|text|note|page|copy))?\s*(?:to|:|as|=|saying|that says)\s*(?P<text>.+)"
        ),
        settings.thank_you,
    ),
    (
        # "change the button to Start my trial", "make the submit button say 'Send'"
        _r(
            r"(?:(?:change|set|update|rename|relabel|make|call)\s+)?"
            + THE
            + r"(?:submit\s+|send\s+)?button(?:\s+(?:text|label|wording))?\s*"
            r"(?:to|:|as|=|say|says|read|reads|text to)\s*(?P<text>.+)"
        ),
        settings.button,
    ),
    (
        _r(r"(?:redirect|send)\s+(?:(?:visitors|people|users|them)\s+)?to\s+(?P<url>\S+)"),
        settings.redirect,
    ),
    (
        _r(r"(?:set|change|update)\s+" + THE + r"redirect(?:\s+url)?\s+(?:to|:)\s*(?P<url>\S+)"),
        settings.redirect,
    ),
    (
        _r(
            r"(?:rename|call|name|title)\s+"
            + THE
            + r"form\s*(?:(?:to|as)\b\s*:?\s*|:\s*)?(?P<new>.+)"
        ),
        settings.form_name,
    ),
    (
        _r(
            r"(?:change|set|update)\s+"
            + THE
            + r"(?:form(?:'s)?\s+)?(?:name|title)(?:\s+of\s+the\s+form)?\s*(?:to|:)"
            r"\s*(?P<new>.+)"
        ),
        settings.form_name,
    ),
    (
        _r(
            r"(?:change|set|update)\s+"
            + THE
            + r"(?:form(?:'s)?\s+)?description\s*(?:to|:)\s*(?P<text>.+)"
        ),
        settings.description,
    ),
    (
        _r(
            r"(?:set|change|make|put|switch|update|turn)\s+"
            + THE
            + r"(?:agent(?:'s)?\s+)?autonomy(?:\s+level)?\s*"
            r"(?:to|at|:|as)?\s*(?P<level>.+)"
        ),
        settings.autonomy,
    ),
    (_r(r"(?:use|switch to)\s+(?P<level>.+?)\s+autonomy"), settings.autonomy),
    (
        _r(r"(?:set|change|switch|update)\s+" + THE + r"flow\s*(?:to|:)?\s*(?P<flow>.+)"),
        settings.flow,
    ),
    (_r(r"(?:use|switch to)\s+" + THE + r"(?P<flow>.+?)\s+flow"), settings.flow),
    (
        _r(r"(?:set|change|update)\s+" + THE + r"(?:form\s+)?type\s*(?:to|:)\s*(?P<type>\w+)"),
        settings.form_type,
    ),
    (
        _r(
            r"(?:allow|enable|permit|let)\s+(?!(?:them|people|parents|visitors|customers|guests|users|"
            r"everyone|multiple|several|more than one)\b)(?:the\s+agent\s+(?:to\s+)?)?"
            r"(?P<actions>.+?)(?:\s+actions?)?"
        ),
        settings.allow,
    ),
    (_r(r"(?:add)\s+" + THE + r"(?P<actions>[\w ,]+?)\s+actions?"), settings.allow),
    (
        _r(
            r"(?:disallow|forbid|block|disable|don't allow|do not allow)\s+(?:the\s+agent\s+(?:to\s+|from\s+)?)?"
            r"(?P<actions>.+?)(?:\s+actions?)?"
        ),
        settings.disallow,
    ),
    (
        _r(r"(?:remove|drop|delete)\s+" + THE + r"(?P<actions>[\w ,]+?)\s+actions?"),
        settings.disallow,
    ),
    (
        _r(
            r"(?:set|change|update|add|use)\s+"
            + THE
            + r"(?P<attr>placeholder|help(?:\s+text)?|hint)\s+(?:of|for|on|to)\s+"
            + THE
            + r"(?P<target>.+?)(?:\s+to\s+|\s*[:=]\s*)(?P<text>.+)"
        ),
        _text_attr,
    ),
    (
        _r(
            r"(?:change|set|update|replace)\s+"
            + THE
            + r"(?:options\s+(?:of|for|in)\s+"
            + THE
            + r"(?P<t1>.+?)|"
            r"(?P<t2>.+?)\s+options)\s*(?:to|with|:|=)\s*(?P<opts>.+)"
        ),
        _set_options,
    ),
    (
        _r(r"add\s+(?:the\s+)?options?\s+(?P<opts>.+?)\s+to\s+" + THE + r"(?P<target>.+)"),
        _add_options,
    ),
    (
        _r(
            r"(?:make|mark|set)\s+(?:everything|all(?: the)? fields|all of them|every field|all)\s+"
            r"(?:to\s+|as\s+)?(?P<flag>optional|required|mandatory)"
        ),
        _all_required,
    ),
    (
        _r(
            r"(?:put|place|move|show)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+)?(?P<where>first|last|at the top|at the start|at the beginning|"
            r"on top|at the end|at the bottom|to the top|to the bottom|to the end)"
        ),
        _move,
    ),
    (
        _r(
            r"(?:call|label|title)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field|question|box|input)\s+(?:as\s+|to\s+)?(?P<new>.+)"
        ),
        _rename,
    ),
    (
        _r(
            r"(?:(?:we|i)\s+)?(?:don't|do not|no longer)\s+(?:need|want)\s+(?:to\s+(?:ask|collect)\s+(?:for\s+|about\s+)?)?"
            r"(?P<target>.+?)(?:\s+(?:anymore|any more))?"
        ),
        _remove,
    ),
    (
        _r(
            r"(?:there's\s+|there is\s+)?no\s+need\s+(?:for\s+|to\s+(?:ask|collect)\s+(?:for\s+|about\s+)?)"
            r"(?P<target>.+)"
        ),
        _remove,
    ),
    (_r(r"(?:skip|lose|ditch|hide|cut)\s+(?P<target>.+)"), _remove),
    (_r(r"(?:add|include|insert|put)\s+(?:in\s+)?(?P<spec>.+)"), _add_field),
    (_r(r"(?:remove|delete|drop|get rid of|take out|take away)\s+(?P<target>.+)"), _remove),
    (
        _r(
            r"(?:make|mark|set|turn)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+)?(?:to\s+|as\s+|to\s+be\s+)?"
            r"(?P<flag>optional|required|mandatory|compulsory|not required|non-required|not mandatory)"
        ),
        _required,
    ),
    (
        _r(
            r"(?:the\s+)?(?P<target>.+?)\s+(?:field\s+)?(?:should|must|is|needs to|has to)\s+(?:be\s+)?"
            r"(?P<flag>optional|required|mandatory|compulsory|not required|not mandatory)"
        ),
        _required,
    ),
    (_r(r"(?:don't|do not|no longer)\s+require\s+(?P<target>.+)"), _not_require),
    (_r(r"require\s+(?P<target>.+)"), _require),
    (
        _r(
            r"(?:rename|relabel)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+)?(?:to|as|into)\s+(?P<new>.+)"
        ),
        _rename,
    ),
    (
        _r(
            r"(?:change|set|update)\s+"
            + THE
            + r"(?:label\s+(?:of|for)\s+"
            + THE
            + r"(?P<target>.+?)|"
            r"(?P<target2>.+?)\s+label)\s*(?:to|:)\s*(?P<new>.+)"
        ),
        lambda d, m: _rename(d, {"target": m["target"] or m["target2"], "new": m["new"]}),
    ),
    (
        _r(
            r"move\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+)?(?P<where>to the top|to the start|to the beginning|"
            r"first|up|down|to the end|to the bottom|last|(?:after|below|under|before|above)\s+.+)"
        ),
        _move,
    ),
    (
        _r(
            r"(?:make|turn|change|convert)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+)?(?:into\s+|to\s+)?(?:a|an)\s+"
            r"(?P<type>.+)"
        ),
        _change_type,
    ),
    (
        _r(
            r"(?:replace|swap|exchange)\s+(?P<target>.+?)\s+(?:with|for|by)\s+"
            r"(?P<spec>(?:a|an|one|new)\s+.+)"
        ),
        _replace,
    ),
    (_r(r"swap\s+" + THE + r"(?P<a>.+?)\s+(?:and|with)\s+" + THE + r"(?P<b>.+)"), _swap),
    (
        _r(
            r"(?:the\s+)?(?P<target>.+?)\s+(?:field\s+)?(?:should|must|needs to|has to)\s+(?:be\s+|go\s+|come\s+)?"
            r"(?P<where>first|last|at the top|at the bottom|on top)"
        ),
        lambda d, m: _move(
            d,
            {"target": m["target"], "where": {"on top": "to the top"}.get(m["where"], m["where"])},
        ),
    ),
    (
        _r(
            r"(?:change|switch)\s+"
            + THE
            + r"(?P<target>.+?)\s+(?:field\s+|label\s+)?(?:to|into)\s+(?P<new>.+)"
        ),
        _relabel_or_fail,
    ),
]
