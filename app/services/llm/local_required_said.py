"""Which answers are required, said the way forms mark them (issue 20, stop 31).

"first name*, last name*, company*, phone": the asterisk every web form uses for a required
field stayed in the labels ("Company*", "How can we help?*?") and required nothing. "…, notes.
Required: everything except notes" and "… - all required except company" became a field
"Everything except notes". Both are said again as "(required)" after each item meant, which
the item reader takes as it takes "phone (required)".
"""

from __future__ import annotations

import re

# "name*", "how can we help?*", "size (S, M)*": a star closing an item
_STAR = re.compile(r"(?<=[\w?)'’])\s?\*(?=\s*(?:[,;.\n]|$|\s+(?:and|&)\s))")
# "(* = required)", "* required", "*required fields": the legend, no item
_LEGEND = re.compile(
    r"\s*[(\[]?\s*\*\s*(?:=|:|-|means|indicates|marks)?\s*(?:required|mandatory)(?: fields?)?\s*[)\]]?\.?",
    re.I,
)
_ALL = r"(?:everything|all(?: (?:the )?fields| questions)?|all of them)"
_EXCEPT = r"(?:except|but|apart from|other than|besides)(?: for)?"
# "Required: everything except notes", "all required except company", "everything is
# mandatory apart from the notes"
_ALL_BUT = re.compile(
    rf"(?:[.;]\s*|\s+[-–]\s+|,\s*)(?:required\s*:\s*{_ALL}|{_ALL}\s+(?:is |are )?(?:required|mandatory))"
    rf"\s*,?\s+{_EXCEPT}\s+(?:the\s+)?(?P<but>[^.;]+?)\s*(?=[.;]|$)",
    re.I,
)
# a flag with its reason in the brackets: the reason's "if" is no condition on the field
_FLAG_IF = re.compile(
    r"\((optional|required)\s*[-,–]?\s*(?:if|when|unless|in case)\b[^()]*\)", re.I
)
_SAID = re.compile(r"\b(?:required|mandatory|optional)\b|\*", re.I)


def required_said(text: str) -> str:
    """``text`` with each required item marked "(required)", the marks themselves gone."""
    text = _STAR.sub(" (required)", _LEGEND.sub("", text))
    text = _FLAG_IF.sub(r"(\1)", text)  # "email (optional if you want a reply)": optional
    m = _ALL_BUT.search(text)
    if not m:
        return text
    spared = [w for w in re.split(r"\s*,\s*|\s+and\s+|\s+or\s+", m["but"].lower()) if w]
    before, after = text[: m.start()], text[m.end() :]
    head, sep, listed = _list_of(before)
    if not sep:
        return text
    items = _items(listed)
    marked = [
        item
        if not item.strip()
        or _SAID.search(item)
        or any(re.search(rf"\b{re.escape(w)}", item, re.I) for w in spared)
        else f"{item.rstrip()} (required)"
        for item in items
    ]
    return head + sep + ",".join(marked) + after


def _list_of(text: str) -> tuple[str, str, str]:
    """(the heading, its separator, the list) of a description: "Form: a, b" or "Form - a, b"."""
    m = re.search(r":\s*|\s[-–—]\s+", text)
    return (text[: m.start()], m.group(0), text[m.end() :]) if m else (text, "", "")


def _items(listed: str) -> list[str]:
    """The list cut at its commas, brackets kept whole."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(listed):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append(listed[start:i])
            start = i + 1
    parts.append(listed[start:])
    return parts
