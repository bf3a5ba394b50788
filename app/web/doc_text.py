"""Docstring text as HTML for the API docs page: paragraphs, and `code` in backticks.

The text is escaped first and only then are backtick pairs turned into <code>, so
nothing in a docstring can inject markup."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`\n]+)`")


def inline_code(text: str | None) -> Markup:
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text or ""))))


def doc_html(text: str | None) -> Markup:
    """Blank-line separated paragraphs; a paragraph's own line breaks are soft."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return Markup("".join(f"<p>{inline_code(p)}</p>" for p in paragraphs))
