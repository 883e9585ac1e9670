"""Export and erasure (GDPR Art. 15, 17, 20) through the real CLI and the real websocket.

One server for the module; every test brings its own visitors, so none depends on what
another erased.
"""

from __future__ import annotations

import json
import random
import sqlite3
import string
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from klarchat.identity import SECRET_FILE, Identities
from tests.integration.conftest import database_bytes
from tests.support.chat_client import ChatClient, ai_done
from tests.support.server import RunningServer, klarchat_command, make_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    running = make_server(
        tmp_path_factory.mktemp("rights"),
        {"adapter": "echo", "adapters": {"echo": {"delay_ms": 20}}},
    ).start()
    yield running
    running.stop()


@dataclass
class Visitor:
    token: str
    subject: str
    conversation: str
    marker: str


def identities(server: RunningServer) -> Identities:
    return Identities((server.data_dir / SECRET_FILE).read_text(encoding="ascii").encode())


async def visit(server: RunningServer, **choices: bool) -> Visitor:
    """A visitor who consents and asks two questions holding a word nobody else uses."""
    # Letters only: a run of digits could be taken for a number and redacted.
    marker = "aquarium" + "".join(random.choices(string.ascii_lowercase, k=10))
    chat = await ChatClient.open(server.ws_url)
    welcome = await chat.hello("de")
    await chat.consent(**choices)
    for n in (1, 2):
        frames = await chat.ask(f"Haben Sie {marker} Nummer {n}?", f"m{n}")
        assert frames[-1]["type"] == "done", frames
    await chat.close()
    ids = identities(server)
    token = welcome["session"]
    return Visitor(token, ids.subject(token), ids.conversation(token), marker)


def klarchat(server: RunningServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), *args, "--data-dir", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.workdir,
    )


def export(server: RunningServer, *who: str) -> dict[str, Any]:
    result = klarchat(server, "export", *who)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def rows(server: RunningServer, table: str, conversation: str) -> int:
    db = sqlite3.connect(server.database)
    try:
        return db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE conversation = ?", (conversation,)
        ).fetchone()[0]
    finally:
        db.close()


async def test_export_holds_one_visitor_and_nobody_else(server: RunningServer) -> None:
    anna = await visit(server, ai_chat=True, transcript=True)
    ben = await visit(server, ai_chat=True, transcript=True)

    data = export(server, "--subject", anna.subject)
    assert set(data) == {
        "subject",
        "exported_at",
        "consent_events",
        "transcript",
        "audit",
        "erasures",
        "viewed_by",
    }
    assert data["subject"] == anna.subject
    events = data["consent_events"]
    assert [(e["purpose"], e["action"]) for e in events] == [
        ("ai_chat", "given"),
        ("transcript", "given"),
    ]
    assert all(e["subject"] == anna.subject and e["hash"] for e in events)
    assert "KI-System" in events[0]["text"]
    assert [(m["role"], anna.marker in m["text"]) for m in data["transcript"]] == [
        ("user", True),
        ("assistant", True),
    ] * 2
    assert {m["conversation"] for m in data["transcript"]} == {anna.conversation}
    assert [a["message_id"] for a in data["audit"]] == ["m1", "m2"]
    assert all(a["outcome"] == "complete" and "text" not in a for a in data["audit"])
    assert data["erasures"] == []
    assert data["viewed_by"] == [], "no staff looked at it"
    document = json.dumps(data)
    assert ben.marker not in document and ben.subject not in document
    assert ben.conversation not in document

    by_token = export(server, f"--token={anna.token}")
    assert {k: v for k, v in by_token.items() if k != "exported_at"} == {
        k: v for k, v in data.items() if k != "exported_at"
    }


async def test_a_receipt_or_an_event_id_finds_the_visitor(
    server: RunningServer, tmp_path: Path
) -> None:
    """An access request comes with what the visitor has: the downloaded receipt, or the
    id in its file name (klarchat-receipt-<first 8 characters of the event id>.json)."""
    chat = await ChatClient.open(server.ws_url)
    welcome = await chat.hello("de")
    recorded = await chat.consent(ai_chat=True, transcript=True)
    await chat.close()
    subject = identities(server).subject(welcome["session"])
    receipt = tmp_path / "klarchat-receipt.json"
    receipt.write_text(json.dumps(recorded["receipt"]), encoding="utf-8")
    event_id = recorded["receipt"]["events"][0]["event_id"]

    assert export(server, "--receipt", str(receipt))["subject"] == subject
    assert export(server, "--subject", event_id)["subject"] == subject
    assert export(server, "--subject", event_id[:8].upper())["subject"] == subject

    forged = dict(recorded["receipt"], subject="ab" * 32)
    receipt.write_text(json.dumps(forged), encoding="utf-8")
    refused = klarchat(server, "export", "--receipt", str(receipt))
    assert refused.returncode == 1 and "INVALID" in refused.stderr
    unknown = klarchat(server, "export", "--subject", "00000000")
    assert unknown.returncode == 1 and "no consent event" in unknown.stderr


async def test_export_to_a_file_is_private(server: RunningServer, tmp_path: Path) -> None:
    visitor = await visit(server, ai_chat=True, transcript=True)
    out = tmp_path / "export.json"
    result = klarchat(server, "export", f"--token={visitor.token}", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.stat().st_mode & 0o777 == 0o600
    assert json.loads(out.read_text(encoding="utf-8"))["subject"] == visitor.subject


async def test_erase_deletes_one_subject_and_keeps_the_ledger(server: RunningServer) -> None:
    anna = await visit(server, ai_chat=True, transcript=True)
    ben = await visit(server, ai_chat=True, transcript=True)
    before = export(server, "--subject", anna.subject)

    result = klarchat(server, "erase", "--subject", anna.subject)
    assert result.returncode == 0, result.stderr
    assert "4 messages, 2 audit rows, 1 conversation links deleted" in result.stdout

    assert rows(server, "messages", anna.conversation) == 0
    assert rows(server, "audit", anna.conversation) == 0
    assert rows(server, "messages", ben.conversation) == 4
    assert rows(server, "audit", ben.conversation) == 2
    assert anna.marker.encode() not in database_bytes(server)

    verify = klarchat(server, "ledger", "verify")
    assert verify.returncode == 0, verify.stderr

    after = export(server, "--subject", anna.subject)
    assert after["consent_events"] == before["consent_events"]
    assert after["transcript"] == [] and after["audit"] == []
    assert [(e["messages"], e["audit"], e["links"]) for e in after["erasures"]] == [(4, 2, 1)]
    assert len(export(server, "--subject", ben.subject)["transcript"]) == 4


async def test_audit_rows_are_erased_without_a_transcript(server: RunningServer) -> None:
    """Without storage consent only audit rows exist; erasure by token finds them too."""
    visitor = await visit(server, ai_chat=True, transcript=False)
    assert rows(server, "audit", visitor.conversation) == 2
    result = klarchat(server, "erase", f"--token={visitor.token}")
    assert result.returncode == 0, result.stderr
    assert "0 messages, 2 audit rows" in result.stdout
    assert rows(server, "audit", visitor.conversation) == 0


def test_unknown_and_malformed_subjects(server: RunningServer) -> None:
    for command in ("export", "erase"):
        unknown = klarchat(server, command, "--subject", "ab" * 32)
        assert unknown.returncode == 1
        assert "unknown subject" in unknown.stderr
        stranger = klarchat(server, command, "--token=-never-issued-token-0123456789")
        assert stranger.returncode == 1
        malformed = klarchat(server, command, "--subject", "not-a-subject")
        assert malformed.returncode == 2
        assert "64 hex digits" in malformed.stderr
        neither = klarchat(server, command)
        assert neither.returncode == 2


async def test_export_and_erase_over_the_websocket(server: RunningServer) -> None:
    other = await visit(server, ai_chat=True, transcript=True)
    chat = await ChatClient.open(server.ws_url)
    welcome = await chat.hello("de")
    subject = identities(server).subject(welcome["session"])
    await chat.consent(ai_chat=True, transcript=True)
    await chat.ask("Haben Sie Kakteen im Angebot?", "k1")

    await chat.send({"type": "export"})
    data = (await chat.expect("export"))["data"]
    assert data["subject"] == subject
    assert len(data["consent_events"]) == 2
    assert [m["role"] for m in data["transcript"]] == ["user", "assistant"]
    assert "Kakteen" in data["transcript"][0]["text"]
    assert [a["message_id"] for a in data["audit"]] == ["k1"]
    assert other.marker not in json.dumps(data)

    await chat.send({"type": "message", "id": "long", "text": "Kakteen " * 100})
    await chat.expect("redacted")
    await chat.expect("delta")
    await chat.send({"type": "erase"})
    frame = await chat.recv()
    while frame["type"] == "delta":
        frame = await chat.recv()
    assert frame == ai_done("long", "cancelled", chat.welcome)
    erased = await chat.expect("erased")
    assert erased["at"].endswith("Z")
    assert erased["deleted"] == {"messages": 3, "audit": 2, "links": 1}

    await chat.send({"type": "ping", "id": "alive"})
    assert await chat.expect("pong") == {"type": "pong", "id": "alive"}
    await chat.send({"type": "export"})
    data = (await chat.expect("export"))["data"]
    assert data["transcript"] == [] and data["audit"] == []
    assert len(data["consent_events"]) == 2 and len(data["erasures"]) == 1

    frames = await chat.ask("Und Sukkulenten?", "k2")
    assert frames[-1]["type"] == "done"
    by_subject = export(server, "--subject", subject)
    assert [m["text"] for m in by_subject["transcript"]] == ["Und Sukkulenten?"] * 2
    await chat.close()
    assert len(export(server, "--subject", other.subject)["transcript"]) == 4
    assert klarchat(server, "ledger", "verify").returncode == 0


async def test_rights_frames_need_hello_and_no_fields(server: RunningServer) -> None:
    chat = await ChatClient.open(server.ws_url)
    await chat.send({"type": "export"})
    assert (await chat.expect("error"))["code"] == "hello_required"
    await chat.hello("en")
    await chat.send({"type": "erase", "subject": "ab" * 32})
    assert (await chat.expect("error"))["code"] == "bad_frame"
    await chat.send({"type": "erase"})
    erased = await chat.expect("erased")
    assert erased["deleted"] == {"messages": 0, "audit": 0, "links": 0}
    await chat.close()
