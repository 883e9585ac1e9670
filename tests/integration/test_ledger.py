"""`klarchat ledger verify` proves the chain and names the first bad seq when it breaks."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from klarchat.consent.ledger import event_hash
from klarchat.store.records import ConsentEventRow
from tests.integration.conftest import tampered
from tests.support.chat_client import ChatClient
from tests.support.server import klarchat_command, make_server


@pytest.fixture(scope="module")
def ledger_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ledger written by a real server: six consent decisions from three visitors."""
    server = make_server(tmp_path_factory.mktemp("ledger"), {"adapter": "echo"}).start()

    async def visit() -> None:
        for lang in ("de", "en", "de"):
            chat = await ChatClient.open(server.ws_url)
            await chat.hello(lang)
            await chat.consent(ai_chat=True, transcript=False)
            await chat.send({"type": "withdraw", "purposes": ["ai_chat"]})
            await chat.expect("consent_recorded")
            await chat.close()

    asyncio.run(visit())
    server.stop()
    return server.data_dir


def verify(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), "ledger", "verify", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_intact_ledger_verifies(ledger_dir: Path) -> None:
    result = verify(ledger_dir)
    assert result.returncode == 0, result.stderr
    assert "ledger OK: 9 events" in result.stdout


def test_rows_cannot_be_changed_by_accident(ledger_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(ledger_dir, copy)
    db = sqlite3.connect(copy / "klarchat.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE consent_events SET action = 'given' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM consent_events WHERE seq = 3")


TAMPERING: dict[str, tuple[list[str], int]] = {
    "edited action": (["UPDATE consent_events SET action = 'given' WHERE seq = 3"], 3),
    "edited time": (["UPDATE consent_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 5"], 5),
    "inserted": (
        [
            "INSERT INTO consent_events SELECT 10, 'x', subject, purpose, 'given', policy_version,"
            " text_sha256, lang, origin, at, prev_hash, hash, variant FROM consent_events"
            " WHERE seq = 9"
        ],
        10,
    ),
    "deleted": (["DELETE FROM consent_events WHERE seq = 6"], 6),
    "swapped": (
        [
            "UPDATE consent_events SET seq = 100 WHERE seq = 2",
            "UPDATE consent_events SET seq = 2 WHERE seq = 7",
            "UPDATE consent_events SET seq = 7 WHERE seq = 100",
        ],
        2,
    ),
}


@pytest.mark.parametrize("kind", TAMPERING)
def test_tampering_is_found_at_the_right_seq(ledger_dir: Path, tmp_path: Path, kind: str) -> None:
    statements, bad_seq = TAMPERING[kind]
    result = verify(tampered(ledger_dir, tmp_path, *statements))
    assert result.returncode == 1
    assert f"ledger BROKEN at seq {bad_seq}:" in result.stderr, result.stderr


def test_a_rehashed_edit_breaks_the_next_link(ledger_dir: Path, tmp_path: Path) -> None:
    """An attacker who recomputes the edited row's own hash is caught at the row after it."""
    copy = tampered(
        ledger_dir, tmp_path, "UPDATE consent_events SET action = 'given' WHERE seq = 3"
    )
    db = sqlite3.connect(copy / "klarchat.sqlite3")
    row = ConsentEventRow(*db.execute("SELECT * FROM consent_events WHERE seq = 3").fetchone())
    db.execute("UPDATE consent_events SET hash = ? WHERE seq = 3", (event_hash(row),))
    db.commit()
    db.close()
    result = verify(copy)
    assert result.returncode == 1
    assert "ledger BROKEN at seq 4: prev_hash does not link" in result.stderr, result.stderr


def test_ledger_rows_hold_proof_and_no_token(ledger_dir: Path) -> None:
    db = sqlite3.connect(ledger_dir / "klarchat.sqlite3")
    rows = db.execute(
        "SELECT e.subject, e.purpose, e.action, e.lang, t.text, e.at FROM consent_events e"
        " JOIN consent_texts t ON t.sha256 = e.text_sha256 ORDER BY seq"
    ).fetchall()
    assert len(rows) == 9
    assert [r[2] for r in rows[:3]] == ["given", "declined", "withdrawn"]
    assert rows[0][3] == "de" and "KI-System" in rows[0][4]
    assert rows[3][3] == "en" and "AI system" in rows[3][4]
    assert len({r[0] for r in rows}) == 3 and all(len(r[0]) == 64 for r in rows)
    assert all(r[5].endswith("Z") and len(r[5]) == 24 for r in rows)
