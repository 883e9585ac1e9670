"""A site that embeds the chat, served from its own loopback port.

The widget must work where site owners put it: on another origin than the chat server,
under the site's own Content Security Policy. This module renders such a host page and
serves it from a real HTTP server in a thread, so that Chromium sees two origins (this
server and the chat server), a cross-origin loader and a cross-origin websocket.

    with HostPages() as site:
        url = site.url(chat.origin, lang="en-GB", csp=True)

`examples/host.html` and `examples/strict-csp.html` are `render_host_page(EXAMPLE_CHAT_ORIGIN)`
and `render_host_page(EXAMPLE_CHAT_ORIGIN, csp=True)`; a test keeps them equal.
"""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.support.loopback_http import LoopbackHTTPServer

EXAMPLE_CHAT_ORIGIN = "http://127.0.0.1:8000"

_TEXTS = {
    "de": {
        "title": "Fahrradladen Beispiel – Startseite",
        "site": "Fahrradladen Beispiel",
        "nav": "Hauptnavigation",
        "links": (("Räder", "/raeder"), ("Werkstatt", "/werkstatt"), ("Kontakt", "/kontakt")),
        "h1": "Willkommen im Fahrradladen",
        "intro": "Wir verkaufen und reparieren Fahrräder. Fragen beantwortet unser Chat unten auf der Seite.",
        "h2": "Öffnungszeiten",
        "hours": "Montag bis Freitag 9–18 Uhr, Samstag 9–14 Uhr.",
        "footer": "Dies ist eine Beispielseite für die Einbindung von Klarchat.",
    },
    "en": {
        "title": "Example Bike Shop – Home",
        "site": "Example Bike Shop",
        "nav": "Main navigation",
        "links": (("Bikes", "/bikes"), ("Workshop", "/workshop"), ("Contact", "/contact")),
        "h1": "Welcome to the bike shop",
        "intro": "We sell and repair bicycles. Our chat at the bottom of the page answers questions.",
        "h2": "Opening hours",
        "hours": "Monday to Friday 9 am – 6 pm, Saturday 9 am – 2 pm.",
        "footer": "This is an example page that embeds Klarchat.",
    },
}


def ws_origin(chat_origin: str) -> str:
    """`http://host:port` -> `ws://host:port`, `https://…` -> `wss://…`."""
    scheme, rest = chat_origin.rstrip("/").split("://", 1)
    return ("wss" if scheme == "https" else "ws") + "://" + rest


def strict_csp(chat_origin: str) -> str:
    """The policy of the strict-CSP page: nothing but the chat server's script, style,
    images and websocket; no inline script or style, no eval, nothing from the site itself."""
    origin = chat_origin.rstrip("/")
    return (
        "default-src 'none'; "
        f"script-src {origin}; "
        f"style-src {origin}; "
        f"connect-src {ws_origin(origin)}; "
        f"img-src {origin}"
    )


def render_host_page(
    chat_origin: str,
    *,
    lang: str | None = "de",
    data_lang: str | None = None,
    position: str | None = None,
    csp: bool = False,
) -> str:
    """A plain site page whose only script is the one-line Klarchat embed.

    `lang=None` leaves out `<html lang>` (a page that states no language).
    """
    origin = chat_origin.rstrip("/")
    texts = _TEXTS["en" if (lang or "").lower().startswith("en") else "de"]
    e = html.escape
    attributes = (
        f' data-site="shop"{_attr("data-lang", data_lang)}{_attr("data-position", position)}'
    )
    head_policy = ""
    if csp:
        policy = strict_csp(origin)
        head_policy = (
            "\n  <!--\n"
            "    Strict-CSP example. Served with the HTTP response header\n"
            f"      Content-Security-Policy: {policy}\n"
            "    (the same policy is repeated in the meta tag below, so that this file enforces it\n"
            "    from any static file server too). Replace the chat origin with yours; with https\n"
            "    the websocket origin is wss://chat.example.com. Klarchat needs no 'unsafe-inline',\n"
            "    no 'unsafe-eval' and no nonce: its UI styles are a constructed stylesheet.\n"
            "  -->\n"
            f'  <meta http-equiv="Content-Security-Policy" content="{_attr_value(policy)}">'
        )
    links = "\n".join(
        f'        <li><a href="{e(path)}">{e(name)}</a></li>' for name, path in texts["links"]
    )
    return f"""<!doctype html>
<html{_attr("lang", lang)}>
<head>
  <meta charset="utf-8">{head_policy}
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(texts["title"])}</title>
</head>
<body>
  <header>
    <p>{e(texts["site"])}</p>
    <nav aria-label="{e(texts["nav"])}">
      <ul>
{links}
      </ul>
    </nav>
  </header>
  <main>
    <h1>{e(texts["h1"])}</h1>
    <p>{e(texts["intro"])}</p>
    <h2>{e(texts["h2"])}</h2>
    <p>{e(texts["hours"])}</p>
  </main>
  <footer>
    <p>{e(texts["footer"])}</p>
  </footer>
  <!--
    The whole Klarchat embed is this one line. Optional attributes:
      data-lang="de" | "en"                     (default: this page's <html lang>, else "de")
      data-position="bottom-right" | "bottom-left"
    Add this site's origin to allowed_origins in the chat server's klarchat.toml.
  -->
  <script src="{e(origin)}/klarchat.js"{attributes} defer></script>
</body>
</html>
"""


def _attr(name: str, value: str | None) -> str:
    return "" if value is None else f' {name}="{_attr_value(value)}"'


def _attr_value(value: str) -> str:
    """Escaped for a double-quoted attribute; single quotes stay readable (`'none'`)."""
    return html.escape(value, quote=False).replace('"', "&quot;")


class HostPages:
    """A real HTTP server on its own loopback port that serves host pages.

    `GET /?chat=<chat origin>&lang=..&data_lang=..&position=..` is the plain page,
    `GET /strict-csp?...` the same page with the strict `Content-Security-Policy` header.
    `/favicon.ico` is an empty 204, anything else 404. The paths requested are recorded
    in `requests`.
    """

    def __init__(self) -> None:
        self._server: LoopbackHTTPServer | None = None
        self._lock = threading.Lock()
        self._requests: list[str] = []

    def __enter__(self) -> HostPages:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> HostPages:
        self._server = LoopbackHTTPServer(_Handler, self)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        self._server = None

    @property
    def origin(self) -> str:
        if self._server is None:
            raise RuntimeError("HostPages is not running")
        return f"http://127.0.0.1:{self._server.port}"

    @property
    def requests(self) -> list[str]:
        with self._lock:
            return list(self._requests)

    def url(
        self,
        chat_origin: str,
        *,
        lang: str | None = "de",
        data_lang: str | None = None,
        position: str | None = None,
        csp: bool = False,
    ) -> str:
        query = {"chat": chat_origin, "lang": "" if lang is None else lang}
        if data_lang is not None:
            query["data_lang"] = data_lang
        if position is not None:
            query["position"] = position
        return f"{self.origin}/{'strict-csp' if csp else ''}?{urlencode(query)}"

    def _record(self, path: str) -> None:
        with self._lock:
            self._requests.append(path)


class _Handler(BaseHTTPRequestHandler):
    server: LoopbackHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: pytest output should show test failures, not access logs."""

    def do_GET(self) -> None:
        self.server.owner._record(self.path)
        parts = urlsplit(self.path)
        query = {
            key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()
        }
        if parts.path == "/favicon.ico":  # the browser asks on its own; the site has none
            self._send(204, b"", {})
            return
        if parts.path not in ("/", "/strict-csp") or "chat" not in query:
            self._send(404, b"not found", {"Content-Type": "text/plain; charset=utf-8"})
            return
        csp = parts.path == "/strict-csp"
        page = render_host_page(
            query["chat"],
            lang=query.get("lang", "de") or None,
            data_lang=query.get("data_lang"),
            position=query.get("position"),
            csp=csp,
        )
        headers = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
        if csp:
            headers["Content-Security-Policy"] = strict_csp(query["chat"])
        self._send(200, page.encode(), headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
