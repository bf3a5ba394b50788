"""The person a feedback form is about is not the person filling it in (issue 20, stop 31).

"Talk feedback: speaker name, session title, rate the talk 1-5, …" made "Speaker name" the
visitor's own name: required, "Jane Smith" as its example, and mapped to the contact, so every
submission would have created a contact named after the speaker. On a feedback or review
form, the name of whoever gave the talk, the lesson or the service is a question about them:
optional, in words, mapped to nothing.
"""

from __future__ import annotations

import re

# who a feedback form rates: whoever gave the talk, the class, the treatment, the ride
_PERFORMER = re.compile(
    r"^(?:the\s+)?(speaker|teacher|presenter|instructor|trainer|tutor|coach|host|guide|"
    r"facilitator|lecturer|author|therapist|stylist|driver|waiter|waitress|server|technician|"
    r"engineer|agent|staff member|doctor|nurse|consultant|panellist|panelist|moderator)'?s?\s+name$",
    re.I,
)


def rated_person(fields: list, kind: dict) -> None:
    """The contact's name field, when it names the one rated, made a plain question."""
    if kind.get("key") != "feedback":
        return
    for field in fields:
        m = _PERFORMER.match(field.get("label") or "")
        if field["name"] == "name" and m:
            field.update(
                name=f"{m[1].lower().replace(' ', '_')}_name",
                required=False,
                placeholder="",
            )
            field.pop("maps_to", None)
