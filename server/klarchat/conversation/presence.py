"""Which operators can take a conversation now.

An operator is available while they have said so and have the console open (its live
stream): a closed laptop must not leave visitors waiting for somebody who is gone. Held in
memory; a restart makes everybody unavailable until their console reconnects.
"""

from __future__ import annotations

from collections import Counter


class Presence:
    def __init__(self) -> None:
        self._willing: set[str] = set()
        self._streams: Counter[str] = Counter()

    def set_available(self, username: str, available: bool) -> None:
        if available:
            self._willing.add(username)
        else:
            self._willing.discard(username)

    def is_willing(self, username: str) -> bool:
        return username in self._willing

    def stream_opened(self, username: str) -> None:
        self._streams[username] += 1

    def stream_closed(self, username: str) -> None:
        self._streams[username] -= 1
        if self._streams[username] <= 0:
            del self._streams[username]

    def available(self) -> list[str]:
        return sorted(name for name in self._willing if self._streams[name] > 0)
