"""The advisory locks Klarchat takes in PostgreSQL, in one place so that no two uses of
one database collide.

Every key is the pair (`NAMESPACE`, a `Lock`): the two-integer form of the advisory lock
functions keeps Klarchat's locks apart from any single-bigint key another application on
the same database might use.
"""

from __future__ import annotations

from enum import IntEnum

NAMESPACE = 0x4B4C4152
"""'KLAR' in ASCII."""


class Lock(IntEnum):
    MIGRATIONS = 1
    """Held for the session while a starting instance brings the schema up to date."""
    CONSENT_LEDGER = 2
    """Held for the transaction that reads the ledger's head and appends after it."""
    OVERSIGHT_LOG = 3
    """The same for the oversight log."""


def keys(lock: Lock) -> tuple[int, int]:
    return NAMESPACE, int(lock)
