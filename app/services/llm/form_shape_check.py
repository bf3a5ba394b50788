"""Field shapes a generated draft must not get wrong, as sentences the Claude engine sends
back to the model (with ``form_extras_check``): a condition or a step request written as a
field label, "contact details" as one text box, an upload as a link or a text field, a
rating on a scale as free text. The local engine's drafts pass the same check."""

from __future__ import annotations

import re

from app.services.llm.local_field_shapes import SCALE_RE, file_shape, rating_shape

CONDITION_LABEL = re.compile(
    r"\bonly (?:for|if|when)\b|^(?:if|when|for \w+ (?:customers|clients))\b", re.I
)
# "When did you last order?", "When might you restart?", "When would you like a call?":
# a question about a time, not a condition ("When the team is large" / "When employed").
WHEN_QUESTION = re.compile(
    r"^when\b(?:.*\?\s*$|\s+(?:do|does|did|is|are|was|were|will|would|might|may|can|could|"
    r"should|shall|have|has|had)\b)",
    re.I,
)
STEP_LABEL = re.compile(
    # "First aid trained", "First language", "First-time buyer", "First day off" are questions,
    # not steps
    r"^(?:first|then|finally|next|step \w+|page \w+)\b(?! name| aid| language| choice| time|-time| (?:day|days|night|week|month|date|visit|lesson|session|class)\b)|"
    r"^(?:your |their )?(?:contact|personal) "
    r"(?:details|info(?:rmation)?)$",
    re.I,
)


def problems(fields: list) -> list[str]:
    out = []
    for i, f in enumerate(fields):
        label, ftype = str(f.get("label") or ""), f.get("type")
        if CONDITION_LABEL.search(label) and not WHEN_QUESTION.search(label):
            out.append(
                f"fields[{i}] “{label}” is a condition, not a question: ask the field it names "
                "and give it a show_if on the earlier choice"
            )
        elif STEP_LABEL.search(label):
            out.append(
                f"fields[{i}] “{label}” is a step or the contact details, not a question: use "
                "name, email and phone fields, and `steps` for the order"
            )
        elif ftype in ("url", "text") and file_shape(label):
            out.append(
                f"fields[{i}] “{label}” is an upload: use a file field with accept (image/*, "
                ".pdf, .docx…) and max_files (several for plural photos or documents)"
            )
        elif ftype in ("text", "textarea") and SCALE_RE.search(label) and rating_shape(label):
            out.append(
                f"fields[{i}] “{label}” is a rating on a scale: a number field with min and max "
                "(or a select of the values), labelled “Rating”"
            )
    return out
