"""The yes/no question a condition needs when the form asks nothing it could use (stop 31).

"add a phone field, but only for UK" on a form whose country is typed in words built the
question "Are you an UK?", and "a student ID field, only for students" asked "Is this for
students?". A place is where the visitor is ("Are you in the UK?"); people named in the
plural are who the visitor is ("Are you a student?"). Groups stay "Is this for groups?".
"""

from __future__ import annotations

import re

# places said with "the": "the UK", "the US", "the Netherlands"
_WITH_THE = re.compile(r"(?:the\s+)?(uk|us|usa|eu|uae|netherlands|philippines|united \w+)", re.I)


def place_question(x: str) -> str | None:
    """ "Are you in the UK?" for a place; None for anything else ("a student", "over 18")."""
    said = x.strip()
    m = _WITH_THE.fullmatch(said)
    if m:
        place = m[1].upper() if len(m[1]) <= 3 else m[1].title()
        return f"Are you in the {place}?"
    if re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", said):  # "London", "New York"
        return f"Are you in {said}?"
    return None


# people by what they do: "students", "members", "teachers", "drivers", "employees"
_PEOPLE = re.compile(r"([a-z]+(?:ent|er|or|ist|ian|ee|ant|man))s", re.I)


def person_question(z: str) -> str | None:
    """ "Are you a student?" for "students"; None for "groups", "couples", "children"."""
    m = _PEOPLE.fullmatch(z.strip())
    if not m:
        return None
    one = m[1].lower()
    return f"Are you {'an' if one[0] in 'aeiou' else 'a'} {one}?"
