"""A real local HTTP receiver for webhook and Slack tests (a server thread)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify_signature(secret: str, body: bytes, header: str, now: float | None = None) -> bool:
    """The documented receiver algorithm (SPEC §18), written independently of the app:
    t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>, at most 5 minutes old."""
    parts = dict(p.split("=", 1) for p in header.split(","))
    t = int(parts["t"])
    if abs((now if now is not None else time.time()) - t) > 300:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


class Receiver:
    """Records every POST; answers with the statuses queued in ``answers`` (then 200)."""

    def __init__(self, port: int = 0):
        self.requests: list[dict] = []
        self.answers: list[int] = []
        self.body = b'{"ok": true}'
        self.delay = 0.0  # seconds before answering
        self.release = threading.Event()  # clear it to hold every answer until set again
        self.release.set()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with receiver.lock:
                    receiver.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "body": body}
                    )
                    status = receiver.answers.pop(0) if receiver.answers else 200
                    reply = receiver.body
                time.sleep(receiver.delay)
                receiver.release.wait(10)
                try:
                    self.answer(status, reply)
                except BrokenPipeError:
                    pass  # the sender gave up (its timeout, or it stopped)

            def answer(self, status, reply):
                self.send_response(status)
                if status in (301, 302, 307):
                    self.send_header("Location", "http://127.0.0.1:1/elsewhere")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def json(self, index: int = -1) -> dict:
        return json.loads(self.requests[index]["body"])
