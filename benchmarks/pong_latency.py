"""Pong latency on idle sockets while other sockets send long German messages.

    python benchmarks/pong_latency.py [--seconds 20] [--talkers 2] [--pingers 8]

Starts a real `klarchat serve` (echo adapter, limits raised so the talkers are never
rate-limited) and opens two kinds of websockets: *talkers* that give consent and send
4,000-character German messages full of personal data one after another, and *pingers*
that only send `ping` every 20 ms and time each `pong`. Redaction that runs on the event
loop holds every pong back until it finishes; redaction in a worker thread does not.
The pingers' latencies are printed as p50/p95/p99/max, first without talkers (the
floor), then with them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.server import make_server

MESSAGE_CHARS = 4000
PING_EVERY_S = 0.02
SENTENCES = [
    "Guten Tag, mein Name ist Anna Becker und ich wohne in der Hauptstraße 12, 10115 Berlin.",
    "Sie erreichen mich unter a.becker@web.de oder telefonisch unter 0171 2345678.",
    "Die Erstattung bitte auf DE89 3704 0044 0532 0130 00, Kontoinhaber Jürgen Hofmann.",
    "Meine Bestellung 4711-2025 vom 03.11.2026 ist leider immer noch nicht angekommen.",
    "Rückruf bitte an +49 30 12345678, gern auch per Mail an juergen.hofmann@gmx.net.",
    "Lieferung bitte an Karl-Marx-Allee 90 in 50667 Köln, zu Händen von Leonie Schäfer-Wolf.",
    "Die Rechnung über 249,00 Euro wurde doppelt abgebucht, bitte prüfen Sie das schnell.",
]


def long_message(seed: int) -> str:
    parts: list[str] = []
    i = seed
    while sum(len(p) + 1 for p in parts) < MESSAGE_CHARS:
        parts.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(parts)[:MESSAGE_CHARS]


async def exchange(ws: ClientConnection, frame: dict[str, Any], until: str) -> dict[str, Any]:
    """Send a frame, read up to the frame of type `until` (no schema check: the client's
    own CPU time would count against the server on a small machine)."""
    await ws.send(json.dumps(frame))
    while True:
        reply = json.loads(await ws.recv())
        if reply["type"] in (until, "error"):
            assert reply["type"] == until, reply
            return reply


async def talk(url: str, seed: int, stop: asyncio.Event, sent: list[int]) -> None:
    async with connect(url, max_size=None) as ws:
        welcome = await exchange(ws, {"type": "hello", "lang": "de"}, "welcome")
        choices = {"ai_chat": True, "transcript": False}
        consent = {
            "type": "consent",
            "policy_version": welcome["policy_version"],
            "choices": choices,
        }
        await exchange(ws, consent, "consent_recorded")
        n = 0
        while not stop.is_set():
            n += 1
            text = long_message(seed + n)
            await exchange(ws, {"type": "message", "id": f"t{seed}-{n}", "text": text}, "done")
            sent.append(len(text))


async def ping(url: str, stop: asyncio.Event, latencies: list[float]) -> None:
    async with connect(url, max_size=None) as ws:
        await exchange(ws, {"type": "hello", "lang": "de"}, "welcome")
        n = 0
        while not stop.is_set():
            n += 1
            started = time.perf_counter()
            await exchange(ws, {"type": "ping", "id": f"p{n}"}, "pong")
            latencies.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(PING_EVERY_S)


async def measure(url: str, seconds: float, talkers: int, pingers: int) -> tuple[list[float], int]:
    stop = asyncio.Event()
    latencies: list[float] = []
    sent: list[int] = []
    tasks = [asyncio.create_task(talk(url, 7 * i, stop, sent)) for i in range(talkers)]
    await asyncio.sleep(1.0 if talkers else 0)  # the talkers are past consent and redacting
    tasks += [asyncio.create_task(ping(url, stop, latencies)) for _ in range(pingers)]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks)
    return latencies, len(sent)


def summary(label: str, latencies: list[float]) -> str:
    if len(latencies) < 2:
        return f"{label}: no pongs measured"
    ordered = sorted(latencies)
    q = statistics.quantiles(ordered, n=100)
    return (
        f"{label}: {len(ordered)} pongs, p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms,"
        f" p99 {q[98]:.1f} ms, max {ordered[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--talkers", type=int, default=2)
    parser.add_argument("--pingers", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = make_server(
            Path(tmp),
            {
                "adapter": "echo",
                "limits": {"messages_per_minute": 100_000, "max_frame_bytes": 65_536},
            },
        )
        server.start()
        try:
            idle, _ = asyncio.run(measure(server.ws_url, args.seconds / 2, 0, args.pingers))
            busy, messages = asyncio.run(
                measure(server.ws_url, args.seconds, args.talkers, args.pingers)
            )
        finally:
            server.stop()
    print(summary(f"{args.pingers} pingers, no talkers", idle))
    print(
        summary(
            f"{args.pingers} pingers, {args.talkers} talkers"
            f" ({messages} messages of {MESSAGE_CHARS} chars redacted)",
            busy,
        )
    )


if __name__ == "__main__":
    main()
