"""The bus between instances that share one PostgreSQL database: LISTEN/NOTIFY.

Publishing is a `pg_notify` on a small pool. Receiving needs a connection of its own that
stays in LISTEN for the life of the process, so it must be a direct connection (or one
through a session-pooling proxy): a transaction-pooling proxy such as pgbouncer in
transaction mode hands the session to others and the LISTEN with it.

PostgreSQL does not keep notifications for a listener that is gone. So the listener is
watched (the driver's termination callback, and a `SELECT 1` every check interval for a
connection that hangs rather than closes); when it drops, it is reconnected with a
bounded back-off and every subscriber then gets a `resync` notice, to re-read from the
database whatever it may have missed meanwhile.

Received notices go through one queue to one delivery task: the driver's callback never
waits for a subscriber, and subscribers see notices in the order they arrived.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Callable

import asyncpg

from klarchat.bus import wire
from klarchat.bus.base import Notice, Subscriber
from klarchat.bus.fanout import Fanout

logger = logging.getLogger("klarchat.bus")

LISTENER_NAME = "klarchat-bus-listener"
PUBLISHER_NAME = "klarchat-bus"
FIRST_BACKOFF_S = 0.1
MAX_BACKOFF_S = 2.0
CONNECT_TIMEOUT_S = 10.0
PUBLISH_TIMEOUT_S = 5.0
PUBLISHERS = 2
"""The publishing pool's size: a NOTIFY takes well under a millisecond."""

# What a pooled connection that died unnoticed (a database restart, a terminated or timed
# out idle session) raises on its next use, depending on how far the driver had got in
# noticing: a try on another or a fresh connection then succeeds. A timeout is not among
# them: with a database that hangs, each further try would make the caller wait again.
_DEAD_CONNECTION = (
    ConnectionError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.exceptions.OperatorInterventionError,
)

# An unquoted identifier, so that the channel means the same to LISTEN and to pg_notify.
_CHANNEL = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class PostgresBus:
    def __init__(
        self,
        dsn: str,
        channel: str = "klarchat",
        *,
        check_interval: float = 1.0,
        check_timeout: float = 3.0,
    ) -> None:
        if not _CHANNEL.fullmatch(channel):
            raise ValueError("a bus channel is a lower-case identifier of at most 63 characters")
        self.instance = secrets.token_hex(8)
        self._dsn = dsn
        self._channel = channel
        self._check_interval = check_interval
        self._check_timeout = check_timeout
        self._fanout = Fanout()
        self._inbox: asyncio.Queue[Notice] = asyncio.Queue()
        self._dropped = asyncio.Event()
        self._pool: asyncpg.Pool | None = None
        self._listener: asyncpg.Connection | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Connect and listen; raises if the database cannot be reached, so that a
        misconfigured instance fails at start rather than missing every notice."""
        self._pool = await asyncpg.create_pool(
            self._dsn,
            min_size=1,
            max_size=PUBLISHERS,
            timeout=CONNECT_TIMEOUT_S,
            server_settings={"application_name": PUBLISHER_NAME},
        )
        try:
            self._listener = await self._listen()
        except BaseException:
            await self._pool.close()
            self._pool = None
            raise
        self._tasks = [
            asyncio.create_task(self._watch(), name="klarchat-bus-watch"),
            asyncio.create_task(self._deliver(), name="klarchat-bus-deliver"),
        ]

    async def close(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        listener, self._listener = self._listener, None
        if listener is not None:
            # On failure close() has already aborted the connection; nothing is left to do.
            with contextlib.suppress(Exception):
                await listener.close(timeout=self._check_timeout)
        pool, self._pool = self._pool, None
        if pool is not None:
            try:
                await asyncio.wait_for(pool.close(), self._check_timeout)
            except Exception:
                pool.terminate()

    async def publish(self, notice: Notice) -> None:
        """Raises ValueError for a notice that may not travel (see `wire.check`), and the
        driver's error if the database cannot be reached: the notice is then not sent.

        Each pooled connection may have died unnoticed, so there is one try more than
        the pool holds. A notice sent twice (a try that failed after the server had
        sent it) costs subscribers one more read, nothing else."""
        payload = wire.encode(notice, self.instance)
        if self._pool is None:
            raise RuntimeError("the bus is not started")
        for attempt in range(PUBLISHERS + 1):
            try:
                await self._pool.execute(
                    "SELECT pg_notify($1, $2)", self._channel, payload, timeout=PUBLISH_TIMEOUT_S
                )
                return
            except _DEAD_CONNECTION:
                if attempt == PUBLISHERS:
                    raise

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        return self._fanout.subscribe(subscriber)

    async def _listen(self) -> asyncpg.Connection:
        connection = await asyncpg.connect(
            self._dsn,
            timeout=CONNECT_TIMEOUT_S,
            server_settings={"application_name": LISTENER_NAME},
        )
        try:
            connection.add_termination_listener(self._on_termination)
            await connection.add_listener(self._channel, self._on_notification)
        except BaseException:
            connection.terminate()
            raise
        return connection

    def _on_termination(self, connection: asyncpg.Connection) -> None:
        # Also called for a connection this bus closed or gave up on: only the current one counts.
        if connection is self._listener:
            self._dropped.set()

    def _on_notification(
        self, connection: asyncpg.Connection, pid: int, channel: str, payload: str
    ) -> None:
        try:
            notice = wire.decode(payload)
        except ValueError:
            logger.warning("dropped a malformed notice from the bus")
            return
        self._inbox.put_nowait(notice)

    async def _deliver(self) -> None:
        while True:
            await self._fanout.deliver(await self._inbox.get())

    async def _watch(self) -> None:
        while True:
            if await self._alive():
                continue
            logger.warning("bus listener connection lost; notices are missed until it is back")
            await self._reconnect()
            logger.info("bus listener reconnected; subscribers re-read from the database")
            self._inbox.put_nowait(Notice(kind="resync", origin=self.instance))

    async def _alive(self) -> bool:
        """Whether the listener is still connected after one check interval; answers at
        once when the driver reports the connection closed."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._dropped.wait(), self._check_interval)
        listener = self._listener
        if self._dropped.is_set() or listener is None or listener.is_closed():
            return False
        try:
            await listener.fetchval("SELECT 1", timeout=self._check_timeout)
        except Exception:
            # Whatever failed (timeout, reset, server shutdown), this connection can no
            # longer be trusted to carry every notice.
            return False
        return True

    async def _reconnect(self) -> None:
        """Replace the listener, retrying until it works: notices are worth nothing
        without it, and the database coming back must find this instance listening."""
        old, self._listener = self._listener, None
        if old is not None:
            old.terminate()
        delay = FIRST_BACKOFF_S
        while True:
            try:
                self._listener = await self._listen()
            except Exception as exc:
                logger.debug("bus listener reconnect failed: %s", type(exc).__name__)
            else:
                self._dropped.clear()
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF_S)
