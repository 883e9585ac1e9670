"""The one way to open the bus and the leadership, beside the store's: SQLite means one
instance, so the in-process pair; a PostgreSQL URL means perhaps several, so the pair
that works across them. Nothing is connected here; the caller starts both."""

from __future__ import annotations

from klarchat.bus.base import Bus, Leadership
from klarchat.bus.in_process import InProcessBus, SoleLeader
from klarchat.bus.leader import PostgresLeadership
from klarchat.bus.postgres import PostgresBus
from klarchat.config import Settings


def open_bus(settings: Settings) -> tuple[Bus, Leadership]:
    if settings.database_url is None:
        return InProcessBus(), SoleLeader()
    dsn = settings.database_url.get_secret_value()
    return PostgresBus(dsn), PostgresLeadership(dsn)
