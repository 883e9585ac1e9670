"""Open-loop load on Klarchat beside a bare Starlette echo, in one run.

    python benchmarks/load.py [--sessions 100 500 1000] [--rate 100] [--messages 5]
                              [--saturate 200 600] [--max-seconds 60]
                              [--redaction-processes N]

For each count of sessions, on loopback only: start a fresh `klarchat serve` (offline
adapter, limits raised so no session is rate-limited) and the echo
(`benchmarks/echo_server.py`); open the sessions (hello and consent for Klarchat); measure
the server's memory per idle connection; then send `--messages` messages per session at
`--rate` messages per second in total, on a fixed schedule that does not wait for answers
(open loop, so a slow server cannot slow the client down and hide its own latency). For
each message the time from sending to its first `delta` is taken; a message that gets an
error, or no answer within 10 s, counts as an error. `--saturate S R` adds a run of S
sessions offered R messages per second, to compare what each server serves.

Prints one table: sessions held, messages/s offered and served, p50/p95/p99 time to first
delta, KB per idle connection, errors. Bounded: every phase has a deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server import free_port, make_server  # noqa: E402

ANSWER_TIMEOUT_S = 10.0
QUESTIONS = [
    "Wann kommt meine Bestellung an?",
    "Wie kann ich etwas zurückgeben?",
    "Welche Zahlungsarten gibt es?",
    "Where is my parcel?",
    "Kann ich die Rechnung als PDF bekommen?",
]


@dataclass
class Result:
    server: str
    sessions: int
    held: int = 0
    offered: float = 0.0
    served: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    kb_per_idle: float | None = None

    def row(self) -> str:
        lat = sorted(self.latencies)

        def pct(p: float) -> str:
            return f"{lat[min(len(lat) - 1, int(p * len(lat)))] * 1000:7.1f}" if lat else "      -"

        kb = f"{self.kb_per_idle:6.1f}" if self.kb_per_idle is not None else "     -"
        return (
            f"{self.server:9} {self.sessions:6} {self.held:6} {self.offered:8.0f} {self.served:8.1f}"
            f" {pct(0.5)} {pct(0.95)} {pct(0.99)} {kb} {self.errors:6}"
        )


HEADER = "server    sessions   held  offer/s  serve/s  p50 ms  p95 ms  p99 ms  KB/idle errors"


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Session:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.pending: dict[str, float] = {}
        self.reader: asyncio.Task[None] | None = None

    async def read(self, result: Result, finished: list[float]) -> None:
        async for raw in self.ws:
            frame = json.loads(raw)
            sent = self.pending.get(frame.get("id", ""))
            if sent is None:
                continue
            if frame["type"] == "delta":
                if sent < 0:
                    continue  # a later delta of an answer already timed
                result.latencies.append(time.perf_counter() - sent)
                self.pending[frame["id"]] = -1.0
            elif frame["type"] == "error":
                result.errors += 1
                del self.pending[frame["id"]]
            elif frame["type"] == "done":
                if self.pending.pop(frame["id"]) >= 0:
                    result.errors += 1  # done without any delta
                finished.append(time.perf_counter())


async def open_session(url: str, klarchat: bool) -> Session:
    ws = await connect(url, max_size=None, open_timeout=30)
    if klarchat:
        await ws.send(json.dumps({"type": "hello", "lang": "de"}))
        welcome = json.loads(await ws.recv())
        await ws.send(
            json.dumps(
                {
                    "type": "consent",
                    "policy_version": welcome["policy_version"],
                    "choices": {"ai_chat": True},
                }
            )
        )
        while json.loads(await ws.recv())["type"] != "consent_recorded":
            pass
    return Session(ws)


async def run(
    name: str, url: str, pid: int, sessions: int, rate: float, per_session: int, max_s: float
) -> Result:
    result = Result(name, sessions, offered=rate)
    before = rss_kb(pid)
    opened: list[Session] = []
    deadline = time.monotonic() + max_s
    for start in range(0, sessions, 50):
        batch = await asyncio.gather(
            *(open_session(url, name == "klarchat") for _ in range(min(50, sessions - start))),
            return_exceptions=True,
        )
        opened += [s for s in batch if isinstance(s, Session)]
        result.errors += sum(1 for s in batch if not isinstance(s, Session))
        if time.monotonic() > deadline:
            break
    result.held = len(opened)
    await asyncio.sleep(1.0)
    result.kb_per_idle = (rss_kb(pid) - before) / max(1, len(opened))
    finished: list[float] = []
    for session in opened:
        session.reader = asyncio.create_task(session.read(result, finished))
    total = len(opened) * per_session
    gap = 1.0 / rate
    begin = time.perf_counter()
    for n in range(total):
        due = begin + n * gap
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        session = opened[n % len(opened)]
        frame_id = f"m{n}"
        session.pending[frame_id] = time.perf_counter()
        try:
            await session.ws.send(
                json.dumps({"type": "message", "id": frame_id, "text": QUESTIONS[n % 5]})
            )
        except Exception:
            result.errors += 1
        if time.perf_counter() - begin > max_s:
            total = n + 1
            break
    settle = time.perf_counter() + ANSWER_TIMEOUT_S
    while len(finished) + result.errors < total and time.perf_counter() < settle:
        await asyncio.sleep(0.05)
    elapsed = (max(finished) if finished else time.perf_counter()) - begin
    result.served = len(finished) / elapsed if elapsed > 0 else 0.0
    result.errors += sum(len(s.pending) for s in opened)
    for session in opened:
        await session.ws.close()
        if session.reader:
            session.reader.cancel()
    return result


def start_echo() -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "echo_server.py"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process, port
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("echo server did not start")


async def scenario(
    sessions: int, rate: float, per_session: int, max_s: float, redaction_processes: int
) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        server = make_server(
            Path(tmp) / "k",
            {
                "adapter": "offline",
                # Every session comes from 127.0.0.1: the per-address caps would refuse most.
                "limits": {
                    "messages_per_minute": 10_000,
                    "session_idle_minutes": 60,
                    "max_connections_per_address": 100_000,
                    "handshakes_per_address_per_minute": 100_000,
                },
                "privacy": {"redaction_processes": redaction_processes},
            },
        ).start()
        try:
            assert server.process is not None
            results.append(
                await run(
                    "klarchat",
                    server.ws_url,
                    server.process.pid,
                    sessions,
                    rate,
                    per_session,
                    max_s,
                )
            )
        finally:
            server.stop()
    echo, port = start_echo()
    try:
        results.append(
            await run(
                "echo", f"ws://127.0.0.1:{port}/ws", echo.pid, sessions, rate, per_session, max_s
            )
        )
    finally:
        echo.terminate()
        echo.wait(10)
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--messages", type=int, default=5)
    parser.add_argument("--saturate", type=float, nargs=2, metavar=("SESSIONS", "RATE"))
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument(
        "--redaction-processes", type=int, default=2, help="privacy.redaction_processes"
    )
    args = parser.parse_args()
    rows: list[Result] = []
    for sessions in args.sessions:
        rows += await scenario(
            sessions, args.rate, args.messages, args.max_seconds, args.redaction_processes
        )
    if args.saturate:
        sessions, rate = int(args.saturate[0]), args.saturate[1]
        rows += await scenario(
            sessions, rate, args.messages, args.max_seconds, args.redaction_processes
        )
    print(HEADER)
    print("\n".join(row.row() for row in rows))


if __name__ == "__main__":
    asyncio.run(main())
