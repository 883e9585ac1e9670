"""The example third-party adapter installs as its own package and is found by entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.chat_client import ChatClient, answer_text
from tests.support.server import make_server

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "custom_adapter"


async def test_the_shout_adapter_answers_once_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        check=True,
        timeout=300,
    )
    monkeypatch.setenv("PYTHONPATH", str(target))
    server = make_server(
        tmp_path / "server", {"adapter": "shout", "adapters": {"shout": {"suffix": "!!"}}}
    ).start()
    try:
        chat = await ChatClient.open(server.ws_url)
        await chat.hello("de")
        await chat.consent(ai_chat=True)
        frames = await chat.ask("hallo, ich bin Anna Schmidt", "s1")
        await chat.close()
    finally:
        server.stop()
    assert answer_text(frames) == "HALLO, ICH BIN Anna Schmidt !!"
