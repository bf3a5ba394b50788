"""How mail leaves the outbox (SPEC §8): a ``Mailer`` sends one message. With
an SMTP URL that is ``SmtpMailer`` (a small pool of open connections, reused
across emails); without one, ``OutboxOnlyMailer`` sends nothing and mail stays
queued and visible on /outbox."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit

import aiosmtplib

if TYPE_CHECKING:
    from app.services.mail.compose import OutgoingMessage

log = logging.getLogger("formagent.mail")

SMTP_TIMEOUT_SECONDS = 10.0


class Mailer(Protocol):
    sends: bool  # False: nothing leaves, the outbox keeps the mail queued

    async def send(self, message: OutgoingMessage) -> None:
        """Deliver ``message`` or raise (aiosmtplib.SMTPException, OSError, TimeoutError)."""

    async def aclose(self) -> None: ...


class OutboxOnlyMailer:
    """No SMTP configured: mail is kept, not sent (the /outbox banner says so)."""

    sends = False

    async def send(self, message: OutgoingMessage) -> None:
        raise RuntimeError("no SMTP server is configured; the email stays in the outbox")

    async def aclose(self) -> None:
        return None


def smtp_options(url: str) -> dict:
    parts = urlsplit(url)
    tls = parts.scheme == "smtps"
    return {
        "hostname": parts.hostname or "localhost",
        "port": parts.port or (465 if tls else 25),
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "use_tls": tls,
        "start_tls": False if tls else None,
    }


# A reused connection the server has since closed (idle timeout, restart) fails
# like this; a fresh connection is tried once before the error counts.
_STALE = (aiosmtplib.SMTPServerDisconnected, ConnectionError)


class SmtpMailer:
    """At most ``pool_size`` open connections, each used by one send at a time.
    A connection goes back to the pool only after a successful send; any error
    closes it, so a half-finished SMTP conversation is never reused."""

    sends = True

    def __init__(self, url: str, *, pool_size: int = 2, timeout: float = SMTP_TIMEOUT_SECONDS):
        self._options = smtp_options(url)
        self._timeout = timeout
        self._idle: list[aiosmtplib.SMTP] = []
        self.pool_size = max(1, pool_size)  # bulk senders keep this many sends in flight
        self._slots = asyncio.Semaphore(self.pool_size)
        self.connections_opened = 0  # for the logs and tests: reuse shows as a low count

    async def send(self, message: OutgoingMessage) -> None:
        async with self._slots:
            client = self._idle.pop() if self._idle else None
            if client is not None and client.is_connected:
                try:
                    await _send_or_close(client, message)
                    self._idle.append(client)
                    return
                except _STALE:
                    log.info("SMTP connection closed by the server; reconnecting")
            client = await self._connect()
            await _send_or_close(client, message)
            self._idle.append(client)

    async def _connect(self) -> aiosmtplib.SMTP:
        client = aiosmtplib.SMTP(timeout=self._timeout, **self._options)
        await client.connect()
        self.connections_opened += 1
        return client

    async def aclose(self) -> None:
        idle, self._idle = self._idle, []
        for client in idle:
            with contextlib.suppress(aiosmtplib.SMTPException, OSError, TimeoutError):
                await client.quit(timeout=2)
            client.close()


async def _send_or_close(client: aiosmtplib.SMTP, message: OutgoingMessage) -> None:
    try:
        await client.sendmail(
            message.sender,
            message.recipients,
            message.as_bytes(),
            mail_options=["SMTPUTF8"] if message.utf8 else [],
        )
    except BaseException:
        client.close()
        raise


def make_mailer(settings) -> Mailer:
    """One pool per process, sized to the workers that send in parallel."""
    if not settings.smtp_url:
        return OutboxOnlyMailer()
    return SmtpMailer(settings.smtp_url, pool_size=max(1, settings.workers))
