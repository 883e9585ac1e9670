"""Storage limitation (GDPR Art. 5(1)(e)): stored rows are deleted when their time is up.

Transcripts and audit rows each have their period (`retention.*`). The ledger and the
erasure log are not purged: they hold no content and are the proof that consent was
given and that an erasure was done (Art. 5(2), 7(1)).

`purge` takes `now` instead of reading the clock, so that tests and an owner's dry run
(`klarchat purge --now ... --dry-run`) choose the moment; the periodic task passes the
time of the server's clock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from klarchat.background import running
from klarchat.clock import Clock, iso_ms
from klarchat.config import Retention
from klarchat.store.base import Store
from klarchat.store.records import PurgeCounts

logger = logging.getLogger("klarchat.retention")
LEADER_CHECK_SECONDS = 5
"""How soon a follower that became the leader starts purging."""


async def purge(
    store: Store, retention: Retention, now: datetime, *, dry_run: bool = False
) -> PurgeCounts:
    """Delete what is older than its retention at `now`; with `dry_run`, only count it.

    A link between subject and conversation goes once no row of its conversation is left
    and it is older than the shorter period, so that a link written just before its
    first row is never taken for an orphan.
    """
    messages_before = iso_ms(now - timedelta(days=retention.transcript_days))
    audit_before = iso_ms(now - timedelta(days=retention.audit_days))
    counts = await store.purge(
        messages_before=messages_before,
        audit_before=audit_before,
        links_before=max(messages_before, audit_before),
        dry_run=dry_run,
    )
    if not dry_run and (counts.messages or counts.audit):
        # Move the overwritten pages out of the write-ahead log into the file.
        await store.checkpoint()
    return counts


@asynccontextmanager
async def periodic_purge(
    store: Store, retention: Retention, clock: Clock, leading: Callable[[], bool]
) -> AsyncIterator[None]:
    """Purge at once and then every `retention.purge_interval_minutes` while the server runs,
    on the instance that `leading()` says leads (one at a time of several)."""
    async with running(_purge_forever(store, retention, clock, leading), "klarchat-retention"):
        yield


async def _purge_forever(
    store: Store, retention: Retention, clock: Clock, leading: Callable[[], bool]
) -> None:
    while True:
        if not leading():
            await asyncio.sleep(LEADER_CHECK_SECONDS)
            continue
        try:
            counts = await purge(store, retention, clock.now())
        except Exception as exc:  # a failed run must not end the schedule
            logger.error("retention purge failed with %s", type(exc).__name__)
        else:
            logger.info(
                "retention purge: %d messages, %d audit rows, %d links deleted",
                counts.messages,
                counts.audit,
                counts.links,
            )
        await asyncio.sleep(retention.purge_interval_minutes * 60)
