"""What a reply calls the person, from the name they typed (stop 31).

The first word of "Dr. Ana Costa" is no name: replies said "Hi Dr.," and "Your request for a
quote, Mrs". A title before a first name is dropped ("Ana"); a title before a surname alone
stays with it ("Mrs Patel", "Prof. Klein"), as a person would write.
"""

from __future__ import annotations

from app.services.crm.normalize import TITLES


def called(name: str | None) -> str:
    words = (name or "").split()
    if not words:
        return ""
    if len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        return words[1] if len(words) > 2 else f"{words[0]} {words[1]}"
    return words[0]
