"""The bus and the leadership between instances, on a real PostgreSQL: instances hear each
other, only ids travel, a dropped listener comes back and says `resync`, and exactly one
instance leads, another taking over when the leader's session ends."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import get_args

import asyncpg
import pytest
from pydantic import SecretStr

from klarchat.bus.base import Notice, NoticeKind
from klarchat.bus.factory import open_bus
from klarchat.bus.leader import PostgresLeadership
from klarchat.bus.postgres import LISTENER_NAME, PUBLISHER_NAME, PostgresBus
from klarchat.config import Settings
from tests.support.postgres import Cluster

CONVERSATION = "0123456789abcdef0123456789abcdef"
OTHER = "fedcba9876543210fedcba9876543210"
CHANNEL = "klarchat"
FAST = {"check_interval": 0.2, "check_timeout": 2.0}


async def eventually(condition: Callable[[], bool], what: str, deadline_s: float = 10.0) -> None:
    """Wait until `condition` holds; fail naming `what` after a generous deadline."""
    deadline = time.monotonic() + deadline_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {deadline_s} s: {what}")
        await asyncio.sleep(0.02)


def database_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


async def terminate(cluster: Cluster, url: str, where: str) -> int:
    """End the test database's backends matching `where`, from the database side; how many."""
    sql = (
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        f"WHERE datname = current_database() AND pid <> pg_backend_pid() AND {where}"
    )
    return int(await asyncio.to_thread(cluster.psql, sql, database_of(url)))


class Recorder:
    def __init__(self) -> None:
        self.notices: list[Notice] = []

    async def __call__(self, notice: Notice) -> None:
        self.notices.append(notice)

    def kinds(self) -> list[str]:
        return [notice.kind for notice in self.notices]


@pytest.fixture
async def raw_payloads(pg_url: str) -> AsyncIterator[list[str]]:
    """Every payload sent on the bus's channel, as a plain LISTEN sees it."""
    payloads: list[str] = []
    connection = await asyncpg.connect(pg_url)
    await connection.add_listener(CHANNEL, lambda _c, _p, _ch, payload: payloads.append(payload))
    yield payloads
    await connection.close()


@pytest.fixture
async def buses(pg_url: str) -> AsyncIterator[tuple[PostgresBus, PostgresBus]]:
    """Two instances' buses on one database."""
    first, second = PostgresBus(pg_url, **FAST), PostgresBus(pg_url, **FAST)
    await first.start()
    await second.start()
    yield first, second
    await first.close()
    await second.close()
    assert [t for t in asyncio.all_tasks() if t.get_name().startswith("klarchat-bus")] == []


async def test_each_instance_hears_the_others_and_its_own(
    buses: tuple[PostgresBus, PostgresBus],
) -> None:
    first, second = buses
    heard_first, heard_second = Recorder(), Recorder()
    first.subscribe(heard_first)
    second.subscribe(heard_second)

    await first.publish(Notice("line", CONVERSATION, seq=3))
    await second.publish(Notice("handoff", OTHER))

    expected = [
        Notice("line", CONVERSATION, seq=3, origin=first.instance),
        Notice("handoff", OTHER, origin=second.instance),
    ]
    for heard in (heard_first, heard_second):
        await eventually(lambda heard=heard: len(heard.notices) == 2, "both notices heard")
    assert heard_first.notices == expected
    assert heard_second.notices == expected
    assert first.instance != second.instance


async def test_only_ids_and_kinds_travel_in_small_payloads(
    buses: tuple[PostgresBus, PostgresBus], raw_payloads: list[str]
) -> None:
    first, _ = buses
    notices = [Notice(kind, CONVERSATION, seq=7) for kind in get_args(NoticeKind)]
    notices += [Notice("presence"), Notice("line", OTHER, seq=2**63 - 1)]
    for notice in notices:
        await first.publish(notice)

    await eventually(lambda: len(raw_payloads) == len(notices), "every payload seen")
    for payload in raw_payloads:
        assert len(payload.encode()) < 8000
        assert set(json.loads(payload)) == {"k", "c", "s", "o"}
    assert json.loads(raw_payloads[0]) == {
        "k": "handoff",
        "c": CONVERSATION,
        "s": 7,
        "o": first.instance,
    }


@pytest.mark.parametrize(
    "notice",
    [
        Notice("line", "Mein Geheimnis ist Tangofeuer"),
        Notice("line", CONVERSATION + "00"),
        Notice("gossip", CONVERSATION),  # type: ignore[arg-type]
    ],
)
async def test_what_may_not_travel_is_refused_and_nothing_is_sent(
    buses: tuple[PostgresBus, PostgresBus], raw_payloads: list[str], notice: Notice
) -> None:
    first, _ = buses
    with pytest.raises(ValueError):
        await first.publish(notice)
    await first.publish(Notice("presence"))  # a marker: anything sent before it arrives first

    await eventually(lambda: len(raw_payloads) >= 1, "the marker seen")
    assert [json.loads(payload)["k"] for payload in raw_payloads] == ["presence"]


async def test_a_malformed_payload_is_logged_and_dropped(
    pg_url: str, buses: tuple[PostgresBus, PostgresBus], caplog: pytest.LogCaptureFixture
) -> None:
    first, _ = buses
    heard = Recorder()
    first.subscribe(heard)
    connection = await asyncpg.connect(pg_url)
    with caplog.at_level(logging.WARNING, logger="klarchat.bus"):
        for payload in ["not json", "[1]", '{"k":"line","c":"Tangofeuer"}', '{"k":"gossip"}']:
            await connection.execute("SELECT pg_notify($1, $2)", CHANNEL, payload)
        await first.publish(Notice("presence"))
        await eventually(lambda: heard.kinds() == ["presence"], "the valid notice heard")
    await connection.close()

    assert caplog.text.count("malformed") == 2 * 4  # each of the two instances drops each
    assert "Tangofeuer" not in caplog.text


async def test_a_dropped_listener_comes_back_and_says_resync(
    pg_cluster: Cluster, pg_url: str, buses: tuple[PostgresBus, PostgresBus]
) -> None:
    first, second = buses
    heard = Recorder()
    first.subscribe(heard)

    ended = await terminate(pg_cluster, pg_url, f"application_name = '{LISTENER_NAME}'")
    assert ended == 2  # both instances' listeners

    await eventually(lambda: "resync" in heard.kinds(), "a resync after the reconnect")
    assert heard.notices[-1] == Notice("resync", origin=first.instance)
    await second.publish(Notice("consent", CONVERSATION))
    await eventually(lambda: heard.kinds()[-1] == "consent", "a notice after the reconnect")
    assert heard.notices[-1].origin == second.instance


async def test_publishing_goes_on_after_its_connection_ends(
    pg_cluster: Cluster, pg_url: str, buses: tuple[PostgresBus, PostgresBus]
) -> None:
    first, second = buses
    heard = Recorder()
    second.subscribe(heard)

    assert await terminate(pg_cluster, pg_url, f"application_name = '{PUBLISHER_NAME}'") >= 2
    await first.publish(Notice("session", CONVERSATION))
    await eventually(lambda: heard.kinds() == ["session"], "a notice from a fresh connection")


async def test_the_database_url_opens_the_postgresql_pair(pg_url: str) -> None:
    bus, leadership = open_bus(Settings(database_url=SecretStr(pg_url)))
    assert isinstance(bus, PostgresBus)
    assert isinstance(leadership, PostgresLeadership)


def leaders(candidates: list[PostgresLeadership]) -> list[int]:
    return [index for index, candidate in enumerate(candidates) if candidate.is_leader()]


@pytest.fixture
async def candidates(pg_url: str) -> AsyncIterator[list[PostgresLeadership]]:
    """Two instances' leaderships on one database, trying every 0.1 s."""
    both = [PostgresLeadership(pg_url, interval=0.1), PostgresLeadership(pg_url, interval=0.1)]
    for candidate in both:
        await candidate.start()
    yield both
    for candidate in both:
        await candidate.close()
    assert [t for t in asyncio.all_tasks() if t.get_name() == "klarchat-leader"] == []


async def test_exactly_one_instance_leads(candidates: list[PostgresLeadership]) -> None:
    await eventually(lambda: len(leaders(candidates)) == 1, "one leader")
    await asyncio.sleep(0.5)  # several rounds of trying: still one
    assert len(leaders(candidates)) == 1


async def test_another_instance_takes_over_when_the_leaders_session_ends(
    pg_cluster: Cluster, pg_url: str, candidates: list[PostgresLeadership]
) -> None:
    await eventually(lambda: len(leaders(candidates)) == 1, "one leader")
    [first] = leaders(candidates)

    holder = "pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)"
    assert await terminate(pg_cluster, pg_url, holder) == 1

    await eventually(lambda: not candidates[first].is_leader(), "the old leader stepped down")
    await eventually(lambda: leaders(candidates) == [1 - first], "the other took over")
    await asyncio.sleep(0.5)  # the old one is back online by now, and must not lead too
    assert leaders(candidates) == [1 - first]


async def test_closing_the_leader_hands_over(candidates: list[PostgresLeadership]) -> None:
    await eventually(lambda: len(leaders(candidates)) == 1, "one leader")
    [first] = leaders(candidates)
    await candidates[first].close()
    assert not candidates[first].is_leader()
    await eventually(lambda: leaders(candidates) == [1 - first], "the other took over")
