"""Acronyms in the labels the local engine writes ("Need SSO?", "VAT number", "Which DBs
do you run?").

The field reader works on lower-cased words, so a label built from "VAT number" came
out "Vat number". Two sources give the spelling back: the words the marketer wrote in
capitals in the description ("MOQ", "DBs", "POS"), and a list of acronyms that are
never ordinary words ("sso", "api", "crm"…), for descriptions typed in lower case.
"""

from __future__ import annotations

import re

# Acronyms that are not English words; "it", "us", "hr"… are left alone (a lower-case
# "it" is a pronoun far more often than IT).
KNOWN = {
    w.lower(): w
    for w in (
        "API APIs SSO SAML VAT CRM ERP SEO SMS GDPR HIPAA SKU SKUs ISBN VIN DBS DB DBs PDF "
        "IBAN BIC ABN HVAC MOT KPI KPIs ROI B2B B2C SaaS URL URLs CV CVs DOB NDA NDAs RFP "
        "RFQ SLA SLAs SQL AWS GCP iOS USB VPN CMS LMS POS ATS MDM CPD CPR EV EVs PPE FAQ "
        "LinkedIn WhatsApp GitHub ID IDs "
        # brands and products written their own way ("Iphone or android" is nobody's label)
        "iPhone iPhones iPad iPads iPod iCloud iTunes macOS Android PayPal TikTok YouTube "
        "Instagram Facebook Snapchat Pinterest eBay Etsy Shopify WordPress WooCommerce HubSpot "
        "Salesforce Mailchimp QuickBooks Xero Gmail Airbnb Spotify Netflix Xbox PlayStation "
        "kWh kW MWh"
    ).split()
}
_CAPS = re.compile(r"\b[A-Z][A-Z0-9]{1,6}s?\b|\b[A-Z][a-z]+[A-Z]\w*\b")


def spellings(description: str) -> dict[str, str]:
    """lower-case word → how to write it, from the description's own capitals and KNOWN."""
    found = dict(KNOWN)
    text = description or ""
    words = re.findall(r"[^\W\d_]+", text)
    capitals = _CAPS.findall(text)
    if len(capitals) > max(2, len(words) // 2):  # "NAME, EMAIL, PHONE": shouting, not acronyms
        return found
    lowered = {w for w in words if w.islower()}
    for word in capitals:
        if word.lower() not in lowered:  # "Name" / "name": a word, whatever its case
            found[word.lower()] = word
    return found


# brands of two words, one of them an ordinary word ("apple pay" is no fruit)
BRAND_PHRASES = re.compile(
    r"\b(apple|google|microsoft|amazon|facebook|meta)\s+(pay|ads|maps|meet|teams|watch|prime|"
    r"analytics|workspace|business profile|music)\b",
    re.I,
)


def respell(text: str, spelled: dict[str, str]) -> str:
    def fix(match: re.Match) -> str:
        word = match.group(0)
        right = spelled.get(word.lower())
        if not right or word == right:
            return word
        return right

    text = BRAND_PHRASES.sub(lambda m: f"{m[1].capitalize()} {m[2].title()}", text)
    return re.sub(r"\b[\w-]+\b", fix, text)


def as_written(field: dict) -> tuple:
    """What ``spell_acronyms`` compares to leave a field as it is: its name, label and options."""
    return field.get("name"), field.get("label"), str(field.get("options"))


def spell_acronyms(fields: list, description: str, keep: set | None = None) -> None:
    """Labels and options of ``fields`` with their acronyms spelled (in place); ``keep``:
    ``as_written`` of the fields to leave as they are (those a refinement did not touch)."""
    spelled = spellings(description)
    for f in fields:
        if keep and as_written(f) in keep:
            continue
        if f.get("label"):
            f["label"] = respell(f["label"], spelled)
        if f.get("options"):
            f["options"] = [respell(o, spelled) if isinstance(o, str) else o for o in f["options"]]
