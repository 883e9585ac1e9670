"""Which of the instances on one PostgreSQL database runs the one-at-a-time jobs.

The leader is whoever holds a session-level advisory lock. PostgreSQL releases it when the
holding session ends, however it ends, so a crashed leader's lock frees itself and
another instance takes it on its next try. The lock lives in a session, so this needs a
direct connection (or a session-pooling proxy): through a transaction-pooling proxy such
as pgbouncer in transaction mode, the lock would be taken on a server session that the
proxy then lends to other clients.

Any doubt about the connection ends it: a failed or timed-out query terminates the
session, so that this instance never holds the lock without knowing it. The reverse
cannot be ruled out: if the network drops silently, the database may end the session
(and let another instance lead) before this side notices, at most one check interval
plus the query timeout later. A job led this way must therefore tolerate a rare
overlap, such as a purge that runs twice at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg

logger = logging.getLogger("klarchat.bus")

LEADER_KEY = 0x6B6C_6172_6368_6174
"""The advisory lock's key: "klarchat" in ASCII, a positive bigint (below 2**63)."""
LEADER_NAME = "klarchat-leader"
CONNECT_TIMEOUT_S = 10.0


class PostgresLeadership:
    def __init__(
        self,
        dsn: str,
        key: int = LEADER_KEY,
        *,
        interval: float = 1.0,
        check_timeout: float = 3.0,
    ) -> None:
        self._dsn = dsn
        self._key = key
        self._interval = interval
        self._check_timeout = check_timeout
        self._connection: asyncpg.Connection | None = None
        self._leader = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Connect and make the first try at once; raises if the database cannot be
        reached, so that a misconfigured instance fails at start."""
        self._connection = await self._connect()
        await self._step()
        self._task = asyncio.create_task(self._run(), name="klarchat-leader")

    async def close(self) -> None:
        self._leader = False
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        connection, self._connection = self._connection, None
        if connection is not None:
            # Ending the session releases the lock; on failure close() has aborted it.
            with contextlib.suppress(Exception):
                await connection.close(timeout=self._check_timeout)

    def is_leader(self) -> bool:
        connection = self._connection
        return self._leader and connection is not None and not connection.is_closed()

    async def _connect(self) -> asyncpg.Connection:
        connection = await asyncpg.connect(
            self._dsn,
            timeout=CONNECT_TIMEOUT_S,
            server_settings={"application_name": LEADER_NAME},
        )
        connection.add_termination_listener(self._on_termination)
        return connection

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            await self._step()

    async def _step(self) -> None:
        """Reconnect if needed, then take the lead, or confirm that the session holding
        it is still there."""
        try:
            if self._connection is None or self._connection.is_closed():
                self._drop()
                self._connection = await self._connect()
            if self._leader:
                await self._connection.fetchval("SELECT 1", timeout=self._check_timeout)
            elif await self._connection.fetchval(
                "SELECT pg_try_advisory_lock($1)", self._key, timeout=self._check_timeout
            ):
                self._leader = True
                logger.info("this instance leads the one-at-a-time jobs")
        except Exception as exc:
            logger.debug("leadership check failed: %s", type(exc).__name__)
            self._drop()

    def _on_termination(self, connection: asyncpg.Connection) -> None:
        if connection is self._connection:
            self._drop()

    def _drop(self) -> None:
        """Give up the lead and the session with it (which releases the lock, if held)."""
        if self._leader:
            logger.warning("this instance lost the lead: its database session ended")
        self._leader = False
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.terminate()
