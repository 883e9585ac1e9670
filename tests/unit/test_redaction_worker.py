"""Redaction runs off the event loop: while one message is being redacted the connection
still answers pings, and a withdrawal that arrives meanwhile waits for the redaction
thread before it forgets the pseudonyms, so none is left behind."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from klarchat.adapters.echo import EchoAdapter
from klarchat.config import Settings
from klarchat.identity import Identities
from klarchat.privacy.redactor import Redaction
from klarchat.privacy.vault import Vault
from klarchat.services import Services
from tests.support.chat_client import ai_done
from tests.support.harness import TIMEOUT_S, Connection, ShiftedClock


class HeldRedactor:
    """Holds each message until the test releases it, then pseudonymises one name."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def redact(self, text: str, language: str, vault: Vault) -> Redaction:
        self.entered.set()
        assert self.release.wait(TIMEOUT_S)
        placeholder = vault.placeholder_for("PERSON", "Anna")
        return Redaction(text.replace("Anna", placeholder), {"PERSON": 1})


async def start(tmp_path: Path) -> tuple[Services, HeldRedactor, Connection]:
    redactor = HeldRedactor()
    services = await Services.start(
        Settings(data_dir=tmp_path, adapter="echo"),
        clock=ShiftedClock(),
        redactor=redactor,
        adapter=EchoAdapter({}),
        identities=Identities(b"unit-test-secret"),
    )
    chat = Connection(services)
    await chat.hello()
    await chat.consent(ai_chat=True)
    chat.send({"type": "message", "id": "m1", "text": "Ich bin Anna"})
    assert await asyncio.to_thread(redactor.entered.wait, TIMEOUT_S)
    return services, redactor, chat


async def test_pings_are_answered_while_a_message_is_redacted(tmp_path: Path) -> None:
    services, redactor, chat = await start(tmp_path)
    chat.send({"type": "ping", "id": "p1"})
    assert await chat.expect("pong") == {"type": "pong", "id": "p1"}
    redactor.release.set()
    assert (await chat.expect("redacted"))["entities"] == {"PERSON": 1}
    frame = await chat.recv()
    while frame["type"] == "delta":
        frame = await chat.recv()
    assert frame == ai_done("m1", "complete", chat.welcome)
    await chat.close()
    await services.stop()


async def test_a_withdrawal_waits_for_the_redaction_thread(tmp_path: Path) -> None:
    services, redactor, chat = await start(tmp_path)
    chat.send({"type": "withdraw", "purposes": ["ai_chat"]})
    await asyncio.sleep(0.1)  # the withdrawal is waiting for the answer to stop
    redactor.release.set()
    assert await chat.expect("done") == ai_done("m1", "cancelled", chat.welcome)
    await chat.expect("consent_recorded")
    session = chat.connection.session
    assert session is not None
    assert session.vault.restore("<PERSON_1>") == "<PERSON_1>"  # no pseudonym left
    stored = await services.sessions.resume(chat.welcome["session"])
    assert stored is not None
    assert stored.vault.restore("<PERSON_1>") == "<PERSON_1>"  # nor in the database
    await chat.close()
    await services.stop()
