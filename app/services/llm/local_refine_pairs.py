"""Two things asked for in one addition (issue 20, stop 31).

"ask for emergency contact name and phone" added one phone field labelled "Emergency contact
name and phone"; "add their company name and website" one web address, "add billing address
and VAT number" one text box, "add a field for passport number and expiry date" one date.
A marketer means two questions. When both halves end in a word that names a kind of answer
(a name, a phone, an address, a date …) they are two additions, and a bare second half takes
the first one's subject: the emergency contact's name and the emergency contact's phone; a
passport's number and the passport's expiry date.
"""

from __future__ import annotations

import re

_NOUN = (
    r"name|phone(?: number)?|mobile(?: number)?|number|e-?mail(?: address)?|address|date|website|"
    r"url|time|size|code|postcode|zip(?: code)?|id|handle|username"
)
_ADD = re.compile(
    r"^(?:add|include|insert|ask for|ask them for|we (?:also )?need|we (?:also )?want)\s+"
    r"(?:(?:a\s+)?(?:fields?|questions?|boxes?)\s+for\s+)?(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?"
    r"(?P<a>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:and|&)\s+(?:an?\s+|the\s+|their\s+)?"
    r"(?P<b>[\w'-]+(?:\s+[\w'-]+){0,2}?)(?:\s+fields?|\s+questions?)?(?:\s+(?:too|as well))?$",
    re.I,
)
_ENDS_IN_NOUN = re.compile(rf"(?:^|\s)(?:{_NOUN})$", re.I)
_BARE = re.compile(rf"^(?:{_NOUN})$", re.I)
# the second half says which date of the first half's thing: "passport number and expiry date"
_OF_IT = re.compile(r"^(?:expiry|expiration|issue|start|end|renewal|due)\s+date$", re.I)


def split(clause: str) -> list[str] | None:
    """The clause as two additions; None when it is not two things asked for."""
    m = _ADD.match(clause.strip().rstrip(".!"))
    if not m:
        return None
    a, b = m["a"].strip(), m["b"].strip()
    if not (_ENDS_IN_NOUN.search(a) and _ENDS_IN_NOUN.search(b)):
        return None  # "add terms and conditions", "add bed and breakfast" are one thing
    subject = _ENDS_IN_NOUN.sub("", a).strip()
    if subject and (_BARE.match(b) or _OF_IT.match(b)):
        subject = re.sub(r"'s$", "", subject)  # "the emergency contact's name and phone"
        b = f"{subject} {b}"
    return [f"add a {a} field", f"add a {b} field"]
