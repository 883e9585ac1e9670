"""Security headers on every HTTP response, chosen by what the path serves.

The server's own pages (demo, privacy notice, console) load nothing from elsewhere, so a
strict Content-Security-Policy costs nothing and may not be framed by other sites. The
scripts are meant to be embedded by other sites: they say so
(`Cross-Origin-Resource-Policy: cross-origin`) and are never sniffed as another type.
Nothing the server sends needs a referrer. A header a route sets itself (the console's own
policy) is left as it is.

A plain ASGI middleware, so that streamed responses (server-sent events) and the
websocket pass through untouched.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from klarchat.web.pages import CACHE_SCRIPTS

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
EVERYWHERE = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}
EMBEDDED = {"cross-origin-resource-policy": "cross-origin"}
PAGES = {
    "content-security-policy": PAGE_POLICY,
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
}


def headers_for(path: str) -> dict[str, str]:
    if path.startswith("/static/"):
        return {**EVERYWHERE, **EMBEDDED, "cache-control": CACHE_SCRIPTS}
    if path == "/klarchat.js":
        return {**EVERYWHERE, **EMBEDDED}
    return {**EVERYWHERE, **PAGES}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = headers_for(scope["path"])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in wanted.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)
