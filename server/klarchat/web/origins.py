"""Telling the site owner which origin was refused, and which setting admits it.

A browser gets no status code from a websocket refused at the handshake, and the
server's generic "403 Forbidden" line names neither the site nor the fix. So a refused
socket is accepted and closed at once with `REFUSED_ORIGIN` (before any frame is read:
nothing is processed for that origin), which the widget shows as "not allowed here"
instead of retrying; and the server writes one line per origin and minute.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger("klarchat.origins")

REFUSED_ORIGIN = 4403
"""Websocket close code: this page's origin may not open chats (documented in the README)."""
REPEAT_AFTER_S = 60.0
_MAX_REMEMBERED = 1024
_MAX_SHOWN = 200


class RefusedOrigins:
    """Logs each refused origin at most once a minute, so a page left open does not
    flood the log (and a client forging many origins cannot grow the memory)."""

    def __init__(self, monotonic: Callable[[], float]) -> None:
        self._monotonic = monotonic
        self._logged: dict[str, float] = {}

    def refused(self, origin: str) -> None:
        now = self._monotonic()
        last = self._logged.get(origin)
        if last is not None and now - last < REPEAT_AFTER_S:
            return
        if len(self._logged) >= _MAX_REMEMBERED:
            self._logged.clear()
        self._logged[origin] = now
        logger.warning(
            "refused a chat from origin %r: it is neither in allowed_origins nor the "
            "public_url; if that site may embed the chat, add it to allowed_origins "
            "(klarchat.toml or KLARCHAT_ALLOWED_ORIGINS), or set public_url if it is this "
            "server's own address",
            origin[:_MAX_SHOWN],
        )
