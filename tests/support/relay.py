"""The page's websocket to the real chat server, with frames from the test put in.

For widget states that a test wants to reach exactly and at once (the handoff's, say),
without the server having to get there: everything else is the real server's.
"""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.async_api import Page, WebSocketRoute

from tests.browser.conftest import eventually
from tests.support.protocol_check import check_server_frame


class Relay:
    """The page's websocket to the real chat server, with frames from the test added in.

    Everything the page sends is recorded in `sent` and passed on, except the `handoff`
    frames (request, cancel): the test plays the server's handoff side, and the real one
    would answer them too (e.g. "unavailable": nobody is online). Everything the server
    sends reaches the page unchanged.
    """

    def __init__(self) -> None:
        self.route: WebSocketRoute | None = None
        self.sent: list[dict[str, Any]] = []

    async def attach(self, page: Page) -> None:
        def connect(ws: WebSocketRoute) -> None:
            server = ws.connect_to_server()

            def forward(message: str | bytes) -> None:
                frame = json.loads(message)
                self.sent.append(frame)
                if frame.get("type") != "handoff":
                    server.send(message)

            ws.on_message(forward)
            self.route = ws

        await page.route_web_socket(re.compile(r"/ws$"), connect)

    def push(self, frame: dict[str, Any]) -> None:
        """A frame to the page as if the server had sent it (checked against the schema)."""
        check_server_frame(frame)
        assert self.route is not None, "the page has no websocket yet"
        self.route.send(json.dumps(frame))

    def handoff(self, state: str, **fields: Any) -> None:
        self.push({"type": "handoff", "state": state, **fields})

    async def wait_for(self, after: int = 0, **match: Any) -> dict[str, Any]:
        """The first frame the page sent (after the first `after`) whose fields include `match`."""

        def found() -> dict[str, Any] | None:
            return next((f for f in self.sent[after:] if match.items() <= f.items()), None)

        await eventually(lambda: found() is not None, f"the page to send {match}")
        frame = found()
        assert frame is not None
        return frame
