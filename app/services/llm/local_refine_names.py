"""One name field or two, as the marketer asks (issue 20): "merge first and last name into
one field", "just one name field", "split the name into first and last name". The new
field takes the place of the old ones, keeps whether a name was required and fills the
contact's name in the field mapping."""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_fields import RefineError

_FIRST_LAST = r"(?:the\s+)?first(?:\s+name)?\s+(?:and|&|\+)\s+(?:the\s+)?(?:last|sur)\s*name"
_MERGE = re.compile(
    rf"^(?:merge|combine|join|put)\s+{_FIRST_LAST}(?:\s+fields?)?(?:\s+(?:into|in(?:to)?|as)\s+"
    r"(?:one|a single|a)(?:\s+(?:full\s+)?name)?(?:\s+field)?)?$|"
    rf"^(?:just\s+|only\s+)?(?:use\s+|have\s+)?(?:one|a single)\s+(?:full\s+)?name\s+field"
    rf"(?:\s+instead\s+of\s+{_FIRST_LAST}(?:\s+fields?)?)?$",
    re.I,
)
_SPLIT = re.compile(
    r"^(?:split|separate|break)\s+(?:the\s+)?(?:full\s+)?name(?:\s+field)?\s+(?:into|in)\s+"
    rf"{_FIRST_LAST}(?:\s+fields?)?$|"
    rf"^(?:ask for|use|have)\s+{_FIRST_LAST}\s+(?:separately|instead(?:\s+of\s+(?:the\s+)?(?:full\s+)?name)?)$",
    re.I,
)


def apply(draft: dict, clause: str) -> bool:
    """Merge or split the name fields when the clause asks it; False when it does not."""
    text = clause.strip().rstrip(".!")
    if _MERGE.match(text):
        _swap(draft, ("first_name", "last_name"), ("name",))
        return True
    if _SPLIT.match(text):
        _swap(draft, ("name",), ("first_name", "last_name"))
        return True
    return False


def _swap(draft: dict, old: tuple, new: tuple) -> None:
    fields = draft["fields"]
    present = [f for f in fields if f["name"] in old]
    if not present:
        said = "a full name field" if old == ("name",) else "first and last name fields"
        raise RefineError(f"The form has no {said} to change")
    if any(f["name"] in new for f in fields):
        raise RefineError("The form already asks the name that way")
    at = fields.index(present[0])
    required = any(f["required"] for f in present)
    made = [dict(catalog.field(key), required=required) for key in new]
    draft["fields"] = [f for f in fields if f["name"] not in old]
    draft["fields"][at:at] = made
    mapping = {k: v for k, v in (draft.get("field_mapping") or {}).items() if k not in old}
    for f in made:
        target = catalog.mapping_target(f["name"])
        if target and target not in mapping.values():
            mapping[f["name"]] = target
    draft["field_mapping"] = mapping
