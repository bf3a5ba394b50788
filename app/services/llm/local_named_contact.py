"""One email and one phone for the person writing (round 13a).

A description that names the submitter's address in its own words ("contact email",
"billing email", "work email", "mobile phone", "e-mail professionnel") asks for the
form's email (or phone), not for a second one: the kind's default field takes the
marketer's label and place, and keeps its name (so it still fills the contact's email).
Someone else's address ("their manager's email", "a referee's phone", "emergency
contact number") is another field, and two named addresses stay two.
"""

from __future__ import annotations

import re

# The address of another person, or a second address of the same one. A parent or a
# guardian signing a child up, an applicant, a member, a customer is the person writing
# ("parent's email", "applicant email": the form's email).
_WRITER = (
    r"(?:parents?|guardians?|applicants?|candidates?|members?|customers?|players?|nominators?)"
)
OTHER_PERSON = re.compile(
    r"\b(?:friend|referee|reference|manager|boss|colleague|emergency|"
    r"spouse|partner|recipient|gift|assistant|second|secondary|alternative|alternate|backup|"
    r"other|additional|next of kin|kin|line manager|supervisor|teacher|doctor|gp|vet|agent|"
    r"landlord|tenant|witness|invitee|guest|child|kids?|son|daughter|student|referrer|nominee|"
    rf"sponsor|team ?mates?|client|cc|(?!{_WRITER}'s?\b)\w+'s|(?!{_WRITER}\b)\w+s')\b",
    re.I,
)

# The address is what the field asks ("contact email", "phone number to call back"), not a
# thing about email ("which email system they use")
ADDRESS = re.compile(
    r"\b(?:e-?mail|phone|mobile|telephone|number)(?: address)?\b(?!\s+(?:system|client|provider|"
    r"platform|tool|software|marketing|list|template|signature|domain|app|type|model|plan|contract|"
    r"campaign|newsletter|volume|usage))",
    re.I,
)


def merge_named_contact(fields: list) -> None:
    """The default email/phone (still ``_domain``: not named) replaced by the one field
    the description named for the person writing."""
    for base in ("email", "phone"):
        default = next((f for f in fields if f["name"] == base and f.get("_domain")), None)
        if default is None:
            continue
        named = [
            f
            for f in fields
            if f is not default
            and f["type"] == base
            and not f.get("_domain")
            and ADDRESS.search(f["label"])
            and not OTHER_PERSON.search(f"{f['name'].replace('_', ' ')} {f['label']}")
        ]
        if len(named) != 1:
            continue
        own = named[0]
        merged = {
            **default,
            "label": own["label"],
            "required": default["required"] or own["required"],
        }
        merged.pop("_domain", None)
        fields[fields.index(own)] = merged
        fields.remove(default)
