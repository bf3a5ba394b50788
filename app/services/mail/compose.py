"""The message as it leaves (SPEC §8), built from the outbox row: the same
function feeds delivery and the outbox page, so what a marketer reads there is
exactly what was (or would be) sent.

Marketing email gets the workspace's postal address and an unsubscribe link in
a footer of both parts, a ``{{unsubscribe_url}}`` placeholder in its body filled
with that link, and the ``List-Unsubscribe`` / ``List-Unsubscribe-Post`` headers
that mail clients use for one-click unsubscribe (RFC 8058). An HTML body without
a text part gets one derived from it."""

from __future__ import annotations

import html as html_lib
import re
from email.message import EmailMessage
from email.utils import parseaddr

from app.db import loads
from app.services.mail.html_text import html_to_text
from app.services.mail.outbox import header_safe
from app.services.mail.suppression import unsubscribe_url

UNSUBSCRIBE_PLACEHOLDER = re.compile(r"\{\{\s*unsubscribe_url\s*(?:\|[^{}|]*)?\}\}")
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


class OneLine(str):
    """A header value written on one line. The email package folds a value longer
    than 78 characters that has no space (an unsubscribe URL) into RFC 2047
    encoded-words, and mail clients then find no link in List-Unsubscribe (RFC 2369
    wants ``<url>``); a header object with its own ``fold`` is stored and written as is."""

    def __new__(cls, name: str, value: str):
        header = super().__new__(cls, value)
        header.name = name
        return header

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def sender_domain(mail_from: str) -> str:
    return parseaddr(mail_from)[1].rpartition("@")[2] or "formagent.local"


def _text_footer(postal: str, link: str, workspace_name: str) -> str:
    lines = ["", "", "--", workspace_name]
    lines += [line.strip() for line in postal.splitlines() if line.strip()]
    lines.append(f"Unsubscribe: {link}")
    return "\n".join(lines)


def _html_footer(postal: str, link: str, workspace_name: str) -> str:
    address = "<br>".join(
        html_lib.escape(line.strip()) for line in postal.splitlines() if line.strip()
    )
    return (
        '<hr><p style="font-size:12px;color:#555">'
        f"{html_lib.escape(workspace_name)}{'<br>' + address if address else ''}<br>"
        f'<a href="{html_lib.escape(link)}">Unsubscribe</a> from these emails.</p>'
    )


def _append_html(body: str, footer: str) -> str:
    ends = [m.start() for m in _BODY_END.finditer(body)]
    if not ends:
        return body + footer
    return body[: ends[-1]] + footer + body[ends[-1] :]  # before the last </body>


def final_parts(email: dict, settings, workspace: dict | None) -> dict:
    """{"text", "html", "headers"} as they are sent: marketing rules applied."""
    text, html = email["body_text"] or "", email["body_html"] or ""
    if html and not text.strip():
        text = html_to_text(html)
    headers = dict(loads(email["headers"], {}))
    if email["kind"] == "marketing" and email["workspace_id"]:
        link = unsubscribe_url(settings, email)
        ws_settings = (workspace or {}).get("settings") or {}
        postal = ws_settings.get("postal_address") or ""
        name = (workspace or {}).get("name") or ""
        text = UNSUBSCRIBE_PLACEHOLDER.sub(link, text) + _text_footer(postal, link, name)
        if html:
            html = UNSUBSCRIBE_PLACEHOLDER.sub(html_lib.escape(link), html)
            html = _append_html(html, _html_footer(postal, link, name))
        headers["List-Unsubscribe"] = OneLine("List-Unsubscribe", f"<{link}>")
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return {"text": text, "html": html or None, "headers": headers}


def build_message(email: dict, settings, workspace: dict | None = None) -> EmailMessage:
    """The EmailMessage for an outbox row; raises ValueError/TypeError when it
    cannot be a valid message (e.g. a malformed address)."""
    parts = final_parts(email, settings, workspace)
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = email["to_addr"]
    message["Subject"] = header_safe(email["subject"])  # rows queued before subjects were cleaned
    # Stable per email: a retry is recognisably the same message.
    message["Message-ID"] = f"<{email['id']}@{sender_domain(settings.mail_from)}>"
    for name, value in parts["headers"].items():
        message[name] = value
    message.set_content(parts["text"])
    if parts["html"]:
        message.add_alternative(parts["html"], subtype="html")
    return message
