"""The message as it leaves (SPEC §8), built from the outbox row: the same
function feeds delivery and the outbox page, so what a marketer reads there is
exactly what was (or would be) sent.

Marketing email gets the workspace's postal address and an unsubscribe link in
a footer of both parts, a ``{{unsubscribe_url}}`` placeholder in its body filled
with that link, and the ``List-Unsubscribe`` / ``List-Unsubscribe-Post`` headers
that mail clients use for one-click unsubscribe (RFC 8058). An HTML body without
a text part gets one derived from it."""

from __future__ import annotations

import base64
import binascii
import functools
import html as html_lib
import re
import secrets
from email.header import Header
from email.utils import formataddr, getaddresses, parseaddr

from app.db import loads
from app.services.consent import links as opt_in_links
from app.services.mail.html_text import html_to_text
from app.services.mail.outbox import header_safe
from app.services.mail.suppression import unsubscribe_url

UNSUBSCRIBE_PLACEHOLDER = re.compile(r"\{\{\s*unsubscribe_url\s*(?:\|[^{}|]*)?\}\}")
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)
_ADDRESS_HEADERS = frozenset({"from", "to", "cc", "reply-to", "sender"})
_NOT_IN_MAILBOX = re.compile(r'[\s<>"]')  # what would end an address on an SMTP command line
_BARE_ADDRESS = re.compile(r'[^\s<>"(),:;@\\\[\]]+@[^\s<>"(),:;@\\\[\]]+')  # no parsing needed
MAX_LINE = 78  # RFC 5322's recommended line length; text within it goes as is


@functools.lru_cache(maxsize=8)  # the one configured From, parsed once not per email
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
    text, html = opt_in_links.fill(email, settings, text, html)  # SPEC §19 double opt-in
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
        # One line however long: folding writes a value without spaces as is, so mail
        # clients find the <url> RFC 2369 asks for (no encoded-words).
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return {"text": text, "html": html or None, "headers": headers}


class OutgoingMessage:
    """A message as it goes over SMTP: header lines and a MIME body, written out
    here rather than by ``email.message.EmailMessage``, whose header parsing and
    refolding cost ~1-2 ms a message (most of a campaign's CPU, SPEC §14). The
    bytes DKIM signs are the bytes sent: nothing refolds them on the way out."""

    def __init__(self, sender: str, recipient: str, body: bytes):
        self.sender, self.recipients, self.body = sender, [recipient], body
        # SMTPUTF8 (RFC 6531): a non-ASCII address is sent, and headers written, as UTF-8.
        self.utf8 = not (sender + recipient).isascii()
        self._headers: list[tuple[str, str, bytes]] = []  # name, value as read, line as sent

    def __setitem__(self, name: str, value: str) -> None:
        self._headers.append((name, value, _header_line(name, value, self.utf8)))

    def prepend_raw(self, line: bytes) -> None:
        """A header line already folded by its maker (the DKIM signature) goes first."""
        name, _, value = line.decode().partition(":")
        self._headers.insert(0, (name, " ".join(value.split()), line))

    def keys(self) -> list[str]:
        return [n for n, _, _ in self._headers]

    def items(self) -> list[tuple[str, str]]:
        return [(n, v) for n, v, _ in self._headers]

    def as_bytes(self) -> bytes:
        return b"".join(line for _, _, line in self._headers) + b"\r\n" + self.body


def _header_line(name: str, value: str, utf8: bool) -> bytes:
    if "\r" in value or "\n" in value or "\0" in value:
        raise ValueError(f"the {name} header may not contain a line break")
    if value.isascii() or utf8:
        return _fold(f"{name}: {value}").encode()
    if name.lower() in _ADDRESS_HEADERS:  # only the display names are encoded
        pairs = getaddresses([value])
        return _fold(f"{name}: " + ", ".join(formataddr(p, "utf-8") for p in pairs)).encode()
    encoded = Header(value, "utf-8", header_name=name).encode(linesep="\r\n")  # RFC 2047
    return f"{name}: {encoded}\r\n".encode()


def _fold(line: str) -> str:
    """Break a header line at spaces to keep within 78 characters where it can.
    The first word of the value stays beside the name, and a word longer than a
    line (a URL) stays whole."""
    if len(line) <= MAX_LINE:
        return line + "\r\n"
    name, _, value = line.partition(" ")
    first, *words = value.split(" ")
    lines, current = [], f"{name} {first}"
    for word in words:
        if word and len(current) + 1 + len(word) > MAX_LINE:
            lines.append(current)
            current = " " + word
        else:
            current += " " + word
    return "\r\n".join([*lines, current]) + "\r\n"


def _encode_text(text: str) -> tuple[str, bytes]:
    """(Content-Transfer-Encoding, body): 7bit when the text is ASCII in short
    lines, else quoted-printable, or base64 when that is shorter (mostly
    non-Latin text), as the email package chooses; never 8bit, so no server needs
    8BITMIME."""
    lines = text.encode().splitlines()
    data = b"\r\n".join(lines) + b"\r\n"
    if data.isascii() and max(map(len, lines), default=0) <= MAX_LINE:
        return "7bit", data
    quoted = binascii.b2a_qp(data, istext=True)
    if data.isascii():  # long lines only: quoted-printable stays readable and small
        return "quoted-printable", quoted
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    return ("quoted-printable", quoted) if len(quoted) <= len(encoded) else ("base64", encoded)


def _text_headers(subtype: str, cte: str) -> list[tuple[str, str]]:
    return [
        ("Content-Type", f'text/{subtype}; charset="utf-8"'),
        ("Content-Transfer-Encoding", cte),
    ]


def _part(subtype: str, text: str) -> bytes:
    cte, body = _encode_text(text)
    head = "".join(f"{name}: {value}\r\n" for name, value in _text_headers(subtype, cte))
    return head.encode() + b"\r\n" + body


def _envelope_address(value: str, what: str) -> str:
    address = value if _BARE_ADDRESS.fullmatch(value) else parseaddr(value)[1]
    if not address or _NOT_IN_MAILBOX.search(address):
        raise ValueError(f"the {what} address {value!r} is not a valid email address")
    return address


@functools.lru_cache(maxsize=8)  # the one configured From
def _envelope_sender(mail_from: str) -> str:
    return _envelope_address(mail_from, "sender")


def build_message(email: dict, settings, workspace: dict | None = None) -> OutgoingMessage:
    """The message for an outbox row: plain text, or text and HTML as
    multipart/alternative. Raises ValueError/TypeError when it cannot be a
    valid message (e.g. a line break in an address)."""
    parts = final_parts(email, settings, workspace)
    if parts["html"]:
        text_part, html_part = _part("plain", parts["text"]), _part("html", parts["html"])
        # Stable per email; a text that happens to contain it gets a longer one.
        boundary = f"=_{email['id']}"
        while boundary.encode() in text_part or boundary.encode() in html_part:
            boundary += secrets.token_hex(4)
        mark = f"--{boundary}\r\n".encode()
        end = f"\r\n--{boundary}--\r\n".encode()
        body = mark + text_part + b"\r\n" + mark + html_part + end
        content = [("Content-Type", f'multipart/alternative; boundary="{boundary}"')]
    else:
        cte, body = _encode_text(parts["text"])
        content = _text_headers("plain", cte)
    message = OutgoingMessage(
        _envelope_sender(settings.mail_from),
        _envelope_address(email["to_addr"], "recipient"),
        body,
    )
    message["From"] = settings.mail_from
    message["To"] = email["to_addr"]
    message["Subject"] = header_safe(email["subject"])  # rows queued before subjects were cleaned
    # Stable per email: a retry is recognisably the same message.
    message["Message-ID"] = f"<{email['id']}@{sender_domain(settings.mail_from)}>"
    for name, value in parts["headers"].items():
        message[name] = value
    message["MIME-Version"] = "1.0"
    for name, value in content:
        message[name] = value
    return message
