"""A note of several changes read as one change per clause (issue 20, stop 29).

Marketers paste notes: "Looks good! Couple of things: postcode should be required, and can
we add a field for the roof's age? Also the button should say …", "1) … 2) …", bullets on
their own lines, "salary range is optional, number of positions defaults to 1, and start
date should be required". Here the note is cut into its changes, without the praise and the
headings; a sentence that carries words for the form (a thank-you message, a question put
to the visitor) or sits inside quotes is never cut.
"""

from __future__ import annotations

import re

# A note of several changes: "Looks good! Couple of things: postcode should be required, and
# can we add …? Also the button should say …", "1) … 2) …", "- … \n- …", "remove X. add Y."
_PRAISE = re.compile(
    r"^(?:looks (?:good|great)|nice|great|love it|perfect|thanks|thank you|ok(?:ay)?|hmm+|cool|"
    r"awesome|good start|almost there|close|not bad)\b[\s!.,]*",
    re.I,
)
_HEADING = re.compile(
    r"^(?:(?:ok(?:ay)?|so|also|and|oh and|plus|just)\s+)*(?:(?:a\s+)?(?:couple|few|two|three|four|some|"
    r"small|minor|one|only)\s+)*(?:of\s+)?(?:(?:small|minor|more|last)\s+)?(?:things?|changes?|tweaks?|edits?|"
    r"requests?|points?)\s*(?:[:,-]|please\b)\s*|^(?:ok(?:ay)?\s+)?so\s*:\s*|^only thing\s*:\s*",
    re.I,
)
_ITEM = re.compile(r"(?:^|\s)\(?\d{1,2}[).]\s+(?=[A-Za-z'‘\"“])|^\s*[-*•]\s+")
_SENTENCE = re.compile(
    r"(?<![A-Z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<=[.!?])\s+(?=[A-Za-z'‘\"“])"
)
# a sentence that carries words for the form ("… message to Thanks. See you soon") is not cut
# (a time's colon, "18:00", carries none),
# nor a question put to the visitor ("add a question: Do you need catering? yes/no")
_CARRIES_TEXT = re.compile(
    r"(?<!\d):(?!\d)|\b(?:message|text|note|help|hint|placeholder|say|says|saying|question)\b", re.I
)
# "…, and can we add a field for the roof's age?": the last clause asks us, not the visitor
_ASKS_US = re.compile(
    r"(?:^|[,;]\s*(?:and\s+)?|\band\s+)(?:can|could|would|will|do|does|is|are|may|should)\s+"
    r"(?:we|you|i|it|they)\b[^,;]*$",
    re.I,
)
_KIND_AFTER = re.compile(r"(?:yes/no|yes or no|y/n|optional|required)\b", re.I)
_NO_CLAUSE_START = re.compile(
    r"^(?:it|that|this|they|them|we|i|you|please|add|remove|delete|drop|make|rename|change|put|move|"
    r"show|hide|set|ask|include|take|get|let|keep|use|call|only)\b",
    re.I,
)
_SECOND_THOUGHT = re.compile(r"^(?:actually|on second thought|scratch that|no wait)\b", re.I)
_ASIDE_IN_BRACKETS = re.compile(r"\s*\((?:[^()]*\?|[^()]*\balready\b[^()]*)\)", re.I)
_STATE_VERB = re.compile(
    r"\b(?:is|are|should|must|needs?|has to|have to|can|could|defaults?|stays?|becomes?)\b", re.I
)
# "make the device field a dropdown (iPhone, iPad) and OS version optional": the answers end
_LIST_THEN = re.compile(r"\)\s*,?\s+and\s+(?=[^()]+$)")


def separate(text: str) -> str:
    """A note of several changes as one change per clause ("; "), without its praise and
    headings; a clause said inside quotes is never cut."""
    parts = []
    for piece in re.split(r"\s*\n+\s*", text.strip()):
        for item in _cut(_ITEM, piece):
            parts += _sentences(item)
    # "… over 18... actually just make it optional": a second thought belongs to the first
    for i in range(len(parts) - 1, 0, -1):
        if _SECOND_THOUGHT.match(parts[i].strip()):
            parts[i - 1 : i + 1] = [f"{parts[i - 1].rstrip(' .…')} {parts[i].strip()}"]
    said = []
    for part in parts:
        part = _HEADING.sub("", _PRAISE.sub("", part.strip())).strip()
        part = re.sub(r"^(?:also|and|plus|oh and|then|and also)\s*,?\s+", "", part, flags=re.I)
        if _ASKS_US.search(part):
            part = part.rstrip("?")  # "can we add a field for the roof's age?": no "?" in a label
        part = _ASIDE_IN_BRACKETS.sub("", part).strip()
        part = _LIST_THEN.sub("); ", part) if "(" in part else part
        said += [p for p in _states_listed(part) if p.strip(" ,")]
    return "; ".join(said) if said else text


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _SENTENCE.finditer(text):
        before = _HEADING.sub("", _PRAISE.sub("", text[start : m.start()].strip())).strip()
        if _KIND_AFTER.match(text[m.end() :]):
            continue  # "can we ask whether they have a battery? yes/no": its kind, not a clause
        ours = before.endswith("?") and _ASKS_US.search(before)  # "can we add …? Also …"
        if _open_quote(before) or (
            not ours and (before.endswith("?") or _CARRIES_TEXT.search(before))
        ):
            continue
        pieces.append(before.rstrip(" ."))
        start = m.end()
    return [p for p in (*pieces, text[start:]) if p.strip()]


def _cut(pattern: re.Pattern, text: str) -> list[str]:
    """``text`` cut where ``pattern`` matches outside quotes."""
    pieces, start = [], 0
    for m in pattern.finditer(text):
        if _open_quote(text[start : m.start()]):
            continue
        pieces.append(text[start : m.start()])
        start = m.end()
    return [p for p in (*pieces, text[start:]) if p.strip()]


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or len(re.findall(r"(?:^|\s)['‘“]", text)) > len(
        re.findall(r"['’”](?=\s|$|[,.;:!?)])", text)
    )


def _states_listed(part: str) -> list[str]:
    """ "salary range is optional, number of positions defaults to 1, and start date should be
    required": three clauses, each with its own verb (never a list of answers after a colon)."""
    if ":" in part or not _STATE_VERB.search(part):
        return [part]
    pieces = re.split(r"\s*,\s*(?:and\s+)?", part)
    if len(pieces) > 1 and all(
        _STATE_VERB.search(p) and len(p.split()) >= 3 and not _NO_CLAUSE_START.match(p)
        for p in pieces
    ):
        return pieces
    return [part]
