"""What an upload takes, said the marketer's way (issue 20, stop 30).

"transcript must be a PDF", "photo - jpg or png only", "only accept PDFs for the CV" narrow
an upload to those kinds; "the photo should allow up to 3 files" and "photos: max 10MB" set
how many and how big. local_refine_limits reads the older phrasings ("allow up to 3 photos",
"the screenshot should accept videos too", which widens); these name the upload first or say
"only", and were refused.

``apply(draft, clause, notes)`` returns True when the clause set what an upload takes, False
when it names no upload (RefineError when it names one but no kind it knows).
"""

from __future__ import annotations

import re

from app.services.forms.file_fields import MAX_FILES
from app.services.llm.local_fields import RefineError, parse_new_field
from app.services.llm.local_refine_targets import glossed

_KINDS = (
    (r"pdfs?", [".pdf"]),
    (r"jpe?gs?", [".jpg", ".jpeg"]),
    (r"pngs?", [".png"]),
    (r"heics?", [".heic"]),
    (r"photos?|pictures?|images?|screenshots?", ["image/*"]),
    (r"videos?|clips?", ["video/*"]),
    (r"word(?: files?| documents?| docs?)?|docx?", [".doc", ".docx"]),
    (r"documents?", [".pdf", ".doc", ".docx"]),
    (r"spreadsheets?|excel(?: files?)?|csvs?", [".xlsx", ".csv"]),
    (r"audio|mp3s?", ["audio/*"]),
)
_KIND = r"(?:an?\s+)?[\w ,/]+?"
# "transcript must be a PDF", "photo - jpg or png only", "transcript: PDF only",
# "only accept PDFs for the transcript", "the CV should only take PDF or Word"
_ONLY = (
    # "the budget breakdown should accept PDF or Excel only"
    re.compile(
        rf"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|can)\s+(?:accept|allow|take)\s+(?P<k>{_KIND})\s+only$",
        re.I,
    ),
    re.compile(
        rf"^(?:the\s+)?(?P<x>[^:–-]+?)\s+(?:must|should|has to|needs to)\s+be\s+(?P<k>{_KIND})(?:\s+only)?$",
        re.I,
    ),
    re.compile(rf"^(?:the\s+)?(?P<x>[^:–-]+?)\s*(?::|\s[-–])\s*(?P<k>{_KIND})\s+only$", re.I),
    re.compile(rf"^(?:the\s+)?(?P<x>.+?)\s+(?P<k>{_KIND})\s+only$", re.I),
    re.compile(
        rf"^only\s+(?:accept|allow|take)\s+(?P<k>{_KIND})\s+(?:for|in|on)\s+(?:the\s+)?(?P<x>.+)$",
        re.I,
    ),
    re.compile(
        rf"^(?:the\s+)?(?P<x>.+?)\s+(?:should|must|can)\s+only\s+(?:accept|allow|take)\s+(?P<k>{_KIND})$",
        re.I,
    ),
)
# "the photo should allow up to 3 files", "photos: up to 5", "allow 3 files for the photo"
_COUNT = (
    re.compile(
        r"^(?:the\s+)?(?P<x>.+?)\s*(?::|\s+(?:should|can|must)\s+(?:allow|take|accept)|\s+(?:allows?|takes?))\s+"
        r"(?:up to|at most|a maximum of|max\.?)?\s*(?P<n>\d+)(?:\s+(?:files?|photos?|pictures?|images?|documents?))?$",
        re.I,
    ),
    re.compile(
        r"^(?:allow|accept)\s+(?:up to\s+)?(?P<n>\d+)\s+(?:files?|photos?|pictures?|images?|documents?)\s+"
        r"(?:for|in|on)\s+(?:the\s+)?(?P<x>.+)$",
        re.I,
    ),
)
# "max 5 photos", "máximo 5 fotos": the count before the upload's own name
_COUNT_FIRST = re.compile(
    r"^(?:max(?:imum)?\.?|m[áa]xim[oa]|up to|at most|no more than)\s+(?P<n>\d+)\s+(?P<x>.+)$", re.I
)
# "photos: max 10MB", "the CV can be up to 5 MB"
_SIZE = re.compile(
    r"^(?:the\s+)?(?P<x>.+?)\s*(?::|\s+(?:can be|should be|must be|is))?\s+(?:up to|at most|max\.?|maximum|under)\s+"
    r"(?P<mb>\d+)\s*mb(?:\s+(?:each|per file))?$",
    re.I,
)


# "add a photo upload, max 5 photos", "add a photos field (up to 10 files)": a new upload and
# how many it takes, said in one breath (the count was read as an answer or into the label)
_ADDED = re.compile(
    r"^(?:add|include)\s+(?:an?\s+)?(?P<x>[\w' ]+?)(?:\s+(?:field|upload|box))?\s*(?:,\s*|\(\s*|\s+-\s+|\s+with\s+|\s+)"
    r"(?:max(?:imum)?\.?(?: of)?|up to|no more than|at most)\s*(?P<n>\d+)\s*(?P<what>files?|photos?|pictures?|images?|documents?)?\)?$",
    re.I,
)
_UPLOAD_WORD = re.compile(
    r"\b(?:upload|photos?|pictures?|images?|files?|attachments?|documents?|scans?)\b", re.I
)


def added(text: str, fields: list) -> str | None:
    """The upload added, then its count, as two plain changes; None for anything else."""
    m = _ADDED.match(text.strip().rstrip(".!"))
    if not m or not (_UPLOAD_WORD.search(m["x"]) or m["what"]):
        return None
    said = m["x"].strip()
    upload = said if re.search(r"\bupload$", said, re.I) else f"{said} upload"
    new, _ = parse_new_field(upload, fields)
    if new["type"] != "file":
        return None
    return f"add a {upload}; {new['label']} should allow up to {m['n']} files"


def apply(draft: dict, clause: str, notes: list) -> bool:
    text = clause.strip().rstrip(".!")
    for pattern in _ONLY:
        m = pattern.match(text)
        field = m and _upload(draft, m["x"])
        if field:
            field["accept"] = _kinds(m["k"], field)
            return True
    for pattern in (*_COUNT, _COUNT_FIRST):
        m = pattern.match(text)
        field = m and _upload(draft, m["x"])
        if field:
            if int(m["n"]) > MAX_FILES:
                raise RefineError(
                    f"An upload takes at most {MAX_FILES} files, e.g. 'allow up to {MAX_FILES} photos'"
                )
            field["max_files"] = max(int(m["n"]), 1)
            return True
    m = _SIZE.match(text)
    field = m and _upload(draft, m["x"])
    if field:
        field["max_size_mb"] = max(int(m["mb"]), 1)
        return True
    return False


def _upload(draft: dict, said: str) -> dict | None:
    """The upload the note names; None when it names another field or none."""
    said = re.sub(r"\s+(?:field|upload|question)$", "", said.strip(), flags=re.I)
    field = glossed(draft["fields"], said)
    return field if field and field["type"] == "file" else None


def _kinds(said: str, field: dict) -> list[str]:
    words = [
        w.strip()
        for w in re.split(
            r",|/|\s+or\s+|\s+and\s+", re.sub(r"^an?\s+", "", said.strip(), flags=re.I)
        )
    ]
    kinds = [acc for w in words if w for pattern, acc in _KINDS if re.fullmatch(pattern, w, re.I)]
    if not kinds or len(kinds) != len([w for w in words if w]):
        raise RefineError(
            f"Say which files “{field['label']}” takes: photos, PDFs, Word, videos or spreadsheets"
        )
    return list(dict.fromkeys(a for acc in kinds for a in acc))
