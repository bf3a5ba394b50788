"""Normalising emails, company names and domains, shared by capture and CRM."""

from __future__ import annotations

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


def normalize_company_name(name: str | None) -> str:
    """'Acme, Inc.' and 'ACME inc' and ' acme ' match; '' means no company."""
    text = re.sub(r"\s+", " ", (name or "").strip().lower())
    text = _COMPANY_SUFFIXES.sub("", text).strip(" ,.")
    return text
