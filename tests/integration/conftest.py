"""Servers shared per module (starting one loads Presidio, which takes a few seconds), and
the helpers integration tests share: the database as it lies on disk, a tampered ledger copy."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer, make_server


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as fake:
        yield fake


@pytest.fixture(autouse=True)
def _reset_provider(request: pytest.FixtureRequest) -> None:
    """Each test states the provider behaviour it needs; none inherits another's."""
    if "provider" in request.fixturenames:
        fake: FakeProvider = request.getfixturevalue("provider")
        fake.reset()


@pytest.fixture(scope="module")
def openai_server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> Iterator[RunningServer]:
    """A server whose adapter is the OpenAI-compatible one, pointed at the stand-in provider."""
    server = make_server(
        tmp_path_factory.mktemp("openai-server"),
        {
            "adapter": "openai",
            "adapters": {
                "openai": {
                    "base_url": provider.base_url,
                    "model": "test-model",
                    "api_key": "sk-test",
                    "timeout_seconds": 3,
                }
            },
        },
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def echo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(
        tmp_path_factory.mktemp("echo-server"),
        {"adapter": "echo", "limits": {"max_frame_bytes": 2048, "max_message_chars": 200}},
    )
    server.start()
    yield server
    server.stop()


def database_bytes(server: RunningServer) -> bytes:
    """The database as it lies on disk, WAL included, for leak checks."""
    return b"".join(
        path.read_bytes()
        for path in (server.database, Path(f"{server.database}-wal"))
        if path.exists()
    )


def tampered(data_dir: Path, tmp_path: Path, *statements: str) -> Path:
    """A copy of the ledger changed behind the append-only triggers and the unique
    `prev_hash` (a fork), as an attacker would."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    db = sqlite3.connect(copy / "klarchat.sqlite3")
    db.execute("DROP TRIGGER consent_events_append_only_update")
    db.execute("DROP TRIGGER consent_events_append_only_delete")
    db.execute("DROP INDEX consent_events_prev_hash")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return copy
