"""A real HTTP server that impersonates an OpenAI-compatible chat provider.

Tests talk to it over a real socket instead of mocking httpx, so they exercise what
production does: headers, chunked streaming, Server-Sent Events, timeouts and,
above all, whether Klarchat closes the connection when a stream must stop (the
provider then stops generating, and no more text is processed after a withdrawal).

    with FakeProvider() as provider:
        provider.reply_text = "Hallo!"
        adapter = OpenAICompatibleAdapter({"base_url": provider.base_url, "model": "m"})
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any

from tests.support.loopback_http import LoopbackHTTPServer

_POLL_S = 0.02


class FakeProvider:
    """Behaviour is controlled by plain attributes, read at the moment a request arrives.

    `events`, when not None, replaces the generated chunks with these raw `data:`
    payloads (for malformed streams); `[DONE]` is still sent after them.
    """

    def __init__(self) -> None:
        self.reply_text = ""
        self.chunk_chars = 0
        self.delay_s = 0.0
        self.status = 0
        self.hang_s = 0.0
        self.events: list[str] | None = None
        self.reset()
        self._lock = threading.Condition()
        self._requests: list[dict[str, Any]] = []
        self._raw_bodies: list[bytes] = []
        self._headers: list[dict[str, str]] = []
        self._disconnects = 0
        self._stopping = threading.Event()
        self._server: LoopbackHTTPServer | None = None

    def reset(self, reply_text: str = "Hello from the fake provider.") -> None:
        """Back to a prompt, healthy provider; the recorded requests are kept."""
        self.reply_text = reply_text
        self.chunk_chars = 5
        self.delay_s = 0.0
        self.status = 200
        self.hang_s = 0.0
        self.events = None

    def __enter__(self) -> FakeProvider:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        self._stopping.clear()
        self._server = LoopbackHTTPServer(_Handler, self)

    def stop(self) -> None:
        """Also wakes handlers that are hanging or pausing, so a test never waits on them."""
        self._stopping.set()
        if self._server is not None:
            self._server.close()
        self._server = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeProvider is not running")
        return self._server.port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        """A snapshot, so a test can read it while a handler thread appends."""
        with self._lock:
            return list(self._requests)

    @property
    def raw_bodies(self) -> list[bytes]:
        with self._lock:
            return list(self._raw_bodies)

    @property
    def headers(self) -> list[dict[str, str]]:
        """Header names are lower-cased, as HTTP treats them case-insensitively."""
        with self._lock:
            return list(self._headers)

    @property
    def disconnects(self) -> int:
        """Streams that ended because the client went away before the last byte."""
        with self._lock:
            return self._disconnects

    def wait_for_requests(self, n: int, timeout: float = 5.0) -> None:
        self._wait(lambda: len(self._requests) >= n, timeout, f"{n} request(s)")

    def wait_for_disconnects(self, n: int, timeout: float = 5.0) -> None:
        self._wait(lambda: self._disconnects >= n, timeout, f"{n} disconnect(s)")

    def _wait(self, condition: Any, timeout: float, what: str) -> None:
        with self._lock:
            if not self._lock.wait_for(condition, timeout):
                raise TimeoutError(f"FakeProvider did not see {what} within {timeout} s")

    def _record(self, raw: bytes, body: dict[str, Any], headers: dict[str, str]) -> None:
        with self._lock:
            self._raw_bodies.append(raw)
            self._requests.append(body)
            self._headers.append(headers)
            self._lock.notify_all()

    def _record_disconnect(self) -> None:
        with self._lock:
            self._disconnects += 1
            self._lock.notify_all()


class _ClientGone(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 with chunked encoding, as real providers stream; it also keeps the
    # connection open, so a test sees whether the client closes it early.
    protocol_version = "HTTP/1.1"
    server: LoopbackHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: pytest output should show test failures, not access logs."""

    def do_POST(self) -> None:
        provider: FakeProvider = self.server.owner
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            body = json.loads(raw)
        except ValueError:
            self._send_json(
                400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}}
            )
            return
        provider._record(raw, body, {name.lower(): value for name, value in self.headers.items()})
        try:
            self._pause(provider.hang_s)
            if not self.path.endswith("/chat/completions"):
                self._send_json(404, {"error": {"message": "unknown path", "type": "not_found"}})
            elif provider.status >= 400:
                self._send_json(
                    provider.status, {"error": {"message": "fake failure", "type": "server_error"}}
                )
            else:
                self._stream(provider, str(body.get("model", "")))
        except (_ClientGone, BrokenPipeError, ConnectionResetError):
            provider._record_disconnect()
            self.close_connection = True

    def _stream(self, provider: FakeProvider, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for index, payload in enumerate(self._payloads(provider, model)):
            if index:
                self._pause(provider.delay_s)
            self._write_chunk(f"data: {payload}\n\n".encode())
        self._write_chunk(b"")

    def _payloads(self, provider: FakeProvider, model: str) -> list[str]:
        if provider.events is not None:
            return [*provider.events, "[DONE]"]
        text, size = provider.reply_text, max(1, provider.chunk_chars)
        deltas = [{"role": "assistant", "content": ""}]
        deltas += [{"content": text[start : start + size]} for start in range(0, len(text), size)]
        chunks = [_chunk(model, delta, None) for delta in deltas]
        return [*chunks, _chunk(model, {}, "stop"), "[DONE]"]

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _send_json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _pause(self, seconds: float) -> None:
        """Wait, but notice at once when the client hangs up, as a real provider would.

        A closed client makes the socket readable with nothing to read; waiting on
        that instead of sleeping detects the disconnect without having to write.
        """
        deadline = time.monotonic() + seconds
        while (
            remaining := deadline - time.monotonic()
        ) > 0 and not self.server.owner._stopping.is_set():
            readable, _, _ = select.select([self.connection], [], [], min(remaining, _POLL_S))
            if readable and not self.connection.recv(1, socket.MSG_PEEK):
                raise _ClientGone


def _chunk(model: str, delta: dict[str, str], finish_reason: str | None) -> str:
    return json.dumps(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        }
    )
