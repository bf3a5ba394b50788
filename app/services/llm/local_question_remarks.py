"""What the business says after a question in the list is that question's help (round 43a).

"…, birthday? we'll bring a cake", "need a hotel room? we have a discount at the Grand",
"need a child seat? we supply them free": the marketer answers the visitor's next thought.
The remark is no field and no part of the label (the list reader leaves a "we …" sentence
out); shown under the question it follows, it tells the visitor what a yes brings.
"""

from __future__ import annotations

import re

from app.services.llm.local_bracket_asides import stem_before

# a "we" sentence right after a question's "?", up to the sentence's end (a comma would go
# on with the list: "website? we'll review it, budget" is left alone)
_REMARK = re.compile(
    r"\?\s+(?P<remark>(?:we|we'll|we're|we've|we'd)\b(?!\s+(?:need|ask|want|also need)\b)"
    r"[^,;.!?\n]{3,80})(?:[.!]|\s*$)",
    re.I,
)


def question_remarks(text: str) -> list[dict]:
    """Each remark as an aside (``local_bracket_asides``) on the question before it."""
    found = []
    for match in _REMARK.finditer(text):
        stem = stem_before(text[: match.start()])
        remark = match["remark"].strip()
        if stem:
            help_ = remark[:1].upper() + remark[1:] + "."
            found.append({"stem": stem, "help": help_, "min": None, "max": None})
    return found
