"""Who may open a chat socket now: caps on connections, in total and per client address,
and on handshakes per address and minute.

A widget on public pages can be reached by anyone, and each socket costs memory; without
caps a loop of connect-and-hello grows the server without bound. Addresses are counted in
memory only, never stored or logged, and forgotten as soon as their count is back to zero
and their last handshake is a minute old. Behind a reverse proxy the address is the one
the proxy reports (`trusted_proxies`), so that one visitor cannot exhaust another's share.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Refusal = Literal["server_full", "too_many_connections", "too_many_handshakes"]
WINDOW_S = 60.0


@dataclass(slots=True)
class _Address:
    open: int = 0
    handshakes: deque[float] = field(default_factory=deque)


class Admission:
    def __init__(
        self,
        *,
        max_connections: int,
        max_per_address: int,
        handshakes_per_minute: int,
        clock: Callable[[], float],
    ) -> None:
        self._max = max_connections
        self._per_address = max_per_address
        self._per_minute = handshakes_per_minute
        self._clock = clock
        self._open = 0
        self._addresses: dict[str, _Address] = {}
        self._swept = clock()

    @property
    def open(self) -> int:
        return self._open

    @property
    def addresses_held(self) -> int:
        """How many addresses are in memory now (the bound the tests check)."""
        return len(self._addresses)

    def admit(self, address: str) -> Refusal | None:
        """Count the connection in, or say why not (nothing is counted then)."""
        now = self._clock()
        entry = self._addresses.setdefault(address, _Address())
        while entry.handshakes and now - entry.handshakes[0] >= WINDOW_S:
            entry.handshakes.popleft()
        refusal: Refusal | None = None
        if len(entry.handshakes) >= self._per_minute:
            refusal = "too_many_handshakes"
        elif self._open >= self._max:
            refusal = "server_full"
        elif entry.open >= self._per_address:
            refusal = "too_many_connections"
        entry.handshakes.append(now)
        if refusal is None:
            entry.open += 1
            self._open += 1
        self._forget_idle(address, entry)
        return refusal

    def release(self, address: str) -> None:
        entry = self._addresses.get(address)
        if entry is None or entry.open == 0:
            return
        entry.open -= 1
        self._open -= 1
        self._forget_idle(address, entry)

    def _forget_idle(self, address: str, entry: _Address) -> None:
        """Drop this address if it is idle, and once a minute every idle one, so that
        what is held stays bounded by the addresses of the last minute."""
        now = self._clock()
        if self._idle(entry, now):
            self._addresses.pop(address, None)
        if now - self._swept >= WINDOW_S:
            self._swept = now
            for key in [k for k, e in self._addresses.items() if self._idle(e, now)]:
                del self._addresses[key]

    @staticmethod
    def _idle(entry: _Address, now: float) -> bool:
        return entry.open == 0 and (not entry.handshakes or now - entry.handshakes[-1] >= WINDOW_S)
