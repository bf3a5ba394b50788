"""Work addresses only, said in the marketer's words (issue 20, refine round 24r).

"only allow business emails", "the email should be a work email", "block gmail and hotmail
addresses", "no free email addresses": the form's free-mail policy becomes ``block`` (SPEC
§19: a visitor with a free-mail address gets a 422 asking for a work address) and the email
field says so ("Work email", "Please use your company address.") when it carries the stock
English wording. "allow personal emails", "accept gmail addresses" undo it. The policy is the
one mechanism capture already enforces, so the draft never promises what the form will not do.

``apply(draft, clause, notes)`` returns True when the clause was one of these (and applied).
"""

from __future__ import annotations

import re

from app.services.llm.local_foreign import source_language
from app.services.llm.local_translate import phrase

_WORK = r"(?:business|work|company|corporate|professional)"
_FREE = r"(?:free|free-?mail|personal|private|gmail|hotmail|yahoo|outlook|icloud|consumer)"
_ADDRESS = r"(?:e-?mails?|e-?mail addresses|addresses|emails? addresses|domains?)"
_BLOCK = re.compile(
    rf"^(?:only\s+(?:allow|accept)\s+{_WORK}\s+{_ADDRESS}|"
    # "we only want business emails", "we only accept work addresses"
    rf"(?:we|i)\s+(?:only\s+(?:want|accept|take|allow)|want\s+only|(?:only\s+)?need)\s+{_WORK}\s+{_ADDRESS}|"
    rf"(?:require|ask for|insist on)\s+(?:a\s+)?{_WORK}\s+{_ADDRESS}|"
    rf"(?:the\s+)?e-?mail(?:\s+field|\s+address)?\s+(?:should|must|has to|needs to)\s+be\s+(?:a\s+)?{_WORK}"
    rf"(?:\s+{_ADDRESS}|\s+one)?|"
    rf"(?:block|reject|refuse|no|don'?t (?:allow|accept))\s+(?:{_FREE}(?:\s*(?:,|or|and|/)\s*)?)+"
    rf"(?:\s+{_ADDRESS})?)$",
    re.I,
)
_ALLOW = re.compile(
    rf"^(?:allow|accept|let through)\s+(?:any\s+e-?mail(?:\s+address)?|(?:{_FREE}(?:\s*(?:,|or|and|/)\s*)?)+"
    rf"(?:\s+{_ADDRESS})?)$",
    re.I,
)
# "solo emails de empresa", "uniquement des adresses professionnelles", "nur geschäftliche
# E-Mail-Adressen erlauben", "apenas e-mails profissionais"
_BLOCK_ABROAD = re.compile(
    r"^(?:(?:solo|sólo|solamente|únicamente|uniquement|seulement|nur|apenas|somente|só)\s+"
    r"(?:(?:des|les|los|las|os|as)\s+)?(?:e-?mails?|correos?(?: electrónicos)?|adresses?(?: e-?mail)?|"
    r"e-?mail-adressen|endereços?(?: de e-?mail)?)\s+(?:de empresa|corporativ[oa]s|profesionales|"
    r"professionnel(?:le)?s|empresariais|profissionais|corporativos)|"
    r"nur\s+(?:geschäftliche|berufliche|firmen)[\s-]*e-?mail(?:-adressen|s)?)"
    r"(?:\s+(?:erlauben|zulassen|akzeptieren|permitir|accepter|autoriser|aceitar|permitidos?|acceptées?))?$",
    re.I,
)
_STOCK = {"email": "Email", "work email": "Work email", "e-mail": "Email"}


def apply(draft: dict, clause: str, notes: list) -> bool:
    text = clause.strip().rstrip(".!")
    block = _BLOCK.match(text) or _BLOCK_ABROAD.match(text)
    if not block and not _ALLOW.match(text):
        return False
    draft.setdefault("security", {})["free_mail"] = "block" if block else "allow"
    email = next((f for f in draft["fields"] if f["type"] == "email"), None)
    lang = source_language(draft.get("description") or "") or "en"
    stock = {_said(w, lang).lower() for w in ("Email", "Work email")} | set(_STOCK)
    if email and email.get("label", "").strip().lower() in stock:  # the stock wording follows
        if block:
            email.update(
                label=_said("Work email", lang),
                placeholder="jane@company.com",
                help=_said("Please use your company address.", lang),
            )
        else:
            email.update(label=_said("Email", lang), placeholder="jane@example.com", help="")
    return True


def _said(text: str, lang: str) -> str:
    """``text`` in the form's language (the phrase table), English when it has none."""
    return (phrase(text, lang) if lang != "en" else None) or text
