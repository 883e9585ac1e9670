"""The single instance's bus: its own subscribers get every notice, in order, stamped with
its id; a broken subscriber is logged and the rest still hear; nothing that may not
travel between instances is accepted here either."""

from __future__ import annotations

import logging

import pytest

from klarchat.bus.base import Notice
from klarchat.bus.factory import open_bus
from klarchat.bus.in_process import InProcessBus, SoleLeader
from klarchat.config import Settings

CONVERSATION = "0123456789abcdef0123456789abcdef"


async def test_each_subscriber_gets_each_notice_in_order_with_the_origin() -> None:
    bus = InProcessBus()
    await bus.start()
    seen: list[tuple[str, Notice]] = []

    async def first(notice: Notice) -> None:
        seen.append(("first", notice))

    async def second(notice: Notice) -> None:
        seen.append(("second", notice))

    bus.subscribe(first)
    bus.subscribe(second)
    await bus.publish(Notice("line", CONVERSATION, seq=1))
    await bus.publish(Notice("presence"))

    line = Notice("line", CONVERSATION, seq=1, origin=bus.instance)
    presence = Notice("presence", origin=bus.instance)
    assert seen == [("first", line), ("second", line), ("first", presence), ("second", presence)]
    await bus.close()


async def test_unsubscribed_hears_no_more() -> None:
    bus = InProcessBus()
    seen: list[Notice] = []

    async def listen(notice: Notice) -> None:
        seen.append(notice)

    unsubscribe = bus.subscribe(listen)
    await bus.publish(Notice("consent", CONVERSATION))
    unsubscribe()
    unsubscribe()
    await bus.publish(Notice("consent", CONVERSATION))
    assert [notice.kind for notice in seen] == ["consent"]


async def test_a_failing_subscriber_is_logged_and_the_others_still_hear(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = InProcessBus()
    seen: list[Notice] = []

    async def broken(notice: Notice) -> None:
        raise RuntimeError("view gone")

    async def listen(notice: Notice) -> None:
        seen.append(notice)

    bus.subscribe(broken)
    bus.subscribe(listen)
    with caplog.at_level(logging.ERROR, logger="klarchat.bus"):
        await bus.publish(Notice("handoff", CONVERSATION))

    assert [notice.kind for notice in seen] == ["handoff"]
    assert "handoff" in caplog.text
    assert CONVERSATION not in caplog.text


@pytest.mark.parametrize(
    "notice",
    [
        Notice("line", "Mein Geheimnis ist Tangofeuer"),
        Notice("line", CONVERSATION.upper()),
        Notice("gossip", CONVERSATION),  # type: ignore[arg-type]
        Notice("line", CONVERSATION, seq=-1),
    ],
)
async def test_what_may_not_travel_is_refused(notice: Notice) -> None:
    bus = InProcessBus()
    seen: list[Notice] = []

    async def listen(received: Notice) -> None:
        seen.append(received)

    bus.subscribe(listen)
    with pytest.raises(ValueError):
        await bus.publish(notice)
    assert seen == []


async def test_the_sole_instance_always_leads() -> None:
    leader = SoleLeader()
    await leader.start()
    assert leader.is_leader()
    await leader.close()


def test_without_a_database_url_the_pair_is_in_process() -> None:
    bus, leadership = open_bus(Settings())
    assert isinstance(bus, InProcessBus)
    assert isinstance(leadership, SoleLeader)
