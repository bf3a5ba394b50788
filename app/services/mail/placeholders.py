"""Text that users edit (confirmation messages, later email templates and
sequence steps) is plain text with placeholders, not Jinja (SPEC §13):

    Hi {{first_name|there}}, thanks for writing to {{form_name}}.

``{{variable}}`` is replaced by its value; after ``|`` comes the text used when
the value is empty or unknown. ``{{data.company}}`` reads a submitted field.
Spaces inside the braces are allowed (``{{ name }}``, as older messages were
written). Nothing else runs: no loops, no logic, no attribute access, so the
cost of filling a template is linear in its length. The HTML body escapes the
filled-in text (app/services/mail/templates/message.html).
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
PLACEHOLDER = re.compile(r"\{\{\s*(" + _NAME + r"(?:\." + _NAME + r")?)\s*(?:\|([^{}|]*))?\}\}")
# What looks like template code but is not a placeholder: left as written when
# sending, refused when saving so the author learns at once.
_TEMPLATE_CODE = re.compile(r"\{[{%#]")
_CODE_SNIPPET = re.compile(r"\{[{%#][^\n]{0,60}?[}%#]\}|[^\n]{1,24}")  # up to its end, if near
SYNTAX_HELP = "Use {{variable}} or {{variable|fallback}}, e.g. {{first_name|there}}."


def _value(variables: dict, path: str) -> str:
    value = variables
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None or isinstance(value, dict):
        return ""
    return str(value)


def fill(source: str, variables: dict, *, escape=None, keep: frozenset = frozenset()) -> str:
    """``source`` with every placeholder replaced; unknown or empty values give
    the fallback (or nothing). Anything else stays exactly as written.
    ``escape`` (e.g. ``html.escape`` for an HTML body) is applied to each value
    (the fallback is the author's own text); placeholders named in ``keep`` stay
    as written when they have no value, to be filled later (``unsubscribe_url``,
    known only when the email is sent)."""

    def replace(match: re.Match) -> str:
        value = _value(variables, match[1])
        if value:
            return escape(value) if escape else value
        if match[1] in keep:
            return match[0]
        return (match[2] or "").strip()

    return PLACEHOLDER.sub(replace, source)


def problems(source: str, known: set[str], *, data_fields: bool = True) -> str | None:
    """Why ``source`` cannot be saved, in words for its author, or None.
    ``known`` are the variable names on offer; ``data.<field>`` is allowed
    unless ``data_fields`` is False (email templates: the SPEC §8 variables only)."""
    # Blank out the placeholders (keeping positions) and look for code in what is left.
    rest = PLACEHOLDER.sub(lambda m: " " * len(m[0]), source)
    code = _TEMPLATE_CODE.search(rest)
    if code:
        snippet = _CODE_SNIPPET.match(source, code.start())[0]
        return f"“{snippet}” is not a placeholder and would be sent as written. {SYNTAX_HELP}"
    used = [m[1] for m in PLACEHOLDER.finditer(source)]
    unknown = [n for n in used if n not in known and not (data_fields and n.startswith("data."))]
    if unknown:
        offered = ", ".join("{{" + n + "}}" for n in sorted(known))
        extra = " and {{data.<field name>}}" if data_fields else ""
        return f"Unknown variable {{{{{unknown[0]}}}}}. Available: {offered}{extra}."
    return None
