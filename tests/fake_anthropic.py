"""A local fake of Anthropic's Messages API, for driving the real SDK over HTTP.

The anthropic SDK (2.x, built on httpx2) cannot take an httpx MockTransport, so
tests point ``base_url`` at this small threaded HTTP server instead. It plays a
scripted queue of replies, one per ``POST /v1/messages``, and records every
request it received.

Reuse from any test module:

    from tests.fake_anthropic import claude_settings, fake_anthropic  # noqa: F401

    async def test_x(fake_anthropic, tmp_path):
        fake_anthropic.script(("json", {"name": "Demo"}), ("status", 429, {"retry-after": "0"}))
        settings = claude_settings(tmp_path, fake_anthropic)
        ...
        assert fake_anthropic.requests[0].headers["authorization"] == "Bearer test-key"

To run the whole app on the claude engine (app, client, user fixtures), override
``settings`` in the test module:

    @pytest.fixture
    def settings(tmp_path, fake_anthropic):
        return claude_settings(tmp_path, fake_anthropic)

and close the engine's HTTP client at the end (``await app.state.llm.aclose()``)
until the app's lifespan does it.

Script items (tuples):
    ("json", dict [, usage])     -> a tool_use message whose input is the dict; the tool
                                    name is the one forced by tool_choice (or the first tool)
    ("text", str [, usage])      -> a text message (e.g. a JSON reply, or garbage)
    ("status", code [, headers [, message]]) -> an error with Anthropic's error JSON body
                                    (429 -> rate_limit_error, 529 -> overloaded_error, ...)
    ("sleep", seconds)           -> hold the request that long (the client times out first)
    ("drop",)                    -> close the connection without an answer
    callable(request) -> item    -> decide from the received FakeRequest
``usage`` is {"input_tokens": n, "output_tokens": m}; by default both are
estimated from the sizes of the request and the reply. When the queue is
empty the server answers 500 "script exhausted", so a test that makes more
calls than it scripted fails loudly.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    503: "api_error",
    529: "overloaded_error",
}


@dataclass
class FakeRequest:
    path: str
    headers: dict  # lower-cased names
    body: dict = field(default_factory=dict)

    @property
    def forced_tool(self) -> str | None:
        choice = self.body.get("tool_choice") or {}
        return choice.get("name") if choice.get("type") == "tool" else None

    @property
    def last_user_text(self) -> str:
        """The text of the last user message (handy to assert what a re-prompt said)."""
        for message in reversed(self.body.get("messages", [])):
            if message.get("role") == "user":
                content = message.get("content")
                if isinstance(content, str):
                    return content
                return "\n".join(b.get("text", "") for b in content if isinstance(b, dict))
        return ""


class FakeAnthropic:
    """The server. ``.url`` is the base URL to give the SDK."""

    def __init__(self):
        self.requests: list[FakeRequest] = []
        self._queue: deque = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ids = itertools.count(1)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- scripting ---------------------------------------------------------
    def script(self, *items) -> FakeAnthropic:
        with self._lock:
            self._queue.extend(items)
        return self

    @property
    def pending(self) -> int:
        """How many scripted replies have not been played yet."""
        with self._lock:
            return len(self._queue)

    @property
    def calls(self) -> int:
        return len(self.requests)

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> FakeAnthropic:
        self._thread.start()
        return self

    def close(self):
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # -- serving -----------------------------------------------------------
    def _next_item(self, request: FakeRequest):
        with self._lock:
            self.requests.append(request)
            item = (
                self._queue.popleft()
                if self._queue
                else ("status", 500, {}, "fake_anthropic: script exhausted")
            )
        return item(request) if callable(item) else item

    def message(self, request: FakeRequest, content: list, usage: dict | None) -> dict:
        produced = json.dumps(content)
        stop = "tool_use" if any(b["type"] == "tool_use" for b in content) else "end_turn"
        return {
            "id": f"msg_fake{next(self._ids):06d}",
            "type": "message",
            "role": "assistant",
            "model": request.body.get("model", "claude-fake"),
            "content": content,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": usage
            or {
                "input_tokens": max(1, len(json.dumps(request.body)) // 4),
                "output_tokens": max(1, len(produced) // 4),
            },
        }

    def _tool_name(self, request: FakeRequest) -> str:
        if request.forced_tool:
            return request.forced_tool
        tools = request.body.get("tools") or [{}]
        return tools[0].get("name", "output")

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                request = FakeRequest(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
                if not self.path.split("?")[0].endswith("/v1/messages"):
                    return self._send(
                        404,
                        {
                            "type": "error",
                            "error": {"type": "not_found_error", "message": self.path},
                        },
                    )
                self._play(request, fake._next_item(request))

            def _play(self, request, item):
                kind = item[0]
                usage = item[2] if len(item) > 2 and kind in ("json", "text") else None
                if kind == "json":
                    block = {
                        "type": "tool_use",
                        "id": f"toolu_fake{next(fake._ids):06d}",
                        "name": fake._tool_name(request),
                        "input": item[1],
                    }
                    self._send(200, fake.message(request, [block], usage))
                elif kind == "text":
                    self._send(
                        200, fake.message(request, [{"type": "text", "text": item[1]}], usage)
                    )
                elif kind == "status":
                    code = item[1]
                    headers = item[2] if len(item) > 2 else {}
                    message = item[3] if len(item) > 3 else f"fake error {code}"
                    error = {
                        "type": "error",
                        "error": {"type": ERROR_TYPES.get(code, "api_error"), "message": message},
                    }
                    self._send(code, error, headers)
                elif kind == "sleep":
                    fake._stop.wait(item[1])
                    self._send(
                        500, {"type": "error", "error": {"type": "api_error", "message": "slept"}}
                    )
                elif kind == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                else:
                    raise ValueError(f"unknown fake_anthropic script item {item!r}")

            def _send(self, status, payload, headers=None):
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.send_header("request-id", f"req_fake{next(fake._ids):06d}")
                    for name, value in (headers or {}).items():
                        self.send_header(name, str(value))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

        return Handler


@pytest.fixture
def fake_anthropic():
    """A running FakeAnthropic server; script it with ``.script(...)``."""
    with FakeAnthropic() as server:
        yield server


def claude_settings(tmp_path: Path, fake: FakeAnthropic, **overrides):
    """Settings for the claude engine pointed at the fake server, with tiny retry delays."""
    from tests.conftest import make_settings

    values = dict(
        llm="claude",
        anthropic_api_key="test-key",
        anthropic_base_url=fake.url,
        retry_base_seconds=0.01,
        llm_timeout=1.0,
    )
    values.update(overrides)
    return make_settings(tmp_path, **values)
