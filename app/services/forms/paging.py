"""The hosted page's view of logic and steps (SPEC §17), evaluated on the server.

Without JavaScript the page shows every step at once (with its heading) and only the
fields visible under the answers so far; a submit whose answers reveal a required field
the visitor never saw is shown again with it (``revealed``) instead of failing or
losing anything. With HTMX the page shows one step (or one question) at a time: the
current page's fields are rendered, every other answer rides along in hidden inputs,
so back and next keep everything.
"""

from __future__ import annotations

from app.services.forms.logic import has_rules, hidden_fields, plan
from app.services.forms.messages import message_locale
from app.services.forms.values import clean_values


def _answers(form: dict, values: dict | None) -> dict:
    if values is not None:
        return values
    return {f["name"]: f.get("default") for f in form["fields"] if f.get("default") is not None}


def _steps_shown(form: dict, answers: dict) -> list[dict]:
    hidden = hidden_fields(form, answers)
    by_name = {f["name"]: f for f in form["fields"]}
    out = []
    for step in plan(form):
        shown = [by_name[n] for n in step["fields"] if n in by_name and n not in hidden]
        if shown:
            out.append({"title": step.get("title") or "", "fields": shown})
    return out


def _pages(form: dict, steps: list[dict]) -> list[dict]:
    """One page per step, or per question in the one_at_a_time layout (no hidden inputs)."""
    if form.get("layout") == "one_at_a_time":
        return [
            {"title": s["title"], "fields": [f]}
            for s in steps
            for f in s["fields"]
            if f["type"] != "hidden"
        ]
    return [
        {"title": s["title"], "fields": [f for f in s["fields"] if f["type"] != "hidden"]}
        for s in steps
        if any(f["type"] != "hidden" for f in s["fields"])
    ]


def _carried(value) -> list[str]:
    if value is None or value is False or value == "":
        return []
    if value is True:
        return ["true"]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def hosted_plan(form: dict, values: dict | None, *, page: int | None = None, errors=None) -> dict:
    """What _form.html shows: ``sections`` [{title, fields}], ``page`` (None: all at once)
    of ``count`` pages, ``carry`` [(name, value)] for answers not on screen, ``shown``
    (the visible field names, sent back to spot a revealed field), ``live`` (re-render on
    change) and ``pageable`` (HTMX may show it page by page)."""
    answers = _answers(form, values)
    steps = _steps_shown(form, answers)
    pages = _pages(form, steps)
    pageable = len(pages) > 1
    if page is not None and pageable:
        if errors:  # a server error takes the visitor to the first page that has one
            page = next(
                (i for i, p in enumerate(pages) if any(f["name"] in errors for f in p["fields"])),
                page,
            )
        page = max(0, min(page, len(pages) - 1))
        extras = [f for s in steps for f in s["fields"] if f["type"] == "hidden"]
        sections = [pages[page], {"title": "", "fields": extras}]
    else:
        page = None
        sections = (
            steps
            if form.get("steps")
            else [{"title": "", "fields": [f for s in steps for f in s["fields"]]}]
        )
    on_screen = {f["name"] for s in sections for f in s["fields"]}
    carry = [
        (f["name"], v)
        for f in form["fields"]
        if f["name"] not in on_screen and values is not None
        for v in _carried(values.get(f["name"]))
    ]
    shown = [f["name"] for s in steps for f in s["fields"]]
    return {
        "sections": sections,
        "page": page,
        "count": len(pages),
        "carry": carry,
        "shown": ",".join(shown) if has_rules(form) else None,
        "live": has_rules(form),
        "pageable": pageable,
    }


def page_errors(form: dict, values: dict, page: int) -> dict:
    """Problems with the answers on one page (validated before "next"), by field name."""
    pages = _pages(form, _steps_shown(form, values))
    if not 0 <= page < len(pages):
        return {}
    return clean_values(pages[page]["fields"], values, message_locale(form.get("locale")))[1]


def unchanged(form: dict, values: dict, shown: str | None, *, paged: bool) -> bool:
    """These answers show exactly what the page shows (``shown``; ``paged``: it shows one
    page of several), so a live re-render would only redraw it. A redraw that lands
    between a click's press and release swallows the click, so the caller skips it."""
    if shown is None or not has_rules(form):
        return False
    steps = _steps_shown(form, _answers(form, values))
    names = ",".join(f["name"] for s in steps for f in s["fields"])
    return names == shown and (paged or len(_pages(form, steps)) <= 1)


def revealed(form: dict, values: dict, shown: str | None) -> list[dict]:
    """Required fields these answers show that the page did not (``shown`` is the list
    the page rendered); empty when nothing new needs an answer."""
    if shown is None or not has_rules(form):
        return []
    before = set(shown.split(","))
    hidden = hidden_fields(form, values)
    return [
        f
        for f in form["fields"]
        if f["required"] and f["name"] not in hidden and f["name"] not in before
    ]
