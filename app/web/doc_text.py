"""Docstring text as HTML for the API docs page: paragraphs, and `code` in backticks.

The text is escaped first and only then are backtick pairs turned into <code>, so
nothing in a docstring can inject markup."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`\n]+)`")


def inline_code(text: str | None) -> Markup:
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text or ""))))


_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```\s*$", re.S | re.M)


def _paragraphs(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{inline_code(p)}</p>" for p in paragraphs)


def doc_html(text: str | None) -> Markup:
    """Blank-line separated paragraphs (a paragraph's own line breaks are soft) and
    fenced code blocks (``` lines), kept as written in <pre>."""
    text, html, at = text or "", [], 0
    for block in _FENCE.finditer(text):
        html.append(_paragraphs(text[at : block.start()]))
        html.append(f"<pre><code>{escape(block.group(1).rstrip())}</code></pre>")
        at = block.end()
    html.append(_paragraphs(text[at:]))
    return Markup("".join(html))
