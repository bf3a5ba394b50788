"""Normalising emails, company names and domains, shared by capture and CRM."""

from __future__ import annotations

import functools
import re

FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "yandex.com",
        "yandex.ru",
        "mail.com",
        "zoho.com",
        "qq.com",
        "163.com",
        "fastmail.com",
        "hey.com",
        "tutanota.com",
        # the national webmail and ISP addresses of the languages the local engine reads
        "yahoo.es",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.com.br",
        "hotmail.es",
        "hotmail.fr",
        "hotmail.de",
        "hotmail.it",
        "hotmail.com.br",
        "outlook.es",
        "outlook.fr",
        "outlook.de",
        "live.fr",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "t-online.de",
        "freenet.de",
        "gmx.at",
        "gmx.ch",
        "bluewin.ch",
        "sapo.pt",
        "uol.com.br",
        "bol.com.br",
        "terra.com.br",
        "telefonica.net",
        "libero.it",
    }
)

_COMPANY_SUFFIXES = re.compile(
    r"[,.]?\s+(inc|inc\.|llc|l\.l\.c\.|ltd|ltd\.|limited|gmbh|s\.a\.|sa|sas|bv|b\.v\.|ag|corp|corp\.|corporation|co|co\.|plc)$"
)


def email_lower(email: str | None) -> str | None:
    return email.strip().lower() if email and email.strip() else None


def email_domain(email: str | None) -> str | None:
    lowered = email_lower(email)
    return lowered.rsplit("@", 1)[1] if lowered and "@" in lowered else None


def is_free_mail(email: str | None) -> bool:
    return email_domain(email) in FREE_MAIL_DOMAINS


_SPACES = re.compile(r"\s+")
_PLACEHOLDER_PUNCTUATION = re.compile(r"[\s./\\_\-'()]+")


def normalize_company_name(name: str | None) -> str:
    """'Acme, Inc.' and 'ACME inc' and ' acme ' match; '' means no company."""
    text = _SPACES.sub(" ", (name or "").strip().lower())
    text = _COMPANY_SUFFIXES.sub("", text).strip(" ,.")
    return text


# What people type into a Company box when they have none. Compared after lower-casing
# and dropping dots, slashes and spaces ("N/A", "n.a.", " -- " all match); a value made
# only of punctuation never names a company either.
PLACEHOLDER_COMPANIES = frozenset(
    {
        "na",
        "none",
        "nil",
        "null",
        "no",
        "nothing",
        "nocompany",
        "notapplicable",
        "self",
        "selfemployed",
        "myself",
        "private",
        "privateperson",
        "individual",
        "personal",
        "home",
        "unknown",
        "unemployed",
        "retired",
        "student",
        "test",
        "x",
        "xx",
        "xxx",
    }
)


def is_placeholder_company(name: str | None) -> bool:
    """True for "n/a", "-", "None", "self-employed"... and for an empty value."""
    text = (name or "").strip().lower()
    if not any(ch.isalnum() for ch in text):
        return True
    return _PLACEHOLDER_PUNCTUATION.sub("", text) in PLACEHOLDER_COMPANIES


@functools.lru_cache(maxsize=4096)
def company_name(name: str | None) -> str:
    """The normalised company name, '' when the value is a placeholder such as "n/a".
    Memoized: capture asks it for every submission, and company names repeat."""
    return "" if is_placeholder_company(name) else normalize_company_name(name)


def business_domain(email: str | None) -> str | None:
    """The email's domain when it can identify a company (not gmail.com and the like)."""
    domain = email_domain(email)
    if not domain or "." not in domain or domain in FREE_MAIL_DOMAINS:
        return None
    return domain


TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
# Words that begin a family name ("Ludwig van Beethoven", "Oscar de la Hoya").
_PARTICLES = frozenset({"van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "ter"})


def split_full_name(name: str | None) -> tuple[str, str]:
    """ "Dana Scully" → ("Dana", "Scully"); "Scully, Dana" → ("Dana", "Scully");
    "Ludwig van Beethoven" → ("Ludwig", "van Beethoven"); "Cher" → ("Cher", "")."""
    text = " ".join((name or "").split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split(" ") if text else []
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) < 2:
        return (words[0] if words else ""), ""
    cut = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i].lower() in _PARTICLES:
            cut = i
            break
    return " ".join(words[:cut]), " ".join(words[cut:])


def complete_name(name: str, first: str, last: str) -> tuple[str, str, str]:
    """Fill whichever of (name, first, last) is empty from the others; never overwrite.

    A full name fills the missing part only when the given part agrees with it
    ("Dana Scully" with first "Dana" gives last "Scully"; with first "Dee" it gives nothing)."""
    name, first, last = (name or "").strip(), (first or "").strip(), (last or "").strip()
    if name and not (first and last):
        split_first, split_last = split_full_name(name)
        if not first and not last:
            first, last = split_first, split_last
        elif first and first.lower() == split_first.lower():
            last = split_last
        elif last and last.lower() == split_last.lower():
            first = split_first
    if not name:
        name = f"{first} {last}".strip()
    return name, first, last
