"""Outbound HTTP to URLs that tenants type in (webhooks, Slack): SPEC §18.

A URL a tenant controls must not reach into our own network (server-side
request forgery): the host is resolved here, EVERY address it resolves to must
be public (not loopback, private, link-local, unique-local, multicast or
otherwise reserved), and the request then connects to the address that was
checked (the Host header and the TLS server name keep the original host), so a
DNS server that answers differently the second time ("rebinding") cannot switch
the target after the check. Redirects are never followed, the whole exchange is
capped by a timeout, and only the first KB of the answer is read.

``Settings.webhook_allow_private`` (FORMAGENT_WEBHOOK_ALLOW_PRIVATE=1) lifts the
address check for development and tests.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from functools import lru_cache

import httpx

MAX_URL_CHARS = 2000
RESPONSE_KEPT_BYTES = 1024


class TargetRefused(ValueError):
    """A URL we will not call; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class Outcome:
    status: int | None  # None: no HTTP answer (refused, timeout, connection error)
    duration_ms: int
    excerpt: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def check_url(url) -> httpx.URL:
    """The parsed URL when it is a plausible http(s) target, else TargetRefused."""
    if not isinstance(url, str) or not url.strip():
        raise TargetRefused("Enter the URL that should receive the requests.")
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise TargetRefused(f"Use a URL of at most {MAX_URL_CHARS} characters.")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise TargetRefused("This is not a valid URL.") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise TargetRefused("Use an http:// or https:// URL with a host name.")
    if parsed.userinfo:
        raise TargetRefused(
            "Put credentials in the path or a query parameter, not before the host."
        )
    return parsed


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return ip.is_global and not ip.is_multicast


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to fake DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


async def checked_addresses(url: httpx.URL, *, allow_private: bool) -> list[str]:
    """Resolve the URL's host and refuse it unless every address is public."""
    host, port = url.host, url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = await asyncio.to_thread(resolve_host, host, port)
        except (OSError, UnicodeError):
            raise TargetRefused(f"The host {host} could not be found (DNS).") from None
    if not addresses:
        raise TargetRefused(f"The host {host} could not be found (DNS).")
    if not allow_private:
        for address in addresses:
            if not _is_public(ipaddress.ip_address(address.split("%")[0])):
                raise TargetRefused(
                    f"{host} points to {address}, a private, loopback or link-local address:"
                    " use a public URL."
                )
    return addresses


# Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
# algorithm and the receiver's delayed ACK hold the body back (≈ 2× per request).
_NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for every call (building one costs ~10 ms)."""
    return ssl.create_default_context()


def _pinned(url: httpx.URL, address: str) -> tuple[httpx.URL, dict, dict]:
    """The URL rewritten to the checked address, the Host header and the TLS name."""
    ip = ipaddress.ip_address(address.split("%")[0])
    target = url.copy_with(host=str(ip))
    host_header = url.netloc.decode("ascii")  # host[:port] as typed, IPv6 in brackets
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return target, {"Host": host_header}, extensions


async def _read_some(response: httpx.Response) -> bytes:
    kept = b""
    async for chunk in response.aiter_raw():
        kept += chunk
        if len(kept) >= RESPONSE_KEPT_BYTES:
            break
    return kept[:RESPONSE_KEPT_BYTES]


class OutboundPool:
    """Kept-alive clients, one per (scheme, host name, checked address, port): a
    connection, TLS session included, is only ever reused for the same host name
    at the same address. The app holds one (``app.state.outbound``) and closes it
    on shutdown; a burst of deliveries to one receiver then skips the TCP and TLS
    handshakes."""

    MAX_CLIENTS = 64

    def __init__(self, concurrency: int = 0):
        self._clients: dict[tuple, httpx.AsyncClient] = {}
        self.concurrency = concurrency
        self._calls: set[asyncio.Task] = set()

    def spawn(self, make_call) -> bool:
        """Run ``make_call()`` (a coroutine) beside the job workers if fewer than
        ``concurrency`` calls are in flight; False means: make the call yourself."""
        if len(self._calls) >= self.concurrency:
            return False
        task = asyncio.create_task(make_call())
        self._calls.add(task)
        task.add_done_callback(self._calls.discard)
        return True

    async def drain(self) -> None:
        """Wait for the calls in flight (tests; shutdown cancels them instead)."""
        while self._calls:
            await asyncio.gather(*list(self._calls), return_exceptions=True)

    def client(self, key: tuple, timeout: float) -> httpx.AsyncClient:
        client = self._clients.pop(key, None)
        if client is None:
            client = _new_client(timeout)
            if len(self._clients) >= self.MAX_CLIENTS:  # drop the least recently used
                oldest = next(iter(self._clients))
                asyncio.ensure_future(self._clients.pop(oldest).aclose())
        self._clients[key] = client  # most recently used last
        return client

    async def aclose(self) -> None:
        calls = list(self._calls)
        for call in calls:
            call.cancel()  # each hands its delivery back (app/services/integrations/delivery.py)
        await asyncio.gather(*calls, return_exceptions=True)
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


def _new_client(timeout: float) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(verify=_tls(), socket_options=_NODELAY, retries=0)
    return httpx.AsyncClient(
        transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
    )


async def _exchange(client, target, body, headers, extensions) -> tuple[int, bytes]:
    """(status, the first KB of the answer); the rest is never read."""
    request = client.build_request(
        "POST", target, content=body, headers=headers, extensions=extensions
    )
    response = await client.send(request, stream=True)
    try:
        return response.status_code, await _read_some(response)
    finally:
        await response.aclose()


async def post(
    url: str,
    body: bytes,
    headers: dict,
    *,
    timeout: float,
    allow_private: bool,
    pool: OutboundPool | None = None,
) -> Outcome:
    """POST ``body`` to ``url`` under the rules above; never raises for the
    target's faults (they are in the Outcome). With ``pool``, connections are kept alive."""
    started = time.monotonic()

    def done(status=None, excerpt="", error=None) -> Outcome:
        elapsed = int((time.monotonic() - started) * 1000)
        return Outcome(status, elapsed, excerpt, error)

    try:
        parsed = check_url(url)
        addresses = await checked_addresses(parsed, allow_private=allow_private)
        target, host, extensions = _pinned(parsed, addresses[0])
        async with asyncio.timeout(timeout):
            sent = {**headers, **host}
            if pool is None:
                async with _new_client(timeout) as client:
                    status, kept = await _exchange(client, target, body, sent, extensions)
            else:
                key = (parsed.scheme, parsed.host, addresses[0], parsed.port, timeout)
                client = pool.client(key, timeout)
                status, kept = await _exchange(client, target, body, sent, extensions)
        return done(status, kept.decode("utf-8", "replace"))
    except TargetRefused as refused:
        return done(error=str(refused))
    except TimeoutError:
        return done(error=f"No answer within {timeout:g} s.")
    except httpx.TimeoutException:
        return done(error=f"No answer within {timeout:g} s.")
    except (httpx.HTTPError, OSError, ssl.SSLError) as exc:
        return done(error=f"Could not connect: {type(exc).__name__}: {exc}"[:500])
