"""The grounding rule for messages an agent writes (issue 20), both engines.

A message states only facts present in the submission, the contact, the
company or the form's instructions; numbers are quoted as given ("201-1000"
stays a range, never "about 600"). ``ungrounded_facts(plan, context)`` checks
every outgoing message (send_email, book_meeting, respond_direct) against those
inputs for the facts a reply can invent cheaply and that can be checked safely:
- numbers (every one must appear in the inputs);
- dates named in words: a month or a weekday ("by March", "on Tuesday") must be
  in the inputs or be the month/weekday of a date given there (2026-03-12);
- names: a capitalised word inside a sentence of the body ("we already work with
  Deloitte", "your colleagues at Initech") must appear in the inputs (a subject
  line is often in Title Case, so names are not read there). Sentence-initial words,
  all-capital acronyms (CRM, API) and a short list of words every reply
  capitalises (I, Hi, Thanks…) are not names, which keeps false alarms rare.
The runner regenerates a plan that fails once, then keeps it as a draft for a
human instead of sending.
"""

from __future__ import annotations

import datetime as dt
import json
import re

MESSAGE_KEYS = {
    "send_email": ("subject", "body"),
    "book_meeting": ("subject", "body"),
    "respond_direct": ("message",),
}
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Where the facts a message may state come from.
SOURCES = (
    "submission",
    "contact",
    "company",
    "form",
    "instructions",
    "workspace",
    "ticket",
    "handler",
)


def _numbers(text: str) -> set[str]:
    found = set()
    for token in NUMBER_RE.findall(text or ""):
        plain = token.replace(",", "")
        found.add(plain)
        found.add(plain.rstrip("0").rstrip(".") if "." in plain else plain)
        found.update(re.split(r"[.,]", token))  # "1,000" given: "1" and "000" alone are not claims
    return found


# Bookkeeping, not facts: ids and timestamps would let "12" or "2026" pass as quoted.
NOT_FACTS = re.compile(
    r"^(?:id|\w+_id|created_at|updated_at|first_seen|last_seen|at|meta|is_new_contact)$"
)


def _facts(value):
    if isinstance(value, dict):
        return {k: _facts(v) for k, v in value.items() if not NOT_FACTS.match(str(k))}
    if isinstance(value, list):
        return [_facts(v) for v in value]
    return value


MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# "May" alone is a verb: only "May 12" / "12 May" is a date.
DATE_WORD_RE = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bMay(?=\s+\d)|(?<=\d\s)May\b"
)
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
# Capitalised inside a sentence: a name the reply states (CamelCase too: "BigCorp").
NAME_RE = re.compile(r"(?<![\w'’@./-])[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![\w'’@-])")
# An acronym names a firm as surely as a capital does ("Deloitte and KPMG"), wherever it stands;
# the ones a reply uses for things, not firms, are no names.
ACRONYM_RE = re.compile(r"(?<![\w'’@./-])[A-Z]{2,6}(?![\w'’@-])")
NOT_ACRONYMS = set(
    """PS OK FAQ CRM API GDPR SSO SLA URL HTML PDF CSV HR IT UK US USA EU ASAP CEO CFO CTO COO CMO
    VP RSVP ETA AM PM SMS QA ID VAT AI ROI KPI SEO UX UI CMS ERP SDK SQL JSON XML PR FYI TBD NDA RFP
    RFQ POC MVP SMB GMT UTC CET EST PST BST""".split()
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[-–—•*]\s+|[\"“(]\s*)$")
# Words a reply capitalises that name nothing; languages and the like.
NOT_NAMES = (
    set(
        """I I'm I'll I've I'd Hi Hello Hey Dear Thanks Thank Best Regards Kind Cheers Warm Sincerely
    Mr Mrs Ms Dr Team PS English Spanish French German Portuguese Italian Dutch Internet Web
    Email Hola Hallo Bonjour Olá Ola Ciao Gracias Merci Obrigado Obrigada Saludos Cordialement""".split()
    )
    | set(MONTHS)
    | set(WEEKDAYS)
)  # months and weekdays are checked as dates
# German capitalises every noun: a capital there says nothing about names.
GERMAN = re.compile(
    r"\b(?:und|für|wir|Sie|Ihre?n?|vielen|nicht|bitte|Grüße|mit|eine?|der|die|das)\b"
)


def _iso_words(text: str) -> set[str]:
    """The month and weekday of every ISO date in the inputs ("2026-03-12" → march, thursday)."""
    words = set()
    for y, m, d in ISO_DATE_RE.findall(text):
        try:
            day = dt.date(int(y), int(m), int(d))
        except ValueError:
            continue
        words |= {MONTHS[day.month - 1].lower(), WEEKDAYS[day.weekday()].lower()}
    return words


def input_text(context: dict) -> str:
    facts = {key: _facts(context.get(key)) for key in SOURCES}
    return json.dumps(facts, ensure_ascii=False, default=str)


def _names(text: str, known: str) -> list[str]:
    if len(GERMAN.findall(text)) >= 3:
        return []
    found = [
        word
        for word in dict.fromkeys(ACRONYM_RE.findall(text))
        if word not in NOT_ACRONYMS and word.lower() not in known
    ]
    for match in NAME_RE.finditer(text):
        word = match.group(0)
        if SENTENCE_START.search(text[: match.start()]) or word in NOT_NAMES:
            continue
        if word.lower() not in known and word not in found:
            found.append(word)
    return found


def ungrounded_facts(plan: dict, context: dict) -> list[dict]:
    """[{index, action, numbers, dates, names}] for each outgoing message stating a number,
    a date or a name found in no input."""
    inputs = input_text(context)
    allowed, known = _numbers(inputs), inputs.lower()
    date_words = _iso_words(inputs)
    problems = []
    for index, item in enumerate(plan.get("actions") or []):
        keys = MESSAGE_KEYS.get(item.get("action"))
        if not keys:
            continue
        details = item.get("details") or {}
        text = "\n".join(str(details.get(k) or "") for k in keys)
        numbers = sorted(
            {t.replace(",", "") for t in NUMBER_RE.findall(text)} - allowed,
            key=lambda n: (len(n), n),
        )
        dates = sorted(
            {
                w
                for w in DATE_WORD_RE.findall(text)
                if not re.search(rf"\b{w.lower()}\b", known) and w.lower() not in date_words
            }
        )
        # A subject is often in Title Case: names are read in the body only.
        names = _names("\n".join(str(details.get(k) or "") for k in keys if k != "subject"), known)
        if numbers or dates or names:
            problems.append(
                {
                    "index": index,
                    "action": item["action"],
                    "numbers": numbers,
                    "dates": dates,
                    "names": names,
                }
            )
    return problems


def invented(problems: list[dict]) -> list[str]:
    """Every invented fact of the problems, numbers first, each once."""
    out = []
    for key in ("numbers", "dates", "names"):
        for p in problems:
            out += [f for f in p.get(key) or [] if f not in out]
    return out


CONSENT_KEYS = re.compile(r"consent|opt_?in|newsletter|marketing|subscribe|updates", re.I)
TRUE_VALUES = (True, "true", "on", "yes", "1", 1)


def ticked_opt_in(data: dict) -> bool:
    """A ticked opt-in box in a submission (a consent / newsletter / marketing checkbox)."""
    return any(CONSENT_KEYS.search(str(k)) and v in TRUE_VALUES for k, v in (data or {}).items())


def feedback(problems: list[dict]) -> str:
    """The correction the engine gets when it is asked to write the plan again."""
    return (
        f"Your previous plan stated facts that appear nowhere in the submission, contact, company "
        f"or instructions: {', '.join(invented(problems))}. Write it again stating only facts from "
        f"those inputs; quote numbers exactly as given (a range stays a range), name no company, "
        f"person or date the inputs do not name, or leave them out."
    )
