"""Which files a form may take (SPEC §17), and what a file really is.

A file's type is read from its bytes with ``filetype`` (magic numbers), never from
its name or the Content-Type the browser sent: a ``.png`` that holds HTML is
refused. Plain text has no magic number, so it is accepted as text only when it is
UTF-8 without NUL bytes and does not open like markup a browser would render."""

from __future__ import annotations

import re

import filetype

# MIME type -> the extensions a person may write for it (the first is the canonical one)
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    "image/jpeg": ("jpg", "jpeg"),
    "image/png": ("png",),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "image/heic": ("heic",),
    "image/avif": ("avif",),
    "application/pdf": ("pdf",),
    "application/msword": ("doc",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.ms-excel": ("xls",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
    "application/vnd.ms-powerpoint": ("ppt",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("pptx",),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods",),
    "application/rtf": ("rtf",),
    "application/zip": ("zip",),
    "audio/mpeg": ("mp3",),
    "audio/mp4": ("m4a",),
    "audio/x-wav": ("wav",),
    "video/mp4": ("mp4",),
    "video/quicktime": ("mov",),
    "video/webm": ("webm",),
    "text/plain": ("txt",),
    "text/csv": ("csv",),
}
GROUPS = ("image/*", "audio/*", "video/*")
EXTENSIONS = {ext: mime for mime, exts in ALLOWED_TYPES.items() for ext in exts}
TEXT_TYPES = ("text/plain", "text/csv")
# what a browser would render as a page or script if it ever ignored nosniff
_MARKUP_RE = re.compile(
    rb"<\s*(!doctype|html|head|body|script|iframe|svg|\?xml|img|a\s|div|meta|object|embed|style)",
    re.IGNORECASE,
)


def normalize_accept_entry(entry: str) -> str | None:
    """``.PDF``, ``pdf`` → ``.pdf``; a MIME type or group as given; None when not allowed."""
    text = entry.strip().lower()
    if text in ALLOWED_TYPES or text in GROUPS:
        return text
    ext = text.lstrip(".")
    return f".{ext}" if ext in EXTENSIONS else None


def accepted_types(accept: list[str]) -> set[str]:
    """The MIME types an accept list lets in (every allowed type when it is empty)."""
    if not accept:
        return set(ALLOWED_TYPES)
    out = set()
    for entry in accept:
        if entry in GROUPS:
            out |= {m for m in ALLOWED_TYPES if m.startswith(entry[:-1])}
        elif entry.startswith("."):
            out.add(EXTENSIONS[entry[1:]])
        else:
            out.add(entry)
    if out & set(TEXT_TYPES):  # a CSV is plain text: the bytes cannot tell them apart
        out |= set(TEXT_TYPES)
    return out


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head or _MARKUP_RE.search(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:  # a multi-byte character cut at the end is fine
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def sniff(head: bytes, name: str, allowed: set[str]) -> str | None:
    """The file's MIME type from its first bytes, when it is one of ``allowed``."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime if kind.mime in allowed else None
    if allowed & set(TEXT_TYPES) and _is_plain_text(head):
        return (
            "text/csv" if name.lower().endswith(".csv") and "text/csv" in allowed else "text/plain"
        )
    return None


def describe(allowed: set[str]) -> str:
    """The allowed types as a person reads them: "PDF, PNG or JPG"."""
    names = sorted({ALLOWED_TYPES[m][0].upper() for m in allowed})
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


_UNSAFE_NAME_RE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')


def safe_name(name: str, mime: str) -> str:
    """A filename safe in a header and on any disk, ending in the extension of what the
    bytes are (``cv.png`` that is a PDF downloads as ``cv.png.pdf``)."""
    base = _UNSAFE_NAME_RE.sub("_", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])
    base = base.strip(" .")[:150] or "file"
    exts = ALLOWED_TYPES.get(mime, ())
    if exts and base.rsplit(".", 1)[-1].lower() not in exts:
        base = f"{base}.{exts[0]}"
    return base
