"""Signed receipts and checkpoints, end to end: a real server signs, the CLI checks.

The checkpoint is what catches the two attacks the hash chain alone cannot see: rows
cut from the end of the ledger, and a tail rewritten with fresh hashes.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from klarchat.consent.ledger import event_hash
from klarchat.consent.receipts import verify_receipt
from klarchat.consent.signing import b64url_decode
from klarchat.store.records import ConsentEventRow
from tests.integration.conftest import tampered
from tests.support.chat_client import ChatClient
from tests.support.server import klarchat_command, make_server

CHECKPOINT_SEQ = 3


@dataclass
class Recorded:
    data_dir: Path
    well_known: httpx.Response
    frames: list[dict[str, Any]]
    checkpoint: Path
    checkpoint_stdout: str


def ledger(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), "ledger", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    """Three decisions, a checkpoint taken while the server runs, then three more."""
    server = make_server(tmp_path_factory.mktemp("receipts"), {"adapter": "echo"}).start()

    async def visit() -> list[dict[str, Any]]:
        chat = await ChatClient.open(server.ws_url)
        await chat.hello("de")
        frames = [await chat.consent(ai_chat=True, transcript=False)]
        await chat.send({"type": "withdraw", "purposes": ["ai_chat"]})
        frames.append(await chat.expect("consent_recorded"))
        await chat.close()
        return frames

    try:
        well_known = httpx.get(f"{server.origin}/.well-known/klarchat-signing-key", timeout=5)
        frames = asyncio.run(visit())
        made = ledger("checkpoint", "--data-dir", str(server.data_dir))
        assert made.returncode == 0, made.stderr
        frames += asyncio.run(visit())
    finally:
        server.stop()
    checkpoints = list((server.data_dir / "checkpoints").iterdir())
    assert len(checkpoints) == 1, checkpoints
    return Recorded(server.data_dir, well_known, frames, checkpoints[0], made.stdout)


def published_key(recorded: Recorded) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(
        b64url_decode(recorded.well_known.json()["public_key"])
    )


def rehash_from(data_dir: Path, first_seq: int) -> None:
    """Recompute every link and hash from `first_seq` on, so the chain verifies again."""
    db = sqlite3.connect(data_dir / "klarchat.sqlite3")
    (prev_hash,) = db.execute(
        "SELECT hash FROM consent_events WHERE seq = ?", (first_seq - 1,)
    ).fetchone()
    query = "SELECT * FROM consent_events WHERE seq >= ? ORDER BY seq"
    for values in db.execute(query, (first_seq,)).fetchall():
        row = replace(ConsentEventRow(*values), prev_hash=prev_hash)
        prev_hash = event_hash(row)
        db.execute(
            "UPDATE consent_events SET prev_hash = ?, hash = ? WHERE seq = ?",
            (row.prev_hash, prev_hash, row.seq),
        )
    db.commit()
    db.close()


def test_the_signing_key_is_published(recorded: Recorded) -> None:
    response = recorded.well_known
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=3600"
    document = response.json()
    assert set(document) == {"alg", "kid", "public_key", "pem"}
    assert document["alg"] == "Ed25519" and len(document["kid"]) == 16
    assert document["pem"].startswith("-----BEGIN PUBLIC KEY-----")


def test_every_consent_frame_carries_a_receipt_that_verifies(recorded: Recorded) -> None:
    key = published_key(recorded)
    for frame in recorded.frames:
        receipt = frame["receipt"]
        assert verify_receipt(receipt, key).ok, receipt
        assert receipt["kid"] == recorded.well_known.json()["kid"]
        assert [
            (e["event_id"], e["seq"], e["purpose"], e["action"]) for e in receipt["events"]
        ] == [(e["event_id"], e["seq"], e["purpose"], e["action"]) for e in frame["events"]]
    first = recorded.frames[0]["receipt"]
    assert [e["action"] for e in first["events"]] == ["given", "declined"]
    db = sqlite3.connect(recorded.data_dir / "klarchat.sqlite3")
    subjects = {s for (s,) in db.execute("SELECT subject FROM consent_events WHERE seq <= 3")}
    assert subjects == {first["subject"]}


def save(receipt: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(receipt), encoding="utf-8")
    return path


def test_the_cli_accepts_a_genuine_receipt(recorded: Recorded, tmp_path: Path) -> None:
    receipt = save(recorded.frames[0]["receipt"], tmp_path / "receipt.json")
    result = ledger("verify-receipt", str(receipt), "--data-dir", str(recorded.data_dir))
    assert result.returncode == 0, result.stderr
    assert "receipt OK: 2 events" in result.stdout
    assert "found unchanged in the ledger" in result.stdout
    pem = tmp_path / "published.pem"
    pem.write_text(recorded.well_known.json()["pem"], encoding="utf-8")
    elsewhere = ledger(
        "verify-receipt",
        str(receipt),
        "--public-key",
        str(pem),
        "--data-dir",
        str(tmp_path / "none"),
    )
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert "events not compared" in elsewhere.stdout


def test_the_cli_rejects_a_tampered_receipt(recorded: Recorded, tmp_path: Path) -> None:
    receipt = json.loads(json.dumps(recorded.frames[0]["receipt"]))
    receipt["events"][1]["action"] = "given"
    result = ledger(
        "verify-receipt",
        str(save(receipt, tmp_path / "r.json")),
        "--data-dir",
        str(recorded.data_dir),
    )
    assert result.returncode == 1
    assert "receipt INVALID: bad signature" in result.stderr


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("DELETE FROM consent_events WHERE seq = 2", "event missing from the ledger"),
        (
            "UPDATE consent_events SET action = 'given' WHERE seq = 2",
            "event different in the ledger",
        ),
    ],
)
def test_the_cli_finds_a_receipted_event_gone_from_the_ledger(
    recorded: Recorded, tmp_path: Path, statement: str, reason: str
) -> None:
    receipt = save(recorded.frames[0]["receipt"], tmp_path / "receipt.json")
    copy = tampered(recorded.data_dir, tmp_path, statement)
    result = ledger("verify-receipt", str(receipt), "--data-dir", str(copy))
    assert result.returncode == 1
    assert f"receipt INVALID: {reason}" in result.stderr, result.stderr


def test_a_checkpoint_is_written_and_printed(recorded: Recorded) -> None:
    checkpoint = json.loads(recorded.checkpoint.read_text(encoding="utf-8"))
    assert json.loads(recorded.checkpoint_stdout) == checkpoint
    assert checkpoint["seq"] == CHECKPOINT_SEQ and checkpoint["count"] == CHECKPOINT_SEQ
    assert recorded.checkpoint.name.startswith(f"checkpoint-{CHECKPOINT_SEQ}-")
    db = sqlite3.connect(recorded.data_dir / "klarchat.sqlite3")
    (head_hash,) = db.execute(
        "SELECT hash FROM consent_events WHERE seq = ?", (CHECKPOINT_SEQ,)
    ).fetchone()
    assert checkpoint["hash"] == head_hash


def verify(data_dir: Path, checkpoint: Path) -> subprocess.CompletedProcess[str]:
    return ledger("verify", "--data-dir", str(data_dir), "--checkpoint", str(checkpoint))


def test_a_ledger_that_grew_past_its_checkpoint_verifies(recorded: Recorded) -> None:
    result = verify(recorded.data_dir, recorded.checkpoint)
    assert result.returncode == 0, result.stderr
    assert "ledger OK: 6 events" in result.stdout
    assert f"checkpoint OK: seq {CHECKPOINT_SEQ} still has the signed hash" in result.stdout
    assert result.stderr == ""


def test_a_ledger_cut_back_behind_its_checkpoint_fails(recorded: Recorded, tmp_path: Path) -> None:
    copy = tampered(
        recorded.data_dir, tmp_path, f"DELETE FROM consent_events WHERE seq >= {CHECKPOINT_SEQ}"
    )
    result = verify(copy, recorded.checkpoint)
    assert result.returncode == 1
    assert "ledger OK: 2 events" in result.stdout, "the chain alone cannot see this"
    assert (
        f"checkpoint FAILED: the ledger ends at seq 2, before the checkpoint's seq {CHECKPOINT_SEQ}"
        in result.stderr
    ), result.stderr


def test_a_tail_rewritten_with_fresh_hashes_fails(recorded: Recorded, tmp_path: Path) -> None:
    copy = tampered(
        recorded.data_dir, tmp_path, "UPDATE consent_events SET action = 'given' WHERE seq = 3"
    )
    rehash_from(copy, 3)
    result = verify(copy, recorded.checkpoint)
    assert result.returncode == 1
    assert "ledger OK: 6 events" in result.stdout, "the chain alone cannot see this"
    assert (
        f"checkpoint FAILED: row {CHECKPOINT_SEQ} no longer has the checkpoint's hash"
        in result.stderr
    )


def test_a_forged_checkpoint_fails_and_a_missing_one_is_a_usage_error(
    recorded: Recorded, tmp_path: Path
) -> None:
    checkpoint = json.loads(recorded.checkpoint.read_text(encoding="utf-8"))
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**checkpoint, "seq": 1}), encoding="utf-8")
    result = verify(recorded.data_dir, forged)
    assert result.returncode == 1
    assert "checkpoint FAILED: bad signature" in result.stderr
    missing = verify(recorded.data_dir, tmp_path / "nowhere.json")
    assert missing.returncode == 2
    assert "cannot read checkpoint" in missing.stderr
