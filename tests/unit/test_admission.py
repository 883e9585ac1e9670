"""The caps on chat sockets: in total, per address, and handshakes per address and minute;
nothing is counted for a refused socket, and an address is forgotten once idle."""

from __future__ import annotations

from klarchat.web.admission import Admission


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def admission(clock: Clock, **caps: int) -> Admission:
    settings = {"max_connections": 10, "max_per_address": 3, "handshakes_per_minute": 5, **caps}
    return Admission(clock=clock, **settings)


def test_per_address_cap_and_release() -> None:
    gate = admission(Clock())
    assert [gate.admit("a") for _ in range(4)] == [None, None, None, "too_many_connections"]
    assert gate.admit("b") is None
    gate.release("a")
    assert gate.admit("a") is None
    assert gate.open == 4


def test_total_cap() -> None:
    gate = admission(Clock(), max_connections=2)
    assert gate.admit("a") is None and gate.admit("b") is None
    assert gate.admit("c") == "server_full"
    gate.release("b")
    assert gate.admit("c") is None


def test_handshakes_per_minute_slide() -> None:
    clock = Clock()
    gate = admission(clock, max_per_address=100)
    for _ in range(5):
        assert gate.admit("a") is None
        gate.release("a")
    assert gate.admit("a") == "too_many_handshakes"
    clock.now = 60.0
    assert gate.admit("a") is None


def test_idle_addresses_are_forgotten() -> None:
    clock = Clock()
    gate = admission(clock)
    gate.admit("a")
    gate.release("a")
    clock.now = 61.0
    gate.admit("b")
    gate.release("b")
    assert gate.addresses_held == 1, "only b, whose handshake is recent"
