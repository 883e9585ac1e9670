"""Every timestamp comes from the server's one clock: moving it moves the export, the
erasure and the periodic purge along with the ledger, as the test clock promises."""

from __future__ import annotations

import asyncio
from pathlib import Path

from klarchat.clock import parse_iso
from klarchat.retention import periodic_purge
from klarchat.services import Services
from tests.support.harness import DAY_S, Connection, ShiftedClock, make_services

LATER_S = 100 * DAY_S
"""Far enough to tell from the real time, short of consent expiry."""


async def consented_chat(tmp_path: Path, clock: ShiftedClock) -> tuple[Services, Connection]:
    """A chat that keeps its transcript."""
    services = await make_services(tmp_path, clock)
    chat = Connection(services)
    await chat.hello()
    await chat.consent(ai_chat=True, transcript=True)
    return services, chat


async def test_export_and_erasure_read_the_servers_clock(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services, chat = await consented_chat(tmp_path, clock)
    clock.offset = LATER_S
    now = clock.now()

    chat.send({"type": "export"})
    exported = parse_iso((await chat.expect("export"))["data"]["exported_at"])
    chat.send({"type": "erase"})
    erased = parse_iso((await chat.expect("erased"))["at"])

    assert abs((exported - now).total_seconds()) < 60
    assert abs((erased - now).total_seconds()) < 60
    await chat.close()
    await services.stop()


async def test_the_periodic_purge_reads_the_servers_clock(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services, chat = await consented_chat(tmp_path, clock)
    await chat.ask("Wann öffnet die Filiale?", "m1")
    conversation = services.identities.conversation(chat.welcome["session"])
    assert len(await services.store.messages(conversation)) == 2

    clock.offset = (services.settings.retention.transcript_days + 1) * DAY_S
    async with periodic_purge(services.store, services.settings.retention, clock, lambda: True):
        for _ in range(50):
            if not await services.store.messages(conversation):
                break
            await asyncio.sleep(0.05)
    assert await services.store.messages(conversation) == []
    await chat.close()
    await services.stop()
