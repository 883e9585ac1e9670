"""Open-loop load on Klarchat beside a bare Starlette echo, in one run.

    python benchmarks/load.py [--sessions 100 500 1000] [--rate 100] [--messages 5]
                              [--saturate 200 600] [--max-seconds 60]
                              [--redaction-processes N] [--scaleout]

For each count of sessions, on loopback only: start a fresh `klarchat serve` (offline
adapter, limits raised so no session is rate-limited) and the echo
(`benchmarks/echo_server.py`); open the sessions (hello and consent for Klarchat); measure
the server's memory per idle connection; then send `--messages` messages per session at
`--rate` messages per second in total, on a fixed schedule that does not wait for answers
(open loop, so a slow server cannot slow the client down and hide its own latency). For
each message the time from sending to its first `delta` is taken; a message that gets an
error, or no answer within 10 s, counts as an error. `--saturate S R` adds a run of S
sessions offered R messages per second, to compare what each server serves.

`--scaleout` compares, instead of Klarchat and the echo, three Klarchat targets under the
same schedule: one instance on its SQLite file, one instance on PostgreSQL, and three
instances on one PostgreSQL database behind nginx (`examples/deploy/nginx-scaleout.conf`
through `tests/support/scaleout.py`; the client speaks plain HTTP to nginx on loopback,
so TLS is not measured). PostgreSQL is a throw-away cluster (`tests/support/postgres.py`)
with a fresh database per target. KB per idle connection is then summed over the
instances, nginx and the redaction workers left out.

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
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.postgres import Cluster  # noqa: E402
from tests.support.scaleout import ScaleOut  # noqa: E402
from tests.support.server import RunningServer, free_port, make_server  # noqa: E402

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
            f"{self.server:12} {self.sessions:6} {self.held:6} {self.offered:8.0f} {self.served:8.1f}"
            f" {pct(0.5)} {pct(0.95)} {pct(0.99)} {kb} {self.errors:6}"
        )


HEADER = "server       sessions   held  offer/s  serve/s  p50 ms  p95 ms  p99 ms  KB/idle errors"


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


@dataclass
class Load:
    """One open-loop schedule, the same for every target of a run."""

    sessions: int
    rate: float
    per_session: int
    max_s: float


async def run(name: str, url: str, pids: list[int], load: Load, klarchat: bool = True) -> Result:
    sessions, rate, per_session, max_s = load.sessions, load.rate, load.per_session, load.max_s
    result = Result(name, sessions, offered=rate)
    before = sum(rss_kb(pid) for pid in pids)
    opened: list[Session] = []
    deadline = time.monotonic() + max_s
    for start in range(0, sessions, 50):
        batch = await asyncio.gather(
            *(open_session(url, klarchat) for _ in range(min(50, sessions - start))),
            return_exceptions=True,
        )
        opened += [s for s in batch if isinstance(s, Session)]
        result.errors += sum(1 for s in batch if not isinstance(s, Session))
        if time.monotonic() > deadline:
            break
    result.held = len(opened)
    await asyncio.sleep(1.0)
    result.kb_per_idle = (sum(rss_kb(pid) for pid in pids) - before) / max(1, len(opened))
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


def klarchat_config(redaction_processes: int) -> dict[str, Any]:
    return {
        "adapter": "offline",
        # Every session comes from 127.0.0.1: the per-address caps would refuse most.
        "limits": {
            "messages_per_minute": 10_000,
            "session_idle_minutes": 60,
            "max_connections_per_address": 100_000,
            "handshakes_per_address_per_minute": 100_000,
        },
        "privacy": {"redaction_processes": redaction_processes},
    }


def pid_of(server: RunningServer) -> int:
    assert server.process is not None
    return server.process.pid


async def one_instance(
    name: str, workdir: Path, config: dict[str, Any], load: Load, env: dict[str, str]
) -> Result:
    server = make_server(workdir, config)
    server.env = env
    server.start()
    try:
        return await run(name, server.ws_url, [pid_of(server)], load)
    finally:
        server.stop()


async def scenario(load: Load, redaction_processes: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        results = [
            await one_instance(
                "klarchat", Path(tmp), klarchat_config(redaction_processes), load, {}
            )
        ]
    echo, port = start_echo()
    try:
        results.append(
            await run("echo", f"ws://127.0.0.1:{port}/ws", [echo.pid], load, klarchat=False)
        )
    finally:
        echo.terminate()
        echo.wait(10)
    return results


async def scaleout(load: Load, redaction_processes: int) -> list[Result]:
    """One SQLite instance, one PostgreSQL instance, three PostgreSQL instances behind
    nginx: the same schedule on each, one after the other, so they never compete."""
    config = klarchat_config(redaction_processes)
    cluster = Cluster.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            results = [
                await one_instance("sqlite x1", root / "sqlite", config, load, {}),
                await one_instance(
                    "pg x1",
                    root / "pg",
                    config,
                    load,
                    {"KLARCHAT_DATABASE_URL": cluster.database()},
                ),
            ]
            # Two connections per proxied websocket: the client's and the instance's.
            site = ScaleOut.start(
                root / "pg3",
                cluster.database(),
                config_overrides=config,
                plain_http=True,
                worker_connections=2 * load.sessions + 256,
            )
            try:
                pids = [pid_of(server) for server in site.instances]
                results.append(await run("pg x3 nginx", site.nginx.plain_ws_url, pids, load))
            finally:
                site.stop()
    finally:
        cluster.stop()
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
    parser.add_argument(
        "--scaleout",
        action="store_true",
        help="compare SQLite x1, PostgreSQL x1 and PostgreSQL x3 behind nginx instead",
    )
    args = parser.parse_args()
    compare = scaleout if args.scaleout else scenario
    rows: list[Result] = []
    for sessions in args.sessions:
        load = Load(sessions, args.rate, args.messages, args.max_seconds)
        rows += await compare(load, args.redaction_processes)
    if args.saturate:
        load = Load(int(args.saturate[0]), args.saturate[1], args.messages, args.max_seconds)
        rows += await compare(load, args.redaction_processes)
    print(HEADER)
    print("\n".join(row.row() for row in rows))


if __name__ == "__main__":
    asyncio.run(main())
