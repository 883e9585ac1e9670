"""An acknowledged consent survives a crash: SIGKILL the server while visitors give and
withdraw consent, start it again on the same files, and every event a visitor was shown
in `consent_recorded` is in the ledger, whose chain still verifies."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
import subprocess
from pathlib import Path

from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient
from tests.support.server import klarchat_command, make_server

VISITORS = 6
CRASH_AFTER_S = 3.0


async def give_and_withdraw(url: str, acknowledged: set[str]) -> None:
    """Consent back and forth until the server dies; keep every event id confirmed."""
    with contextlib.suppress(ConnectionClosed, OSError, asyncio.TimeoutError):
        chat = await ChatClient.open(url)
        await chat.hello("de")
        while True:
            for frame in ({"ai_chat": True, "transcript": True}, None):
                if frame is None:
                    await chat.send({"type": "withdraw", "purposes": "all"})
                    recorded = await chat.expect("consent_recorded", timeout=10)
                else:
                    recorded = await chat.consent(**frame)
                acknowledged.update(event["event_id"] for event in recorded["events"])


async def test_acknowledged_consent_survives_sigkill(tmp_path: Path) -> None:
    server = make_server(tmp_path / "crash", {"adapter": "echo"}).start()
    acknowledged: set[str] = set()
    visitors = [
        asyncio.create_task(give_and_withdraw(server.ws_url, acknowledged)) for _ in range(VISITORS)
    ]
    await asyncio.sleep(CRASH_AFTER_S)
    assert server.process is not None
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(10)
    await asyncio.wait_for(asyncio.gather(*visitors), 30)
    assert len(acknowledged) > 20, "too little traffic before the crash to prove anything"

    server.start()  # the same data dir: recovery from the write-ahead log
    try:
        db = sqlite3.connect(server.database)
        try:
            stored = {row[0] for row in db.execute("SELECT event_id FROM consent_events")}
        finally:
            db.close()
        assert acknowledged <= stored, f"{len(acknowledged - stored)} acknowledged events lost"
        verified = subprocess.run(
            [*klarchat_command(), "--config", str(server.config), "ledger", "verify"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=server.workdir,
        )
        assert verified.returncode == 0, verified.stderr
    finally:
        server.stop()
