"""A casting call, an audition or a call for entries is an application, whatever it uploads.

The intake kind is read from upload cues ("headshot upload", "documents"): a file sent with
the form. A casting call for a short film that asks for a headshot upload was drafted as a
notify-only "Client Intake"; the same list without the upload was an application routed to a
person ("Casting Call"). A heading that calls people to put themselves forward (a casting
call, an audition, an open call or a call for entries, a try-out) says what the form is: an
upload in its list says how the work or the photo is sent, not that the form is an intake.
The kind is then read again without the upload cues (the engine names it for the heading).

es/fr/de/pt: "casting", "audición", "appel à candidatures", "Vorsprechen", "audição".
"""

from __future__ import annotations

import re

# The heading's words, before the list: "Casting call for a short film:", "Open auditions -"
_OPENING = re.compile(r"^[^:.\n–—]{0,80}?(?=:|\s[-–—]\s|\.|\n|$)")
_CALL = re.compile(
    r"\b(?:casting(?:\s+calls?)?|castings|auditions?|open\s+calls?|try-?outs?|"
    r"calls?\s+for\s+(?:entries|submissions|artists|actors|performers|work|proposals|papers)|"
    r"audici[oó]n(?:es)?|convocatoria|appel\s+[àa]\s+(?:candidatures?|projets|casting)|"
    r"vorsprechen|audi[çc](?:[ãa]o|[õo]es))\b",
    re.I,
)
# What made it an intake: a file sent with the form
_UPLOAD = re.compile(r"\b(?:uploads?|uploading|uploaded|receipts|documents)\b", re.I)


def called_kind(kind: dict, told: str, original: str, choose) -> dict:
    """The kind for a description whose heading calls people to apply (an audition, a
    casting call, a call for entries), read without its uploads when they made it an
    intake; ``kind`` otherwise. ``choose`` reads a kind from a text."""
    if kind["key"] != "intake" or re.search(r"\bintake\b", told, re.I):
        return kind
    opening = _OPENING.match(original.strip())
    if not opening or not _CALL.search(opening.group(0)):
        return kind
    again = choose(_UPLOAD.sub(" ", told))
    return again if again["key"] != "intake" else kind
